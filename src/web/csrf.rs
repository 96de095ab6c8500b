//! CSRF protection: every state-changing request carries the token from the `samspill_csrf`
//! cookie (double submit) in a form field `csrf`, an `X-CSRF-Token` header (htmx) or, for file
//! uploads, the query string. A cross-site Origin is refused as well.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::Method;
use axum::http::header::{CONTENT_TYPE, HOST, ORIGIN};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::ctx::RequestCtx;
use super::error::AppError;

const MAX_FORM_BYTES: usize = 1024 * 1024;

fn token_in_pairs(bytes: &[u8]) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(bytes).ok()?.into_iter().find(|(k, _)| k == "csrf").map(|(_, v)| v)
}

/// Compares without stopping at the first difference.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn cross_origin(req: &Request) -> bool {
    let (Some(origin), Some(host)) = (req.headers().get(ORIGIN), req.headers().get(HOST)) else { return false };
    let origin = origin.to_str().unwrap_or("");
    let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or(origin);
    origin_host != host.to_str().unwrap_or("")
}

pub async fn verify(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let Some(ctx) = req.extensions().get::<RequestCtx>().cloned() else { return AppError::Csrf.into_response() };
    if !ctx.csrf_from_cookie || cross_origin(&req) {
        return AppError::Csrf.into_response();
    }
    let mut sent = req.headers().get("x-csrf-token").and_then(|v| v.to_str().ok()).map(str::to_string);
    if sent.is_none() {
        sent = req.uri().query().and_then(|q| token_in_pairs(q.as_bytes()));
    }
    let is_form = req.headers().get(CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/x-www-form-urlencoded"));
    let req = if sent.is_none() && is_form {
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
        Some(token) if same(&token, &ctx.csrf) => next.run(req).await,
        _ => AppError::Csrf.into_response(),
    }
}
