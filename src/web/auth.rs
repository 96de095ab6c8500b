//! Signing in and out. Attempts are counted in the database before any password is checked
//! (the rules are in `domain::throttle`); the message never tells whether an e-mail exists.

use std::net::{IpAddr, SocketAddr};
use std::sync::LazyLock;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use tokio::sync::Semaphore;

use super::AppState;
use super::ctx::{self, Ctx, Nav, Page};
use super::error::AppError;
use super::forms::FormState;
use super::keys;
use crate::domain::PersonId;
use crate::domain::fields::Email;
use crate::domain::{password, throttle};
use crate::store;
use crate::store::sessions::Via;

/// A session lasts a working day and a half, then the person signs in again.
pub const SESSION_SECONDS: i64 = 12 * 3600;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/login/oidc", get(super::oidc::start))
        .route("/login/oidc/callback", get(super::oidc::callback))
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/login.html")]
struct LoginPage {
    page: Page,
    form: FormState,
    notice: Option<&'static str>,
    demo: bool,
    /// The organisation's identity provider, when configured: its button comes first.
    provider: Option<ProviderButton>,
    /// The e-mail and password form is offered.
    local_login: bool,
}

/// The identity provider's button on the sign-in page.
pub(super) struct ProviderButton {
    pub label: String,
    /// The provider has been reached; otherwise the button explains that it cannot be used now.
    pub available: bool,
    pub href: String,
}

impl LoginPage {
    fn new(ctx: &Ctx, app: &AppState, form: FormState, notice: Option<&'static str>) -> LoginPage {
        let provider = app.provider.as_ref().map(|p| ProviderButton {
            label: p.settings.label.clone(),
            available: p.is_available(),
            href: format!("/login/oidc?{}", serde_urlencoded::to_string([("next", form.value("next"))]).unwrap_or_default()),
        });
        LoginPage { page: ctx.page("login-title", Nav::None), form, notice, demo: app.web.demo, provider, local_login: app.web.local_login }
    }
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
    LoginPage::new(&ctx, &app, form, notice).into_response()
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
        .and_then(|a| {
            // Some proxies append the port too: `192.0.2.7:51234`, `[2001:db8::1]:443`.
            let a = a.trim();
            a.parse::<IpAddr>().ok().or_else(|| a.parse::<SocketAddr>().ok().map(|s| s.ip()))
        })
        .unwrap_or(socket)
}

/// Who is asking to sign in: the client's address and the device cookie its browser sent.
pub(super) struct Client {
    pub address: IpAddr,
    device_cookie: Option<String>,
}

impl FromRequestParts<AppState> for Client {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        let socket =
            parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip()).ok_or(AppError::Internal("no peer address".into()))?;
        let device_cookie = ctx::cookie(&parts.headers, app.web.cookies.device).map(str::to_string);
        Ok(Client { address: client_address(app.web.behind_proxy, &parts.headers, socket), device_cookie })
    }
}

/// A device cookie lasts half a year; each sign-in renews it.
const DEVICE_SECONDS: i64 = 182 * 86_400;

/// The signed message of a device cookie: the account and the cookie's random part.
fn device_message(email: &str, device: &str) -> String {
    format!("device:{}:{device}", email.to_lowercase())
}

/// A new device cookie value for `email`: random part and signature.
fn device_cookie(app: &AppState, email: &str) -> Option<String> {
    let device = ctx::random_token().get(..32)?.to_string();
    Some(format!("{device}.{}", app.keys.device.sign(&device_message(email, &device))))
}

/// The random part of the client's device cookie, when it is valid for `email`.
fn known_device<'a>(app: &AppState, client: &'a Client, email: &str) -> Option<&'a str> {
    let (device, signature) = client.device_cookie.as_deref()?.split_once('.')?;
    let well_formed = device.len() == 32 && device.bytes().all(|b| b.is_ascii_hexdigit());
    (well_formed && keys::same(signature, &app.keys.device.sign(&device_message(email, device)))).then_some(device)
}

/// A password guess that the limits let through; written down before the password is checked.
pub(super) struct Guess {
    attempt: store::throttle::Attempt,
    /// Failures forgotten when the guess is right: this device's, or this address's at the account.
    forget: String,
}

/// Counts a guess at `email`'s password; `None` when the limits refuse it, and then no password
/// may be checked.
pub(super) async fn begin_guess(app: &AppState, email: &str, client: &Client) -> Result<Option<Guess>, AppError> {
    let guesser = match known_device(app, client, email) {
        Some(device) => throttle::Guesser::KnownDevice { device },
        None => throttle::Guesser::Unknown { address: client.address },
    };
    let keys = throttle::keys(email, guesser);
    let now = store::now();
    let mut c = app.db.conn().await?;
    let (attempt, counts) = store::throttle::record(c.ex(), &keys, now, now - throttle::WINDOW).await?;
    if throttle::may_try(guesser, &counts) {
        Ok(Some(Guess { attempt, forget: keys.into_iter().next().unwrap_or_default() }))
    } else {
        tracing::warn!(known_device = matches!(guesser, throttle::Guesser::KnownDevice { .. }), "sign-in attempt refused by throttling");
        store::throttle::withdraw(c.ex(), attempt).await?;
        Ok(None)
    }
}

/// The password was right: the guess and the earlier failures of this device, or of this address
/// at the account, are forgotten.
pub(super) async fn guess_was_right(app: &AppState, guess: Guess) -> Result<(), AppError> {
    let mut c = app.db.conn().await?;
    store::throttle::withdraw(c.ex(), guess.attempt).await?;
    store::throttle::clear(c.ex(), &guess.forget).await?;
    Ok(())
}

/// Password hashing takes 19 MiB and tens of milliseconds by design: at most one per core runs at
/// a time, the rest wait their turn, so a burst of sign-ins cannot exhaust memory.
static HASHING: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())));

async fn hashing<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
    let _turn = HASHING.acquire().await.map_err(|e| AppError::Internal(e.to_string()))?;
    tokio::task::spawn_blocking(work).await.map_err(|e| AppError::Internal(e.to_string()))
}

/// Checks a password against a stored hash, off the request threads.
pub(super) async fn verify_password(password: String, hash: Option<String>) -> Result<bool, AppError> {
    hashing(move || password::verify(&password, hash.as_deref())).await
}

/// Hashes a new password, off the request threads.
pub(super) async fn hash_password(new: String) -> Result<String, AppError> {
    hashing(move || password::hash(&new)).await?.map_err(AppError::Internal)
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

async fn login(ctx: Ctx, State(app): State<AppState>, client: Client, Form(f): Form<LoginForm>) -> Result<Response, AppError> {
    if !app.web.local_login {
        return Err(AppError::NotFound);
    }
    let i18n = ctx.i18n();
    let mut form = FormState::with_values([("email", f.email.clone()), ("next", f.next.clone())]);
    let email = form.check(&i18n, "email", Email::parse(&f.email));
    if f.password.is_empty() {
        form.add_error("password", i18n.t("login-error-password-missing"));
    }
    let render = |form: FormState| LoginPage::new(&ctx, &app, form, None);
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

    let mut response = start_session(&ctx, &app, person, Via::Password, safe_next(&f.next)).await?;
    // This browser is now known for the account: strangers' failures will not stop it.
    if let Some(device) = device_cookie(&app, email.as_str()) {
        response.headers_mut().append(SET_COOKIE, ctx::set_cookie(&app, app.web.cookies.device, &device, Some(DEVICE_SECONDS)));
    }
    Ok(response)
}

/// Starts a session for `person` and sends the browser on to `next`: a fresh token at every
/// sign-in, so a session id planted before it is worth nothing, and a fresh CSRF token with it.
pub(super) async fn start_session(ctx: &Ctx, app: &AppState, person: PersonId, via: Via, next: &str) -> Result<Response, AppError> {
    let now = store::now();
    let mut c = app.db.conn().await?;
    if let Some(old) = &ctx.req.session_token {
        store::sessions::delete(c.ex(), &ctx::token_hash(old)).await?;
    }
    let token = ctx::random_token();
    if token.is_empty() {
        return Err(AppError::Internal("no randomness for a session token".into()));
    }
    store::sessions::create(c.ex(), &ctx::token_hash(&token), person, now, now + SESSION_SECONDS, via).await?;
    tracing::info!(person = person.0, via = ?via, "signed in");
    let names = app.web.cookies;
    let mut response = Redirect::to(next).into_response();
    response.headers_mut().append(SET_COOKIE, ctx::set_cookie(app, names.session, &token, Some(SESSION_SECONDS)));
    // Forms now carry tokens bound to the session; the visitor value is spent.
    response.headers_mut().append(SET_COOKIE, ctx::set_cookie(app, names.visitor, "", Some(0)));
    Ok(response)
}

async fn logout(ctx: Ctx, State(app): State<AppState>) -> Result<Response, AppError> {
    let mut via = None;
    if let Some(token) = &ctx.req.session_token {
        let mut c = app.db.conn().await?;
        via = store::sessions::end(c.ex(), &ctx::token_hash(token)).await?;
    }
    // A session begun at the provider ends there too; the provider sends the browser back here.
    let at_provider = app.provider.as_ref().filter(|_| via == Some(Via::Provider)).and_then(|p| p.end_session_url());
    let names = app.web.cookies;
    let mut response = Redirect::to(at_provider.as_deref().unwrap_or("/login?signed_out=1")).into_response();
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
        let mut with_port = axum::http::HeaderMap::new();
        with_port.append("x-forwarded-for", "192.0.2.7:51234".parse().unwrap());
        assert_eq!(client_address(true, &with_port, socket).to_string(), "192.0.2.7");
        let mut v6 = axum::http::HeaderMap::new();
        v6.append("x-forwarded-for", "[2001:db8::1]:443".parse().unwrap());
        assert_eq!(client_address(true, &v6, socket).to_string(), "2001:db8::1");
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
