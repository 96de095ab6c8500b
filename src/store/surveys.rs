//! Survey waves, who is asked, who has answered (as keyed hashes only) and the answers (with
//! nothing that leads back to a person).

use super::{Ex, Result, exec, row, rows, scalar};
use crate::domain::PersonId;

/// Who a wave asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A leader's active direct reports.
    Team(PersonId),
    /// The active people of a unit, with or without those of the units below it.
    Unit { unit: i64, sub_units: bool },
}

pub struct NewWave<'a> {
    pub instrument_id: &'a str,
    pub instrument_version: i64,
    pub scope: Scope,
    pub opened_by: PersonId,
    pub opens_on: &'a str,
    pub closes_on: &'a str,
    pub threshold: i64,
    pub repeat_weeks: Option<i64>,
    /// The recurring wave this one follows.
    pub follows: Option<i64>,
}

/// The units a unit's wave would ask (the unit, and when `sub_units` every unit below it), each
/// with its parent (None for the unit itself) and how many of its own active people it has.
pub async fn scope_units(ex: Ex<'_>, unit: i64, sub_units: bool) -> Result<Vec<crate::domain::anonymity::Unit>> {
    let found: Vec<(i64, Option<i64>, i64)> = rows!(
        ex,
        (i64, Option<i64>, i64),
        "WITH RECURSIVE tree (id, parent_id) AS ( \
             SELECT id, CAST(NULL AS BIGINT) FROM units WHERE id = $1 \
             UNION ALL SELECT u.id, u.parent_id FROM units u JOIN tree t ON u.parent_id = t.id WHERE $2 \
         ) SELECT t.id, t.parent_id, (SELECT COUNT(*) FROM people p WHERE p.unit_id = t.id AND p.active) FROM tree t",
        unit,
        sub_units
    )?;
    Ok(found.into_iter().map(|(id, parent, invited)| crate::domain::anonymity::Unit { id, parent, invited }).collect())
}

/// Opens a wave and asks its people; its id. For a unit's wave, `groups` gives each unit's
/// group (from `anonymity::answer_groups` over `units`), which its people's answers carry.
pub async fn open_wave(
    mut ex: Ex<'_>,
    w: &NewWave<'_>,
    units: &[crate::domain::anonymity::Unit],
    groups: &std::collections::HashMap<i64, i64>,
    now: i64,
) -> Result<i64> {
    let (leader, unit, sub_units) = match w.scope {
        Scope::Team(leader) => (Some(leader.0), None, false),
        Scope::Unit { unit, sub_units } => (None, Some(unit), sub_units),
    };
    let id = scalar!(
        ex.reborrow(),
        i64,
        "INSERT INTO waves (instrument_id, instrument_version, leader_id, unit_id, sub_units, opened_by, opens_on, closes_on, threshold, \
         invited, repeat_weeks, follows, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11, $12) RETURNING id",
        w.instrument_id,
        w.instrument_version,
        leader,
        unit,
        sub_units,
        w.opened_by.0,
        w.opens_on,
        w.closes_on,
        w.threshold,
        w.repeat_weeks,
        w.follows,
        now
    )?;
    match w.scope {
        Scope::Team(leader) => {
            exec!(
                ex.reborrow(),
                "INSERT INTO wave_invitees (wave_id, person_id) SELECT $1, id FROM people WHERE leader_id = $2 AND active",
                id,
                leader.0
            )?;
        }
        Scope::Unit { .. } => {
            for u in units {
                let group = groups.get(&u.id).copied().unwrap_or(u.id);
                exec!(
                    ex.reborrow(),
                    "INSERT INTO wave_invitees (wave_id, person_id, group_id) SELECT $1, id, $3 FROM people WHERE unit_id = $2 AND active",
                    id,
                    u.id,
                    group
                )?;
                if group == u.id {
                    let parent = u.parent.map(|p| groups.get(&p).copied().unwrap_or(p));
                    let invited: i64 = units.iter().filter(|x| groups.get(&x.id) == Some(&u.id)).map(|x| x.invited).sum();
                    exec!(
                        ex.reborrow(),
                        "INSERT INTO wave_groups (wave_id, unit_id, parent_id, invited) VALUES ($1, $2, $3, $4)",
                        id,
                        u.id,
                        parent,
                        invited
                    )?;
                }
            }
        }
    }
    exec!(ex, "UPDATE waves SET invited = (SELECT COUNT(*) FROM wave_invitees WHERE wave_id = $1) WHERE id = $1", id)?;
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
    pub unit_id: Option<i64>,
    pub unit_name: Option<String>,
    pub sub_units: bool,
    pub repeat_weeks: Option<i64>,
    pub opened_by: i64,
}

const WAVE: &str = "SELECT w.id, w.instrument_id, w.instrument_version, w.leader_id, l.name AS leader_name, w.opens_on, w.closes_on, \
     w.threshold, w.invited, w.closed_at, w.unit_id, u.name AS unit_name, w.sub_units, w.repeat_weeks, w.opened_by \
     FROM waves w LEFT JOIN people l ON l.id = w.leader_id LEFT JOIN units u ON u.id = w.unit_id";

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

/// The waves opened for units, newest first.
pub async fn of_units(ex: Ex<'_>) -> Result<Vec<WaveRow>> {
    rows!(ex, WaveRow, sqlx::AssertSqlSafe(format!("{WAVE} WHERE w.unit_id IS NOT NULL ORDER BY w.closes_on DESC, w.id DESC")))
}

pub async fn is_invited(ex: Ex<'_>, wave: i64, person: PersonId) -> Result<bool> {
    Ok(invitation(ex, wave, person).await?.is_some())
}

/// Whether `person` is asked to answer the wave, and the group their answer counts in.
pub async fn invitation(ex: Ex<'_>, wave: i64, person: PersonId) -> Result<Option<Option<i64>>> {
    Ok(row!(ex, (Option<i64>,), "SELECT group_id FROM wave_invitees WHERE wave_id = $1 AND person_id = $2", wave, person.0)?.map(|(g,)| g))
}

/// The groups of a unit's wave as it opened: (unit, group above, asked), by unit. They never change.
pub async fn groups(ex: Ex<'_>, wave: i64) -> Result<Vec<(i64, Option<i64>, i64)>> {
    rows!(ex, (i64, Option<i64>, i64), "SELECT unit_id, parent_id, invited FROM wave_groups WHERE wave_id = $1 ORDER BY unit_id", wave)
}

/// The names of the units, by id.
pub async fn unit_names(ex: Ex<'_>, ids: &[i64]) -> Result<Vec<(i64, String)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // Numbers only: the list is written into the statement.
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    rows!(ex, (i64, String), sqlx::AssertSqlSafe(format!("SELECT id, name FROM units WHERE id IN ({list})")))
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

/// How many answered the wave.
pub async fn answer_count(ex: Ex<'_>, wave: i64) -> Result<i64> {
    scalar!(ex, i64, "SELECT COUNT(*) FROM survey_answers WHERE wave_id = $1", wave)
}

/// Replaces the wave's answers with `rows` (random id, group, answers), written in the order given.
pub async fn rewrite_answers(mut ex: Ex<'_>, wave: i64, rows: &[(String, Option<i64>, String)]) -> Result<()> {
    exec!(ex.reborrow(), "DELETE FROM survey_answers WHERE wave_id = $1", wave)?;
    for (id, group, answers) in rows {
        exec!(
            ex.reborrow(),
            "INSERT INTO survey_answers (id, wave_id, group_id, answers) VALUES ($1, $2, $3, $4)",
            id,
            wave,
            *group,
            answers
        )?;
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

/// The answers of a wave with their ids and groups, in id order.
pub async fn answers_with_ids(ex: Ex<'_>, wave: i64) -> Result<Vec<(String, Option<i64>, String)>> {
    rows!(ex, (String, Option<i64>, String), "SELECT id, group_id, answers FROM survey_answers WHERE wave_id = $1 ORDER BY id", wave)
}

/// Recurring waves no wave follows yet: each opens the next when its time comes.
pub async fn repeating(ex: Ex<'_>) -> Result<Vec<WaveRow>> {
    rows!(
        ex,
        WaveRow,
        sqlx::AssertSqlSafe(format!(
            "{WAVE} WHERE w.repeat_weeks IS NOT NULL AND NOT EXISTS (SELECT 1 FROM waves n WHERE n.follows = w.id) ORDER BY w.id"
        ))
    )
}

/// Stops a wave from opening the next one; false when it did not repeat.
pub async fn stop_repeating(ex: Ex<'_>, wave: i64) -> Result<bool> {
    Ok(exec!(ex, "UPDATE waves SET repeat_weeks = NULL WHERE id = $1 AND repeat_weeks IS NOT NULL", wave)? == 1)
}

/// The newest version of an instrument.
pub async fn newest_version(ex: Ex<'_>, instrument: &str) -> Result<Option<i64>> {
    scalar!(ex, Option<i64>, "SELECT MAX(version) FROM instruments WHERE id = $1", instrument)
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
    pub wave_id: i64,
    pub id: i64,
    pub text: String,
    pub owner: String,
    pub due_date: Option<String>,
    pub done_at: Option<i64>,
}

/// The action plans agreed after `wave` and, when given, after `previous`, in one read.
pub async fn actions(ex: Ex<'_>, wave: i64, previous: Option<i64>) -> Result<Vec<WaveAction>> {
    rows!(
        ex,
        WaveAction,
        "SELECT wave_id, id, text, owner, due_date, done_at FROM wave_actions WHERE wave_id = $1 OR wave_id = $2 ORDER BY id",
        wave,
        previous
    )
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
