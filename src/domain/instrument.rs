//! Instruments as data: self-assessments, reflections, exercises and surveys are TOML files
//! (`docs/instruments.md`), read and checked here. Nothing about a particular instrument is code.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::Deserialize;

use super::locale::Locale;

/// A text in the three languages. Every one is required; a missing one is reported by `check`.
#[derive(Deserialize, Debug, Clone, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Text {
    nb: Option<String>,
    nn: Option<String>,
    en: Option<String>,
}

impl Text {
    pub fn get(&self, locale: Locale) -> &str {
        let text = match locale {
            Locale::Nb => &self.nb,
            Locale::Nn => &self.nn,
            Locale::En => &self.en,
        };
        text.as_deref().unwrap_or_default()
    }

    /// A problem for each missing translation, at `at.nb` and so on.
    pub fn problems(&self, at: &str) -> Vec<Problem> {
        self.missing().map(|lang| Problem { field: format!("{at}.{lang}"), kind: ProblemKind::MissingTranslation }).collect()
    }

    fn missing(&self) -> impl Iterator<Item = &'static str> + '_ {
        Locale::ALL.into_iter().filter(|l| self.get(*l).trim().is_empty()).map(Locale::code)
    }
}

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    SelfAssessment,
    Reflection,
    Exercise,
    Survey,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::SelfAssessment => "self-assessment",
            Kind::Reflection => "reflection",
            Kind::Exercise => "exercise",
            Kind::Survey => "survey",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        [Kind::SelfAssessment, Kind::Reflection, Kind::Exercise, Kind::Survey].into_iter().find(|k| k.code() == code)
    }
}

/// Who finds the instrument on Utvikling.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    #[default]
    Everyone,
    /// People with reports.
    Leaders,
}

impl Audience {
    pub fn code(self) -> &'static str {
        match self {
            Audience::Everyone => "everyone",
            Audience::Leaders => "leaders",
        }
    }
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: String,
    pub version: i64,
    pub kind: Kind,
    #[serde(default)]
    pub audience: Audience,
    #[serde(default)]
    pub title: Text,
    #[serde(default)]
    pub introduction: Text,
    pub credit: Option<Text>,
    #[serde(default)]
    pub scales: BTreeMap<String, Scale>,
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    pub quadrant: Option<Quadrant>,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    /// Keyed by the value as written ("1", "5").
    #[serde(default)]
    pub labels: BTreeMap<String, Text>,
}

impl Scale {
    pub fn values(&self) -> impl DoubleEndedIterator<Item = i64> + use<> {
        self.min..=self.max
    }
    pub fn label(&self, value: i64) -> Option<&Text> {
        self.labels.get(&value.to_string())
    }
    /// A mean at or above this counts as high in a quadrant.
    pub fn midpoint(&self) -> f64 {
        (self.min + self.max) as f64 / 2.0
    }
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    #[serde(default)]
    pub title: Text,
    pub introduction: Option<Text>,
    #[serde(default)]
    pub items: Vec<Item>,
}

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ItemType {
    Scale,
    Choice,
    Mark,
    ShortText,
    LongText,
    Shares,
    Entries,
}

impl ItemType {
    fn code(self) -> &'static str {
        match self {
            ItemType::Scale => "scale",
            ItemType::Choice => "choice",
            ItemType::Mark => "mark",
            ItemType::ShortText => "short-text",
            ItemType::LongText => "long-text",
            ItemType::Shares => "shares",
            ItemType::Entries => "entries",
        }
    }
}

/// One question. The keys after `help` belong to particular types; `check` reports a key used
/// with a type it does not belong to.
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: ItemType,
    #[serde(default)]
    pub text: Text,
    pub help: Option<Text>,
    #[serde(default = "yes")]
    pub required: bool,
    pub scale: Option<String>,
    pub reverse: Option<bool>,
    pub options: Option<Vec<Choice>>,
    pub max_length: Option<usize>,
    pub parts: Option<Vec<Choice>>,
    pub fields: Option<Vec<EntryField>>,
    pub max_entries: Option<usize>,
    /// How many complete entries a required entries item needs (1 unless set).
    pub min_entries: Option<usize>,
}

fn yes() -> bool {
    true
}

/// An option of a choice, or a part of a shares item.
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    #[serde(default)]
    pub text: Text,
}

/// One field of each entry in an entries item.
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct EntryField {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: ItemType,
    #[serde(default)]
    pub text: Text,
    pub options: Option<Vec<Choice>>,
    pub max_length: Option<usize>,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Quadrant {
    pub x: String,
    pub y: String,
    #[serde(default)]
    pub cells: Vec<Cell>,
}

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    High,
    Low,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    pub id: String,
    pub x: Level,
    pub y: Level,
    #[serde(default)]
    pub title: Text,
    #[serde(default)]
    pub guidance: Text,
}

/// The instruments that ship inside the binary (`instruments/`), in the order Utvikling lists them.
/// The scale items of a built-in instrument, by its id: what a form must answer.
pub fn built_in_scale_items(id: &str) -> Vec<String> {
    BUILT_IN
        .iter()
        .filter_map(|source| Instrument::parse(source).ok())
        .find(|i| i.id == id)
        .map(|i| i.items().filter(|item| item.kind == ItemType::Scale).map(|item| item.id.clone()).collect())
        .unwrap_or_default()
}

pub const BUILT_IN: [&str; 9] = [
    include_str!("../../instruments/active-employeeship.toml"),
    include_str!("../../instruments/leadership-skills.toml"),
    include_str!("../../instruments/self-leadership-reflection.toml"),
    include_str!("../../instruments/prioritisation.toml"),
    include_str!("../../instruments/leaders-four-jobs.toml"),
    include_str!("../../instruments/career-quadrant.toml"),
    include_str!("../../instruments/who-are-you.toml"),
    include_str!("../../instruments/pulse.toml"),
    include_str!("../../instruments/upward-view.toml"),
];

pub const SHORT_TEXT_LENGTH: usize = 200;
pub const LONG_TEXT_LENGTH: usize = 4000;
pub const ENTRIES: usize = 5;

impl Item {
    /// The longest text accepted, in characters.
    pub fn max_length(&self) -> usize {
        text_length(self.kind, self.max_length)
    }
    pub fn max_entries(&self) -> usize {
        self.max_entries.unwrap_or(ENTRIES)
    }
    pub fn min_entries(&self) -> usize {
        self.min_entries.unwrap_or(1)
    }
    pub fn options(&self) -> &[Choice] {
        self.options.as_deref().unwrap_or_default()
    }
    pub fn parts(&self) -> &[Choice] {
        self.parts.as_deref().unwrap_or_default()
    }
    pub fn fields(&self) -> &[EntryField] {
        self.fields.as_deref().unwrap_or_default()
    }
    pub fn is_reversed(&self) -> bool {
        self.reverse.unwrap_or(false)
    }
}

impl EntryField {
    pub fn max_length(&self) -> usize {
        text_length(self.kind, self.max_length)
    }
    pub fn options(&self) -> &[Choice] {
        self.options.as_deref().unwrap_or_default()
    }
}

/// The longest text a text item or field takes: its own `max_length`, or the type's default.
fn text_length(kind: ItemType, max_length: Option<usize>) -> usize {
    max_length.unwrap_or(if kind == ItemType::LongText { LONG_TEXT_LENGTH } else { SHORT_TEXT_LENGTH })
}

impl Instrument {
    /// Reads and checks an instrument file: the instrument, or every problem found.
    pub fn parse(source: &str) -> Result<Instrument, Vec<Problem>> {
        let instrument: Instrument = toml::from_str(source).map_err(|e| vec![Problem::syntax(source, &e)])?;
        let problems = instrument.check();
        if problems.is_empty() { Ok(instrument) } else { Err(problems) }
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.dimensions.iter().flat_map(|d| &d.items)
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    pub fn scale_of(&self, item: &Item) -> Option<&Scale> {
        item.scale.as_ref().and_then(|s| self.scales.get(s))
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// Every rule of the format that the file's structure alone cannot carry.
    fn check(&self) -> Vec<Problem> {
        let mut p = Problems::default();
        p.id("id", &self.id);
        if self.version < 1 {
            p.push("version", ProblemKind::BadVersion);
        }
        p.text("title", &self.title);
        p.text("introduction", &self.introduction);
        if let Some(credit) = &self.credit {
            p.text("credit", credit);
        }
        for (name, scale) in &self.scales {
            let at = format!("scales.{name}");
            p.id(&at, name);
            if !(0 <= scale.min && scale.min < scale.max && scale.max <= 10) {
                p.push(&at, ProblemKind::BadScale);
                continue;
            }
            for end in [scale.min, scale.max] {
                if scale.label(end).is_none() {
                    p.push(&format!("{at}.labels.\"{end}\""), ProblemKind::MissingLabel);
                }
            }
            for (value, label) in &scale.labels {
                let label_at = format!("{at}.labels.\"{value}\"");
                match value.parse::<i64>() {
                    Ok(v) if (scale.min..=scale.max).contains(&v) => p.text(&label_at, label),
                    _ => p.push(&label_at, ProblemKind::LabelOutOfRange),
                }
            }
        }
        if self.dimensions.is_empty() {
            p.push("dimensions", ProblemKind::NoDimensions);
        }
        let mut dimension_ids = HashSet::new();
        let mut item_ids = HashSet::new();
        for (d, dimension) in self.dimensions.iter().enumerate() {
            let at = format!("dimensions[{}]", d + 1);
            p.id(&format!("{at}.id"), &dimension.id);
            if !dimension_ids.insert(dimension.id.as_str()) {
                p.push(&format!("{at}.id"), ProblemKind::DuplicateId(dimension.id.clone()));
            }
            p.text(&format!("{at}.title"), &dimension.title);
            if let Some(intro) = &dimension.introduction {
                p.text(&format!("{at}.introduction"), intro);
            }
            if dimension.items.is_empty() {
                p.push(&at, ProblemKind::EmptyDimension);
            }
            for (i, item) in dimension.items.iter().enumerate() {
                let at = format!("{at}.items[{}]", i + 1);
                p.id(&format!("{at}.id"), &item.id);
                if !item_ids.insert(item.id.as_str()) {
                    p.push(&format!("{at}.id"), ProblemKind::DuplicateId(item.id.clone()));
                }
                self.check_item(&mut p, &at, item);
            }
        }
        if let Some(q) = &self.quadrant {
            for (axis, id) in [("x", &q.x), ("y", &q.y)] {
                let scored = self.dimension(id).is_some_and(|d| d.items.iter().any(|i| i.kind == ItemType::Scale));
                if !scored {
                    p.push(&format!("quadrant.{axis}"), ProblemKind::QuadrantAxis(id.clone()));
                }
            }
            let mut seen = HashSet::new();
            for (c, cell) in q.cells.iter().enumerate() {
                let at = format!("quadrant.cells[{}]", c + 1);
                p.id(&format!("{at}.id"), &cell.id);
                p.text(&format!("{at}.title"), &cell.title);
                p.text(&format!("{at}.guidance"), &cell.guidance);
                if !seen.insert((cell.x, cell.y)) {
                    p.push(&at, ProblemKind::QuadrantCells);
                }
            }
            if q.cells.len() != 4 || seen.len() != 4 {
                p.push("quadrant.cells", ProblemKind::QuadrantCells);
            }
        }
        p.0
    }

    fn check_item(&self, p: &mut Problems, at: &str, item: &Item) {
        p.text(&format!("{at}.text"), &item.text);
        if let Some(help) = &item.help {
            p.text(&format!("{at}.help"), help);
        }
        let t = item.kind;
        let keys: [(&str, bool, bool); 8] = [
            ("scale", item.scale.is_some(), t == ItemType::Scale),
            ("reverse", item.reverse.is_some(), t == ItemType::Scale),
            ("options", item.options.is_some(), t == ItemType::Choice),
            ("max_length", item.max_length.is_some(), matches!(t, ItemType::ShortText | ItemType::LongText)),
            ("parts", item.parts.is_some(), t == ItemType::Shares),
            ("fields", item.fields.is_some(), t == ItemType::Entries),
            ("max_entries", item.max_entries.is_some(), t == ItemType::Entries),
            ("min_entries", item.min_entries.is_some(), t == ItemType::Entries),
        ];
        for (key, present, belongs) in keys {
            if present && !belongs {
                p.push(&format!("{at}.{key}"), ProblemKind::KeyNotForType(t.code()));
            }
        }
        match t {
            ItemType::Scale => match &item.scale {
                None => p.push(&format!("{at}.scale"), ProblemKind::Missing),
                Some(s) if !self.scales.contains_key(s) => p.push(&format!("{at}.scale"), ProblemKind::UnknownScale(s.clone())),
                Some(_) => {}
            },
            ItemType::Choice => p.choices(&format!("{at}.options"), item.options.as_deref()),
            ItemType::Shares => p.choices(&format!("{at}.parts"), item.parts.as_deref()),
            ItemType::ShortText | ItemType::LongText => p.length(at, t, item.max_length),
            ItemType::Entries => {
                if !(1..=20).contains(&item.max_entries()) {
                    p.push(&format!("{at}.max_entries"), ProblemKind::BadMaxEntries);
                } else if !(1..=item.max_entries()).contains(&item.min_entries()) {
                    p.push(&format!("{at}.min_entries"), ProblemKind::BadMinEntries);
                }
                match &item.fields {
                    None => p.push(&format!("{at}.fields"), ProblemKind::Missing),
                    Some(fields) if fields.is_empty() => p.push(&format!("{at}.fields"), ProblemKind::Missing),
                    Some(fields) => {
                        let mut ids = HashSet::new();
                        for (f, field) in fields.iter().enumerate() {
                            let at = format!("{at}.fields[{}]", f + 1);
                            p.id(&format!("{at}.id"), &field.id);
                            if !ids.insert(field.id.as_str()) {
                                p.push(&format!("{at}.id"), ProblemKind::DuplicateId(field.id.clone()));
                            }
                            p.text(&format!("{at}.text"), &field.text);
                            match field.kind {
                                ItemType::ShortText | ItemType::LongText => p.length(&at, field.kind, field.max_length),
                                ItemType::Choice => p.choices(&format!("{at}.options"), field.options.as_deref()),
                                other => p.push(&format!("{at}.type"), ProblemKind::BadFieldType(other.code())),
                            }
                            if field.options.is_some() && field.kind != ItemType::Choice {
                                p.push(&format!("{at}.options"), ProblemKind::KeyNotForType(field.kind.code()));
                            }
                        }
                    }
                }
            }
            ItemType::Mark => {}
        }
    }
}

/// One thing wrong with an instrument file, at a field named as in the file
/// (`dimensions[2].items[1].text.nn`).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub field: String,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file is not valid TOML or does not have the format's shape (the parser's message).
    Syntax(String),
    MissingTranslation,
    Missing,
    BadId,
    DuplicateId(String),
    BadVersion,
    BadScale,
    MissingLabel,
    LabelOutOfRange,
    UnknownScale(String),
    NoDimensions,
    EmptyDimension,
    TooFewChoices,
    BadLength,
    BadMaxEntries,
    BadMinEntries,
    BadFieldType(&'static str),
    KeyNotForType(&'static str),
    QuadrantAxis(String),
    QuadrantCells,
}

impl Problem {
    pub fn bad_id(field: &str) -> Problem {
        Problem { field: field.to_string(), kind: ProblemKind::BadId }
    }

    pub fn missing(field: &str) -> Problem {
        Problem { field: field.to_string(), kind: ProblemKind::Missing }
    }

    /// The file is not TOML, or not of the expected shape; the field is the line.
    pub fn syntax(source: &str, e: &toml::de::Error) -> Problem {
        let message = e.message().to_string();
        let field = match e.span() {
            Some(span) => format!("line {}", source.get(..span.start).unwrap_or(source).matches('\n').count() + 1),
            None => String::new(),
        };
        Problem { field, kind: ProblemKind::Syntax(message) }
    }

    /// The Fluent message that explains the problem, with its arguments.
    pub fn message_key(&self) -> (&'static str, Vec<(&'static str, String)>) {
        use ProblemKind::*;
        match &self.kind {
            Syntax(m) => ("instrument-problem-syntax", vec![("detail", m.clone())]),
            MissingTranslation => ("instrument-problem-missing-translation", vec![]),
            Missing => ("instrument-problem-missing", vec![]),
            BadId => ("instrument-problem-bad-id", vec![]),
            DuplicateId(id) => ("instrument-problem-duplicate-id", vec![("id", id.clone())]),
            BadVersion => ("instrument-problem-bad-version", vec![]),
            BadScale => ("instrument-problem-bad-scale", vec![]),
            MissingLabel => ("instrument-problem-missing-label", vec![]),
            LabelOutOfRange => ("instrument-problem-label-out-of-range", vec![]),
            UnknownScale(s) => ("instrument-problem-unknown-scale", vec![("scale", s.clone())]),
            NoDimensions => ("instrument-problem-no-dimensions", vec![]),
            EmptyDimension => ("instrument-problem-empty-dimension", vec![]),
            TooFewChoices => ("instrument-problem-too-few-choices", vec![]),
            BadLength => ("instrument-problem-bad-length", vec![]),
            BadMaxEntries => ("instrument-problem-bad-max-entries", vec![]),
            BadMinEntries => ("instrument-problem-bad-min-entries", vec![]),
            BadFieldType(t) => ("instrument-problem-bad-field-type", vec![("type", t.to_string())]),
            KeyNotForType(t) => ("instrument-problem-key-not-for-type", vec![("type", t.to_string())]),
            QuadrantAxis(d) => ("instrument-problem-quadrant-axis", vec![("dimension", d.clone())]),
            QuadrantCells => ("instrument-problem-quadrant-cells", vec![]),
        }
    }
}

/// English, for the command line.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind::*;
        let message = match &self.kind {
            Syntax(m) => m.trim().to_string(),
            MissingTranslation => "missing translation".into(),
            Missing => "missing".into(),
            BadId => "bad id: use lowercase letters and digits, words joined by single hyphens, at most 64 characters".into(),
            DuplicateId(id) => format!("duplicate id \"{id}\""),
            BadVersion => "the version must be a whole number of at least 1".into(),
            BadScale => "bad scale: min and max must be whole numbers with 0 <= min < max <= 10".into(),
            MissingLabel => "missing label: the scale's lowest and highest values need one".into(),
            LabelOutOfRange => "label for a value outside the scale".into(),
            UnknownScale(s) => format!("unknown scale \"{s}\""),
            NoDimensions => "no dimensions".into(),
            EmptyDimension => "empty dimension: it has no items".into(),
            TooFewChoices => "at least two, each with its own id".into(),
            BadLength => "bad max_length: 1 to 1000 for short text, 1 to 20000 for long text".into(),
            BadMaxEntries => "bad max_entries: 1 to 20".into(),
            BadMinEntries => "bad min_entries: 1 to max_entries".into(),
            BadFieldType(t) => format!("a field of an entry cannot be of type \"{t}\" (short-text, long-text or choice)"),
            KeyNotForType(t) => format!("does not apply to an item of type \"{t}\""),
            QuadrantAxis(d) => format!("\"{d}\" is not a dimension with scale items"),
            QuadrantCells => "a quadrant needs exactly four cells, one for each combination of high and low".into(),
        };
        if self.field.is_empty() { write!(f, "{message}") } else { write!(f, "{}: {message}", self.field) }
    }
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn push(&mut self, field: &str, kind: ProblemKind) {
        self.0.push(Problem { field: field.to_string(), kind });
    }

    fn text(&mut self, at: &str, text: &Text) {
        self.0.extend(text.problems(at));
    }

    fn id(&mut self, at: &str, id: &str) {
        if !is_id(id) {
            self.push(at, ProblemKind::BadId);
        }
    }

    fn choices(&mut self, at: &str, choices: Option<&[Choice]>) {
        let choices = choices.unwrap_or_default();
        let distinct: HashSet<&str> = choices.iter().map(|c| c.id.as_str()).collect();
        if choices.len() < 2 || distinct.len() != choices.len() {
            self.push(at, ProblemKind::TooFewChoices);
        }
        for (c, choice) in choices.iter().enumerate() {
            self.id(&format!("{at}[{}].id", c + 1), &choice.id);
            self.text(&format!("{at}[{}].text", c + 1), &choice.text);
        }
    }

    fn length(&mut self, at: &str, kind: ItemType, max_length: Option<usize>) {
        let limit = if kind == ItemType::LongText { 20_000 } else { 1_000 };
        if max_length.is_some_and(|m| !(1..=limit).contains(&m)) {
            self.push(&format!("{at}.max_length"), ProblemKind::BadLength);
        }
    }
}

/// Lowercase letters and digits, words joined by single hyphens, at most 64 characters.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
id = "check-in"
version = 1
kind = "self-assessment"
title = { nb = "Innsjekk", nn = "Innsjekk", en = "Check-in" }
introduction = { nb = "Kort.", nn = "Kort.", en = "Short." }

[scales.extent]
min = 1
max = 5
labels."1" = { nb = "Lite", nn = "Lite", en = "Little" }
labels."5" = { nb = "Mye", nn = "Mykje", en = "Much" }

[[dimensions]]
id = "focus"
title = { nb = "Fokus", nn = "Fokus", en = "Focus" }

[[dimensions.items]]
id = "clear-goals"
type = "scale"
scale = "extent"
text = { nb = "Jeg vet hva som er viktigst.", nn = "Eg veit kva som er viktigast.", en = "I know what matters most." }
"#;

    fn problems(source: &str) -> Vec<String> {
        match Instrument::parse(source) {
            Ok(_) => vec![],
            Err(p) => p.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn every_built_in_instrument_loads_in_all_three_languages() {
        let mut ids = HashSet::new();
        for source in BUILT_IN {
            let i = Instrument::parse(source)
                .unwrap_or_else(|p| panic!("{}", p.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
            assert!(ids.insert(i.id.clone()), "{} twice", i.id);
            for locale in Locale::ALL {
                assert!(!i.title.get(locale).is_empty());
                for item in i.items() {
                    assert!(!item.text.get(locale).trim().is_empty(), "{} {} {locale:?}", i.id, item.id);
                }
            }
        }
        assert_eq!(ids.len(), BUILT_IN.len());
    }

    #[test]
    fn the_documented_example_is_valid() {
        let doc = include_str!("../../docs/instruments.md");
        let example = doc
            .split("## A complete example")
            .nth(1)
            .and_then(|rest| rest.split("```toml").nth(1))
            .and_then(|rest| rest.split("```").next())
            .unwrap();
        Instrument::parse(example).unwrap_or_else(|p| panic!("{p:?}"));
    }

    #[test]
    fn a_minimal_instrument_loads() {
        let i = Instrument::parse(MINIMAL).unwrap();
        assert_eq!(i.id, "check-in");
        assert_eq!(i.item("clear-goals").unwrap().text.get(Locale::Nn), "Eg veit kva som er viktigast.");
        assert!(i.item("clear-goals").unwrap().required);
    }

    #[test]
    fn a_missing_translation_names_the_field() {
        let source = MINIMAL.replace(r#"nn = "Eg veit kva som er viktigast.", "#, "");
        assert_eq!(problems(&source), ["dimensions[1].items[1].text.nn: missing translation"]);
    }

    #[test]
    fn a_duplicate_item_id_is_reported() {
        let source = format!(
            "{MINIMAL}\n[[dimensions.items]]\nid = \"clear-goals\"\ntype = \"mark\"\ntext = {{ nb = \"a\", nn = \"a\", en = \"a\" }}\n"
        );
        assert_eq!(problems(&source), ["dimensions[1].items[2].id: duplicate id \"clear-goals\""]);
    }

    #[test]
    fn an_empty_dimension_is_reported() {
        let source = format!("{MINIMAL}\n[[dimensions]]\nid = \"empty\"\ntitle = {{ nb = \"T\", nn = \"T\", en = \"T\" }}\n");
        assert_eq!(problems(&source), ["dimensions[2]: empty dimension: it has no items"]);
    }

    #[test]
    fn a_bad_scale_is_reported() {
        let source = MINIMAL.replace("max = 5", "max = 1");
        assert_eq!(problems(&source), ["scales.extent: bad scale: min and max must be whole numbers with 0 <= min < max <= 10"]);
        let source = MINIMAL.replace("labels.\"5\"", "labels.\"7\"");
        assert_eq!(
            problems(&source),
            [
                "scales.extent.labels.\"5\": missing label: the scale's lowest and highest values need one",
                "scales.extent.labels.\"7\": label for a value outside the scale"
            ]
        );
        let source = MINIMAL.replace("scale = \"extent\"", "scale = \"agreement\"");
        assert_eq!(problems(&source), ["dimensions[1].items[1].scale: unknown scale \"agreement\""]);
    }

    #[test]
    fn keys_of_another_type_and_unknown_keys_are_reported() {
        let source = MINIMAL.replace("scale = \"extent\"", "scale = \"extent\"\nmax_entries = 2");
        assert_eq!(problems(&source), ["dimensions[1].items[1].max_entries: does not apply to an item of type \"scale\""]);
        let source = MINIMAL.replace("version = 1", "version = 1\ncolour = \"red\"");
        let found = problems(&source);
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("colour"), "{found:?}");
    }

    #[test]
    fn bad_ids_and_versions_are_reported() {
        let source = MINIMAL.replace("id = \"check-in\"", "id = \"Check In\"").replace("version = 1", "version = 0");
        assert_eq!(
            problems(&source),
            [
                "id: bad id: use lowercase letters and digits, words joined by single hyphens, at most 64 characters",
                "version: the version must be a whole number of at least 1"
            ]
        );
    }

    #[test]
    fn a_quadrant_needs_four_cells_on_scored_dimensions() {
        let source = format!(
            "{MINIMAL}\n[quadrant]\nx = \"focus\"\ny = \"nowhere\"\n[[quadrant.cells]]\nid = \"a\"\nx = \"high\"\ny = \"high\"\ntitle = {{ nb = \"A\", nn = \"A\", en = \"A\" }}\nguidance = {{ nb = \"A\", nn = \"A\", en = \"A\" }}\n"
        );
        assert_eq!(
            problems(&source),
            [
                "quadrant.y: \"nowhere\" is not a dimension with scale items",
                "quadrant.cells: a quadrant needs exactly four cells, one for each combination of high and low"
            ]
        );
    }

    #[test]
    fn choices_lengths_entries_and_missing_keys_are_reported() {
        let item = |body: &str| {
            format!("{MINIMAL}\n[[dimensions.items]]\nid = \"extra\"\ntext = {{ nb = \"a\", nn = \"a\", en = \"a\" }}\n{body}\n")
        };
        let one = r#"{ id = "a", text = { nb = "a", nn = "a", en = "a" } }"#;
        let cases = [
            (format!("type = \"choice\"\noptions = [{one}]"), "dimensions[1].items[2].options: at least two, each with its own id"),
            (format!("type = \"shares\"\nparts = [{one}, {one}]"), "dimensions[1].items[2].parts: at least two, each with its own id"),
            (
                "type = \"short-text\"\nmax_length = 5000".to_string(),
                "dimensions[1].items[2].max_length: bad max_length: 1 to 1000 for short text, 1 to 20000 for long text",
            ),
            (
                "type = \"entries\"\nmax_entries = 30\nfields = [{ id = \"a\", type = \"short-text\", text = { nb = \"a\", nn = \"a\", en = \"a\" } }]"
                    .to_string(),
                "dimensions[1].items[2].max_entries: bad max_entries: 1 to 20",
            ),
            (
                "type = \"entries\"\nmax_entries = 2\nmin_entries = 3\nfields = [{ id = \"a\", type = \"short-text\", text = { nb = \"a\", nn = \"a\", en = \"a\" } }]"
                    .to_string(),
                "dimensions[1].items[2].min_entries: bad min_entries: 1 to max_entries",
            ),
            (
                "type = \"long-text\"\nmin_entries = 1".to_string(),
                "dimensions[1].items[2].min_entries: does not apply to an item of type \"long-text\"",
            ),
            (
                "type = \"entries\"\nfields = [{ id = \"a\", type = \"mark\", text = { nb = \"a\", nn = \"a\", en = \"a\" } }]".to_string(),
                "dimensions[1].items[2].fields[1].type: a field of an entry cannot be of type \"mark\" (short-text, long-text or choice)",
            ),
            ("type = \"entries\"".to_string(), "dimensions[1].items[2].fields: missing"),
            ("type = \"scale\"".to_string(), "dimensions[1].items[2].scale: missing"),
        ];
        for (body, expected) in cases {
            assert_eq!(problems(&item(&body)), [expected], "{body}");
        }
        let no_dimensions = MINIMAL.split("[[dimensions]]").next().unwrap();
        assert_eq!(problems(no_dimensions), ["dimensions: no dimensions"]);
    }

    #[test]
    fn a_file_that_is_not_toml_is_one_problem() {
        let found = problems("id = ");
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("line 1: "), "{found:?}");
    }

    #[test]
    fn ids_are_lowercase_words() {
        assert!(is_id("leadership-skills"));
        assert!(is_id("q1"));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "æ", &"a".repeat(65)] {
            assert!(!is_id(bad), "{bad}");
        }
    }
}
