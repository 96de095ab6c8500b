//! Import from an HR system on the web: upload, see every error or a dry run of what will
//! change, then apply. The file waits in the database between the two steps, so the
//! confirmation can land on any app node.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::domain::import::{self, Column, Errors, Plan};
use crate::store::imports::{self, Outcome};
use crate::web::AppState;
use crate::web::ctx::{Ctx, Nav, Page};
use crate::web::error::AppError;
use crate::web::i18n::I18n;

/// Room for a full export of a large agency (100,000 lines is about 10 MB).
const MAX_UPLOAD_BYTES: usize = 64 * 1024 * 1024;
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
            counts: PlanCounts {
                units: plan.new_units.len() + plan.reactivated_units.len(),
                created: plan.create.len(),
                updated: plan.update.len(),
                leavers: plan.leavers.len(),
                unchanged: plan.unchanged,
            },
        }
    }
}

/// What a plan does, as lines of text, for the command line.
pub fn plan_summary(i18n: &I18n, plan: &Plan) -> Vec<String> {
    let mut lines = Vec::new();
    for path in &plan.new_units {
        lines.push(format!("+ {}: {}", i18n.t("import-new-unit"), path.join(" / ")));
    }
    for p in &plan.create {
        lines.push(format!("+ {} ({})", p.name, p.number.as_str()));
    }
    for u in &plan.update {
        let changes = u.changes.iter().map(|c| i18n.t(c.label_key())).collect::<Vec<_>>().join(", ");
        lines.push(format!("~ {} ({}): {changes}", u.data.name, u.data.number.as_str()));
    }
    for l in &plan.leavers {
        lines.push(format!("- {} ({})", l.name, l.number));
    }
    lines.push(PlanView::new(i18n, plan).counts.summary(i18n));
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
async fn check(ctx: &Ctx, app: &AppState, content: &Bytes, full: bool, dry_run: bool) -> Result<Result<Plan, ImportPage>, AppError> {
    let shared = content.clone();
    let parsed =
        tokio::task::spawn_blocking(move || import::parse(shared.as_ref())).await.map_err(|e| AppError::Internal(e.to_string()))?;
    let parsed = match parsed {
        Ok(parsed) => parsed,
        Err(errors) => return Ok(Err(refused(ctx, &errors, full))),
    };
    let today = time::OffsetDateTime::now_utc().date();
    Ok(match imports::run(&app.db, &parsed, full, dry_run, today).await? {
        Outcome::Refused(errors) => Err(refused(ctx, &errors, full)),
        Outcome::Planned { plan, .. } => Ok(plan),
    })
}

/// Reads the upload, checks it and plans it without writing people; a valid plan is kept as a draft.
async fn upload(ctx: Ctx, State(app): State<AppState>, mut multipart: Multipart) -> Result<Response, AppError> {
    let user = ctx.user()?.clone();
    let mut content: Option<Bytes> = None;
    let mut full = false;
    while let Some(field) = multipart.next_field().await.map_err(|_| AppError::BadRequest)? {
        match field.name() {
            Some("file") => {
                let has_name = field.file_name().is_some_and(|n| !n.is_empty());
                let bytes = field.bytes().await.map_err(|_| AppError::BadRequest)?;
                if has_name || !bytes.is_empty() {
                    content = Some(bytes);
                }
            }
            Some("full") => full = field.text().await.map_err(|_| AppError::BadRequest)? == "on",
            _ => {}
        }
    }
    let Some(content) = content else {
        let message = ctx.i18n().t("import-error-no-file");
        return Ok(import_page(&ctx, Stage::Upload, full, Some(message)).into_response());
    };
    let plan = match check(&ctx, &app, &content, full, true).await? {
        Ok(plan) => plan,
        Err(page) => return Ok(page.into_response()),
    };
    if plan.is_empty() {
        return Ok(import_page(&ctx, Stage::NothingToDo, full, None).into_response());
    }
    let mut tx = app.db.begin().await?;
    imports::delete_drafts(tx.ex(), user.person()).await?;
    let draft = imports::save_draft(tx.ex(), user.person(), &content, full).await?;
    tx.commit().await?;
    let view = PlanView::new(&ctx.i18n(), &plan);
    Ok(import_page(&ctx, Stage::Preview { draft, plan: view, full }, full, None).into_response())
}

/// Applies a draft, planned again against the data as it is now, in one transaction.
async fn apply(ctx: Ctx, State(app): State<AppState>, Path(draft): Path<i64>) -> Result<Response, AppError> {
    let person = ctx.user()?.person();
    let (content, full) = {
        let mut c = app.db.conn().await?;
        imports::draft(c.ex(), draft, person).await?.ok_or(AppError::NotFound)?
    };
    let content = Bytes::from(content);
    let plan = match check(&ctx, &app, &content, full, false).await? {
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
