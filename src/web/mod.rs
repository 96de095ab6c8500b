//! HTTP: the router built from feature routers, the layers every request passes, and serving.

pub mod assets;
mod auth;
pub mod catalog;
pub mod conversations;
pub mod csrf;
pub mod ctx;
pub mod development;
pub mod error;
pub mod forms;
mod home;
pub mod i18n;
pub mod keys;
mod oidc;
pub mod org;
mod pager;
mod results;
mod settings;
pub mod surveys;
mod team;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::header::{self, HeaderName};
use axum::http::{HeaderValue, Request, StatusCode};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::IntoResponse;
use axum::routing::get;
use tower_http::request_id::{MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::config::WebConfig;
use crate::domain::settings::OrgSettings;
use crate::store::Db;
use crate::store::cache::{DataVersion, Key, Reads};

/// What every handler can reach. One shared allocation: axum clones the state for every layer
/// and extractor of every request, and one reference count costs less than one per field.
#[derive(Clone)]
pub struct AppState(Arc<AppInner>);

impl std::ops::Deref for AppState {
    type Target = AppInner;
    fn deref(&self) -> &AppInner {
        &self.0
    }
}

#[derive(Clone)]
pub struct AppInner {
    pub db: Db,
    pub web: Arc<WebConfig>,
    pub keys: Arc<Keys>,
    pub catalog: Arc<catalog::Catalog>,
    pub closed_waves: Arc<surveys::ClosedWaves>,
    pub invitations: Arc<surveys::Invitations>,
    /// What pages read, kept under the data version it was read at.
    pub kept: Arc<crate::store::cache::Cache>,
    /// Writes survey answers, those arriving together in one transaction.
    pub intake: crate::intake::Intake,
    /// The organisation's identity provider, when one is configured.
    pub provider: Option<Arc<crate::oidc::Provider>>,
}

/// The installation's signing keys.
pub struct Keys {
    /// Signs CSRF tokens.
    pub csrf: keys::SigningKey,
    /// Signs device cookies.
    pub device: keys::SigningKey,
    /// Records survey participation: a keyed hash of wave and person.
    pub participation: keys::SigningKey,
}

impl AppState {
    /// Reads the installation's keys from the database (making them on first start).
    pub async fn new(db: Db, web: WebConfig) -> anyhow::Result<AppState> {
        let participation = match &web.survey_key {
            Some(secret) => keys::SigningKey::new(&secret.0),
            None => keys::SigningKey::load(&db, "participation").await?,
        };
        let keys =
            Keys { csrf: keys::SigningKey::load(&db, "csrf").await?, device: keys::SigningKey::load(&db, "device").await?, participation };
        let catalog = catalog::Catalog::load(&db).await?;
        Ok(AppState(Arc::new(AppInner {
            intake: crate::intake::Intake::start(db.clone()),
            db,
            web: Arc::new(web),
            keys: Arc::new(keys),
            catalog: Arc::new(catalog),
            closed_waves: Arc::default(),
            invitations: Arc::default(),
            kept: Arc::default(),
            provider: None,
        })))
    }

    /// People may also sign in at `provider`.
    pub fn with_provider(mut self, provider: Arc<crate::oidc::Provider>) -> AppState {
        Arc::make_mut(&mut self.0).provider = Some(provider);
        self
    }

    /// The organisation's settings as of `version`, the request's.
    pub async fn settings(&self, version: DataVersion, ex: crate::store::Ex<'_>) -> Result<OrgSettings, crate::store::Error> {
        Ok(*self.kept.get(version, Reads::CONTENT, Key::new("settings::get", ()), crate::store::settings::get(ex)).await?)
    }
}

/// A request holds at most one pooled connection at a time (`store::one_connection_at_a_time`).
async fn one_connection(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    crate::store::one_connection_at_a_time(next.run(req)).await
}

/// The content security policy. Signing out may lead on to the identity provider's sign-out,
/// and browsers hold a form's redirects to `form-action` too, so the provider's origin is there.
fn csp(provider: Option<&crate::oidc::Provider>) -> String {
    let provider_origin = provider.and_then(|p| crate::config::origin_of(&p.settings.issuer).ok());
    let form_action = match &provider_origin {
        Some(origin) => format!("'self' {}", origin.as_str()),
        None => "'self'".to_string(),
    };
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         form-action {form_action}; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    )
}

#[derive(Clone, Copy)]
struct RandomRequestId;

impl MakeRequestId for RandomRequestId {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).ok()?;
        HeaderValue::from_str(&ctx::hex(&bytes)).ok().map(RequestId::new)
    }
}

/// The whole application, for `serve` and for tests.
pub fn router(state: AppState) -> Router {
    let csp = HeaderValue::from_str(&csp(state.provider.as_deref())).unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
    let pages = Router::new()
        .merge(auth::routes())
        .merge(home::routes())
        .merge(settings::routes())
        .merge(development::routes())
        .merge(conversations::routes())
        .merge(conversations::public_routes())
        .merge(surveys::routes())
        .merge(team::routes())
        .merge(org::routes())
        .fallback(error::not_found)
        .layer(from_fn_with_state(state.clone(), csrf::verify))
        .layer(from_fn(error::error_pages))
        .layer(from_fn_with_state(state.clone(), ctx::load))
        .layer(from_fn(one_connection));

    let request_id = HeaderName::from_static("x-request-id");
    let mut app = Router::new()
        .route("/healthz", get(health))
        .route("/assets/{version}/{*file}", get(assets::serve))
        .route("/favicon.ico", get(assets::favicon))
        .merge(pages)
        // Pages hold personal data: no browser or shared cache keeps them. Assets set their own.
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .layer(SetResponseHeaderLayer::if_not_present(header::CONTENT_SECURITY_POLICY, csp))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
        ));
    if state.web.secure_cookies {
        app = app
            .layer(SetResponseHeaderLayer::if_not_present(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000")));
    }
    app.layer(TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
        // The path only: queries may hold search terms about people.
        let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("");
        // A calendar address is a secret: its token is not logged.
        let path = req.uri().path();
        let path = if path.starts_with("/calendar/") { "/calendar/{token}" } else { path };
        tracing::info_span!("request", method = %req.method(), path = %path, request_id = %id)
    }))
    .layer(PropagateRequestIdLayer::new(request_id.clone()))
    .layer(SetRequestIdLayer::new(request_id, RandomRequestId))
    .with_state(state)
}

/// `200 ok` when the database answers, `503` when it does not.
async fn health(axum::extract::State(app): axum::extract::State<AppState>) -> impl IntoResponse {
    match app.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(e) => {
            tracing::warn!(error = %e, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// Serves until `shutdown` completes, then lets requests in flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let db = state.db.clone();
    // Expired sessions and old login failures are swept hourly, and SQLite's planner statistics
    // renewed where tables changed (first at start, after a demo or an import); nothing depends
    // on it for safety.
    let sweeper = tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            if let Ok(mut c) = db.conn().await {
                let now = crate::store::now();
                let _ = crate::store::sessions::delete_expired(c.ex(), now).await;
                let _ = crate::store::throttle::prune(c.ex(), now - 86_400).await;
                let _ = crate::store::sign_ins::delete_expired(c.ex(), now).await;
                if let Ok(n) = crate::store::people::deactivate_ended(c.ex(), now).await
                    && n > 0
                {
                    tracing::info!(people = n, "deactivated people whose end date has come");
                }
            }
            if let Err(e) = db.optimize().await {
                tracing::warn!(error = %e, "renewing the planner's statistics failed");
            }
        }
    });
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let result = axum::serve(listener, app).with_graceful_shutdown(shutdown).await;
    sweeper.abort();
    result
}
