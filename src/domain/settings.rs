//! The organisation's settings that HR changes: the default cadence, when reminders go out, and
//! when a pair counts as *distant*.

use super::anonymity::{DEFAULT_THRESHOLD, MIN_THRESHOLD};
use super::cadence::{Cadence, Distance};

/// Reminders go out at most this many days before a conversation.
pub const MAX_REMINDER_DAYS: i64 = 14;
/// The number of cadences without contact before a pair is distant: from one to this.
pub const MAX_DISTANT_CADENCES: u8 = 6;
/// The days without meeting in person before a pair is distant: within these bounds.
pub const IN_PERSON_DAYS: std::ops::RangeInclusive<i64> = 14..=730;
/// The highest anonymity threshold HR can set.
pub const MAX_THRESHOLD: i64 = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrgSettings {
    /// The cadence of a pair whose leader has not chosen one.
    pub default_cadence: Cadence,
    /// Days before a conversation that both parties are reminded; 0 sends no reminders.
    pub reminder_days: i64,
    pub distance: Distance,
    /// The fewest answers a survey group's results show with (*k*); a wave keeps the value it
    /// opened with.
    pub threshold: i64,
}

impl Default for OrgSettings {
    /// Monthly, as the seeds advise; a reminder two days ahead; results from five answers.
    fn default() -> OrgSettings {
        OrgSettings { default_cadence: Cadence::MONTHLY, reminder_days: 2, distance: Distance::default(), threshold: DEFAULT_THRESHOLD }
    }
}

/// The settings form as typed.
#[derive(Clone, Copy, Debug)]
pub struct Form<'a> {
    pub cadence: &'a str,
    pub reminder_days: &'a str,
    pub distant_cadences: &'a str,
    pub in_person_days: &'a str,
    pub threshold: &'a str,
}

/// A setting that cannot be saved, by field name, with the message id that explains it.
pub type Problem = (&'static str, &'static str);

/// Reads the settings form; every field is checked, and each bad one named.
pub fn parse(form: Form<'_>) -> Result<OrgSettings, Vec<Problem>> {
    let Form { cadence, reminder_days, distant_cadences, in_person_days, threshold } = form;
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
    let threshold = threshold.trim().parse::<i64>().ok().filter(|k| (MIN_THRESHOLD..=MAX_THRESHOLD).contains(k));
    if threshold.is_none() {
        problems.push(("threshold", "org-settings-error-threshold"));
    }
    match (cadence, reminder_days, cadences, days, threshold) {
        (Some(default_cadence), Some(reminder_days), Some(cadences), Some(in_person_days), Some(threshold)) => {
            Ok(OrgSettings { default_cadence, reminder_days, distance: Distance { cadences, in_person_days }, threshold })
        }
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form<'a>(
        cadence: &'a str,
        reminder_days: &'a str,
        distant_cadences: &'a str,
        in_person_days: &'a str,
        threshold: &'a str,
    ) -> Form<'a> {
        Form { cadence, reminder_days, distant_cadences, in_person_days, threshold }
    }

    #[test]
    fn a_valid_form_reads_back() {
        let s = parse(form("2w", " 3 ", "2", "60", "7")).unwrap();
        let expected = OrgSettings {
            default_cadence: Cadence::Weeks(2),
            reminder_days: 3,
            distance: Distance { cadences: 2, in_person_days: 60 },
            threshold: 7,
        };
        assert_eq!(s, expected);
        assert_eq!(parse(form("1m", "0", "1", "730", "3")).unwrap().reminder_days, 0, "no reminders is a choice");
    }

    #[test]
    fn every_bad_field_is_named() {
        let problems = parse(form("1d", "15", "0", "13", "2")).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.0).collect();
        assert_eq!(fields, ["cadence", "reminder_days", "distant_cadences", "in_person_days", "threshold"]);
        assert_eq!(parse(form("5m", "x", "7", "-1", "21")).unwrap_err().len(), 5, "a cadence outside the choices is refused too");
        assert_eq!(parse(form("1m", "2", "2", "", "5")).unwrap_err(), [("in_person_days", "org-settings-error-in-person-days")]);
        assert_eq!(
            parse(form("1m", "2", "2", "90", "2")).unwrap_err(),
            [("threshold", "org-settings-error-threshold")],
            "never below three"
        );
    }
}
