//! Follow-up conversations: their templates (data, like instruments), the rules of scheduling,
//! and who may move a conversation to which status.

use serde::Deserialize;

use super::instrument::{Problem, Text, is_id};
use super::{PersonId, cadence};

/// A conversation template: agenda prompts both parties can prepare (`conversations/*.toml`).
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: String,
    pub version: i64,
    #[serde(default)]
    pub title: Text,
    #[serde(default)]
    pub summary: Text,
    #[serde(default)]
    pub prompts: Vec<Prompt>,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    #[serde(default)]
    pub text: Text,
}

/// The templates that ship inside the binary, the regular follow-up first.
pub const BUILT_IN: [&str; 5] = [
    include_str!("../../conversations/regular-follow-up.toml"),
    include_str!("../../conversations/listening-conversation.toml"),
    include_str!("../../conversations/self-leadership-conversation.toml"),
    include_str!("../../conversations/work-environment.toml"),
    include_str!("../../conversations/development-conversation.toml"),
];

impl Template {
    pub fn parse(source: &str) -> Result<Template, Vec<Problem>> {
        let t: Template = toml::from_str(source).map_err(|e| vec![Problem::syntax(source, &e)])?;
        let mut problems = Vec::new();
        if !is_id(&t.id) {
            problems.push(Problem::bad_id("id"));
        }
        problems.extend(t.title.problems("title"));
        problems.extend(t.summary.problems("summary"));
        if t.prompts.is_empty() {
            problems.push(Problem::missing("prompts"));
        }
        for (n, p) in t.prompts.iter().enumerate() {
            problems.extend(p.text.problems(&format!("prompts[{}].text", n + 1)));
        }
        if problems.is_empty() { Ok(t) } else { Err(problems) }
    }

    /// Every built-in template, parsed once (they are checked by a test).
    pub fn built_in() -> &'static [Template] {
        static PARSED: std::sync::LazyLock<Vec<Template>> =
            std::sync::LazyLock::new(|| BUILT_IN.iter().filter_map(|s| Template::parse(s).ok()).collect());
        &PARSED
    }

    pub fn find(id: &str) -> Option<&'static Template> {
        Template::built_in().iter().find(|t| t.id == id)
    }
}

/// How a conversation is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Video,
    Phone,
    InPerson,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Video, Channel::Phone, Channel::InPerson];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Video => "video",
            Channel::Phone => "phone",
            Channel::InPerson => "in-person",
        }
    }

    pub fn from_code(code: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// What kind of contact a touchpoint was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TouchKind {
    FollowUp,
    TeamMeeting,
    Informal,
    Social,
    Gathering,
}

impl TouchKind {
    pub const ALL: [TouchKind; 5] =
        [TouchKind::FollowUp, TouchKind::TeamMeeting, TouchKind::Informal, TouchKind::Social, TouchKind::Gathering];

    pub fn code(self) -> &'static str {
        match self {
            TouchKind::FollowUp => "follow-up",
            TouchKind::TeamMeeting => "meeting",
            TouchKind::Informal => "informal",
            TouchKind::Social => "social",
            TouchKind::Gathering => "gathering",
        }
    }

    pub fn from_code(code: &str) -> Option<TouchKind> {
        TouchKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Where a conversation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Proposed by the employee; the leader confirms it.
    Proposed,
    /// Agreed: the leader planned it or confirmed it.
    Planned,
    Held,
    Cancelled,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Planned => "planned",
            Status::Held => "held",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        [Status::Proposed, Status::Planned, Status::Held, Status::Cancelled].into_iter().find(|s| s.code() == code)
    }

    /// Still to come (or to be marked held).
    pub fn is_open(self) -> bool {
        matches!(self, Status::Proposed | Status::Planned)
    }
}

/// Which party of a conversation someone is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Party {
    Leader,
    Employee,
}

impl Party {
    pub fn of(person: PersonId, leader: PersonId, employee: PersonId) -> Option<Party> {
        if person == leader {
            Some(Party::Leader)
        } else if person == employee {
            Some(Party::Employee)
        } else {
            None
        }
    }
}

/// A change of a conversation's status someone asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Confirm,
    Hold,
    Cancel,
    /// A new time: agreed when the leader moves it, proposed again when the employee does.
    Move,
}

impl Change {
    pub fn from_code(code: &str) -> Option<Change> {
        match code {
            "confirm" => Some(Change::Confirm),
            "hold" => Some(Change::Hold),
            "cancel" => Some(Change::Cancel),
            "move" => Some(Change::Move),
            _ => None,
        }
    }
}

/// The status after `change` by `party`, or None when it is not theirs to make. Only the leader
/// confirms a proposal; either party may mark it held, cancel or move an open conversation;
/// a held or cancelled conversation stays as it is.
pub fn apply(status: Status, change: Change, party: Party) -> Option<Status> {
    if !status.is_open() {
        return None;
    }
    match (change, party) {
        (Change::Confirm, Party::Leader) if status == Status::Proposed => Some(Status::Planned),
        (Change::Confirm, _) => None,
        (Change::Hold, _) => Some(Status::Held),
        (Change::Cancel, _) => Some(Status::Cancelled),
        (Change::Move, Party::Leader) => Some(Status::Planned),
        (Change::Move, Party::Employee) => Some(Status::Proposed),
    }
}

/// The status of a new conversation: planned when the leader sets it up, proposed when the
/// employee does.
pub fn new_status(party: Party) -> Status {
    match party {
        Party::Leader => Status::Planned,
        Party::Employee => Status::Proposed,
    }
}

/// Lengths offered, in minutes.
pub const LENGTHS: [i64; 5] = [15, 30, 45, 60, 90];
pub const PLACE_LENGTH: usize = 300;

#[derive(Debug, Clone, PartialEq)]
pub enum TimeError {
    Missing,
    Invalid,
    Past,
}

/// Reads a date (`YYYY-MM-DD`) and a time (`HH:MM`) typed in Oslo into a moment that must lie
/// after `now`.
pub fn read_start(date: &str, time: &str, now: i64) -> Result<i64, TimeError> {
    let (date, time) = (date.trim(), time.trim());
    if date.is_empty() || time.is_empty() {
        return Err(TimeError::Missing);
    }
    let day: jiff::civil::Date = date.parse().map_err(|_| TimeError::Invalid)?;
    let (h, m) = time.split_once(':').ok_or(TimeError::Invalid)?;
    let (h, m): (i8, i8) = (h.parse().map_err(|_| TimeError::Invalid)?, m.parse().map_err(|_| TimeError::Invalid)?);
    let at = cadence::moment(day, h, m).ok_or(TimeError::Invalid)?;
    if at <= now { Err(TimeError::Past) } else { Ok(at) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_template_loads() {
        for source in BUILT_IN {
            let t =
                Template::parse(source).unwrap_or_else(|p| panic!("{}", p.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
            assert!(t.prompts.len() >= 3, "{}", t.id);
        }
        assert_eq!(Template::built_in().len(), BUILT_IN.len());
        assert_eq!(Template::built_in()[0].id, "regular-follow-up");
    }

    #[test]
    fn a_template_without_a_translation_is_refused() {
        let bad = BUILT_IN[0].replacen("nn = ", "xx = ", 1);
        assert!(Template::parse(&bad).is_err());
    }

    #[test]
    fn who_may_change_what() {
        use Change::*;
        use Party::*;
        use Status::*;
        assert_eq!(apply(Proposed, Confirm, Leader), Some(Planned));
        assert_eq!(apply(Proposed, Confirm, Employee), None, "the leader confirms");
        assert_eq!(apply(Planned, Confirm, Leader), None);
        assert_eq!(apply(Planned, Hold, Employee), Some(Held));
        assert_eq!(apply(Proposed, Cancel, Employee), Some(Cancelled));
        assert_eq!(apply(Planned, Move, Employee), Some(Proposed), "an employee's new time is a proposal");
        assert_eq!(apply(Proposed, Move, Leader), Some(Planned));
        for change in [Confirm, Hold, Cancel, Move] {
            for party in [Leader, Employee] {
                assert_eq!(apply(Held, change, party), None);
                assert_eq!(apply(Cancelled, change, party), None);
            }
        }
        assert_eq!(new_status(Leader), Planned);
        assert_eq!(new_status(Employee), Proposed);
    }

    #[test]
    fn a_start_must_be_a_real_time_after_now() {
        let now = cadence::moment(jiff::civil::date(2026, 11, 26), 12, 0).unwrap();
        assert_eq!(read_start("2026-11-27", "09:00", now), Ok(now + 21 * 3600));
        assert_eq!(read_start("2026-11-26", "11:59", now), Err(TimeError::Past));
        assert_eq!(read_start("2026-11-26", "12:00", now), Err(TimeError::Past));
        assert_eq!(read_start("", "09:00", now), Err(TimeError::Missing));
        for (d, t) in [("2026-02-30", "09:00"), ("27.11.2026", "09:00"), ("2026-11-27", "25:00"), ("2026-11-27", "9")] {
            assert_eq!(read_start(d, t, now), Err(TimeError::Invalid), "{d} {t}");
        }
    }
}
