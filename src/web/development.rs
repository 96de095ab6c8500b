//! Utvikling: taking self-assessments, reflections and exercises, their results and history,
//! and sharing a result with one's leader.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::AppState;
use super::ctx::{Ctx, Nav, Page};
use super::error::AppError;
use super::i18n::I18n;
use super::results::{ResultView, result_view};
use crate::domain::access::{self, Op, Resource};
use crate::domain::answers::{self, AnswerError, Answers, MARKS};
use crate::domain::instrument::{Audience, Instrument, Item, ItemType, Kind};
use crate::domain::{PersonId, text};
use crate::store::cache::{Key, Reads};
use crate::store::{self, development::AttemptRow};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/development", get(index))
        .route("/development/start", post(start))
        .route("/development/attempts/{id}", get(take).post(save))
        .route("/development/attempts/{id}/autosave", post(autosave))
        .route("/development/attempts/{id}/discard", post(discard))
        .route("/development/results/{id}", get(result))
        .route("/development/results/{id}/share", post(share))
        .route("/development/results/{id}/unshare", post(unshare))
        .route("/development/results/{id}/export", get(export))
        .route_layer(axum::middleware::from_fn(super::ctx::require_signed_in))
}

/// An instrument as a card on Utvikling.
struct InstrumentCard {
    id: String,
    title: String,
    introduction: String,
    kind: &'static str,
    draft: Option<i64>,
    last_result: Option<(i64, String)>,
}

/// A submitted attempt in the history list.
struct HistoryLine {
    id: i64,
    title: String,
    submitted: String,
    shared: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "development/index.html")]
struct IndexPage {
    page: Page,
    assessments: Vec<InstrumentCard>,
    exercises: Vec<InstrumentCard>,
    drafts: Vec<HistoryLine>,
    history: Vec<HistoryLine>,
    shared: Vec<HistoryLine>,
    notice: Option<&'static str>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct IndexQuery {
    discarded: String,
}

async fn index(ctx: Ctx, State(app): State<AppState>, Query(q): Query<IndexQuery>) -> Result<IndexPage, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let locale = i18n.locale();
    let mut c = app.db.conn().await?;
    let key = Key::new("development::overview", user.id);
    let rows = app.kept.get(user.version, Reads::DEVELOPMENT, key, store::development::overview(c.ex(), user.person())).await?;
    let instruments = app.catalog.get_all(c.ex(), rows.iter().map(|r| (r.instrument_id.clone(), r.version)).collect()).await?;
    let title = |id: &str, version: i64| instruments.get(&(id.to_string(), version)).map(|i| i.title.get(locale).to_string());

    let (mut assessments, mut exercises, mut drafts, mut history, mut shared) = (vec![], vec![], vec![], vec![], vec![]);
    for r in rows.iter().filter(|r| r.attempt.is_none()) {
        let Some(i) = instruments.get(&(r.instrument_id.clone(), r.version)) else { continue };
        if i.kind == Kind::Survey || (i.audience == Audience::Leaders && !user.is_leader) {
            continue;
        }
        let mine = rows.iter().filter(|a| a.attempt.is_some() && a.instrument_id == r.instrument_id);
        let draft = mine.clone().find(|a| a.submitted_at.is_none()).and_then(|a| a.attempt);
        let last_result = mine.filter_map(|a| Some((a.attempt?, a.submitted_at?))).max_by_key(|(_, at)| *at);
        let card = InstrumentCard {
            id: i.id.clone(),
            title: i.title.get(locale).to_string(),
            introduction: first_sentence(i.introduction.get(locale)),
            kind: kind_key(i.kind),
            draft,
            last_result: last_result.map(|(id, at)| (id, date(&i18n, at))),
        };
        if i.kind == Kind::Exercise { exercises.push(card) } else { assessments.push(card) }
    }
    for r in rows.iter() {
        let (Some(id), Some(title)) = (r.attempt, title(&r.instrument_id, r.version)) else { continue };
        match r.submitted_at {
            None => drafts.push(HistoryLine { id, title, submitted: date(&i18n, r.updated_at.unwrap_or_default()), shared: None }),
            Some(at) => {
                let line = HistoryLine {
                    id,
                    title,
                    submitted: date(&i18n, at),
                    shared: r.shared_with.as_ref().zip(r.shared_at).map(|(name, at)| shared_with(&i18n, name, at)),
                };
                if line.shared.is_some() {
                    shared.push(HistoryLine {
                        id: line.id,
                        title: line.title.clone(),
                        submitted: line.submitted.clone(),
                        shared: line.shared.clone(),
                    });
                }
                history.push(line);
            }
        }
    }
    Ok(IndexPage {
        page: ctx.page("development-title", Nav::Development),
        assessments,
        exercises,
        drafts,
        history,
        shared,
        notice: (q.discarded == "1").then_some("development-discarded"),
    })
}

pub fn kind_key(kind: Kind) -> &'static str {
    match kind {
        Kind::SelfAssessment => "instrument-kind-self-assessment",
        Kind::Reflection => "instrument-kind-reflection",
        Kind::Exercise => "instrument-kind-exercise",
        Kind::Survey => "instrument-kind-survey",
    }
}

/// The first sentence of an introduction, for a card.
fn first_sentence(text: &str) -> String {
    let text = text.trim();
    match text.find(". ") {
        Some(end) => text[..=end].to_string(),
        None => text.to_string(),
    }
}

/// The Oslo date of a moment, as people read it.
pub fn date(i18n: &I18n, at: i64) -> String {
    super::conversations::day(i18n, crate::domain::cadence::date_of(at))
}

pub fn shared_with(i18n: &I18n, name: &str, at: i64) -> String {
    i18n.t_with("development-shared-with", &[("name", name.to_string()), ("date", date(i18n, at))])
}

#[derive(Deserialize)]
struct StartForm {
    instrument: String,
}

/// Starts an instrument, or resumes the draft there is.
async fn start(ctx: Ctx, State(app): State<AppState>, axum::Form(f): axum::Form<StartForm>) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let mut tx = app.db.begin().await?;
    let current = store::development::current_instruments(tx.ex()).await?;
    let Some((id, version)) = current.into_iter().find(|(id, _)| *id == f.instrument) else { return Err(AppError::NotFound) };
    let instrument = app.catalog.get(tx.ex(), &id, version).await?.ok_or(AppError::NotFound)?;
    if instrument.kind == Kind::Survey || (instrument.audience == Audience::Leaders && !user.is_leader) {
        return Err(AppError::NotFound);
    }
    let attempt = match store::development::draft_of(tx.ex(), user.person(), &id).await? {
        Some(draft) => draft,
        None => store::development::start(tx.ex(), user.person(), &id, version, store::now()).await?,
    };
    tx.commit().await?;
    Ok(Redirect::to(&format!("/development/attempts/{attempt}")).into_response())
}

/// Which part of an instrument a page shows: one dimension (from 1), or all of them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Step {
    One(usize),
    All,
}

impl Step {
    fn parse(s: &str, count: usize, fallback: usize) -> Step {
        if s == "all" {
            return Step::All;
        }
        Step::One(s.parse::<usize>().unwrap_or(fallback).clamp(1, count.max(1)))
    }
    fn code(self) -> String {
        match self {
            Step::One(n) => n.to_string(),
            Step::All => "all".into(),
        }
    }
    fn items(self, i: &Instrument) -> Vec<&Item> {
        match self {
            Step::One(n) => i.dimensions.get(n - 1).map(|d| d.items.iter().collect()).unwrap_or_default(),
            Step::All => i.items().collect(),
        }
    }
}

/// An option of a radio group.
pub(crate) struct OptionView {
    pub(crate) value: String,
    pub(crate) label: String,
    pub(crate) checked: bool,
}

/// One input of a shares item or an entry.
pub(crate) struct InputView {
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) kind: &'static str,
    pub(crate) value: String,
    pub(crate) options: Vec<OptionView>,
    pub(crate) error: Option<String>,
    /// The longest text accepted, said before anyone types (empty for other kinds).
    pub(crate) limit: String,
}

pub(crate) struct EntryView {
    pub(crate) legend: String,
    pub(crate) fields: Vec<InputView>,
}

/// An item as the form shows it, every text in the page's language.
pub(crate) struct ItemView {
    pub(crate) name: String,
    pub(crate) kind: &'static str,
    pub(crate) text: String,
    pub(crate) help: String,
    pub(crate) required: bool,
    pub(crate) value: String,
    pub(crate) options: Vec<OptionView>,
    /// A text's length limit, as a hint.
    pub(crate) limit: String,
    pub(crate) parts: Vec<InputView>,
    pub(crate) entries: Vec<EntryView>,
    pub(crate) error: Option<String>,
}

pub(crate) struct DimensionView {
    pub(crate) title: String,
    pub(crate) introduction: String,
    pub(crate) items: Vec<ItemView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "development/take.html")]
struct TakePage {
    page: Page,
    attempt: i64,
    instrument_title: String,
    introduction: String,
    /// Whose work the instrument builds on, shown with the introduction.
    credit: String,
    step: String,
    position: String,
    progress: (usize, usize),
    progress_text: String,
    step_count: usize,
    current: usize,
    dimensions: Vec<DimensionView>,
    errors: Vec<(String, String)>,
    notice: Option<&'static str>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TakeQuery {
    step: String,
    saved: String,
}

async fn take(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>, Query(q): Query<TakeQuery>) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    let key = Key::new("development::attempt", id);
    let attempt = app.kept.get(user.version, Reads::DEVELOPMENT, key, store::development::attempt(c.ex(), id)).await?;
    let attempt = own(&ctx, attempt.as_ref().clone())?;
    if attempt.submitted_at.is_some() {
        return Ok(Redirect::to(&format!("/development/results/{id}")).into_response());
    }
    let instrument = app.catalog.get(c.ex(), &attempt.instrument_id, attempt.instrument_version).await?.ok_or(AppError::NotFound)?;
    let stored: Answers = serde_json::from_str(&attempt.answers).unwrap_or_default();
    let step = Step::parse(&q.step, instrument.dimensions.len(), attempt.step as usize);
    let values = answers::form_values(&instrument, &stored);
    let notice = (q.saved == "1").then_some("development-draft-saved");
    Ok(take_page(&ctx, &attempt, &instrument, &stored, step, &values, &HashMap::new(), notice).into_response())
}

#[allow(clippy::too_many_arguments)]
fn take_page(
    ctx: &Ctx,
    attempt: &AttemptRow,
    i: &Instrument,
    stored: &Answers,
    step: Step,
    values: &HashMap<String, String>,
    errors: &HashMap<String, String>,
    notice: Option<&'static str>,
) -> TakePage {
    let i18n = ctx.i18n();
    let locale = i18n.locale();
    let count = i.dimensions.len();
    let shown: Vec<(usize, &crate::domain::instrument::Dimension)> = match step {
        Step::One(n) => i.dimensions.iter().enumerate().filter(|(k, _)| k + 1 == n).collect(),
        Step::All => i.dimensions.iter().enumerate().collect(),
    };
    let dimensions = dimension_views(&i18n, i, shown.into_iter().map(|(_, d)| d), values, errors);
    // The error summary lists errors in the order of the form.
    let order: Vec<String> = step.items(i).iter().flat_map(|item| field_names(item)).collect();
    let mut listed: Vec<(String, String)> = errors.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    listed.sort_by_key(|(k, _)| order.iter().position(|n| n == k).unwrap_or(usize::MAX));
    let current = match step {
        Step::One(n) => n,
        Step::All => 0,
    };
    let mut page = ctx.page("development-title", Nav::Development);
    page.title = i.title.get(locale).to_string();
    let progress = answers::progress(i, stored);
    TakePage {
        page,
        attempt: attempt.id,
        instrument_title: i.title.get(locale).to_string(),
        introduction: if current <= 1 { i.introduction.get(locale).to_string() } else { String::new() },
        credit: match (&i.credit, current <= 1) {
            (Some(credit), true) => credit.get(locale).to_string(),
            _ => String::new(),
        },
        step: step.code(),
        position: match step {
            Step::One(n) => i18n.t_with("development-step-position", &[("step", n.to_string()), ("count", count.to_string())]),
            Step::All => i18n.t("development-all-questions"),
        },
        progress,
        progress_text: i18n.t_with("development-progress", &[("answered", progress.0.to_string()), ("items", progress.1.to_string())]),
        step_count: count,
        current,
        dimensions,
        errors: listed,
        notice,
    }
}

/// Every form field an item has, in order; the first is the one an error links to.
pub(crate) fn field_names(item: &Item) -> Vec<String> {
    let mut names = vec![answers::field(&item.id)];
    match item.kind {
        ItemType::Shares => names.extend(item.parts().iter().map(|p| answers::share_field(&item.id, &p.id))),
        ItemType::Entries => {
            for n in 1..=item.max_entries() {
                names.extend(item.fields().iter().map(|f| answers::entry_field(&item.id, n, &f.id)));
            }
        }
        _ => {}
    }
    names
}

/// Dimensions as form fields: the values as typed or stored, and the errors by field.
pub(crate) fn dimension_views<'a>(
    i18n: &I18n,
    i: &Instrument,
    dimensions: impl IntoIterator<Item = &'a crate::domain::instrument::Dimension>,
    values: &HashMap<String, String>,
    errors: &HashMap<String, String>,
) -> Vec<DimensionView> {
    let locale = i18n.locale();
    dimensions
        .into_iter()
        .map(|d| DimensionView {
            title: d.title.get(locale).to_string(),
            introduction: d.introduction.as_ref().map(|t| t.get(locale).to_string()).unwrap_or_default(),
            items: d.items.iter().map(|item| item_view(i18n, i, item, values, errors)).collect(),
        })
        .collect()
}

fn item_view(i18n: &I18n, i: &Instrument, item: &Item, values: &HashMap<String, String>, errors: &HashMap<String, String>) -> ItemView {
    let locale = i18n.locale();
    let limit = |max: usize| i18n.t1("development-max-length", "max", i18n.number(max as i64));
    let name = answers::field(&item.id);
    let value = values.get(&name).cloned().unwrap_or_default();
    let radio = |pairs: Vec<(String, String)>| -> Vec<OptionView> {
        pairs.into_iter().map(|(v, label)| OptionView { checked: v == value, value: v, label }).collect()
    };
    let mut view = ItemView {
        name: name.clone(),
        kind: "",
        text: item.text.get(locale).to_string(),
        help: item.help.as_ref().map(|t| t.get(locale).to_string()).unwrap_or_default(),
        required: item.required,
        value: value.clone(),
        options: vec![],
        limit: limit(item.max_length()),
        parts: vec![],
        entries: vec![],
        error: errors.get(&name).cloned(),
    };
    match item.kind {
        ItemType::Scale => {
            view.kind = "scale";
            if let Some(scale) = i.scale_of(item) {
                let label = |v: i64| scale.label(v).map(|t| t.get(locale).to_string());
                view.options = radio(scale.values().map(|v| (v.to_string(), label(v).unwrap_or_default())).collect());
            }
        }
        ItemType::Choice => {
            view.kind = "choice";
            view.options = radio(item.options().iter().map(|o| (o.id.clone(), o.text.get(locale).to_string())).collect());
        }
        ItemType::Mark => {
            view.kind = "choice";
            view.options = radio(MARKS.iter().map(|m| (m.to_string(), i18n.t(&format!("mark-{m}")))).collect());
        }
        ItemType::ShortText => view.kind = "short-text",
        ItemType::LongText => view.kind = "long-text",
        ItemType::Shares => {
            view.kind = "shares";
            view.parts = item
                .parts()
                .iter()
                .map(|p| {
                    let name = answers::share_field(&item.id, &p.id);
                    InputView {
                        value: values.get(&name).cloned().unwrap_or_default(),
                        error: errors.get(&name).cloned(),
                        name,
                        label: p.text.get(locale).to_string(),
                        kind: "number",
                        options: vec![],
                        limit: String::new(),
                    }
                })
                .collect();
        }
        ItemType::Entries => {
            view.kind = "entries";
            view.entries = (1..=item.max_entries())
                .map(|n| EntryView {
                    legend: i18n.t_with("development-entry", &[("item", item.text.get(locale).to_string()), ("number", n.to_string())]),
                    fields: item
                        .fields()
                        .iter()
                        .map(|f| {
                            let name = answers::entry_field(&item.id, n, &f.id);
                            let value = values.get(&name).cloned().unwrap_or_default();
                            InputView {
                                options: f
                                    .options()
                                    .iter()
                                    .map(|o| OptionView {
                                        checked: o.id == value,
                                        value: o.id.clone(),
                                        label: o.text.get(locale).to_string(),
                                    })
                                    .collect(),
                                error: errors.get(&name).cloned(),
                                label: f.text.get(locale).to_string(),
                                kind: match f.kind {
                                    ItemType::Choice => "choice",
                                    ItemType::LongText => "long-text",
                                    _ => "short-text",
                                },
                                limit: if f.kind == ItemType::Choice { String::new() } else { limit(f.max_length()) },
                                value,
                                name,
                            }
                        })
                        .collect(),
                })
                .collect();
        }
    }
    view
}

pub(crate) fn error_message(i18n: &I18n, e: &AnswerError) -> String {
    match e {
        AnswerError::Required => i18n.t("development-error-required"),
        AnswerError::OutOfRange { min, max } => {
            i18n.t_with("development-error-range", &[("min", min.to_string()), ("max", max.to_string())])
        }
        AnswerError::UnknownChoice => i18n.t("development-error-choice"),
        AnswerError::TooLong { max } => i18n.t1("development-error-too-long", "max", i18n.number(*max as i64)),
        AnswerError::SharesSum { sum } => i18n.t1("development-error-shares", "sum", sum),
        AnswerError::TooFewEntries { count } => i18n.t1("development-error-entries", "count", count),
    }
}

/// Reads the form's step, keeps every valid answer in the draft, and reports the rest.
struct Saved {
    attempt: AttemptRow,
    instrument: Arc<Instrument>,
    answers: Answers,
    step: Step,
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
}

/// `action` decides the step to come back to: the next one after "next", the one before after
/// "back", else this one.
async fn save_step(ctx: &Ctx, app: &AppState, id: i64, form: &[(String, String)], tx: &mut store::Tx) -> Result<Option<Saved>, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let attempt = own(ctx, store::development::attempt_for_update(tx.ex(), id).await?)?;
    if attempt.submitted_at.is_some() {
        return Ok(None);
    }
    let instrument = app.catalog.get(tx.ex(), &attempt.instrument_id, attempt.instrument_version).await?.ok_or(AppError::NotFound)?;
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str());
    let step = Step::parse(field("step"), instrument.dimensions.len(), 1);
    let items = step.items(&instrument);
    let reading = answers::read(&instrument, items.iter().copied(), form);
    let mut stored: Answers = serde_json::from_str(&attempt.answers).unwrap_or_default();
    for item in &items {
        stored.remove(&item.id);
    }
    stored.extend(reading.answers.clone());
    let json = serde_json::to_string(&stored).map_err(|e| AppError::Internal(e.to_string()))?;
    let count = instrument.dimensions.len();
    let resume = match (field("action"), step) {
        (_, Step::One(n)) if !reading.is_ok() => n as i64,
        ("next", Step::One(n)) => (n + 1).min(count) as i64,
        ("back", Step::One(n)) => n.saturating_sub(1).max(1) as i64,
        (_, Step::One(n)) => n as i64,
        (_, Step::All) => attempt.step,
    };
    store::development::save_draft(tx.ex(), user.person(), id, &json, resume, store::now()).await?;
    // The form shows what was typed, with the stored answers of other steps beneath it.
    let mut values = answers::form_values(&instrument, &stored);
    for item in &items {
        for name in field_names(item) {
            values.remove(&name);
        }
    }
    values.extend(reading.typed.clone());
    let errors = reading.errors.iter().map(|(k, e)| (k.clone(), error_message(&i18n, e))).collect();
    Ok(Some(Saved { attempt, instrument, answers: stored, step, values, errors }))
}

async fn save(
    ctx: Ctx,
    State(app): State<AppState>,
    Path(id): Path<i64>,
    axum::Form(form): axum::Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let action = form.iter().find(|(k, _)| k == "action").map_or("save", |(_, v)| v.as_str()).to_string();
    let mut tx = app.db.begin_own().await?;
    let Some(mut saved) = save_step(&ctx, &app, id, &form, &mut tx).await? else {
        // Submitted already (a second click, another tab): the result is there.
        return Ok(Redirect::to(&format!("/development/results/{id}")).into_response());
    };
    let count = saved.instrument.dimensions.len();
    if !saved.errors.is_empty() {
        tx.commit().await?;
        return Ok(take_page(&ctx, &saved.attempt, &saved.instrument, &saved.answers, saved.step, &saved.values, &saved.errors, None)
            .into_response());
    }
    if action == "submit" {
        let i18n = ctx.i18n();
        for d in &saved.instrument.dimensions {
            for item in answers::missing(d, &saved.answers) {
                saved.errors.insert(answers::field(&item.id), error_message(&i18n, &answers::missing_error(item)));
            }
        }
        if !saved.errors.is_empty() {
            tx.commit().await?;
            let values = answers::form_values(&saved.instrument, &saved.answers);
            return Ok(
                take_page(&ctx, &saved.attempt, &saved.instrument, &saved.answers, Step::All, &values, &saved.errors, None).into_response()
            );
        }
        let json = serde_json::to_string(&saved.answers).map_err(|e| AppError::Internal(e.to_string()))?;
        store::development::submit(tx.ex(), user.person(), id, &json, store::now()).await?;
        tx.commit().await?;
        return Ok(Redirect::to(&format!("/development/results/{id}")).into_response());
    }
    tx.commit().await?;
    let to = match (action.as_str(), saved.step) {
        ("next", Step::One(n)) if n < count => format!("?step={}", n + 1),
        ("back", Step::One(n)) if n > 1 => format!("?step={}", n - 1),
        (_, step) => format!("?step={}&saved=1", step.code()),
    };
    Ok(Redirect::to(&format!("/development/attempts/{id}{to}")).into_response())
}

/// htmx saves the step as the person answers; the answer is a short status for a live region.
async fn autosave(
    ctx: Ctx,
    State(app): State<AppState>,
    Path(id): Path<i64>,
    axum::Form(form): axum::Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let mut tx = app.db.begin().await?;
    let saved = save_step(&ctx, &app, id, &form, &mut tx).await?;
    tx.commit().await?;
    let i18n = ctx.i18n();
    let message = match saved {
        Some(s) if s.errors.is_empty() => i18n.t("development-autosaved"),
        Some(_) => i18n.t("development-autosaved-partly"),
        None => i18n.t("development-submitted-already"),
    };
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], message).into_response())
}

async fn discard(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let mut tx = app.db.begin().await?;
    if !store::development::discard(tx.ex(), user.person(), id).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(Redirect::to("/development?discarded=1").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "development/result.html")]
pub struct ResultPage {
    pub page: Page,
    pub result: Arc<ResultView>,
    /// The owner's sharing controls; None on a leader's view.
    pub sharing: Option<Sharing>,
    /// Where the history's other attempts are shown ("/development/results").
    pub result_base: String,
    pub back_href: String,
    pub back_label: String,
}

pub struct Sharing {
    shared: Option<String>,
    /// The current leader's name, when there is one to share with.
    leader: Option<String>,
    notice: Option<&'static str>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResultQuery {
    done: String,
}

async fn result(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>, Query(q): Query<ResultQuery>) -> Result<ResultPage, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let mut c = app.db.conn().await?;
    // The view, worked out once per language: scores, chart and history.
    let key = Key::new("development::result", (user.id, id, i18n.locale()));
    let load = async {
        let rows = store::development::history(c.ex(), user.person(), id).await?;
        build_result(&i18n, &app, c.ex(), &rows, id).await
    };
    let (view, this) = app.kept.get(user.version, Reads::DEVELOPMENT, key, load).await?.as_ref().clone().ok_or(AppError::NotFound)?;
    ctx.require(Op::Read, personal_item(&this))?;
    let sharing = Sharing {
        shared: this.shared_with_name.as_ref().zip(this.shared_at).map(|(n, at)| shared_with(&i18n, n, at)),
        leader: this.owner_leader_name.clone(),
        notice: match q.done.as_str() {
            "shared" => Some("development-share-done"),
            "unshared" => Some("development-unshare-done"),
            _ => None,
        },
    };
    let mut page = ctx.page("development-title", Nav::Development);
    page.title = view.title.clone();
    Ok(ResultPage {
        page,
        result: view,
        sharing: Some(sharing),
        result_base: "/development/results".into(),
        back_href: "/development".into(),
        back_label: i18n.t("development-back"),
    })
}

/// The result view of attempt `id` among `rows` (one person's attempts at its instrument,
/// oldest first), and its row; None when it is not among them.
pub async fn build_result(
    i18n: &I18n,
    app: &AppState,
    ex: store::Ex<'_>,
    rows: &[AttemptRow],
    id: i64,
) -> store::Result<Option<(Arc<ResultView>, AttemptRow)>> {
    let Some(position) = rows.iter().position(|r| r.id == id) else { return Ok(None) };
    let instruments = app.catalog.get_all(ex, rows.iter().map(|r| (r.instrument_id.clone(), r.instrument_version)).collect()).await?;
    Ok(result_view(i18n, &instruments, rows, position).map(|view| (Arc::new(view), rows[position].clone())))
}

/// The access facts of an attempt.
pub fn personal_item(a: &AttemptRow) -> Resource {
    Resource::PersonalItem {
        owner: PersonId(a.person_id),
        owner_leader: a.owner_leader.map(PersonId),
        shared_with: a.shared_with.map(PersonId),
    }
}

async fn share(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>) -> Result<Response, AppError> {
    change_share(ctx, app, id, true).await
}

async fn unshare(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>) -> Result<Response, AppError> {
    change_share(ctx, app, id, false).await
}

/// Shares a submitted result of one's own with one's leader, or stops sharing it.
async fn change_share(ctx: Ctx, app: AppState, id: i64, share: bool) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let mut tx = app.db.begin().await?;
    let attempt = own(&ctx, store::development::attempt(tx.ex(), id).await?)?;
    if attempt.submitted_at.is_none() {
        return Err(AppError::NotFound);
    }
    let done = if share {
        // Nothing to share with when there is no leader; the page says so.
        store::development::share(tx.ex(), user.person(), id, store::now()).await?.then_some("shared")
    } else {
        (store::development::unshare(tx.ex(), user.person(), id).await? > 0).then_some("unshared")
    };
    tx.commit().await?;
    let query = done.map(|d| format!("?done={d}")).unwrap_or_default();
    Ok(Redirect::to(&format!("/development/results/{id}{query}")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ExportQuery {
    format: String,
}

/// The owner's own result as CSV or JSON.
async fn export(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>, Query(q): Query<ExportQuery>) -> Result<Response, AppError> {
    let mut c = app.db.conn().await?;
    let this = own(&ctx, store::development::attempt(c.ex(), id).await?)?;
    if this.submitted_at.is_none() {
        return Err(AppError::NotFound);
    }
    let instrument = app.catalog.get(c.ex(), &this.instrument_id, this.instrument_version).await?.ok_or(AppError::NotFound)?;
    let stored: Answers = serde_json::from_str(&this.answers).unwrap_or_default();
    let locale = ctx.i18n().locale();
    let rows = super::results::export_rows(&ctx.i18n(), &instrument, &stored);
    let name = format!("{}-{}", instrument.id, this.submitted_at.unwrap_or_default());
    if q.format == "json" {
        let body = serde_json::json!({
            "instrument": instrument.id,
            "version": instrument.version,
            "title": instrument.title.get(locale),
            "submitted_at": this.submitted_at,
            "answers": stored,
            "rows": rows.iter().map(|r| serde_json::json!({"dimension": r[0], "item": r[1], "question": r[2], "answer": r[3], "score": r[4]})).collect::<Vec<_>>(),
        });
        return Ok((
            [
                (header::CONTENT_TYPE, "application/json".to_string()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}.json\"")),
            ],
            body.to_string(),
        )
            .into_response());
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    let i18n = ctx.i18n();
    let heading = ["export-dimension", "export-item", "export-question", "export-answer", "export-score"].map(|k| i18n.t(k));
    w.write_record(&heading).map_err(|e| AppError::Internal(e.to_string()))?;
    for r in &rows {
        w.write_record(r.iter().map(|cell| text::spreadsheet_safe(cell))).map_err(|e| AppError::Internal(e.to_string()))?;
    }
    let body = w.into_inner().map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}.csv\"")),
        ],
        body,
    )
        .into_response())
}

/// The attempt when it is the asker's to work on, share and export (`Op::Write` on a personal
/// item: its owner alone); else not found, so that no one learns whose ids exist.
fn own(ctx: &Ctx, attempt: Option<AttemptRow>) -> Result<AttemptRow, AppError> {
    let viewer = ctx.viewer()?;
    attempt.filter(|a| access::may(&viewer, Op::Write, &personal_item(a))).ok_or(AppError::NotFound)
}

/// Whether the person asking may see `a`.
pub fn may_read(ctx: &Ctx, a: &AttemptRow) -> bool {
    ctx.viewer().is_ok_and(|v| access::may(&v, Op::Read, &personal_item(a)))
}
