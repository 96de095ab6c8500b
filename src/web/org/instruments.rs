//! Organisasjon → Instrumenter: the instruments in use, and adding one from a file.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::domain::instrument::{Instrument, is_id};
use crate::store::{self, development::NewInstrument};
use crate::web::AppState;
use crate::web::ctx::{Ctx, Nav, Page};
use crate::web::development::date;
use crate::web::error::AppError;

/// An instrument file is text of a few kilobytes; this leaves room for long ones.
const MAX_FILE: usize = 512 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new().route("/org/instruments", get(list).post(upload).layer(DefaultBodyLimit::max(MAX_FILE + 16 * 1024)))
}

struct InstrumentLine {
    id: String,
    version: i64,
    title: String,
    kind: &'static str,
    origin: String,
    added: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "org/instruments.html")]
struct InstrumentsPage {
    page: Page,
    instruments: Vec<InstrumentLine>,
    problems: Vec<String>,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    added: String,
}

async fn list(ctx: Ctx, State(app): State<AppState>, Query(q): Query<ListQuery>) -> Result<InstrumentsPage, AppError> {
    let notice = is_id(&q.added).then(|| ctx.i18n().t1("instruments-added", "id", &q.added));
    page(&ctx, &app, Vec::new(), notice).await
}

async fn page(ctx: &Ctx, app: &AppState, problems: Vec<String>, notice: Option<String>) -> Result<InstrumentsPage, AppError> {
    let i18n = ctx.i18n();
    let mut c = app.db.conn().await?;
    let rows = store::development::all_instruments(c.ex()).await?;
    let parsed = app.catalog.get_all(c.ex(), rows.iter().map(|r| (r.0.clone(), r.1)).collect()).await?;
    let instruments = rows
        .into_iter()
        .map(|(id, version, built_in, added_by, added_at)| {
            let found = parsed.get(&(id.clone(), version));
            InstrumentLine {
                title: found.map_or_else(|| id.clone(), |i| i.title.get(i18n.locale()).to_string()),
                kind: found.map_or("instrument-kind-self-assessment", |i| super::super::development::kind_key(i.kind)),
                origin: if built_in { i18n.t("instruments-built-in") } else { added_by.unwrap_or_default() },
                added: date(&i18n, added_at),
                id,
                version,
            }
        })
        .collect();
    Ok(InstrumentsPage { page: ctx.page("instruments-title", Nav::Organisation), instruments, problems, notice })
}

/// Adds an instrument from an uploaded file; a file with problems is refused whole, each named.
async fn upload(ctx: Ctx, State(app): State<AppState>, mut multipart: Multipart) -> Result<Response, AppError> {
    let user = ctx.user()?.clone();
    let i18n = ctx.i18n();
    let mut source: Option<Vec<u8>> = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| AppError::BadRequest)? {
        if field.name() == Some("file") {
            let bytes = field.bytes().await.map_err(|_| AppError::BadRequest)?;
            source = Some(bytes.to_vec()).filter(|b| !b.is_empty());
        }
    }
    let refuse = |message: String| async { Ok::<Response, AppError>(page(&ctx, &app, vec![message], None).await?.into_response()) };
    let Some(bytes) = source else { return refuse(i18n.t("instruments-error-no-file")).await };
    if bytes.len() > MAX_FILE {
        return refuse(i18n.t("instruments-error-too-large")).await;
    }
    let Ok(text) = String::from_utf8(bytes) else { return refuse(i18n.t("instruments-error-not-text")).await };
    let instrument = match Instrument::parse(&text) {
        Ok(i) => i,
        Err(problems) => {
            let lines = problems
                .iter()
                .map(|p| {
                    let (key, args) = p.message_key();
                    let message = i18n.t_with(key, &args.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>());
                    if p.field.is_empty() { message } else { format!("{}: {message}", p.field) }
                })
                .collect();
            return Ok(page(&ctx, &app, lines, None).await?.into_response());
        }
    };
    let mut tx = app.db.begin().await?;
    let versions = store::development::versions_of(tx.ex(), &instrument.id).await?;
    // Refused, the form comes back on a connection of its own: the transaction ends first.
    if versions.iter().any(|(_, built_in)| *built_in) {
        drop(tx);
        return refuse(i18n.t1("instruments-error-built-in", "id", &instrument.id)).await;
    }
    if let Some((newest, _)) = versions.iter().max_by_key(|(v, _)| *v)
        && *newest >= instrument.version
    {
        let args = [("id", instrument.id.clone()), ("version", newest.to_string())];
        drop(tx);
        return refuse(i18n.t_with("instruments-error-version", &args)).await;
    }
    let new = NewInstrument {
        id: &instrument.id,
        version: instrument.version,
        kind: instrument.kind.code(),
        audience: instrument.audience.code(),
        source: &text,
        built_in: false,
        added_by: Some(user.person()),
    };
    store::development::add_instrument(tx.ex(), &new, store::now()).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/org/instruments?added={}", instrument.id)).into_response())
}
