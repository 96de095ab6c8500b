//! Mitt team: a page per direct report, showing what they have shared with their leader.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;

use axum::extract::Query;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::AppState;
use super::conversations::{PairLine, pair_lines};
use super::ctx::{Ctx, Nav, Page};
use super::development::{ResultPage, build_result, date, may_read};
use super::error::AppError;
use crate::domain::PersonId;
use crate::domain::cadence;
use crate::domain::conversation::{Channel, TouchKind};
use crate::store;
use crate::store::cache::{Key, Reads};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/team", get(overview))
        .route("/team/touchpoints", axum::routing::post(log_contact))
        .route("/team/{person}", get(report))
        .route("/team/{person}/results/{id}", get(shared_result))
        .route_layer(axum::middleware::from_fn(super::ctx::require_signed_in))
}

struct SharedLine {
    id: i64,
    title: String,
    submitted: String,
    shared: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "team/report.html")]
struct ReportPage {
    page: Page,
    person: i64,
    title: String,
    unit: String,
    location: String,
    shared: Vec<SharedLine>,
    /// The pair's conversations, newest first: (id, when, status message).
    conversations: Vec<(i64, String, &'static str)>,
}

/// A report's page; anyone but their leader finds nothing here.
async fn report(ctx: Ctx, State(app): State<AppState>, Path(person): Path<i64>) -> Result<ReportPage, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let mut c = app.db.conn().await?;
    let key = Key::new("development::report", (user.id, person));
    let report =
        app.kept.get(user.version, Reads::DEVELOPMENT, key, store::development::report(c.ex(), user.person(), PersonId(person))).await?;
    let store::development::Report { rows, conversations } = report.as_ref().as_ref().ok_or(AppError::NotFound)?;
    let first = rows.first().ok_or(AppError::NotFound)?;
    let instruments =
        app.catalog.get_all(c.ex(), rows.iter().filter_map(|r| Some((r.instrument_id.clone()?, r.instrument_version?))).collect()).await?;
    let shared = rows
        .iter()
        .filter_map(|r| {
            let i = instruments.get(&(r.instrument_id.clone()?, r.instrument_version?))?;
            Some(SharedLine {
                id: r.attempt?,
                title: i.title.get(i18n.locale()).to_string(),
                submitted: date(&i18n, r.submitted_at?),
                shared: date(&i18n, r.shared_at?),
            })
        })
        .collect();
    let conversations = conversations
        .iter()
        .map(|r| (r.id, super::conversations::when(&i18n, r.starts_at), super::conversations::status_key(&r.status)))
        .collect();
    let dash = || "–".to_string();
    let mut page = ctx.page("team-title", Nav::Team);
    page.title = first.name.clone();
    Ok(ReportPage {
        page,
        person,
        title: if first.title.is_empty() { dash() } else { first.title.clone() },
        unit: first.unit_name.clone().unwrap_or_else(dash),
        location: first.location_name.clone().unwrap_or_else(dash),
        shared,
        conversations,
    })
}

/// A result a report shared with this leader, with the earlier ones they shared.
async fn shared_result(ctx: Ctx, State(app): State<AppState>, Path((person, id)): Path<(i64, i64)>) -> Result<ResultPage, AppError> {
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    let i18n = ctx.i18n();
    let key = Key::new("development::shared_result", (user.id, person, id, i18n.locale()));
    let load = async {
        let rows = store::development::shared_history(c.ex(), user.person(), PersonId(person), id).await?;
        build_result(&i18n, &app, c.ex(), &rows, id).await
    };
    let (view, this) = app.kept.get(user.version, Reads::DEVELOPMENT, key, load).await?.as_ref().clone().ok_or(AppError::NotFound)?;
    // The statement already holds only what is shared with this leader; the rule says so too.
    if !may_read(&ctx, &this) {
        return Err(AppError::NotFound);
    }
    let mut page = ctx.page("team-title", Nav::Team);
    page.title = view.title.clone();
    Ok(ResultPage {
        page,
        result: view,
        sharing: None,
        result_base: format!("/team/{person}/results"),
        back_href: format!("/team/{person}"),
        back_label: i18n.t("team-back"),
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "team/index.html")]
struct OverviewPage {
    page: Page,
    all: std::sync::Arc<Vec<PairLine>>,
    /// Which of `all` are shown, in order.
    shown: Vec<usize>,
    sort: String,
    filter: String,
    counts: (usize, usize, usize),
    /// The kinds and channels of contact, codes and labels; those of the contact just logged
    /// are chosen again.
    kinds: Vec<(&'static str, std::borrow::Cow<'static, str>)>,
    channels: Vec<(&'static str, std::borrow::Cow<'static, str>)>,
    kind: String,
    channel: String,
    logged: Option<String>,
    /// What *distant* means, with the organisation's thresholds.
    distance_note: String,
}

impl OverviewPage {
    fn pairs(&self) -> impl Iterator<Item = &PairLine> {
        self.shown.iter().map(|&i| &self.all[i])
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OverviewQuery {
    sort: String,
    filter: String,
    logged: String,
    /// The kind and channel of the contact just logged, chosen again for the next.
    kind: String,
    channel: String,
}

/// The leader's contact overview: each direct report with last contact, conversations, open
/// actions, and whether they are overdue or distant. Sorted and filtered by links, so it works
/// without JavaScript.
async fn overview(ctx: Ctx, State(app): State<AppState>, Query(q): Query<OverviewQuery>) -> Result<OverviewPage, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let today = cadence::date_of(store::now());
    let mut c = app.db.conn().await?;
    let settings = app.settings(user.version, c.ex()).await?;
    // The lines, worked out once per language and day: fifty pairs' due dates and distance.
    let key = Key::new("team::pair_lines", (user.id, i18n.locale(), today));
    let load = async {
        let rows = store::conversations::pairs(c.ex(), user.person()).await?;
        Ok::<_, store::Error>(pair_lines(&i18n, &rows, today, &settings))
    };
    let all = app.kept.get(user.version, Reads::CONTENT, key, load).await?;
    if all.is_empty() && !user.is_leader {
        return Err(AppError::NotFound);
    }
    let counts =
        (all.iter().filter(|p| p.overdue).count(), all.iter().filter(|p| p.distant).count(), all.iter().filter(|p| p.remote).count());
    let logged = all.iter().find(|p| p.id.to_string() == q.logged).map(|p| i18n.t1("team-contact-logged", "name", &p.name));
    let mut shown: Vec<usize> = (0..all.len())
        .filter(|&i| match q.filter.as_str() {
            "overdue" => all[i].overdue,
            "distant" => all[i].distant,
            "remote" => all[i].remote,
            _ => true,
        })
        .collect();
    match q.sort.as_str() {
        "contact" => shown.sort_by_key(|&i| std::cmp::Reverse(all[i].days_since_contact)),
        "due" => shown.sort_by_key(|&i| all[i].due_date),
        _ => {}
    }
    Ok(OverviewPage {
        page: ctx.page("team-title", Nav::Team),
        all,
        shown,
        sort: q.sort,
        filter: q.filter,
        counts,
        kinds: TouchKind::ALL.iter().map(|k| (k.code(), i18n.text(&format!("touch-kind-{}", k.code())))).collect(),
        channels: Channel::ALL.iter().map(|c| (c.code(), i18n.text(&format!("conversation-channel-{}", c.code())))).collect(),
        kind: q.kind,
        channel: q.channel,
        logged,
        distance_note: i18n.t_with(
            "team-distant-explained",
            &[("count", settings.distance.cadences.to_string()), ("days", settings.distance.in_person_days.to_string())],
        ),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ContactForm {
    /// The report, when a leader logs; empty when an employee logs contact with their leader.
    with: String,
    kind: String,
    channel: String,
}

/// Logs a touchpoint dated today, for a report of the leader or with the employee's leader.
async fn log_contact(ctx: Ctx, State(app): State<AppState>, axum::Form(f): axum::Form<ContactForm>) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let (Some(kind), Some(channel)) = (TouchKind::from_code(&f.kind), Channel::from_code(&f.channel)) else {
        return Err(AppError::BadRequest);
    };
    let mut tx = app.db.begin().await?;
    let (leader, employee, back) = match f.with.parse::<i64>() {
        Ok(id) => {
            let person = store::people::get(tx.ex(), PersonId(id)).await?.filter(|p| p.active && p.leader_id == Some(user.id));
            let person = person.ok_or(AppError::NotFound)?;
            (user.person(), person.id(), format!("/team?logged={id}&kind={}&channel={}", kind.code(), channel.code()))
        }
        Err(_) => {
            let me = store::people::get(tx.ex(), user.person()).await?.ok_or(AppError::NotFound)?;
            (PersonId(me.leader_id.ok_or(AppError::NotFound)?), user.person(), "/conversations?saved=contact".to_string())
        }
    };
    let now = store::now();
    let today = cadence::date_of(now).to_string();
    let new = store::conversations::NewTouchpoint {
        leader,
        employee,
        author: user.person(),
        kind: kind.code(),
        channel: channel.code(),
        on_date: &today,
    };
    store::conversations::add_touchpoint(tx.ex(), &new, now).await?;
    tx.commit().await?;
    Ok(Redirect::to(&back).into_response())
}
