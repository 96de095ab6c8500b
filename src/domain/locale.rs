//! The three languages, choosing one for a request, and Norwegian date and number formats.

/// A language samspill speaks. Bokmål is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    Nb,
    Nn,
    En,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Nb, Locale::Nn, Locale::En];

    pub fn code(self) -> &'static str {
        match self {
            Locale::Nb => "nb",
            Locale::Nn => "nn",
            Locale::En => "en",
        }
    }

    /// The language's own name, shown in the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::Nb => "Bokmål",
            Locale::Nn => "Nynorsk",
            Locale::En => "English",
        }
    }

    /// Reads a language tag; `no` and `nb-NO` are bokmål, `nn-NO` nynorsk, any `en-*` English.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "nb" | "no" => Some(Locale::Nb),
            "nn" => Some(Locale::Nn),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// Picks the best language from an `Accept-Language` header, honouring q-values.
    pub fn negotiate(accept_language: &str) -> Option<Locale> {
        let mut best: Option<(f32, usize, Locale)> = None;
        for (pos, part) in accept_language.split(',').enumerate() {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("");
            let q = pieces.find_map(|p| p.trim().strip_prefix("q=").map(|v| v.trim().parse::<f32>().unwrap_or(0.0))).unwrap_or(1.0);
            if q <= 0.0 {
                continue;
            }
            if let Some(locale) = Locale::from_tag(tag) {
                let better = match best {
                    None => true,
                    Some((bq, _, _)) => q > bq,
                };
                if better {
                    best = Some((q, pos, locale));
                }
            }
        }
        best.map(|(_, _, l)| l)
    }

    /// Chooses the language for a request: the user's setting, then the cookie, then the header.
    pub fn choose(user_setting: Option<&str>, cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
        user_setting
            .and_then(Locale::from_tag)
            .or_else(|| cookie.and_then(Locale::from_tag))
            .or_else(|| accept_language.and_then(Locale::negotiate))
            .unwrap_or_default()
    }

    /// A date as people read it: "24. november 2026" in nb/nn, "24 November 2026" in English.
    pub fn format_date(self, date: time::Date) -> String {
        let m = u8::from(date.month()) as usize - 1;
        match self {
            Locale::Nb | Locale::Nn => format!("{}. {} {}", date.day(), NO_MONTHS[m], date.year()),
            Locale::En => format!("{} {} {}", date.day(), EN_MONTHS[m], date.year()),
        }
    }

    /// A short date: "24.11.2026" in nb/nn, "2026-11-24" in English.
    pub fn format_short_date(self, date: time::Date) -> String {
        match self {
            Locale::Nb | Locale::Nn => format!("{:02}.{:02}.{}", date.day(), u8::from(date.month()), date.year()),
            Locale::En => format!("{}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day()),
        }
    }

    /// A whole number with thousands grouped: "12 345" (no-break space) in nb/nn, "12,345" in English.
    pub fn format_number(self, n: i64) -> String {
        let sep = match self {
            Locale::Nb | Locale::Nn => '\u{a0}',
            Locale::En => ',',
        };
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        if n < 0 { format!("\u{2212}{out}") } else { out }
    }
}

const NO_MONTHS: [&str; 12] =
    ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];
const EN_MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn setting_beats_cookie_beats_header() {
        assert_eq!(Locale::choose(Some("en"), Some("nn"), Some("nb")), Locale::En);
        assert_eq!(Locale::choose(None, Some("nn"), Some("en")), Locale::Nn);
        assert_eq!(Locale::choose(None, None, Some("en-GB,en;q=0.9")), Locale::En);
        assert_eq!(Locale::choose(None, Some("xx"), None), Locale::Nb);
    }

    #[test]
    fn accept_language_honours_quality() {
        assert_eq!(Locale::negotiate("de, en;q=0.5, nn;q=0.8"), Some(Locale::Nn));
        assert_eq!(Locale::negotiate("no"), Some(Locale::Nb));
        assert_eq!(Locale::negotiate("nb-NO;q=0"), None);
        assert_eq!(Locale::negotiate("fr, de"), None);
    }

    #[test]
    fn dates_and_numbers_read_the_norwegian_way() {
        assert_eq!(Locale::Nb.format_date(date!(2026 - 11 - 24)), "24. november 2026");
        assert_eq!(Locale::Nn.format_short_date(date!(2026 - 03 - 01)), "01.03.2026");
        assert_eq!(Locale::En.format_date(date!(2026 - 11 - 24)), "24 November 2026");
        assert_eq!(Locale::Nb.format_number(1234567), "1\u{a0}234\u{a0}567");
        assert_eq!(Locale::En.format_number(-1000), "\u{2212}1,000");
        assert_eq!(Locale::Nb.format_number(999), "999");
    }
}
