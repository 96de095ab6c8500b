//! Running an import: snapshot, plan and apply inside one transaction, so that a file is
//! applied whole or not at all, against the data as it stands when it is applied.

use std::collections::{HashMap, HashSet};

use sqlx::AssertSqlSafe;

use super::{Db, Ex, Result, Tx, exec, now, on, row, rows, scalar};

/// Binds the columns an import writes for every person, in the order both the insert and the
/// update list them: name, e-mail, title, unit, location, home-office days, active, end date,
/// search text, sort key.
macro_rules! bind_fields {
    ($q:expr, $p:expr, $unit_of_path:expr) => {
        $q.bind($p.name.as_str())
            .bind($p.email.as_str())
            .bind($p.title.as_str())
            .bind($unit_of_path[$p.unit])
            .bind($p.location.map(|l| l.0))
            .bind($p.home_office_days.bits())
            .bind($p.active)
            .bind($p.end_date.map(|d| d.to_string()))
            .bind(search_text(&$p.name, $p.email.as_str(), $p.number.as_str()))
            .bind(sort_key(&$p.name))
    };
}
use crate::domain::fields::Weekdays;
use crate::domain::import::{self, Errors, ExistingLocation, ExistingPerson, ExistingUnit, Parsed, Plan, Snapshot};
use crate::domain::text::{search_text, sort_key};
use crate::domain::{LocationId, PersonId, UnitId};

/// The result of an import run.
pub enum Outcome {
    /// The file is valid; `applied` says whether the plan was written.
    Planned { plan: Plan, applied: bool },
    /// The file was refused; nothing was written.
    Refused(Errors),
}

/// Plans `parsed` against the database and, unless `dry_run`, applies it — all in one transaction.
pub async fn run(db: &Db, parsed: Parsed, full: bool, dry_run: bool, today: time::Date) -> Result<Outcome> {
    // A dry run only reads; the real run takes the write lock before it reads, so the plan it
    // applies is made from the data as it stands.
    let mut tx = if dry_run { db.begin_read().await? } else { db.begin().await? };
    let snapshot = snapshot(tx.ex()).await?;
    let plan = match import::plan(parsed, &snapshot, full, today) {
        Ok(plan) => plan,
        Err(errors) => return Ok(Outcome::Refused(errors)),
    };
    if dry_run || plan.is_empty() {
        return Ok(Outcome::Planned { plan, applied: false });
    }
    apply(&mut tx, &snapshot, &plan).await?;
    // A changed reporting line ends what the person shared with their former leader.
    super::development::end_stale_shares(tx.ex()).await?;
    tx.commit().await?;
    // An import can grow the organisation many times over: the planner's statistics follow now
    // rather than at the next hourly sweep. A failure here changes nothing that was imported.
    if let Err(e) = db.optimize().await {
        tracing::warn!(error = %e, "renewing the planner's statistics after the import failed");
    }
    Ok(Outcome::Planned { plan, applied: true })
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: i64,
    employee_number: String,
    name: String,
    email: String,
    title: String,
    unit_id: Option<i64>,
    leader_id: Option<i64>,
    location_id: Option<i64>,
    home_office_days: i64,
    active: bool,
    end_date: Option<String>,
    is_admin: bool,
}

/// People are read a page at a time, so their rows as read and as converted are not both held
/// whole.
const SNAPSHOT_PAGE: i64 = 10_000;

pub async fn snapshot(mut ex: Ex<'_>) -> Result<Snapshot> {
    let count = scalar!(ex.reborrow(), i64, "SELECT COUNT(*) FROM people")?;
    let mut people = Vec::with_capacity(usize::try_from(count).unwrap_or_default());
    let mut after = i64::MIN;
    loop {
        let page = rows!(
            ex.reborrow(),
            PersonRow,
            "SELECT id, employee_number, name, email, title, unit_id, leader_id, location_id, home_office_days, active, end_date, is_admin \
             FROM people WHERE id > $1 ORDER BY id LIMIT 10000", // SNAPSHOT_PAGE
            after
        )?;
        let full_page = page.len() as i64 == SNAPSHOT_PAGE;
        after = page.last().map_or(after, |p| p.id);
        people.extend(page.into_iter().map(|p| ExistingPerson {
            id: PersonId(p.id),
            number: p.employee_number,
            name: p.name,
            email: p.email,
            title: p.title,
            unit: p.unit_id.map(UnitId),
            leader: p.leader_id.map(PersonId),
            location: p.location_id.map(LocationId),
            home_office_days: Weekdays::from_bits(p.home_office_days),
            active: p.active,
            end_date: p.end_date.and_then(|d| crate::domain::fields::parse_date(&d).ok()),
            is_admin: p.is_admin,
        }));
        if !full_page {
            break;
        }
    }
    let units = rows!(ex.reborrow(), (i64, Option<i64>, String, bool), "SELECT id, parent_id, name, active FROM units")?;
    let locations = rows!(ex.reborrow(), (i64, String, bool), "SELECT id, name, active FROM locations")?;
    Ok(Snapshot {
        people,
        units: units
            .into_iter()
            .map(|(id, parent, name, active)| ExistingUnit { id: UnitId(id), parent: parent.map(UnitId), name, active })
            .collect(),
        locations: locations.into_iter().map(|(id, name, active)| ExistingLocation { id: LocationId(id), name, active }).collect(),
    })
}

/// Rows per multi-row statement. Statements are few at this size, and the widest (people,
/// 14 values a row) stays well under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const BATCH: usize = 1000;
const _: () = assert!(BATCH * 14 < 32_766);

/// Writes the placeholders of a statement in the order its values are bound: `$1, $2, …` on
/// PostgreSQL, plain `?` on SQLite. SQLite finds a `$N` by searching a list of every name in
/// the statement, which makes thousands of them cost quadratic time.
struct Placeholders {
    numbered: bool,
    count: usize,
}

impl Placeholders {
    fn for_tx(tx: &Tx) -> Placeholders {
        Placeholders { numbered: tx.is_postgres(), count: 0 }
    }

    fn one(&mut self) -> String {
        self.count += 1;
        if self.numbered { format!("${}", self.count) } else { "?".to_string() }
    }

    /// `a, b, c`
    fn list(&mut self, n: usize) -> String {
        (0..n).map(|_| self.one()).collect::<Vec<_>>().join(", ")
    }

    /// `(a, b), (c, d)`: `rows` tuples of `width` values.
    fn tuples(&mut self, rows: usize, width: usize) -> String {
        (0..rows).map(|_| format!("({})", self.list(width))).collect::<Vec<_>>().join(", ")
    }
}

/// Runs `head` followed by `IN (…)` over `ids`, a batch at a time.
async fn exec_for_ids(tx: &mut Tx, head: &str, ids: &[i64]) -> Result<()> {
    for chunk in ids.chunks(BATCH) {
        let list = Placeholders::for_tx(tx).list(chunk.len());
        // Only placeholders are written into the SQL; the values are bound.
        let sql = AssertSqlSafe(format!("{head} IN ({list})"));
        on!(tx.ex(), |c| {
            let mut q = sqlx::query(sql);
            for id in chunk {
                q = q.bind(*id);
            }
            q.execute(&mut *c).await?.rows_affected()
        });
    }
    Ok(())
}

/// Writes a plan in batches: a few statements per thousand people, not one per person.
async fn apply(tx: &mut Tx, snapshot: &Snapshot, plan: &Plan) -> Result<()> {
    let t = now();
    let reactivated: Vec<i64> = plan.reactivated_units.iter().map(|u| u.0).collect();
    exec_for_ids(tx, "UPDATE units SET active = TRUE WHERE id", &reactivated).await?;
    let unit_ids = create_units(tx, snapshot, plan, t).await?;
    // The unit of each path of the file, looked up once.
    let unit_of_path: Vec<Option<i64>> = plan.unit_paths.iter().map(|p| unit_ids.get(p.as_slice()).map(|u| u.0)).collect();

    // E-mails are unique; a swap between two people in one file must not collide midway.
    let new_email: Vec<i64> = plan.update.iter().filter(|u| u.changes.contains(&import::Change::Email)).map(|u| u.id.0).collect();
    exec_for_ids(tx, "UPDATE people SET email = 'import-' || CAST(id AS TEXT) || '@invalid' WHERE id", &new_email).await?;

    let leader_later = create_people(tx, plan, &unit_of_path, t).await?;
    for chunk in plan.update.chunks(BATCH) {
        let mut params = Placeholders::for_tx(tx);
        let updated_at = params.one();
        // Only placeholders are written into the SQL; the values are bound.
        let sql = AssertSqlSafe(format!(
            "UPDATE people SET updated_at = {updated_at}, name = v.column2, email = v.column3, title = v.column4, \
             unit_id = v.column5, location_id = v.column6, home_office_days = v.column7, active = v.column8, \
             end_date = v.column9, search = v.column10, sort_key = v.column11 \
             FROM (VALUES {}) AS v WHERE people.id = v.column1",
            params.tuples(chunk.len(), 11)
        ));
        on!(tx.ex(), |c| {
            let mut q = sqlx::query(sql).bind(t);
            for u in chunk {
                let p = &u.data;
                q = bind_fields!(q.bind(u.id.0), p, unit_of_path);
            }
            q.execute(&mut *c).await?.rows_affected()
        });
    }

    // Reporting lines not written with the person, once everyone has an id.
    let changed_leader: Vec<&import::PersonData> = leader_later
        .into_iter()
        .chain(plan.update.iter().filter(|u| u.changes.contains(&import::Change::Leader)).map(|u| &u.data))
        .collect();
    for chunk in changed_leader.chunks(BATCH) {
        // Only placeholders are written into the SQL; the values are bound.
        let sql = AssertSqlSafe(format!(
            "UPDATE people SET leader_id = (SELECT l.id FROM people AS l WHERE l.employee_number = v.column2) \
             FROM (VALUES {}) AS v WHERE people.employee_number = v.column1",
            Placeholders::for_tx(tx).tuples(chunk.len(), 2)
        ));
        on!(tx.ex(), |c| {
            let mut q = sqlx::query(sql);
            for p in chunk {
                q = q.bind(p.number.as_str()).bind(p.leader.as_ref().map(|l| l.as_str()));
            }
            q.execute(&mut *c).await?.rows_affected()
        });
    }

    let leavers: Vec<i64> = plan.leavers.iter().map(|l| l.id.0).collect();
    for chunk in leavers.chunks(BATCH) {
        let mut params = Placeholders::for_tx(tx);
        let updated_at = params.one();
        // Only placeholders are written into the SQL; the values are bound.
        let sql = AssertSqlSafe(format!(
            "UPDATE people SET active = FALSE, updated_at = {updated_at} WHERE id IN ({})",
            params.list(chunk.len())
        ));
        on!(tx.ex(), |c| {
            let mut q = sqlx::query(sql).bind(t);
            for id in chunk {
                q = q.bind(*id);
            }
            q.execute(&mut *c).await?.rows_affected()
        });
    }
    let deactivated: Vec<i64> =
        plan.leavers.iter().map(|l| l.id.0).chain(plan.update.iter().filter(|u| !u.data.active).map(|u| u.id.0)).collect();
    exec_for_ids(tx, "DELETE FROM sessions WHERE person_id", &deactivated).await?;
    Ok(())
}

/// Inserts the new people a batch at a time, each with their leader when the leader already
/// has an id (the plan puts leaders first, so that is nearly always). Returns those whose
/// leader is to be set afterwards.
async fn create_people<'p>(tx: &mut Tx, plan: &'p Plan, unit_of_path: &[Option<i64>], t: i64) -> Result<Vec<&'p import::PersonData>> {
    let new: HashSet<&str> = plan.create.iter().map(|p| p.number.as_str()).collect();
    let mut written: HashSet<&str> = HashSet::with_capacity(new.len());
    let mut leader_later = Vec::new();
    let mut batch: Vec<&import::PersonData> = Vec::with_capacity(BATCH);
    let mut in_batch: HashSet<&str> = HashSet::with_capacity(BATCH);
    for p in &plan.create {
        let waiting_leader = p.leader.as_ref().map(|l| l.as_str()).filter(|l| new.contains(l) && !written.contains(l));
        // A statement does not see its own rows: someone led from within the batch starts the next.
        if waiting_leader.is_some_and(|l| in_batch.contains(l)) {
            insert_people(tx, &batch, unit_of_path, t).await?;
            written.extend(in_batch.drain());
            batch.clear();
        } else if waiting_leader.is_some() {
            leader_later.push(p);
        }
        batch.push(p);
        in_batch.insert(p.number.as_str());
        if batch.len() == BATCH {
            insert_people(tx, &batch, unit_of_path, t).await?;
            written.extend(in_batch.drain());
            batch.clear();
        }
    }
    insert_people(tx, &batch, unit_of_path, t).await?;
    Ok(leader_later)
}

async fn insert_people(tx: &mut Tx, people: &[&import::PersonData], unit_of_path: &[Option<i64>], t: i64) -> Result<()> {
    if people.is_empty() {
        return Ok(());
    }
    // Only placeholders are written into the SQL; the values are bound.
    let sql = AssertSqlSafe(format!(
        "INSERT INTO people (employee_number, name, email, title, unit_id, location_id, home_office_days, active, end_date, \
         search, sort_key, created_at, updated_at, leader_id) \
         SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9, \
         v.column10, v.column11, v.column12, v.column13, (SELECT l.id FROM people AS l WHERE l.employee_number = v.column14) \
         FROM (VALUES {}) AS v",
        Placeholders::for_tx(tx).tuples(people.len(), 14)
    ));
    on!(tx.ex(), |c| {
        let mut q = sqlx::query(sql);
        for p in people {
            q = bind_fields!(q.bind(p.number.as_str()), p, unit_of_path).bind(t).bind(t).bind(p.leader.as_ref().map(|l| l.as_str()));
        }
        q.execute(&mut *c).await?.rows_affected()
    });
    Ok(())
}

/// Creates the plan's new units, a level at a time so that parents have ids before their
/// children, and returns the id of every unit path in use.
async fn create_units(tx: &mut Tx, snapshot: &Snapshot, plan: &Plan, t: i64) -> Result<HashMap<Vec<String>, UnitId>> {
    let mut unit_ids: HashMap<Vec<String>, UnitId> = import::unit_paths(&snapshot.units)
        .into_iter()
        .filter(|(id, _)| snapshot.units.iter().any(|u| u.id == *id && (u.active || plan.reactivated_units.contains(id))))
        .map(|(id, path)| (path, id))
        .collect();
    // `new_units` is sorted by depth; each level is one or more multi-row inserts.
    let mut rest = plan.new_units.as_slice();
    while let Some(first) = rest.first() {
        let depth = first.len();
        let level_len = rest.iter().take_while(|p| p.len() == depth).count();
        let (level, next) = rest.split_at(level_len);
        rest = next;
        for chunk in level.chunks(BATCH) {
            let parent_of = |path: &Vec<String>| path.len().checked_sub(1).and_then(|n| unit_ids.get(&path[..n])).map(|u| u.0);
            let values: Vec<(Option<i64>, &str)> =
                chunk.iter().map(|p| (parent_of(p), p.last().map(String::as_str).unwrap_or_default())).collect();
            // Only placeholders are written into the SQL; the values are bound.
            let sql = AssertSqlSafe(format!(
                "INSERT INTO units (parent_id, name, created_at) VALUES {} RETURNING id, parent_id, name",
                Placeholders::for_tx(tx).tuples(chunk.len(), 3)
            ));
            let created: Vec<(i64, Option<i64>, String)> = on!(tx.ex(), |c| {
                let mut q = sqlx::query_as(sql);
                for (parent, name) in &values {
                    q = q.bind(*parent).bind(*name).bind(t);
                }
                q.fetch_all(&mut *c).await?
            });
            // RETURNING gives no order; a new unit is known by its parent and name.
            let path_of: HashMap<(Option<i64>, &str), &Vec<String>> = values.iter().copied().zip(chunk).collect();
            for (id, parent, name) in created {
                if let Some(path) = path_of.get(&(parent, name.as_str())) {
                    unit_ids.insert((*path).clone(), UnitId(id));
                }
            }
        }
    }
    Ok(unit_ids)
}

/// Starts keeping an uploaded file between the dry run and the confirmation, so every app
/// node can apply it; the file follows in parts (`add_draft_part`).
pub async fn create_draft(ex: Ex<'_>, person: PersonId, full: bool) -> Result<i64> {
    scalar!(
        ex,
        i64,
        "INSERT INTO import_drafts (person_id, full_export, created_at) VALUES ($1, $2, $3) RETURNING id",
        person.0,
        full,
        now()
    )
}

/// The `seq`th part of a draft's file, counting from 0.
pub async fn add_draft_part(ex: Ex<'_>, draft: i64, seq: i64, content: &[u8]) -> Result<u64> {
    exec!(ex, "INSERT INTO import_draft_parts (draft_id, seq, content) VALUES ($1, $2, $3)", draft, seq, content)
}

/// Whether a draft is a full export; `None` unless the draft is the person's own.
pub async fn draft(ex: Ex<'_>, id: i64, person: PersonId) -> Result<Option<bool>> {
    row!(ex, (bool,), "SELECT full_export FROM import_drafts WHERE id = $1 AND person_id = $2", id, person.0).map(|r| r.map(|(full,)| full))
}

/// One part of a draft's file; `None` after the last.
pub async fn draft_part(ex: Ex<'_>, draft: i64, seq: i64) -> Result<Option<Vec<u8>>> {
    row!(ex, (Vec<u8>,), "SELECT content FROM import_draft_parts WHERE draft_id = $1 AND seq = $2", draft, seq).map(|r| r.map(|(c,)| c))
}

/// Removes the person's drafts, and anyone's older than a day.
pub async fn delete_drafts(ex: Ex<'_>, person: PersonId) -> Result<u64> {
    exec!(ex, "DELETE FROM import_drafts WHERE person_id = $1 OR created_at < $2", person.0, now() - 86_400)
}
