//! Organisasjon → Innstillinger: the default cadence, reminders, and when a pair is distant.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::domain::cadence::Cadence;
use crate::domain::settings::{self, OrgSettings};
use crate::store;
use crate::web::AppState;
use crate::web::conversations::cadence_label;
use crate::web::ctx::{Ctx, Nav, Page};
use crate::web::error::AppError;
use crate::web::forms::FormState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/org/settings", get(show).post(save))
}

#[derive(Template, WebTemplate)]
#[template(path = "org/settings.html")]
struct SettingsPage {
    page: Page,
    form: FormState,
    cadences: Vec<(String, String)>,
    saved: bool,
}

fn page(ctx: &Ctx, form: FormState, saved: bool) -> SettingsPage {
    let i18n = ctx.i18n();
    SettingsPage {
        page: ctx.page("org-settings-title", Nav::Organisation),
        form,
        cadences: Cadence::CHOICES.iter().map(|c| (c.code(), cadence_label(&i18n, *c))).collect(),
        saved,
    }
}

fn values(s: &OrgSettings) -> FormState {
    FormState::with_values([
        ("cadence", s.default_cadence.code()),
        ("reminder_days", s.reminder_days.to_string()),
        ("distant_cadences", s.distance.cadences.to_string()),
        ("in_person_days", s.distance.in_person_days.to_string()),
        ("threshold", s.threshold.to_string()),
    ])
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ShowQuery {
    saved: String,
}

async fn show(ctx: Ctx, State(app): State<AppState>, Query(q): Query<ShowQuery>) -> Result<SettingsPage, AppError> {
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    let current = app.settings(user.version, c.ex()).await?;
    Ok(page(&ctx, values(&current), !q.saved.is_empty()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SettingsForm {
    cadence: String,
    reminder_days: String,
    distant_cadences: String,
    in_person_days: String,
    threshold: String,
}

async fn save(ctx: Ctx, State(app): State<AppState>, axum::Form(f): axum::Form<SettingsForm>) -> Result<Response, AppError> {
    let form = settings::Form {
        cadence: &f.cadence,
        reminder_days: &f.reminder_days,
        distant_cadences: &f.distant_cadences,
        in_person_days: &f.in_person_days,
        threshold: &f.threshold,
    };
    match settings::parse(form) {
        Ok(s) => {
            let mut tx = app.db.begin().await?;
            store::settings::save(tx.ex(), &s, store::now()).await?;
            tx.commit().await?;
            Ok(Redirect::to("/org/settings?saved=1").into_response())
        }
        Err(problems) => {
            let i18n = ctx.i18n();
            let mut form = FormState::with_values([
                ("cadence", f.cadence),
                ("reminder_days", f.reminder_days),
                ("distant_cadences", f.distant_cadences),
                ("in_person_days", f.in_person_days),
                ("threshold", f.threshold),
            ]);
            for (field, key) in problems {
                form.add_error(field, i18n.t(key));
            }
            Ok(page(&ctx, form, false).into_response())
        }
    }
}
