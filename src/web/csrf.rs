//! CSRF protection. Every state-changing request carries a token in a form field `csrf`, an
//! `X-CSRF-Token` header (htmx) or, for file uploads, the query string. The token is an HMAC,
//! under a key kept in the database, of what the request is bound to: the session when signed
//! in, else a random visitor cookie. A token from another session, or a cookie and field made up
//! together, does not match. The `Origin`, when sent, must be samspill's own.

use super::AppState;
use super::ctx::{RequestCtx, return_path};
use super::error::AppError;
use super::keys::{SigningKey, same};
use crate::config::WebConfig;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::Method;
use axum::http::header::{CONTENT_TYPE, HOST, ORIGIN};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

const MAX_FORM_BYTES: usize = 1024 * 1024;

/// What a request's CSRF token is derived from.
pub enum Binding<'a> {
    /// The SHA-256 of the session token.
    Session(&'a str),
    /// The visitor cookie of a browser that is not signed in.
    Visitor(&'a str),
}

/// The token for a binding.
pub fn token(key: &SigningKey, binding: &Binding) -> String {
    match binding {
        Binding::Session(hash) => key.sign(&format!("session:{hash}")),
        Binding::Visitor(value) => key.sign(&format!("visitor:{value}")),
    }
}

fn token_in_pairs(bytes: &[u8]) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(bytes).ok()?.into_iter().find(|(k, _)| k == "csrf").map(|(_, v)| v)
}

/// The `Origin` a browser sends with a post from samspill's own pages: the configured base URL's,
/// or without one the request's own host over http (or https behind a proxy).
fn same_origin(req: &Request, web: &WebConfig) -> bool {
    let Some(origin) = req.headers().get(ORIGIN).map(|o| o.as_bytes()) else { return true };
    if let Some(expected) = &web.origin {
        return origin == expected.as_str().as_bytes();
    }
    let host = req.headers().get(HOST).map(|h| h.as_bytes()).unwrap_or_default();
    let matches = |scheme: &[u8]| origin.strip_prefix(scheme).is_some_and(|rest| rest == host);
    matches(b"http://") || (web.behind_proxy && matches(b"https://"))
}

/// Whether the request's body is a form (`application/x-www-form-urlencoded`).
pub fn is_form(headers: &axum::http::HeaderMap) -> bool {
    headers.get(CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/x-www-form-urlencoded"))
}

/// Marks a request whose form body was too large or broke off; its body is then empty.
#[derive(Clone, Copy)]
pub struct UnreadableForm;

/// The request with its form body read whole (at most `MAX_FORM_BYTES`), so that nothing later
/// waits for it to arrive; one that could not be read is marked `UnreadableForm`.
pub async fn read_form(req: Request) -> Request {
    let (mut parts, body) = req.into_parts();
    match axum::body::to_bytes(body, MAX_FORM_BYTES).await {
        Ok(bytes) => Request::from_parts(parts, Body::from(bytes)),
        Err(_) => {
            parts.extensions.insert(UnreadableForm);
            Request::from_parts(parts, Body::empty())
        }
    }
}

pub async fn verify(State(app): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let Some(ctx) = req.extensions().get::<RequestCtx>().cloned() else { return AppError::Csrf.into_response() };
    if !same_origin(&req, &app.web) {
        return AppError::Csrf.into_response();
    }
    let mut sent = req.headers().get("x-csrf-token").and_then(|v| v.to_str().ok()).map(str::to_string);
    if sent.is_none() {
        sent = req.uri().query().and_then(|q| token_in_pairs(q.as_bytes()));
    }
    // `ctx::load` has read a form's body already, or marked it when it could not.
    if req.extensions().get::<UnreadableForm>().is_some() {
        return AppError::BadRequest.into_response();
    }
    let req = if sent.is_none() && is_form(req.headers()) {
        let (parts, body) = req.into_parts();
        let Ok(bytes): Result<Bytes, _> = axum::body::to_bytes(body, MAX_FORM_BYTES).await else {
            return AppError::BadRequest.into_response();
        };
        sent = token_in_pairs(&bytes);
        Request::from_parts(parts, Body::from(bytes))
    } else {
        req
    };
    match sent {
        Some(token) if ctx.csrf_checkable && same(&token, &ctx.csrf) => next.run(req).await,
        // The session ran out while the form was open: the token was bound to it. Say so, and
        // lead back through the sign-in page.
        _ if ctx.session_expired && ctx.user.is_none() => {
            AppError::LoginRequired { next: return_path(req.method(), req.uri(), req.headers()), expired: true }.into_response()
        }
        _ => AppError::Csrf.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_bound() {
        let key = SigningKey::new(b"one key");
        let session = token(&key, &Binding::Session("abc"));
        assert_eq!(session.len(), 64);
        assert_eq!(session, token(&key, &Binding::Session("abc")));
        assert_ne!(session, token(&key, &Binding::Session("abd")), "another session, another token");
        assert_ne!(session, token(&key, &Binding::Visitor("abc")), "a visitor value is not a session");
        assert_ne!(session, token(&SigningKey::new(b"other key"), &Binding::Session("abc")), "another installation");
    }

    fn post(origin: Option<&str>, host: &str) -> Request {
        let mut b = Request::builder().method("POST").uri("/x").header(HOST, host);
        if let Some(o) = origin {
            b = b.header(ORIGIN, o);
        }
        b.body(Body::empty()).unwrap()
    }

    #[test]
    fn origins() {
        let configured = WebConfig::new(Some(crate::config::origin_of("https://samspill.etat.no").unwrap()), false);
        assert!(same_origin(&post(Some("https://samspill.etat.no"), "samspill.etat.no"), &configured));
        assert!(!same_origin(&post(Some("http://samspill.etat.no"), "samspill.etat.no"), &configured), "scheme counts");
        assert!(!same_origin(&post(Some("https://samspill.etat.no:8443"), "samspill.etat.no"), &configured), "port counts");
        assert!(!same_origin(&post(Some("https://evil.example"), "evil.example"), &configured), "the Host header is not trusted");
        assert!(!same_origin(&post(Some("null"), "samspill.etat.no"), &configured));
        assert!(same_origin(&post(None, "samspill.etat.no"), &configured), "no Origin: the token alone decides");

        let local = WebConfig::new(None, false);
        assert!(same_origin(&post(Some("http://127.0.0.1:8080"), "127.0.0.1:8080"), &local));
        assert!(!same_origin(&post(Some("https://127.0.0.1:8080"), "127.0.0.1:8080"), &local));
        assert!(!same_origin(&post(Some("http://evil.example"), "127.0.0.1:8080"), &local));
        let proxied = WebConfig { behind_proxy: true, ..WebConfig::new(None, false) };
        assert!(same_origin(&post(Some("https://samspill.etat.no"), "samspill.etat.no"), &proxied));
    }
}
