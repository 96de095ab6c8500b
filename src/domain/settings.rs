//! The organisation's settings that HR changes: the default cadence, when reminders go out, and
//! when a pair counts as *distant*.

use super::cadence::{Cadence, Distance};

/// Reminders go out at most this many days before a conversation.
pub const MAX_REMINDER_DAYS: i64 = 14;
/// The number of cadences without contact before a pair is distant: from one to this.
pub const MAX_DISTANT_CADENCES: u8 = 6;
/// The days without meeting in person before a pair is distant: within these bounds.
pub const IN_PERSON_DAYS: std::ops::RangeInclusive<i64> = 14..=730;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrgSettings {
    /// The cadence of a pair whose leader has not chosen one.
    pub default_cadence: Cadence,
    /// Days before a conversation that both parties are reminded; 0 sends no reminders.
    pub reminder_days: i64,
    pub distance: Distance,
}

impl Default for OrgSettings {
    /// Monthly, as the seeds advise; a reminder two days ahead.
    fn default() -> OrgSettings {
        OrgSettings { default_cadence: Cadence::MONTHLY, reminder_days: 2, distance: Distance::default() }
    }
}

/// A setting that cannot be saved, by field name, with the message id that explains it.
pub type Problem = (&'static str, &'static str);

/// Reads the settings form; every field is checked, and each bad one named.
pub fn parse(cadence: &str, reminder_days: &str, distant_cadences: &str, in_person_days: &str) -> Result<OrgSettings, Vec<Problem>> {
    let mut problems = Vec::new();
    let cadence = Cadence::from_code(cadence).filter(|c| Cadence::CHOICES.contains(c));
    if cadence.is_none() {
        problems.push(("cadence", "org-settings-error-cadence"));
    }
    let reminder_days = reminder_days.trim().parse::<i64>().ok().filter(|d| (0..=MAX_REMINDER_DAYS).contains(d));
    if reminder_days.is_none() {
        problems.push(("reminder_days", "org-settings-error-reminder-days"));
    }
    let cadences = distant_cadences.trim().parse::<u8>().ok().filter(|n| (1..=MAX_DISTANT_CADENCES).contains(n));
    if cadences.is_none() {
        problems.push(("distant_cadences", "org-settings-error-distant-cadences"));
    }
    let days = in_person_days.trim().parse::<i64>().ok().filter(|d| IN_PERSON_DAYS.contains(d));
    if days.is_none() {
        problems.push(("in_person_days", "org-settings-error-in-person-days"));
    }
    match (cadence, reminder_days, cadences, days) {
        (Some(default_cadence), Some(reminder_days), Some(cadences), Some(in_person_days)) => {
            Ok(OrgSettings { default_cadence, reminder_days, distance: Distance { cadences, in_person_days } })
        }
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_form_reads_back() {
        let s = parse("2w", " 3 ", "2", "60").unwrap();
        assert_eq!(
            s,
            OrgSettings { default_cadence: Cadence::Weeks(2), reminder_days: 3, distance: Distance { cadences: 2, in_person_days: 60 } }
        );
        assert_eq!(parse("1m", "0", "1", "730").unwrap().reminder_days, 0, "no reminders is a choice");
    }

    #[test]
    fn every_bad_field_is_named() {
        let problems = parse("1d", "15", "0", "13").unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.0).collect();
        assert_eq!(fields, ["cadence", "reminder_days", "distant_cadences", "in_person_days"]);
        assert_eq!(parse("5m", "x", "7", "-1").unwrap_err().len(), 4, "a cadence outside the choices is refused too");
        assert_eq!(parse("1m", "2", "2", "").unwrap_err(), [("in_person_days", "org-settings-error-in-person-days")]);
    }
}
