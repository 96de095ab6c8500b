//! Survey waves, who is asked, who has answered (as keyed hashes only) and the answers (with
//! nothing that leads back to a person).

use std::collections::HashMap;

use super::{Ex, Result, exec, on, row, rows, scalar};
use crate::domain::{PersonId, anonymity};

/// Who a wave asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A leader's active direct reports.
    Team(PersonId),
    /// Everyone active below a leader in their reporting lines, each team a group named by its
    /// leader.
    Area(PersonId),
    /// The active people of a unit, with or without those of the units below it.
    Unit { unit: i64, sub_units: bool },
}

impl Scope {
    /// Who a stored wave asked.
    pub fn of(w: &WaveRow) -> Option<Scope> {
        match (w.leader_id, w.unit_id) {
            (Some(leader), _) if w.sub_units => Some(Scope::Area(PersonId(leader))),
            (Some(leader), _) => Some(Scope::Team(PersonId(leader))),
            (None, Some(unit)) => Some(Scope::Unit { unit, sub_units: w.sub_units }),
            (None, None) => None,
        }
    }
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

/// The teams an area wave would ask: the leader's own and that of everyone below them who leads
/// anyone, each named by its leader's id, with the leader above (None for `leader`) and how many
/// active direct reports it has.
pub async fn scope_teams(ex: Ex<'_>, leader: PersonId) -> Result<Vec<crate::domain::anonymity::Unit>> {
    let found: Vec<(i64, Option<i64>, i64)> = rows!(
        ex,
        (i64, Option<i64>, i64),
        "WITH RECURSIVE tree (id, parent_id) AS ( \
             SELECT id, CAST(NULL AS BIGINT) FROM people WHERE id = $1 \
             UNION SELECT p.id, p.leader_id FROM people p JOIN tree t ON p.leader_id = t.id \
         ) SELECT t.id, t.parent_id, (SELECT COUNT(*) FROM people p WHERE p.leader_id = t.id AND p.active) FROM tree t \
         WHERE t.parent_id IS NULL OR EXISTS (SELECT 1 FROM people p WHERE p.leader_id = t.id) ORDER BY t.id",
        leader.0
    )?;
    Ok(found.into_iter().map(|(id, parent, invited)| crate::domain::anonymity::Unit { id, parent, invited }).collect())
}

/// The nodes a wave of the scope would ask in groups: teams over reporting lines, units for a
/// unit; none for a team's wave, which is one group.
pub async fn scope_nodes(ex: Ex<'_>, scope: Scope) -> Result<Vec<crate::domain::anonymity::Unit>> {
    match scope {
        Scope::Team(_) => Ok(Vec::new()),
        Scope::Area(leader) => scope_teams(ex, leader).await,
        Scope::Unit { unit, sub_units } => scope_units(ex, unit, sub_units).await,
    }
}

/// Opens a wave and asks its people; its id. For a wave of groups (a unit's, or a leader's over
/// their reporting lines), `groups` gives each node's group (from `anonymity::answer_groups` over
/// `nodes`: units, or teams by their leader), which its people's answers carry.
pub async fn open_wave(
    mut ex: Ex<'_>,
    w: &NewWave<'_>,
    nodes: &[crate::domain::anonymity::Unit],
    groups: &std::collections::HashMap<i64, i64>,
    now: i64,
) -> Result<i64> {
    let (leader, unit, sub_units) = match w.scope {
        Scope::Team(leader) => (Some(leader.0), None, false),
        Scope::Area(leader) => (Some(leader.0), None, true),
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
        Scope::Area(_) | Scope::Unit { .. } => {
            // A node's own people: a team's members, or a unit's.
            let members = if matches!(w.scope, Scope::Area(_)) {
                "INSERT INTO wave_invitees (wave_id, person_id, group_id) SELECT $1, id, $3 FROM people WHERE leader_id = $2 AND active"
            } else {
                "INSERT INTO wave_invitees (wave_id, person_id, group_id) SELECT $1, id, $3 FROM people WHERE unit_id = $2 AND active"
            };
            for u in nodes {
                let group = groups.get(&u.id).copied().unwrap_or(u.id);
                exec!(ex.reborrow(), members, id, u.id, group)?;
                if group == u.id {
                    let parent = u.parent.map(|p| groups.get(&p).copied().unwrap_or(p));
                    let invited: i64 = nodes.iter().filter(|x| groups.get(&x.id) == Some(&u.id)).map(|x| x.invited).sum();
                    exec!(
                        ex.reborrow(),
                        "INSERT INTO wave_groups (wave_id, group_id, parent_id, invited) VALUES ($1, $2, $3, $4)",
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

macro_rules! wave_select {
    ($($more:literal)?) => {
        concat!(
            "SELECT w.id, w.instrument_id, w.instrument_version, w.leader_id, l.name AS leader_name, w.opens_on, w.closes_on, \
             w.threshold, w.invited, w.closed_at, w.unit_id, u.name AS unit_name, w.sub_units, w.repeat_weeks, w.opened_by",
            $($more,)?
            " FROM waves w LEFT JOIN people l ON l.id = w.leader_id LEFT JOIN units u ON u.id = w.unit_id"
        )
    };
}
const WAVE: &str = wave_select!();

pub async fn wave(ex: Ex<'_>, id: i64) -> Result<Option<WaveRow>> {
    row!(ex, WaveRow, sqlx::AssertSqlSafe(format!("{WAVE} WHERE w.id = $1")), id)
}

/// A wave with whether `person` is asked to answer it.
#[derive(sqlx::FromRow)]
pub struct WaveFor {
    #[sqlx(flatten)]
    pub wave: WaveRow,
    pub asked: bool,
    /// The group their answer counts in (a wave of groups only).
    pub group_id: Option<i64>,
}

/// The wave and `person`'s invitation to it, in one read.
pub async fn wave_for(ex: Ex<'_>, id: i64, person: PersonId) -> Result<Option<WaveFor>> {
    row!(
        ex,
        WaveFor,
        concat!(
            wave_select!(", i.person_id IS NOT NULL AS asked, i.group_id"),
            " LEFT JOIN wave_invitees i ON i.wave_id = w.id AND i.person_id = $2 WHERE w.id = $1"
        ),
        id,
        person.0
    )
}

/// A wave on the survey list, with whether the person is asked to answer it and how many have
/// answered (shown only once it has closed).
#[derive(sqlx::FromRow)]
pub struct ListedWave {
    #[sqlx(flatten)]
    pub wave: WaveRow,
    pub asked: bool,
    pub answers: i64,
}

/// The columns of a `ListedWave` for `person` ($1), and the tables they come from.
macro_rules! listed_select {
    () => {
        wave_select!(
            ", EXISTS (SELECT 1 FROM wave_invitees i WHERE i.wave_id = w.id AND i.person_id = $1) AS asked, \
             CAST(COALESCE((SELECT SUM(c.answers) FROM answer_chunks c WHERE c.wave_id = w.id), 0) AS BIGINT) AS answers"
        )
    };
}

/// In one statement, newest first: the waves `person` is asked to answer and those they have
/// asked (their team or reporting lines); the caller keeps the latter for a leader only.
pub async fn listed(ex: Ex<'_>, person: PersonId) -> Result<Vec<ListedWave>> {
    rows!(
        ex,
        ListedWave,
        concat!(
            listed_select!(),
            " WHERE w.id IN (SELECT i.wave_id FROM wave_invitees i WHERE i.person_id = $1) OR w.leader_id = $1 \
             ORDER BY w.closes_on DESC, w.id DESC"
        ),
        person.0
    )
}

/// Every unit's wave as `listed` reads it for `person` (HR), newest first.
pub async fn listed_units(ex: Ex<'_>, person: PersonId) -> Result<Vec<ListedWave>> {
    rows!(ex, ListedWave, concat!(listed_select!(), " WHERE w.unit_id IS NOT NULL ORDER BY w.closes_on DESC, w.id DESC"), person.0)
}

/// The waves a leader has asked their team, newest first.
pub async fn of_leader(ex: Ex<'_>, leader: PersonId) -> Result<Vec<WaveRow>> {
    rows!(ex, WaveRow, sqlx::AssertSqlSafe(format!("{WAVE} WHERE w.leader_id = $1 ORDER BY w.closes_on DESC, w.id DESC")), leader.0)
}

/// The waves opened for units, newest first.
pub async fn of_units(ex: Ex<'_>) -> Result<Vec<WaveRow>> {
    rows!(ex, WaveRow, sqlx::AssertSqlSafe(format!("{WAVE} WHERE w.unit_id IS NOT NULL ORDER BY w.closes_on DESC, w.id DESC")))
}

/// The groups of a wave as it opened: (group, group above, asked), by group. They never change.
pub async fn groups(ex: Ex<'_>, wave: i64) -> Result<Vec<(i64, Option<i64>, i64)>> {
    rows!(ex, (i64, Option<i64>, i64), "SELECT group_id, parent_id, invited FROM wave_groups WHERE wave_id = $1 ORDER BY group_id", wave)
}

/// The names of a wave's groups, by id: units' names, or, for `teams`, their leaders' names.
pub async fn group_names(ex: Ex<'_>, ids: &[i64], teams: bool) -> Result<Vec<(i64, String)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // Numbers only: the list is written into the statement.
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let table = if teams { "people" } else { "units" };
    rows!(ex, (i64, String), sqlx::AssertSqlSafe(format!("SELECT id, name FROM {table} WHERE id IN ({list})")))
}

/// Whether the key has answered the wave.
pub async fn has_answered(ex: Ex<'_>, wave: i64, person_key: &str) -> Result<bool> {
    Ok(row!(ex, (i64,), "SELECT wave_id FROM wave_participation WHERE wave_id = $1 AND person_key = $2", wave, person_key)?.is_some())
}

/// Which of the waves have an answer from the participation key given with each.
pub async fn answered_waves(ex: Ex<'_>, pairs: &[(i64, String)]) -> Result<Vec<i64>> {
    if pairs.is_empty() {
        return Ok(Vec::new());
    }
    let each: Vec<String> = (0..pairs.len()).map(|i| format!("(wave_id = ${} AND person_key = ${})", 2 * i + 1, 2 * i + 2)).collect();
    // Placeholders only: the waves and keys are bound.
    let sql = format!("SELECT wave_id FROM wave_participation WHERE {}", each.join(" OR "));
    on!(ex, |c| {
        let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql));
        for (wave, key) in pairs {
            q = q.bind(*wave).bind(key.as_str());
        }
        q.fetch_all(&mut *c).await.map_err(super::Error::from)
    })
}

/// How many answered the wave.
pub async fn answer_count(ex: Ex<'_>, wave: i64) -> Result<i64> {
    scalar!(ex, i64, "SELECT CAST(COALESCE(SUM(answers), 0) AS BIGINT) FROM answer_chunks WHERE wave_id = $1", wave)
}

/// A stored answer: its random id, the group it counts in, its chunk, and the answers as JSON.
pub struct AnswerRow {
    pub id: String,
    pub group: Option<i64>,
    pub chunk: i64,
    pub answers: String,
}

/// How many answers each chunk of the wave holds: (chunk, answers).
pub async fn chunk_sizes(ex: Ex<'_>, wave: i64) -> Result<Vec<(i64, i64)>> {
    rows!(ex, (i64, i64), "SELECT chunk, answers FROM answer_chunks WHERE wave_id = $1", wave)
}

/// Writes `rows` (the chunk `taken` out before, with new answers; some may fill a new chunk), in
/// the order given, and records each chunk's size.
async fn write_chunk(mut ex: Ex<'_>, wave: i64, taken: i64, rows: &[AnswerRow]) -> Result<()> {
    insert_answers(ex.reborrow(), wave, rows).await?;
    let mut sizes: std::collections::BTreeMap<i64, i64> = std::collections::BTreeMap::from([(taken, 0)]);
    for r in rows {
        *sizes.entry(r.chunk).or_default() += 1;
    }
    let values: Vec<String> = (0..sizes.len()).map(|i| format!("($1, ${}, ${})", 2 * i + 2, 2 * i + 3)).collect();
    // Placeholders only: the values are bound.
    let sql = format!(
        "INSERT INTO answer_chunks (wave_id, chunk, answers) VALUES {} ON CONFLICT (wave_id, chunk) DO UPDATE SET answers = excluded.answers",
        values.join(", ")
    );
    on!(ex, |c| {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(wave);
        for (chunk, answers) in &sizes {
            q = q.bind(*chunk).bind(*answers);
        }
        q.execute(&mut *c).await.map(|r| r.rows_affected()).map_err(super::Error::from)
    })?;
    Ok(())
}

/// Whether a wave is open on `today` (`YYYY-MM-DD`): the rule of `survey::state`, for statements
/// that check it in the writers' turn.
const OPEN: &str = "SELECT 1 FROM waves WHERE id = $1 AND closed_at IS NULL AND opens_on <= $2 AND closes_on >= $2";

/// What recording a run of answers' participations found on SQLite.
pub struct Recorded {
    /// The keys recorded now; a key recorded before is not among them.
    pub keys: Vec<String>,
    /// The wave's chunks before the new answers join one.
    pub chunks: Option<anonymity::Chunks>,
}

/// A key recorded, with the wave's smallest chunk (id, answers) and highest chunk id.
type RecordedRow = (String, Option<i64>, Option<i64>, Option<i64>);

/// Records that the keys (each once) have answered the wave, in one statement that also reads
/// what placing their answers needs; None when the wave is not open on `today` (`YYYY-MM-DD`).
pub async fn record_on_sqlite(c: &mut sqlx::SqliteConnection, wave: i64, today: &str, keys: &[&str]) -> Result<Option<Recorded>> {
    let keys = serde_json::to_string(keys).map_err(|e| sqlx::Error::Encode(e.into()))?;
    let sql = format!(
        "INSERT INTO wave_participation (wave_id, person_key)
         SELECT $1, value FROM json_each($3) WHERE EXISTS ({OPEN})
         ON CONFLICT (wave_id, person_key) DO NOTHING
         RETURNING person_key,
                   (SELECT chunk FROM answer_chunks WHERE wave_id = $1 ORDER BY answers, chunk LIMIT 1),
                   (SELECT answers FROM answer_chunks WHERE wave_id = $1 ORDER BY answers, chunk LIMIT 1),
                   (SELECT MAX(chunk) FROM answer_chunks WHERE wave_id = $1)"
    );
    let rows: Vec<RecordedRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(wave).bind(today).bind(keys).fetch_all(&mut *c).await?;
    if rows.is_empty() {
        // Nothing recorded: everyone had answered before, or the wave is not open.
        let open = sqlx::query(sqlx::AssertSqlSafe(OPEN)).bind(wave).bind(today).fetch_optional(&mut *c).await?.is_some();
        return Ok(open.then_some(Recorded { keys: Vec::new(), chunks: None }));
    }
    let chunks = match rows[0] {
        (_, Some(chunk), Some(answers), Some(last)) => Some(anonymity::Chunks { smallest: (chunk, answers), last }),
        _ => None,
    };
    Ok(Some(Recorded { keys: rows.into_iter().map(|(key, ..)| key).collect(), chunks }))
}

/// Places new answers (group, answers as JSON) on SQLite as `p` says, in one call that no answer
/// leaves the database in: they join the chunk, every row of the chunk gets a new random id (256
/// bits from SQLite's ChaCha20 generator, which the operating system seeds) and is written again
/// in the order of those ids, on a split the upper half by id moves to the new chunk (the rule of
/// `answer_on_postgres`), and the chunks' sizes are counted again.
pub async fn place_on_sqlite(
    c: &mut sqlx::SqliteConnection,
    wave: i64,
    p: anonymity::Placement,
    answers: &[(Option<i64>, &str)],
) -> Result<()> {
    let answers = serde_json::to_string(answers).map_err(|e| sqlx::Error::Encode(e.into()))?;
    // Three statements in one call (sqlx runs them in turn, each with the arguments it names).
    sqlx::query(
        "INSERT INTO survey_answers (id, wave_id, group_id, chunk, answers)
         SELECT lower(hex(randomblob(32))), $1, value ->> 0, $2, value ->> 1 FROM json_each($4);
         UPDATE survey_answers SET id = renamed.id, chunk = renamed.chunk
         FROM (SELECT old, id,
                      CASE WHEN $3 IS NOT NULL AND row_number() OVER (ORDER BY id) > count(*) OVER () / 2 THEN $3 ELSE $2 END AS chunk
               FROM (SELECT id AS old, lower(hex(randomblob(32))) AS id FROM survey_answers WHERE wave_id = $1 AND chunk = $2)) AS renamed
         WHERE survey_answers.wave_id = $1 AND survey_answers.chunk = $2 AND survey_answers.id = renamed.old;
         INSERT INTO answer_chunks (wave_id, chunk, answers)
         SELECT $1, chunk, COUNT(*) FROM survey_answers WHERE wave_id = $1 AND chunk IN ($2, $3) GROUP BY chunk
         ON CONFLICT (wave_id, chunk) DO UPDATE SET answers = excluded.answers",
    )
    .bind(wave)
    .bind(p.chunk)
    .bind(p.split_into)
    .bind(answers)
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// Records the participations and places the answers of one run of a batch, in one statement on
/// PostgreSQL, so that neither the chunks' answers nor their sizes travel to samspill and back.
/// `new` holds (person key, group, answers), each key once. Nothing is recorded unless the wave is
/// open on `today` (`YYYY-MM-DD`; the rule of `survey::state`). A key recorded before takes
/// nothing. The answers of the keys taken join the wave's smallest chunk, which is written again
/// and split in two once it would hold more than twice `size` (the rule of `anonymity::place`):
/// every row gets a new random id (SHA-256 of two `gen_random_uuid()`s, 244 random bits), the rows
/// are written in the order of those ids, and on a split the upper half by id goes to the new
/// chunk; what `record_on_sqlite` and `place_on_sqlite` do on SQLite. Returns whether the
/// wave is open, and the keys taken.
pub async fn answer_on_postgres(
    c: &mut sqlx::PgConnection,
    wave: i64,
    today: &str,
    size: i64,
    new: &[(&str, Option<i64>, &str)],
) -> Result<(bool, Vec<String>)> {
    let keys: Vec<&str> = new.iter().map(|(k, _, _)| *k).collect();
    let groups: Vec<Option<i64>> = new.iter().map(|(_, g, _)| *g).collect();
    let answers: Vec<&str> = new.iter().map(|(_, _, a)| *a).collect();
    let sql = format!(
        "WITH open AS ({OPEN}), recorded AS (
             INSERT INTO wave_participation (wave_id, person_key)
             SELECT $1, k FROM unnest($3::text[]) AS k WHERE EXISTS (SELECT 1 FROM open)
             ON CONFLICT (wave_id, person_key) DO NOTHING
             RETURNING person_key
         ), incoming AS (
             SELECT u.g AS group_id, u.a AS answers
             FROM unnest($3::text[], $4::bigint[], $5::text[]) AS u(k, g, a) JOIN recorded r ON r.person_key = u.k
         ), smallest AS (
             SELECT chunk, answers FROM answer_chunks WHERE wave_id = $1 ORDER BY answers, chunk LIMIT 1
         ), target AS (
             SELECT COALESCE((SELECT chunk FROM smallest), 0) AS chunk,
                    CASE WHEN COALESCE((SELECT answers FROM smallest), 0) + (SELECT COUNT(*) FROM incoming) > 2 * $6
                         THEN (SELECT MAX(chunk) + 1 FROM answer_chunks WHERE wave_id = $1) END AS split_into
         ), taken AS (
             DELETE FROM survey_answers
             WHERE wave_id = $1 AND chunk = (SELECT chunk FROM target) AND EXISTS (SELECT 1 FROM incoming)
             RETURNING group_id, answers
         ), renamed AS (
             SELECT encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex') AS id,
                    group_id, answers
             FROM (SELECT group_id, answers FROM taken UNION ALL SELECT group_id, answers FROM incoming) AS joined
         ), placed AS (
             SELECT id, group_id, answers,
                    CASE WHEN t.split_into IS NOT NULL AND row_number() OVER (ORDER BY id) > count(*) OVER () / 2
                         THEN t.split_into ELSE t.chunk END AS chunk
             FROM renamed CROSS JOIN target t
         ), written AS (
             INSERT INTO survey_answers (id, wave_id, group_id, chunk, answers)
             SELECT id, $1, group_id, chunk, answers FROM placed ORDER BY id
             RETURNING chunk
         ), counted AS (
             INSERT INTO answer_chunks (wave_id, chunk, answers)
             SELECT $1, chunk, COUNT(*) FROM written GROUP BY chunk
             ON CONFLICT (wave_id, chunk) DO UPDATE SET answers = excluded.answers
         )
         SELECT EXISTS (SELECT 1 FROM open), ARRAY(SELECT person_key FROM recorded)"
    );
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(wave)
        .bind(today)
        .bind(keys)
        .bind(groups)
        .bind(answers)
        .bind(size)
        .fetch_one(&mut *c)
        .await
        .map_err(super::Error::from)
}

/// Replaces all of the wave's answers with `rows` (random id, group, answers), in one chunk,
/// written in the order given.
pub async fn rewrite_answers(mut ex: Ex<'_>, wave: i64, rows: &[(String, Option<i64>, String)]) -> Result<()> {
    exec!(ex.reborrow(), "DELETE FROM survey_answers WHERE wave_id = $1", wave)?;
    exec!(ex.reborrow(), "DELETE FROM answer_chunks WHERE wave_id = $1", wave)?;
    let rows: Vec<AnswerRow> =
        rows.iter().map(|(id, group, answers)| AnswerRow { id: id.clone(), group: *group, chunk: 0, answers: answers.clone() }).collect();
    write_chunk(ex, wave, 0, &rows).await
}

/// About how many bytes of answers one INSERT statement carries. sqlx 0.9.0 leaves Nagle's
/// algorithm on for PostgreSQL's TCP sockets (sqlx issue 4335, fixed upstream after 0.9.0): a
/// statement of more than a few kilobytes then waits some 40 ms for a delayed acknowledgement.
const BYTES_PER_INSERT: usize = 4_096;

/// Writes the answers, as many to a statement as fit in `BYTES_PER_INSERT`, in the order given.
async fn insert_answers(mut ex: Ex<'_>, wave: i64, rows: &[AnswerRow]) -> Result<()> {
    let mut rest = rows;
    while !rest.is_empty() {
        let mut bytes = 0;
        let n = rest
            .iter()
            .take_while(|r| {
                bytes += r.id.len() + r.answers.len() + 24;
                bytes <= BYTES_PER_INSERT
            })
            .count()
            .max(1);
        let (part, more) = rest.split_at(n);
        rest = more;
        let values: Vec<String> =
            (0..part.len()).map(|i| format!("(${}, ${}, ${}, ${}, ${})", 5 * i + 1, 5 * i + 2, 5 * i + 3, 5 * i + 4, 5 * i + 5)).collect();
        // Placeholders only: the values are bound.
        let sql = format!("INSERT INTO survey_answers (id, wave_id, group_id, chunk, answers) VALUES {}", values.join(", "));
        on!(ex.reborrow(), |c| {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for r in part {
                q = q.bind(r.id.as_str()).bind(wave).bind(r.group).bind(r.chunk).bind(r.answers.as_str());
            }
            q.execute(&mut *c).await.map(|r| r.rows_affected()).map_err(super::Error::from)
        })?;
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

/// Everyone asked to answer the wave, with the group each one's answer counts in.
pub async fn invitations(ex: Ex<'_>, wave: i64) -> Result<HashMap<i64, Option<i64>>> {
    Ok(rows!(ex, (i64, Option<i64>), "SELECT person_id, group_id FROM wave_invitees WHERE wave_id = $1", wave)?.into_iter().collect())
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
