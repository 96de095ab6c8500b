//! Samtaler: follow-up conversations between a leader and each of their employees, planned at
//! the pair's cadence, proposed by either party and confirmed by the leader.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

use super::AppState;
use super::ctx::{Ctx, Nav, Page};
use super::error::AppError;
use super::forms::FormState;
use super::i18n::I18n;
use crate::domain::access::{Op, Resource};
use crate::domain::cadence::{self, Cadence};
use crate::domain::conversation::{self, Change, Channel, Party, Status, TimeError, TouchKind};
use crate::domain::locale::Locale;
use crate::domain::mail::{self as mail_kind, Kind as MailKind};
use crate::domain::org::is_remote;
use crate::domain::settings::OrgSettings;
use crate::domain::{LocationId, PersonId};
use crate::store::cache::{DataVersion, Key, Reads};
use crate::store::{
    self,
    conversations::{ConversationRow, EmployeeConversation},
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/conversations", get(index).post(create))
        .route("/conversations/new", get(new_form))
        .route("/conversations/{id}", get(show).post(change))
        .route("/conversations/{id}/work", axum::routing::post(work))
        .route("/conversations/{id}/calendar", get(conversation_ics))
        .route("/conversations/calendar", get(calendar_page).post(calendar_change))
        .route_layer(axum::middleware::from_fn(super::ctx::require_signed_in))
}

/// A direct report in the leader's lists (Samtaler and Mitt team).
pub struct PairLine {
    pub id: i64,
    pub name: String,
    pub remote: bool,
    pub cadence: String,
    pub last_held: String,
    pub next: Option<(i64, String, &'static str)>,
    pub due: String,
    pub overdue: bool,
    pub last_contact: String,
    pub distant: bool,
    pub open_actions: i64,
    /// For sorting: days since the last contact, and the due date.
    pub days_since_contact: i64,
    pub due_date: jiff::civil::Date,
}

/// The leader's pairs as lines, with the cadence and distance rules applied for `today`.
pub fn pair_lines(i18n: &I18n, rows: &[store::conversations::PairRow], today: jiff::civil::Date, settings: &OrgSettings) -> Vec<PairLine> {
    let dash = || "–".to_string();
    // Most pairs share a cadence: each label is written once.
    let mut labels: Vec<(Cadence, String)> = Vec::new();
    rows.iter()
        .map(|row| {
            let p = &row.state;
            let cad = p.cadence.as_deref().and_then(Cadence::from_code).unwrap_or(settings.default_cadence);
            let cadence_text = match labels.iter().find(|(c, _)| *c == cad) {
                Some((_, text)) => text.clone(),
                None => {
                    let text = cadence_label(i18n, cad);
                    labels.push((cad, text.clone()));
                    text
                }
            };
            let since = cadence::date_of(p.since);
            let held = p.last_held.map(cadence::date_of);
            let touched = p.last_touch.as_deref().and_then(|d| d.parse::<jiff::civil::Date>().ok());
            let last_contact = held.max(touched);
            let in_person = p.last_held_in_person.map(cadence::date_of).max(p.last_touch_in_person.as_deref().and_then(|d| d.parse().ok()));
            let due = cadence::due(cad, held, since);
            PairLine {
                remote: is_remote(row.leader_location_id.map(LocationId), row.location_id.map(LocationId)),
                cadence: cadence_text,
                last_held: held.map_or_else(dash, |d| day(i18n, d)),
                next: p.next_id.zip(p.next_at).map(|(id, at)| (id, when(i18n, at), status_key(p.next_status.as_deref().unwrap_or("")))),
                due: day(i18n, due),
                overdue: cadence::is_overdue(due, today, p.next_id.is_some()),
                last_contact: last_contact.map_or_else(dash, |d| day(i18n, d)),
                distant: cadence::is_distant(settings.distance, cad, last_contact, in_person, since, today),
                open_actions: p.open_actions,
                days_since_contact: (today - last_contact.unwrap_or(since)).get_days() as i64,
                due_date: due,
                id: row.id,
                name: row.name.clone(),
            }
        })
        .collect()
}

/// A conversation in a list.
struct ConversationLine {
    id: i64,
    when: String,
    with: String,
    status: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "conversations/index.html")]
struct IndexPage {
    page: Page,
    pairs: Vec<PairLine>,
    leader_name: Option<String>,
    upcoming: Vec<ConversationLine>,
    history: Vec<ConversationLine>,
    notice: Option<&'static str>,
    kinds: Vec<(String, String)>,
    channels: Vec<(String, String)>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct IndexQuery {
    saved: String,
}

pub fn status_key(status: &str) -> &'static str {
    match Status::from_code(status) {
        Some(Status::Proposed) => "conversation-status-proposed",
        Some(Status::Planned) => "conversation-status-planned",
        Some(Status::Held) => "conversation-status-held",
        _ => "conversation-status-cancelled",
    }
}

pub fn cadence_label(i18n: &I18n, c: Cadence) -> String {
    match c {
        Cadence::Weeks(n) => i18n.t1("cadence-weeks", "count", n),
        Cadence::Months(n) => i18n.t1("cadence-months", "count", n),
    }
}

/// "3. desember 2026 kl. 09:00" and the like, in Oslo time.
pub fn when(i18n: &I18n, at: i64) -> String {
    let Some(t) = cadence::local(at) else { return String::new() };
    i18n.fill("conversation-when", &["date", "time"], &[&day(i18n, t.date()), &format!("{:02}:{:02}", t.hour(), t.minute())])
}

/// A civil date as people read it ("3. desember 2026").
pub fn day(i18n: &I18n, d: jiff::civil::Date) -> String {
    i18n.locale().format_date(cadence::as_time_date(d))
}

async fn index(ctx: Ctx, State(app): State<AppState>, Query(q): Query<IndexQuery>) -> Result<IndexPage, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let now = store::now();
    let today = cadence::date_of(now);
    let mut c = app.db.conn().await?;
    let index = app
        .kept
        .get(
            user.version,
            Reads::CONTENT,
            Key::new("conversations::index", (user.id, user.is_leader)),
            store::conversations::index(c.ex(), user.person(), user.is_leader),
        )
        .await?;
    let (store::conversations::AsEmployee { leader_name, conversations: mine }, pairs) = index.as_ref();
    let pairs = pair_lines(&i18n, pairs, today, &app.settings(user.version, c.ex()).await?);
    let line = |r: &EmployeeConversation| ConversationLine {
        id: r.id,
        when: when(&i18n, r.starts_at),
        with: r.leader_name.clone(),
        status: status_key(&r.status),
    };
    let open = |r: &EmployeeConversation| Status::from_code(&r.status).is_some_and(Status::is_open);
    let mut upcoming: Vec<ConversationLine> = mine.iter().filter(|r| open(r)).map(line).collect();
    upcoming.reverse();
    let history = mine.iter().filter(|r| !open(r)).map(line).collect();
    Ok(IndexPage {
        page: ctx.page("conversations-title", Nav::Conversations),
        pairs,
        leader_name: leader_name.clone(),
        upcoming,
        history,
        notice: match q.saved.as_str() {
            "planned" => Some("conversation-saved-planned"),
            "proposed" => Some("conversation-saved-proposed"),
            "contact" => Some("conversation-contact-logged"),
            _ => None,
        },
        kinds: TouchKind::ALL.iter().map(|k| (k.code().to_string(), i18n.t(&format!("touch-kind-{}", k.code())))).collect(),
        channels: Channel::ALL.iter().map(|c| (c.code().to_string(), i18n.t(&format!("conversation-channel-{}", c.code())))).collect(),
    })
}

fn time_error_key(e: &TimeError) -> &'static str {
    match e {
        TimeError::Missing => "conversation-error-time-missing",
        TimeError::Invalid => "conversation-error-time-invalid",
        TimeError::Past => "conversation-error-time-past",
    }
}

/// The schedule form as submitted.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct ScheduleForm {
    with: String,
    template: String,
    date: String,
    time: String,
    minutes: String,
    channel: String,
    place: String,
    cadence: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "conversations/form.html")]
struct FormPage {
    page: Page,
    form: FormState,
    with_name: String,
    as_leader: bool,
    templates: Vec<(String, String, String)>,
    lengths: Vec<(String, String)>,
    channels: Vec<(String, String)>,
    cadences: Vec<(String, String)>,
}

/// The other party of a new conversation and which party the person is: a leader plans with one
/// of their reports (`with`), an employee proposes to their leader.
async fn counterpart(ctx: &Ctx, c: &mut store::Conn, with: &str) -> Result<(Party, PersonId, PersonId, String), AppError> {
    let user = ctx.user()?;
    if let Ok(id) = with.parse::<i64>() {
        let person = store::people::get(c.ex(), PersonId(id))
            .await?
            .filter(|p| p.active && p.leader_id == Some(user.id))
            .ok_or(AppError::NotFound)?;
        return Ok((Party::Leader, user.person(), person.id(), person.name));
    }
    let me = store::people::get(c.ex(), user.person()).await?.ok_or(AppError::NotFound)?;
    let (Some(leader), Some(name)) = (me.leader_id, me.leader_name) else { return Err(AppError::NotFound) };
    Ok((Party::Employee, PersonId(leader), user.person(), name))
}

fn form_page(ctx: &Ctx, form: FormState, party: Party, with_name: String) -> FormPage {
    let i18n = ctx.i18n();
    let locale = i18n.locale();
    let mut page = ctx.page("conversation-new-title", Nav::Conversations);
    page.title = i18n.t1("conversation-new-with", "name", &with_name);
    FormPage {
        page,
        form,
        with_name,
        as_leader: party == Party::Leader,
        templates: conversation::Template::built_in()
            .iter()
            .map(|t| (t.id.clone(), t.title.get(locale).to_string(), t.summary.get(locale).to_string()))
            .collect(),
        lengths: conversation::LENGTHS.iter().map(|m| (m.to_string(), i18n.t1("conversation-minutes", "count", m))).collect(),
        channels: Channel::ALL.iter().map(|c| (c.code().to_string(), i18n.t(&format!("conversation-channel-{}", c.code())))).collect(),
        cadences: Cadence::CHOICES.iter().map(|c| (c.code(), cadence_label(&i18n, *c))).collect(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NewQuery {
    with: String,
}

async fn new_form(ctx: Ctx, State(app): State<AppState>, Query(q): Query<NewQuery>) -> Result<FormPage, AppError> {
    let mut c = app.db.conn().await?;
    let (party, leader, employee, name) = counterpart(&ctx, &mut c, &q.with).await?;
    let cadence = match party {
        Party::Leader => store::conversations::cadence_of(c.ex(), leader, employee).await?,
        Party::Employee => None,
    };
    let settings = app.settings(ctx.user()?.version, c.ex()).await?;
    let form = FormState::with_values([
        ("with", if party == Party::Leader { employee.0.to_string() } else { String::new() }),
        ("template", "regular-follow-up".to_string()),
        ("minutes", "45".to_string()),
        ("channel", Channel::Video.code().to_string()),
        ("cadence", cadence.unwrap_or_else(|| settings.default_cadence.code())),
    ]);
    Ok(form_page(&ctx, form, party, name))
}

async fn create(ctx: Ctx, State(app): State<AppState>, axum::Form(f): axum::Form<ScheduleForm>) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let now = store::now();
    let mut c = app.db.conn().await?;
    let (party, leader, employee, name) = counterpart(&ctx, &mut c, &f.with).await?;
    drop(c);
    let mut form = FormState::with_values([
        ("with", f.with.clone()),
        ("template", f.template.clone()),
        ("date", f.date.clone()),
        ("time", f.time.clone()),
        ("minutes", f.minutes.clone()),
        ("channel", f.channel.clone()),
        ("place", f.place.clone()),
        ("cadence", f.cadence.clone()),
    ]);
    let template = conversation::Template::find(&f.template);
    if template.is_none() {
        form.add_error("template", i18n.t("conversation-error-template"));
    }
    let starts_at = match conversation::read_start(&f.date, &f.time, now) {
        Ok(at) => Some(at),
        Err(e) => {
            form.add_error("date", i18n.t(time_error_key(&e)));
            None
        }
    };
    let minutes = f.minutes.parse::<i64>().ok().filter(|m| conversation::LENGTHS.contains(m));
    if minutes.is_none() {
        form.add_error("minutes", i18n.t("conversation-error-minutes"));
    }
    let channel = Channel::from_code(&f.channel);
    if channel.is_none() {
        form.add_error("channel", i18n.t("conversation-error-channel"));
    }
    if f.place.chars().count() > conversation::PLACE_LENGTH {
        form.add_error("place", i18n.t1("conversation-error-too-long", "max", conversation::PLACE_LENGTH));
    }
    let cadence = if party == Party::Leader {
        let c = Cadence::from_code(&f.cadence);
        if c.is_none() {
            form.add_error("cadence", i18n.t("conversation-error-cadence"));
        }
        c
    } else {
        None
    };
    let (Some(starts_at), Some(minutes), Some(channel), Some(template)) = (starts_at, minutes, channel, template) else {
        return Ok(form_page(&ctx, form, party, name).into_response());
    };
    if form.has_errors() {
        return Ok(form_page(&ctx, form, party, name).into_response());
    }
    let status = conversation::new_status(party);
    let mut tx = app.db.begin().await?;
    let new = store::conversations::NewConversation {
        leader,
        employee,
        template: &template.id,
        starts_at,
        minutes,
        channel: channel.code(),
        place: f.place.trim(),
        status: status.code(),
        proposed_by: user.person(),
    };
    let id = store::conversations::insert(tx.ex(), &new, now).await?;
    if let Some(cadence) = cadence {
        store::conversations::set_cadence(tx.ex(), leader, employee, &cadence.code(), now).await?;
    }
    tell_other_party(&app, &mut tx, id, user.person(), mail_kind::on_create(party), now).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/conversations/{id}?saved={}", status.code())).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "conversations/show.html")]
struct ShowPage {
    page: Page,
    c: ConversationView,
    /// The fields of the page's forms, as stored or as typed when refused.
    form: FormState,
    notice: Option<&'static str>,
    agenda: Vec<AgendaLine>,
    note_version: i64,
    /// The shared note as the other party saved it while this person was writing.
    conflict: Option<String>,
    actions: Vec<ActionLine>,
    attachable: Vec<(String, String)>,
    other_name: String,
}

struct AgendaLine {
    id: i64,
    text: String,
    author: String,
    discussed: bool,
    /// An attached result: where it opens for this reader, and its title.
    result: Option<(String, String)>,
}

struct ActionLine {
    id: i64,
    text: String,
    owner: String,
    due: String,
    done: bool,
    /// Agreed in an earlier conversation and still open.
    carried: bool,
}

/// What the page shows besides the conversation itself; `form` gets the stored note texts.
struct Work {
    agenda: Vec<AgendaLine>,
    note_version: i64,
    actions: Vec<ActionLine>,
    /// The employee's results shared with the leader, to attach to the agenda: (attempt, label).
    attachable: Vec<(String, String)>,
}

/// The employee's results shared with the pair's leader: (attempt, title, submitted at); none
/// for the leader, who attaches nothing of the employee's.
async fn attachable(
    app: &AppState,
    mut ex: store::Ex<'_>,
    locale: Locale,
    (user, version): (PersonId, DataVersion),
    r: &ConversationRow,
) -> Result<Vec<(i64, String, i64)>, AppError> {
    if user.0 != r.employee_id {
        return Ok(Vec::new());
    }
    let key = Key::new("development::shared_with", (user.0, r.leader_id));
    let shared =
        app.kept.get(version, Reads::DEVELOPMENT, key, store::development::shared_with(ex.reborrow(), user, PersonId(r.leader_id))).await?;
    let instruments = app.catalog.get_all(ex, shared.iter().map(|s| (s.1.clone(), s.2)).collect()).await?;
    Ok(shared
        .iter()
        .map(|(id, instrument, instrument_version, at)| {
            let title =
                instruments.get(&(instrument.clone(), *instrument_version)).map(|i| i.title.get(locale).to_string()).unwrap_or_default();
            (*id, title, *at)
        })
        .collect())
}

async fn load_work(
    app: &AppState,
    ctx: &Ctx,
    ex: &mut store::Conn,
    r: &ConversationRow,
    read: Option<store::conversations::Work>,
    form: &mut FormState,
) -> Result<Work, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let store::conversations::Work { agenda: rows, actions, notes } = match read {
        Some(work) => work,
        None => store::conversations::work(ex.ex(), r, user.person()).await?,
    };
    let wanted = rows.iter().filter_map(|a| a.instrument_id.clone().zip(a.instrument_version)).collect();
    let instruments = app.catalog.get_all(ex.ex(), wanted).await?;
    let agenda = rows
        .into_iter()
        .map(|a| {
            let result = a.attempt_id.zip(a.instrument_id.zip(a.instrument_version)).map(|(attempt, key)| {
                let href = if user.person().0 == r.leader_id {
                    format!("/team/{}/results/{attempt}", r.employee_id)
                } else {
                    format!("/development/results/{attempt}")
                };
                (href, instruments.get(&key).map(|i| i.title.get(i18n.locale()).to_string()).unwrap_or_default())
            });
            AgendaLine { id: a.id, text: a.text, author: a.author_name, discussed: a.discussed, result }
        })
        .collect();
    let attachable = attachable(app, ex.ex(), i18n.locale(), (user.person(), user.version), r)
        .await?
        .into_iter()
        .map(|(id, title, at)| (id.to_string(), format!("{title} ({})", day(&i18n, cadence::date_of(at)))))
        .collect();
    if form.value("note").is_empty() {
        form.set("note", notes.shared);
    }
    if form.value("private").is_empty() {
        form.set("private", notes.private);
    }
    let actions = actions
        .into_iter()
        .map(|a| ActionLine {
            id: a.id,
            text: a.text,
            owner: a.owner_name,
            due: a.due_date.and_then(|d| d.parse::<jiff::civil::Date>().ok()).map_or_else(String::new, |d| day(&i18n, d)),
            done: a.done_at.is_some(),
            carried: a.conversation_id != r.id,
        })
        .collect();
    Ok(Work { agenda, note_version: notes.version, actions, attachable })
}

struct ConversationView {
    id: i64,
    when: String,
    minutes: String,
    channel: String,
    place: String,
    status: &'static str,
    status_code: &'static str,
    with: String,
    template_title: String,
    prompts: Vec<String>,
    may_confirm: bool,
    is_open: bool,
    proposed_by_other: bool,
}

fn view(ctx: &Ctx, r: &ConversationRow) -> Result<ConversationView, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let locale = i18n.locale();
    let party = Party::of(user.person(), PersonId(r.leader_id), PersonId(r.employee_id)).ok_or(AppError::NotFound)?;
    let status = Status::from_code(&r.status).unwrap_or(Status::Cancelled);
    let template = conversation::Template::find(&r.template);
    Ok(ConversationView {
        id: r.id,
        when: when(&i18n, r.starts_at),
        minutes: i18n.t1("conversation-minutes", "count", r.minutes),
        channel: i18n.t(&format!("conversation-channel-{}", Channel::from_code(&r.channel).unwrap_or(Channel::Video).code())),
        place: r.place.clone(),
        status: status_key(&r.status),
        status_code: status.code(),
        with: if party == Party::Leader { r.employee_name.clone() } else { r.leader_name.clone() },
        template_title: template.as_ref().map(|t| t.title.get(locale).to_string()).unwrap_or_default(),
        prompts: template.map(|t| t.prompts.iter().map(|p| p.text.get(locale).to_string()).collect()).unwrap_or_default(),
        may_confirm: conversation::apply(status, Change::Confirm, party).is_some(),
        is_open: status.is_open(),
        proposed_by_other: status == Status::Proposed && r.proposed_by != user.id,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ShowQuery {
    saved: String,
}

async fn show(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>, Query(q): Query<ShowQuery>) -> Result<ShowPage, AppError> {
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    // The agenda shows the shared results attached to it.
    let key = Key::new("conversations::get_with_work", (user.id, id));
    let read = app.kept.get(user.version, Reads::DEVELOPMENT, key, store::conversations::get_with_work(c.ex(), user.person(), id)).await?;
    let (r, work) = read.as_ref().as_ref().ok_or(AppError::NotFound)?;
    let notice = match q.saved.as_str() {
        "planned" => Some("conversation-saved-planned"),
        "proposed" => Some("conversation-saved-proposed"),
        "held" => Some("conversation-saved-held"),
        "cancelled" => Some("conversation-saved-cancelled"),
        "stale" => Some("conversation-stale"),
        "note" => Some("conversation-note-saved"),
        "private" => Some("conversation-private-saved"),
        _ => None,
    };
    show_page(&app, &ctx, &mut c, (r, Some(work.clone())), FormState::new(), notice, None).await
}

/// The conversation's page, with its work when it was read with it; `form` holds what was typed
/// when a form was refused.
async fn show_page(
    app: &AppState,
    ctx: &Ctx,
    c: &mut store::Conn,
    (r, work): (&ConversationRow, Option<store::conversations::Work>),
    mut form: FormState,
    notice: Option<&'static str>,
    conflict: Option<String>,
) -> Result<ShowPage, AppError> {
    ctx.require(Op::Read, Resource::Conversation { employee: PersonId(r.employee_id), leader: PersonId(r.leader_id) })
        .map_err(|_| AppError::NotFound)?;
    let v = view(ctx, r)?;
    let local = cadence::local(r.starts_at);
    if form.value("date").is_empty() {
        form.set("date", local.map(|t| t.date().to_string()).unwrap_or_default());
        form.set("time", local.map(|t| format!("{:02}:{:02}", t.hour(), t.minute())).unwrap_or_default());
        form.set("minutes", r.minutes.to_string());
    }
    let work = load_work(app, ctx, c, r, work, &mut form).await?;
    let mut page = ctx.page("conversations-title", Nav::Conversations);
    page.title = ctx.i18n().t1("conversation-with", "name", &v.with);
    let other_name = v.with.clone();
    Ok(ShowPage {
        page,
        c: v,
        form,
        notice,
        agenda: work.agenda,
        note_version: work.note_version,
        conflict,
        actions: work.actions,
        attachable: work.attachable,
        other_name,
    })
}

/// Limits of what people write on a conversation, in characters.
const AGENDA_LENGTH: usize = 500;
const NOTE_LENGTH: usize = 20_000;
const ACTION_LENGTH: usize = 300;

#[derive(Deserialize, Default)]
#[serde(default)]
struct WorkForm {
    /// Which form: agenda, discussed, note, private, action, done.
    what: String,
    item: String,
    on: String,
    text: String,
    version: String,
    owner: String,
    due: String,
    /// A shared result attached to an agenda item.
    attempt: String,
}

/// The agenda, the notes and the actions of a conversation: either party writes them.
async fn work(
    ctx: Ctx,
    State(app): State<AppState>,
    Path(id): Path<i64>,
    axum::Form(f): axum::Form<WorkForm>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let now = store::now();
    let mut tx = app.db.begin().await?;
    let r = store::conversations::get(tx.ex(), user.person(), id).await?.ok_or(AppError::NotFound)?;
    let party = Party::of(user.person(), PersonId(r.leader_id), PersonId(r.employee_id)).ok_or(AppError::NotFound)?;
    let back = |saved: &str| Ok(Redirect::to(&format!("/conversations/{id}{saved}")).into_response());
    let too_long = |max: usize| i18n.t1("conversation-error-too-long", "max", i18n.number(max as i64));
    let mut form = FormState::new();
    let mut conflict = None;
    match f.what.as_str() {
        "agenda" => {
            // A result may be attached only by its owner, and only while shared with the leader.
            let attached = match f.attempt.as_str() {
                "" => Ok(None),
                a => {
                    let mine = attachable(&app, tx.ex(), i18n.locale(), (user.person(), user.version), &r).await?;
                    mine.into_iter().find(|m| m.0.to_string() == a).map(Some).ok_or(())
                }
            };
            let text = match (f.text.trim(), &attached) {
                ("", Ok(Some((_, title, _)))) => title.as_str(),
                (text, _) => text,
            };
            if attached.is_err() {
                form.add_error("agenda", i18n.t("conversation-error-attachment"));
            } else if text.is_empty() {
                form.add_error("agenda", i18n.t("conversation-error-agenda-empty"));
            } else if text.chars().count() > AGENDA_LENGTH {
                form.add_error("agenda", too_long(AGENDA_LENGTH));
            } else {
                let attempt = attached.as_ref().ok().and_then(|a| a.as_ref()).map(|a| a.0);
                store::conversations::add_agenda_item(tx.ex(), id, user.person(), text, attempt, now).await?;
                tx.commit().await?;
                return back("#agenda-title");
            }
            form.set("agenda", f.text.clone());
            form.set("attempt", f.attempt.clone());
        }
        "discussed" => {
            let item = f.item.parse::<i64>().map_err(|_| AppError::BadRequest)?;
            if store::conversations::set_discussed(tx.ex(), id, item, f.on == "1").await? == 0 {
                return Err(AppError::NotFound);
            }
            tx.commit().await?;
            return back("#agenda-title");
        }
        "note" => {
            let version = f.version.parse::<i64>().map_err(|_| AppError::BadRequest)?;
            form.set("note", f.text.clone());
            if f.text.chars().count() > NOTE_LENGTH {
                form.add_error("note", too_long(NOTE_LENGTH));
            } else if store::conversations::save_shared_note(tx.ex(), id, version, &f.text, user.person(), now).await? {
                tx.commit().await?;
                return back("?saved=note#note-title");
            } else {
                // Saved by the other party meanwhile: both texts are shown, nothing is lost.
                conflict = Some(store::conversations::shared_note(tx.ex(), id).await?.0);
                form.add_error("note", i18n.t("conversation-note-conflict"));
            }
        }
        "private" => {
            form.set("private", f.text.clone());
            if f.text.chars().count() > NOTE_LENGTH {
                form.add_error("private", too_long(NOTE_LENGTH));
            } else {
                store::conversations::save_private_note(tx.ex(), id, user.person(), &f.text, now).await?;
                tx.commit().await?;
                return back("?saved=private#private-title");
            }
        }
        "action" => {
            let text = f.text.trim();
            form.set("action_text", f.text.clone());
            form.set("action_owner", f.owner.clone());
            form.set("action_due", f.due.clone());
            let owner = match (f.owner.as_str(), party) {
                ("me", _) => Some(user.person()),
                ("other", Party::Leader) => Some(PersonId(r.employee_id)),
                ("other", Party::Employee) => Some(PersonId(r.leader_id)),
                _ => None,
            };
            if text.is_empty() {
                form.add_error("action_text", i18n.t("conversation-error-action-empty"));
            } else if text.chars().count() > ACTION_LENGTH {
                form.add_error("action_text", too_long(ACTION_LENGTH));
            }
            let due = f.due.trim();
            if !due.is_empty() && due.parse::<jiff::civil::Date>().is_err() {
                form.add_error("action_due", i18n.t("conversation-error-due"));
            }
            match owner {
                Some(owner) if !form.has_errors() => {
                    let new =
                        store::conversations::NewAction { conversation: &r, owner, text, due_date: Some(due).filter(|d| !d.is_empty()) };
                    store::conversations::add_action(tx.ex(), &new, now).await?;
                    tx.commit().await?;
                    return back("#actions-title");
                }
                None => form.add_error("action_owner", i18n.t("conversation-error-owner")),
                Some(_) => {}
            }
        }
        "done" => {
            let action = f.item.parse::<i64>().map_err(|_| AppError::BadRequest)?;
            let done_at = (f.on == "1").then_some(now);
            if store::conversations::set_action_done(tx.ex(), &r, action, done_at).await? == 0 {
                return Err(AppError::NotFound);
            }
            tx.commit().await?;
            return back("#actions-title");
        }
        _ => return Err(AppError::BadRequest),
    }
    drop(tx);
    let mut c = app.db.conn().await?;
    Ok(show_page(&app, &ctx, &mut c, (&r, None), form, None, conflict).await?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ChangeForm {
    action: String,
    /// The status the person saw: a change made meanwhile by the other party is not overwritten.
    seen: String,
    date: String,
    time: String,
    minutes: String,
}

async fn change(
    ctx: Ctx,
    State(app): State<AppState>,
    Path(id): Path<i64>,
    axum::Form(f): axum::Form<ChangeForm>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let now = store::now();
    let mut tx = app.db.begin().await?;
    let r = store::conversations::get(tx.ex(), user.person(), id).await?.ok_or(AppError::NotFound)?;
    let party = Party::of(user.person(), PersonId(r.leader_id), PersonId(r.employee_id)).ok_or(AppError::NotFound)?;
    let change = Change::from_code(&f.action).ok_or(AppError::BadRequest)?;
    let status = Status::from_code(&r.status).ok_or(AppError::BadRequest)?;
    if f.seen != r.status {
        return Ok(Redirect::to(&format!("/conversations/{id}?saved=stale")).into_response());
    }
    let Some(to) = conversation::apply(status, change, party) else { return Err(AppError::Forbidden) };
    let changed = if change == Change::Move {
        let mut form = FormState::with_values([("date", f.date.clone()), ("time", f.time.clone()), ("minutes", f.minutes.clone())]);
        let starts_at = conversation::read_start(&f.date, &f.time, now);
        let minutes = f.minutes.parse::<i64>().ok().filter(|m| conversation::LENGTHS.contains(m));
        match (starts_at, minutes) {
            (Ok(starts_at), Some(minutes)) => {
                let new_time =
                    store::conversations::Reschedule { from: status.code(), to: to.code(), starts_at, minutes, by: user.person() };
                store::conversations::reschedule(tx.ex(), id, &new_time, now).await?
            }
            (at, minutes) => {
                if let Err(e) = at {
                    form.add_error("date", i18n.t(time_error_key(&e)));
                }
                if minutes.is_none() {
                    form.add_error("minutes", i18n.t("conversation-error-minutes"));
                }
                drop(tx);
                let mut c = app.db.conn().await?;
                return Ok(show_page(&app, &ctx, &mut c, (&r, None), form, None, None).await?.into_response());
            }
        }
    } else {
        store::conversations::set_status(tx.ex(), id, status.code(), to.code(), now).await?
    };
    if changed && let Some(kind) = mail_kind::on_change(change, party) {
        tell_other_party(&app, &mut tx, id, user.person(), kind, now).await?;
    }
    tx.commit().await?;
    let saved = if changed { to.code() } else { "stale" };
    Ok(Redirect::to(&format!("/conversations/{id}?saved={saved}")).into_response())
}

/// Queues the message about a conversation, as it now stands, to the party who did not act.
async fn tell_other_party(app: &AppState, tx: &mut store::Tx, id: i64, by: PersonId, kind: MailKind, now: i64) -> Result<(), AppError> {
    let Some(r) = store::conversations::get(tx.ex(), by, id).await? else { return Ok(()) };
    let other = if r.leader_id == by.0 { r.employee_id } else { r.leader_id };
    crate::mail::queue_conversation(tx.ex(), kind, &r, PersonId(other), app.web.origin.as_ref(), now).await?;
    Ok(())
}

/// A conversation as a calendar event, for one of its parties.
fn event(i18n: &I18n, r: &ConversationRow, person: PersonId) -> crate::domain::ical::Event {
    use crate::domain::ical::{Event, EventStatus};
    let locale = i18n.locale();
    let template = conversation::Template::find(&r.template);
    let with = if person.0 == r.leader_id { &r.employee_name } else { &r.leader_name };
    let title = template.as_ref().map_or_else(|| i18n.t("conversations-title"), |t| t.title.get(locale).to_string());
    let mut description: Vec<String> =
        template.map(|t| t.prompts.iter().map(|p| format!("– {}", p.text.get(locale))).collect()).unwrap_or_default();
    description.insert(0, i18n.t("conversation-prompts-intro"));
    Event {
        uid: format!("conversation-{}@samspill", r.id),
        sequence: r.sequence,
        start: r.starts_at,
        end: r.starts_at + r.minutes * 60,
        summary: i18n.t_with("conversation-event", &[("kind", title), ("name", with.clone())]),
        location: r.place.clone(),
        description: description.join("\n"),
        status: match Status::from_code(&r.status) {
            Some(Status::Proposed) => EventStatus::Tentative,
            Some(Status::Cancelled) => EventStatus::Cancelled,
            _ => EventStatus::Confirmed,
        },
        stamp: r.updated_at,
    }
}

fn ics(name: &str, body: String) -> Response {
    (
        [
            (axum::http::header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()),
            (axum::http::header::CONTENT_DISPOSITION, format!("inline; filename=\"{name}.ics\"")),
        ],
        body,
    )
        .into_response()
}

/// One conversation as an `.ics` file, for either party.
async fn conversation_ics(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let i18n = ctx.i18n();
    let mut c = app.db.conn().await?;
    let r = store::conversations::get(c.ex(), user.person(), id).await?.ok_or(AppError::NotFound)?;
    let body = crate::domain::ical::calendar(&i18n.t("conversations-title"), &[event(&i18n, &r, user.person())]);
    Ok(ics(&format!("samtale-{id}"), body))
}

/// A person's calendar feed at its secret address: their conversations from a month back on.
/// The address is the only key; a renewed or revoked one answers 404.
async fn feed(ctx: Ctx, State(app): State<AppState>, Path(token): Path<String>) -> Result<Response, AppError> {
    let token = token.strip_suffix(".ics").unwrap_or(&token);
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    let i18n = ctx.i18n();
    let mut c = app.db.conn().await?;
    let (person, name) =
        store::conversations::calendar_feed_owner(c.ex(), &super::ctx::token_hash(token)).await?.ok_or(AppError::NotFound)?;
    let rows = store::conversations::calendar_of(c.ex(), person, store::now() - 31 * 86_400).await?;
    let events: Vec<_> = rows.iter().map(|r| event(&i18n, r, person)).collect();
    Ok(ics("samspill", crate::domain::ical::calendar(&i18n.t1("conversation-calendar-name", "name", name), &events)))
}

#[derive(Template, WebTemplate)]
#[template(path = "conversations/calendar.html")]
struct CalendarPage {
    page: Page,
    has_feed: bool,
    /// The address, shown once, right after it was made.
    address: Option<String>,
    notice: Option<&'static str>,
}

async fn calendar_page(ctx: Ctx, State(app): State<AppState>) -> Result<CalendarPage, AppError> {
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    let has_feed = store::conversations::has_calendar_feed(c.ex(), user.person()).await?;
    Ok(CalendarPage { page: ctx.page("conversation-calendar-title", Nav::Conversations), has_feed, address: None, notice: None })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CalendarForm {
    action: String,
}

/// Makes a new calendar address (the old one stops working) or revokes it.
async fn calendar_change(
    ctx: Ctx,
    State(app): State<AppState>,
    headers: axum::http::HeaderMap,
    axum::Form(f): axum::Form<CalendarForm>,
) -> Result<CalendarPage, AppError> {
    let user = ctx.user()?;
    let mut tx = app.db.begin().await?;
    let page = ctx.page("conversation-calendar-title", Nav::Conversations);
    if f.action == "revoke" {
        store::conversations::revoke_calendar_feed(tx.ex(), user.person()).await?;
        tx.commit().await?;
        return Ok(CalendarPage { page, has_feed: false, address: None, notice: Some("conversation-calendar-revoked") });
    }
    let token = super::ctx::random_token();
    store::conversations::set_calendar_feed(tx.ex(), user.person(), &super::ctx::token_hash(&token), store::now()).await?;
    tx.commit().await?;
    let origin = match &app.web.origin {
        Some(o) => o.as_str().to_string(),
        None => format!("http://{}", headers.get("host").and_then(|h| h.to_str().ok()).unwrap_or("localhost")),
    };
    Ok(CalendarPage { page, has_feed: true, address: Some(format!("{origin}/calendar/{token}.ics")), notice: None })
}

/// The calendar feed needs no session: its address is its key.
pub fn public_routes() -> Router<AppState> {
    Router::new().route("/calendar/{token}", get(feed))
}
