//! The organisation's settings: one row.

use super::{Ex, Result, exec, row};
use crate::domain::cadence::{Cadence, Distance};
use crate::domain::settings::OrgSettings;

#[derive(sqlx::FromRow)]
struct SettingsRow {
    default_cadence: String,
    reminder_days: i64,
    distant_cadences: i64,
    in_person_days: i64,
    anonymity_threshold: i64,
}

/// The settings; the defaults when the row holds something this version cannot read.
pub async fn get(ex: Ex<'_>) -> Result<OrgSettings> {
    let r = row!(
        ex,
        SettingsRow,
        "SELECT default_cadence, reminder_days, distant_cadences, in_person_days, anonymity_threshold FROM org_settings WHERE id = 1"
    )?;
    let defaults = OrgSettings::default();
    Ok(r.map_or(defaults, |r| OrgSettings {
        default_cadence: Cadence::from_code(&r.default_cadence).unwrap_or(defaults.default_cadence),
        reminder_days: r.reminder_days,
        distance: Distance {
            cadences: u8::try_from(r.distant_cadences).unwrap_or(defaults.distance.cadences),
            in_person_days: r.in_person_days,
        },
        threshold: r.anonymity_threshold.max(crate::domain::anonymity::MIN_THRESHOLD),
    }))
}

pub async fn save(ex: Ex<'_>, s: &OrgSettings, now: i64) -> Result<u64> {
    exec!(
        ex,
        "UPDATE org_settings SET default_cadence = $1, reminder_days = $2, distant_cadences = $3, in_person_days = $4, \
         anonymity_threshold = $5, updated_at = $6 WHERE id = 1",
        s.default_cadence.code(),
        s.reminder_days,
        i64::from(s.distance.cadences),
        s.distance.in_person_days,
        s.threshold,
        now
    )
}
