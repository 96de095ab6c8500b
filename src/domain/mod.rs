//! Pure rules and types: no HTTP, no SQL, no clock (callers pass `now`/`today`).

pub mod access;
pub mod anonymity;
pub mod answers;
pub mod cadence;
pub mod conversation;
pub mod fields;
pub mod ical;
pub mod import;
pub mod instrument;
pub mod locale;
pub mod mail;
pub mod org;
pub mod password;
pub mod settings;
pub mod survey;
pub mod text;
pub mod throttle;

/// Identifies a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonId(pub i64);

/// Identifies a unit in the organisation tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitId(pub i64);

/// Identifies a location (site).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocationId(pub i64);
