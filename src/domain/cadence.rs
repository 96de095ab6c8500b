//! How often a leader and an employee hold a follow-up conversation, and when the next is due.
//! Dates are civil dates in Europe/Oslo; calendar arithmetic (month ends, leap years, daylight
//! saving) is the tz database's and jiff's, not ours.

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Span, Timestamp};

/// The organisation's time zone: every date and time people see is in it.
pub const ZONE: &str = "Europe/Oslo";

/// Looked up once: every date on a page passes through it.
static OSLO: std::sync::LazyLock<TimeZone> = std::sync::LazyLock::new(|| TimeZone::get(ZONE).unwrap_or(TimeZone::UTC));

pub fn zone() -> TimeZone {
    OSLO.clone()
}

/// The time between two follow-up conversations of a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cadence {
    Weeks(u8),
    Months(u8),
}

impl Cadence {
    /// The default of the seeds: one conversation a month.
    pub const MONTHLY: Cadence = Cadence::Months(1);

    /// The cadences a leader chooses from.
    pub const CHOICES: [Cadence; 5] = [Cadence::Weeks(2), Cadence::Months(1), Cadence::Weeks(6), Cadence::Months(2), Cadence::Months(3)];

    /// As stored: "2w", "1m".
    pub fn code(self) -> String {
        match self {
            Cadence::Weeks(n) => format!("{n}w"),
            Cadence::Months(n) => format!("{n}m"),
        }
    }

    pub fn from_code(code: &str) -> Option<Cadence> {
        let (n, unit) = code.split_at(code.len().checked_sub(1)?);
        let n: u8 = n.parse().ok().filter(|n| (1..=12).contains(n))?;
        match unit {
            "w" => Some(Cadence::Weeks(n)),
            "m" => Some(Cadence::Months(n)),
            _ => None,
        }
    }

    fn span(self) -> Span {
        match self {
            Cadence::Weeks(n) => Span::new().weeks(i64::from(n)),
            Cadence::Months(n) => Span::new().months(i64::from(n)),
        }
    }

    /// The date one cadence after `date`; a day past the end of a shorter month is its last day
    /// (31 January + 1 month = 28 or 29 February).
    pub fn after(self, date: Date) -> Date {
        date.checked_add(self.span()).unwrap_or(date)
    }

    /// About how many days the cadence spans, for comparing pairs.
    pub fn days(self) -> i64 {
        match self {
            Cadence::Weeks(n) => 7 * i64::from(n),
            Cadence::Months(n) => 30 * i64::from(n),
        }
    }
}

/// When the pair's next conversation is due: one cadence after the last one held, or after the
/// day they became a pair when none has been held.
pub fn due(cadence: Cadence, last_held: Option<Date>, paired_since: Date) -> Date {
    cadence.after(last_held.unwrap_or(paired_since))
}

/// A pair is overdue from the day after the due date, unless a conversation is planned.
pub fn is_overdue(due: Date, today: Date, planned: bool) -> bool {
    !planned && today > due
}

/// When a pair counts as *distant*: without contact for `cadences` cadences, or without meeting
/// in person for `in_person_days` days. HR sets both in the organisation's settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Distance {
    pub cadences: u8,
    pub in_person_days: i64,
}

impl Default for Distance {
    /// Twice the cadence, or 90 days apart.
    fn default() -> Distance {
        Distance { cadences: 2, in_person_days: 90 }
    }
}

/// Whether a pair has drifted apart: no contact (a conversation held or a touchpoint) within
/// the distance's number of cadences, or no meeting in person within its days. Both count from
/// when the pair began when there has been none.
pub fn is_distant(
    distance: Distance,
    cadence: Cadence,
    last_contact: Option<Date>,
    last_in_person: Option<Date>,
    paired_since: Date,
    today: Date,
) -> bool {
    let mut limit = last_contact.unwrap_or(paired_since);
    for _ in 0..distance.cadences {
        limit = cadence.after(limit);
    }
    let in_person = last_in_person.unwrap_or(paired_since);
    today > limit || (today - in_person).get_days() as i64 > distance.in_person_days
}

/// The civil date in Oslo of a moment.
pub fn date_of(at: i64) -> Date {
    Timestamp::from_second(at).map(|t| t.to_zoned_datetime(zone()).date()).unwrap_or_default()
}

/// The same civil date for the code that formats and compares dates with `time`.
pub fn as_time_date(d: Date) -> time::Date {
    time::Month::try_from(d.month() as u8)
        .ok()
        .and_then(|month| time::Date::from_calendar_date(i32::from(d.year()), month, d.day() as u8).ok())
        .unwrap_or(time::Date::MIN)
}

/// The moment a civil date and time in Oslo begins. A time that does not exist (the hour skipped
/// in spring) is read as the same clock time after the change; one that exists twice (autumn) as
/// the first.
pub fn moment(date: Date, hour: i8, minute: i8) -> Option<i64> {
    let at = DateTime::new(date.year(), date.month(), date.day(), hour, minute, 0, 0).ok()?;
    Some(at.to_zoned_datetime(zone()).ok()?.timestamp().as_second())
}

/// The local date and time of a moment, for showing it.
pub fn local(at: i64) -> Option<DateTime> {
    Some(Timestamp::from_second(at).ok()?.to_zoned_datetime(zone()).datetime())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    const D: Distance = Distance { cadences: 2, in_person_days: 90 };

    #[test]
    fn month_ends_and_leap_years() {
        assert_eq!(Cadence::MONTHLY.after(date(2024, 1, 31)), date(2024, 2, 29));
        assert_eq!(Cadence::MONTHLY.after(date(2025, 1, 31)), date(2025, 2, 28));
        assert_eq!(Cadence::Months(3).after(date(2025, 11, 30)), date(2026, 2, 28));
        assert_eq!(Cadence::Weeks(2).after(date(2025, 12, 24)), date(2026, 1, 7));
    }

    #[test]
    fn due_counts_from_the_last_conversation_or_the_start_of_the_pair() {
        let since = date(2026, 1, 15);
        assert_eq!(due(Cadence::MONTHLY, None, since), date(2026, 2, 15));
        assert_eq!(due(Cadence::MONTHLY, Some(date(2026, 3, 2)), since), date(2026, 4, 2));
        // A changed cadence counts from the same last conversation.
        assert_eq!(due(Cadence::Weeks(6), Some(date(2026, 3, 2)), since), date(2026, 4, 13));
    }

    #[test]
    fn overdue_from_the_day_after_unless_planned() {
        let d = date(2026, 4, 2);
        assert!(!is_overdue(d, d, false));
        assert!(is_overdue(d, date(2026, 4, 3), false));
        assert!(!is_overdue(d, date(2026, 4, 3), true));
    }

    #[test]
    fn daylight_saving_in_oslo() {
        // 29 March 2026: clocks go from 02:00 to 03:00; 25 October 2026: from 03:00 back to 02:00.
        let spring = date(2026, 3, 29);
        let nine = moment(spring, 9, 0).unwrap();
        assert_eq!(local(nine).unwrap().hour(), 9, "a morning meeting stays at nine");
        assert_eq!(moment(date(2026, 3, 30), 9, 0).unwrap() - nine, 24 * 3600);
        assert_eq!(moment(date(2026, 3, 28), 9, 0).unwrap(), nine - 23 * 3600, "the night the clocks change is an hour short");
        let skipped = moment(spring, 2, 30).unwrap();
        assert_eq!(local(skipped).unwrap().hour(), 3, "02:30 does not exist that night");
        let autumn = date(2026, 10, 25);
        assert_eq!(moment(date(2026, 10, 26), 9, 0).unwrap() - moment(autumn, 9, 0).unwrap(), 24 * 3600);
        assert_eq!(date_of(moment(autumn, 0, 30).unwrap()), autumn, "just after midnight is still that day in Oslo");
    }

    #[test]
    fn distant_after_two_cadences_without_contact_or_ninety_days_apart() {
        let since = date(2025, 1, 1);
        let met = Some(date(2026, 10, 1));
        // Monthly: contact on 1 October is fine until 1 December.
        assert!(!is_distant(D, Cadence::MONTHLY, met, met, since, date(2026, 12, 1)));
        assert!(is_distant(D, Cadence::MONTHLY, met, met, since, date(2026, 12, 2)));
        // Frequent video calls, but no meeting in person for more than 90 days.
        let call = Some(date(2026, 11, 20));
        assert!(!is_distant(D, Cadence::MONTHLY, call, Some(date(2026, 8, 28)), since, date(2026, 11, 26)));
        assert!(is_distant(D, Cadence::MONTHLY, call, Some(date(2026, 8, 27)), since, date(2026, 11, 26)));
        // A new pair counts from its start.
        assert!(!is_distant(D, Cadence::MONTHLY, None, None, date(2026, 11, 1), date(2026, 11, 26)));
    }

    #[test]
    fn codes() {
        for c in Cadence::CHOICES {
            assert_eq!(Cadence::from_code(&c.code()), Some(c));
        }
        for bad in ["", "m", "0m", "13w", "1d", "-1m", "1M"] {
            assert_eq!(Cadence::from_code(bad), None, "{bad}");
        }
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (2000i16..2100, 1i8..=12, 1i8..=31).prop_filter_map("a real date", |(y, m, d)| Date::new(y, m, d).ok())
    }

    fn any_cadence() -> impl Strategy<Value = Cadence> {
        prop_oneof![(1u8..=12).prop_map(Cadence::Weeks), (1u8..=12).prop_map(Cadence::Months)]
    }

    proptest! {
        #[test]
        fn the_next_date_is_later_and_keeps_the_day_when_it_can(d in any_date(), c in any_cadence()) {
            let next = c.after(d);
            prop_assert!(next > d);
            match c {
                Cadence::Weeks(n) => prop_assert_eq!((next - d).get_days(), 7 * i32::from(n)),
                Cadence::Months(_) => {
                    prop_assert!(next.day() == d.day() || (next.day() < d.day() && next.day() == next.days_in_month()));
                }
            }
        }

        #[test]
        fn a_conversation_held_later_never_makes_the_next_one_due_sooner(
            d in any_date(), later in 0i64..400, c in any_cadence()
        ) {
            let held_later = d.checked_add(Span::new().days(later)).unwrap();
            prop_assert!(due(c, Some(held_later), d) >= due(c, Some(d), d));
        }

        #[test]
        fn more_recent_contact_never_makes_a_pair_more_distant(
            since in any_date(), a in 0i64..500, b in 0i64..500, today_after in 0i64..800, c in any_cadence()
        ) {
            let day = |n: i64| since.checked_add(Span::new().days(n)).unwrap();
            let (early, late) = (day(a.min(b)), day(a.max(b)));
            let today = day(today_after);
            // Distant with the later contact implies distant with the earlier one.
            prop_assert!(!is_distant(D, c, Some(late), Some(late), since, today) || is_distant(D, c, Some(early), Some(early), since, today));
        }

        #[test]
        fn a_wider_distance_never_makes_a_pair_more_distant(
            since in any_date(), met in 0i64..500, today_after in 0i64..800, c in any_cadence(),
            cadences in 1u8..6, days in 14i64..365, more in 0u8..3, more_days in 0i64..100
        ) {
            let day = |n: i64| since.checked_add(Span::new().days(n)).unwrap();
            let narrow = Distance { cadences, in_person_days: days };
            let wide = Distance { cadences: cadences + more, in_person_days: days + more_days };
            let (met, today) = (Some(day(met)), day(today_after));
            prop_assert!(!is_distant(wide, c, met, met, since, today) || is_distant(narrow, c, met, met, since, today));
        }

        #[test]
        fn a_day_in_oslo_is_23_24_or_25_hours(d in any_date()) {
            let next = d.tomorrow().unwrap();
            let hours = (moment(next, 0, 0).unwrap() - moment(d, 0, 0).unwrap()) / 3600;
            prop_assert!((23..=25).contains(&hours));
        }
    }
}
