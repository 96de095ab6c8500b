//! Answers to an instrument: reading them from a form, what is still missing, and scoring.
//!
//! A form field is named after its item: `q.{item}`, `q.{item}.{part}` for a share and
//! `q.{item}.{entry}.{field}` for an entry (entries counted from 1).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::instrument::{Cell, Dimension, Instrument, Item, ItemType, Level, Scale};

/// One item's answer as stored; which variant an item takes follows from its type.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(untagged)]
pub enum Answer {
    /// A scale value.
    Number(i64),
    /// A choice's or a mark's id, or a text.
    Text(String),
    /// Percentages by part.
    Shares(BTreeMap<String, i64>),
    /// Entries, each a map of field to text or choice id.
    Entries(Vec<BTreeMap<String, String>>),
}

/// Every answer of an attempt, by item id.
pub type Answers = BTreeMap<String, Answer>;

/// The three marks of a mark item.
pub const MARKS: [&str; 3] = ["strength", "demanding", "neither"];

#[derive(Debug, Clone, PartialEq)]
pub enum AnswerError {
    Required,
    OutOfRange { min: i64, max: i64 },
    UnknownChoice,
    TooLong { max: usize },
    SharesSum { sum: i64 },
    TooFewEntries { count: usize },
}

/// What a form held for some items: the answers that can be stored, and the fields that could
/// not, with the text as typed so the form can show it again.
#[derive(Debug, Default)]
pub struct Reading {
    pub answers: Answers,
    /// By form field name, or by item id for a rule about the whole item (shares, required).
    pub errors: BTreeMap<String, AnswerError>,
    pub typed: HashMap<String, String>,
}

impl Reading {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

pub fn field(item: &str) -> String {
    format!("q.{item}")
}
pub fn share_field(item: &str, part: &str) -> String {
    format!("q.{item}.{part}")
}
pub fn entry_field(item: &str, entry: usize, field: &str) -> String {
    format!("q.{item}.{entry}.{field}")
}

/// Reads the answers to `items` from a submitted form. An empty field is no answer; a value
/// that breaks a rule is reported and not stored.
pub fn read<'a>(instrument: &Instrument, items: impl IntoIterator<Item = &'a Item>, form: &[(String, String)]) -> Reading {
    let values: HashMap<&str, &str> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let get = |name: &str| values.get(name).map_or("", |v| v.trim_end());
    let mut r = Reading::default();
    for item in items {
        let name = field(&item.id);
        match item.kind {
            ItemType::Scale => {
                let typed = get(&name).trim();
                if typed.is_empty() {
                    continue;
                }
                r.typed.insert(name.clone(), typed.to_string());
                let Some(scale) = instrument.scale_of(item) else { continue };
                match typed.parse::<i64>() {
                    Ok(v) if (scale.min..=scale.max).contains(&v) => {
                        r.answers.insert(item.id.clone(), Answer::Number(v));
                    }
                    _ => {
                        r.errors.insert(name, AnswerError::OutOfRange { min: scale.min, max: scale.max });
                    }
                }
            }
            ItemType::Choice | ItemType::Mark => {
                let typed = get(&name).trim();
                if typed.is_empty() {
                    continue;
                }
                r.typed.insert(name.clone(), typed.to_string());
                let known = if item.kind == ItemType::Mark { MARKS.contains(&typed) } else { item.options().iter().any(|o| o.id == typed) };
                if known {
                    r.answers.insert(item.id.clone(), Answer::Text(typed.to_string()));
                } else {
                    r.errors.insert(name, AnswerError::UnknownChoice);
                }
            }
            ItemType::ShortText | ItemType::LongText => {
                let typed = get(&name);
                if typed.trim().is_empty() {
                    continue;
                }
                r.typed.insert(name.clone(), typed.to_string());
                if typed.chars().count() > item.max_length() {
                    r.errors.insert(name, AnswerError::TooLong { max: item.max_length() });
                } else {
                    r.answers.insert(item.id.clone(), Answer::Text(typed.to_string()));
                }
            }
            ItemType::Shares => read_shares(&mut r, item, &get),
            ItemType::Entries => read_entries(&mut r, item, &get),
        }
    }
    r
}

fn read_shares<'f>(r: &mut Reading, item: &Item, get: &impl Fn(&str) -> &'f str) {
    let mut shares = BTreeMap::new();
    let mut typed_any = false;
    let mut well_formed = true;
    for part in item.parts() {
        let name = share_field(&item.id, &part.id);
        let typed = get(&name).trim().trim_end_matches('%').trim();
        if typed.is_empty() {
            shares.insert(part.id.clone(), 0);
            continue;
        }
        typed_any = true;
        r.typed.insert(name.clone(), typed.to_string());
        match typed.parse::<i64>() {
            Ok(v) if (0..=100).contains(&v) => {
                shares.insert(part.id.clone(), v);
            }
            _ => {
                well_formed = false;
                r.errors.insert(name, AnswerError::OutOfRange { min: 0, max: 100 });
            }
        }
    }
    if !typed_any || !well_formed {
        return;
    }
    let sum: i64 = shares.values().sum();
    if sum == 100 {
        r.answers.insert(item.id.clone(), Answer::Shares(shares));
    } else {
        // Under the item's own field, the first of its inputs, so that the summary links to it.
        r.errors.insert(field(&item.id), AnswerError::SharesSum { sum });
    }
}

fn read_entries<'f>(r: &mut Reading, item: &Item, get: &impl Fn(&str) -> &'f str) {
    let mut entries = Vec::new();
    let mut well_formed = true;
    for n in 1..=item.max_entries() {
        let mut entry = BTreeMap::new();
        for f in item.fields() {
            let name = entry_field(&item.id, n, &f.id);
            let typed = get(&name);
            if typed.trim().is_empty() {
                continue;
            }
            r.typed.insert(name.clone(), typed.to_string());
            let error = match f.kind {
                ItemType::Choice if !f.options().iter().any(|o| o.id == typed.trim()) => Some(AnswerError::UnknownChoice),
                ItemType::ShortText | ItemType::LongText if typed.chars().count() > f.max_length() => {
                    Some(AnswerError::TooLong { max: f.max_length() })
                }
                _ => None,
            };
            match error {
                Some(e) => {
                    well_formed = false;
                    r.errors.insert(name, e);
                }
                None => {
                    let value = if f.kind == ItemType::Choice { typed.trim() } else { typed };
                    entry.insert(f.id.clone(), value.to_string());
                }
            }
        }
        if !entry.is_empty() {
            entries.push(entry);
        }
    }
    if well_formed && !entries.is_empty() {
        r.answers.insert(item.id.clone(), Answer::Entries(entries));
    }
}

/// The form's values for stored answers, by field name: what a form shows when it opens again.
pub fn form_values(instrument: &Instrument, answers: &Answers) -> HashMap<String, String> {
    let mut values = HashMap::new();
    for item in instrument.items() {
        match answers.get(&item.id) {
            Some(Answer::Number(v)) => {
                values.insert(field(&item.id), v.to_string());
            }
            Some(Answer::Text(t)) => {
                values.insert(field(&item.id), t.clone());
            }
            Some(Answer::Shares(shares)) => {
                for (part, v) in shares {
                    values.insert(share_field(&item.id, part), v.to_string());
                }
            }
            Some(Answer::Entries(entries)) => {
                for (n, entry) in entries.iter().enumerate() {
                    for (f, v) in entry {
                        values.insert(entry_field(&item.id, n + 1, f), v.clone());
                    }
                }
            }
            None => {}
        }
    }
    values
}

/// Whether an answer is a usable answer to `item` (the right shape, and for entries at least
/// one with every field filled in).
fn answers_item(item: &Item, answer: Option<&Answer>) -> bool {
    match (item.kind, answer) {
        (ItemType::Scale, Some(Answer::Number(_))) => true,
        (ItemType::Choice | ItemType::Mark | ItemType::ShortText | ItemType::LongText, Some(Answer::Text(t))) => !t.trim().is_empty(),
        (ItemType::Shares, Some(Answer::Shares(s))) => s.values().sum::<i64>() == 100,
        (ItemType::Entries, Some(Answer::Entries(entries))) => {
            let complete = entries.iter().filter(|e| item.fields().iter().all(|f| e.get(&f.id).is_some_and(|v| !v.trim().is_empty())));
            complete.count() >= item.min_entries()
        }
        _ => false,
    }
}

/// Why a required item counts as unanswered.
pub fn missing_error(item: &Item) -> AnswerError {
    match item.kind {
        ItemType::Entries if item.min_entries() > 1 => AnswerError::TooFewEntries { count: item.min_entries() },
        _ => AnswerError::Required,
    }
}

/// The required items of `dimension` without an answer.
pub fn missing<'a>(dimension: &'a Dimension, answers: &Answers) -> impl Iterator<Item = &'a Item> {
    dimension.items.iter().filter(|i| i.required && !answers_item(i, answers.get(&i.id)))
}

/// How many items of the instrument are answered, of how many.
pub fn progress(instrument: &Instrument, answers: &Answers) -> (usize, usize) {
    let answered = instrument.items().filter(|i| answers_item(i, answers.get(&i.id))).count();
    (answered, instrument.items().count())
}

/// An item's scale value as scored: reverse-scored items flipped.
pub fn item_score(scale: &Scale, item: &Item, answer: Option<&Answer>) -> Option<i64> {
    match answer {
        Some(Answer::Number(v)) if (scale.min..=scale.max).contains(v) => {
            Some(if item.is_reversed() { scale.max + scale.min - v } else { *v })
        }
        _ => None,
    }
}

/// A scored dimension: the mean of its answered scale items.
#[derive(Debug, Clone)]
pub struct DimensionScore<'a> {
    pub dimension: &'a Dimension,
    pub scale: &'a Scale,
    pub mean: Option<f64>,
    pub answered: usize,
    pub items: usize,
}

/// The scores of every dimension that has scale items, in the instrument's order.
pub fn scores<'a>(instrument: &'a Instrument, answers: &Answers) -> Vec<DimensionScore<'a>> {
    instrument
        .dimensions
        .iter()
        .filter_map(|d| {
            let scaled: Vec<(&Item, &Scale)> =
                d.items.iter().filter(|i| i.kind == ItemType::Scale).filter_map(|i| Some((i, instrument.scale_of(i)?))).collect();
            let scale = scaled.first()?.1;
            let values: Vec<i64> = scaled.iter().filter_map(|(i, s)| item_score(s, i, answers.get(&i.id))).collect();
            let mean = (!values.is_empty()).then(|| values.iter().sum::<i64>() as f64 / values.len() as f64);
            Some(DimensionScore { dimension: d, scale, mean, answered: values.len(), items: scaled.len() })
        })
        .collect()
}

/// Where the answers place the person in the instrument's quadrant, when it has one and both
/// of its dimensions have a score. A mean on the midpoint counts as high.
pub fn quadrant<'a>(instrument: &'a Instrument, answers: &Answers) -> Option<&'a Cell> {
    let q = instrument.quadrant.as_ref()?;
    let scores = scores(instrument, answers);
    let level = |id: &str| {
        let s = scores.iter().find(|s| s.dimension.id == id)?;
        Some(if s.mean? >= s.scale.midpoint() { Level::High } else { Level::Low })
    };
    let (x, y) = (level(&q.x)?, level(&q.y)?);
    q.cells.iter().find(|c| c.x == x && c.y == y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SOURCE: &str = r#"
id = "test"
version = 1
kind = "exercise"
title = { nb = "T", nn = "T", en = "T" }
introduction = { nb = "I", nn = "I", en = "I" }

[scales.agree]
min = 1
max = 5
labels."1" = { nb = "Uenig", nn = "Usamd", en = "Disagree" }
labels."5" = { nb = "Enig", nn = "Samd", en = "Agree" }

[[dimensions]]
id = "awareness"
title = { nb = "A", nn = "A", en = "A" }
[[dimensions.items]]
id = "values"
type = "scale"
scale = "agree"
text = { nb = "v", nn = "v", en = "v" }
[[dimensions.items]]
id = "unsure"
type = "scale"
scale = "agree"
reverse = true
text = { nb = "u", nn = "u", en = "u" }

[[dimensions]]
id = "adaptability"
title = { nb = "B", nn = "B", en = "B" }
[[dimensions.items]]
id = "change"
type = "scale"
scale = "agree"
text = { nb = "c", nn = "c", en = "c" }

[[dimensions]]
id = "time"
title = { nb = "Tid", nn = "Tid", en = "Time" }
[[dimensions.items]]
id = "now"
type = "shares"
parts = [{ id = "a", text = { nb = "a", nn = "a", en = "a" } }, { id = "b", text = { nb = "b", nn = "b", en = "b" } }]
text = { nb = "n", nn = "n", en = "n" }
[[dimensions.items]]
id = "areas"
type = "entries"
max_entries = 2
fields = [{ id = "area", type = "short-text", max_length = 10, text = { nb = "o", nn = "o", en = "o" } },
          { id = "how", type = "long-text", text = { nb = "h", nn = "h", en = "h" } }]
text = { nb = "e", nn = "e", en = "e" }
[[dimensions.items]]
id = "note"
type = "long-text"
required = false
max_length = 5
text = { nb = "n", nn = "n", en = "n" }
[[dimensions.items]]
id = "mark"
type = "mark"
text = { nb = "m", nn = "m", en = "m" }

[quadrant]
x = "adaptability"
y = "awareness"
[[quadrant.cells]]
id = "proactive"
x = "high"
y = "high"
title = { nb = "P", nn = "P", en = "P" }
guidance = { nb = "g", nn = "g", en = "g" }
[[quadrant.cells]]
id = "reactive"
x = "high"
y = "low"
title = { nb = "R", nn = "R", en = "R" }
guidance = { nb = "g", nn = "g", en = "g" }
[[quadrant.cells]]
id = "paralysed"
x = "low"
y = "high"
title = { nb = "H", nn = "H", en = "H" }
guidance = { nb = "g", nn = "g", en = "g" }
[[quadrant.cells]]
id = "pawn"
x = "low"
y = "low"
title = { nb = "B", nn = "B", en = "B" }
guidance = { nb = "g", nn = "g", en = "g" }
"#;

    fn instrument() -> Instrument {
        Instrument::parse(SOURCE).unwrap()
    }

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    /// Every field of the test instrument's form.
    const FIELDS: [&str; 13] = [
        "q.values",
        "q.unsure",
        "q.change",
        "q.now",
        "q.now.a",
        "q.now.b",
        "q.areas",
        "q.areas.1.area",
        "q.areas.1.how",
        "q.areas.2.area",
        "q.areas.2.how",
        "q.note",
        "q.mark",
    ];

    fn answers(pairs: &[(&str, i64)]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), Answer::Number(*v))).collect()
    }

    #[test]
    fn scale_values_outside_the_scale_are_refused_and_kept_as_typed() {
        let i = instrument();
        let r = read(&i, i.items(), &form(&[("q.values", "6"), ("q.unsure", "x"), ("q.change", "3")]));
        assert_eq!(r.answers, answers(&[("change", 3)]));
        assert_eq!(r.errors["q.values"], AnswerError::OutOfRange { min: 1, max: 5 });
        assert_eq!(r.errors["q.unsure"], AnswerError::OutOfRange { min: 1, max: 5 });
        assert_eq!(r.typed["q.values"], "6");
    }

    #[test]
    fn shares_must_sum_to_a_hundred() {
        let i = instrument();
        let r = read(&i, i.items(), &form(&[("q.now.a", "60"), ("q.now.b", "30")]));
        assert_eq!(r.errors["q.now"], AnswerError::SharesSum { sum: 90 });
        assert!(!r.answers.contains_key("now"));
        let r = read(&i, i.items(), &form(&[("q.now.a", "60 %"), ("q.now.b", "40")]));
        assert!(r.is_ok());
        assert_eq!(r.answers["now"], Answer::Shares([("a".to_string(), 60), ("b".to_string(), 40)].into()));
        let r = read(&i, i.items(), &form(&[("q.now.a", "100"), ("q.now.b", "")]));
        assert!(r.is_ok(), "an empty part is 0 %");
        let r = read(&i, i.items(), &form(&[("q.now.a", "-10"), ("q.now.b", "110")]));
        assert_eq!(r.errors.len(), 2);
    }

    #[test]
    fn long_texts_are_refused_whole_and_kept() {
        let i = instrument();
        let r = read(&i, i.items(), &form(&[("q.note", "abcdef"), ("q.areas.1.area", "abcdefghijk"), ("q.areas.1.how", "ok")]));
        assert_eq!(r.errors["q.note"], AnswerError::TooLong { max: 5 });
        assert_eq!(r.errors["q.areas.1.area"], AnswerError::TooLong { max: 10 });
        assert!(r.answers.is_empty(), "{:?}", r.answers);
        assert_eq!(r.typed["q.note"], "abcdef");
        // Characters, not bytes.
        let r = read(&i, i.items(), &form(&[("q.note", "ææææø")]));
        assert!(r.is_ok());
    }

    #[test]
    fn marks_and_choices_must_be_known() {
        let i = instrument();
        let r = read(&i, i.items(), &form(&[("q.mark", "brilliant")]));
        assert_eq!(r.errors["q.mark"], AnswerError::UnknownChoice);
        let r = read(&i, i.items(), &form(&[("q.mark", "demanding")]));
        assert_eq!(r.answers["mark"], Answer::Text("demanding".into()));
    }

    #[test]
    fn missing_counts_required_items_and_complete_entries_only() {
        let i = instrument();
        let time = i.dimension("time").unwrap();
        let r = read(&i, i.items(), &form(&[("q.areas.2.area", "Delegate")]));
        let unanswered: Vec<&str> = missing(time, &r.answers).map(|i| i.id.as_str()).collect();
        assert_eq!(unanswered, ["now", "areas", "mark"], "an entry without its how is not complete; the note is optional");
        let r = read(
            &i,
            i.items(),
            &form(&[("q.areas.2.area", "Delegate"), ("q.areas.2.how", "Weekly"), ("q.now.a", "100"), ("q.mark", "neither")]),
        );
        assert_eq!(missing(time, &r.answers).count(), 0);
        assert_eq!(r.answers["areas"], Answer::Entries(vec![[("area".into(), "Delegate".into()), ("how".into(), "Weekly".into())].into()]));
    }

    #[test]
    fn an_item_asking_for_two_entries_needs_two_complete_ones() {
        let i = Instrument::parse(&SOURCE.replace("max_entries = 2", "max_entries = 2\nmin_entries = 2")).unwrap();
        let time = i.dimension("time").unwrap();
        let areas = i.item("areas").unwrap();
        let one = [("q.areas.1.area", "Delegate"), ("q.areas.1.how", "Weekly")];
        let r = read(&i, i.items(), &form(&one));
        assert!(missing(time, &r.answers).any(|item| item.id == "areas"), "one of two");
        assert_eq!(missing_error(areas), AnswerError::TooFewEntries { count: 2 });
        let two = [one[0], one[1], ("q.areas.2.area", "Listen"), ("q.areas.2.how", "")];
        let r = read(&i, i.items(), &form(&two));
        assert!(missing(time, &r.answers).any(|item| item.id == "areas"), "the second without its how");
        let two = [one[0], one[1], ("q.areas.2.area", "Listen"), ("q.areas.2.how", "First")];
        let r = read(&i, i.items(), &form(&two));
        assert!(!missing(time, &r.answers).any(|item| item.id == "areas"));
        assert_eq!(missing_error(instrument().item("areas").unwrap()), AnswerError::Required, "one asked for: the usual message");
    }

    #[test]
    fn stored_answers_fill_the_form_again() {
        let i = instrument();
        let typed = form(&[("q.values", "4"), ("q.now.a", "30"), ("q.now.b", "70"), ("q.areas.1.area", "A"), ("q.areas.1.how", "B")]);
        let r = read(&i, i.items(), &typed);
        let values = form_values(&i, &r.answers);
        for (k, v) in &typed {
            assert_eq!(values.get(k), Some(v), "{k}");
        }
        assert_eq!(read(&i, i.items(), &values.into_iter().collect::<Vec<_>>()).answers, r.answers);
    }

    #[test]
    fn reverse_scored_items_are_flipped_and_missing_ones_left_out() {
        let i = instrument();
        let s = scores(&i, &answers(&[("values", 5), ("unsure", 2)]));
        assert_eq!(s.len(), 2, "only dimensions with scale items are scored");
        assert_eq!(s[0].mean, Some(4.5));
        assert_eq!((s[0].answered, s[0].items), (2, 2));
        assert_eq!(s[1].mean, None);
        let s = scores(&i, &answers(&[("unsure", 5)]));
        assert_eq!(s[0].mean, Some(1.0));
        assert_eq!((s[0].answered, s[0].items), (1, 2));
    }

    #[test]
    fn quadrant_boundaries() {
        let i = instrument();
        let cell = |values: i64, unsure: i64, change: i64| {
            quadrant(&i, &answers(&[("values", values), ("unsure", unsure), ("change", change)])).map(|c| c.id.as_str())
        };
        // Midpoint 3: exactly 3 counts as high.
        assert_eq!(cell(3, 3, 3), Some("proactive"));
        assert_eq!(cell(5, 1, 2), Some("paralysed"));
        assert_eq!(cell(1, 5, 4), Some("reactive"));
        assert_eq!(cell(2, 4, 1), Some("pawn"));
        // 2.5 is below the midpoint.
        assert_eq!(cell(3, 4, 3), Some("reactive"));
        assert!(quadrant(&i, &answers(&[("values", 5)])).is_none(), "no score for one axis, no quadrant");
    }

    proptest! {
        #[test]
        fn a_dimension_scores_the_mean_of_its_answered_items_with_reversed_ones_flipped(
            values in proptest::option::of(1i64..=5),
            unsure in proptest::option::of(1i64..=5),
        ) {
            let i = instrument();
            let mut a = Answers::new();
            values.map(|v| a.insert("values".into(), Answer::Number(v)));
            unsure.map(|v| a.insert("unsure".into(), Answer::Number(v)));
            // "unsure" is reverse-scored on 1–5: 1 counts as 5.
            let counted: Vec<i64> = values.into_iter().chain(unsure.map(|v| 6 - v)).collect();
            let awareness = scores(&i, &a).into_iter().find(|s| s.dimension.id == "awareness").unwrap();
            prop_assert_eq!(awareness.answered, counted.len());
            match awareness.mean {
                None => prop_assert!(counted.is_empty()),
                Some(mean) => prop_assert!((mean - counted.iter().sum::<i64>() as f64 / counted.len() as f64).abs() < 1e-9),
            }
        }

        #[test]
        fn the_quadrant_is_high_on_an_axis_from_its_midpoint(values in 1i64..=5, unsure in 1i64..=5, change in 1i64..=5) {
            let i = instrument();
            let cell = quadrant(&i, &answers(&[("values", values), ("unsure", unsure), ("change", change)])).unwrap();
            let awareness = (values + 6 - unsure) as f64 / 2.0;
            prop_assert_eq!(cell.x == Level::High, change >= 3);
            prop_assert_eq!(cell.y == Level::High, awareness >= 3.0);
        }

        #[test]
        fn shares_are_stored_only_when_they_sum_to_a_hundred(a in 0i64..=100, b in 0i64..=100) {
            let i = instrument();
            let r = read(&i, i.items(), &form(&[("q.now.a", &a.to_string()), ("q.now.b", &b.to_string())]));
            prop_assert_eq!(r.answers.contains_key("now"), a + b == 100);
            prop_assert_eq!(r.errors.contains_key("q.now"), a + b != 100);
        }

        /// Whatever a form holds, what is read is either a valid answer or an error on one of the
        /// form's own fields (which the error summary links to), and a refused text is kept.
        #[test]
        fn any_form_reads_to_answers_or_errors_on_its_fields(
            pairs in proptest::collection::vec(
                (
                    proptest::sample::select(FIELDS.to_vec()),
                    prop_oneof![Just(String::new()), "[0-9]{1,3}", "[0-9]{1,3} ?%", ".{0,30}", Just("strength".to_string())],
                ),
                0..12,
            ),
        ) {
            let i = instrument();
            let pairs: Vec<(String, String)> = pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            let r = read(&i, i.items(), &pairs);
            for (item, answer) in &r.answers {
                let item = i.item(item).unwrap();
                prop_assert!(answers_item(item, Some(answer)) || item.kind == ItemType::Entries, "{:?}", answer);
            }
            for field in r.errors.keys() {
                prop_assert!(FIELDS.contains(&field.as_str()), "an error on {} links nowhere", field);
                let item_field = field.as_str() == "q.now";
                prop_assert!(item_field || r.typed.contains_key(field), "the text of {} is kept", field);
            }
        }
    }
}
