//! When e-mail goes out and how often a failed one is tried again. What a message says is the
//! mail module's; which events make one is decided here.

use super::conversation::{Change, Party};

/// What a message tells its recipient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The leader set up a conversation.
    Invitation,
    /// The employee proposed a time; the leader confirms it.
    Proposal,
    Confirmed,
    Moved,
    Cancelled,
    /// A conversation is near.
    Reminder,
    /// The pair has passed its due date with nothing planned.
    Overdue,
    /// A survey wave has opened for the recipient's team.
    WaveInvitation,
    /// A survey wave closes soon and the recipient has not answered.
    WaveReminder,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Invitation,
        Kind::Proposal,
        Kind::Confirmed,
        Kind::Moved,
        Kind::Cancelled,
        Kind::Reminder,
        Kind::Overdue,
        Kind::WaveInvitation,
        Kind::WaveReminder,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Invitation => "invitation",
            Kind::Proposal => "proposal",
            Kind::Confirmed => "confirmed",
            Kind::Moved => "moved",
            Kind::Cancelled => "cancelled",
            Kind::Reminder => "reminder",
            Kind::Overdue => "overdue",
            Kind::WaveInvitation => "wave-invitation",
            Kind::WaveReminder => "wave-reminder",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The message a new conversation sends to the other party.
pub fn on_create(by: Party) -> Kind {
    match by {
        Party::Leader => Kind::Invitation,
        Party::Employee => Kind::Proposal,
    }
}

/// The message a change sends to the other party, if any: marking it held tells nobody
/// anything they do not know. A time the employee moves is a new proposal.
pub fn on_change(change: Change, by: Party) -> Option<Kind> {
    match (change, by) {
        (Change::Confirm, _) => Some(Kind::Confirmed),
        (Change::Cancel, _) => Some(Kind::Cancelled),
        (Change::Move, Party::Leader) => Some(Kind::Moved),
        (Change::Move, Party::Employee) => Some(Kind::Proposal),
        (Change::Hold, _) => None,
    }
}

/// Identifies a message about a conversation: one per change (its sequence), kind and recipient.
/// The outbox keeps each key once, so a second node or a second run adds nothing.
pub fn conversation_event(conversation: i64, sequence: i64, kind: Kind, recipient: i64) -> String {
    format!("conversation:{conversation}:{sequence}:{}:{recipient}", kind.code())
}

/// Identifies the nudge about one due date of a pair: sent once, to each of the two.
pub fn overdue_event(employee: i64, leader: i64, due: jiff::civil::Date, recipient: i64) -> String {
    format!("overdue:{employee}:{leader}:{due}:{recipient}")
}

/// Identifies a message about a survey wave: one invitation and one reminder per person.
pub fn wave_event(wave: i64, kind: Kind, recipient: i64) -> String {
    format!("wave:{wave}:{}:{recipient}", kind.code())
}

/// Days before a wave's last day that those who have not answered are reminded.
pub const WAVE_REMINDER_DAYS: i64 = 2;

/// Whether a wave that closes on `closes_on` is in its reminder window on `today`.
pub fn wave_reminder_due(closes_on: jiff::civil::Date, today: jiff::civil::Date) -> bool {
    today <= closes_on && (closes_on - today).get_days() as i64 <= WAVE_REMINDER_DAYS
}

/// Whether a planned conversation is near enough for its reminder: it starts within `days`
/// days, and its time was set before that window opened (otherwise the invitation just said it).
pub fn reminder_due(starts_at: i64, set_at: i64, now: i64, days: i64) -> bool {
    let window = days * 86_400;
    days > 0 && starts_at > now && starts_at - now <= window && set_at < starts_at - window
}

/// The longest wait between two attempts.
pub const MAX_RETRY_DELAY: i64 = 3600;

/// Seconds to wait after the `attempts`-th failed attempt: a minute, doubling, at most an hour.
/// A message is never given up: it waits, visible to HR, until the server takes it.
pub fn retry_delay(attempts: i64) -> i64 {
    let doublings = attempts.clamp(1, 7) - 1;
    (60 << doublings).min(MAX_RETRY_DELAY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_read_back() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_code(k.code()), Some(k));
        }
        assert_eq!(Kind::from_code("wave-reminder"), Some(Kind::WaveReminder), "every kind is listed");
        assert_eq!(Kind::from_code("private-note"), None);
    }

    #[test]
    fn the_other_party_hears_of_changes_but_not_of_holding() {
        assert_eq!(on_create(Party::Leader), Kind::Invitation);
        assert_eq!(on_create(Party::Employee), Kind::Proposal);
        assert_eq!(on_change(Change::Move, Party::Employee), Some(Kind::Proposal));
        assert_eq!(on_change(Change::Move, Party::Leader), Some(Kind::Moved));
        assert_eq!(on_change(Change::Hold, Party::Leader), None);
        assert_eq!(on_change(Change::Cancel, Party::Employee), Some(Kind::Cancelled));
    }

    #[test]
    fn reminders_open_a_window_before_the_start() {
        let day = 86_400;
        let start = 100 * day;
        let set = 10 * day;
        assert!(!reminder_due(start, set, start - 3 * day, 2), "not yet");
        assert!(reminder_due(start, set, start - 2 * day, 2));
        assert!(reminder_due(start, set, start - 60, 2));
        assert!(!reminder_due(start, set, start, 2), "it has begun");
        assert!(!reminder_due(start, start - day, start - 60, 2), "set a day before: the invitation was the reminder");
        assert!(!reminder_due(start, set, start - 60, 0), "reminders are off");
    }

    #[test]
    fn a_wave_reminds_in_its_last_days() {
        let last = jiff::civil::date(2026, 12, 10);
        assert!(!wave_reminder_due(last, jiff::civil::date(2026, 12, 7)));
        assert!(wave_reminder_due(last, jiff::civil::date(2026, 12, 8)));
        assert!(wave_reminder_due(last, last));
        assert!(!wave_reminder_due(last, jiff::civil::date(2026, 12, 11)), "closed");
    }

    #[test]
    fn events_differ_by_change_kind_and_recipient() {
        let keys = [
            conversation_event(7, 0, Kind::Invitation, 3),
            conversation_event(7, 1, Kind::Invitation, 3),
            conversation_event(7, 0, Kind::Reminder, 3),
            conversation_event(7, 0, Kind::Invitation, 4),
            overdue_event(3, 4, jiff::civil::date(2026, 12, 1), 3),
            overdue_event(3, 4, jiff::civil::date(2026, 12, 1), 4),
        ];
        let distinct: std::collections::HashSet<_> = keys.iter().collect();
        assert_eq!(distinct.len(), keys.len());
    }

    proptest! {
        #[test]
        fn retries_wait_longer_each_time_up_to_an_hour(n in 0i64..10_000) {
            let d = retry_delay(n);
            prop_assert!((60..=MAX_RETRY_DELAY).contains(&d));
            prop_assert!(retry_delay(n + 1) >= d);
        }
    }
}
