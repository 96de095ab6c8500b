//! Failed sign-ins, counted in the database so that every app node sees the same counts.

use super::{Ex, Result, exec, scalar};

pub async fn failures_since(ex: Ex<'_>, key: &str, since: i64) -> Result<i64> {
    scalar!(ex, i64, "SELECT COUNT(*) FROM login_failures WHERE key = $1 AND at > $2", key, since)
}

pub async fn record_failure(ex: Ex<'_>, key: &str, now: i64) -> Result<u64> {
    exec!(ex, "INSERT INTO login_failures (key, at) VALUES ($1, $2)", key, now)
}

pub async fn clear(ex: Ex<'_>, key: &str) -> Result<u64> {
    exec!(ex, "DELETE FROM login_failures WHERE key = $1", key)
}

pub async fn prune(ex: Ex<'_>, before: i64) -> Result<u64> {
    exec!(ex, "DELETE FROM login_failures WHERE at <= $1", before)
}
