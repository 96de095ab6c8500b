//! Signing in at the organisation's identity provider: the redirect there and the callback from
//! it. What a callback must bring back (state, nonce, PKCE verifier) is kept in the database,
//! bound to the browser by a cookie and taken once; every way a callback can fail is a page that
//! says what happened, with no session.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::AppState;
use super::auth::{self, Client};
use super::ctx::{self, Ctx, Nav, Page};
use super::error::AppError;
use crate::domain::throttle;
use crate::oidc::Failure;
use crate::store::sessions::Via;
use crate::store::{self, sign_ins};

/// A sign-in at the provider must come back within ten minutes.
const SIGN_IN_SECONDS: i64 = 600;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct StartQuery {
    next: String,
}

/// Sends the browser to the provider, remembering what its return must match.
pub(super) async fn start(State(app): State<AppState>, headers: HeaderMap, Query(q): Query<StartQuery>) -> Result<Response, AppError> {
    let provider = app.provider.as_ref().ok_or(AppError::NotFound)?;
    let next = auth::safe_next(&q.next);
    let Ok((url, pending)) = provider.authorization() else {
        // Not reached yet: the sign-in page says so.
        return Ok(Redirect::to(&format!("/login?{}", serde_urlencoded::to_string([("next", next)]).unwrap_or_default())).into_response());
    };
    // One cookie per browser, kept across sign-ins, so two tabs signing in at once both succeed.
    let names = app.web.cookies;
    let browser = match ctx::cookie(&headers, names.provider) {
        Some(b) if b.len() == 64 && b.bytes().all(|c| c.is_ascii_hexdigit()) => b.to_string(),
        _ => ctx::random_token(),
    };
    if browser.is_empty() {
        return Err(AppError::Internal("no randomness for a sign-in".into()));
    }
    let started = sign_ins::Started {
        browser_hash: ctx::token_hash(&browser),
        nonce: pending.nonce,
        pkce_verifier: pending.pkce_verifier,
        next: next.to_string(),
        expires_at: store::now() + SIGN_IN_SECONDS,
    };
    let mut c = app.db.conn().await?;
    sign_ins::start(c.ex(), &ctx::token_hash(&pending.state), &started).await?;
    let mut response = Redirect::to(&url).into_response();
    response.headers_mut().append(SET_COOKIE, ctx::set_cookie(&app, names.provider, &browser, Some(SIGN_IN_SECONDS)));
    Ok(response)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct CallbackQuery {
    state: Option<String>,
    code: Option<String>,
    error: Option<String>,
}

/// What went wrong, as the person is told it.
#[derive(Clone, Copy, Debug)]
enum Problem {
    /// No state, a state that is unknown, used, expired or from another browser, or no code.
    StartAgain,
    /// The person cancelled at the provider, or the provider refused.
    Denied,
    /// The provider could not be reached or answered wrongly.
    Unavailable,
    /// The provider's answer did not pass the checks.
    Rejected,
    /// The provider named nobody samspill knows as active (or named nobody at all).
    Unknown,
    Throttled,
}

impl Problem {
    fn message(self) -> &'static str {
        match self {
            Problem::StartAgain => "provider-problem-start-again",
            Problem::Denied => "provider-problem-denied",
            Problem::Unavailable => "provider-problem-unavailable",
            Problem::Rejected => "provider-problem-rejected",
            Problem::Unknown => "provider-problem-unknown",
            Problem::Throttled => "login-error-throttled",
        }
    }

    fn status(self) -> StatusCode {
        match self {
            Problem::StartAgain | Problem::Rejected => StatusCode::BAD_REQUEST,
            Problem::Denied | Problem::Unknown => StatusCode::FORBIDDEN,
            Problem::Unavailable => StatusCode::BAD_GATEWAY,
            Problem::Throttled => StatusCode::TOO_MANY_REQUESTS,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/provider_problem.html")]
struct ProblemPage {
    page: Page,
    message: String,
}

fn problem_page(ctx: &Ctx, label: &str, problem: Problem) -> Response {
    let page = ctx.page("provider-problem-title", Nav::None);
    let message = page.i18n.t_with(problem.message(), &[("label", label.to_string())]);
    (problem.status(), ProblemPage { page, message }).into_response()
}

/// The provider sends the browser back here with a code, or with an error.
pub(super) async fn callback(
    ctx: Ctx,
    State(app): State<AppState>,
    client: Client,
    headers: HeaderMap,
    Query(q): Query<CallbackQuery>,
) -> Result<Response, AppError> {
    let provider = app.provider.as_ref().ok_or(AppError::NotFound)?;
    let label = provider.settings.label.as_str();

    // Every callback counts as a failure from this address until it succeeds.
    let keys = [format!("address:{}", throttle::address_key(client.address))];
    let now = store::now();
    let attempt = {
        let mut c = app.db.conn().await?;
        let (attempt, counts) = store::throttle::record(c.ex(), &keys, now, now - throttle::WINDOW).await?;
        if counts.first().is_some_and(|n| *n > throttle::PER_ADDRESS) {
            store::throttle::withdraw(c.ex(), attempt).await?;
            tracing::warn!("sign-in callback refused by throttling");
            return Ok(problem_page(&ctx, label, Problem::Throttled));
        }
        attempt
    };

    // The state is spent whatever follows: a callback never works twice.
    let started = match q.state.as_deref().filter(|s| !s.is_empty()) {
        Some(state) => {
            let mut c = app.db.conn().await?;
            sign_ins::take(c.ex(), &ctx::token_hash(state)).await?
        }
        None => None,
    };
    if let Some(error) = &q.error {
        // The provider's own code (`access_denied`, …) only: its description is free text.
        let code: String = error.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').take(64).collect();
        tracing::info!(error = %code, "the identity provider returned an error");
        return Ok(problem_page(&ctx, label, Problem::Denied));
    }
    let browser = ctx::cookie(&headers, app.web.cookies.provider).map(ctx::token_hash);
    let Some(started) = started.filter(|s| browser.as_deref() == Some(s.browser_hash.as_str()) && s.expires_at > now) else {
        tracing::info!(
            state_given = q.state.is_some(),
            "sign-in callback with a state that is missing, unknown, used, expired or another browser's"
        );
        return Ok(problem_page(&ctx, label, Problem::StartAgain));
    };
    let Some(code) = q.code.filter(|c| !c.is_empty()) else {
        tracing::info!("sign-in callback without a code");
        return Ok(problem_page(&ctx, label, Problem::StartAgain));
    };

    let claim = provider.settings.claim.as_str();
    let identity = match provider.finish(code, &started.nonce, &started.pkce_verifier, now).await {
        Ok(identity) => identity,
        Err(Failure::Token(why)) => {
            tracing::warn!(%why, "the identity provider's ID token was not accepted");
            return Ok(problem_page(&ctx, label, Problem::Rejected));
        }
        Err(Failure::NoIdToken) => {
            tracing::warn!("the identity provider's answer carries no ID token");
            return Ok(problem_page(&ctx, label, Problem::Rejected));
        }
        Err(why @ (Failure::Unavailable | Failure::Provider(_))) => {
            tracing::error!(%why, "cannot finish a sign-in at the identity provider");
            return Ok(problem_page(&ctx, label, Problem::Unavailable));
        }
    };
    let Some(identity) = identity else {
        tracing::warn!(claim, "neither the ID token nor the userinfo carries the configured claim");
        return Ok(problem_page(&ctx, label, Problem::Unknown));
    };
    let person = {
        let mut c = app.db.conn().await?;
        store::people::active_by_identity(c.ex(), &identity).await?
    };
    let Some(person) = person else {
        tracing::info!(claim, "the identity provider named no active person");
        return Ok(problem_page(&ctx, label, Problem::Unknown));
    };
    {
        let mut c = app.db.conn().await?;
        store::throttle::withdraw(c.ex(), attempt).await?;
    }
    let mut response = auth::start_session(&ctx, &app, person, Via::Provider, &started.next).await?;
    response.headers_mut().append(SET_COOKIE, ctx::set_cookie(&app, app.web.cookies.provider, "", Some(0)));
    Ok(response)
}
