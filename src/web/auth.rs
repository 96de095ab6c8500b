//! Signing in and out. Attempts are counted in the database before any password is checked
//! (the rules are in `domain::throttle`); the message never tells whether an e-mail exists.

use std::net::{IpAddr, SocketAddr};

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::AppState;
use super::ctx::{self, Ctx, Nav, Page};
use super::error::AppError;
use super::forms::FormState;
use crate::domain::PersonId;
use crate::domain::fields::Email;
use crate::domain::{password, throttle};
use crate::store;

/// A session lasts a working day and a half, then the person signs in again.
pub const SESSION_SECONDS: i64 = 12 * 3600;

pub fn routes() -> Router<AppState> {
    Router::new().route("/login", get(login_page).post(login)).route("/logout", post(logout))
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/login.html")]
struct LoginPage {
    page: Page,
    form: FormState,
    notice: Option<&'static str>,
    demo: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LoginQuery {
    next: String,
    expired: Option<String>,
    signed_out: Option<String>,
}

async fn login_page(ctx: Ctx, State(app): State<AppState>, Query(q): Query<LoginQuery>) -> Response {
    if ctx.req.user.is_some() {
        return Redirect::to(safe_next(&q.next)).into_response();
    }
    let notice = if q.expired.is_some() {
        Some("login-notice-expired")
    } else if q.signed_out.is_some() {
        Some("login-notice-signed-out")
    } else {
        None
    };
    let form = FormState::with_values([("next", safe_next(&q.next).to_string())]);
    LoginPage { page: ctx.page("login-title", Nav::None), form, notice, demo: app.web.demo }.into_response()
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LoginForm {
    email: String,
    password: String,
    next: String,
}

/// The client's address: the connection's, or behind a proxy the one the proxy appended last to
/// `X-Forwarded-For` (earlier entries come from the client and can be forged).
fn client_address(behind_proxy: bool, headers: &axum::http::HeaderMap, socket: IpAddr) -> IpAddr {
    if !behind_proxy {
        return socket;
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .next_back()
        .and_then(|a| a.trim().parse().ok())
        .unwrap_or(socket)
}

/// The address of the client, as attempts are counted by.
pub(super) struct ClientAddress(IpAddr);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        let socket =
            parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip()).ok_or(AppError::Internal("no peer address".into()))?;
        Ok(ClientAddress(client_address(app.web.behind_proxy, &parts.headers, socket)))
    }
}

/// A password guess that the limits let through; written down before the password is checked.
pub(super) struct Guess {
    attempt: store::throttle::Attempt,
    account_and_address: String,
}

/// Counts a guess at `email`'s password from `client`; `None` when the limits refuse it, and then
/// no password may be checked.
pub(super) async fn begin_guess(app: &AppState, email: &str, client: &ClientAddress) -> Result<Option<Guess>, AppError> {
    let [account_and_address, account, address] = throttle::keys(email, &client.0.to_string());
    let now = store::now();
    let mut c = app.db.conn().await?;
    let (attempt, counts) =
        store::throttle::record(c.ex(), [&account_and_address, &account, &address], now, now - throttle::WINDOW).await?;
    let counts = throttle::Counts { account_and_address: counts.first, account: counts.second, address: counts.third };
    if throttle::may_try(counts) {
        Ok(Some(Guess { attempt, account_and_address }))
    } else {
        tracing::warn!("sign-in attempt refused by throttling");
        store::throttle::withdraw(c.ex(), attempt).await?;
        Ok(None)
    }
}

/// The password was right: the guess and the earlier failures from this address are forgotten.
pub(super) async fn guess_was_right(app: &AppState, guess: Guess) -> Result<(), AppError> {
    let mut c = app.db.conn().await?;
    store::throttle::withdraw(c.ex(), guess.attempt).await?;
    store::throttle::clear(c.ex(), &guess.account_and_address).await?;
    Ok(())
}

/// Checks a password against a stored hash off the request threads: hashing is slow on purpose.
pub(super) async fn verify_password(password: String, hash: Option<String>) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || password::verify(&password, hash.as_deref())).await.map_err(|e| AppError::Internal(e.to_string()))
}

/// Only a path on this site may be the place to return to.
pub(super) fn safe_next(next: &str) -> &str {
    if next.starts_with("/login") || next.len() > super::ctx::MAX_RETURN_PATH { "/" } else { local_path(next) }
}

/// A path on this site, or `/`: a redirect never leads to another site.
pub(super) fn local_path(path: &str) -> &str {
    // Browsers drop tabs and newlines from URLs and read `\` as `/`, so any of them could turn
    // `/x` into `//other.site`; a path with them, or with an authority, is refused.
    let plain = !path.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    let ok = plain
        && path.starts_with('/')
        && !path.starts_with("//")
        && path.parse::<axum::http::Uri>().is_ok_and(|u| u.authority().is_none() && u.scheme().is_none());
    if ok { path } else { "/" }
}

async fn login(ctx: Ctx, State(app): State<AppState>, client: ClientAddress, Form(f): Form<LoginForm>) -> Result<Response, AppError> {
    let i18n = ctx.i18n();
    let mut form = FormState::with_values([("email", f.email.clone()), ("next", f.next.clone())]);
    let email = form.check(&i18n, "email", Email::parse(&f.email));
    if f.password.is_empty() {
        form.add_error("password", i18n.t("login-error-password-missing"));
    }
    let render = |form: FormState| LoginPage { page: ctx.page("login-title", Nav::None), form, notice: None, demo: app.web.demo };
    let Some(email) = email.filter(|_| !form.has_errors()) else {
        return Ok(render(form).into_response());
    };

    let Some(guess) = begin_guess(&app, email.as_str(), &client).await? else {
        form.add_error("email", i18n.t("login-error-throttled"));
        return Ok(render(form).into_response());
    };
    let account = {
        let mut c = app.db.conn().await?;
        store::people::credentials(c.ex(), email.as_str()).await?
    };
    let stored_hash = account.as_ref().and_then(|(_, hash, active)| hash.clone().filter(|_| *active));
    let verified = verify_password(f.password, stored_hash).await?;
    let Some(person) = account.filter(|_| verified).map(|(id, _, _)| PersonId(id)) else {
        form.add_error("email", i18n.t("login-error-invalid"));
        return Ok(render(form).into_response());
    };
    guess_was_right(&app, guess).await?;

    let now = store::now();
    let mut c = app.db.conn().await?;
    // A fresh token at every sign-in: a session id planted before it is worth nothing.
    if let Some(old) = &ctx.req.session_token {
        store::sessions::delete(c.ex(), &ctx::token_hash(old)).await?;
    }
    let token = ctx::random_token();
    if token.is_empty() {
        return Err(AppError::Internal("no randomness for a session token".into()));
    }
    store::sessions::create(c.ex(), &ctx::token_hash(&token), person, now, now + SESSION_SECONDS).await?;
    tracing::info!(person = person.0, "signed in");
    let names = app.web.cookies;
    let mut response = Redirect::to(safe_next(&f.next)).into_response();
    response.headers_mut().append(SET_COOKIE, ctx::set_cookie(&app, names.session, &token, Some(SESSION_SECONDS)));
    // Forms now carry tokens bound to the session; the visitor value is spent.
    response.headers_mut().append(SET_COOKIE, ctx::set_cookie(&app, names.visitor, "", Some(0)));
    Ok(response)
}

async fn logout(ctx: Ctx, State(app): State<AppState>) -> Result<Response, AppError> {
    if let Some(token) = &ctx.req.session_token {
        let mut c = app.db.conn().await?;
        store::sessions::delete(c.ex(), &ctx::token_hash(token)).await?;
    }
    let names = app.web.cookies;
    let mut response = Redirect::to("/login?signed_out=1").into_response();
    response.headers_mut().append(SET_COOKIE, ctx::set_cookie(&app, names.session, "", Some(0)));
    // The next page makes a new visitor value, so no token from before sign-out works again.
    response.headers_mut().append(SET_COOKIE, ctx::set_cookie(&app, names.visitor, "", Some(0)));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::{client_address, safe_next};

    #[test]
    fn behind_a_proxy_the_last_forwarded_address_counts() {
        let socket: std::net::IpAddr = [10, 0, 0, 1].into();
        let mut headers = axum::http::HeaderMap::new();
        headers.append("x-forwarded-for", "6.6.6.6, 192.0.2.7".parse().unwrap());
        assert_eq!(client_address(true, &headers, socket).to_string(), "192.0.2.7");
        assert_eq!(client_address(false, &headers, socket), socket, "without a proxy the header is ignored");
        assert_eq!(client_address(true, &axum::http::HeaderMap::new(), socket), socket);
    }

    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(safe_next("/org/people?q=a"), "/org/people?q=a");
        let bad_paths = [
            "https://evil.example",
            "//evil.example",
            "/\\evil",
            "",
            "javascript:alert(1)",
            "/login?next=/",
            "/\t/evil.example",
            "/\n/x",
            "/ /x",
        ];
        for bad in bad_paths {
            assert_eq!(safe_next(bad), "/", "{bad}");
        }
    }
}
