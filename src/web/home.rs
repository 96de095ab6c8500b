//! "Min side": the signed-in person's start page, and "Mine data".

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;

use super::AppState;
use super::ctx::{Ctx, Nav, Page};
use super::error::AppError;
use super::i18n::I18n;
use crate::domain::access::{self, Op};
use crate::domain::org::is_remote;
use crate::store::cache::{Key, Reads};
use crate::store::{self, people::Person};

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(home)).route("/me", get(my_data)).route_layer(axum::middleware::from_fn(super::ctx::require_signed_in))
}

/// A person as a row in a table: every field formatted for reading.
pub struct PersonView {
    pub id: i64,
    pub name: String,
    pub employee_number: String,
    pub email: String,
    pub title: String,
    pub unit: String,
    pub location: String,
    pub home_office_days: std::borrow::Cow<'static, str>,
    pub leader: String,
    /// Works at another site than their leader.
    pub remote: bool,
}

impl PersonView {
    pub fn new(p: &Person, i18n: &I18n) -> PersonView {
        let dash = || "–".to_string();
        PersonView {
            id: p.id,
            name: p.name.clone(),
            employee_number: p.employee_number.clone(),
            email: p.email.clone(),
            title: if p.title.is_empty() { dash() } else { p.title.clone() },
            unit: p.unit_name.clone().unwrap_or_else(dash),
            location: p.location_name.clone().unwrap_or_else(dash),
            home_office_days: i18n.weekdays(p.days()),
            leader: p.leader_name.clone().unwrap_or_else(dash),
            remote: is_remote(p.leader_location(), p.location()),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "home/index.html")]
struct HomePage {
    page: Page,
    me: PersonView,
    team: Vec<PersonView>,
    team_summary: String,
    is_hr: bool,
    /// My next conversation with my leader: (id, when, status message).
    next: Option<(i64, String, &'static str)>,
    open_actions: i64,
    /// For a leader: how many reports are overdue and how many distant.
    attention: Option<(usize, usize)>,
    /// Open surveys I have not answered.
    surveys_waiting: usize,
}

async fn home(ctx: Ctx, State(app): State<AppState>) -> Result<HomePage, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let mut c = app.db.conn().await?;
    let now = store::now();
    let today = crate::domain::cadence::date_of(now);
    // Read again once the next conversation has begun: it is no longer the next.
    let home = app
        .kept
        .get_until(
            user.version,
            Reads::CONTENT,
            Key::new("people::home", (user.id, today)),
            now,
            |h: &Option<store::people::Home>| h.as_ref().and_then(|h| h.waiting.next_at).map(|at| at + 1),
            store::people::home(c.ex(), user.person(), now, &today.to_string()),
        )
        .await?;
    let store::people::Home { me, reports, pairs, waiting } = home.as_ref().as_ref().ok_or(AppError::NotFound)?;
    let viewer = ctx.viewer()?;
    let team: Vec<PersonView> =
        reports.iter().filter(|p| access::may(&viewer, Op::Read, &p.record())).map(|p| PersonView::new(p, &i18n)).collect();
    let remote_count = team.iter().filter(|p| p.remote).count();
    let team_summary = i18n.t_with("home-team-summary", &[("count", team.len().to_string()), ("remote", remote_count.to_string())]);
    let attention = if team.is_empty() {
        None
    } else {
        let pairs = super::conversations::pair_lines(&i18n, pairs, today, &app.settings(user.version, c.ex()).await?);
        Some((pairs.iter().filter(|p| p.overdue).count(), pairs.iter().filter(|p| p.distant).count()))
    };
    let surveys_waiting = super::surveys::waiting_for(&app, &mut c, user, &waiting.open_waves()).await?;
    let mut page = ctx.page("home-title", Nav::Home);
    page.title = i18n.t1("home-greeting", "name", me.name.split_whitespace().next().unwrap_or(&me.name));
    Ok(HomePage {
        page,
        me: PersonView::new(me, &i18n),
        team,
        team_summary,
        is_hr: user.is_admin,
        next: waiting.next_id.zip(waiting.next_at).map(|(id, at)| {
            let status = if waiting.next_status.as_deref() == Some("proposed") {
                "conversation-status-proposed"
            } else {
                "conversation-status-planned"
            };
            (id, super::conversations::when(&i18n, at), status)
        }),
        open_actions: waiting.open_actions,
        surveys_waiting,
        attention,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "home/my_data.html")]
struct MyDataPage {
    page: Page,
    me: PersonView,
    role: String,
    language: String,
}

async fn my_data(ctx: Ctx, State(app): State<AppState>) -> Result<MyDataPage, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let mut c = app.db.conn().await?;
    let me =
        app.kept.get(user.version, Reads::CONTENT, Key::new("people::get", user.id), store::people::get(c.ex(), user.person())).await?;
    let me = me.as_ref().as_ref().ok_or(AppError::NotFound)?;
    let role = match (user.is_admin, user.is_leader) {
        (true, _) => i18n.t("role-hr"),
        (false, true) => i18n.t("role-leader"),
        (false, false) => i18n.t("role-employee"),
    };
    let language = user
        .locale
        .as_deref()
        .and_then(crate::domain::locale::Locale::from_tag)
        .map_or_else(|| i18n.t("settings-language-auto"), |l| l.endonym().to_string());
    Ok(MyDataPage { page: ctx.page("my-data-title", Nav::None), me: PersonView::new(me, &i18n), role, language })
}
