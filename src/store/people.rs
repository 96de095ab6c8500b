//! People: their records, reporting lines, accounts.

use super::conversations::{PairRow, PairState, pair_joins, pair_state, pair_state_json};
use super::units::UnitNode;
use super::{Ex, Result, exec, now, row, rows, scalar};
use crate::domain::fields::Weekdays;
use crate::domain::text::{search_query, search_text, sort_key};
use crate::domain::{LocationId, PersonId, UnitId};

/// A person's record, with the names of unit, leader and location for display.
#[derive(sqlx::FromRow, serde::Deserialize, Clone, Debug)]
pub struct Person {
    pub id: i64,
    pub employee_number: String,
    pub name: String,
    pub email: String,
    pub title: String,
    pub unit_id: Option<i64>,
    pub unit_name: Option<String>,
    pub leader_id: Option<i64>,
    pub leader_name: Option<String>,
    pub leader_location_id: Option<i64>,
    pub location_id: Option<i64>,
    pub location_name: Option<String>,
    pub home_office_days: i64,
    pub active: bool,
    pub end_date: Option<String>,
    pub is_admin: bool,
}

impl Person {
    pub fn id(&self) -> PersonId {
        PersonId(self.id)
    }
    pub fn days(&self) -> Weekdays {
        Weekdays::from_bits(self.home_office_days)
    }
    pub fn location(&self) -> Option<LocationId> {
        self.location_id.map(LocationId)
    }
    pub fn leader_location(&self) -> Option<LocationId> {
        self.leader_location_id.map(LocationId)
    }
    /// The facts access to this record depends on.
    pub fn record(&self) -> crate::domain::access::Resource {
        crate::domain::access::Resource::PersonRecord {
            person: self.id(),
            leader: self.leader_id.map(PersonId),
            unit: self.unit_id.map(UnitId),
        }
    }
}

/// The columns of a `Person`, and the joins that name unit, leader and location; macros so that
/// whole statements are literals.
macro_rules! person_columns {
    () => {
        "p.id, p.employee_number, p.name, p.email, p.title, p.unit_id, u.name AS unit_name, \
         p.leader_id, l.name AS leader_name, l.location_id AS leader_location_id, p.location_id, loc.name AS location_name, \
         p.home_office_days, p.active, p.end_date, p.is_admin"
    };
}
/// `person_columns!` as a JSON array, in the order of `Person`'s fields.
macro_rules! person_json {
    () => {
        "json_array(p.id, p.employee_number, p.name, p.email, p.title, p.unit_id, u.name, p.leader_id, l.name, l.location_id, \
         p.location_id, loc.name, p.home_office_days, iif(p.active, json('true'), json('false')), p.end_date, \
         iif(p.is_admin, json('true'), json('false')))"
    };
}
macro_rules! person_from {
    () => {
        " FROM people p LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN people l ON l.id = p.leader_id \
         LEFT JOIN locations loc ON loc.id = p.location_id"
    };
}

pub async fn get(ex: Ex<'_>, id: PersonId) -> Result<Option<Person>> {
    row!(ex, Person, concat!("SELECT ", person_columns!(), person_from!(), " WHERE p.id = $1"), id.0)
}

/// What waits for a person on Min side: their next open conversation as an employee, the
/// actions they own that are not done, and the open waves that ask them (ids, comma-separated;
/// whether they have answered is a keyed hash only the application can make).
#[derive(sqlx::FromRow, Debug, Clone, Default)]
pub struct Waiting {
    #[sqlx(rename = "my_next_id")]
    pub next_id: Option<i64>,
    #[sqlx(rename = "my_next_at")]
    pub next_at: Option<i64>,
    #[sqlx(rename = "my_next_status")]
    pub next_status: Option<String>,
    #[sqlx(rename = "my_open_actions")]
    pub open_actions: i64,
    pub open_waves: Option<String>,
}

impl Waiting {
    pub fn open_waves(&self) -> Vec<i64> {
        self.open_waves.as_deref().unwrap_or("").split(',').filter_map(|id| id.parse().ok()).collect()
    }
}

/// Min side: a person, the active people who report to them (by name) with where each pair
/// stands, and what waits for the person.
#[derive(Debug)]
pub struct Home {
    pub me: Person,
    pub reports: Vec<Person>,
    pub pairs: Vec<PairRow>,
    pub waiting: Waiting,
}

#[derive(sqlx::FromRow)]
struct HomeRow {
    #[sqlx(flatten)]
    person: Person,
    #[sqlx(flatten)]
    pair: PairState,
    #[sqlx(flatten)]
    waiting: Waiting,
}

/// Min side on SQLite: the people, each with their pair, as one JSON value (see `list`).
#[derive(sqlx::FromRow)]
struct HomeJson {
    people: String,
    #[sqlx(flatten)]
    waiting: Waiting,
}

/// Min side in one statement. The person comes first; their own pair columns are empty.
pub async fn home(ex: Ex<'_>, id: PersonId, now: i64, today: &str) -> Result<Option<Home>> {
    // The next open conversation as an employee, looked up once.
    let open = super::conversations::OPEN;
    let next = format!(
        "LEFT JOIN conversations n ON n.id = (SELECT v.id FROM conversations v \
           WHERE v.employee_id = $1 AND v.status IN {open} AND v.starts_at >= $2 ORDER BY v.starts_at, v.id LIMIT 1)"
    );
    // A wave takes answers from its first day through its last unless closed early
    // (`domain::survey::state`).
    let waiting = "n.id AS my_next_id, n.starts_at AS my_next_at, n.status AS my_next_status, \
         (SELECT COUNT(*) FROM actions a WHERE a.owner_id = $1 AND a.done_at IS NULL) AS my_open_actions, \
         (SELECT string_agg(CAST(w.id AS TEXT), ',') FROM wave_invitees i JOIN waves w ON w.id = i.wave_id \
           WHERE i.person_id = $1 AND w.closed_at IS NULL AND w.opens_on <= $3 AND w.closes_on >= $3) AS open_waves";
    let who = "WHERE p.id = $1 OR (p.leader_id = $1 AND p.active)";
    let (people, waiting) = match ex {
        Ex::Sqlite(c) => {
            let sql = format!(
                "SELECT (SELECT json_group_array(json_array({}, {}) ORDER BY p.id <> $1, p.sort_key, p.id){}{} {who}) AS people, \
                 {waiting} FROM (SELECT 1) {next}",
                person_json!(),
                pair_state_json!(),
                person_from!(),
                pair_joins!()
            );
            let row: HomeJson = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id.0).bind(now).bind(today).fetch_one(&mut *c).await?;
            (super::parse_json_rows::<(Person, PairState)>(&row.people)?, row.waiting)
        }
        // The waiting columns do not depend on the row: PostgreSQL works them out once.
        ex => {
            let sql = format!(
                "SELECT {}, {}, {waiting}{}{} {next} {who} ORDER BY p.id <> $1, p.sort_key, p.id",
                person_columns!(),
                pair_state!(),
                person_from!(),
                pair_joins!()
            );
            let rows = rows!(ex, HomeRow, sqlx::AssertSqlSafe(sql), id.0, now, today)?;
            let waiting = rows.first().map(|r| r.waiting.clone()).unwrap_or_default();
            (rows.into_iter().map(|r| (r.person, r.pair)).collect::<Vec<_>>(), waiting)
        }
    };
    let mut people = people.into_iter();
    let Some((me, _)) = people.next().filter(|(p, _)| p.id == id.0) else { return Ok(None) };
    let (reports, pairs) = people
        .map(|(p, state)| {
            let pair =
                PairRow { id: p.id, name: p.name.clone(), location_id: p.location_id, leader_location_id: p.leader_location_id, state };
            (p, pair)
        })
        .unzip();
    Ok(Some(Home { me, reports, pairs, waiting }))
}

/// A person as the edit form shows them: the record, how many report to them, and their leader's
/// employee number and state (for the leader field), in one statement.
#[derive(sqlx::FromRow, Clone, Debug)]
pub struct FormPerson {
    #[sqlx(flatten)]
    pub person: Person,
    pub reports: i64,
    pub leader_number: Option<String>,
    pub leader_active: Option<bool>,
}

/// The edit form's person with what the form offers (as `form_choices` reads it), in one statement.
pub async fn get_for_form(ex: Ex<'_>, id: PersonId) -> Result<Option<(FormPerson, FormChoices)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        person: FormPerson,
        units: String,
        locations: String,
    }
    let sql = format!(
        "SELECT {}, (SELECT COUNT(*) FROM people r WHERE r.leader_id = p.id AND r.active) AS reports, \
         l.employee_number AS leader_number, l.active AS leader_active, {}{} WHERE p.id = $1",
        person_columns!(),
        choices_columns(matches!(ex, Ex::Pg(_))),
        person_from!()
    );
    let Some(row) = row!(ex, Row, sqlx::AssertSqlSafe(sql), id.0)? else { return Ok(None) };
    Ok(Some((row.person, (super::parse_json_rows(&row.units)?, super::parse_json_rows(&row.locations)?))))
}

/// A possible leader's name, employee number and whether they are active.
pub async fn leader_label(ex: Ex<'_>, id: PersonId) -> Result<Option<(String, String, bool)>> {
    row!(ex, (String, String, bool), "SELECT name, employee_number, active FROM people WHERE id = $1", id.0)
}

/// How many active people report to `leader`.
pub async fn count_reports(ex: Ex<'_>, leader: PersonId) -> Result<i64> {
    scalar!(ex, i64, "SELECT COUNT(*) FROM people WHERE leader_id = $1 AND active", leader.0)
}

/// A filter for the people list.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Matches name, e-mail or employee number, case-insensitively.
    pub query: Option<String>,
    pub unit: Option<UnitId>,
    pub include_inactive: bool,
}

fn filter_sql(f: &Filter) -> (String, String, i64) {
    // A filter not in use is written as a test of its empty value alone, which the databases
    // settle once per statement, so that the unfiltered list is counted from an index
    // (`people_active`) rather than by reading every person. The pattern is built in SQL: a bare
    // `LIKE $1` makes SQLite prepare the statement again whenever the bound value changes.
    let text = f.query.as_deref().map(search_query).unwrap_or_default();
    let unit = f.unit.map_or(0, |u| u.0);
    let clause = format!(
        " WHERE {} AND {}{}",
        if text.is_empty() { "$1 = ''" } else { "p.search LIKE '%' || $1 || '%'" },
        if unit == 0 { "$2 = 0" } else { "p.unit_id = $2" },
        if f.include_inactive { "" } else { " AND p.active" }
    );
    (clause, text, unit)
}

/// A person as a row of HR's people list.
#[derive(serde::Deserialize, sqlx::FromRow, Clone, Debug)]
pub struct ListedPerson {
    pub id: i64,
    pub name: String,
    pub employee_number: String,
    pub title: String,
    pub unit_name: Option<String>,
    pub leader_name: Option<String>,
    pub location_name: Option<String>,
    pub home_office_days: i64,
    pub active: bool,
    pub is_admin: bool,
    /// Works at another site than their leader (`domain::org::is_remote`, worked out in SQL).
    pub remote: bool,
}

impl ListedPerson {
    pub fn days(&self) -> Weekdays {
        Weekdays::from_bits(self.home_office_days)
    }
}

/// One page of the filtered list, and how many match in all.
///
/// The database hands the page over as one JSON array: read row by row, SQLite's driver spends
/// two thirds of the page's time copying each of the 550 values across threads (measured with
/// callgrind), while one text value costs little to copy and to parse.
pub async fn list(ex: Ex<'_>, f: &Filter, limit: i64, offset: i64) -> Result<(Vec<ListedPerson>, i64)> {
    let (people, total, _) = read_list(ex, f, limit, offset, false).await?;
    Ok((people, total))
}

/// A page of the people list as `list` reads it, and every unit (as `units::nodes`) for its
/// filter; on SQLite in one statement.
pub async fn list_with_units(ex: Ex<'_>, f: &Filter, limit: i64, offset: i64) -> Result<(Vec<ListedPerson>, i64, Vec<UnitNode>)> {
    read_list(ex, f, limit, offset, true).await
}

async fn read_list(
    mut ex: Ex<'_>,
    f: &Filter,
    limit: i64,
    offset: i64,
    with_units: bool,
) -> Result<(Vec<ListedPerson>, i64, Vec<UnitNode>)> {
    let (clause, pattern, unit) = filter_sql(f);
    // LIMIT and OFFSET are written in, not bound: SQLite prepares a statement again when a bound
    // LIMIT changes, and a page's statement is reused from the cache this way.
    let page = format!(
        "SELECT p.id, p.name, p.employee_number, p.title, u.name AS unit_name, l.name AS leader_name, \
         loc.name AS location_name, p.home_office_days, p.active, p.is_admin, \
         (l.location_id IS NOT NULL AND p.location_id IS NOT NULL AND l.location_id <> p.location_id) AS remote, p.sort_key{}{clause} \
         ORDER BY p.sort_key, p.id LIMIT {limit} OFFSET {offset}",
        person_from!()
    );
    let (rows, units): (Vec<ListedPerson>, Vec<UnitNode>) = match ex.reborrow() {
        Ex::Sqlite(c) => {
            let flag = |column: &str| format!("iif({column}, json('true'), json('false'))");
            let sql = format!(
                "SELECT (SELECT json_group_array(json_array(id, name, employee_number, title, unit_name, leader_name, location_name, \
                 home_office_days, {}, {}, {}) ORDER BY sort_key, id) FROM ({page})), {}",
                flag("active"),
                flag("is_admin"),
                flag("remote"),
                if with_units { super::units::nodes_json_sqlite!() } else { "'[]'" }
            );
            let (people, units): (String, String) =
                sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(&pattern).bind(unit).fetch_one(&mut *c).await?;
            (super::parse_json_rows(&people)?, super::parse_json_rows(&units)?)
        }
        // PostgreSQL's driver decodes rows cheaply; building JSON there costs more than it saves.
        Ex::Pg(c) => {
            let rows = sqlx::query_as(sqlx::AssertSqlSafe(page)).bind(&pattern).bind(unit).fetch_all(&mut *c).await?;
            let units = if with_units { super::units::nodes(ex.reborrow()).await? } else { Vec::new() };
            (rows, units)
        }
    };
    // A first page that is not full holds everyone: no need to count.
    let total = if offset == 0 && (rows.len() as i64) < limit { rows.len() as i64 } else { count(ex, f).await? };
    Ok((rows, total, units))
}

pub async fn count(ex: Ex<'_>, f: &Filter) -> Result<i64> {
    let (clause, pattern, unit) = filter_sql(f);
    scalar!(ex, i64, sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM people p{clause}")), pattern, unit)
}

/// Active people as choices for a leader field: (id, name, employee number).
pub async fn choices(ex: Ex<'_>) -> Result<Vec<(i64, String, String)>> {
    rows!(ex, (i64, String, String), "SELECT id, name, employee_number FROM people WHERE active ORDER BY sort_key, id")
}

/// Active people whose name, e-mail or employee number contains `query`, by name, at most
/// `limit`: (id, name, employee number).
pub async fn matching(ex: Ex<'_>, query: &str, limit: i64) -> Result<Vec<(i64, String, String)>> {
    rows!(
        ex,
        (i64, String, String),
        sqlx::AssertSqlSafe(format!(
            "SELECT id, name, employee_number FROM people WHERE active AND search LIKE '%' || $1 || '%' ORDER BY sort_key, id LIMIT {limit}"
        )),
        search_query(query)
    )
}

/// Whether `id` is an active person (who may lead others).
pub async fn is_active(ex: Ex<'_>, id: PersonId) -> Result<bool> {
    Ok(row!(ex, (bool,), "SELECT active FROM people WHERE id = $1", id.0)?.is_some_and(|(a,)| a))
}

/// Every reporting line as (person, leader), for cycle checks.
pub async fn leader_links(ex: Ex<'_>) -> Result<Vec<(i64, i64)>> {
    rows!(ex, (i64, i64), "SELECT id, leader_id FROM people WHERE leader_id IS NOT NULL")
}

/// The fields HR edits on a person.
#[derive(Clone, Debug)]
pub struct PersonFields {
    pub employee_number: String,
    pub name: String,
    pub email: String,
    pub title: String,
    pub unit: Option<UnitId>,
    pub leader: Option<PersonId>,
    pub location: Option<LocationId>,
    pub home_office_days: Weekdays,
}

pub async fn insert(ex: Ex<'_>, p: &PersonFields) -> Result<PersonId> {
    let t = now();
    scalar!(
        ex,
        i64,
        "INSERT INTO people (employee_number, name, email, title, unit_id, leader_id, location_id, home_office_days, created_at, updated_at, \
         search, sort_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11) RETURNING id",
        &p.employee_number,
        &p.name,
        &p.email,
        &p.title,
        p.unit.map(|u| u.0),
        p.leader.map(|l| l.0),
        p.location.map(|l| l.0),
        p.home_office_days.bits(),
        t,
        search_text(&p.name, &p.email, &p.employee_number),
        sort_key(&p.name)
    )
    .map(PersonId)
}

pub async fn update(ex: Ex<'_>, id: PersonId, p: &PersonFields) -> Result<u64> {
    exec!(
        ex,
        "UPDATE people SET employee_number = $1, name = $2, email = $3, title = $4, unit_id = $5, leader_id = $6, \
         location_id = $7, home_office_days = $8, updated_at = $9, search = $11, sort_key = $12 WHERE id = $10",
        &p.employee_number,
        &p.name,
        &p.email,
        &p.title,
        p.unit.map(|u| u.0),
        p.leader.map(|l| l.0),
        p.location.map(|l| l.0),
        p.home_office_days.bits(),
        now(),
        id.0,
        search_text(&p.name, &p.email, &p.employee_number),
        sort_key(&p.name)
    )
}

/// Deactivates or reactivates. A deactivated person's sessions stop working at once: the session
/// lookup requires an active person.
pub async fn set_active(ex: Ex<'_>, id: PersonId, active: bool) -> Result<u64> {
    exec!(ex, "UPDATE people SET active = $1, updated_at = $2 WHERE id = $3", active, now(), id.0)
}

/// What login needs: id, password hash, and whether the person may sign in (active, and not
/// past an end date).
pub async fn credentials(ex: Ex<'_>, email: &str) -> Result<Option<(i64, Option<String>, bool)>> {
    row!(
        ex,
        (i64, Option<String>, bool),
        "SELECT id, password_hash, active AND (end_date IS NULL OR end_date > $2) FROM people WHERE email = $1",
        email,
        super::today(now())
    )
}

/// The active person an identity provider names: by e-mail address (stored in lower case) or by
/// employee number.
pub async fn active_by_identity(ex: Ex<'_>, identity: &crate::oidc::Identity) -> Result<Option<PersonId>> {
    use crate::oidc::Identity;
    let (sql, value) = match identity {
        Identity::Email(e) => {
            ("SELECT id FROM people WHERE email = $1 AND active AND (end_date IS NULL OR end_date > $2)", e.to_lowercase())
        }
        Identity::EmployeeNumber(n) => {
            ("SELECT id FROM people WHERE employee_number = $1 AND active AND (end_date IS NULL OR end_date > $2)", n.clone())
        }
    };
    Ok(row!(ex, (i64,), sql, value, super::today(now()))?.map(|(id,)| PersonId(id)))
}

/// Deactivates everyone whose end date has come, and ends their sessions; returns how many.
pub async fn deactivate_ended(mut ex: Ex<'_>, now: i64) -> Result<u64> {
    let today = super::today(now);
    exec!(
        ex.reborrow(),
        "DELETE FROM sessions WHERE person_id IN (SELECT id FROM people WHERE active AND end_date IS NOT NULL AND end_date <= $1)",
        &today
    )?;
    exec!(ex, "UPDATE people SET active = FALSE, updated_at = $2 WHERE active AND end_date IS NOT NULL AND end_date <= $1", &today, now)
}

pub async fn id_by_email(ex: Ex<'_>, email: &str) -> Result<Option<PersonId>> {
    row!(ex, (i64,), "SELECT id FROM people WHERE email = $1", email).map(|r| r.map(|(id,)| PersonId(id)))
}

pub async fn set_password(ex: Ex<'_>, id: PersonId, hash: &str) -> Result<u64> {
    exec!(ex, "UPDATE people SET password_hash = $1, updated_at = $2 WHERE id = $3", hash, now(), id.0)
}

pub async fn set_admin(ex: Ex<'_>, id: PersonId, is_admin: bool) -> Result<u64> {
    exec!(ex, "UPDATE people SET is_admin = $1, updated_at = $2 WHERE id = $3", is_admin, now(), id.0)
}

/// The person's language; `None` follows the browser.
pub async fn set_locale(ex: Ex<'_>, id: PersonId, locale: Option<&str>) -> Result<u64> {
    exec!(ex, "UPDATE people SET locale = $1 WHERE id = $2", locale, id.0)
}

pub async fn count_all(ex: Ex<'_>) -> Result<i64> {
    scalar!(ex, i64, "SELECT COUNT(*) FROM people")
}

pub async fn id_by_number(ex: Ex<'_>, number: &str) -> Result<Option<PersonId>> {
    row!(ex, (i64,), "SELECT id FROM people WHERE employee_number = $1", number).map(|r| r.map(|(id,)| PersonId(id)))
}

/// Whom e-mail to an active person goes to: name, address and chosen language.
pub async fn contact(ex: Ex<'_>, id: PersonId) -> Result<Option<(String, String, Option<String>)>> {
    row!(ex, (String, String, Option<String>), "SELECT name, email, locale FROM people WHERE id = $1 AND active", id.0)
}

/// What the person form offers: every unit (as `units::nodes` reads them) and every location by
/// name without its head count.
pub type FormChoices = (Vec<UnitNode>, Vec<super::locations::LocationName>);

/// `FormChoices` as two columns, `units` and `locations`, each list one JSON value.
fn choices_columns(pg: bool) -> &'static str {
    if pg {
        "COALESCE((SELECT json_agg(json_build_array(id, name, parent_id, active) ORDER BY name, id) FROM units)::text, '[]') AS units, \
         COALESCE((SELECT json_agg(json_build_array(id, name, active) ORDER BY name) FROM locations)::text, '[]') AS locations"
    } else {
        concat!(
            super::units::nodes_json_sqlite!(),
            " AS units, (SELECT json_group_array(json_array(id, name, iif(active, json('true'), json('false'))) ORDER BY name) FROM locations) AS locations"
        )
    }
}

/// `FormChoices` in one statement (a new person's form, and a save's checks).
pub async fn form_choices(ex: Ex<'_>) -> Result<FormChoices> {
    let sql = format!("SELECT {}", choices_columns(matches!(ex, Ex::Pg(_))));
    let (units, locations) = row!(ex, (String, String), sqlx::AssertSqlSafe(sql))?.ok_or(sqlx::Error::RowNotFound)?;
    Ok((super::parse_json_rows(&units)?, super::parse_json_rows(&locations)?))
}
