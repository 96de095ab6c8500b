//! Sign-in attempts, counted in the database so that every app node sees the same counts.
//!
//! An attempt is written *before* the password is checked and counted after: of N attempts sent
//! at the same moment, each one's count includes itself and every one written before it, so no
//! more pass than the limit allows. An attempt that succeeds, or that is refused unchecked, is
//! removed again; what remains are failed guesses.

use super::{Ex, Result, exec, on};

/// The attempts of one sign-in, one row per key.
pub struct Attempt {
    ids: Vec<i64>,
}

/// Writes one attempt under each key, then counts the attempts under each since `since`, this
/// one included, in the order of `keys` (one to three keys).
pub async fn record(mut ex: Ex<'_>, keys: &[String], now: i64, since: i64) -> Result<(Attempt, Vec<i64>)> {
    let n = keys.len();
    let values: Vec<String> = (1..=n).map(|i| format!("(${i}, ${})", n + 1)).collect();
    let insert = format!("INSERT INTO login_failures (key, at) VALUES {} RETURNING id", values.join(", "));
    let sums: Vec<String> = (1..=n).map(|i| format!("COALESCE(SUM(CASE WHEN key = ${i} THEN 1 ELSE 0 END), 0)")).collect();
    let placeholders: Vec<String> = (1..=n).map(|i| format!("${i}")).collect();
    let count = format!("SELECT {} FROM login_failures WHERE key IN ({}) AND at > ${}", sums.join(", "), placeholders.join(", "), n + 1);
    let ids: Vec<i64> = on!(ex.reborrow(), |c| {
        let mut q = sqlx::query_scalar(sqlx::AssertSqlSafe(insert));
        for key in keys {
            q = q.bind(key);
        }
        q.bind(now).fetch_all(&mut *c).await?
    });
    let counts: Vec<i64> = on!(ex, |c| {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(count));
        for key in keys {
            q = q.bind(key);
        }
        let row = q.bind(since).fetch_one(&mut *c).await?;
        (0..n).map(|i| sqlx::Row::try_get::<i64, _>(&row, i)).collect::<std::result::Result<_, _>>()?
    });
    Ok((Attempt { ids }, counts))
}

/// Takes an attempt back: it was refused before any password was checked, or it succeeded.
pub async fn withdraw(mut ex: Ex<'_>, attempt: Attempt) -> Result<()> {
    for id in attempt.ids {
        exec!(ex.reborrow(), "DELETE FROM login_failures WHERE id = $1", id)?;
    }
    Ok(())
}

/// Forgets the failures under one key (a person who signed in from an address is no stranger
/// there).
pub async fn clear(ex: Ex<'_>, key: &str) -> Result<u64> {
    exec!(ex, "DELETE FROM login_failures WHERE key = $1", key)
}

pub async fn prune(ex: Ex<'_>, before: i64) -> Result<u64> {
    exec!(ex, "DELETE FROM login_failures WHERE at <= $1", before)
}
