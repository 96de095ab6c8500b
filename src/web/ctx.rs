//! Per-request context: who is signed in, which language, the CSRF token; and the `Page`
//! every template is rendered with.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use super::csrf::Binding;
use super::error::AppError;
use super::i18n::I18n;
use super::{AppState, assets};
use crate::domain::access::{self, Op, Resource, Viewer};
use crate::domain::locale::Locale;
use crate::store::{self, sessions::SessionUser};

/// What the session layer learned about a request; handlers read it through `Ctx`.
#[derive(Clone)]
pub struct RequestCtx {
    pub user: Option<SessionUser>,
    pub locale: Locale,
    /// The CSRF token forms must carry, bound to the session or the visitor cookie.
    pub csrf: String,
    /// Whether what the token is bound to came with the request, so that a submitted token can
    /// be checked (a visitor cookie being set now cannot have been used yet).
    pub csrf_checkable: bool,
    /// The browser sent a session cookie that no longer works.
    pub session_expired: bool,
    /// The session token from the cookie, when it had the right form.
    pub session_token: Option<String>,
}

/// Leaves the tokens out: logs and panics must not carry them.
impl std::fmt::Debug for RequestCtx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestCtx")
            .field("user", &self.user.as_ref().map(|u| u.id))
            .field("locale", &self.locale)
            .field("csrf_checkable", &self.csrf_checkable)
            .field("session_expired", &self.session_expired)
            .finish_non_exhaustive()
    }
}

/// Reads a cookie from the request headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, Secure behind https. `max_age` 0 deletes it.
pub fn set_cookie(app: &AppState, name: &str, value: &str, max_age: Option<i64>) -> HeaderValue {
    let secure = if app.web.secure_cookies { "; Secure" } else { "" };
    let age = max_age.map(|s| format!("; Max-Age={s}")).unwrap_or_default();
    HeaderValue::from_str(&format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax{secure}{age}"))
        .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// 32 random bytes as hex.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    if getrandom::fill(&mut bytes).is_err() {
        // The OS refused randomness; refuse to issue a predictable token.
        return String::new();
    }
    hex(&bytes)
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

/// Sessions are looked up by the hash of the cookie's token, so a database reader cannot sign in.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn looks_like_token(t: &str) -> bool {
    t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Middleware: loads the session's person, picks the language, binds the CSRF token.
pub async fn load(State(app): State<AppState>, req: Request, next: Next) -> Response {
    // A form post's body is read first: the post may then keep the session's connection, which
    // no body sent slowly can hold on to.
    let form_post = req.method() == axum::http::Method::POST && super::csrf::is_form(req.headers());
    let mut req = if form_post { super::csrf::read_form(req).await } else { req };
    let headers = req.headers();
    let names = app.web.cookies;
    let mut user = None;
    let mut session_expired = false;
    let mut lookup_failed = false;
    let session_token = cookie(headers, names.session).filter(|t| looks_like_token(t)).map(str::to_string);
    let session_hash = session_token.as_deref().map(token_hash);
    // A signed-in page reads its own data on the session's connection, and a form post what it
    // checks before writing (a transaction gives it back first).
    let keeps_connection = form_post || matches!(*req.method(), axum::http::Method::GET | axum::http::Method::HEAD);
    if let Some(hash) = &session_hash {
        let found = match app.db.conn().await {
            Ok(mut c) => {
                let found = store::sessions::user(c.ex(), hash, store::now()).await;
                if keeps_connection && matches!(found, Ok(Some(_))) {
                    c.keep();
                }
                found
            }
            Err(e) => Err(e),
        };
        match found {
            Ok(Some(u)) => user = Some(u),
            Ok(None) => session_expired = true,
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                lookup_failed = true;
            }
        }
    }
    let locale = Locale::choose(
        user.as_ref().and_then(|u| u.locale.as_deref()),
        cookie(headers, names.lang),
        headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()),
    );
    // Signed in, the token follows the session; else a visitor cookie, made on the first visit.
    let visitor = cookie(headers, names.visitor).filter(|t| looks_like_token(t)).map(str::to_string);
    let mut new_visitor = None;
    let (csrf, csrf_checkable) = match (&user, &session_hash, &visitor) {
        (Some(_), Some(hash), _) => (super::csrf::token(&app.keys.csrf, &Binding::Session(hash)), true),
        (_, _, Some(v)) => (super::csrf::token(&app.keys.csrf, &Binding::Visitor(v)), true),
        _ => {
            let v = random_token();
            let token = super::csrf::token(&app.keys.csrf, &Binding::Visitor(&v));
            new_visitor = Some(v);
            (token, false)
        }
    };
    let request_ctx = RequestCtx { user, locale, csrf, csrf_checkable, session_expired, session_token };
    if lookup_failed {
        // The database is unreachable: the error page, in the visitor's language, and nothing else.
        let path = return_path(req.method(), req.uri(), req.headers());
        return super::error::render(&Ctx { req: request_ctx, path }, super::error::ErrorKind::Internal);
    }
    req.extensions_mut().insert(request_ctx);

    let mut response = next.run(req).await;
    if let Some(v) = new_visitor
        && !v.is_empty()
    {
        response.headers_mut().append(SET_COOKIE, set_cookie(&app, names.visitor, &v, None));
    }
    if session_expired {
        response.headers_mut().append(SET_COOKIE, set_cookie(&app, names.session, "", Some(0)));
    }
    response
}

/// Longer paths are not carried back to (a sign-in link with them would grow without bound).
pub const MAX_RETURN_PATH: usize = 2048;

/// Where "come back here" leads: the page itself for a GET; for a form post, the page the form
/// was on (from `Referer`, this site only), since the post's own address cannot be opened.
pub fn return_path(method: &axum::http::Method, uri: &axum::http::Uri, headers: &HeaderMap) -> String {
    if matches!(*method, axum::http::Method::GET | axum::http::Method::HEAD) {
        let full = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
        let path = if full.len() <= MAX_RETURN_PATH { full } else { uri.path() };
        return if path.len() <= MAX_RETURN_PATH { path.to_string() } else { "/".into() };
    }
    let host = headers.get(axum::http::header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    headers
        .get(axum::http::header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| r.parse::<axum::http::Uri>().ok())
        .filter(|r| r.authority().is_some_and(|a| a.as_str() == host))
        .and_then(|r| r.path_and_query().map(|p| p.as_str().to_string()))
        .filter(|p| p.len() <= MAX_RETURN_PATH)
        .unwrap_or_else(|| "/".into())
}

/// The request context as a handler argument.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub req: RequestCtx,
    /// Path and query of this request, for "come back here" links.
    pub path: String,
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ctx::of(&parts.extensions, &parts.method, &parts.uri, &parts.headers)
    }
}

/// Router layer for pages of signed-in people: a visitor goes to the sign-in page before the
/// request's ids or form are read.
pub async fn require_signed_in(req: Request, next: Next) -> Response {
    guard(req, next, |ctx| ctx.user().map(|_| ())).await
}

/// Router layer for the organisation's pages: HR only, decided before ids or forms are read.
pub async fn require_organisation(req: Request, next: Next) -> Response {
    guard(req, next, |ctx| ctx.require(Op::Write, Resource::Organisation).map(|_| ())).await
}

async fn guard(req: Request, next: Next, check: impl FnOnce(&Ctx) -> Result<(), AppError>) -> Response {
    let allowed = Ctx::of(req.extensions(), req.method(), req.uri(), req.headers()).and_then(|ctx| check(&ctx));
    match allowed {
        Ok(()) => next.run(req).await,
        // htmx would follow the redirect and swap the sign-in page into a part of the page:
        // it is told to load the sign-in page instead (from the page it was on).
        Err(AppError::LoginRequired { expired, .. }) if req.headers().contains_key("hx-request") => {
            let next = req.headers().get("hx-current-url").and_then(|u| u.to_str().ok()).and_then(|u| u.parse::<axum::http::Uri>().ok());
            let next = next.as_ref().and_then(|u| u.path_and_query()).map_or("/", |p| p.as_str()).to_string();
            let mut response = Response::default();
            if let Ok(location) = HeaderValue::from_str(&super::error::login_location(next, expired)) {
                response.headers_mut().insert("hx-redirect", location);
            }
            response
        }
        Err(e) => e.into_response(),
    }
}

impl Ctx {
    fn of(
        extensions: &axum::http::Extensions,
        method: &axum::http::Method,
        uri: &axum::http::Uri,
        headers: &HeaderMap,
    ) -> Result<Ctx, AppError> {
        let req = extensions.get::<RequestCtx>().cloned().ok_or(AppError::Internal("request context missing".into()))?;
        Ok(Ctx { req, path: return_path(method, uri, headers) })
    }

    pub fn i18n(&self) -> I18n {
        I18n(self.req.locale)
    }

    /// The signed-in person, or a trip to the sign-in page and back.
    pub fn user(&self) -> Result<&SessionUser, AppError> {
        self.req.user.as_ref().ok_or_else(|| AppError::LoginRequired { next: self.path.clone(), expired: self.req.session_expired })
    }

    pub fn viewer(&self) -> Result<Viewer, AppError> {
        let u = self.user()?;
        Ok(Viewer { id: u.person(), is_hr: u.is_admin, unit: u.unit() })
    }

    /// Passes when the access rules allow `op` on `resource`, else a 403 page.
    pub fn require(&self, op: Op, resource: Resource) -> Result<Viewer, AppError> {
        let viewer = self.viewer()?;
        if access::may(&viewer, op, &resource) { Ok(viewer) } else { Err(AppError::Forbidden) }
    }

    /// The page frame, titled by a message id and marking a menu item as current.
    pub fn page(&self, title_key: &str, nav: Nav) -> Page {
        let i18n = self.i18n();
        Page { title: i18n.t(title_key), i18n, user: self.req.user.clone(), csrf: self.req.csrf.clone(), path: self.path.clone(), nav }
    }
}

/// The menu items of the navigation map; each page says which it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    None,
    Home,
    Conversations,
    Team,
    Development,
    Surveys,
    Organisation,
}

pub struct NavItem {
    pub href: &'static str,
    pub label: std::borrow::Cow<'static, str>,
    pub current: bool,
}

/// What the base layout needs on every page.
pub struct Page {
    pub i18n: I18n,
    pub title: String,
    pub user: Option<SessionUser>,
    pub csrf: String,
    pub path: String,
    pub nav: Nav,
}

impl Page {
    pub fn t(&self, key: &str) -> std::borrow::Cow<'static, str> {
        self.i18n.text(key)
    }

    pub fn t1(&self, key: &str, name: &str, value: impl ToString) -> String {
        self.i18n.t1(key, name, value)
    }

    /// A message with one text put in place, for labels repeated on every row of a list.
    pub fn fill(&self, key: &'static str, name: &str, value: &str) -> String {
        self.i18n.fill(key, &[name], &[value])
    }

    /// The label of a form field by its name, for the error summary ("Navn: Fyll ut feltet.").
    pub fn field_label(&self, field: &str) -> Option<String> {
        let key = match field {
            "name" => "person-name",
            "email" => "person-email",
            "employee_number" => "person-employee-number",
            "title" => "person-title",
            "unit" => "person-unit",
            "leader" => "person-leader",
            "location" => "person-location",
            "is_admin" => "org-people-is-admin",
            "password" => "login-password",
            "current" => "settings-password-current",
            "new" => "settings-password-new",
            "repeat" => "settings-password-repeat",
            "parent" => "org-units-parent",
            "file" => "import-file",
            "date" => "conversation-date",
            "time" => "conversation-time",
            "minutes" => "conversation-length",
            "channel" => "conversation-channel",
            "template" => "conversation-template",
            "place" => "conversation-place",
            "cadence" => "conversations-cadence",
            "reminder_days" => "org-settings-reminder-days",
            "distant_cadences" => "org-settings-distant-cadences",
            "in_person_days" => "org-settings-in-person-days",
            "threshold" => "org-settings-threshold",
            "closes_on" => "survey-closes-on",
            "instrument" => "survey-instrument",
            _ => return None,
        };
        Some(self.i18n.t(key))
    }

    pub fn lang(&self) -> &'static str {
        self.i18n.locale().code()
    }

    pub fn asset(&self, file: &str) -> String {
        assets::url(file)
    }

    pub fn locales(&self) -> [Locale; 3] {
        Locale::ALL
    }

    pub fn is_current_locale(&self, l: &Locale) -> bool {
        *l == self.i18n.locale()
    }

    /// The menu for this person: only what they may use.
    pub fn nav_items(&self) -> Vec<NavItem> {
        let Some(user) = &self.user else { return Vec::new() };
        let mut items = vec![
            NavItem { href: "/", label: self.t("nav-home"), current: self.nav == Nav::Home },
            NavItem { href: "/conversations", label: self.t("nav-conversations"), current: self.nav == Nav::Conversations },
        ];
        if user.is_leader {
            items.push(NavItem { href: "/team", label: self.t("nav-team"), current: self.nav == Nav::Team });
        }
        items.push(NavItem { href: "/development", label: self.t("nav-development"), current: self.nav == Nav::Development });
        items.push(NavItem { href: "/surveys", label: self.t("nav-surveys"), current: self.nav == Nav::Surveys });
        let viewer = Viewer { id: user.person(), is_hr: user.is_admin, unit: user.unit() };
        if access::may(&viewer, Op::Read, &Resource::Organisation) {
            items.push(NavItem { href: "/org", label: self.t("nav-organisation"), current: self.nav == Nav::Organisation });
        }
        items
    }
}
