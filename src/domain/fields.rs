//! Values parsed at the edge: once built, they are valid, so nothing downstream re-checks.

use std::fmt;

/// Why a field's value was refused. Each variant names its Fluent message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    Required,
    TooLong { max: usize },
    InvalidEmail,
    InvalidEmployeeNumber,
    InvalidWeekday { value: String },
    InvalidDate { value: String },
    PasswordTooShort { min: usize },
}

impl FieldError {
    /// The Fluent id of the message and its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            FieldError::Required => ("field-error-required", vec![]),
            FieldError::TooLong { max } => ("field-error-too-long", vec![("max", max.to_string())]),
            FieldError::InvalidEmail => ("field-error-email", vec![]),
            FieldError::InvalidEmployeeNumber => ("field-error-employee-number", vec![]),
            FieldError::InvalidWeekday { value } => ("field-error-weekday", vec![("value", value.clone())]),
            FieldError::InvalidDate { value } => ("field-error-date", vec![("value", value.clone())]),
            FieldError::PasswordTooShort { min } => ("field-error-password-short", vec![("min", min.to_string())]),
        }
    }
}

/// A required single-line text of at most `max` characters, trimmed.
pub fn required_text(input: &str, max: usize) -> Result<String, FieldError> {
    let t = input.trim();
    if t.is_empty() {
        return Err(FieldError::Required);
    }
    optional_text(t, max)
}

/// An optional single-line text of at most `max` characters, trimmed; control characters refused.
pub fn optional_text(input: &str, max: usize) -> Result<String, FieldError> {
    let t: String = input.trim().chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if t.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    Ok(t)
}

/// An e-mail address, lower-cased; only plausibly deliverable addresses parse.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub const MAX: usize = 254;

    pub fn parse(input: &str) -> Result<Email, FieldError> {
        let t = input.trim().to_lowercase();
        if t.is_empty() {
            return Err(FieldError::Required);
        }
        if t.chars().count() > Self::MAX {
            return Err(FieldError::TooLong { max: Self::MAX });
        }
        let Some((local, domain)) = t.split_once('@') else {
            return Err(FieldError::InvalidEmail);
        };
        let bad_char = |c: char| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"' | '@');
        let domain_ok = domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !domain.contains("..");
        if local.is_empty() || !domain_ok || t.chars().any(|c| c != '@' && bad_char(c)) || domain.contains('@') {
            return Err(FieldError::InvalidEmail);
        }
        Ok(Email(t))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An employee number from the HR system: 1–50 visible characters, no spaces.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EmployeeNumber(String);

impl EmployeeNumber {
    pub const MAX: usize = 50;

    pub fn parse(input: &str) -> Result<EmployeeNumber, FieldError> {
        let t = input.trim();
        if t.is_empty() {
            return Err(FieldError::Required);
        }
        if t.chars().count() > Self::MAX {
            return Err(FieldError::TooLong { max: Self::MAX });
        }
        if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(FieldError::InvalidEmployeeNumber);
        }
        Ok(EmployeeNumber(t.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmployeeNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A set of weekdays (Monday = 1 … Sunday = 7), stored as a bit mask.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Weekdays(u8);

/// Day names accepted in files and forms: bokmål, nynorsk, English, and ISO numbers.
const DAY_NAMES: [&[&str]; 7] = [
    &["1", "man", "mandag", "mån", "måndag", "mon", "monday"],
    &["2", "tir", "tirsdag", "tys", "tysdag", "tue", "tues", "tuesday"],
    &["3", "ons", "onsdag", "wed", "wednesday"],
    &["4", "tor", "torsdag", "thu", "thur", "thurs", "thursday"],
    &["5", "fre", "fredag", "fri", "friday"],
    &["6", "lør", "lørdag", "lau", "laurdag", "sat", "saturday"],
    &["7", "søn", "søndag", "sun", "sundag", "sunday"],
];

impl Weekdays {
    pub fn from_bits(bits: i64) -> Weekdays {
        Weekdays((bits & 0x7f) as u8)
    }

    pub fn bits(self) -> i64 {
        i64::from(self.0)
    }

    /// ISO day numbers (1 = Monday) from a list.
    pub fn from_days(days: impl IntoIterator<Item = u8>) -> Weekdays {
        Weekdays(days.into_iter().filter(|d| (1..=7).contains(d)).fold(0, |m, d| m | 1 << (d - 1)))
    }

    pub fn contains(self, iso_day: u8) -> bool {
        (1..=7).contains(&iso_day) && self.0 & (1 << (iso_day - 1)) != 0
    }

    pub fn days(self) -> impl Iterator<Item = u8> {
        (1..=7).filter(move |d| self.contains(*d))
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Parses "man fre", "mon,fri", "1/5" and the like; an unknown day is an error.
    pub fn parse(input: &str) -> Result<Weekdays, FieldError> {
        let mut days = Vec::new();
        for word in input.split(|c: char| c == ',' || c == '/' || c == '+' || c == '.' || c.is_whitespace()) {
            let w = word.trim().to_lowercase();
            if w.is_empty() {
                continue;
            }
            match DAY_NAMES.iter().position(|names| names.contains(&w.as_str())) {
                Some(i) => days.push(i as u8 + 1),
                None => return Err(FieldError::InvalidWeekday { value: word.trim().to_string() }),
            }
        }
        Ok(Weekdays::from_days(days))
    }
}

/// Parses a date written `2026-11-24` or the Norwegian way, `24.11.2026`.
pub fn parse_date(input: &str) -> Result<time::Date, FieldError> {
    let t = input.trim();
    let invalid = || FieldError::InvalidDate { value: t.to_string() };
    let parts: Vec<&str> = if t.contains('-') { t.split('-').collect() } else { t.split('.').rev().collect() };
    let [y, m, d] = parts.as_slice() else { return Err(invalid()) };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>()) else {
        return Err(invalid());
    };
    let month = time::Month::try_from(m).map_err(|_| invalid())?;
    if !(1900..=2200).contains(&y) {
        return Err(invalid());
    }
    time::Date::from_calendar_date(y, month, d).map_err(|_| invalid())
}

/// A new password: at least `MIN` characters.
pub fn parse_new_password(input: &str) -> Result<&str, FieldError> {
    const MIN: usize = 10;
    if input.chars().count() < MIN {
        return Err(FieldError::PasswordTooShort { min: MIN });
    }
    if input.chars().count() > 1000 {
        return Err(FieldError::TooLong { max: 1000 });
    }
    Ok(input)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn email_is_lowercased_and_checked() {
        assert_eq!(Email::parse(" Emma@Demo.Samspill.no ").map(|e| e.to_string()), Ok("emma@demo.samspill.no".into()));
        for bad in ["", "emma", "emma@", "@x.no", "emma@localhost", "a b@x.no", "a@b@x.no", "a@x..no", "a@.x.no"] {
            assert!(Email::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn employee_number_has_no_spaces() {
        assert!(EmployeeNumber::parse(" 1001 ").is_ok());
        assert_eq!(EmployeeNumber::parse("10 01"), Err(FieldError::InvalidEmployeeNumber));
        assert_eq!(EmployeeNumber::parse(""), Err(FieldError::Required));
    }

    #[test]
    fn weekdays_parse_in_all_three_languages() {
        let monday_friday = Weekdays::from_days([1, 5]);
        for text in ["man fre", "Mandag, Fredag", "mån fre", "mon/fri", "1,5", "fri mon"] {
            assert_eq!(Weekdays::parse(text), Ok(monday_friday), "{text}");
        }
        assert_eq!(Weekdays::parse(""), Ok(Weekdays::default()));
        assert_eq!(Weekdays::parse("man blå"), Err(FieldError::InvalidWeekday { value: "blå".into() }));
    }

    #[test]
    fn dates_parse_iso_and_norwegian() {
        let d = time::macros::date!(2026 - 03 - 01);
        assert_eq!(parse_date("2026-03-01"), Ok(d));
        assert_eq!(parse_date("1.3.2026"), Ok(d));
        assert!(parse_date("31.02.2026").is_err());
        assert!(parse_date("tomorrow").is_err());
    }

    #[test]
    fn text_limits_count_characters_not_bytes() {
        assert_eq!(required_text("  Åse  ", 3), Ok("Åse".into()));
        assert_eq!(required_text("Åsen", 3), Err(FieldError::TooLong { max: 3 }));
        assert_eq!(required_text("   ", 3), Err(FieldError::Required));
    }

    proptest! {
        #[test]
        fn weekdays_round_trip_through_bits(bits in 0i64..128) {
            let w = Weekdays::from_bits(bits);
            prop_assert_eq!(Weekdays::from_days(w.days()), w);
            prop_assert_eq!(w.bits(), bits);
        }

        #[test]
        fn parsed_email_parses_again_to_itself(local in "[a-z0-9._-]{1,20}", domain in "[a-z0-9-]{1,20}\\.[a-z]{2,6}") {
            let e = Email::parse(&format!("{local}@{domain}")).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert_eq!(Email::parse(e.as_str()), Ok(e.clone()));
        }
    }
}
