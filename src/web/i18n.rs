//! Fluent messages in bokmål, nynorsk and English, embedded in the binary.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

use crate::domain::locale::Locale;

fluent_templates::static_loader! {
    pub static LOCALES = {
        locales: "./locales",
        fallback_language: "nb",
        // Bidirectional isolation marks around placeables would show up in plain-text contexts.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static IDS: LazyLock<[LanguageIdentifier; 3]> = LazyLock::new(|| Locale::ALL.map(|l| l.code().parse().unwrap_or_default()));

/// Formatted argument-free messages per language, kept for the life of the process: the ids
/// are those of the message files, so the tables stay small.
static PLAIN: LazyLock<[RwLock<HashMap<String, &'static str>>; 3]> = LazyLock::new(Default::default);

fn id(locale: Locale) -> &'static LanguageIdentifier {
    &IDS[Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0)]
}

/// Translates message ids for one request's language.
#[derive(Clone, Copy, Debug, Default)]
pub struct I18n(pub Locale);

impl I18n {
    pub fn locale(&self) -> Locale {
        self.0
    }

    /// The message; a missing id shows itself (a test keeps every id present in all languages).
    /// Messages without arguments are formatted once per language and then reused: every page
    /// shows dozens of them.
    pub fn t(&self, key: &str) -> String {
        self.text(key).into_owned()
    }

    /// The message as `t` gives it, borrowed where it can be: templates show dozens of labels
    /// on every page, and a borrowed one costs no copy. A missing id is not kept.
    pub fn text(&self, key: &str) -> Cow<'static, str> {
        let table = &PLAIN[Locale::ALL.iter().position(|l| *l == self.0).unwrap_or(0)];
        if let Some(text) = table.read().ok().and_then(|t| t.get(key).copied()) {
            return Cow::Borrowed(text);
        }
        let Some(text) = LOCALES.try_lookup(id(self.0), key) else { return Cow::Owned(key.to_string()) };
        let Ok(mut t) = table.write() else { return Cow::Owned(text) };
        let kept: &'static str = t.entry(key.to_string()).or_insert_with(|| Box::leak(text.into_boxed_str()));
        Cow::Borrowed(kept)
    }

    /// The message with arguments; whole numbers are passed as numbers so plurals work.
    pub fn t_with(&self, key: &str, args: &[(&str, String)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                let value = match v.parse::<i64>() {
                    Ok(n) if !v.starts_with('0') || v == "0" => FluentValue::from(n),
                    _ => FluentValue::from(v.clone()),
                };
                (Cow::Owned(k.to_string()), value)
            })
            .collect();
        LOCALES.try_lookup_with_args(id(self.0), key, &args).unwrap_or_else(|| key.to_string())
    }

    /// A message whose arguments are only put in place (no plural, no number formatting),
    /// formatted once per language with markers and then filled in by replacing them: for
    /// messages shown on every row of a long list.
    pub fn fill(&self, key: &'static str, names: &[&str], values: &[&str]) -> String {
        static PATTERNS: LazyLock<RwLock<HashMap<(Locale, &'static str), String>>> = LazyLock::new(Default::default);
        if let Some(text) = PATTERNS.read().ok().and_then(|p| p.get(&(self.0, key)).map(|pattern| fill_in(pattern, values))) {
            return text;
        }
        let args: Vec<(&str, String)> = names.iter().enumerate().map(|(i, n)| (*n, marker(i).to_string())).collect();
        let pattern = self.t_with(key, &args);
        let text = fill_in(&pattern, values);
        if let Ok(mut p) = PATTERNS.write() {
            p.insert((self.0, key), pattern);
        }
        text
    }

    /// The message with one argument.
    pub fn t1(&self, key: &str, name: &str, value: impl ToString) -> String {
        self.t_with(key, &[(name, value.to_string())])
    }

    /// A weekday by ISO number (1 = Monday).
    pub fn weekday(&self, iso_day: u8) -> String {
        self.t(&format!("weekday-{iso_day}"))
    }

    /// Weekdays as a readable list, or the "none" message. The 128 possible lists are written
    /// once per language: every row of the people list shows one.
    pub fn weekdays(&self, days: crate::domain::fields::Weekdays) -> Cow<'static, str> {
        static LISTS: LazyLock<[Vec<String>; 3]> = LazyLock::new(|| {
            Locale::ALL.map(|l| {
                let i18n = I18n(l);
                (0..128).map(|bits| i18n.write_weekdays(crate::domain::fields::Weekdays::from_bits(bits))).collect()
            })
        });
        let lists = &LISTS[Locale::ALL.iter().position(|l| *l == self.0).unwrap_or(0)];
        match usize::try_from(days.bits()).ok().and_then(|b| lists.get(b)) {
            Some(list) => Cow::Borrowed(list),
            None => Cow::Owned(self.write_weekdays(days)),
        }
    }

    fn write_weekdays(&self, days: crate::domain::fields::Weekdays) -> String {
        if days.is_empty() {
            return self.t("weekday-none");
        }
        days.days().map(|d| self.weekday(d)).collect::<Vec<_>>().join(", ")
    }

    /// A mean with one decimal: "3,5" in nb/nn, "3.5" in English.
    pub fn decimal(&self, x: f64) -> String {
        let text = format!("{x:.1}");
        match self.0 {
            Locale::En => text,
            _ => text.replace('.', ","),
        }
    }

    pub fn number(&self, n: i64) -> String {
        self.0.format_number(n)
    }
}

/// The character that stands for the `i`th argument in a pattern of `I18n::fill` (private use,
/// so no message holds it).
fn marker(i: usize) -> char {
    char::from_u32(0xE000 + i as u32).unwrap_or('\u{E000}')
}

/// The pattern with each marker replaced by its value, in one pass.
fn fill_in(pattern: &str, values: &[&str]) -> String {
    let mut text = String::with_capacity(pattern.len() + values.iter().map(|v| v.len()).sum::<usize>());
    for c in pattern.chars() {
        match (c as usize).checked_sub(0xE000).and_then(|i| values.get(i)) {
            Some(value) => text.push_str(value),
            None => text.push(c),
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    #[test]
    fn filling_a_message_gives_what_formatting_it_gives() {
        for l in Locale::ALL {
            let i18n = I18n(l);
            for (date, time) in [("3. desember 2026", "09:00"), ("{ $x }", "$1 \\0")] {
                let formatted = i18n.t_with("conversation-when", &[("date", date.to_string()), ("time", time.to_string())]);
                assert_eq!(i18n.fill("conversation-when", &["date", "time"], &[date, time]), formatted);
            }
            assert_eq!(i18n.fill("team-contact-kind", &["name"], &["Åse Ødegård"]), i18n.t1("team-contact-kind", "name", "Åse Ødegård"));
        }
    }

    fn files(dir: &Path, ext: &str, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files(&path, ext, out);
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }

    fn root() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    /// Message ids defined in one language's files.
    fn ids(locale: &str) -> BTreeSet<String> {
        let mut paths = Vec::new();
        files(&root().join("locales").join(locale), "ftl", &mut paths);
        assert!(!paths.is_empty(), "no files for {locale}");
        paths
            .iter()
            .flat_map(|p| std::fs::read_to_string(p).unwrap().lines().map(str::to_string).collect::<Vec<_>>())
            .filter_map(|line| {
                let (id, _) = line.split_once(" =")?;
                let ok = !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                ok.then(|| id.to_string())
            })
            .collect()
    }

    /// Every `"…"` literal in `text` that looks like a message id: lowercase words joined by `-`.
    fn id_literals(text: &str) -> Vec<String> {
        text.split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| {
                s.contains('-')
                    && !s.starts_with('-')
                    && !s.ends_with('-')
                    && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            })
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn every_language_has_every_message() {
        let nb = ids("nb");
        for other in ["nn", "en"] {
            let theirs = ids(other);
            let missing: Vec<_> = nb.difference(&theirs).collect();
            let extra: Vec<_> = theirs.difference(&nb).collect();
            assert!(missing.is_empty(), "{other} lacks {missing:?}");
            assert!(extra.is_empty(), "{other} has ids bokmål lacks: {extra:?}");
        }
        // Each message formats in its own language (no fallback), given every variable any message uses.
        let variables = [
            "count",
            "name",
            "status",
            "max",
            "min",
            "value",
            "page",
            "pages",
            "line",
            "columns",
            "expected",
            "found",
            "first",
            "holder",
            "number",
            "numbers",
            "created",
            "updated",
            "deactivated",
            "unchanged",
            "remote",
            "parent",
            "date",
            "step",
            "answered",
            "items",
            "sum",
            "item",
            "cell",
            "detail",
            "id",
            "scale",
            "type",
            "dimension",
            "version",
            "time",
            "template",
            "kind",
            "other",
            "when",
            "due",
            "pending",
            "sent",
            "days",
            "title",
            "threshold",
            "invited",
            "mean",
            "team",
            "own",
            "gap",
            "unit",
            "label",
            "leader",
            "teams",
        ];
        let args: HashMap<&str, FluentValue> = variables.iter().map(|v| (*v, FluentValue::from(2))).collect();
        for l in Locale::ALL {
            for msg in &nb {
                let result = LOCALES.lookup_single_language(id(l), msg, Some(&args));
                assert!(result.is_ok(), "{msg} does not load in {}: {result:?}", l.code());
            }
        }
    }

    #[test]
    fn code_and_templates_use_only_existing_messages() {
        let known = ids("nb");
        // Message ids are recognised by their first word; other dashed literals (CSS classes,
        // header names) do not start with one of these.
        let namespaces: BTreeSet<&str> = known.iter().filter_map(|id| id.split('-').next()).collect();
        let mut paths = Vec::new();
        files(&root().join("src"), "rs", &mut paths);
        // The demo's data names instrument items ("development-areas"), not messages.
        paths.retain(|p| !p.starts_with(root().join("src/cli/demo")));
        let sources = paths.len();
        files(&root().join("templates"), "html", &mut paths);
        assert!(sources > 10 && paths.len() > sources + 10, "sources and templates are found ({} files)", paths.len());
        let mut used = 0;
        let mut unknown = Vec::new();
        for path in &paths {
            let text = std::fs::read_to_string(path).unwrap();
            for literal in id_literals(&text) {
                let namespace = literal.split('-').next().unwrap_or("");
                // An error kind names a pair of messages: "<kind>-title" and "<kind>-body".
                let pair = known.contains(&format!("{literal}-title")) && known.contains(&format!("{literal}-body"));
                if known.contains(&literal) {
                    used += 1;
                }
                if namespaces.contains(namespace) && !known.contains(&literal) && !pair {
                    unknown.push(format!("{}: {literal}", path.strip_prefix(root()).unwrap_or(path).display()));
                }
            }
        }
        assert!(unknown.is_empty(), "unknown message ids: {unknown:#?}");
        assert!(used > 100, "message ids are recognised in code and templates ({used} found)");
        for day in 1..=7 {
            assert!(known.contains(&format!("weekday-{day}")));
        }
    }

    #[test]
    fn plurals_and_numbers_read_naturally() {
        let nb = I18n(Locale::Nb);
        assert_eq!(nb.t1("org-people-count", "count", 1), "Én person");
        assert_eq!(nb.t1("org-people-count", "count", 12), "12 personer");
        assert_eq!(I18n(Locale::Nn).t1("import-refused", "count", 2), "Fila har 2 feil. Ingenting er endra.");
        assert_eq!(nb.number(1234567), "1\u{a0}234\u{a0}567");
        assert_eq!(I18n(Locale::En).weekdays(crate::domain::fields::Weekdays::from_days([1, 5])), "Monday, Friday");
    }
}
