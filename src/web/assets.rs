//! Static files embedded in the binary and served under a content-hashed prefix, so browsers
//! may cache them for a year: `/assets/{version}/{file}`.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use super::error::AppError;

/// (path under assets/, content type, bytes)
const FILES: &[(&str, &str, &[u8])] = &[
    ("app.css", "text/css; charset=utf-8", include_bytes!("../../assets/app.css")),
    ("app.js", "text/javascript; charset=utf-8", include_bytes!("../../assets/app.js")),
    ("vendor/designsystemet.css", "text/css; charset=utf-8", include_bytes!("../../assets/vendor/designsystemet.css")),
    ("vendor/designsystemet-theme.css", "text/css; charset=utf-8", include_bytes!("../../assets/vendor/designsystemet-theme.css")),
    ("vendor/inter.css", "text/css; charset=utf-8", include_bytes!("../../assets/vendor/inter.css")),
    ("vendor/htmx.min.js", "text/javascript; charset=utf-8", include_bytes!("../../assets/vendor/htmx.min.js")),
    ("vendor/fonts/inter-latin-wght-normal.woff2", "font/woff2", include_bytes!("../../assets/vendor/fonts/inter-latin-wght-normal.woff2")),
    (
        "vendor/fonts/inter-latin-ext-wght-normal.woff2",
        "font/woff2",
        include_bytes!("../../assets/vendor/fonts/inter-latin-ext-wght-normal.woff2"),
    ),
    ("favicon.svg", "image/svg+xml", include_bytes!("../../assets/favicon.svg")),
];

/// A short hash of every embedded file: changes whenever any asset changes.
static VERSION: LazyLock<String> = LazyLock::new(|| {
    let mut h = Sha256::new();
    for (name, _, bytes) in FILES {
        h.update(name.as_bytes());
        h.update(bytes);
    }
    super::ctx::hex(&h.finalize()[..6])
});

pub fn url(file: &str) -> String {
    format!("/assets/{}/{file}", *VERSION)
}

pub async fn serve(Path((version, file)): Path<(String, String)>, headers: HeaderMap) -> Result<Response, AppError> {
    let Some((_, content_type, bytes)) = FILES.iter().find(|(name, _, _)| *name == file) else { return Err(AppError::NotFound) };
    let etag = format!("\"{}\"", *VERSION);
    // An old version's URL still answers, but is not cached for long.
    let cache = if version == *VERSION { "public, max-age=31536000, immutable" } else { "public, max-age=300" };
    if headers.get(IF_NONE_MATCH).is_some_and(|v| v.as_bytes() == etag.as_bytes()) {
        return Ok((StatusCode::NOT_MODIFIED, [(ETAG, etag)]).into_response());
    }
    Ok(([(CONTENT_TYPE, content_type.to_string()), (CACHE_CONTROL, cache.to_string()), (ETAG, etag)], *bytes).into_response())
}

pub async fn favicon() -> Response {
    axum::response::Redirect::permanent(&url("favicon.svg")).into_response()
}
