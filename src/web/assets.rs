//! Static files embedded in the binary and served under a content-hashed prefix, so browsers
//! may cache them for a year: `/assets/{version}/{file}`. Text files are gzipped once, at the
//! first request, and sent compressed to browsers that accept it.

use std::io::Write;
use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
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

/// The gzipped body of each text file, by its place in `FILES`; fonts and images are compressed
/// already.
static GZIPPED: LazyLock<Vec<Option<Vec<u8>>>> =
    LazyLock::new(|| FILES.iter().map(|(_, content_type, bytes)| compressible(content_type).then(|| gzip(bytes)).flatten()).collect());

fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/") || content_type.starts_with("image/svg")
}

fn gzip(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

/// Whether `Accept-Encoding` takes gzip (and does not refuse it with `q=0`).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers.get_all(ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(|coding| {
        let mut parts = coding.split(';').map(str::trim);
        let name = parts.next().unwrap_or("");
        let refused = parts.any(|p| p.strip_prefix("q=").and_then(|q| q.parse::<f32>().ok()).is_some_and(|q| q == 0.0));
        (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
    })
}

pub fn url(file: &str) -> String {
    format!("/assets/{}/{file}", *VERSION)
}

pub async fn serve(Path((version, file)): Path<(String, String)>, headers: HeaderMap) -> Result<Response, AppError> {
    let Some(index) = FILES.iter().position(|(name, _, _)| *name == file) else { return Err(AppError::NotFound) };
    let (_, content_type, bytes) = FILES[index];
    let etag = format!("\"{}\"", *VERSION);
    // An old version's URL still answers, but is not cached for long.
    let cache = if version == *VERSION { "public, max-age=31536000, immutable" } else { "public, max-age=300" };
    let mut response = if headers.get(IF_NONE_MATCH).is_some_and(|v| v.as_bytes() == etag.as_bytes()) {
        // The browser's copy is current: it keeps it under the same caching rules.
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut r = match GZIPPED.get(index).and_then(Option::as_ref) {
            Some(gzipped) if accepts_gzip(&headers) => ([(CONTENT_ENCODING, "gzip")], gzipped.as_slice()).into_response(),
            _ => bytes.into_response(),
        };
        r.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        r
    };
    let h = response.headers_mut();
    h.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(ETAG, HeaderValue::from_str(&etag).map_err(|e| AppError::Internal(e.to_string()))?);
    if compressible(content_type) {
        h.insert(VARY, HeaderValue::from_static("accept-encoding"));
    }
    Ok(response)
}

pub async fn favicon() -> Response {
    axum::response::Redirect::permanent(&url("favicon.svg")).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_is_sent_only_to_browsers_that_take_it() {
        let with = |value: &str| {
            let mut h = HeaderMap::new();
            h.insert(ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
            accepts_gzip(&h)
        };
        assert!(with("gzip, deflate, br, zstd"));
        assert!(with("br;q=1.0, GZIP;q=0.5"));
        assert!(with("*"));
        assert!(!with("br"));
        assert!(!with("gzip;q=0, br"));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn text_files_shrink_and_fonts_are_left_alone() {
        let css = FILES.iter().position(|(n, _, _)| *n == "vendor/designsystemet.css").unwrap();
        let font = FILES.iter().position(|(n, _, _)| n.ends_with(".woff2")).unwrap();
        let gzipped = GZIPPED[css].as_ref().unwrap();
        assert!(gzipped.len() * 4 < FILES[css].2.len(), "{} of {} bytes", gzipped.len(), FILES[css].2.len());
        let mut back = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(gzipped.as_slice()), &mut back).unwrap();
        assert_eq!(back, FILES[css].2);
        assert!(GZIPPED[font].is_none());
    }
}
