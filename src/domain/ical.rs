//! iCalendar (RFC 5545) for conversations: a calendar of events with stable UIDs, a SEQUENCE
//! that grows with each change, STATUS:CANCELLED for a cancelled one, and times in UTC.

use std::fmt::Write;

pub struct Event {
    /// Stable across changes: the calendar updates the event in place.
    pub uid: String,
    pub sequence: i64,
    /// Seconds since the epoch.
    pub start: i64,
    pub end: i64,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub status: EventStatus,
    /// When the event last changed.
    pub stamp: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventStatus {
    Tentative,
    Confirmed,
    Cancelled,
}

impl EventStatus {
    fn code(self) -> &'static str {
        match self {
            EventStatus::Tentative => "TENTATIVE",
            EventStatus::Confirmed => "CONFIRMED",
            EventStatus::Cancelled => "CANCELLED",
        }
    }
}

/// A whole calendar, CRLF line ends, lines folded at 75 octets.
pub fn calendar(name: &str, events: &[Event]) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//samspill//samspill//NB".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape(name)),
    ];
    for e in events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", e.uid));
        lines.push(format!("DTSTAMP:{}", utc(e.stamp)));
        lines.push(format!("DTSTART:{}", utc(e.start)));
        lines.push(format!("DTEND:{}", utc(e.end)));
        lines.push(format!("SEQUENCE:{}", e.sequence));
        lines.push(format!("STATUS:{}", e.status.code()));
        lines.push(format!("SUMMARY:{}", escape(&e.summary)));
        if !e.location.is_empty() {
            lines.push(format!("LOCATION:{}", escape(&e.location)));
        }
        if !e.description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape(&e.description)));
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

/// A moment as a UTC date-time: 20261203T090000Z.
fn utc(at: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp(at).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    format!("{:04}{:02}{:02}T{:02}{:02}{:02}Z", t.year(), u8::from(t.month()), t.day(), t.hour(), t.minute(), t.second())
}

/// Escapes a TEXT value: backslash, semicolon, comma and line ends.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line folded so that no line is longer than 75 octets, never splitting a
/// character; continuation lines begin with a space.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    let _ = write!(out, "\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(summary: &str, description: &str) -> Event {
        Event {
            uid: "conversation-7@samspill".into(),
            sequence: 2,
            start: 1_796_288_400,
            end: 1_796_291_100,
            summary: summary.into(),
            location: "Rom 2; 3. etg".into(),
            description: description.into(),
            status: EventStatus::Confirmed,
            stamp: 1_796_000_000,
        }
    }

    #[test]
    fn values_are_escaped_and_times_are_utc() {
        let ics = calendar("Samtaler", &[event("Samtale med Emma, Lars", "Status\nAvklaringer; støtte")]);
        assert!(ics.contains("SUMMARY:Samtale med Emma\\, Lars\r\n"));
        assert!(ics.contains("LOCATION:Rom 2\\; 3. etg\r\n"));
        assert!(ics.contains("DESCRIPTION:Status\\nAvklaringer\\; støtte\r\n"));
        assert!(ics.contains("DTSTART:20261203T090000Z\r\n"));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let ics = calendar("Samtaler", &[event(&"æøå".repeat(60), "")]);
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}", "æøå".repeat(60))));
    }
}
