//! Survey waves, who is asked, who has answered (as keyed hashes only) and the answers (with
//! nothing that leads back to a person).

use super::{Ex, Result, exec, row, rows, scalar};
use crate::domain::PersonId;

pub struct NewWave<'a> {
    pub instrument_id: &'a str,
    pub instrument_version: i64,
    pub leader: PersonId,
    pub opened_by: PersonId,
    pub opens_on: &'a str,
    pub closes_on: &'a str,
    pub threshold: i64,
}

/// Opens a wave for the leader's active direct reports; its id.
pub async fn open_team_wave(mut ex: Ex<'_>, w: &NewWave<'_>, now: i64) -> Result<i64> {
    let id = scalar!(
        ex.reborrow(),
        i64,
        "INSERT INTO waves (instrument_id, instrument_version, leader_id, sub_units, opened_by, opens_on, closes_on, threshold, invited, created_at) \
         VALUES ($1, $2, $3, FALSE, $4, $5, $6, $7, (SELECT COUNT(*) FROM people WHERE leader_id = $3 AND active), $8) RETURNING id",
        w.instrument_id,
        w.instrument_version,
        w.leader.0,
        w.opened_by.0,
        w.opens_on,
        w.closes_on,
        w.threshold,
        now
    )?;
    exec!(ex, "INSERT INTO wave_invitees (wave_id, person_id) SELECT $1, id FROM people WHERE leader_id = $2 AND active", id, w.leader.0)?;
    Ok(id)
}

#[derive(sqlx::FromRow, Debug, Clone)]
pub struct WaveRow {
    pub id: i64,
    pub instrument_id: String,
    pub instrument_version: i64,
    pub leader_id: Option<i64>,
    pub leader_name: Option<String>,
    pub opens_on: String,
    pub closes_on: String,
    pub threshold: i64,
    pub invited: i64,
    pub closed_at: Option<i64>,
}

const WAVE: &str = "SELECT w.id, w.instrument_id, w.instrument_version, w.leader_id, l.name AS leader_name, w.opens_on, w.closes_on, \
     w.threshold, w.invited, w.closed_at FROM waves w LEFT JOIN people l ON l.id = w.leader_id";

pub async fn wave(ex: Ex<'_>, id: i64) -> Result<Option<WaveRow>> {
    row!(ex, WaveRow, sqlx::AssertSqlSafe(format!("{WAVE} WHERE w.id = $1")), id)
}

/// The waves `person` is asked to answer, newest first.
pub async fn invited_to(ex: Ex<'_>, person: PersonId) -> Result<Vec<WaveRow>> {
    rows!(
        ex,
        WaveRow,
        sqlx::AssertSqlSafe(format!(
            "{WAVE} JOIN wave_invitees i ON i.wave_id = w.id WHERE i.person_id = $1 ORDER BY w.closes_on DESC, w.id DESC"
        )),
        person.0
    )
}

/// The waves a leader has asked their team, newest first.
pub async fn of_leader(ex: Ex<'_>, leader: PersonId) -> Result<Vec<WaveRow>> {
    rows!(ex, WaveRow, sqlx::AssertSqlSafe(format!("{WAVE} WHERE w.leader_id = $1 ORDER BY w.closes_on DESC, w.id DESC")), leader.0)
}

pub async fn is_invited(ex: Ex<'_>, wave: i64, person: PersonId) -> Result<bool> {
    Ok(row!(ex, (i64,), "SELECT wave_id FROM wave_invitees WHERE wave_id = $1 AND person_id = $2", wave, person.0)?.is_some())
}

/// Which of the keys have answered the wave.
pub async fn has_answered(ex: Ex<'_>, wave: i64, person_key: &str) -> Result<bool> {
    Ok(row!(ex, (i64,), "SELECT wave_id FROM wave_participation WHERE wave_id = $1 AND person_key = $2", wave, person_key)?.is_some())
}

/// Records that the key has answered; false when it had already.
pub async fn add_participation(ex: Ex<'_>, wave: i64, person_key: &str) -> Result<bool> {
    let n = exec!(
        ex,
        "INSERT INTO wave_participation (wave_id, person_key) VALUES ($1, $2) ON CONFLICT (wave_id, person_key) DO NOTHING",
        wave,
        person_key
    )?;
    Ok(n == 1)
}

/// Every answer of the wave (as stored JSON), in the order of their random ids.
pub async fn answers(ex: Ex<'_>, wave: i64) -> Result<Vec<String>> {
    Ok(rows!(ex, (String,), "SELECT answers FROM survey_answers WHERE wave_id = $1 ORDER BY id", wave)?.into_iter().map(|(a,)| a).collect())
}

/// How many answered the wave.
pub async fn answer_count(ex: Ex<'_>, wave: i64) -> Result<i64> {
    scalar!(ex, i64, "SELECT COUNT(*) FROM survey_answers WHERE wave_id = $1", wave)
}

/// Replaces the wave's answers with `rows` (random id, answers), written in the order given.
pub async fn rewrite_answers(mut ex: Ex<'_>, wave: i64, rows: &[(String, String)]) -> Result<()> {
    exec!(ex.reborrow(), "DELETE FROM survey_answers WHERE wave_id = $1", wave)?;
    for (id, answers) in rows {
        exec!(ex.reborrow(), "INSERT INTO survey_answers (id, wave_id, answers) VALUES ($1, $2, $3)", id, wave, answers)?;
    }
    Ok(())
}

/// Closes a wave early; false when it was closed already.
pub async fn close(ex: Ex<'_>, wave: i64, now: i64) -> Result<bool> {
    Ok(exec!(ex, "UPDATE waves SET closed_at = $2 WHERE id = $1 AND closed_at IS NULL", wave, now)? == 1)
}

/// Everyone asked to answer the wave.
pub async fn invitees(ex: Ex<'_>, wave: i64) -> Result<Vec<PersonId>> {
    Ok(rows!(ex, (i64,), "SELECT person_id FROM wave_invitees WHERE wave_id = $1 ORDER BY person_id", wave)?
        .into_iter()
        .map(|(id,)| PersonId(id))
        .collect())
}

/// Waves still open whose last day falls between the two dates (`YYYY-MM-DD`, inclusive).
pub async fn closing_between(ex: Ex<'_>, from: &str, to: &str) -> Result<Vec<WaveRow>> {
    rows!(
        ex,
        WaveRow,
        sqlx::AssertSqlSafe(format!("{WAVE} WHERE w.closed_at IS NULL AND w.opens_on <= $1 AND w.closes_on >= $1 AND w.closes_on <= $2")),
        from,
        to
    )
}

/// The answers of a closed wave with their ids, in id order.
pub async fn answers_with_ids(ex: Ex<'_>, wave: i64) -> Result<Vec<(String, String)>> {
    rows!(ex, (String, String), "SELECT id, answers FROM survey_answers WHERE wave_id = $1 ORDER BY id", wave)
}

/// The leader's replies to comments of the wave, by answer id.
pub async fn replies(ex: Ex<'_>, wave: i64) -> Result<Vec<(String, String)>> {
    rows!(ex, (String, String), "SELECT answer_id, text FROM comment_replies WHERE wave_id = $1", wave)
}

/// Replies to the comment of one answer of the wave (or changes the reply); false when the
/// wave has no such answer.
pub async fn reply(ex: Ex<'_>, wave: i64, answer: &str, text: &str, now: i64) -> Result<bool> {
    let n = exec!(
        ex,
        "INSERT INTO comment_replies (wave_id, answer_id, text, created_at) \
         SELECT $1, id, $3, $4 FROM survey_answers WHERE wave_id = $1 AND id = $2 \
         ON CONFLICT (wave_id, answer_id) DO UPDATE SET text = excluded.text, created_at = excluded.created_at",
        wave,
        answer,
        text,
        now
    )?;
    Ok(n == 1)
}

#[derive(sqlx::FromRow, Debug, Clone)]
pub struct WaveAction {
    pub id: i64,
    pub text: String,
    pub owner: String,
    pub due_date: Option<String>,
    pub done_at: Option<i64>,
}

/// The action plan agreed after a wave.
pub async fn actions(ex: Ex<'_>, wave: i64) -> Result<Vec<WaveAction>> {
    rows!(ex, WaveAction, "SELECT id, text, owner, due_date, done_at FROM wave_actions WHERE wave_id = $1 ORDER BY id", wave)
}

pub async fn add_action(ex: Ex<'_>, wave: i64, text: &str, owner: &str, due_date: Option<&str>, now: i64) -> Result<u64> {
    exec!(
        ex,
        "INSERT INTO wave_actions (wave_id, text, owner, due_date, created_at) VALUES ($1, $2, $3, $4, $5)",
        wave,
        text,
        owner,
        due_date,
        now
    )
}

/// Marks an action of the wave done or open again; 0 when it is not the wave's.
pub async fn set_action_done(ex: Ex<'_>, wave: i64, action: i64, done_at: Option<i64>) -> Result<u64> {
    exec!(ex, "UPDATE wave_actions SET done_at = $3 WHERE id = $2 AND wave_id = $1", wave, action, done_at)
}

/// The leader's wave of the same survey before `w`: its action plan is reviewed at this one.
pub async fn previous(ex: Ex<'_>, leader: PersonId, w: &WaveRow) -> Result<Option<i64>> {
    Ok(row!(
        ex,
        (i64,),
        "SELECT id FROM waves WHERE leader_id = $1 AND instrument_id = $2 AND id <> $3 AND closes_on <= $4 \
         ORDER BY closes_on DESC, id DESC LIMIT 1",
        leader.0,
        &w.instrument_id,
        w.id,
        &w.closes_on
    )?
    .map(|(id,)| id))
}
