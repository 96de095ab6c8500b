//! Sessions: a random token in the cookie, its SHA-256 in the database.

use super::{Ex, Result, exec, row};
use crate::domain::{PersonId, UnitId};

/// The signed-in person, as every request needs them.
#[derive(sqlx::FromRow, Clone, Debug)]
pub struct SessionUser {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub is_admin: bool,
    pub is_leader: bool,
    pub unit_id: Option<i64>,
    pub locale: Option<String>,
    /// The data version as the session was read: what this node kept at it may be shown.
    #[sqlx(flatten)]
    pub version: super::cache::DataVersion,
}

impl SessionUser {
    pub fn person(&self) -> PersonId {
        PersonId(self.id)
    }
    pub fn unit(&self) -> Option<UnitId> {
        self.unit_id.map(UnitId)
    }
}

/// How a session began.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    Password,
    /// At the organisation's identity provider: signing out ends the session there too.
    Provider,
}

pub async fn create(ex: Ex<'_>, token_hash: &str, person: PersonId, now: i64, expires_at: i64, via: Via) -> Result<u64> {
    exec!(
        ex,
        "INSERT INTO sessions (token_hash, person_id, created_at, expires_at, via_provider) VALUES ($1, $2, $3, $4, $5)",
        token_hash,
        person.0,
        now,
        expires_at,
        via == Via::Provider
    )
}

/// The active person behind a live session, with the data version (the sums of its rows: one on
/// SQLite, sixteen on PostgreSQL); someone whose end date has come has none.
pub async fn user(ex: Ex<'_>, token_hash: &str, now: i64) -> Result<Option<SessionUser>> {
    row!(
        ex,
        SessionUser,
        "SELECT p.id, p.name, p.email, p.is_admin, \
         EXISTS (SELECT 1 FROM people r WHERE r.leader_id = p.id AND r.active) AS is_leader, p.unit_id, p.locale, \
         v.content, v.development, v.outbox, v.participation \
         FROM sessions s JOIN people p ON p.id = s.person_id CROSS JOIN (SELECT CAST(SUM(content) AS BIGINT) AS content, \
         CAST(SUM(development) AS BIGINT) AS development, CAST(SUM(outbox) AS BIGINT) AS outbox, \
         CAST(SUM(participation) AS BIGINT) AS participation FROM data_version) v \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND p.active AND (p.end_date IS NULL OR p.end_date > $3)",
        token_hash,
        now,
        super::today(now)
    )
}

pub async fn delete(ex: Ex<'_>, token_hash: &str) -> Result<u64> {
    exec!(ex, "DELETE FROM sessions WHERE token_hash = $1", token_hash)
}

/// Ends a session; says how it began, when there was one.
pub async fn end(ex: Ex<'_>, token_hash: &str) -> Result<Option<Via>> {
    let via_provider = row!(ex, (bool,), "DELETE FROM sessions WHERE token_hash = $1 RETURNING via_provider", token_hash)?;
    Ok(via_provider.map(|(p,)| if p { Via::Provider } else { Via::Password }))
}

pub async fn delete_for_person(ex: Ex<'_>, person: PersonId) -> Result<u64> {
    exec!(ex, "DELETE FROM sessions WHERE person_id = $1", person.0)
}

pub async fn delete_expired(ex: Ex<'_>, now: i64) -> Result<u64> {
    exec!(ex, "DELETE FROM sessions WHERE expires_at <= $1", now)
}

/// Ends every session of the person but the one given (after a password change).
pub async fn delete_others(ex: Ex<'_>, person: PersonId, keep_token_hash: &str) -> Result<u64> {
    exec!(ex, "DELETE FROM sessions WHERE person_id = $1 AND token_hash <> $2", person.0, keep_token_hash)
}
