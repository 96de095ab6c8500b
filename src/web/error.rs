//! One error type for handlers, and the localized page each error shows.

use askama::Template;
use axum::extract::Request;
use axum::http::header::{CONTENT_TYPE, LOCATION};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use super::ctx::{Ctx, Nav, Page, RequestCtx};

/// Errors a handler can end with. Form mistakes are not errors: the form is shown again.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("missing or wrong CSRF token")]
    Csrf,
    #[error("sign-in required")]
    LoginRequired { next: String, expired: bool },
    #[error("bad request")]
    BadRequest,
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<crate::store::Error> for AppError {
    fn from(e: crate::store::Error) -> Self {
        AppError::Internal(e.to_string())
    }
}

/// Which error page to render; travels on the response to the `error_pages` layer, which knows
/// the request's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    Forbidden,
    Csrf,
    BadRequest,
    Internal,
}

impl ErrorKind {
    fn status(self) -> StatusCode {
        match self {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::Forbidden | ErrorKind::Csrf => StatusCode::FORBIDDEN,
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn key(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "error-not-found",
            ErrorKind::Forbidden => "error-forbidden",
            ErrorKind::Csrf => "error-csrf",
            ErrorKind::BadRequest => "error-bad-request",
            ErrorKind::Internal => "error-internal",
        }
    }

    fn from_status(status: StatusCode) -> ErrorKind {
        match status.as_u16() {
            404 | 405 => ErrorKind::NotFound,
            403 => ErrorKind::Forbidden,
            400..=499 => ErrorKind::BadRequest,
            _ => ErrorKind::Internal,
        }
    }
}

/// The sign-in page that leads back to `next`, saying whether the session ran out.
pub fn login_location(next: String, expired: bool) -> String {
    let mut query = vec![("next", next)];
    if expired {
        query.push(("expired", "1".into()));
    }
    format!("/login?{}", serde_urlencoded::to_string(&query).unwrap_or_default())
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let kind = match self {
            AppError::LoginRequired { next, expired } => {
                let location = login_location(next, expired);
                let mut r = StatusCode::SEE_OTHER.into_response();
                if let Ok(v) = HeaderValue::from_str(&location) {
                    r.headers_mut().insert(LOCATION, v);
                }
                return r;
            }
            AppError::NotFound => ErrorKind::NotFound,
            AppError::Forbidden => ErrorKind::Forbidden,
            AppError::Csrf => ErrorKind::Csrf,
            AppError::BadRequest => ErrorKind::BadRequest,
            AppError::Internal(cause) => {
                tracing::error!(%cause, "request failed");
                ErrorKind::Internal
            }
        };
        let mut r = kind.status().into_response();
        r.extensions_mut().insert(kind);
        r
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    body_key: String,
    status: u16,
    back: bool,
}

/// Middleware: turns an error response (ours, or a plain-text one from the framework) into a
/// page in the user's language, with the status kept.
pub async fn error_pages(req: Request, next: Next) -> Response {
    let ctx = req.extensions().get::<RequestCtx>().cloned();
    let path = super::ctx::return_path(req.method(), req.uri(), req.headers());
    let response = next.run(req).await;
    let status = response.status();
    let marked = response.extensions().get::<ErrorKind>().copied();
    let is_html = response.headers().get(CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    let kind = match marked {
        Some(kind) => kind,
        None if (status.is_client_error() || status.is_server_error()) && !is_html => ErrorKind::from_status(status),
        None => return response,
    };
    let Some(req_ctx) = ctx else { return response };
    render(&Ctx { req: req_ctx, path }, kind)
}

pub fn render(ctx: &Ctx, kind: ErrorKind) -> Response {
    let page = ctx.page(&format!("{}-title", kind.key()), Nav::None);
    let template =
        ErrorPage { page, body_key: format!("{}-body", kind.key()), status: kind.status().as_u16(), back: kind == ErrorKind::Csrf };
    match template.render() {
        Ok(html) => (kind.status(), Html(html)).into_response(),
        Err(_) => kind.status().into_response(),
    }
}

/// Unknown addresses get the localized 404 page.
pub async fn not_found() -> AppError {
    AppError::NotFound
}
