//! The language switch and "Mine innstillinger": preferred language and password.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::AppState;
use super::auth::{self, Client, local_path};
use super::ctx::{self, Ctx, Nav, Page};
use super::error::AppError;
use super::forms::FormState;
use crate::domain::fields::parse_new_password;
use crate::domain::locale::Locale;
use crate::store;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/settings", get(settings_page))
        .route("/settings/language", post(save_language))
        .route("/settings/password", post(change_password))
        .route_layer(axum::middleware::from_fn(super::ctx::require_signed_in))
        // Visitors switch language too.
        .route("/language", post(switch_language))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LanguageForm {
    lang: String,
    #[serde(rename = "return")]
    return_to: String,
}

/// The switch in the header: remembered in a cookie, and as the person's setting when signed in.
async fn switch_language(ctx: Ctx, State(app): State<AppState>, Form(f): Form<LanguageForm>) -> Result<Response, AppError> {
    let locale = Locale::from_tag(&f.lang).ok_or(AppError::BadRequest)?;
    if let Some(user) = &ctx.req.user {
        let mut c = app.db.conn().await?;
        store::people::set_locale(c.ex(), user.person(), Some(locale.code())).await?;
    }
    let mut response = Redirect::to(local_path(&f.return_to)).into_response();
    response.headers_mut().append(SET_COOKIE, ctx::set_cookie(&app, app.web.cookies.lang, locale.code(), Some(365 * 86_400)));
    Ok(response)
}

#[derive(Template, WebTemplate)]
#[template(path = "settings/index.html")]
struct SettingsPage {
    page: Page,
    language: FormState,
    password: FormState,
    saved: Option<&'static str>,
    /// Passwords are used at all: without local sign-in, the password form is left out.
    local_login: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SavedQuery {
    saved: String,
}

async fn settings_page(ctx: Ctx, State(app): State<AppState>, Query(q): Query<SavedQuery>) -> Result<SettingsPage, AppError> {
    let user = ctx.user()?;
    let language = FormState::with_values([("language", user.locale.clone().unwrap_or_default())]);
    let saved = match q.saved.as_str() {
        "language" => Some("settings-language-saved"),
        "password" => Some("settings-password-saved"),
        _ => None,
    };
    Ok(SettingsPage {
        page: ctx.page("settings-title", Nav::None),
        language,
        password: FormState::new(),
        saved,
        local_login: app.web.local_login,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SaveLanguageForm {
    language: String,
}

async fn save_language(ctx: Ctx, State(app): State<AppState>, Form(f): Form<SaveLanguageForm>) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    let mut response = Redirect::to("/settings?saved=language").into_response();
    match Locale::from_tag(&f.language) {
        Some(locale) => {
            store::people::set_locale(c.ex(), user.person(), Some(locale.code())).await?;
            response.headers_mut().append(SET_COOKIE, ctx::set_cookie(&app, app.web.cookies.lang, locale.code(), Some(365 * 86_400)));
        }
        // "Automatic": follow the browser again.
        None => {
            store::people::set_locale(c.ex(), user.person(), None).await?;
            response.headers_mut().append(SET_COOKIE, ctx::set_cookie(&app, app.web.cookies.lang, "", Some(0)));
        }
    }
    Ok(response)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PasswordForm {
    current: String,
    new: String,
    repeat: String,
}

async fn change_password(ctx: Ctx, State(app): State<AppState>, client: Client, Form(f): Form<PasswordForm>) -> Result<Response, AppError> {
    let user = ctx.user()?;
    if !app.web.local_login {
        return Err(AppError::NotFound);
    }
    let i18n = ctx.i18n();
    let mut form = FormState::new();
    let new = form.check(&i18n, "new", parse_new_password(&f.new)).map(str::to_string);
    if new.is_some() && f.new != f.repeat {
        form.add_error("repeat", i18n.t("settings-password-mismatch"));
    }
    // Wrong current passwords count as failed sign-ins: a left-open session cannot be used to guess.
    match auth::begin_guess(&app, &user.email, &client).await? {
        None => form.add_error("current", i18n.t("login-error-throttled")),
        Some(guess) => {
            let stored = {
                let mut c = app.db.conn().await?;
                store::people::credentials(c.ex(), &user.email).await?.and_then(|(_, hash, _)| hash)
            };
            if auth::verify_password(f.current, stored).await? {
                auth::guess_was_right(&app, guess).await?;
            } else {
                form.add_error("current", i18n.t("settings-password-wrong"));
            }
        }
    }
    let Some(new) = new.filter(|_| !form.has_errors()) else {
        let language = FormState::with_values([("language", user.locale.clone().unwrap_or_default())]);
        return Ok(SettingsPage { page: ctx.page("settings-title", Nav::None), language, password: form, saved: None, local_login: true }
            .into_response());
    };
    let hash = auth::hash_password(new).await?;
    let mut tx = app.db.begin().await?;
    store::people::set_password(tx.ex(), user.person(), &hash).await?;
    let this_session = ctx.req.session_token.as_deref().map(ctx::token_hash).unwrap_or_default();
    store::sessions::delete_others(tx.ex(), user.person(), &this_session).await?;
    tx.commit().await?;
    Ok(Redirect::to("/settings?saved=password").into_response())
}
