//! Follow-up conversations and the cadence of each pair.

use super::{Ex, Result, exec, row, rows, scalar};
use crate::domain::PersonId;

/// A direct report as the leader's list of conversations shows them, in one statement.
#[derive(sqlx::FromRow, serde::Deserialize, Debug, Clone)]
pub struct PairRow {
    pub id: i64,
    pub name: String,
    pub location_id: Option<i64>,
    pub leader_location_id: Option<i64>,
    #[sqlx(flatten)]
    pub state: PairState,
}

/// Where a pair stands: its cadence and the summary of its conversations, touchpoints and actions.
#[derive(sqlx::FromRow, serde::Deserialize, Debug, Clone)]
pub struct PairState {
    pub cadence: Option<String>,
    /// When the pair's cadence was set, or the person was added: where the first due date counts from.
    pub since: i64,
    pub last_held: Option<i64>,
    pub next_id: Option<i64>,
    pub next_at: Option<i64>,
    pub next_status: Option<String>,
    /// The last day of contact: a touchpoint's date (`YYYY-MM-DD`).
    pub last_touch: Option<String>,
    pub last_touch_in_person: Option<String>,
    pub last_held_in_person: Option<i64>,
    pub open_actions: i64,
}

/// The statuses of an open conversation (`domain::conversation::Status::is_open`), as SQL.
macro_rules! open {
    () => {
        "('proposed', 'planned')"
    };
}
pub(super) const OPEN: &str = open!();

/// The joins that find the pair of the leader `$1` and the person `p`: cadence `c`, summary `s`.
macro_rules! pair_joins {
    () => {
        " LEFT JOIN cadences c ON c.employee_id = p.id AND c.leader_id = $1 \
         LEFT JOIN pair_summaries s ON s.leader_id = $1 AND s.employee_id = p.id"
    };
}
/// The columns of `PairState` from `pair_joins!`.
macro_rules! pair_state {
    () => {
        "c.cadence, COALESCE(c.set_at, p.created_at) AS since, s.last_held, s.next_id, s.next_at, s.next_status, \
         s.last_touch, s.last_touch_in_person, s.last_held_in_person, COALESCE(s.open_actions, 0) AS open_actions"
    };
}
/// `pair_state!` as a JSON array, built by the database's array function (`json_array` on SQLite,
/// `json_build_array` on PostgreSQL); SQLite's by default.
macro_rules! pair_state_json {
    () => {
        $crate::store::conversations::pair_state_json!("json_array")
    };
    ($array:literal) => {
        concat!(
            $array,
            "(c.cadence, COALESCE(c.set_at, p.created_at), s.last_held, s.next_id, s.next_at, s.next_status, \
             s.last_touch, s.last_touch_in_person, s.last_held_in_person, COALESCE(s.open_actions, 0))"
        )
    };
}
pub(crate) use {pair_joins, pair_state, pair_state_json};

/// The leader's active reports with what the lists show of each pair, in the reports' order.
pub async fn pairs(ex: Ex<'_>, leader: PersonId) -> Result<Vec<PairRow>> {
    macro_rules! from {
        () => {
            concat!(" FROM people p JOIN people l ON l.id = p.leader_id", pair_joins!(), " WHERE p.leader_id = $1 AND p.active")
        };
    }
    match ex {
        // SQLite hands the rows over as one JSON value (see `people::list`).
        Ex::Sqlite(c) => {
            let json: String = sqlx::query_scalar(concat!(
                "SELECT json_group_array(json_array(p.id, p.name, p.location_id, l.location_id, ",
                pair_state_json!(),
                ") ORDER BY p.sort_key, p.id)",
                from!()
            ))
            .bind(leader.0)
            .fetch_one(&mut *c)
            .await?;
            super::parse_json_rows(&json)
        }
        ex => rows!(
            ex,
            PairRow,
            concat!(
                "SELECT p.id, p.name, p.location_id, l.location_id AS leader_location_id, ",
                pair_state!(),
                from!(),
                " ORDER BY p.sort_key, p.id"
            ),
            leader.0
        ),
    }
}

/// Writes the pair's summary again from its conversations, touchpoints and actions. Every write
/// to those calls it in the same transaction; writers take turns (`Db::begin`), so on PostgreSQL
/// this statement sees every write committed before it.
async fn refresh_pair(ex: Ex<'_>, leader: i64, employee: i64) -> Result<()> {
    exec!(
        ex,
        concat!(
            "INSERT INTO pair_summaries (leader_id, employee_id, last_held, last_held_in_person, next_id, next_at, next_status, \
             last_touch, last_touch_in_person, open_actions) \
             SELECT $1, $2, \
             (SELECT MAX(v.starts_at) FROM conversations v WHERE v.employee_id = $2 AND v.leader_id = $1 AND v.status = 'held'), \
             (SELECT MAX(v.starts_at) FROM conversations v \
               WHERE v.employee_id = $2 AND v.leader_id = $1 AND v.status = 'held' AND v.channel = 'in-person'), \
             n.id, n.starts_at, n.status, \
             (SELECT MAX(t.on_date) FROM touchpoints t WHERE t.employee_id = $2 AND t.leader_id = $1), \
             (SELECT MAX(t.on_date) FROM touchpoints t WHERE t.employee_id = $2 AND t.leader_id = $1 AND t.channel = 'in-person'), \
             (SELECT COUNT(*) FROM actions a WHERE a.employee_id = $2 AND a.leader_id = $1 AND a.done_at IS NULL) \
             FROM (SELECT 1 AS one) d LEFT JOIN conversations n ON n.id = (SELECT v.id FROM conversations v \
               WHERE v.employee_id = $2 AND v.leader_id = $1 AND v.status IN ",
            open!(),
            " ORDER BY v.starts_at, v.id LIMIT 1) \
             WHERE true \
             ON CONFLICT (leader_id, employee_id) DO UPDATE SET last_held = excluded.last_held, \
             last_held_in_person = excluded.last_held_in_person, next_id = excluded.next_id, next_at = excluded.next_at, \
             next_status = excluded.next_status, last_touch = excluded.last_touch, \
             last_touch_in_person = excluded.last_touch_in_person, open_actions = excluded.open_actions"
        ),
        leader,
        employee
    )?;
    Ok(())
}

/// A conversation with the names of its two parties.
#[derive(sqlx::FromRow, serde::Deserialize, Debug, Clone)]
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

const CONVERSATION_COLUMNS: &str = "SELECT v.id, v.leader_id, l.name AS leader_name, v.employee_id, e.name AS employee_name, \
     v.template, v.starts_at, v.minutes, v.channel, v.place, v.status, v.proposed_by, v.sequence, v.updated_at";
const CONVERSATION_FROM: &str = " FROM conversations v JOIN people l ON l.id = v.leader_id JOIN people e ON e.id = v.employee_id";

/// The conversations that `filter` (a WHERE clause over `v`, `l` and `e`) finds with `binds`, in
/// `order` (of the rows' columns). SQLite hands them over as one JSON value (see `people::list`).
async fn conversations_where(ex: Ex<'_>, filter: &str, order: &str, binds: &[i64]) -> Result<Vec<ConversationRow>> {
    match ex {
        Ex::Sqlite(c) => {
            let sql = format!(
                "SELECT json_group_array(json_array(id, leader_id, leader_name, employee_id, employee_name, template, starts_at, \
                 minutes, channel, place, status, proposed_by, sequence, updated_at) ORDER BY {order}) FROM ({CONVERSATION_COLUMNS}{CONVERSATION_FROM} {filter})"
            );
            let query = binds.iter().fold(sqlx::query_scalar(sqlx::AssertSqlSafe(sql)), |q, b| q.bind(*b));
            let json: String = query.fetch_one(&mut *c).await?;
            super::parse_json_rows(&json)
        }
        Ex::Pg(c) => {
            let sql = format!("{CONVERSATION_COLUMNS}{CONVERSATION_FROM} {filter} ORDER BY {order}");
            let query = binds.iter().fold(sqlx::query_as(sqlx::AssertSqlSafe(sql)), |q, b| q.bind(*b));
            Ok(query.fetch_all(&mut *c).await?)
        }
    }
}

/// A conversation `person` takes part in; anyone else's is not found.
pub async fn get(ex: Ex<'_>, person: PersonId, id: i64) -> Result<Option<ConversationRow>> {
    row!(
        ex,
        ConversationRow,
        sqlx::AssertSqlSafe(format!(
            "{CONVERSATION_COLUMNS}{CONVERSATION_FROM} WHERE v.id = $1 AND (v.leader_id = $2 OR v.employee_id = $2)"
        )),
        id,
        person.0
    )
}

/// The employee's side of Samtaler: the name of their leader now, and every conversation they
/// had as the employee, newest first (with any leader they had).
#[derive(Debug)]
pub struct AsEmployee {
    pub leader_name: Option<String>,
    pub conversations: Vec<EmployeeConversation>,
}

/// One of an employee's conversations as Samtaler lists it.
#[derive(serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct EmployeeConversation {
    pub id: i64,
    pub leader_name: String,
    pub starts_at: i64,
    pub status: String,
}

/// Samtaler in one statement: the person's side as an employee, and for a leader their pairs (as
/// `pairs` reads them; none for anyone else), each list as one JSON value.
pub async fn index(ex: Ex<'_>, person: PersonId, as_leader: bool) -> Result<(AsEmployee, Vec<PairRow>)> {
    let pg = matches!(ex, Ex::Pg(_));
    let list = super::json_list(pg, "v.id, l.name, v.starts_at, v.status", "v.starts_at DESC, v.id DESC");
    let pairs = if !as_leader {
        "'[]'".to_string()
    } else {
        let columns = if pg {
            concat!("p.id, p.name, p.location_id, l.location_id, ", pair_state_json!("json_build_array"))
        } else {
            concat!("p.id, p.name, p.location_id, l.location_id, ", pair_state_json!())
        };
        format!(
            "(SELECT {} FROM people p JOIN people l ON l.id = p.leader_id{} WHERE p.leader_id = $1 AND p.active)",
            super::json_list(pg, columns, "p.sort_key, p.id"),
            pair_joins!()
        )
    };
    let sql = format!(
        "SELECT (SELECT ml.name FROM people me JOIN people ml ON ml.id = me.leader_id WHERE me.id = $1), \
         (SELECT {list} FROM conversations v JOIN people l ON l.id = v.leader_id WHERE v.employee_id = $1), {pairs}"
    );
    let (leader_name, conversations, pairs) =
        row!(ex, (Option<String>, String, String), sqlx::AssertSqlSafe(sql), person.0)?.ok_or(sqlx::Error::RowNotFound)?;
    Ok((AsEmployee { leader_name, conversations: super::parse_json_rows(&conversations)? }, super::parse_json_rows(&pairs)?))
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

pub async fn insert(mut ex: Ex<'_>, c: &NewConversation<'_>, now: i64) -> Result<i64> {
    let id = scalar!(
        ex.reborrow(),
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
    )?;
    refresh_pair(ex, c.leader.0, c.employee.0).await?;
    Ok(id)
}

/// Sets the status if it is still `from` (what the person saw); false when it changed meanwhile.
pub async fn set_status(mut ex: Ex<'_>, id: i64, from: &str, to: &str, now: i64) -> Result<bool> {
    let pair = row!(
        ex.reborrow(),
        (i64, i64),
        "UPDATE conversations SET status = $1, sequence = sequence + 1, updated_at = $2 WHERE id = $3 AND status = $4 \
         RETURNING leader_id, employee_id",
        to,
        now,
        id,
        from
    )?;
    refresh_changed_pair(ex, pair).await
}

/// Refreshes the summary of the pair whose conversation changed; false when none did.
async fn refresh_changed_pair(ex: Ex<'_>, pair: Option<(i64, i64)>) -> Result<bool> {
    let Some((leader, employee)) = pair else { return Ok(false) };
    refresh_pair(ex, leader, employee).await?;
    Ok(true)
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
pub async fn reschedule(mut ex: Ex<'_>, id: i64, r: &Reschedule<'_>, now: i64) -> Result<bool> {
    let pair = row!(
        ex.reborrow(),
        (i64, i64),
        "UPDATE conversations SET status = $1, starts_at = $2, minutes = $3, proposed_by = $4, sequence = sequence + 1, updated_at = $5 \
         WHERE id = $6 AND status = $7 RETURNING leader_id, employee_id",
        r.to,
        r.starts_at,
        r.minutes,
        r.by.0,
        now,
        id,
        r.from
    )?;
    refresh_changed_pair(ex, pair).await
}

/// The cadence the leader set for the pair, if any.
pub async fn cadence_of(ex: Ex<'_>, leader: PersonId, employee: PersonId) -> Result<Option<String>> {
    Ok(row!(ex, (String,), "SELECT cadence FROM cadences WHERE employee_id = $1 AND leader_id = $2", employee.0, leader.0)?.map(|(c,)| c))
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

#[derive(serde::Deserialize, Debug, Clone)]
pub struct AgendaRow {
    pub id: i64,
    pub author_id: i64,
    pub author_name: String,
    pub text: String,
    pub discussed: bool,
    /// A self-assessment result attached by its owner and still shared with the leader.
    pub attempt_id: Option<i64>,
    pub instrument_id: Option<String>,
    pub instrument_version: Option<i64>,
}

/// Adds a point at the end of the agenda, with a result of the author's attached if any.
pub async fn add_agenda_item(ex: Ex<'_>, conversation: i64, author: PersonId, text: &str, attempt: Option<i64>, now: i64) -> Result<u64> {
    exec!(
        ex,
        "INSERT INTO agenda_items (conversation_id, author_id, text, position, discussed, created_at, attempt_id) \
         SELECT $1, $2, $3, COALESCE(MAX(position), 0) + 1, FALSE, $4, $5 FROM agenda_items WHERE conversation_id = $1",
        conversation,
        author.0,
        text,
        now,
        attempt
    )
}

/// Marks a point discussed or not; only a point of this conversation.
pub async fn set_discussed(ex: Ex<'_>, conversation: i64, item: i64, discussed: bool) -> Result<u64> {
    exec!(ex, "UPDATE agenda_items SET discussed = $1 WHERE id = $2 AND conversation_id = $3", discussed, item, conversation)
}

/// The shared note: (text, version); version 0 when nothing is written yet.
pub async fn shared_note(ex: Ex<'_>, conversation: i64) -> Result<(String, i64)> {
    Ok(row!(ex, (String, i64), "SELECT text, version FROM shared_notes WHERE conversation_id = $1", conversation)?.unwrap_or_default())
}

/// Saves the shared note if it is still at `version`; false when someone saved it meanwhile.
pub async fn save_shared_note(ex: Ex<'_>, conversation: i64, version: i64, text: &str, by: PersonId, now: i64) -> Result<bool> {
    let n = if version == 0 {
        exec!(
            ex,
            "INSERT INTO shared_notes (conversation_id, text, version, updated_by, updated_at) VALUES ($1, $2, 1, $3, $4) \
             ON CONFLICT (conversation_id) DO NOTHING",
            conversation,
            text,
            by.0,
            now
        )?
    } else {
        exec!(
            ex,
            "UPDATE shared_notes SET text = $1, version = version + 1, updated_by = $2, updated_at = $3 WHERE conversation_id = $4 AND version = $5",
            text,
            by.0,
            now,
            conversation,
            version
        )?
    };
    Ok(n == 1)
}

/// A conversation's notes as one reader sees them.
#[derive(sqlx::FromRow, Debug, Default, Clone)]
pub struct Notes {
    pub shared: String,
    /// How many times the shared note was saved (0: never).
    pub version: i64,
    /// The reader's own note, which nobody else sees.
    pub private: String,
}

/// What a conversation's page shows besides the conversation itself.
#[derive(Debug, Clone)]
pub struct Work {
    /// The agenda in order. An attached result is named only while its owner shares it with the
    /// conversation's leader.
    pub agenda: Vec<AgendaRow>,
    /// The pair's actions the conversation shows: every open one agreed at or before it, and
    /// those agreed in it.
    pub actions: Vec<ActionRow>,
    pub notes: Notes,
}

#[derive(sqlx::FromRow)]
struct WorkJson {
    agenda: String,
    actions: String,
    #[sqlx(flatten)]
    notes: Notes,
}

impl WorkJson {
    fn parse(self) -> Result<Work> {
        Ok(Work { agenda: super::parse_json_rows(&self.agenda)?, actions: super::parse_json_rows(&self.actions)?, notes: self.notes })
    }
}

/// The columns of `WorkJson` for the conversation whose id, leader, employee and start the
/// given SQL expressions are, as `reader` (also an expression) sees it; they need the shared
/// note joined as `n`. The two lists come as JSON arrays, so that lists of different shapes
/// share a round trip.
fn work_columns(pg: bool, conversation: &str, leader: &str, employee: &str, starts_at: &str, reader: &str) -> String {
    let list = |columns: &str, order: &str| super::json_list(pg, columns, order);
    let discussed = if pg { "a.discussed" } else { "json(CASE WHEN a.discussed THEN 'true' ELSE 'false' END)" };
    let agenda =
        list(&format!("a.id, a.author_id, p.name, a.text, {discussed}, t.id, t.instrument_id, t.instrument_version"), "a.position, a.id");
    let actions =
        list("a.id, a.conversation_id, a.owner_id, p.name, a.text, a.due_date, a.done_at", "a.done_at IS NOT NULL, a.due_date, a.id");
    format!(
        "(SELECT {agenda} FROM agenda_items a JOIN people p ON p.id = a.author_id \
           LEFT JOIN (attempts t JOIN attempt_shares s ON s.attempt_id = t.id AND s.leader_id = {leader}) ON t.id = a.attempt_id \
           WHERE a.conversation_id = {conversation}) AS agenda, \
         (SELECT {actions} FROM actions a JOIN people p ON p.id = a.owner_id JOIN conversations c ON c.id = a.conversation_id \
           WHERE a.leader_id = {leader} AND a.employee_id = {employee} \
           AND (a.conversation_id = {conversation} OR (a.done_at IS NULL AND c.starts_at <= {starts_at}))) AS actions, \
         COALESCE(n.text, '') AS shared, COALESCE(n.version, 0) AS version, \
         COALESCE((SELECT o.text FROM private_notes o WHERE o.conversation_id = {conversation} AND o.author_id = {reader}), '') AS private"
    )
}

/// The agenda, the actions and the notes of a conversation as `reader` sees them, in one
/// statement.
pub async fn work(ex: Ex<'_>, conversation: &ConversationRow, reader: PersonId) -> Result<Work> {
    let columns = work_columns(matches!(ex, Ex::Pg(_)), "$1", "$2", "$3", "$4", "$5");
    let sql = format!("SELECT {columns} FROM (SELECT 1 AS one) d LEFT JOIN shared_notes n ON n.conversation_id = $1");
    row!(
        ex,
        WorkJson,
        sqlx::AssertSqlSafe(sql),
        conversation.id,
        conversation.leader_id,
        conversation.employee_id,
        conversation.starts_at,
        reader.0
    )?
    .ok_or(sqlx::Error::RowNotFound)?
    .parse()
}

#[derive(sqlx::FromRow)]
struct ConversationWork {
    #[sqlx(flatten)]
    conversation: ConversationRow,
    #[sqlx(flatten)]
    work: WorkJson,
}

/// A conversation of `person`'s (as `get` finds it) with its work as they see it (as `work`
/// reads it), in one statement: the conversation's page.
pub async fn get_with_work(ex: Ex<'_>, person: PersonId, id: i64) -> Result<Option<(ConversationRow, Work)>> {
    let columns = work_columns(matches!(ex, Ex::Pg(_)), "v.id", "v.leader_id", "v.employee_id", "v.starts_at", "$2");
    let sql = format!(
        "{CONVERSATION_COLUMNS}, {columns}{CONVERSATION_FROM} LEFT JOIN shared_notes n ON n.conversation_id = v.id \
         WHERE v.id = $1 AND (v.leader_id = $2 OR v.employee_id = $2)"
    );
    match row!(ex, ConversationWork, sqlx::AssertSqlSafe(sql), id, person.0)? {
        Some(row) => Ok(Some((row.conversation, row.work.parse()?))),
        None => Ok(None),
    }
}

pub async fn save_private_note(ex: Ex<'_>, conversation: i64, author: PersonId, text: &str, now: i64) -> Result<u64> {
    exec!(
        ex,
        "INSERT INTO private_notes (conversation_id, author_id, text, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (conversation_id, author_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
        conversation,
        author.0,
        text,
        now
    )
}

#[derive(serde::Deserialize, Debug, Clone)]
pub struct ActionRow {
    pub id: i64,
    pub conversation_id: i64,
    pub owner_id: i64,
    pub owner_name: String,
    pub text: String,
    pub due_date: Option<String>,
    pub done_at: Option<i64>,
}

pub struct NewAction<'a> {
    pub conversation: &'a ConversationRow,
    pub owner: PersonId,
    pub text: &'a str,
    pub due_date: Option<&'a str>,
}

pub async fn add_action(mut ex: Ex<'_>, a: &NewAction<'_>, now: i64) -> Result<u64> {
    let n = exec!(
        ex.reborrow(),
        "INSERT INTO actions (leader_id, employee_id, conversation_id, owner_id, text, due_date, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        a.conversation.leader_id,
        a.conversation.employee_id,
        a.conversation.id,
        a.owner.0,
        a.text,
        a.due_date,
        now
    )?;
    refresh_pair(ex, a.conversation.leader_id, a.conversation.employee_id).await?;
    Ok(n)
}

/// Marks an action of the pair done (or open again).
pub async fn set_action_done(mut ex: Ex<'_>, conversation: &ConversationRow, action: i64, done_at: Option<i64>) -> Result<u64> {
    let n = exec!(
        ex.reborrow(),
        "UPDATE actions SET done_at = $1 WHERE id = $2 AND leader_id = $3 AND employee_id = $4",
        done_at,
        action,
        conversation.leader_id,
        conversation.employee_id
    )?;
    refresh_pair(ex, conversation.leader_id, conversation.employee_id).await?;
    Ok(n)
}

pub struct NewTouchpoint<'a> {
    pub leader: PersonId,
    pub employee: PersonId,
    pub author: PersonId,
    pub kind: &'a str,
    pub channel: &'a str,
    pub on_date: &'a str,
}

pub async fn add_touchpoint(mut ex: Ex<'_>, t: &NewTouchpoint<'_>, now: i64) -> Result<u64> {
    let n = exec!(
        ex.reborrow(),
        "INSERT INTO touchpoints (leader_id, employee_id, author_id, kind, channel, on_date, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        t.leader.0,
        t.employee.0,
        t.author.0,
        t.kind,
        t.channel,
        t.on_date,
        now
    )?;
    refresh_pair(ex, t.leader.0, t.employee.0).await?;
    Ok(n)
}

/// The conversations a calendar shows for `person`, as either party: those from `since` on,
/// cancelled ones included so that calendars remove them.
pub async fn calendar_of(ex: Ex<'_>, person: PersonId, since: i64) -> Result<Vec<ConversationRow>> {
    conversations_where(ex, "WHERE (v.leader_id = $1 OR v.employee_id = $1) AND v.starts_at >= $2", "starts_at, id", &[person.0, since])
        .await
}

/// Gives `person` a calendar address with this secret's hash, replacing any earlier one.
pub async fn set_calendar_feed(ex: Ex<'_>, person: PersonId, token_hash: &str, now: i64) -> Result<u64> {
    exec!(
        ex,
        "INSERT INTO calendar_feeds (person_id, token_hash, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (person_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at",
        person.0,
        token_hash,
        now
    )
}

pub async fn revoke_calendar_feed(ex: Ex<'_>, person: PersonId) -> Result<u64> {
    exec!(ex, "DELETE FROM calendar_feeds WHERE person_id = $1", person.0)
}

/// Whether the person has a calendar address.
pub async fn has_calendar_feed(ex: Ex<'_>, person: PersonId) -> Result<bool> {
    Ok(row!(ex, (i64,), "SELECT person_id FROM calendar_feeds WHERE person_id = $1", person.0)?.is_some())
}

/// The active person a calendar address belongs to.
pub async fn calendar_feed_owner(ex: Ex<'_>, token_hash: &str) -> Result<Option<(PersonId, String)>> {
    Ok(row!(
        ex,
        (i64, String),
        "SELECT p.id, p.name FROM calendar_feeds f JOIN people p ON p.id = f.person_id WHERE f.token_hash = $1 AND p.active",
        token_hash
    )?
    .map(|(id, name)| (PersonId(id), name)))
}

/// Planned conversations that start after `now` and no later than `until`: the candidates for
/// a reminder.
pub async fn planned_between(ex: Ex<'_>, now: i64, until: i64) -> Result<Vec<ConversationRow>> {
    conversations_where(
        ex,
        "WHERE v.status = 'planned' AND v.starts_at > $1 AND v.starts_at <= $2 AND l.active AND e.active",
        "starts_at, id",
        &[now, until],
    )
    .await
}

/// Every active pair with what its due date follows from: for the nudges when one is overdue.
#[derive(sqlx::FromRow, Debug, Clone)]
pub struct PairDue {
    pub employee_id: i64,
    pub employee_name: String,
    pub leader_id: i64,
    pub leader_name: String,
    pub cadence: Option<String>,
    pub since: i64,
    pub last_held: Option<i64>,
    pub planned: bool,
}

pub async fn all_pairs_due(ex: Ex<'_>) -> Result<Vec<PairDue>> {
    rows!(
        ex,
        PairDue,
        "SELECT p.id AS employee_id, p.name AS employee_name, l.id AS leader_id, l.name AS leader_name, c.cadence, \
         COALESCE(c.set_at, p.created_at) AS since, s.last_held, s.next_id IS NOT NULL AS planned \
         FROM people p JOIN people l ON l.id = p.leader_id AND l.active \
         LEFT JOIN cadences c ON c.employee_id = p.id AND c.leader_id = l.id \
         LEFT JOIN pair_summaries s ON s.leader_id = l.id AND s.employee_id = p.id \
         WHERE p.active ORDER BY p.id"
    )
}
