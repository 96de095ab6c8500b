//! Locations (sites): list, create, rename, deactivate.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::ActiveForm;
use crate::domain::LocationId;
use crate::domain::fields::required_text;
use crate::store::cache::{Key, Reads};
use crate::store::{self, locations::Location};
use crate::web::AppState;
use crate::web::ctx::{Ctx, Nav, Page};
use crate::web::error::AppError;
use crate::web::forms::FormState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/org/locations", get(list).post(create))
        .route("/org/locations/{id}", get(edit).post(update))
        .route("/org/locations/{id}/active", post(set_active))
}

#[derive(Template, WebTemplate)]
#[template(path = "org/locations.html")]
struct LocationsPage {
    page: Page,
    locations: Vec<Location>,
    form: FormState,
    notice: Option<&'static str>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Notice {
    saved: String,
}

async fn locations_page(ctx: &Ctx, app: &AppState, form: FormState, notice: Option<&'static str>) -> Result<LocationsPage, AppError> {
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    let locations = app.kept.get(user.version, Reads::CONTENT, Key::new("locations::all", ()), store::locations::all(c.ex())).await?;
    Ok(LocationsPage { page: ctx.page("org-locations-title", Nav::Organisation), locations: locations.as_ref().clone(), form, notice })
}

async fn list(ctx: Ctx, State(app): State<AppState>, Query(n): Query<Notice>) -> Result<LocationsPage, AppError> {
    let notice = (!n.saved.is_empty()).then_some("org-locations-saved");
    locations_page(&ctx, &app, FormState::new(), notice).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LocationForm {
    name: String,
}

/// A valid, unused name, or the form with its error.
fn validate(ctx: &Ctx, existing: &[Location], f: &LocationForm, id: Option<i64>, form: &mut FormState) -> Option<String> {
    let i18n = ctx.i18n();
    let name = form.check(&i18n, "name", required_text(&f.name, 200))?;
    if existing.iter().any(|l| Some(l.id) != id && l.name.to_lowercase() == name.to_lowercase()) {
        form.add_error("name", i18n.t("org-locations-error-taken"));
        return None;
    }
    Some(name)
}

async fn create(ctx: Ctx, State(app): State<AppState>, Form(f): Form<LocationForm>) -> Result<Response, AppError> {
    let mut tx = app.db.begin().await?;
    let existing = store::locations::all(tx.ex()).await?;
    let mut form = FormState::with_values([("name", f.name.clone())]);
    let Some(name) = validate(&ctx, &existing, &f, None, &mut form) else {
        drop(tx);
        return Ok(locations_page(&ctx, &app, form, None).await?.into_response());
    };
    store::locations::insert(tx.ex(), &name).await?;
    tx.commit().await?;
    Ok(Redirect::to("/org/locations?saved=1").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "org/location_edit.html")]
struct EditPage {
    page: Page,
    location: Location,
    form: FormState,
}

async fn edit_page(ctx: &Ctx, app: &AppState, id: i64, form: Option<FormState>) -> Result<EditPage, AppError> {
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    let locations = app.kept.get(user.version, Reads::CONTENT, Key::new("locations::all", ()), store::locations::all(c.ex())).await?;
    let location = locations.iter().find(|l| l.id == id).cloned().ok_or(AppError::NotFound)?;
    let form = form.unwrap_or_else(|| FormState::with_values([("name", location.name.clone())]));
    let mut page = ctx.page("org-locations-edit-title", Nav::Organisation);
    page.title = format!("{}: {}", page.title, location.name);
    Ok(EditPage { page, location, form })
}

async fn edit(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>) -> Result<EditPage, AppError> {
    edit_page(&ctx, &app, id, None).await
}

async fn update(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>, Form(f): Form<LocationForm>) -> Result<Response, AppError> {
    let mut tx = app.db.begin().await?;
    let existing = store::locations::all(tx.ex()).await?;
    let location = existing.iter().find(|l| l.id == id).ok_or(AppError::NotFound)?;
    let active = location.active;
    let mut form = FormState::with_values([("name", f.name.clone())]);
    let Some(name) = validate(&ctx, &existing, &f, Some(id), &mut form) else {
        drop(tx);
        return Ok(edit_page(&ctx, &app, id, Some(form)).await?.into_response());
    };
    store::locations::update(tx.ex(), LocationId(id), &name, active).await?;
    tx.commit().await?;
    Ok(Redirect::to("/org/locations?saved=1").into_response())
}

/// People keep a deactivated location as their workplace until HR moves them; it is no longer offered.
async fn set_active(State(app): State<AppState>, Path(id): Path<i64>, Form(f): Form<ActiveForm>) -> Result<Response, AppError> {
    let mut tx = app.db.begin().await?;
    let location = store::locations::all(tx.ex()).await?.into_iter().find(|l| l.id == id).ok_or(AppError::NotFound)?;
    store::locations::update(tx.ex(), LocationId(id), &location.name, f.activate()).await?;
    tx.commit().await?;
    Ok(Redirect::to("/org/locations?saved=1").into_response())
}
