//! Import from an HR system on the web: upload, see every error or a dry run of what will
//! change, then apply. The upload goes to a temporary file, never whole into memory; it waits
//! in the database between the two steps, so the confirmation can land on any app node.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use std::io::{Seek, SeekFrom};

use axum::extract::multipart::Field;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tokio::io::{AsyncReadExt, AsyncSeekExt, AsyncWriteExt};

use crate::domain::PersonId;
use crate::domain::import::{self, Column, Errors, Plan};
use crate::store::Tx;
use crate::store::imports::{self, Outcome};
use crate::web::AppState;
use crate::web::ctx::{Ctx, Nav, Page};
use crate::web::error::AppError;
use crate::web::i18n::I18n;

/// Room for a full export of a large agency (100,000 lines is about 10 MB).
const MAX_UPLOAD_BYTES: usize = 64 * 1024 * 1024;
/// A waiting file is kept in the database in parts of this size.
const DRAFT_PART_BYTES: usize = 1024 * 1024;
/// How many people each part of a dry run lists before "and N more".
const MAX_LISTED: usize = 100;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/org/import", get(form).post(upload).layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES)))
        .route("/org/import/{draft}/apply", post(apply))
}

/// One error as shown: line, column and reason, in the user's language.
pub struct ErrorRow {
    pub line: String,
    pub column: String,
    pub message: String,
}

pub fn error_rows(i18n: &I18n, errors: &Errors) -> Vec<ErrorRow> {
    errors
        .listed
        .iter()
        .map(|e| {
            let (key, args) = e.message();
            ErrorRow {
                line: e.line().map(|l| i18n.number(l as i64)).unwrap_or_else(|| "–".into()),
                column: e.column().map(|c| i18n.t(c.label_key())).unwrap_or_else(|| "–".into()),
                message: i18n.t_with(key, &args),
            }
        })
        .collect()
}

/// The errors as lines of text, for the command line.
pub fn import_error_lines(i18n: &I18n, errors: &Errors) -> Vec<String> {
    let mut lines: Vec<String> = error_rows(i18n, errors)
        .into_iter()
        .map(|r| {
            let mut s = String::new();
            if r.line != "–" {
                s.push_str(&i18n.t1("import-line", "line", &r.line));
                s.push_str(": ");
            }
            if r.column != "–" {
                s.push_str(&r.column);
                s.push_str(": ");
            }
            s + &r.message
        })
        .collect();
    if errors.total > errors.listed.len() {
        lines.push(i18n.t1("import-more-errors", "count", errors.total - errors.listed.len()));
    }
    lines
}

/// A dry run, ready to show: counts and the first people of each kind.
pub struct PlanView {
    pub new_units: Vec<String>,
    pub created: Vec<String>,
    pub updated: Vec<(String, String)>,
    pub leavers: Vec<String>,
    pub counts: PlanCounts,
}

#[derive(Clone, Copy, Default)]
pub struct PlanCounts {
    pub units: usize,
    pub created: usize,
    pub updated: usize,
    pub leavers: usize,
    pub unchanged: usize,
}

impl PlanCounts {
    pub fn of(plan: &Plan) -> PlanCounts {
        PlanCounts {
            units: plan.new_units.len() + plan.reactivated_units.len(),
            created: plan.create.len(),
            updated: plan.update.len(),
            leavers: plan.leavers.len(),
            unchanged: plan.unchanged,
        }
    }

    pub fn summary(&self, i18n: &I18n) -> String {
        i18n.t_with(
            "import-summary",
            &[
                ("created", self.created.to_string()),
                ("updated", self.updated.to_string()),
                ("deactivated", self.leavers.to_string()),
                ("unchanged", self.unchanged.to_string()),
            ],
        )
    }
}

impl PlanView {
    fn new(i18n: &I18n, plan: &Plan) -> PlanView {
        PlanView {
            new_units: plan.new_units.iter().take(MAX_LISTED).map(|p| p.join(" / ")).collect(),
            created: plan.create.iter().take(MAX_LISTED).map(|p| format!("{} ({})", p.name, p.number.as_str())).collect(),
            updated: plan
                .update
                .iter()
                .take(MAX_LISTED)
                .map(|u| {
                    let changes = u.changes.iter().map(|c| i18n.t(c.label_key())).collect::<Vec<_>>().join(", ");
                    (format!("{} ({})", u.data.name, u.data.number.as_str()), changes)
                })
                .collect(),
            leavers: plan.leavers.iter().take(MAX_LISTED).map(|l| format!("{} ({})", l.name, l.number)).collect(),
            counts: PlanCounts::of(plan),
        }
    }
}

/// What a plan does, as lines of text, for the command line: the first `limit` changes, how
/// many more there are, and the counts.
pub fn plan_summary(i18n: &I18n, plan: &Plan, limit: usize) -> Vec<String> {
    let new_unit = i18n.t("import-new-unit");
    let units = plan.new_units.iter().map(|path| format!("+ {new_unit}: {}", path.join(" / ")));
    let created = plan.create.iter().map(|p| format!("+ {} ({})", p.name, p.number.as_str()));
    let updated = plan.update.iter().map(|u| {
        let changes = u.changes.iter().map(|c| i18n.t(c.label_key())).collect::<Vec<_>>().join(", ");
        format!("~ {} ({}): {changes}", u.data.name, u.data.number.as_str())
    });
    let leavers = plan.leavers.iter().map(|l| format!("- {} ({})", l.name, l.number));
    let mut lines: Vec<String> = units.chain(created).chain(updated).chain(leavers).take(limit).collect();
    let changes = plan.new_units.len() + plan.create.len() + plan.update.len() + plan.leavers.len();
    if changes > lines.len() {
        lines.push(i18n.t1("import-cli-more", "count", changes - lines.len()));
    }
    lines.push(PlanCounts::of(plan).summary(i18n));
    lines
}

/// The import page in one of its states.
enum Stage {
    Upload,
    Refused { errors: Vec<ErrorRow>, total: usize, more: usize },
    Preview { draft: i64, plan: PlanView, full: bool },
    NothingToDo,
    Done(PlanCounts),
}

#[derive(Template, WebTemplate)]
#[template(path = "org/import.html")]
struct ImportPage {
    page: Page,
    stage: Stage,
    columns: Vec<(&'static str, &'static str, bool)>,
    full: bool,
    file_error: Option<String>,
}

impl ImportPage {
    fn is_preview(&self) -> bool {
        matches!(self.stage, Stage::Preview { .. })
    }
}

fn import_page(ctx: &Ctx, stage: Stage, full: bool, file_error: Option<String>) -> ImportPage {
    let columns = Column::ALL.iter().map(|c| (c.header(), c.label_key(), c.is_required())).collect();
    ImportPage { page: ctx.page("org-import-title", Nav::Organisation), stage, columns, full, file_error }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DoneQuery {
    created: Option<usize>,
    updated: Option<usize>,
    deactivated: Option<usize>,
    unchanged: Option<usize>,
}

async fn form(ctx: Ctx, Query(q): Query<DoneQuery>) -> Result<ImportPage, AppError> {
    let stage = match (q.created, q.updated, q.deactivated, q.unchanged) {
        (Some(created), Some(updated), Some(leavers), Some(unchanged)) => {
            Stage::Done(PlanCounts { units: 0, created, updated, leavers, unchanged })
        }
        _ => Stage::Upload,
    };
    Ok(import_page(&ctx, stage, false, None))
}

fn refused(ctx: &Ctx, errors: &Errors, full: bool) -> ImportPage {
    let rows = error_rows(&ctx.i18n(), errors);
    let more = errors.total - rows.len();
    import_page(ctx, Stage::Refused { errors: rows, total: errors.total, more }, full, None)
}

/// Reads a file and plans it (applying the plan unless `dry_run`): the plan, or the page that
/// lists the file's errors. Parsing runs on a blocking thread: a large file must not hold up
/// other requests.
async fn check(ctx: &Ctx, app: &AppState, file: &std::fs::File, full: bool, dry_run: bool) -> Result<Result<Plan, ImportPage>, AppError> {
    let mut reader = file.try_clone().map_err(internal)?;
    let parsed = tokio::task::spawn_blocking(move || {
        reader.seek(SeekFrom::Start(0))?;
        Ok::<_, std::io::Error>(import::parse(reader))
    })
    .await
    .map_err(internal)?
    .map_err(internal)?;
    let parsed = match parsed {
        Ok(parsed) => parsed,
        Err(errors) => return Ok(Err(refused(ctx, &errors, full))),
    };
    let today = crate::store::today_date(crate::store::now());
    Ok(match imports::run(&app.db, parsed, full, dry_run, today).await? {
        Outcome::Refused(errors) => Err(refused(ctx, &errors, full)),
        Outcome::Planned { plan, .. } => Ok(plan),
    })
}

fn internal(e: impl std::fmt::Display) -> AppError {
    AppError::Internal(e.to_string())
}

/// A temporary file without a name: the system removes it once it is closed, whatever happens.
async fn spool_file() -> Result<tokio::fs::File, AppError> {
    let file = tokio::task::spawn_blocking(tempfile::tempfile).await.map_err(internal)?.map_err(internal)?;
    Ok(tokio::fs::File::from_std(file))
}

/// Writes an uploaded file to a temporary file as it arrives; returns it with its size.
async fn spool_upload(mut field: Field<'_>) -> Result<(std::fs::File, u64), AppError> {
    let mut file = spool_file().await?;
    let mut size = 0;
    while let Some(chunk) = field.chunk().await.map_err(|_| AppError::BadRequest)? {
        file.write_all(&chunk).await.map_err(internal)?;
        size += chunk.len() as u64;
    }
    file.flush().await.map_err(internal)?;
    Ok((file.into_std().await, size))
}

/// Keeps the file as a draft in the database, a part at a time.
async fn save_draft(tx: &mut Tx, person: PersonId, file: &std::fs::File, full: bool) -> Result<i64, AppError> {
    let draft = imports::create_draft(tx.ex(), person, full).await?;
    let mut reader = tokio::fs::File::from_std(file.try_clone().map_err(internal)?);
    reader.seek(SeekFrom::Start(0)).await.map_err(internal)?;
    let mut part = Vec::with_capacity(DRAFT_PART_BYTES);
    for seq in 0.. {
        part.clear();
        (&mut reader).take(DRAFT_PART_BYTES as u64).read_to_end(&mut part).await.map_err(internal)?;
        if part.is_empty() {
            break;
        }
        imports::add_draft_part(tx.ex(), draft, seq, &part).await?;
    }
    Ok(draft)
}

/// A draft's file, copied part by part from the database to a temporary file.
async fn load_draft(app: &AppState, draft: i64) -> Result<std::fs::File, AppError> {
    let mut file = spool_file().await?;
    let mut c = app.db.conn().await?;
    for seq in 0.. {
        let Some(part) = imports::draft_part(c.ex(), draft, seq).await? else { break };
        file.write_all(&part).await.map_err(internal)?;
    }
    file.flush().await.map_err(internal)?;
    Ok(file.into_std().await)
}

/// Reads the upload, checks it and plans it without writing people; a valid plan is kept as a draft.
async fn upload(ctx: Ctx, State(app): State<AppState>, mut multipart: Multipart) -> Result<Response, AppError> {
    let user = ctx.user()?.clone();
    let mut upload: Option<std::fs::File> = None;
    let mut full = false;
    while let Some(field) = multipart.next_field().await.map_err(|_| AppError::BadRequest)? {
        match field.name() {
            Some("file") => {
                let has_name = field.file_name().is_some_and(|n| !n.is_empty());
                let (file, size) = spool_upload(field).await?;
                if has_name || size > 0 {
                    upload = Some(file);
                }
            }
            Some("full") => full = field.text().await.map_err(|_| AppError::BadRequest)? == "on",
            _ => {}
        }
    }
    let Some(file) = upload else {
        let message = ctx.i18n().t("import-error-no-file");
        return Ok(import_page(&ctx, Stage::Upload, full, Some(message)).into_response());
    };
    let plan = match check(&ctx, &app, &file, full, true).await? {
        Ok(plan) => plan,
        Err(page) => return Ok(page.into_response()),
    };
    if plan.is_empty() {
        return Ok(import_page(&ctx, Stage::NothingToDo, full, None).into_response());
    }
    let mut tx = app.db.begin().await?;
    imports::delete_drafts(tx.ex(), user.person()).await?;
    let draft = save_draft(&mut tx, user.person(), &file, full).await?;
    tx.commit().await?;
    let view = PlanView::new(&ctx.i18n(), &plan);
    Ok(import_page(&ctx, Stage::Preview { draft, plan: view, full }, full, None).into_response())
}

/// Applies a draft, planned again against the data as it is now, in one transaction.
async fn apply(ctx: Ctx, State(app): State<AppState>, Path(draft): Path<i64>) -> Result<Response, AppError> {
    let person = ctx.user()?.person();
    let full = {
        let mut c = app.db.conn().await?;
        imports::draft(c.ex(), draft, person).await?.ok_or(AppError::NotFound)?
    };
    let file = load_draft(&app, draft).await?;
    let plan = match check(&ctx, &app, &file, full, false).await? {
        Ok(plan) => plan,
        Err(page) => return Ok(page.into_response()),
    };
    let mut c = app.db.conn().await?;
    imports::delete_drafts(c.ex(), person).await?;
    let query = serde_urlencoded::to_string([
        ("created", plan.create.len()),
        ("updated", plan.update.len()),
        ("deactivated", plan.leavers.len()),
        ("unchanged", plan.unchanged),
    ])
    .unwrap_or_default();
    Ok(Redirect::to(&format!("/org/import?{query}")).into_response())
}
