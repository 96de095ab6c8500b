//! "Organisasjon" for HR: units, people, locations and import.

mod import;
mod instruments;
mod locations;
mod mail;
mod people;
mod settings;
mod units;

pub use import::{PlanCounts, import_error_lines, plan_summary};

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;

use super::AppState;
use super::ctx::{Ctx, Nav, Page};
use super::error::AppError;
use crate::store;
use crate::store::cache::{Key, Reads};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/org", get(overview))
        .merge(units::routes())
        .merge(people::routes())
        .merge(locations::routes())
        .merge(import::routes())
        .merge(instruments::routes())
        .merge(settings::routes())
        .merge(mail::routes())
        .route_layer(axum::middleware::from_fn(crate::web::ctx::require_organisation))
}

/// The deactivate/reactivate button's form: `active=false` deactivates, `active=true` reactivates.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ActiveForm {
    active: String,
}

impl ActiveForm {
    fn activate(&self) -> bool {
        self.active == "true"
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "org/index.html")]
struct OverviewPage {
    page: Page,
    people: String,
    units: String,
    locations: String,
}

async fn overview(ctx: Ctx, State(app): State<AppState>) -> Result<OverviewPage, AppError> {
    let i18n = ctx.i18n();
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    let counts = app
        .kept
        .get(user.version, Reads::CONTENT, Key::new("units::organisation_counts", ()), store::units::organisation_counts(c.ex()))
        .await?;
    Ok(OverviewPage {
        page: ctx.page("org-title", Nav::Organisation),
        people: i18n.number(counts.people),
        units: i18n.number(counts.units),
        locations: i18n.number(counts.locations),
    })
}

/// Options for a unit field: every active unit by its full path.
pub fn unit_options(units: &[store::units::UnitNode]) -> Vec<(String, String)> {
    let tree = crate::domain::import::unit_paths(
        &units
            .iter()
            .map(|u| crate::domain::import::ExistingUnit {
                id: crate::domain::UnitId(u.id),
                parent: u.parent_id.map(crate::domain::UnitId),
                name: u.name.clone(),
                active: u.active,
            })
            .collect::<Vec<_>>(),
    );
    let mut options: Vec<(String, String)> = units
        .iter()
        .filter(|u| u.active)
        .map(|u| (u.id.to_string(), tree.get(&crate::domain::UnitId(u.id)).map(|p| p.join(" / ")).unwrap_or_else(|| u.name.clone())))
        .collect();
    options.sort_by(|a, b| a.1.cmp(&b.1));
    options
}
