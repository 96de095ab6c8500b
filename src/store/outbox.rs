//! E-mail waiting to be sent. Messages are queued inside the transaction of what they tell
//! about; senders claim a batch for a while, so two nodes never send the same message.

use super::{Ex, Result, exec, row, rows};
use crate::domain::PersonId;

pub struct NewMessage<'a> {
    pub event_key: &'a str,
    pub person: PersonId,
    pub recipient: &'a str,
    pub kind: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
    pub body_html: &'a str,
}

/// Queues a message unless its event is queued already; true when it was added.
pub async fn queue(ex: Ex<'_>, m: &NewMessage<'_>, now: i64) -> Result<bool> {
    let added = exec!(
        ex,
        "INSERT INTO outbox (event_key, person_id, recipient, kind, subject, body_text, body_html, status, attempts, next_attempt_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $8) ON CONFLICT (event_key) DO NOTHING",
        m.event_key,
        m.person.0,
        m.recipient,
        m.kind,
        m.subject,
        m.body_text,
        m.body_html,
        now
    )?;
    Ok(added > 0)
}

/// A message claimed for sending.
#[derive(sqlx::FromRow, Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub attempts: i64,
}

/// Claims up to `limit` messages that are due and held by no other sender, until `until`.
/// The conditions are checked again on each row as it is updated: on PostgreSQL a sender that
/// waited for another's claim then finds the row taken and leaves it.
pub async fn claim(ex: Ex<'_>, now: i64, until: i64, limit: i64) -> Result<Vec<Claimed>> {
    // The limit is written in: SQLite prepares a statement with a bound LIMIT again at each run.
    rows!(
        ex,
        Claimed,
        sqlx::AssertSqlSafe(format!(
            "UPDATE outbox SET claimed_until = $2, attempts = attempts + 1 \
             WHERE status = 'pending' AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1) \
             AND id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1 \
                        AND (claimed_until IS NULL OR claimed_until <= $1) ORDER BY id LIMIT {limit}) \
             RETURNING id, recipient, subject, body_text, body_html, attempts"
        )),
        now,
        until
    )
}

pub async fn mark_sent(ex: Ex<'_>, id: i64, now: i64) -> Result<u64> {
    exec!(ex, "UPDATE outbox SET status = 'sent', sent_at = $2, claimed_until = NULL, last_error = NULL WHERE id = $1", id, now)
}

/// Lets a message go after a failed attempt, to be tried again at `next_attempt_at`.
pub async fn mark_failed(ex: Ex<'_>, id: i64, error: &str, next_attempt_at: i64) -> Result<u64> {
    exec!(ex, "UPDATE outbox SET claimed_until = NULL, last_error = $2, next_attempt_at = $3 WHERE id = $1", id, error, next_attempt_at)
}

/// A message not yet sent, as HR sees it: to whom, about what kind of thing, and why it waits.
#[derive(sqlx::FromRow, serde::Deserialize, Debug, Clone)]
pub struct PendingRow {
    pub id: i64,
    pub person_id: i64,
    pub name: String,
    pub recipient: String,
    pub kind: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub created_at: i64,
}

/// The messages waiting, survey reminders apart, oldest first; `LIMIT` and `OFFSET` to follow.
const PENDING: &str = "SELECT o.id, o.person_id, p.name, o.recipient, o.kind, o.attempts, o.next_attempt_at, o.last_error, \
     o.created_at FROM outbox o JOIN people p ON p.id = o.person_id WHERE o.status = 'pending' AND o.kind <> 'wave-reminder' \
     ORDER BY o.id";

/// The messages still waiting, oldest first from `offset` on, survey reminders left out: who
/// gets one is who has not answered, and that is nobody's to see. The limit and offset are
/// written in, not bound: SQLite prepares a statement with a bound LIMIT again at every run.
pub async fn pending(ex: Ex<'_>, limit: i64, offset: i64) -> Result<Vec<PendingRow>> {
    rows!(ex, PendingRow, sqlx::AssertSqlSafe(format!("{PENDING} LIMIT {limit} OFFSET {offset}")))
}

/// How many messages wait (survey reminders apart), how many survey reminders wait, and how
/// many were sent since `since`. Each count reads an index only (`outbox_waiting`, `outbox_sent`),
/// never the messages themselves.
pub async fn counts(ex: Ex<'_>, since: i64) -> Result<(i64, i64, i64)> {
    let counts = row!(ex, (i64, i64, i64), sqlx::AssertSqlSafe(format!("SELECT {COUNTS} {COUNTED}")), since)?;
    Ok(counts.unwrap_or_default())
}

/// The columns of `counts`, over `COUNTED`, with `since` as `$1`.
const COUNTS: &str = "COUNT(*) - COALESCE(SUM(CASE WHEN kind = 'wave-reminder' THEN 1 ELSE 0 END), 0), \
     COALESCE(SUM(CASE WHEN kind = 'wave-reminder' THEN 1 ELSE 0 END), 0), \
     (SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND sent_at >= $1)";
const COUNTED: &str = "FROM outbox WHERE status = 'pending'";

/// The outbox page in one statement: `counts`, and the page of `pending` from `offset` on.
pub async fn overview(ex: Ex<'_>, since: i64, limit: i64, offset: i64) -> Result<((i64, i64, i64), Vec<PendingRow>)> {
    let list = super::json_list(
        matches!(ex, Ex::Pg(_)),
        "id, person_id, name, recipient, kind, attempts, next_attempt_at, last_error, created_at",
        "id",
    );
    let (pending, reminders, sent, json) = row!(
        ex,
        (i64, i64, i64, String),
        sqlx::AssertSqlSafe(format!("SELECT {COUNTS}, (SELECT {list} FROM ({PENDING} LIMIT {limit} OFFSET {offset}) w) {COUNTED}")),
        since
    )?
    .ok_or(sqlx::Error::RowNotFound)?;
    Ok(((pending, reminders, sent), super::parse_json_rows(&json)?))
}

/// Whether a message for this event is queued or sent already.
pub async fn has_event(ex: Ex<'_>, event_key: &str) -> Result<bool> {
    Ok(row!(ex, (i64,), "SELECT id FROM outbox WHERE event_key = $1", event_key)?.is_some())
}
