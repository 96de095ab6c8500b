//! Fluent messages in bokmål, nynorsk and English, embedded in the binary.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

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

static IDS: LazyLock<[LanguageIdentifier; 3]> = LazyLock::new(|| {
    Locale::ALL.map(|l| l.code().parse().unwrap_or_default())
});

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
    pub fn t(&self, key: &str) -> String {
        LOCALES.try_lookup(id(self.0), key).unwrap_or_else(|| key.to_string())
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

    /// The message with one argument.
    pub fn t1(&self, key: &str, name: &str, value: impl ToString) -> String {
        self.t_with(key, &[(name, value.to_string())])
    }

    /// Does the message exist in this language itself, without falling back?
    pub fn has(&self, key: &str) -> bool {
        LOCALES.lookup_single_language::<&str>(id(self.0), key, None).is_ok()
    }

    /// A weekday by ISO number (1 = Monday).
    pub fn weekday(&self, iso_day: u8) -> String {
        self.t(&format!("weekday-{iso_day}"))
    }

    /// Weekdays as a readable list, or the "none" message.
    pub fn weekdays(&self, days: crate::domain::fields::Weekdays) -> String {
        if days.is_empty() {
            return self.t("weekday-none");
        }
        days.days().map(|d| self.weekday(d)).collect::<Vec<_>>().join(", ")
    }

    pub fn number(&self, n: i64) -> String {
        self.0.format_number(n)
    }
}
