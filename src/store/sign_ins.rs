//! Sign-ins at the identity provider between the redirect and the callback.

use super::{Ex, Result, exec, row};

/// What the callback of one sign-in needs.
#[derive(sqlx::FromRow, Debug)]
pub struct Started {
    pub browser_hash: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub next: String,
    pub expires_at: i64,
}

pub async fn start(ex: Ex<'_>, state_hash: &str, s: &Started) -> Result<u64> {
    exec!(
        ex,
        "INSERT INTO provider_sign_ins (state_hash, browser_hash, nonce, pkce_verifier, next, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
        state_hash,
        &s.browser_hash,
        &s.nonce,
        &s.pkce_verifier,
        &s.next,
        s.expires_at
    )
}

/// Takes the sign-in with this state: of two callbacks at once, one gets it, the other nothing.
pub async fn take(ex: Ex<'_>, state_hash: &str) -> Result<Option<Started>> {
    row!(
        ex,
        Started,
        "DELETE FROM provider_sign_ins WHERE state_hash = $1 RETURNING browser_hash, nonce, pkce_verifier, next, expires_at",
        state_hash
    )
}

pub async fn delete_expired(ex: Ex<'_>, now: i64) -> Result<u64> {
    exec!(ex, "DELETE FROM provider_sign_ins WHERE expires_at <= $1", now)
}
