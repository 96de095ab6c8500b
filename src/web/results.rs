//! A submitted attempt as people read it: scores per dimension as an SVG chart and an
//! equivalent table, the change since the attempt before, the quadrant, every answer, and
//! the history of attempts. Shared by the owner's page and their leader's.

use std::collections::HashMap;
use std::sync::Arc;

use super::development::date;
use super::i18n::I18n;
use crate::domain::answers::{self, Answer, Answers, DimensionScore};
use crate::domain::instrument::{Dimension, Instrument, Item, ItemType};
use crate::domain::locale::Locale;
use crate::store::development::AttemptRow;

pub struct ResultView {
    pub id: i64,
    pub title: String,
    pub credit: String,
    pub submitted: String,
    pub scale: String,
    pub scores: Vec<ScoreRow>,
    pub previous_date: Option<String>,
    pub chart: Option<Chart>,
    pub quadrant: Option<(String, String)>,
    pub sections: Vec<Section>,
    pub history: Vec<HistoryRow>,
    pub history_dimensions: Vec<String>,
}

pub struct ScoreRow {
    pub dimension: String,
    pub mean: String,
    pub answered: String,
    pub previous: String,
    pub change: String,
}

pub struct Chart {
    pub width: u32,
    pub height: u32,
    pub bars: Vec<Bar>,
    pub grid: Vec<(f64, String)>,
    pub grid_top: u32,
    pub grid_bottom: u32,
    pub description: String,
}

pub struct Bar {
    pub label: String,
    pub label_y: u32,
    pub y: u32,
    pub width: f64,
    pub value: String,
    pub value_x: f64,
    pub previous_x: Option<f64>,
}

pub struct Section {
    pub title: String,
    pub answers: Vec<(String, Vec<String>)>,
    /// The dimension's shares items side by side: one column per item, one row per part.
    pub shares: Option<SharesTable>,
}

pub struct SharesTable {
    pub columns: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
}

pub struct HistoryRow {
    pub id: i64,
    pub date: String,
    pub means: Vec<String>,
    pub current: bool,
}

const CHART_WIDTH: u32 = 640;
const ROW: u32 = 56;

/// The view of `rows[position]`, comparing with the attempt before it; None when its
/// instrument is unknown.
pub fn result_view(
    i18n: &I18n,
    instruments: &HashMap<(String, i64), Arc<Instrument>>,
    rows: &[AttemptRow],
    position: usize,
) -> Option<ResultView> {
    let locale = i18n.locale();
    // Each attempt's answers are read once, and each one's mean per dimension worked out once:
    // the attempt shown, the one before it and the history all use them.
    let parsed: Vec<Option<(&Instrument, Answers)>> = rows
        .iter()
        .map(|r| {
            let i = instruments.get(&(r.instrument_id.clone(), r.instrument_version))?;
            Some((i.as_ref(), serde_json::from_str(&r.answers).unwrap_or_default()))
        })
        .collect();
    let means: Vec<Option<HashMap<&str, f64>>> = parsed
        .iter()
        .map(|p| {
            let (i, a) = p.as_ref()?;
            Some(answers::scores(i, a).iter().filter_map(|s| Some((s.dimension.id.as_str(), s.mean?))).collect())
        })
        .collect();
    let this = &rows[position];
    let (instrument, given) = parsed[position].as_ref()?;
    let scores = answers::scores(instrument, given);
    let previous = position.checked_sub(1).and_then(|p| Some((&rows[p], means[p].as_ref()?)));
    let empty = HashMap::new();
    let previous_means = previous.map_or(&empty, |(_, m)| m);
    let dash = || "–".to_string();
    let score_rows = scores
        .iter()
        .map(|s| {
            let before = previous_means.get(s.dimension.id.as_str()).copied();
            ScoreRow {
                dimension: s.dimension.title.get(locale).to_string(),
                mean: s.mean.map_or_else(dash, |m| decimal(locale, m)),
                answered: i18n.t_with("result-answered", &[("answered", s.answered.to_string()), ("items", s.items.to_string())]),
                previous: before.map_or_else(dash, |m| decimal(locale, m)),
                change: match (s.mean, before) {
                    (Some(now), Some(then)) => signed(locale, now - then),
                    _ => dash(),
                },
            }
        })
        .collect();
    let history_dimensions = scores.iter().map(|s| s.dimension.title.get(locale).to_string()).collect();
    let history = rows
        .iter()
        .zip(&means)
        .enumerate()
        .rev()
        .filter_map(|(k, (r, m))| {
            let m = m.as_ref()?;
            Some(HistoryRow {
                id: r.id,
                date: date(i18n, r.submitted_at.unwrap_or_default()),
                means: scores.iter().map(|s| m.get(s.dimension.id.as_str()).map_or_else(dash, |&v| decimal(locale, v))).collect(),
                current: k == position,
            })
        })
        .collect();
    let scale = scores.first().map(|s| i18n.t_with("result-scale", &[("min", s.scale.min.to_string()), ("max", s.scale.max.to_string())]));
    Some(ResultView {
        id: this.id,
        title: instrument.title.get(locale).to_string(),
        credit: instrument.credit.as_ref().map(|c| c.get(locale).to_string()).unwrap_or_default(),
        submitted: date(i18n, this.submitted_at.unwrap_or_default()),
        scale: scale.unwrap_or_default(),
        chart: chart(i18n, &scores, previous_means),
        scores: score_rows,
        previous_date: previous.map(|(r, _)| date(i18n, r.submitted_at.unwrap_or_default())),
        quadrant: answers::quadrant(instrument, given).map(|c| (c.title.get(locale).to_string(), c.guidance.get(locale).to_string())),
        sections: instrument.dimensions.iter().map(|d| section(i18n, instrument, d, given)).collect(),
        history,
        history_dimensions,
    })
}

fn section(i18n: &I18n, i: &Instrument, d: &Dimension, given: &Answers) -> Section {
    let locale = i18n.locale();
    let shares: Vec<&Item> = d.items.iter().filter(|item| item.kind == ItemType::Shares).collect();
    let table = shares.first().map(|first| SharesTable {
        columns: shares.iter().map(|item| item.text.get(locale).to_string()).collect(),
        rows: first
            .parts()
            .iter()
            .map(|part| {
                let cells = shares
                    .iter()
                    .map(|item| match given.get(&item.id) {
                        Some(Answer::Shares(s)) => format!("{} %", s.get(&part.id).copied().unwrap_or(0)),
                        _ => "–".to_string(),
                    })
                    .collect();
                (part.text.get(locale).to_string(), cells)
            })
            .collect(),
    });
    Section {
        title: d.title.get(locale).to_string(),
        answers: d
            .items
            .iter()
            .filter(|item| item.kind != ItemType::Shares)
            .map(|item| (item.text.get(locale).to_string(), answer_lines(i18n, i, item, given.get(&item.id))))
            .collect(),
        shares: table,
    }
}

fn chart(i18n: &I18n, scores: &[DimensionScore], previous: &HashMap<&str, f64>) -> Option<Chart> {
    let scale = scores.first()?.scale;
    let locale = i18n.locale();
    let rows = scores.iter().map(|s| (s.dimension.title.get(locale).to_string(), s.mean, previous.get(s.dimension.id.as_str()).copied()));
    Some(bar_chart(locale, (scale.min, scale.max), rows))
}

/// Horizontal bars on a scale from `range.0` to `range.1`, one per row of (label, value, an
/// earlier value marked on the bar); its description reads the values for a screen reader.
pub fn bar_chart(locale: Locale, range: (i64, i64), rows: impl Iterator<Item = (String, Option<f64>, Option<f64>)>) -> Chart {
    let (min, max) = range;
    let span = (max - min).max(1) as f64;
    let x = |v: f64| ((v - min as f64).max(0.0) / span * CHART_WIDTH as f64 * 1000.0).round() / 1000.0;
    let value = |v: Option<f64>| v.map_or_else(|| "–".into(), |m| decimal(locale, m));
    let mut description = Vec::new();
    let bars: Vec<Bar> = rows
        .enumerate()
        .map(|(k, (label, mean, previous))| {
            let top = k as u32 * ROW;
            let width = mean.map_or(0.0, x);
            description.push(format!("{label}: {}", value(mean)));
            Bar {
                label,
                label_y: top + 16,
                y: top + 24,
                width,
                value: value(mean),
                // Beyond the bar and the earlier value's mark, so neither covers the figure.
                value_x: (width.max(previous.map_or(0.0, x) + 2.0) + 6.0).min(CHART_WIDTH as f64 - 30.0),
                previous_x: previous.map(x),
            }
        })
        .collect();
    let height = bars.len() as u32 * ROW + 24;
    Chart {
        width: CHART_WIDTH,
        height,
        grid: (min..=max).map(|v| (x(v as f64), v.to_string())).collect(),
        grid_top: 20,
        grid_bottom: height - 20,
        bars,
        description: description.join("; "),
    }
}

/// One decimal, with a decimal comma in Norwegian.
pub fn decimal(locale: Locale, v: f64) -> String {
    let s = format!("{v:.1}");
    if locale == Locale::En { s } else { s.replace('.', ",") }
}

fn signed(locale: Locale, v: f64) -> String {
    let rounded = (v * 10.0).round() / 10.0;
    if rounded == 0.0 {
        return decimal(locale, 0.0);
    }
    let sign = if rounded > 0.0 { "+" } else { "−" };
    format!("{sign}{}", decimal(locale, rounded.abs()))
}

/// An answer as lines of text (one for most, one per part or entry field for the rest).
fn answer_lines(i18n: &I18n, i: &Instrument, item: &Item, answer: Option<&Answer>) -> Vec<String> {
    let locale = i18n.locale();
    let option = |options: &[crate::domain::instrument::Choice], id: &str| {
        options.iter().find(|o| o.id == id).map_or_else(|| id.to_string(), |o| o.text.get(locale).to_string())
    };
    match (item.kind, answer) {
        (ItemType::Scale, Some(Answer::Number(v))) => {
            let label = i.scale_of(item).and_then(|s| s.label(*v)).map(|t| t.get(locale));
            vec![label.map_or_else(|| v.to_string(), |l| format!("{v} – {l}"))]
        }
        (ItemType::Choice, Some(Answer::Text(t))) => vec![option(item.options(), t)],
        (ItemType::Mark, Some(Answer::Text(t))) => vec![i18n.t(&format!("mark-{t}"))],
        (ItemType::ShortText | ItemType::LongText, Some(Answer::Text(t))) => vec![t.clone()],
        (ItemType::Shares, Some(Answer::Shares(s))) => {
            item.parts().iter().map(|p| format!("{}: {} %", p.text.get(locale), s.get(&p.id).copied().unwrap_or(0))).collect()
        }
        (ItemType::Entries, Some(Answer::Entries(entries))) => entries
            .iter()
            .map(|e| {
                item.fields()
                    .iter()
                    .filter_map(|f| {
                        let v = e.get(&f.id)?;
                        let v = if f.kind == ItemType::Choice { option(f.options(), v) } else { v.clone() };
                        Some(format!("{} {v}", as_label(f.text.get(locale))))
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect(),
        _ => vec![i18n.t("result-not-answered")],
    }
}

/// A field's text as a label before its value: "Area:", but "How?" stays as it is.
fn as_label(text: &str) -> String {
    if text.ends_with(['?', ':']) { text.to_string() } else { format!("{text}:") }
}

/// The rows of an export: dimension, item id, question, answer, score.
pub fn export_rows(i18n: &I18n, i: &Instrument, given: &Answers) -> Vec<[String; 5]> {
    let locale = i18n.locale();
    i.dimensions
        .iter()
        .flat_map(|d| {
            d.items.iter().map(move |item| {
                let score = i
                    .scale_of(item)
                    .and_then(|s| answers::item_score(s, item, given.get(&item.id)))
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                [
                    d.title.get(locale).to_string(),
                    item.id.clone(),
                    item.text.get(locale).to_string(),
                    answer_lines(i18n, i, item, given.get(&item.id)).join("\n"),
                    score,
                ]
            })
        })
        .collect()
}
