//! Units: the organisation tree.

use super::{Ex, Result, exec, now, row, rows, scalar};
use crate::domain::UnitId;

#[derive(serde::Deserialize, sqlx::FromRow, Clone, Debug)]
pub struct Unit {
    pub id: i64,
    pub name: String,
    pub parent_id: Option<i64>,
    pub active: bool,
    /// Active people placed directly in the unit.
    pub members: i64,
}

impl Unit {
    pub fn node(&self) -> UnitNode {
        UnitNode { id: self.id, name: self.name.clone(), parent_id: self.parent_id, active: self.active }
    }
}

/// A unit's place in the tree, without counts: what choosing a unit needs.
#[derive(serde::Deserialize, sqlx::FromRow, Clone, Debug)]
pub struct UnitNode {
    pub id: i64,
    pub name: String,
    pub parent_id: Option<i64>,
    pub active: bool,
}

/// Every unit as `nodes` reads them, as one JSON value on SQLite (a scalar subquery, so that
/// another statement can carry it too).
macro_rules! nodes_json_sqlite {
    () => {
        "(SELECT json_group_array(json_array(id, name, parent_id, iif(active, json('true'), json('false'))) ORDER BY name, id) FROM units)"
    };
}

pub(crate) use nodes_json_sqlite;

pub async fn nodes(ex: Ex<'_>) -> Result<Vec<UnitNode>> {
    match ex {
        // Every unit is a choice on the people pages; SQLite hands them over as one JSON value
        // (see `people::list`): a thousand units read row by row took two milliseconds.
        Ex::Sqlite(c) => super::json_rows(c, concat!("SELECT ", nodes_json_sqlite!())).await,
        ex => rows!(ex, UnitNode, "SELECT id, name, parent_id, active FROM units ORDER BY name, id"),
    }
}

pub async fn all(ex: Ex<'_>) -> Result<Vec<Unit>> {
    // Each unit's active members are counted from the index `people_unit`.
    match ex {
        Ex::Sqlite(c) => {
            super::json_rows(
                c,
                "SELECT json_group_array(json_array(u.id, u.name, u.parent_id, iif(u.active, json('true'), json('false')), \
             (SELECT COUNT(*) FROM people p WHERE p.unit_id = u.id AND p.active)) ORDER BY u.name, u.id) FROM units u",
            )
            .await
        }
        ex => rows!(
            ex,
            Unit,
            "SELECT u.id, u.name, u.parent_id, u.active, \
             (SELECT COUNT(*) FROM people p WHERE p.unit_id = u.id AND p.active) AS members \
             FROM units u ORDER BY u.name, u.id"
        ),
    }
}

pub async fn insert(ex: Ex<'_>, name: &str, parent: Option<UnitId>) -> Result<UnitId> {
    scalar!(ex, i64, "INSERT INTO units (name, parent_id, created_at) VALUES ($1, $2, $3) RETURNING id", name, parent.map(|p| p.0), now())
        .map(UnitId)
}

pub async fn update(ex: Ex<'_>, id: UnitId, name: &str, parent: Option<UnitId>, active: bool) -> Result<u64> {
    exec!(ex, "UPDATE units SET name = $1, parent_id = $2, active = $3 WHERE id = $4", name, parent.map(|p| p.0), active, id.0)
}

/// Active people, units and locations, counted in one statement for HR's overview.
#[derive(sqlx::FromRow, Clone, Copy, Debug)]
pub struct OrganisationCounts {
    pub people: i64,
    pub units: i64,
    pub locations: i64,
}

pub async fn organisation_counts(ex: Ex<'_>) -> Result<OrganisationCounts> {
    row!(
        ex,
        OrganisationCounts,
        "SELECT (SELECT COUNT(*) FROM people WHERE active) AS people, (SELECT COUNT(*) FROM units WHERE active) AS units, \
         (SELECT COUNT(*) FROM locations WHERE active) AS locations"
    )
    .map(|r| r.unwrap_or(OrganisationCounts { people: 0, units: 0, locations: 0 }))
}
