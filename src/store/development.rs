//! Instruments, attempts and shares (Utvikling).

use super::{Ex, Result, exec, row, rows, scalar};
use crate::domain::PersonId;

/// An instrument's stored file.
#[derive(sqlx::FromRow, Debug, Clone)]
pub struct InstrumentRow {
    pub id: String,
    pub version: i64,
    pub source: String,
    pub built_in: bool,
}

pub struct NewInstrument<'a> {
    pub id: &'a str,
    pub version: i64,
    pub kind: &'a str,
    pub audience: &'a str,
    pub source: &'a str,
    pub built_in: bool,
    pub added_by: Option<PersonId>,
}

/// Adds an instrument version unless it is there already; true when it was added.
pub async fn add_instrument(ex: Ex<'_>, i: &NewInstrument<'_>, now: i64) -> Result<bool> {
    let added = exec!(
        ex,
        "INSERT INTO instruments (id, version, kind, audience, source, built_in, added_by, added_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id, version) DO NOTHING",
        i.id,
        i.version,
        i.kind,
        i.audience,
        i.source,
        i.built_in,
        i.added_by.map(|p| p.0),
        now
    )?;
    Ok(added == 1)
}

pub async fn instrument(ex: Ex<'_>, id: &str, version: i64) -> Result<Option<InstrumentRow>> {
    row!(ex, InstrumentRow, "SELECT id, version, source, built_in FROM instruments WHERE id = $1 AND version = $2", id, version)
}

/// The stored versions of an instrument: (version, built in).
pub async fn versions_of(ex: Ex<'_>, id: &str) -> Result<Vec<(i64, bool)>> {
    rows!(ex, (i64, bool), "SELECT version, built_in FROM instruments WHERE id = $1", id)
}

/// The highest version of each instrument, in the order they were first added.
pub async fn current_instruments(ex: Ex<'_>) -> Result<Vec<(String, i64)>> {
    rows!(ex, (String, i64), "SELECT id, MAX(version) FROM instruments GROUP BY id ORDER BY MIN(added_at), id")
}

/// Every instrument version with who added it, for HR's list: (id, version, built in, added by, added at).
pub async fn all_instruments(ex: Ex<'_>) -> Result<Vec<(String, i64, bool, Option<String>, i64)>> {
    rows!(
        ex,
        (String, i64, bool, Option<String>, i64),
        "SELECT i.id, i.version, i.built_in, p.name, i.added_at FROM instruments i LEFT JOIN people p ON p.id = i.added_by \
         ORDER BY i.built_in DESC, i.id, i.version DESC"
    )
}

/// One line of a person's Utvikling page: the current version of an instrument (`attempt` is
/// None), or one of their attempts with its share.
#[derive(sqlx::FromRow, Debug, Clone)]
pub struct OverviewRow {
    pub instrument_id: String,
    pub version: i64,
    pub attempt: Option<i64>,
    pub updated_at: Option<i64>,
    pub submitted_at: Option<i64>,
    pub shared_with: Option<String>,
    pub shared_at: Option<i64>,
}

/// The current instruments and every attempt of `person`, newest first, in one statement.
pub async fn overview(ex: Ex<'_>, person: PersonId) -> Result<Vec<OverviewRow>> {
    rows!(
        ex,
        OverviewRow,
        "SELECT id AS instrument_id, MAX(version) AS version, NULL AS attempt, NULL AS updated_at, NULL AS submitted_at, \
         NULL AS shared_with, NULL AS shared_at, MIN(added_at) AS sort_at FROM instruments GROUP BY id \
         UNION ALL \
         SELECT a.instrument_id, a.instrument_version, a.id, a.updated_at, a.submitted_at, l.name, s.shared_at, -a.updated_at \
         FROM attempts a LEFT JOIN attempt_shares s ON s.attempt_id = a.id LEFT JOIN people l ON l.id = s.leader_id \
         WHERE a.person_id = $1 \
         ORDER BY 8, 1",
        person.0
    )
}

/// An attempt as its pages need it.
#[derive(sqlx::FromRow, Debug, Clone)]
pub struct AttemptRow {
    pub id: i64,
    pub person_id: i64,
    pub instrument_id: String,
    pub instrument_version: i64,
    pub answers: String,
    pub step: i64,
    pub updated_at: i64,
    pub submitted_at: Option<i64>,
    pub shared_with: Option<i64>,
    pub shared_with_name: Option<String>,
    pub shared_at: Option<i64>,
    /// The owner's leader now, whom a result can be shared with.
    pub owner_leader: Option<i64>,
    pub owner_leader_name: Option<String>,
}

const ATTEMPT: &str = "SELECT a.id, a.person_id, a.instrument_id, a.instrument_version, a.answers, a.step, a.updated_at, \
     a.submitted_at, s.leader_id AS shared_with, l.name AS shared_with_name, s.shared_at, \
     o.leader_id AS owner_leader, ol.name AS owner_leader_name \
     FROM attempts a JOIN people o ON o.id = a.person_id LEFT JOIN people ol ON ol.id = o.leader_id \
     LEFT JOIN attempt_shares s ON s.attempt_id = a.id LEFT JOIN people l ON l.id = s.leader_id";

/// An attempt, whoever's it is: what the person asking may do with it is for the access rules
/// to decide (`domain::access`, through `web::development::own`).
pub async fn attempt(ex: Ex<'_>, id: i64) -> Result<Option<AttemptRow>> {
    row!(ex, AttemptRow, sqlx::AssertSqlSafe(format!("{ATTEMPT} WHERE a.id = $1")), id)
}

/// Like `attempt`, locking the attempt's row until the transaction ends (in a `begin_own`
/// transaction: two tabs saving steps of one draft take turns; SQLite's writer already does).
pub async fn attempt_for_update(ex: Ex<'_>, id: i64) -> Result<Option<AttemptRow>> {
    let sql = format!("{ATTEMPT} WHERE a.id = $1");
    match ex {
        Ex::Sqlite(_) => row!(ex, AttemptRow, sqlx::AssertSqlSafe(sql), id),
        Ex::Pg(_) => row!(ex, AttemptRow, sqlx::AssertSqlSafe(format!("{sql} FOR UPDATE OF a")), id),
    }
}

/// The submitted attempts of `person` at the instrument of attempt `id`, oldest first: a
/// result with its history, in one statement. Empty when `id` is not theirs or not submitted.
pub async fn history(ex: Ex<'_>, person: PersonId, id: i64) -> Result<Vec<AttemptRow>> {
    rows!(
        ex,
        AttemptRow,
        sqlx::AssertSqlSafe(format!(
            "{ATTEMPT} WHERE a.person_id = $1 AND a.submitted_at IS NOT NULL AND a.instrument_id = \
             (SELECT instrument_id FROM attempts WHERE id = $2 AND person_id = $1 AND submitted_at IS NOT NULL) \
             ORDER BY a.submitted_at, a.id"
        )),
        person.0,
        id
    )
}

/// The person's draft of an instrument, if any.
pub async fn draft_of(ex: Ex<'_>, person: PersonId, instrument: &str) -> Result<Option<i64>> {
    row!(ex, (i64,), "SELECT id FROM attempts WHERE person_id = $1 AND instrument_id = $2 AND submitted_at IS NULL", person.0, instrument)
        .map(|r| r.map(|(id,)| id))
}

/// Starts a draft; the caller has checked there is none (in the same write transaction).
pub async fn start(ex: Ex<'_>, person: PersonId, instrument: &str, version: i64, now: i64) -> Result<i64> {
    scalar!(
        ex,
        i64,
        "INSERT INTO attempts (person_id, instrument_id, instrument_version, answers, step, started_at, updated_at) \
         VALUES ($1, $2, $3, '{}', 1, $4, $4) RETURNING id",
        person.0,
        instrument,
        version,
        now
    )
}

/// Stores a draft's answers and the step to come back to; false when it is not the person's
/// draft (any more).
pub async fn save_draft(ex: Ex<'_>, person: PersonId, id: i64, answers: &str, step: i64, now: i64) -> Result<bool> {
    let n = exec!(
        ex,
        "UPDATE attempts SET answers = $1, step = $2, updated_at = $3 WHERE id = $4 AND person_id = $5 AND submitted_at IS NULL",
        answers,
        step,
        now,
        id,
        person.0
    )?;
    Ok(n == 1)
}

/// Submits a draft; false when it is not the person's draft (submitted already, say).
pub async fn submit(ex: Ex<'_>, person: PersonId, id: i64, answers: &str, now: i64) -> Result<bool> {
    let n = exec!(
        ex,
        "UPDATE attempts SET answers = $1, updated_at = $2, submitted_at = $2 WHERE id = $3 AND person_id = $4 AND submitted_at IS NULL",
        answers,
        now,
        id,
        person.0
    )?;
    Ok(n == 1)
}

/// Deletes a draft of the person.
pub async fn discard(ex: Ex<'_>, person: PersonId, id: i64) -> Result<bool> {
    let n = exec!(ex, "DELETE FROM attempts WHERE id = $1 AND person_id = $2 AND submitted_at IS NULL", id, person.0)?;
    Ok(n == 1)
}

/// Shares a submitted attempt of the person with their current leader; false when there is
/// nothing to share (not theirs, not submitted, or no leader).
pub async fn share(ex: Ex<'_>, person: PersonId, id: i64, now: i64) -> Result<bool> {
    let n = exec!(
        ex,
        "INSERT INTO attempt_shares (attempt_id, leader_id, shared_at) \
         SELECT a.id, p.leader_id, $3 FROM attempts a JOIN people p ON p.id = a.person_id \
         WHERE a.id = $1 AND a.person_id = $2 AND a.submitted_at IS NOT NULL AND p.leader_id IS NOT NULL \
         ON CONFLICT (attempt_id) DO NOTHING",
        id,
        person.0,
        now
    )?;
    Ok(n == 1)
}

pub async fn unshare(ex: Ex<'_>, person: PersonId, id: i64) -> Result<u64> {
    exec!(ex, "DELETE FROM attempt_shares WHERE attempt_id IN (SELECT id FROM attempts WHERE id = $1 AND person_id = $2)", id, person.0)
}

/// Ends every share with someone who is no longer the owner's leader (after a change of
/// reporting line by HR or an import).
pub async fn end_stale_shares(ex: Ex<'_>) -> Result<u64> {
    exec!(
        ex,
        "DELETE FROM attempt_shares WHERE attempt_id IN (SELECT s.attempt_id FROM attempt_shares s \
         JOIN attempts a ON a.id = s.attempt_id JOIN people p ON p.id = a.person_id \
         WHERE p.leader_id IS NULL OR p.leader_id <> s.leader_id)"
    )
}

/// A direct report as their leader's page shows them, with what they shared with this leader.
#[derive(sqlx::FromRow, Debug, Clone)]
pub struct ReportRow {
    pub name: String,
    pub title: String,
    pub unit_name: Option<String>,
    pub location_name: Option<String>,
    pub attempt: Option<i64>,
    pub instrument_id: Option<String>,
    pub instrument_version: Option<i64>,
    pub submitted_at: Option<i64>,
    pub shared_at: Option<i64>,
    /// The pair's conversations as JSON (the same on every row).
    conversations: String,
}

/// One of a pair's conversations as a report's page lists it.
#[derive(serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct PairConversation {
    pub id: i64,
    pub starts_at: i64,
    pub status: String,
}

/// A report's page: the report (one row, or one per shared result) and the pair's conversations,
/// newest first.
#[derive(Debug)]
pub struct Report {
    pub rows: Vec<ReportRow>,
    pub conversations: Vec<PairConversation>,
}

/// `person` if they report to `leader`, else nothing; in one statement.
pub async fn report(ex: Ex<'_>, leader: PersonId, person: PersonId) -> Result<Option<Report>> {
    let list = super::json_list(matches!(ex, Ex::Pg(_)), "v.id, v.starts_at, v.status", "v.starts_at DESC, v.id DESC");
    let sql = format!(
        "SELECT p.name, p.title, u.name AS unit_name, loc.name AS location_name, a.id AS attempt, a.instrument_id, \
         a.instrument_version, a.submitted_at, s.shared_at, \
         (SELECT {list} FROM conversations v WHERE v.leader_id = $2 AND v.employee_id = $1) AS conversations \
         FROM people p LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN locations loc ON loc.id = p.location_id \
         LEFT JOIN (attempts a JOIN attempt_shares s ON s.attempt_id = a.id) ON a.person_id = p.id AND s.leader_id = p.leader_id \
         WHERE p.id = $1 AND p.leader_id = $2 AND p.active \
         ORDER BY a.submitted_at DESC"
    );
    let rows = rows!(ex, ReportRow, sqlx::AssertSqlSafe(sql), person.0, leader.0)?;
    let Some(first) = rows.first() else { return Ok(None) };
    let conversations = super::parse_json_rows(&first.conversations)?;
    Ok(Some(Report { rows, conversations }))
}

/// A shared attempt of `person` as `leader` may see it: only while it is shared with them and
/// they are the person's leader; with the earlier attempts at the same instrument shared with
/// them, oldest first.
pub async fn shared_history(ex: Ex<'_>, leader: PersonId, person: PersonId, id: i64) -> Result<Vec<AttemptRow>> {
    rows!(
        ex,
        AttemptRow,
        sqlx::AssertSqlSafe(format!(
            "{ATTEMPT} \
             WHERE a.person_id = $1 AND o.leader_id = $2 AND s.leader_id = $2 AND a.submitted_at IS NOT NULL AND a.instrument_id = \
             (SELECT instrument_id FROM attempts WHERE id = $3 AND person_id = $1) \
             AND a.submitted_at <= (SELECT submitted_at FROM attempts WHERE id = $3 AND person_id = $1) \
             ORDER BY a.submitted_at, a.id"
        )),
        person.0,
        leader.0,
        id
    )
}

/// The submitted results `person` shares with `leader`, newest first: (attempt, instrument,
/// version, submitted at).
pub async fn shared_with(ex: Ex<'_>, person: PersonId, leader: PersonId) -> Result<Vec<(i64, String, i64, i64)>> {
    rows!(
        ex,
        (i64, String, i64, i64),
        "SELECT a.id, a.instrument_id, a.instrument_version, a.submitted_at FROM attempts a \
         JOIN attempt_shares s ON s.attempt_id = a.id AND s.leader_id = $2 \
         WHERE a.person_id = $1 AND a.submitted_at IS NOT NULL ORDER BY a.submitted_at DESC, a.id DESC",
        person.0,
        leader.0
    )
}

/// The answers of `person`'s latest submitted attempt at an instrument, with its version.
pub async fn latest_answers(ex: Ex<'_>, person: PersonId, instrument: &str) -> Result<Option<(i64, String)>> {
    row!(
        ex,
        (i64, String),
        "SELECT instrument_version, answers FROM attempts WHERE person_id = $1 AND instrument_id = $2 AND submitted_at IS NOT NULL \
         ORDER BY submitted_at DESC, id DESC LIMIT 1",
        person.0,
        instrument
    )
}
