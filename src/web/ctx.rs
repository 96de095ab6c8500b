//! Per-request context: who is signed in, which language, the CSRF token; and the `Page`
//! every template is rendered with.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use sha2::{Digest, Sha256};

use super::error::AppError;
use super::i18n::I18n;
use super::{AppState, assets};
use crate::domain::access::{self, Op, Resource, Viewer};
use crate::domain::locale::Locale;
use crate::store::{self, sessions::SessionUser};

pub const SESSION_COOKIE: &str = "samspill_session";
pub const CSRF_COOKIE: &str = "samspill_csrf";
pub const LANG_COOKIE: &str = "samspill_lang";

/// What the session layer learned about a request; handlers read it through `Ctx`.
#[derive(Clone, Debug)]
pub struct RequestCtx {
    pub user: Option<SessionUser>,
    pub locale: Locale,
    /// The token forms must carry: the one in the browser's cookie, or a new one being set.
    pub csrf: String,
    /// Whether the browser sent that token (a new one cannot have been submitted yet).
    pub csrf_from_cookie: bool,
    /// The browser sent a session cookie that no longer works.
    pub session_expired: bool,
    /// The session token from the cookie, when it had the right form.
    pub session_token: Option<String>,
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
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Sessions are looked up by the hash of the cookie's token, so a database reader cannot sign in.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn looks_like_token(t: &str) -> bool {
    t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Middleware: loads the session's person, picks the language, ensures a CSRF cookie.
pub async fn load(State(app): State<AppState>, mut req: Request, next: Next) -> Response {
    let headers = req.headers();
    let mut user = None;
    let mut session_expired = false;
    let mut lookup_failed = false;
    let session_token = cookie(headers, SESSION_COOKIE).filter(|t| looks_like_token(t)).map(str::to_string);
    if let Some(token) = &session_token {
        let found = match app.db.conn().await {
            Ok(mut c) => store::sessions::user(c.ex(), &token_hash(token), store::now()).await,
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
        cookie(headers, LANG_COOKIE),
        headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()),
    );
    let sent_csrf = cookie(headers, CSRF_COOKIE).filter(|t| looks_like_token(t)).map(str::to_string);
    let csrf_from_cookie = sent_csrf.is_some();
    let csrf = sent_csrf.unwrap_or_else(random_token);
    let request_ctx = RequestCtx { user, locale, csrf: csrf.clone(), csrf_from_cookie, session_expired, session_token };
    if lookup_failed {
        // The database is unreachable: the error page, in the visitor's language, and nothing else.
        let path = return_path(req.method(), req.uri(), req.headers());
        return super::error::render(&Ctx { req: request_ctx, path }, super::error::ErrorKind::Internal);
    }
    req.extensions_mut().insert(request_ctx);

    let mut response = next.run(req).await;
    if !csrf_from_cookie {
        response.headers_mut().append(SET_COOKIE, set_cookie(&app, CSRF_COOKIE, &csrf, None));
    }
    if session_expired {
        response.headers_mut().append(SET_COOKIE, set_cookie(&app, SESSION_COOKIE, "", Some(0)));
    }
    response
}

/// Where "come back here" leads: the page itself for a GET; for a form post, the page the form
/// was on (from `Referer`, this site only), since the post's own address cannot be opened.
pub fn return_path(method: &axum::http::Method, uri: &axum::http::Uri, headers: &HeaderMap) -> String {
    if matches!(*method, axum::http::Method::GET | axum::http::Method::HEAD) {
        return uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into());
    }
    let host = headers.get(axum::http::header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    headers
        .get(axum::http::header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| r.parse::<axum::http::Uri>().ok())
        .filter(|r| r.authority().is_some_and(|a| a.as_str() == host))
        .and_then(|r| r.path_and_query().map(|p| p.as_str().to_string()))
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
        let req = parts.extensions.get::<RequestCtx>().cloned().ok_or(AppError::Internal("request context missing".into()))?;
        Ok(Ctx { req, path: return_path(&parts.method, &parts.uri, &parts.headers) })
    }
}

impl Ctx {
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
    Organisation,
}

pub struct NavItem {
    pub href: &'static str,
    pub label: String,
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
    pub fn t(&self, key: &str) -> String {
        self.i18n.t(key)
    }

    pub fn t1(&self, key: &str, name: &str, value: impl ToString) -> String {
        self.i18n.t1(key, name, value)
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
            _ => return None,
        };
        Some(self.t(key))
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
        let mut items = vec![NavItem { href: "/", label: self.t("nav-home"), current: self.nav == Nav::Home }];
        if user.is_admin {
            items.push(NavItem { href: "/org", label: self.t("nav-organisation"), current: self.nav == Nav::Organisation });
        }
        items
    }
}
