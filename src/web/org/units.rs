//! Units: the tree, creating, renaming, moving, deactivating.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::{ActiveForm, unit_options};
use crate::domain::UnitId;
use crate::domain::fields::required_text;
use crate::domain::org::creates_cycle;
use crate::store::cache::{Key, Reads};
use crate::store::{self, units::Unit};
use crate::web::AppState;
use crate::web::ctx::{Ctx, Nav, Page};
use crate::web::error::AppError;
use crate::web::forms::FormState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/org/units", get(list).post(create))
        .route("/org/units/{id}", get(edit).post(update))
        .route("/org/units/{id}/active", post(set_active))
}

/// A unit in tree order, with its depth for indentation.
pub struct UnitRow {
    pub id: i64,
    pub name: String,
    pub depth: usize,
    /// The parent's name: the indentation shows the tree, this tells it to a screen reader.
    pub parent: Option<String>,
    pub members: i64,
    pub active: bool,
}

fn nodes(units: &[Unit]) -> Vec<store::units::UnitNode> {
    units.iter().map(Unit::node).collect()
}

/// Depth-first order from the roots, children by name.
fn tree_rows(units: &[Unit]) -> Vec<UnitRow> {
    let mut children: HashMap<Option<i64>, Vec<&Unit>> = HashMap::new();
    for u in units {
        children.entry(u.parent_id).or_default().push(u);
    }
    let names: HashMap<i64, &str> = units.iter().map(|u| (u.id, u.name.as_str())).collect();
    let mut out = Vec::with_capacity(units.len());
    let mut stack: Vec<(&Unit, usize)> = children.get(&None).map(|r| r.iter().rev().map(|u| (*u, 0)).collect()).unwrap_or_default();
    while let Some((u, depth)) = stack.pop() {
        let parent = u.parent_id.and_then(|p| names.get(&p)).map(|name| name.to_string());
        out.push(UnitRow { id: u.id, name: u.name.clone(), depth, parent, members: u.members, active: u.active });
        if let Some(kids) = children.get(&Some(u.id)) {
            stack.extend(kids.iter().rev().map(|k| (*k, depth + 1)));
        }
    }
    out
}

#[derive(Template, WebTemplate)]
#[template(path = "org/units.html")]
struct UnitsPage {
    page: Page,
    rows: Vec<UnitRow>,
    parents: Vec<(String, String)>,
    form: FormState,
    notice: Option<&'static str>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Notice {
    saved: String,
}

fn notice_key(saved: &str) -> Option<&'static str> {
    match saved {
        "created" => Some("org-units-created"),
        "updated" => Some("org-units-updated"),
        _ => None,
    }
}

async fn units_page(ctx: &Ctx, app: &AppState, form: FormState, notice: Option<&'static str>) -> Result<UnitsPage, AppError> {
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    let units = app.kept.get(user.version, Reads::CONTENT, Key::new("units::all", ()), store::units::all(c.ex())).await?;
    Ok(UnitsPage {
        page: ctx.page("org-units-title", Nav::Organisation),
        rows: tree_rows(&units),
        parents: unit_options(&nodes(&units)),
        form,
        notice,
    })
}

async fn list(ctx: Ctx, State(app): State<AppState>, Query(n): Query<Notice>) -> Result<UnitsPage, AppError> {
    units_page(&ctx, &app, FormState::new(), notice_key(&n.saved)).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct UnitForm {
    name: String,
    parent: String,
}

/// Checks name and parent; returns them when valid. `id` is the unit being edited, if any.
fn validate(ctx: &Ctx, units: &[Unit], f: &UnitForm, id: Option<i64>, form: &mut FormState) -> Option<(String, Option<UnitId>)> {
    let i18n = ctx.i18n();
    let name = form.check(&i18n, "name", required_text(&f.name, 200));
    let parent = match f.parent.trim() {
        "" => Some(None),
        p => match p.parse::<i64>().ok().and_then(|p| units.iter().find(|u| u.id == p && u.active)) {
            Some(u) => Some(Some(UnitId(u.id))),
            None => {
                form.add_error("parent", i18n.t("org-units-error-parent"));
                None
            }
        },
    };
    if let (Some(id), Some(Some(parent))) = (id, parent) {
        let parent_of = |k: UnitId| units.iter().find(|u| u.id == k.0).and_then(|u| u.parent_id).map(UnitId);
        if creates_cycle(UnitId(id), Some(parent), parent_of) {
            form.add_error("parent", i18n.t("org-units-error-cycle"));
        }
    }
    if let (Some(name), Some(parent)) = (&name, parent) {
        let taken = units.iter().any(|u| u.active && Some(u.id) != id && u.parent_id == parent.map(|p| p.0) && u.name == *name);
        if taken {
            form.add_error("name", i18n.t("org-units-error-taken"));
        }
    }
    match (name, parent) {
        (Some(n), Some(p)) if !form.has_errors() => Some((n, p)),
        _ => None,
    }
}

async fn create(ctx: Ctx, State(app): State<AppState>, Form(f): Form<UnitForm>) -> Result<Response, AppError> {
    let mut tx = app.db.begin().await?;
    let units = store::units::all(tx.ex()).await?;
    let mut form = FormState::with_values([("name", f.name.clone()), ("parent", f.parent.clone())]);
    let Some((name, parent)) = validate(&ctx, &units, &f, None, &mut form) else {
        drop(tx);
        return Ok(units_page(&ctx, &app, form, None).await?.into_response());
    };
    store::units::insert(tx.ex(), &name, parent).await?;
    tx.commit().await?;
    Ok(Redirect::to("/org/units?saved=created").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "org/unit_edit.html")]
struct EditPage {
    page: Page,
    id: i64,
    active: bool,
    members: i64,
    parents: Vec<(String, String)>,
    form: FormState,
    error: Option<String>,
}

async fn edit_page(ctx: &Ctx, app: &AppState, id: i64, form: Option<FormState>, error: Option<String>) -> Result<EditPage, AppError> {
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    let units = app.kept.get(user.version, Reads::CONTENT, Key::new("units::all", ()), store::units::all(c.ex())).await?;
    let unit = units.iter().find(|u| u.id == id).ok_or(AppError::NotFound)?;
    let form = form.unwrap_or_else(|| {
        FormState::with_values([("name", unit.name.clone()), ("parent", unit.parent_id.map(|p| p.to_string()).unwrap_or_default())])
    });
    // A unit cannot sit under itself.
    let parents = unit_options(&nodes(&units)).into_iter().filter(|(v, _)| *v != id.to_string()).collect();
    let mut page = ctx.page("org-units-edit-title", Nav::Organisation);
    page.title = format!("{}: {}", page.title, unit.name);
    Ok(EditPage { page, id, active: unit.active, members: unit.members, parents, form, error })
}

async fn edit(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>) -> Result<EditPage, AppError> {
    edit_page(&ctx, &app, id, None, None).await
}

async fn update(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>, Form(f): Form<UnitForm>) -> Result<Response, AppError> {
    let mut tx = app.db.begin().await?;
    let units = store::units::all(tx.ex()).await?;
    let unit = units.iter().find(|u| u.id == id).ok_or(AppError::NotFound)?;
    let active = unit.active;
    let mut form = FormState::with_values([("name", f.name.clone()), ("parent", f.parent.clone())]);
    let Some((name, parent)) = validate(&ctx, &units, &f, Some(id), &mut form) else {
        drop(tx);
        return Ok(edit_page(&ctx, &app, id, Some(form), None).await?.into_response());
    };
    store::units::update(tx.ex(), UnitId(id), &name, parent, active).await?;
    tx.commit().await?;
    Ok(Redirect::to("/org/units?saved=updated").into_response())
}

/// Deactivates (only an empty unit) or reactivates. Units are never deleted.
async fn set_active(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>, Form(f): Form<ActiveForm>) -> Result<Response, AppError> {
    let activate = f.activate();
    let mut tx = app.db.begin().await?;
    let units = store::units::all(tx.ex()).await?;
    let unit = units.iter().find(|u| u.id == id).ok_or(AppError::NotFound)?;
    let active_children = units.iter().filter(|u| u.parent_id == Some(id) && u.active).count();
    if !activate && (unit.members > 0 || active_children > 0) {
        drop(tx);
        let message = ctx.i18n().t("org-units-error-not-empty");
        return Ok(edit_page(&ctx, &app, id, None, Some(message)).await?.into_response());
    }
    let parent_inactive = unit.parent_id.is_some_and(|p| units.iter().any(|u| u.id == p && !u.active));
    if activate && parent_inactive {
        drop(tx);
        let message = ctx.i18n().t("org-units-error-parent-inactive");
        return Ok(edit_page(&ctx, &app, id, None, Some(message)).await?.into_response());
    }
    store::units::update(tx.ex(), UnitId(id), &unit.name, unit.parent_id.map(UnitId), activate).await?;
    tx.commit().await?;
    Ok(Redirect::to("/org/units?saved=updated").into_response())
}
