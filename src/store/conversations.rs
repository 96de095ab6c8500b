//! Follow-up conversations and the cadence of each pair.

use super::{Ex, Result, exec, row, rows, scalar};
use crate::domain::PersonId;

/// A direct report as the leader's list of conversations shows them, in one statement.
#[derive(sqlx::FromRow, Debug, Clone)]
pub struct PairRow {
    pub id: i64,
    pub name: String,
    pub location_id: Option<i64>,
    pub leader_location_id: Option<i64>,
    pub cadence: Option<String>,
    /// When the pair's cadence was set, or the person was added: where the first due date counts from.
    pub since: i64,
    pub last_held: Option<i64>,
    pub next_id: Option<i64>,
    pub next_at: Option<i64>,
    pub next_status: Option<String>,
}

const OPEN: &str = "('proposed', 'planned')";

pub async fn pairs(ex: Ex<'_>, leader: PersonId) -> Result<Vec<PairRow>> {
    rows!(
        ex,
        PairRow,
        sqlx::AssertSqlSafe(format!(
            "SELECT p.id, p.name, p.location_id, l.location_id AS leader_location_id, c.cadence, \
             COALESCE(c.set_at, p.created_at) AS since, \
             (SELECT MAX(v.starts_at) FROM conversations v WHERE v.employee_id = p.id AND v.leader_id = $1 AND v.status = 'held') AS last_held, \
             (SELECT v.id FROM conversations v WHERE v.employee_id = p.id AND v.leader_id = $1 AND v.status IN {OPEN} ORDER BY v.starts_at LIMIT 1) AS next_id, \
             (SELECT MIN(v.starts_at) FROM conversations v WHERE v.employee_id = p.id AND v.leader_id = $1 AND v.status IN {OPEN}) AS next_at, \
             (SELECT v.status FROM conversations v WHERE v.employee_id = p.id AND v.leader_id = $1 AND v.status IN {OPEN} ORDER BY v.starts_at LIMIT 1) AS next_status \
             FROM people p JOIN people l ON l.id = p.leader_id LEFT JOIN cadences c ON c.employee_id = p.id AND c.leader_id = $1 \
             WHERE p.leader_id = $1 AND p.active ORDER BY p.sort_key, p.id"
        )),
        leader.0
    )
}

/// A conversation with the names of its two parties.
#[derive(sqlx::FromRow, Debug, Clone)]
pub struct ConversationRow {
    pub id: i64,
    pub leader_id: i64,
    pub leader_name: String,
    pub employee_id: i64,
    pub employee_name: String,
    pub template: String,
    pub starts_at: i64,
    pub minutes: i64,
    pub channel: String,
    pub place: String,
    pub status: String,
    pub proposed_by: i64,
    pub sequence: i64,
    pub updated_at: i64,
}

const CONVERSATION: &str = "SELECT v.id, v.leader_id, l.name AS leader_name, v.employee_id, e.name AS employee_name, v.template, \
     v.starts_at, v.minutes, v.channel, v.place, v.status, v.proposed_by, v.sequence, v.updated_at \
     FROM conversations v JOIN people l ON l.id = v.leader_id JOIN people e ON e.id = v.employee_id";

/// A conversation `person` takes part in; anyone else's is not found.
pub async fn get(ex: Ex<'_>, person: PersonId, id: i64) -> Result<Option<ConversationRow>> {
    row!(
        ex,
        ConversationRow,
        sqlx::AssertSqlSafe(format!("{CONVERSATION} WHERE v.id = $1 AND (v.leader_id = $2 OR v.employee_id = $2)")),
        id,
        person.0
    )
}

/// Every conversation of `employee` as the employee, newest first (with any leader they had).
pub async fn of_employee(ex: Ex<'_>, employee: PersonId) -> Result<Vec<ConversationRow>> {
    rows!(
        ex,
        ConversationRow,
        sqlx::AssertSqlSafe(format!("{CONVERSATION} WHERE v.employee_id = $1 ORDER BY v.starts_at DESC, v.id DESC")),
        employee.0
    )
}

/// The conversations of one pair, newest first: a leader's view of one report.
pub async fn of_pair(ex: Ex<'_>, leader: PersonId, employee: PersonId) -> Result<Vec<ConversationRow>> {
    rows!(
        ex,
        ConversationRow,
        sqlx::AssertSqlSafe(format!("{CONVERSATION} WHERE v.leader_id = $1 AND v.employee_id = $2 ORDER BY v.starts_at DESC, v.id DESC")),
        leader.0,
        employee.0
    )
}

pub struct NewConversation<'a> {
    pub leader: PersonId,
    pub employee: PersonId,
    pub template: &'a str,
    pub starts_at: i64,
    pub minutes: i64,
    pub channel: &'a str,
    pub place: &'a str,
    pub status: &'a str,
    pub proposed_by: PersonId,
}

pub async fn insert(ex: Ex<'_>, c: &NewConversation<'_>, now: i64) -> Result<i64> {
    scalar!(
        ex,
        i64,
        "INSERT INTO conversations (leader_id, employee_id, template, starts_at, minutes, channel, place, status, proposed_by, sequence, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $10) RETURNING id",
        c.leader.0,
        c.employee.0,
        c.template,
        c.starts_at,
        c.minutes,
        c.channel,
        c.place,
        c.status,
        c.proposed_by.0,
        now
    )
}

/// Sets the status if it is still `from` (what the person saw); false when it changed meanwhile.
pub async fn set_status(ex: Ex<'_>, id: i64, from: &str, to: &str, now: i64) -> Result<bool> {
    let n = exec!(
        ex,
        "UPDATE conversations SET status = $1, sequence = sequence + 1, updated_at = $2 WHERE id = $3 AND status = $4",
        to,
        now,
        id,
        from
    )?;
    Ok(n == 1)
}

/// A new time for an open conversation, and the status it takes.
pub struct Reschedule<'a> {
    /// The status the person saw: the change is made only if it is still so.
    pub from: &'a str,
    pub to: &'a str,
    pub starts_at: i64,
    pub minutes: i64,
    pub by: PersonId,
}

/// Gives an open conversation a new time; false when its status changed meanwhile.
pub async fn reschedule(ex: Ex<'_>, id: i64, r: &Reschedule<'_>, now: i64) -> Result<bool> {
    let n = exec!(
        ex,
        "UPDATE conversations SET status = $1, starts_at = $2, minutes = $3, proposed_by = $4, sequence = sequence + 1, updated_at = $5 \
         WHERE id = $6 AND status = $7",
        r.to,
        r.starts_at,
        r.minutes,
        r.by.0,
        now,
        id,
        r.from
    )?;
    Ok(n == 1)
}

/// Sets the cadence of a pair.
pub async fn set_cadence(ex: Ex<'_>, leader: PersonId, employee: PersonId, cadence: &str, now: i64) -> Result<u64> {
    exec!(
        ex,
        "INSERT INTO cadences (employee_id, leader_id, cadence, set_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (employee_id) DO UPDATE SET leader_id = excluded.leader_id, cadence = excluded.cadence, set_at = excluded.set_at",
        employee.0,
        leader.0,
        cadence,
        now
    )
}
