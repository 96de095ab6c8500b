//! Sign-in attempts, counted in the database so that every app node sees the same counts.
//!
//! An attempt is written *before* the password is checked and counted after: of N attempts sent
//! at the same moment, each one's count includes itself and every one written before it, so no
//! more pass than the limit allows. An attempt that succeeds, or that is refused unchecked, is
//! removed again; what remains are failed guesses.

use super::{Ex, Result, exec, row, rows};

/// The attempts of one sign-in, one row per key.
pub struct Attempt {
    ids: Vec<i64>,
}

/// Attempts under each of three keys since a moment, this attempt included.
#[derive(sqlx::FromRow, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub first: i64,
    pub second: i64,
    pub third: i64,
}

pub async fn record(mut ex: Ex<'_>, keys: [&str; 3], now: i64, since: i64) -> Result<(Attempt, Counts)> {
    let ids: Vec<(i64,)> = rows!(
        ex.reborrow(),
        (i64,),
        "INSERT INTO login_failures (key, at) VALUES ($1, $4), ($2, $4), ($3, $4) RETURNING id",
        keys[0],
        keys[1],
        keys[2],
        now
    )?;
    let counts = row!(
        ex,
        Counts,
        "SELECT COALESCE(SUM(CASE WHEN key = $1 THEN 1 ELSE 0 END), 0) AS first, \
         COALESCE(SUM(CASE WHEN key = $2 THEN 1 ELSE 0 END), 0) AS second, \
         COALESCE(SUM(CASE WHEN key = $3 THEN 1 ELSE 0 END), 0) AS third \
         FROM login_failures WHERE key IN ($1, $2, $3) AND at > $4",
        keys[0],
        keys[1],
        keys[2],
        since
    )?
    .unwrap_or(Counts { first: 1, second: 1, third: 1 });
    Ok((Attempt { ids: ids.into_iter().map(|(id,)| id).collect() }, counts))
}

/// Takes an attempt back: it was refused before any password was checked, or it succeeded.
pub async fn withdraw(ex: Ex<'_>, attempt: Attempt) -> Result<u64> {
    let id = |i: usize| attempt.ids.get(i).copied().unwrap_or(0);
    exec!(ex, "DELETE FROM login_failures WHERE id IN ($1, $2, $3)", id(0), id(1), id(2))
}

/// Forgets the failures under one key (a person who signed in from an address is no stranger
/// there).
pub async fn clear(ex: Ex<'_>, key: &str) -> Result<u64> {
    exec!(ex, "DELETE FROM login_failures WHERE key = $1", key)
}

pub async fn prune(ex: Ex<'_>, before: i64) -> Result<u64> {
    exec!(ex, "DELETE FROM login_failures WHERE at <= $1", before)
}
