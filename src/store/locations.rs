//! Locations (sites): people's primary workplaces.

use super::{Ex, Result, exec, now, rows, scalar};
use crate::domain::LocationId;

#[derive(sqlx::FromRow, Clone, Debug)]
pub struct Location {
    pub id: i64,
    pub name: String,
    pub active: bool,
    /// Active people with this as primary workplace.
    pub people: i64,
}

pub async fn all(ex: Ex<'_>) -> Result<Vec<Location>> {
    rows!(
        ex,
        Location,
        "SELECT l.id, l.name, l.active, \
         (SELECT COUNT(*) FROM people p WHERE p.location_id = l.id AND p.active) AS people \
         FROM locations l ORDER BY l.name"
    )
}

/// A location without its head count, for choosing one.
#[derive(serde::Deserialize, sqlx::FromRow, Clone, Debug)]
pub struct LocationName {
    pub id: i64,
    pub name: String,
    pub active: bool,
}

pub async fn insert(ex: Ex<'_>, name: &str) -> Result<LocationId> {
    scalar!(ex, i64, "INSERT INTO locations (name, created_at) VALUES ($1, $2) RETURNING id", name, now()).map(LocationId)
}

pub async fn update(ex: Ex<'_>, id: LocationId, name: &str, active: bool) -> Result<u64> {
    exec!(ex, "UPDATE locations SET name = $1, active = $2 WHERE id = $3", name, active, id.0)
}
