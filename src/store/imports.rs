//! Running an import: snapshot, plan and apply inside one transaction, so that a file is
//! applied whole or not at all, against the data as it stands when it is applied.

use std::collections::HashMap;

use super::{Db, Ex, Result, Tx, exec, now, row, rows, scalar};
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
pub async fn run(db: &Db, parsed: &Parsed, full: bool, dry_run: bool, today: time::Date) -> Result<Outcome> {
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
    tx.commit().await?;
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

pub async fn snapshot(mut ex: Ex<'_>) -> Result<Snapshot> {
    let people = rows!(
        ex.reborrow(),
        PersonRow,
        "SELECT id, employee_number, name, email, title, unit_id, leader_id, location_id, home_office_days, active, end_date, is_admin FROM people"
    )?;
    let units = rows!(ex.reborrow(), (i64, Option<i64>, String, bool), "SELECT id, parent_id, name, active FROM units")?;
    let locations = rows!(ex.reborrow(), (i64, String, bool), "SELECT id, name, active FROM locations")?;
    Ok(Snapshot {
        people: people
            .into_iter()
            .map(|p| ExistingPerson {
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
            })
            .collect(),
        units: units
            .into_iter()
            .map(|(id, parent, name, active)| ExistingUnit { id: UnitId(id), parent: parent.map(UnitId), name, active })
            .collect(),
        locations: locations.into_iter().map(|(id, name, active)| ExistingLocation { id: LocationId(id), name, active }).collect(),
    })
}

/// Lends the connection inside an `Ex` again for one more statement.
async fn apply(tx: &mut Tx, snapshot: &Snapshot, plan: &Plan) -> Result<()> {
    let t = now();
    // Units: reuse known paths, create new ones parents first.
    let mut unit_ids: HashMap<Vec<String>, UnitId> = import::unit_paths(&snapshot.units)
        .into_iter()
        .filter(|(id, _)| snapshot.units.iter().any(|u| u.id == *id && (u.active || plan.reactivated_units.contains(id))))
        .map(|(id, path)| (path, id))
        .collect();
    for id in &plan.reactivated_units {
        exec!(tx.ex(), "UPDATE units SET active = TRUE WHERE id = $1", id.0)?;
    }
    for path in &plan.new_units {
        let parent = path.len().checked_sub(1).and_then(|n| unit_ids.get(&path[..n]).copied());
        let name = path.last().map(String::as_str).unwrap_or_default();
        let id = scalar!(
            tx.ex(),
            i64,
            "INSERT INTO units (name, parent_id, created_at) VALUES ($1, $2, $3) RETURNING id",
            name,
            parent.map(|p| p.0),
            t
        )?;
        unit_ids.insert(path.clone(), UnitId(id));
    }
    let unit_of = |path: &Vec<String>| unit_ids.get(path).map(|u| u.0);

    // E-mails are unique; a swap between two people in one file must not collide midway.
    for u in plan.update.iter().filter(|u| u.changes.contains(&import::Change::Email)) {
        exec!(tx.ex(), "UPDATE people SET email = $1 WHERE id = $2", format!("import-{}@invalid", u.id.0), u.id.0)?;
    }

    let mut id_of: HashMap<&str, i64> = snapshot.people.iter().map(|p| (p.number.as_str(), p.id.0)).collect();
    for p in &plan.create {
        let id = scalar!(
            tx.ex(),
            i64,
            "INSERT INTO people (employee_number, name, email, title, unit_id, location_id, home_office_days, active, end_date, created_at, updated_at, \
             search, sort_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12) RETURNING id",
            p.number.as_str(),
            &p.name,
            p.email.as_str(),
            &p.title,
            unit_of(&p.unit_path),
            p.location.map(|l| l.0),
            p.home_office_days.bits(),
            p.active,
            p.end_date.map(|d| d.to_string()),
            t,
            search_text(&p.name, p.email.as_str(), p.number.as_str()),
            sort_key(&p.name)
        )?;
        id_of.insert(p.number.as_str(), id);
    }
    for u in &plan.update {
        let p = &u.data;
        exec!(
            tx.ex(),
            "UPDATE people SET name = $1, email = $2, title = $3, unit_id = $4, location_id = $5, home_office_days = $6, \
             active = $7, end_date = $8, updated_at = $9, search = $11, sort_key = $12 WHERE id = $10",
            &p.name,
            p.email.as_str(),
            &p.title,
            unit_of(&p.unit_path),
            p.location.map(|l| l.0),
            p.home_office_days.bits(),
            p.active,
            p.end_date.map(|d| d.to_string()),
            t,
            u.id.0,
            search_text(&p.name, p.email.as_str(), p.number.as_str()),
            sort_key(&p.name)
        )?;
    }
    // Reporting lines last, once everyone has an id.
    let changed_leader: Vec<&import::PersonData> =
        plan.create.iter().chain(plan.update.iter().filter(|u| u.changes.contains(&import::Change::Leader)).map(|u| &u.data)).collect();
    for p in changed_leader {
        let leader = p.leader.as_ref().and_then(|l| id_of.get(l.as_str()).copied());
        if let Some(id) = id_of.get(p.number.as_str()) {
            exec!(tx.ex(), "UPDATE people SET leader_id = $1 WHERE id = $2", leader, *id)?;
        }
    }
    for leaver in &plan.leavers {
        exec!(tx.ex(), "UPDATE people SET active = FALSE, updated_at = $1 WHERE id = $2", t, leaver.id.0)?;
    }
    let deactivated: Vec<i64> =
        plan.leavers.iter().map(|l| l.id.0).chain(plan.update.iter().filter(|u| !u.data.active).map(|u| u.id.0)).collect();
    for id in deactivated {
        exec!(tx.ex(), "DELETE FROM sessions WHERE person_id = $1", id)?;
    }
    Ok(())
}

/// Keeps an uploaded file between the dry run and the confirmation, so every app node can apply it.
pub async fn save_draft(ex: Ex<'_>, person: PersonId, content: &[u8], full: bool) -> Result<i64> {
    scalar!(
        ex,
        i64,
        "INSERT INTO import_drafts (person_id, content, full_export, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        person.0,
        content,
        full,
        now()
    )
}

/// A draft, only for the person who uploaded it.
pub async fn draft(ex: Ex<'_>, id: i64, person: PersonId) -> Result<Option<(Vec<u8>, bool)>> {
    row!(ex, (Vec<u8>, bool), "SELECT content, full_export FROM import_drafts WHERE id = $1 AND person_id = $2", id, person.0)
}

/// Removes the person's drafts, and anyone's older than a day.
pub async fn delete_drafts(ex: Ex<'_>, person: PersonId) -> Result<u64> {
    exec!(ex, "DELETE FROM import_drafts WHERE person_id = $1 OR created_at < $2", person.0, now() - 86_400)
}
