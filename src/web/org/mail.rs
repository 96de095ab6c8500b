//! Organisasjon → Utgående e-post: what waits to be sent, and why. HR sees to whom and about
//! what kind of thing, never what a message says.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;

use crate::domain::mail::Kind;
use crate::store;
use crate::store::cache::{Key, Reads};
use crate::web::AppState;
use crate::web::conversations::when;
use crate::web::ctx::{Ctx, Nav, Page};
use crate::web::error::AppError;
use crate::web::pager::{Pager, page_of, requested_page};

/// Waiting messages to a page, oldest first; the count says how many wait in all.
const PAGE_SIZE: i64 = 25;

pub fn routes() -> Router<AppState> {
    Router::new().route("/org/mail", get(show))
}

struct Waiting {
    name: String,
    recipient: String,
    kind: String,
    queued: String,
    attempts: i64,
    next: String,
    reason: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "org/mail.html")]
struct MailPage {
    page: Page,
    configured: bool,
    counts: String,
    waiting: Vec<Waiting>,
    pager: Pager,
    /// Survey reminders waiting, counted only.
    hidden: Option<String>,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct MailQuery {
    page: String,
}

async fn show(ctx: Ctx, State(app): State<AppState>, Query(q): Query<MailQuery>) -> Result<MailPage, AppError> {
    let i18n = ctx.i18n();
    let now = store::now();
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    let requested = requested_page(&q.page);
    // Sent in the last 30 days, counted from the start of the hour: the same on every node.
    let since = now - now.rem_euclid(3_600) - 30 * 86_400;
    let key = Key::new("outbox::overview", (since, requested));
    let overview = app
        .kept
        .get(user.version, Reads::OUTBOX, key, store::outbox::overview(c.ex(), since, PAGE_SIZE, (requested - 1) * PAGE_SIZE))
        .await?;
    let ((pending, reminders, sent), mut rows) = overview.as_ref().clone();
    // A page before the first or past the last (an old link, a typo) shows the nearest.
    let (page, pages) = page_of(requested, pending, PAGE_SIZE);
    if page != requested {
        rows = store::outbox::pending(c.ex(), PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    }
    let configured = app.web.mail;
    let waiting = rows
        .into_iter()
        .map(|r| Waiting {
            kind: Kind::from_code(&r.kind).map(|k| i18n.t(&format!("mail-kind-{}", k.code()))).unwrap_or(r.kind),
            queued: when(&i18n, r.created_at),
            next: if configured { when(&i18n, r.next_attempt_at.max(now)) } else { "–".to_string() },
            reason: match (configured, r.last_error) {
                (false, _) => i18n.t("org-mail-reason-off"),
                (true, Some(e)) => e,
                (true, None) => i18n.t("org-mail-reason-first"),
            },
            attempts: r.attempts,
            name: r.name,
            recipient: r.recipient,
        })
        .collect::<Vec<_>>();
    let pager = Pager::new(&i18n, page, pages, |n| format!("/org/mail?page={n}"));
    Ok(MailPage {
        page: ctx.page("org-mail-title", Nav::Organisation),
        configured,
        counts: i18n.t_with("org-mail-counts", &[("pending", i18n.number(pending)), ("sent", i18n.number(sent))]),
        waiting,
        pager,
        hidden: (reminders > 0).then(|| i18n.t1("org-mail-hidden", "count", i18n.number(reminders))),
    })
}
