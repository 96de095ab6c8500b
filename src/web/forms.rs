//! A submitted form's values and errors, so a rejected form comes back as the user typed it.

use std::collections::HashMap;

use crate::domain::fields::FieldError;
use crate::web::i18n::I18n;

/// Values by field name, and the error messages (already translated) in field order.
#[derive(Clone, Debug, Default)]
pub struct FormState {
    values: HashMap<String, String>,
    errors: Vec<(String, String)>,
}

impl FormState {
    pub fn new() -> FormState {
        FormState::default()
    }

    pub fn with_values<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> FormState {
        FormState { values: pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect(), errors: Vec::new() }
    }

    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.values.insert(name.to_string(), value.into());
    }

    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map(String::as_str).unwrap_or("")
    }

    pub fn is_checked(&self, name: &str) -> bool {
        matches!(self.value(name), "on" | "true" | "1")
    }

    pub fn error(&self, name: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| f == name).map(|(_, m)| m.as_str())
    }

    pub fn errors(&self) -> &[(String, String)] {
        &self.errors
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Records an error message (already translated) against a field; the first one per field wins.
    pub fn add_error(&mut self, name: &str, message: String) {
        if self.error(name).is_none() {
            self.errors.push((name.to_string(), message));
        }
    }

    /// Records a field error in the user's language.
    pub fn field_error(&mut self, i18n: &I18n, name: &str, error: &FieldError) {
        let (key, args) = error.message();
        self.add_error(name, i18n.t_with(key, &args));
    }

    /// Runs a parser on a field, recording its error; `None` when it failed.
    pub fn check<T>(&mut self, i18n: &I18n, name: &str, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.field_error(i18n, name, &e);
                None
            }
        }
    }
}
