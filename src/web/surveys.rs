//! Undersøkelser: a leader asks their team an anonymous survey (the team pulse, or the team's
//! view of the leader); the team answers once each; the leader reads the results when the wave
//! has closed and enough have answered. Nothing stored leads from an answer to a person: who has
//! answered is kept as a keyed hash, and each answer rewrites the wave's answers in a new random
//! order under new random ids.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::AppState;
use super::ctx::{Ctx, Nav, Page};
use super::development::{DimensionView, dimension_views, error_message};
use super::error::AppError;
use super::forms::FormState;
use super::pager::{Pager, page_of};
use crate::domain::PersonId;
use crate::domain::access::{self, Op, Resource};
use crate::domain::anonymity::{self, Group, GroupTotals, ShownGroup};
use crate::domain::answers::{self, Answers};
use crate::domain::cadence;
use crate::domain::instrument::{Instrument, ItemType};
use crate::domain::survey::{self, WaveState};
use crate::intake::Outcome;
use crate::store::cache::{DataVersion, Key, Reads};
use crate::store::sessions::SessionUser;
use crate::store::{self, surveys::ListedWave, surveys::Scope, surveys::WaveRow};
use std::sync::Arc;

/// The surveys a leader can ask their team.
pub const SURVEYS: [&str; 2] = ["pulse", "upward-view"];
/// The survey a wave of groups asks (HR's of a unit, a leader's of their reporting lines): the
/// upward view is about one leader, so it is a team's alone.
const GROUP_SURVEY: &str = "pulse";
/// How long a new wave runs unless the leader chooses otherwise.
const DEFAULT_DAYS: i64 = 14;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/surveys", get(index).post(open))
        .route("/surveys/new", get(new_form))
        .route("/surveys/{id}", get(answer_form).post(answer))
        .route("/surveys/{id}/close", post(close))
        .route("/surveys/{id}/repeat", post(stop_repeating))
        .route("/surveys/{id}/results", get(results))
        .route("/surveys/{id}/export", get(export))
        .route("/surveys/{id}/reply", post(reply))
        .route("/surveys/{id}/actions", post(plan))
        .route_layer(axum::middleware::from_fn(super::ctx::require_signed_in))
}

/// Who has answered a wave is stored only as this keyed hash; the key is kept outside the database.
pub fn participation_key(app: &AppState, wave: i64, person: PersonId) -> String {
    key_for(&app.keys.participation, wave, person)
}

/// The keyed hash of one person's participation in one wave.
pub fn key_for(key: &super::keys::SigningKey, wave: i64, person: PersonId) -> String {
    key.sign(&format!("wave:{wave}:person:{}", person.0))
}

fn date(text: &str) -> jiff::civil::Date {
    text.parse().unwrap_or_default()
}

/// Whether a wave's answers may be shown at all: a team's wave is one group, under the same
/// threshold rule as any tree of groups.
fn enough_answers(w: &WaveRow, answers: i64) -> bool {
    !anonymity::shown(&[Group { id: w.id, parent: None, answers }], w.threshold).is_empty()
}

/// What access decides on for a wave, for the person asking.
fn wave_resource(w: &WaveRow, asked: bool) -> Resource {
    Resource::SurveyWave { leader: w.leader_id.map(PersonId), asked }
}

/// Whether a wave's answers fall in groups: a unit's wave, or a leader's over their reporting lines.
fn has_groups(w: &WaveRow) -> bool {
    matches!(Scope::of(w), Some(Scope::Area(_) | Scope::Unit { .. }))
}

/// Whether two waves ask the same people: the same leader's team or reporting lines, or the same
/// unit alike.
fn same_scope(a: &WaveRow, b: &WaveRow) -> bool {
    a.instrument_id == b.instrument_id && a.leader_id == b.leader_id && a.unit_id == b.unit_id && a.sub_units == b.sub_units
}

/// A closed wave's answers, read and summed up.
pub struct ClosedAnswers {
    count: i64,
    summary: survey::Summary,
    /// The comments with their answer's random id, in id order.
    comments: Vec<(String, String)>,
    /// A wave of groups: the groups that may be shown, in tree order, each with everything below it.
    shown_groups: Vec<ShownGroup>,
    /// A wave of groups: how many groups may not be shown.
    hidden_groups: usize,
}

/// Closed waves' answers, read, parsed and summed up once per node. A closed wave takes no more
/// answers (each answer checks the wave again in the writers' turn), so every node holds the same.
#[derive(Default)]
pub struct ClosedWaves(std::sync::Mutex<HashMap<i64, std::sync::Arc<ClosedAnswers>>>);

/// How many closed waves a node keeps; beyond it, it starts again.
const CLOSED_KEPT: usize = 256;

impl ClosedWaves {
    fn kept(&self) -> std::sync::MutexGuard<'_, HashMap<i64, std::sync::Arc<ClosedAnswers>>> {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Who is asked to answer each wave, and the group their answer counts in, read once per node:
/// a wave's invitations are written with the wave and never change.
#[derive(Default)]
pub struct Invitations(std::sync::Mutex<HashMap<i64, Arc<tokio::sync::OnceCell<Invited>>>>);

type Invited = Arc<HashMap<i64, Option<i64>>>;

/// How many waves' invitations a node keeps; beyond it, it starts again.
const INVITATIONS_KEPT: usize = 64;

impl Invitations {
    /// Wave `w`'s invitations. Requests that ask at once wait for the one that reads them.
    async fn of(&self, c: &mut store::Conn, w: &WaveRow) -> Result<Invited, AppError> {
        let cell = {
            let mut kept = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if kept.len() >= INVITATIONS_KEPT && !kept.contains_key(&w.id) {
                kept.clear();
            }
            kept.entry(w.id).or_default().clone()
        };
        let invited = cell.get_or_try_init(|| async { store::surveys::invitations(c.ex(), w.id).await.map(Arc::new) }).await?;
        Ok(invited.clone())
    }
}

/// The answers of a closed wave, kept once the close is safely past: a day after its last day
/// (so that no node's clock still takes answers), or at once when it was closed early.
async fn closed_answers(
    app: &AppState,
    c: &mut store::Conn,
    w: &WaveRow,
    instrument: &Instrument,
) -> Result<std::sync::Arc<ClosedAnswers>, AppError> {
    if let Some(kept) = app.closed_waves.kept().get(&w.id).cloned() {
        return Ok(kept);
    }
    let rows: Vec<(String, Option<i64>, Answers)> = store::surveys::answers_with_ids(c.ex(), w.id)
        .await?
        .into_iter()
        .filter_map(|(aid, group, json)| Some((aid, group, serde_json::from_str(&json).ok()?)))
        .collect();
    let summary = survey::summarize(instrument, rows.iter().map(|(_, _, a)| a));
    let mut by_group: HashMap<Option<i64>, Vec<&Answers>> = HashMap::new();
    for (_, group, answers) in &rows {
        by_group.entry(*group).or_default().push(answers);
    }
    let groups: HashMap<Option<i64>, GroupTotals> =
        by_group.into_iter().map(|(g, all)| (g, (all.len() as i64, survey::dimension_totals(instrument, all.iter().copied())))).collect();
    let texts: Vec<&str> =
        instrument.items().filter(|i| matches!(i.kind, ItemType::ShortText | ItemType::LongText)).map(|i| i.id.as_str()).collect();
    let comments = rows
        .iter()
        .flat_map(|(aid, _, answers)| {
            texts.iter().filter_map(move |t| match answers.get(*t) {
                Some(answers::Answer::Text(text)) if !text.trim().is_empty() => Some((aid.clone(), text.trim().to_string())),
                _ => None,
            })
        })
        .collect();
    let tree = if has_groups(w) {
        store::surveys::groups(c.ex(), w.id)
            .await?
            .into_iter()
            .map(|(id, parent, _)| Group { id, parent, answers: groups.get(&Some(id)).map_or(0, |g| g.0) })
            .collect()
    } else {
        Vec::new()
    };
    let shown_groups = anonymity::shown_with_totals(&tree, &groups, w.threshold);
    let hidden_groups = tree.len() - shown_groups.len();
    let answers = std::sync::Arc::new(ClosedAnswers { count: rows.len() as i64, summary, comments, shown_groups, hidden_groups });
    let settled = date(&w.closes_on).checked_add(jiff::Span::new().days(1)).unwrap_or_default() < cadence::date_of(store::now());
    if w.closed_at.is_some() || settled {
        let mut kept = app.closed_waves.kept();
        if kept.len() >= CLOSED_KEPT {
            kept.clear();
        }
        kept.insert(w.id, answers.clone());
    }
    Ok(answers)
}

/// Who a wave asks, when it is more than a leader's own team.
fn asks(i18n: &super::i18n::I18n, w: &WaveRow) -> Option<String> {
    match (&w.unit_name, &w.leader_name) {
        (Some(u), _) => Some(i18n.t1(if w.sub_units { "survey-asks-unit-all" } else { "survey-asks-unit" }, "unit", u)),
        (None, Some(leader)) if w.sub_units => Some(i18n.t1("survey-asks-area", "leader", leader)),
        _ => None,
    }
}

fn wave_state(w: &WaveRow, today: jiff::civil::Date) -> WaveState {
    survey::state(date(&w.opens_on), date(&w.closes_on), w.closed_at.is_some(), today)
}

async fn instrument_of(app: &AppState, c: &mut store::Conn, w: &WaveRow) -> Result<std::sync::Arc<Instrument>, AppError> {
    app.catalog.get(c.ex(), &w.instrument_id, w.instrument_version).await?.ok_or(AppError::NotFound)
}

/// Which of the waves `user` has answered, in one statement.
async fn answered_by(app: &AppState, c: &mut store::Conn, user: &SessionUser, waves: &[i64]) -> Result<Arc<Vec<i64>>, AppError> {
    let keys: Vec<(i64, String)> = waves.iter().map(|&w| (w, participation_key(app, w, user.person()))).collect();
    let key = Key::new("surveys::answered_waves", (user.id, waves));
    Ok(app.kept.get(user.version, Reads::PARTICIPATION, key, store::surveys::answered_waves(c.ex(), &keys)).await?)
}

/// How many of the open waves that ask `person` (from `store::people::home`) still wait for
/// their answer.
pub async fn waiting_for(app: &AppState, c: &mut store::Conn, user: &SessionUser, open_waves: &[i64]) -> Result<usize, AppError> {
    let answered = answered_by(app, c, user, open_waves).await?;
    Ok(open_waves.iter().filter(|w| !answered.contains(w)).count())
}

struct WaveLine {
    id: i64,
    title: String,
    closes: String,
    state: &'static str,
    /// Shown once the wave has closed and enough answered.
    rate: Option<String>,
    open: bool,
    /// Whom a unit's wave asks.
    asks: Option<String>,
    /// How often the wave comes back, while it does.
    repeats: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "surveys/index.html")]
struct IndexPage {
    page: Page,
    waiting: Vec<WaveLine>,
    answered: Vec<WaveLine>,
    /// Closed waves the person was asked: their summaries.
    earlier: Vec<WaveLine>,
    team: Vec<WaveLine>,
    /// Units' waves, for HR.
    units: Vec<WaveLine>,
    is_leader: bool,
    is_hr: bool,
    notice: Option<&'static str>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct IndexQuery {
    done: String,
}

fn state_key(s: WaveState) -> &'static str {
    match s {
        WaveState::Upcoming => "survey-state-upcoming",
        WaveState::Open => "survey-state-open",
        WaveState::Closed => "survey-state-closed",
    }
}

async fn index(ctx: Ctx, State(app): State<AppState>, Query(q): Query<IndexQuery>) -> Result<IndexPage, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let today = cadence::date_of(store::now());
    let mut c = app.db.conn().await?;
    // The waves' answer counts change with every answer.
    let listed = app
        .kept
        .get(user.version, Reads::PARTICIPATION, Key::new("surveys::listed", user.id), store::surveys::listed(c.ex(), user.person()))
        .await?;
    let listed_units = if user.is_admin {
        let key = Key::new("surveys::listed_units", user.id);
        app.kept.get(user.version, Reads::PARTICIPATION, key, store::surveys::listed_units(c.ex(), user.person())).await?
    } else {
        Arc::default()
    };
    let invited: Vec<&WaveRow> = listed.iter().filter(|l| l.asked).map(|l| &l.wave).collect();
    let team: Vec<&ListedWave> = listed.iter().filter(|l| user.is_leader && l.wave.leader_id == Some(user.person().0)).collect();
    let units: Vec<&ListedWave> = listed_units.iter().collect();
    let wanted = invited
        .iter()
        .copied()
        .chain(team.iter().chain(&units).map(|l| &l.wave))
        .map(|w| (w.instrument_id.clone(), w.instrument_version))
        .collect();
    let instruments = app.catalog.get_all(c.ex(), wanted).await?;
    let title = |w: &WaveRow| {
        instruments
            .get(&(w.instrument_id.clone(), w.instrument_version))
            .map(|i| i.title.get(i18n.locale()).to_string())
            .unwrap_or_default()
    };
    let line = |w: &WaveRow, rate: Option<String>| {
        let state = wave_state(w, today);
        WaveLine {
            id: w.id,
            title: title(w),
            closes: super::conversations::day(&i18n, date(&w.closes_on)),
            state: state_key(state),
            rate,
            open: state == WaveState::Open,
            asks: asks(&i18n, w),
            repeats: w.repeat_weeks.map(|n| i18n.t1("survey-repeats", "count", n)),
        }
    };
    let open: Vec<&WaveRow> = invited.iter().copied().filter(|w| wave_state(w, today) == WaveState::Open).collect();
    let done = answered_by(&app, &mut c, user, &open.iter().map(|w| w.id).collect::<Vec<_>>()).await?;
    let (answered, waiting): (Vec<&WaveRow>, Vec<&WaveRow>) = open.into_iter().partition(|w| done.contains(&w.id));
    let waiting: Vec<WaveLine> = waiting.into_iter().map(|w| line(w, None)).collect();
    let answered: Vec<WaveLine> = answered.into_iter().map(|w| line(w, None)).collect();
    let earlier = invited.iter().filter(|w| wave_state(w, today) == WaveState::Closed).map(|w| line(w, None)).collect();
    // A running wave's count is never shown.
    let mut lines = Vec::new();
    for l in team.iter().chain(&units) {
        let w = &l.wave;
        let rate = (wave_state(w, today) == WaveState::Closed).then_some(l.answers).and_then(|count| {
            anonymity::response_rate(true, count, w.invited, w.threshold)
                .map(|(n, of)| i18n.t_with("survey-rate", &[("count", n.to_string()), ("invited", of.to_string())]))
        });
        lines.push(line(w, rate));
    }
    let unit_lines = lines.split_off(team.len());
    let notice = match q.done.as_str() {
        "answered" => Some("survey-answered"),
        "already" => Some("survey-already"),
        "opened" => Some("survey-opened"),
        "closed" => Some("survey-closed-now"),
        "stopped" => Some("survey-repeat-stopped"),
        _ => None,
    };
    Ok(IndexPage {
        page: ctx.page("surveys-title", Nav::Surveys),
        waiting,
        answered,
        earlier,
        team: lines,
        units: unit_lines,
        is_leader: user.is_leader,
        is_hr: user.is_admin,
        notice,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "surveys/new.html")]
struct NewPage {
    page: Page,
    form: FormState,
    surveys: Vec<(String, String, String)>,
    /// The team is smaller than the anonymity threshold: no results will ever show.
    small_team: bool,
    team_note: String,
    /// The person may ask their team (a leader), everyone in their reporting lines (a leader of
    /// leaders) and units (HR).
    can_team: bool,
    can_area: bool,
    can_unit: bool,
    /// How many an area wave asks, in how many teams.
    area_note: String,
    /// Units HR can ask: (id, name).
    units: Vec<(String, String)>,
    repeat_choices: Vec<(String, String)>,
    threshold: i64,
}

async fn new_page(ctx: &Ctx, app: &AppState, form: FormState) -> Result<NewPage, AppError> {
    let user = ctx.user()?;
    let (can_team, can_unit) = (user.is_leader, user.is_admin);
    if !can_team && !can_unit {
        return Err(AppError::NotFound);
    }
    let i18n = ctx.i18n();
    let locale = i18n.locale();
    let mut c = app.db.conn().await?;
    let team_size = if can_team { store::people::count_reports(c.ex(), user.person()).await? } else { 0 };
    let teams = if can_team { store::surveys::scope_teams(c.ex(), user.person()).await? } else { Vec::new() };
    let can_area = teams.len() > 1;
    let area_args = [("count", teams.iter().map(|t| t.invited).sum::<i64>().to_string()), ("teams", teams.len().to_string())];
    let area_note = i18n.t_with("survey-area-size", &area_args);
    let mut surveys = Vec::new();
    for id in SURVEYS.into_iter().filter(|id| can_team || *id == GROUP_SURVEY) {
        if let Some(version) = store::surveys::newest_version(c.ex(), id).await?
            && let Some(i) = app.catalog.get(c.ex(), id, version).await?
        {
            surveys.push((id.to_string(), i.title.get(locale).to_string(), i.introduction.get(locale).to_string()));
        }
    }
    let mut units: Vec<(String, String)> = if can_unit {
        store::units::all(c.ex()).await?.into_iter().filter(|u| u.active).map(|u| (u.id.to_string(), u.name)).collect()
    } else {
        Vec::new()
    };
    units.sort_by(|a, b| a.1.cmp(&b.1));
    let threshold = app.settings(user.version, c.ex()).await?.threshold;
    let small_team = can_team && team_size < threshold;
    let args = [("count", team_size.to_string()), ("threshold", threshold.to_string())];
    let team_note = i18n.t_with(if small_team { "survey-small-team" } else { "survey-team-size" }, &args);
    let mut repeat_choices = vec![(String::new(), i18n.t("survey-repeat-never"))];
    repeat_choices.extend(survey::REPEAT_WEEKS.iter().map(|n| (n.to_string(), i18n.t1("survey-repeats", "count", n))));
    Ok(NewPage {
        page: ctx.page("survey-new-title", Nav::Surveys),
        form,
        surveys,
        small_team,
        team_note,
        can_team,
        can_area,
        can_unit,
        area_note,
        units,
        repeat_choices,
        threshold,
    })
}

async fn new_form(ctx: Ctx, State(app): State<AppState>) -> Result<NewPage, AppError> {
    let closes = cadence::date_of(store::now()).checked_add(jiff::Span::new().days(DEFAULT_DAYS)).unwrap_or_default();
    let scope = if ctx.user()?.is_leader { "team" } else { "unit" };
    let values = [("scope", scope.to_string()), ("instrument", SURVEYS[0].to_string()), ("closes_on", closes.to_string())];
    new_page(&ctx, &app, FormState::with_values(values)).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OpenForm {
    scope: String,
    unit: String,
    sub_units: String,
    instrument: String,
    closes_on: String,
    repeat: String,
}

async fn open(ctx: Ctx, State(app): State<AppState>, axum::Form(f): axum::Form<OpenForm>) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    if !user.is_leader && !user.is_admin {
        return Err(AppError::NotFound);
    }
    let today = cadence::date_of(store::now());
    let mut form = FormState::with_values([
        ("scope", f.scope.clone()),
        ("unit", f.unit.clone()),
        ("sub_units", f.sub_units.clone()),
        ("instrument", f.instrument.clone()),
        ("closes_on", f.closes_on.clone()),
        ("repeat", f.repeat.clone()),
    ]);
    let threshold = app.settings(user.version, app.db.conn().await?.ex()).await?.threshold;
    // A leader asks their team; HR asks a unit: each only what they may.
    let scope = match f.scope.as_str() {
        "unit" if user.is_admin => match f.unit.parse::<i64>() {
            Ok(unit) => Some(Scope::Unit { unit, sub_units: f.sub_units == "on" }),
            Err(_) => {
                form.add_error("unit", i18n.t("survey-error-unit"));
                None
            }
        },
        "team" | "" if user.is_leader => Some(Scope::Team(user.person())),
        "area" if user.is_leader => Some(Scope::Area(user.person())),
        _ => return Err(AppError::Forbidden),
    };
    if !SURVEYS.contains(&f.instrument.as_str()) {
        form.add_error("instrument", i18n.t("survey-error-instrument"));
    } else if f.instrument != GROUP_SURVEY {
        match scope {
            Some(Scope::Unit { .. }) => form.add_error("instrument", i18n.t("survey-error-unit-instrument")),
            Some(Scope::Area(_)) => form.add_error("instrument", i18n.t("survey-error-area-instrument")),
            _ => {}
        }
    }
    let closes = f.closes_on.trim().parse::<jiff::civil::Date>();
    match closes {
        Err(_) => form.add_error("closes_on", i18n.t("survey-error-date")),
        Ok(closes) => match survey::check_days(today, closes) {
            Ok(()) => {}
            Err(survey::OpenError::EndsBeforeStart) => form.add_error("closes_on", i18n.t("survey-error-past")),
            Err(survey::OpenError::TooLong) => form.add_error("closes_on", i18n.t1("survey-error-too-long", "count", survey::MAX_DAYS)),
        },
    }
    let repeat_weeks = match f.repeat.trim() {
        "" => None,
        n => match n.parse::<i64>().ok().filter(|n| survey::REPEAT_WEEKS.contains(n)) {
            Some(n) if closes.as_ref().is_ok_and(|c| !survey::repeat_fits(today, *c, n)) => {
                form.add_error("repeat", i18n.t("survey-error-repeat-overlap"));
                None
            }
            Some(n) => Some(n),
            None => {
                form.add_error("repeat", i18n.t("survey-error-repeat"));
                None
            }
        },
    };
    if let Some(Scope::Unit { unit, sub_units }) = scope {
        let mut c = app.db.conn().await?;
        let known = store::units::all(c.ex()).await?.into_iter().any(|u| u.id == unit && u.active);
        if !known {
            form.add_error("unit", i18n.t("survey-error-unit"));
        } else {
            // Too few to ever show a result: refused, with the reason.
            let asked: i64 = store::surveys::scope_units(c.ex(), unit, sub_units).await?.iter().map(|u| u.invited).sum();
            if asked == 0 {
                form.add_error("unit", i18n.t("survey-error-unit-empty"));
            } else if asked < threshold {
                let args = [("count", asked.to_string()), ("threshold", threshold.to_string())];
                form.add_error("unit", i18n.t_with("survey-error-unit-small", &args));
            }
        }
    }
    if let Some(Scope::Area(leader)) = scope {
        let mut c = app.db.conn().await?;
        let teams = store::surveys::scope_teams(c.ex(), leader).await?;
        let asked: i64 = teams.iter().map(|t| t.invited).sum();
        // Only a leader of leaders has more than their own team to ask; too few is refused as
        // for a unit.
        if teams.len() < 2 {
            form.add_error("scope", i18n.t("survey-error-area-none"));
        } else if asked < threshold {
            let args = [("count", asked.to_string()), ("threshold", threshold.to_string())];
            form.add_error("scope", i18n.t_with("survey-error-area-small", &args));
        }
    }
    let (Some(scope), Ok(closes), false) = (scope, closes, form.has_errors()) else {
        return Ok(new_page(&ctx, &app, form).await?.into_response());
    };
    let opening = crate::waves::Opening {
        instrument: &f.instrument,
        scope,
        opened_by: user.person(),
        opens_on: today,
        closes_on: closes,
        threshold,
        repeat_weeks,
        follows: None,
    };
    let mut tx = app.db.begin().await?;
    if crate::waves::open(tx.ex(), &opening, app.web.origin.as_ref(), store::now()).await?.is_none() {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(Redirect::to("/surveys?done=opened").into_response())
}

/// Stops a recurring wave from opening the next one.
async fn stop_repeating(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>) -> Result<Response, AppError> {
    let mut tx = app.db.begin().await?;
    let w = store::surveys::wave(tx.ex(), id).await?.ok_or(AppError::NotFound)?;
    if !access::may(&ctx.viewer()?, Op::Write, &wave_resource(&w, false)) {
        return Err(AppError::NotFound);
    }
    store::surveys::stop_repeating(tx.ex(), id).await?;
    tx.commit().await?;
    Ok(Redirect::to("/surveys?done=stopped").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "surveys/answer.html")]
struct AnswerPage {
    page: Page,
    wave: i64,
    introduction: String,
    /// Why there is no form, when there is none.
    closed: Option<String>,
    dimensions: Vec<DimensionView>,
    errors: Vec<(String, String)>,
}

/// The wave if `person` is asked to answer it, with the group their answer counts in; anyone
/// else finds nothing.
async fn invited_wave(app: &AppState, c: &mut store::Conn, id: i64, user: &SessionUser) -> Result<(WaveRow, Option<i64>), AppError> {
    let wave = app.kept.get(user.version, Reads::CONTENT, Key::new("surveys::wave", id), store::surveys::wave(c.ex(), id)).await?;
    let w = wave.as_ref().as_ref().ok_or(AppError::NotFound)?;
    let group = *app.invitations.of(c, w).await?.get(&user.id).ok_or(AppError::NotFound)?;
    Ok((w.clone(), group))
}

fn answer_page(
    ctx: &Ctx,
    w: &WaveRow,
    i: &Instrument,
    closed: Option<String>,
    values: &HashMap<String, String>,
    errors: &HashMap<String, String>,
) -> AnswerPage {
    let i18n = ctx.i18n();
    let mut page = ctx.page("surveys-title", Nav::Surveys);
    page.title = i.title.get(i18n.locale()).to_string();
    let order: Vec<String> = i.items().flat_map(super::development::field_names).collect();
    let mut listed: Vec<(String, String)> = errors.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    listed.sort_by_key(|(k, _)| order.iter().position(|n| n == k).unwrap_or(usize::MAX));
    AnswerPage {
        page,
        wave: w.id,
        introduction: i.introduction.get(i18n.locale()).to_string(),
        dimensions: if closed.is_some() { Vec::new() } else { dimension_views(&i18n, i, &i.dimensions, values, errors) },
        closed,
        errors: listed,
    }
}

async fn answer_form(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>) -> Result<AnswerPage, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let mut c = app.db.conn().await?;
    let (w, _) = invited_wave(&app, &mut c, id, user).await?;
    let instrument = instrument_of(&app, &mut c, &w).await?;
    let closed = match wave_state(&w, cadence::date_of(store::now())) {
        WaveState::Open if store::surveys::has_answered(c.ex(), id, &participation_key(&app, id, user.person())).await? => {
            Some(i18n.t("survey-answered"))
        }
        WaveState::Open => None,
        WaveState::Upcoming => Some(i18n.t("survey-not-open")),
        WaveState::Closed => Some(i18n.t("survey-is-closed")),
    };
    Ok(answer_page(&ctx, &w, &instrument, closed, &HashMap::new(), &HashMap::new()))
}

async fn answer(
    ctx: Ctx,
    State(app): State<AppState>,
    Path(id): Path<i64>,
    axum::Form(form): axum::Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let mut c = app.db.conn().await?;
    let (w, group) = invited_wave(&app, &mut c, id, user).await?;
    let instrument = instrument_of(&app, &mut c, &w).await?;
    if wave_state(&w, cadence::date_of(store::now())) != WaveState::Open {
        return Ok(answer_page(&ctx, &w, &instrument, Some(i18n.t("survey-is-closed")), &HashMap::new(), &HashMap::new()).into_response());
    }
    let reading = answers::read(&instrument, instrument.items(), &form);
    let mut errors: HashMap<String, String> = reading.errors.iter().map(|(k, e)| (k.clone(), error_message(&i18n, e))).collect();
    for d in &instrument.dimensions {
        for item in answers::missing(d, &reading.answers) {
            errors.entry(answers::field(&item.id)).or_insert_with(|| error_message(&i18n, &answers::missing_error(item)));
        }
    }
    if !errors.is_empty() {
        return Ok(answer_page(&ctx, &w, &instrument, None, &reading.typed, &errors).into_response());
    }
    drop(c);
    let submission = crate::intake::Submission {
        wave: id,
        person_key: participation_key(&app, id, user.person()),
        group,
        answers: serde_json::to_string(&reading.answers).map_err(|e| AppError::Internal(e.to_string()))?,
        threshold: w.threshold,
    };
    // Stored with whatever other answers are waiting, in one transaction that checks the wave is
    // still open and records the participation.
    match app.intake.submit(submission).await.map_err(AppError::Internal)? {
        Outcome::Taken => Ok(Redirect::to("/surveys?done=answered").into_response()),
        Outcome::Already => Ok(Redirect::to("/surveys?done=already").into_response()),
        Outcome::Closed => {
            Ok(answer_page(&ctx, &w, &instrument, Some(i18n.t("survey-is-closed")), &HashMap::new(), &HashMap::new()).into_response())
        }
    }
}

async fn close(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>) -> Result<Response, AppError> {
    let mut tx = app.db.begin().await?;
    let w = store::surveys::wave(tx.ex(), id).await?.ok_or(AppError::NotFound)?;
    if !access::may(&ctx.viewer()?, Op::Write, &wave_resource(&w, false)) {
        return Err(AppError::NotFound);
    }
    store::surveys::close(tx.ex(), id, store::now()).await?;
    tx.commit().await?;
    Ok(Redirect::to("/surveys?done=closed").into_response())
}

struct ItemLine {
    text: String,
    mean: String,
    counts: Vec<i64>,
    /// The leader's own score on the same item, and the gap (upward view only).
    own: Option<(String, String)>,
}

/// The upward view beside the leader's own self-assessment.
struct Upward {
    /// The leader's latest leadership-skills self-assessment was found.
    has_own: bool,
    /// The largest gaps: the item's text, and the team's mean, the own score and the gap.
    largest: Vec<(String, String)>,
}

struct DimensionLine {
    title: String,
    mean: String,
    items: Vec<ItemLine>,
}

#[derive(Template, WebTemplate)]
#[template(path = "surveys/results.html")]
struct ResultsPage {
    page: Page,
    /// Why there are no results to show, when there are none.
    withheld: Option<String>,
    rate: String,
    scale: Vec<String>,
    dimensions: Vec<DimensionLine>,
    upward: Option<Upward>,
    /// Each shown wave of this survey up to this one: its last day and its dimensions' means.
    trend: Vec<(String, Vec<String>)>,
    wave: i64,
    /// The reader runs the wave (the leader who asked their team, or HR for a unit's wave):
    /// they reply and keep the action plan.
    runs: bool,
    unit_wave: bool,
    /// The dimensions' means as bars, the wave before marked on them.
    chart: Option<super::results::Chart>,
    chart_note: String,
    /// The groups that may be shown, for whoever runs a wave of groups, and how many may not.
    groups: Vec<GroupLine>,
    hidden_groups: usize,
    comment_lines: Vec<CommentLine>,
    /// "20 kommentarer, i tilfeldig rekkefølge."
    comment_count: String,
    comment_pager: Pager,
    /// The page of comments shown, which a reply returns to.
    comment_page: i64,
    actions: Vec<PlanLine>,
    /// The action plan of the team's wave before this one, to review.
    earlier_actions: Vec<PlanLine>,
    /// What was typed in a refused form.
    form: FormState,
}

/// A group of a wave with everything below it: its name, answers and dimension means.
struct GroupLine {
    name: String,
    depth: usize,
    answers: i64,
    means: Vec<String>,
}

/// A comment with the leader's reply, if any; `id` names it for the reply form.
struct CommentLine {
    id: String,
    text: String,
    reply: Option<String>,
}

/// An action of a team's action plan.
struct PlanLine {
    id: i64,
    text: String,
    owner: String,
    due: String,
    done: bool,
}

/// The instrument the upward view mirrors, item by item.
const SELF_VIEW: &str = "leadership-skills";
/// How many of the largest gaps the upward view lists first.
const LARGEST_GAPS: usize = 3;

/// The leader's own scores from their latest leadership-skills self-assessment, by item.
async fn own_scores(app: &AppState, c: &mut store::Conn, leader: &SessionUser) -> Result<Option<HashMap<String, i64>>, AppError> {
    let key = Key::new("development::latest_answers", (leader.id, SELF_VIEW));
    let latest = app
        .kept
        .get(leader.version, Reads::DEVELOPMENT, key, store::development::latest_answers(c.ex(), leader.person(), SELF_VIEW))
        .await?;
    let Some((version, answers)) = latest.as_ref() else { return Ok(None) };
    let Some(instrument) = app.catalog.get(c.ex(), SELF_VIEW, *version).await? else { return Ok(None) };
    let answers: Answers = serde_json::from_str(answers).unwrap_or_default();
    Ok(Some(
        instrument
            .items()
            .filter_map(|item| {
                let score = answers::item_score(instrument.scale_of(item)?, item, answers.get(&item.id))?;
                Some((item.id.clone(), score))
            })
            .collect(),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResultsQuery {
    /// The page of comments.
    comments: String,
}

async fn results(
    ctx: Ctx,
    State(app): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<ResultsQuery>,
) -> Result<ResultsPage, AppError> {
    let page = q.comments.parse().unwrap_or(1);
    results_page(&ctx, &app, id, CommentsAt::Page(page), FormState::new()).await
}

/// Comments shown to a page: a unit's wave can have hundreds, each with a reply form.
pub const COMMENTS_PER_PAGE: i64 = 20;

/// Which comments a results page shows.
enum CommentsAt {
    Page(i64),
    /// The page holding the comment of this answer (whose reply was refused).
    Holding(String),
}

/// The wave for whoever may read it (who runs it, who was asked), and whether the reader
/// runs it; anyone else finds nothing.
async fn readable_wave(app: &AppState, ctx: &Ctx, c: &mut store::Conn, id: i64) -> Result<(WaveRow, bool), AppError> {
    let viewer = ctx.viewer()?;
    let user = ctx.user()?;
    // The wave and the reader's invitation in one read: whoever runs it reads it whether asked or not.
    let key = Key::new("surveys::wave_for", (id, user.id));
    let found = app.kept.get(user.version, Reads::CONTENT, key, store::surveys::wave_for(c.ex(), id, viewer.id)).await?;
    let found = found.as_ref().as_ref().ok_or(AppError::NotFound)?;
    if access::may(&viewer, Op::Write, &wave_resource(&found.wave, false)) {
        return Ok((found.wave.clone(), true));
    }
    if !access::may(&viewer, Op::Read, &wave_resource(&found.wave, found.asked)) {
        return Err(AppError::NotFound);
    }
    Ok((found.wave.clone(), false))
}

fn plan_lines(i18n: &super::i18n::I18n, actions: Vec<store::surveys::WaveAction>) -> Vec<PlanLine> {
    actions
        .into_iter()
        .map(|a| PlanLine {
            id: a.id,
            text: a.text,
            owner: a.owner,
            due: a.due_date.and_then(|d| d.parse().ok()).map_or_else(|| "–".to_string(), |d| super::conversations::day(i18n, d)),
            done: a.done_at.is_some(),
        })
        .collect()
}

/// Earlier waves asking the same people the same survey, oldest first.
async fn earlier_waves(app: &AppState, version: DataVersion, c: &mut store::Conn, w: &WaveRow) -> Result<Vec<WaveRow>, AppError> {
    let all = match w.leader_id {
        Some(leader) => {
            let key = Key::new("surveys::of_leader", leader);
            app.kept.get(version, Reads::CONTENT, key, store::surveys::of_leader(c.ex(), PersonId(leader))).await?
        }
        None => app.kept.get(version, Reads::CONTENT, Key::new("surveys::of_units", ()), store::surveys::of_units(c.ex())).await?,
    };
    Ok(all.iter().rev().filter(|e| same_scope(e, w) && e.closes_on <= w.closes_on && e.id != w.id).cloned().collect())
}

/// The groups of a wave that may be shown, each with everything below it, in tree order, and how
/// many may not.
async fn group_lines(
    app: &AppState,
    ctx: &Ctx,
    c: &mut store::Conn,
    w: &WaveRow,
    closed: &ClosedAnswers,
) -> Result<(Vec<GroupLine>, usize), AppError> {
    let shown: Vec<i64> = closed.shown_groups.iter().map(|g| g.id).collect();
    // A unit's groups are units; a leader's are teams, named by their leaders.
    let teams = w.unit_id.is_none();
    let i18n = ctx.i18n();
    let user = ctx.user()?;
    let key = Key::new("surveys::group_names", (&shown, teams));
    let names = app.kept.get(user.version, Reads::CONTENT, key, store::surveys::group_names(c.ex(), &shown, teams)).await?;
    let names: HashMap<i64, String> =
        names.iter().map(|(id, name)| (*id, if teams { i18n.t1("survey-group-team", "leader", name) } else { name.clone() })).collect();
    let lines = closed
        .shown_groups
        .iter()
        .map(|g| GroupLine {
            name: names.get(&g.id).cloned().unwrap_or_default(),
            depth: g.depth,
            answers: g.answers,
            means: g.totals.iter().map(|&t| survey::total_mean(t).map_or_else(|| "–".to_string(), |m| i18n.decimal(m))).collect(),
        })
        .collect();
    Ok((lines, closed.hidden_groups))
}

/// The results of a wave for whoever may read them; `form` holds what a refused form held.
async fn results_page(ctx: &Ctx, app: &AppState, id: i64, comments: CommentsAt, form: FormState) -> Result<ResultsPage, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let locale = i18n.locale();
    let mut c = app.db.conn().await?;
    let (w, runs) = readable_wave(app, ctx, &mut c, id).await?;
    let instrument = instrument_of(app, &mut c, &w).await?;
    let mut page = ctx.page("surveys-title", Nav::Surveys);
    page.title = i18n.t1("survey-results-title", "title", instrument.title.get(locale));
    // A unit's wave names its unit; a wave over reporting lines says whose.
    let asked = w.unit_name.clone().or_else(|| if w.sub_units { asks(&i18n, &w) } else { None });
    if let Some(asked) = asked {
        page.title = format!("{} – {asked}", page.title);
    }
    let empty = |page: Page, withheld: String| ResultsPage {
        page,
        withheld: Some(withheld),
        rate: String::new(),
        scale: Vec::new(),
        dimensions: Vec::new(),
        upward: None,
        trend: Vec::new(),
        wave: id,
        runs,
        unit_wave: w.unit_id.is_some(),
        chart: None,
        chart_note: String::new(),
        groups: Vec::new(),
        hidden_groups: 0,
        comment_lines: Vec::new(),
        comment_count: String::new(),
        comment_pager: Pager::single(),
        comment_page: 1,
        actions: Vec::new(),
        earlier_actions: Vec::new(),
        form: FormState::new(),
    };
    if wave_state(&w, cadence::date_of(store::now())) != WaveState::Closed {
        let closes = super::conversations::day(&i18n, date(&w.closes_on));
        return Ok(empty(page, i18n.t1("survey-results-after", "date", closes)));
    }
    // Read once: the summary, the groups and the comments (named by their answer's id) come from
    // the same rows.
    let closed = closed_answers(app, &mut c, &w, &instrument).await?;
    let (summary, count) = (&closed.summary, closed.count);
    let Some((n, invited)) = anonymity::response_rate(true, count, w.invited, w.threshold).filter(|_| enough_answers(&w, count)) else {
        return Ok(empty(page, i18n.t1("survey-too-few", "count", w.threshold)));
    };
    let decimal = |m: Option<f64>| m.map_or_else(|| "–".to_string(), |m| i18n.decimal(m));
    // The same survey's earlier waves for the same people, each only where it could be shown itself.
    let today = cadence::date_of(store::now());
    let mut trend = Vec::new();
    let mut before: Option<(String, Vec<Option<f64>>)> = None;
    let earlier_list = earlier_waves(app, user.version, &mut c, &w).await?;
    for earlier in earlier_list.iter().filter(|e| wave_state(e, today) == WaveState::Closed) {
        let answers = closed_answers(app, &mut c, earlier, &instrument).await?;
        if !enough_answers(earlier, answers.count) {
            continue;
        }
        let means: Vec<Option<f64>> = answers.summary.dimensions.iter().map(|d| d.mean).collect();
        let day = super::conversations::day(&i18n, date(&earlier.closes_on));
        trend.push((day.clone(), means.iter().map(|m| decimal(*m)).collect()));
        before = Some((day, means));
    }
    if !trend.is_empty() {
        trend.push((super::conversations::day(&i18n, date(&w.closes_on)), summary.dimensions.iter().map(|d| decimal(d.mean)).collect()));
    }
    let signed = |g: f64| if g > 0.0 { format!("+{}", i18n.decimal(g)) } else { i18n.decimal(g).replace('-', "−") };
    // The leader's own self-assessment is theirs alone: the team sees the upward view without it.
    let upward_view = w.instrument_id == "upward-view" && w.leader_id == Some(user.person().0);
    let own = if upward_view { own_scores(app, &mut c, user).await? } else { None };
    let gaps = own.as_ref().map(|own| survey::gaps(summary, own)).unwrap_or_default();
    let text_of = |id: &str| instrument.items().find(|x| x.id == id).map(|x| x.text.get(locale).to_string()).unwrap_or_default();
    let upward = upward_view.then(|| Upward {
        has_own: own.is_some(),
        largest: gaps
            .iter()
            .take(LARGEST_GAPS)
            .map(|g| {
                let args = [("team", i18n.decimal(g.team)), ("own", g.own.to_string()), ("gap", signed(g.gap))];
                (text_of(&g.item), i18n.t_with("survey-gap-line", &args))
            })
            .collect(),
    });
    let scale = instrument.scales.values().next();
    let title_of =
        |id: &str| instrument.dimensions.iter().find(|x| x.id == id).map(|x| x.title.get(locale).to_string()).unwrap_or_default();
    let chart = scale.map(|s| {
        let previous = before.as_ref().map(|(_, means)| means.clone()).unwrap_or_default();
        let bars = summary.dimensions.iter().enumerate().map(|(k, d)| (title_of(&d.id), d.mean, previous.get(k).copied().flatten()));
        super::results::bar_chart(locale, (s.min, s.max), bars)
    });
    let chart_note = match &before {
        Some((day, _)) => i18n.t1("survey-chart-previous", "date", day),
        None => String::new(),
    };
    let dimensions = summary
        .dimensions
        .iter()
        .map(|d| DimensionLine {
            title: title_of(&d.id),
            mean: decimal(d.mean),
            items: d
                .items
                .iter()
                .map(|r| ItemLine {
                    text: text_of(&r.id),
                    mean: decimal(r.mean),
                    counts: r.counts.clone(),
                    own: gaps.iter().find(|g| g.item == r.id).map(|g| (g.own.to_string(), signed(g.gap))),
                })
                .collect(),
        })
        .collect();
    // Whoever runs a wave of groups (HR a unit's, a leader their reporting lines') sees its
    // groups, each behind the same threshold and differencing rule.
    let (groups, hidden_groups) = if runs && has_groups(&w) { group_lines(app, ctx, &mut c, &w, &closed).await? } else { (Vec::new(), 0) };
    // Comments in the order of the answers' random ids: not the order they were written.
    let total = closed.comments.len() as i64;
    let requested = match comments {
        CommentsAt::Page(n) => n,
        CommentsAt::Holding(answer) => {
            closed.comments.iter().position(|(a, _)| *a == answer).map_or(1, |k| k as i64 / COMMENTS_PER_PAGE + 1)
        }
    };
    let (comment_page, pages) = page_of(requested, total, COMMENTS_PER_PAGE);
    let comment_pager = Pager::new(&i18n, comment_page, pages, |n| format!("/surveys/{id}/results?comments={n}#comments-title"));
    let replies = app.kept.get(user.version, Reads::CONTENT, Key::new("surveys::replies", id), store::surveys::replies(c.ex(), id)).await?;
    let replies: HashMap<&str, &str> = replies.iter().map(|(answer, reply)| (answer.as_str(), reply.as_str())).collect();
    let comment_lines = closed
        .comments
        .iter()
        .skip(((comment_page - 1) * COMMENTS_PER_PAGE) as usize)
        .take(COMMENTS_PER_PAGE as usize)
        .map(|(aid, text)| CommentLine { id: aid.clone(), text: text.clone(), reply: replies.get(aid.as_str()).map(|r| r.to_string()) })
        .collect();
    // The plan of the wave before this one, of the same survey and people, is reviewed here.
    let previous = earlier_list.last().map(|e| e.id);
    let key = Key::new("surveys::actions", (id, previous));
    let (actions, earlier_actions): (Vec<_>, Vec<_>) = app
        .kept
        .get(user.version, Reads::CONTENT, key, store::surveys::actions(c.ex(), id, previous))
        .await?
        .iter()
        .cloned()
        .partition(|a| a.wave_id == id);
    let (actions, earlier_actions) = (plan_lines(&i18n, actions), plan_lines(&i18n, earlier_actions));
    Ok(ResultsPage {
        page,
        withheld: None,
        rate: i18n.t_with("survey-rate", &[("count", n.to_string()), ("invited", invited.to_string())]),
        scale: scale.map(|s| s.values().map(|v| v.to_string()).collect()).unwrap_or_default(),
        dimensions,
        upward,
        trend,
        wave: id,
        runs,
        unit_wave: w.unit_id.is_some(),
        chart,
        chart_note,
        groups,
        hidden_groups,
        comment_lines,
        comment_count: i18n.t1("survey-comments-count", "count", total),
        comment_pager,
        comment_page,
        actions,
        earlier_actions,
        form,
    })
}

/// Limits of what the leader writes on a wave's results, in characters.
const REPLY_LENGTH: usize = 2_000;
const ACTION_LENGTH: usize = 300;
const OWNER_LENGTH: usize = 100;

/// The leader and the results of a closed wave that showed: what replies and plans need.
async fn running_closed_wave(app: &AppState, ctx: &Ctx, c: &mut store::Conn, id: i64) -> Result<WaveRow, AppError> {
    let (w, runs) = readable_wave(app, ctx, c, id).await?;
    if !runs || wave_state(&w, cadence::date_of(store::now())) != WaveState::Closed {
        return Err(AppError::Forbidden);
    }
    let count = store::surveys::answer_count(c.ex(), id).await?;
    if !enough_answers(&w, count) {
        return Err(AppError::Forbidden);
    }
    Ok(w)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReplyForm {
    answer: String,
    text: String,
    /// The page of comments the reply was written on.
    comments: i64,
}

/// The leader answers a comment; the team reads the reply beside it.
async fn reply(
    ctx: Ctx,
    State(app): State<AppState>,
    Path(id): Path<i64>,
    axum::Form(f): axum::Form<ReplyForm>,
) -> Result<Response, AppError> {
    let i18n = ctx.i18n();
    let mut c = app.db.conn().await?;
    running_closed_wave(&app, &ctx, &mut c, id).await?;
    drop(c);
    let text = f.text.trim();
    let field = format!("reply-{}", f.answer);
    let problem = if text.is_empty() {
        Some(i18n.t("survey-error-reply-empty"))
    } else if text.chars().count() > REPLY_LENGTH {
        Some(i18n.t1("conversation-error-too-long", "max", i18n.number(REPLY_LENGTH as i64)))
    } else {
        None
    };
    if let Some(message) = problem {
        let mut form = FormState::with_values([(field.as_str(), f.text.clone())]);
        form.add_error(&field, message);
        return Ok(results_page(&ctx, &app, id, CommentsAt::Holding(f.answer), form).await?.into_response());
    }
    let mut tx = app.db.begin().await?;
    if !store::surveys::reply(tx.ex(), id, &f.answer, text, store::now()).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/surveys/{id}/results?comments={}#comments-title", f.comments.max(1))).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PlanForm {
    /// add or done
    what: String,
    text: String,
    owner: String,
    due: String,
    item: String,
    on: String,
}

/// The team's action plan after a wave: the leader adds actions and marks them done.
async fn plan(
    ctx: Ctx,
    State(app): State<AppState>,
    Path(id): Path<i64>,
    axum::Form(f): axum::Form<PlanForm>,
) -> Result<Response, AppError> {
    let i18n = ctx.i18n();
    let mut c = app.db.conn().await?;
    running_closed_wave(&app, &ctx, &mut c, id).await?;
    drop(c);
    let back = Redirect::to(&format!("/surveys/{id}/results#plan-title")).into_response();
    if f.what == "done" {
        let item = f.item.parse::<i64>().map_err(|_| AppError::BadRequest)?;
        let mut tx = app.db.begin().await?;
        let done = (f.on == "1").then(store::now);
        if store::surveys::set_action_done(tx.ex(), id, item, done).await? == 0 {
            return Err(AppError::NotFound);
        }
        tx.commit().await?;
        return Ok(back);
    }
    let mut form = FormState::with_values([("plan_text", f.text.clone()), ("plan_owner", f.owner.clone()), ("plan_due", f.due.clone())]);
    let (text, owner) = (f.text.trim(), f.owner.trim());
    if text.is_empty() {
        form.add_error("plan_text", i18n.t("survey-error-action-empty"));
    } else if text.chars().count() > ACTION_LENGTH {
        form.add_error("plan_text", i18n.t1("conversation-error-too-long", "max", ACTION_LENGTH));
    }
    if owner.chars().count() > OWNER_LENGTH {
        form.add_error("plan_owner", i18n.t1("conversation-error-too-long", "max", OWNER_LENGTH));
    }
    let due = match f.due.trim() {
        "" => None,
        d => match d.parse::<jiff::civil::Date>() {
            Ok(d) => Some(d.to_string()),
            Err(_) => {
                form.add_error("plan_due", i18n.t("survey-error-date"));
                None
            }
        },
    };
    if form.has_errors() {
        return Ok(results_page(&ctx, &app, id, CommentsAt::Page(1), form).await?.into_response());
    }
    let owner = if owner.is_empty() { i18n.t("survey-plan-team") } else { owner.to_string() };
    let mut tx = app.db.begin().await?;
    store::surveys::add_action(tx.ex(), id, text, &owner, due.as_deref(), store::now()).await?;
    tx.commit().await?;
    Ok(back)
}

/// The results as a spreadsheet: one row per statement with its dimension, mean and how many
/// chose each value; aggregates only, and only where the page would show them.
async fn export(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>) -> Result<Response, AppError> {
    let i18n = ctx.i18n();
    let locale = i18n.locale();
    let mut c = app.db.conn().await?;
    let (w, _) = readable_wave(&app, &ctx, &mut c, id).await?;
    if wave_state(&w, cadence::date_of(store::now())) != WaveState::Closed {
        return Err(AppError::NotFound);
    }
    let instrument = instrument_of(&app, &mut c, &w).await?;
    let closed = closed_answers(&app, &mut c, &w, &instrument).await?;
    if !enough_answers(&w, closed.count) {
        return Err(AppError::NotFound);
    }
    let summary = &closed.summary;
    let scale: Vec<String> = instrument.scales.values().next().map(|s| s.values().map(|v| v.to_string()).collect()).unwrap_or_default();
    let fail = |e: &dyn std::fmt::Display| AppError::Internal(e.to_string());
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut heading = vec![i18n.t("export-dimension"), i18n.t("export-item"), i18n.t("survey-item"), i18n.t("survey-mean-column")];
    heading.extend(scale.iter().cloned());
    out.write_record(&heading).map_err(|e| fail(&e))?;
    for d in &summary.dimensions {
        let title = instrument.dimensions.iter().find(|x| x.id == d.id).map(|x| x.title.get(locale).to_string()).unwrap_or_default();
        for item in &d.items {
            let text = instrument.items().find(|x| x.id == item.id).map(|x| x.text.get(locale).to_string()).unwrap_or_default();
            let mut row = vec![title.clone(), item.id.clone(), text, item.mean.map(|m| i18n.decimal(m)).unwrap_or_default()];
            row.extend(item.counts.iter().map(i64::to_string));
            out.write_record(row.iter().map(|cell| crate::domain::text::spreadsheet_safe(cell))).map_err(|e| fail(&e))?;
        }
    }
    let body = out.into_inner().map_err(|e| fail(&e))?;
    let name = format!("{}-{}", w.instrument_id, w.closes_on);
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (axum::http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}.csv\"")),
        ],
        body,
    )
        .into_response())
}
