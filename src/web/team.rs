//! Mitt team: a page per direct report, showing what they have shared with their leader.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;

use super::AppState;
use super::ctx::{Ctx, Nav, Page};
use super::development::{ResultPage, build_result, date, may_read};
use super::error::AppError;
use crate::domain::PersonId;
use crate::store;

pub fn routes() -> Router<AppState> {
    Router::new()
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
}

/// A report's page; anyone but their leader finds nothing here.
async fn report(ctx: Ctx, State(app): State<AppState>, Path(person): Path<i64>) -> Result<ReportPage, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let mut c = app.db.conn().await?;
    let rows = store::development::report(c.ex(), user.person(), PersonId(person)).await?;
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
    let dash = || "–".to_string();
    let mut page = ctx.page("team-title", Nav::Home);
    page.title = first.name.clone();
    Ok(ReportPage {
        page,
        person,
        title: if first.title.is_empty() { dash() } else { first.title.clone() },
        unit: first.unit_name.clone().unwrap_or_else(dash),
        location: first.location_name.clone().unwrap_or_else(dash),
        shared,
    })
}

/// A result a report shared with this leader, with the earlier ones they shared.
async fn shared_result(ctx: Ctx, State(app): State<AppState>, Path((person, id)): Path<(i64, i64)>) -> Result<ResultPage, AppError> {
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    let rows = store::development::shared_history(c.ex(), user.person(), PersonId(person), id).await?;
    let (view, this) = build_result(&ctx, &app, &mut c, &rows, id).await?;
    // The statement already holds only what is shared with this leader; the rule says so too.
    if !may_read(&ctx, &this) {
        return Err(AppError::NotFound);
    }
    let mut page = ctx.page("team-title", Nav::Home);
    page.title = view.title.clone();
    Ok(ResultPage {
        page,
        result: view,
        sharing: None,
        result_base: format!("/team/{person}/results"),
        back_href: format!("/team/{person}"),
        back_label: ctx.i18n().t("team-back"),
    })
}
