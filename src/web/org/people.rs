//! People: searchable list, creating, editing (unit, leader, workplace, home-office days, HR role)
//! and deactivating. People are never deleted.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::{ActiveForm, unit_options};
use crate::domain::access::{Op, Resource};
use crate::domain::fields::{Email, EmployeeNumber, Weekdays, optional_text, required_text};
use crate::domain::org::creates_cycle;
use crate::domain::text::capped_search;
use crate::domain::{LocationId, PersonId, UnitId};
use crate::store::cache::{Key, Reads};
use crate::store::{self, people::Filter, people::ListedPerson, people::Person, people::PersonFields};
use crate::web::AppState;
use crate::web::ctx::{Ctx, Nav, Page};
use crate::web::error::AppError;
use crate::web::forms::FormState;
use crate::web::pager::{Pager, page_of, requested_page};

const PAGE_SIZE: i64 = 50;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/org/people", get(list).post(create))
        .route("/org/people/new", get(new))
        .route("/org/people/leader-options", get(leader_options))
        .route("/org/people/{id}", get(edit).post(update))
        .route("/org/people/{id}/active", post(set_active))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    q: String,
    unit: String,
    inactive: String,
    page: String,
    saved: String,
}

/// A row of the list, formatted for display.
struct PersonRow {
    person: ListedPerson,
    days: std::borrow::Cow<'static, str>,
}

#[derive(Template, WebTemplate)]
#[template(path = "org/people.html")]
struct ListPage {
    page: Page,
    rows: Vec<PersonRow>,
    units: Vec<(String, String)>,
    filter: FormState,
    total: String,
    pager: Pager,
    notice: Option<&'static str>,
}

async fn list(ctx: Ctx, State(app): State<AppState>, Query(q): Query<ListQuery>) -> Result<ListPage, AppError> {
    let i18n = ctx.i18n();
    let q = ListQuery { q: capped_search(&q.q), ..q };
    let filter = Filter {
        query: Some(q.q.clone()).filter(|s| !s.is_empty()),
        unit: q.unit.parse().ok().map(UnitId),
        include_inactive: q.inactive == "on",
    };
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    let requested = requested_page(&q.page);
    let key = Key::new("people::list_with_units", (&filter, requested));
    let listed = app
        .kept
        .get(user.version, Reads::CONTENT, key, store::people::list_with_units(c.ex(), &filter, PAGE_SIZE, (requested - 1) * PAGE_SIZE))
        .await?;
    let (people, total, units) = listed.as_ref();
    let (page_number, pages) = page_of(requested, *total, PAGE_SIZE);
    let other_page;
    let people = if page_number == requested {
        people
    } else {
        other_page = store::people::list(c.ex(), &filter, PAGE_SIZE, (page_number - 1) * PAGE_SIZE).await?.0;
        &other_page
    };
    let rows = people.iter().map(|p| PersonRow { days: i18n.weekdays(p.days()), person: p.clone() }).collect();
    let href = |n: i64| {
        let query = serde_urlencoded::to_string([
            ("q", q.q.as_str()),
            ("unit", q.unit.as_str()),
            ("inactive", q.inactive.as_str()),
            ("page", &n.to_string()),
        ])
        .unwrap_or_default();
        format!("/org/people?{query}")
    };
    Ok(ListPage {
        page: ctx.page("org-people-title", Nav::Organisation),
        rows,
        units: unit_options(units),
        filter: FormState::with_values([("q", q.q.clone()), ("unit", q.unit.clone()), ("inactive", q.inactive.clone())]),
        total: i18n.number(*total),
        pager: Pager::new(&i18n, page_number, pages, href),
        notice: match q.saved.as_str() {
            "created" => Some("org-people-created"),
            "updated" => Some("org-people-updated"),
            _ => None,
        },
    })
}

/// The person form as submitted. Home-office days are one checkbox per weekday.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct PersonForm {
    employee_number: String,
    name: String,
    email: String,
    title: String,
    unit: String,
    leader: String,
    location: String,
    day1: String,
    day2: String,
    day3: String,
    day4: String,
    day5: String,
    day6: String,
    day7: String,
    is_admin: String,
    /// The text to find a leader by.
    leader_q: String,
    /// `leader` when the form was sent to find a leader, not to be saved.
    find: String,
}

impl PersonForm {
    fn from_person(p: &Person) -> PersonForm {
        let day = |d: u8| if p.days().contains(d) { "on".to_string() } else { String::new() };
        PersonForm {
            employee_number: p.employee_number.clone(),
            name: p.name.clone(),
            email: p.email.clone(),
            title: p.title.clone(),
            unit: p.unit_id.map(|u| u.to_string()).unwrap_or_default(),
            leader: p.leader_id.map(|u| u.to_string()).unwrap_or_default(),
            location: p.location_id.map(|u| u.to_string()).unwrap_or_default(),
            day1: day(1),
            day2: day(2),
            day3: day(3),
            day4: day(4),
            day5: day(5),
            day6: day(6),
            day7: day(7),
            is_admin: if p.is_admin { "on".into() } else { String::new() },
            leader_q: String::new(),
            find: String::new(),
        }
    }

    fn days(&self) -> Weekdays {
        let all = [&self.day1, &self.day2, &self.day3, &self.day4, &self.day5, &self.day6, &self.day7];
        Weekdays::from_days(all.iter().enumerate().filter(|(_, v)| v.as_str() == "on").map(|(i, _)| i as u8 + 1))
    }

    fn state(&self) -> FormState {
        let f = self.clone();
        FormState::with_values([
            ("employee_number", f.employee_number),
            ("name", f.name),
            ("email", f.email),
            ("title", f.title),
            ("unit", f.unit),
            ("leader", f.leader),
            ("location", f.location),
            ("day1", f.day1),
            ("day2", f.day2),
            ("day3", f.day3),
            ("day4", f.day4),
            ("day5", f.day5),
            ("day6", f.day6),
            ("day7", f.day7),
            ("is_admin", f.is_admin),
            ("leader_q", f.leader_q),
        ])
    }
}

/// A weekday checkbox: field name and label.
struct DayBox {
    name: String,
    label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "org/person_form.html")]
struct FormPage {
    page: Page,
    /// `None` for a new person.
    person: Option<Person>,
    units: Vec<(String, String)>,
    leaders: Vec<(String, String)>,
    /// How many people the leader search found, for screen readers and the eye.
    leader_status: String,
    locations: Vec<(String, String)>,
    days: Vec<DayBox>,
    form: FormState,
    reports: i64,
    /// The end date from the HR system, written out in the user's language.
    end_date: Option<String>,
    error: Option<String>,
}

impl FormPage {
    fn action(&self) -> String {
        match &self.person {
            Some(p) => format!("/org/people/{}", p.id),
            None => "/org/people".to_string(),
        }
    }
}

async fn form_page(
    ctx: &Ctx,
    app: &AppState,
    id: Option<i64>,
    form: Option<FormState>,
    error: Option<String>,
) -> Result<FormPage, AppError> {
    let i18n = ctx.i18n();
    let user = ctx.user()?;
    let mut c = app.db.conn().await?;
    let (kept_person, kept_choices);
    let (found, (unit_nodes, location_names)) = match id {
        Some(id) => {
            let key = Key::new("people::get_for_form", id);
            kept_person = app.kept.get(user.version, Reads::CONTENT, key, store::people::get_for_form(c.ex(), PersonId(id))).await?;
            let (found, choices) = kept_person.as_ref().as_ref().ok_or(AppError::NotFound)?;
            (Some(found), choices)
        }
        None => {
            let key = Key::new("people::form_choices", ());
            kept_choices = app.kept.get(user.version, Reads::CONTENT, key, store::people::form_choices(c.ex())).await?;
            (None, kept_choices.as_ref())
        }
    };
    let reports = found.as_ref().map_or(0, |f| f.reports);
    // The person's leader as the leader field shows it, without asking the database again.
    let leader = found.as_ref().and_then(|f| {
        let (id, name, number, active) = (f.person.leader_id?, f.person.leader_name.clone()?, f.leader_number.clone()?, f.leader_active?);
        Some(LeaderLabel { id, name, number, active })
    });
    let person = found.map(|f| f.person.clone());
    // Deactivated units, leaders and locations are not offered, except the one the person has:
    // saving the form must not quietly take it away.
    let inactive = |name: &str| i18n.t1("org-people-inactive-option", "name", name);
    let mut units = unit_options(unit_nodes);
    if let Some(current) = person.as_ref().and_then(|p| unit_nodes.iter().find(|u| Some(u.id) == p.unit_id && !u.active)) {
        units.push((current.id.to_string(), inactive(&current.name)));
    }
    let mut locations = Vec::new();
    for l in location_names {
        if l.active {
            locations.push((l.id.to_string(), l.name.clone()));
        } else if person.as_ref().is_some_and(|p| p.location_id == Some(l.id)) {
            locations.push((l.id.to_string(), inactive(&l.name)));
        }
    }
    let days = (1..=7).map(|d| DayBox { name: format!("day{d}"), label: i18n.weekday(d) }).collect();
    let form = form.unwrap_or_else(|| person.as_ref().map(|p| PersonForm::from_person(p).state()).unwrap_or_default());
    let leaders = leader_choices(c.ex(), ctx, id, leader, form.value("leader"), form.value("leader_q")).await?;
    let page = match &person {
        Some(p) => {
            let mut page = ctx.page("org-people-edit-title", Nav::Organisation);
            page.title = format!("{}: {}", page.title, p.name);
            page
        }
        None => ctx.page("org-people-new", Nav::Organisation),
    };
    let end_date = person
        .as_ref()
        .and_then(|p| p.end_date.as_deref())
        .and_then(|d| crate::domain::fields::parse_date(d).ok())
        .map(|d| i18n.locale().format_date(d));
    Ok(FormPage {
        page,
        person,
        units,
        leaders: leaders.options,
        leader_status: leaders.status,
        locations,
        days,
        form,
        reports,
        end_date,
        error,
    })
}

/// At most this many people are offered for a leader search.
const LEADER_MATCHES: usize = 20;

/// The leader field's options: the leader chosen now, then the people the search finds; never
/// the person themselves. An organisation of any size gives a short list.
struct LeaderChoices {
    options: Vec<(String, String)>,
    status: String,
}

/// A leader as the leader field names them.
struct LeaderLabel {
    id: i64,
    name: String,
    number: String,
    active: bool,
}

async fn leader_choices(
    mut ex: store::Ex<'_>,
    ctx: &Ctx,
    person: Option<i64>,
    known: Option<LeaderLabel>,
    chosen: &str,
    query: &str,
) -> Result<LeaderChoices, AppError> {
    let i18n = ctx.i18n();
    let mut options = Vec::new();
    let chosen = chosen.parse::<i64>().ok().filter(|l| Some(*l) != person);
    let label = match (chosen, known) {
        (Some(leader), Some(known)) if known.id == leader => Some(known),
        (Some(leader), _) => store::people::leader_label(ex.reborrow(), PersonId(leader))
            .await?
            .map(|(name, number, active)| LeaderLabel { id: leader, name, number, active }),
        (None, _) => None,
    };
    if let Some(l) = label {
        let text = format!("{} ({})", l.name, l.number);
        // A leader deactivated since stays on the person until HR chooses another.
        options.push((l.id.to_string(), if l.active { text } else { i18n.t1("org-people-inactive-option", "name", text) }));
    }
    let query = capped_search(query);
    if query.is_empty() {
        return Ok(LeaderChoices { options, status: String::new() });
    }
    let found = store::people::matching(ex, &query, LEADER_MATCHES as i64 + 1).await?;
    let more = found.len() > LEADER_MATCHES;
    let found: Vec<_> = found.into_iter().take(LEADER_MATCHES).filter(|(id, _, _)| Some(*id) != person).collect();
    let mut status = i18n.t1("org-people-leader-matches", "count", found.len());
    if more {
        status = format!("{status} {}", i18n.t1("org-people-leader-more", "count", LEADER_MATCHES));
    }
    options.extend(
        found.into_iter().filter(|(id, _, _)| Some(*id) != chosen).map(|(id, name, number)| (id.to_string(), format!("{name} ({number})"))),
    );
    Ok(LeaderChoices { options, status })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LeaderQuery {
    leader_q: String,
    leader: String,
    person: String,
}

/// The leader field's options as the search is typed (htmx swaps them into the select).
#[derive(Template, WebTemplate)]
#[template(path = "org/leader_options.html")]
struct LeaderOptions {
    none: String,
    options: Vec<(String, String)>,
    selected: String,
    status: String,
}

async fn leader_options(ctx: Ctx, State(app): State<AppState>, Query(q): Query<LeaderQuery>) -> Result<LeaderOptions, AppError> {
    let mut c = app.db.conn().await?;
    let choices = leader_choices(c.ex(), &ctx, q.person.parse().ok(), None, &q.leader, &q.leader_q).await?;
    Ok(LeaderOptions { none: ctx.i18n().t("org-people-no-leader"), options: choices.options, selected: q.leader, status: choices.status })
}

async fn new(ctx: Ctx, State(app): State<AppState>) -> Result<FormPage, AppError> {
    form_page(&ctx, &app, None, None, None).await
}

async fn edit(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>) -> Result<FormPage, AppError> {
    form_page(&ctx, &app, Some(id), None, None).await
}

/// HR changes others' HR role and active state, never their own.
fn may_change_role_and_status(ctx: &Ctx, person: i64) -> bool {
    ctx.require(Op::Write, Resource::RoleAndStatus { person: PersonId(person) }).is_ok()
}

/// The id chosen in a select: `Ok(None)` when none was chosen, `Err(())` when it is not allowed.
fn chosen(value: &str, allowed: impl Fn(i64) -> bool) -> Result<Option<i64>, ()> {
    match value.parse::<i64>() {
        Err(_) => Ok(None),
        Ok(v) if allowed(v) => Ok(Some(v)),
        Ok(_) => Err(()),
    }
}

/// Checks every field against the database as it stands in `tx`; `current` is the person edited.
async fn validate(
    ctx: &Ctx,
    tx: &mut store::Tx,
    f: &PersonForm,
    current: Option<&Person>,
    form: &mut FormState,
) -> Result<Option<PersonFields>, AppError> {
    let i18n = ctx.i18n();
    let number = form.check(&i18n, "employee_number", EmployeeNumber::parse(&f.employee_number));
    let name = form.check(&i18n, "name", required_text(&f.name, 200));
    let email = form.check(&i18n, "email", Email::parse(&f.email));
    let title = form.check(&i18n, "title", optional_text(&f.title, 200));

    // What the person has now stays allowed even when deactivated since.
    let id = current.map(|p| p.id);
    let has_now = |field: fn(&Person) -> Option<i64>, value: i64| current.is_some_and(|p| field(p) == Some(value));
    let (units, locations) = store::people::form_choices(tx.ex()).await?;
    let unit = chosen(&f.unit, |u| units.iter().any(|x| x.id == u && (x.active || has_now(|p| p.unit_id, u))))
        .unwrap_or_else(|()| {
            form.add_error("unit", i18n.t("org-people-error-unit"));
            None
        })
        .map(UnitId);
    let location = chosen(&f.location, |l| locations.iter().any(|x| x.id == l && (x.active || has_now(|p| p.location_id, l))))
        .unwrap_or_else(|()| {
            form.add_error("location", i18n.t("org-people-error-location"));
            None
        })
        .map(LocationId);
    let leader = match f.leader.parse::<i64>() {
        Err(_) => None,
        Ok(l) if Some(l) == id => {
            form.add_error("leader", i18n.t("org-people-error-own-leader"));
            None
        }
        Ok(l) => {
            if !store::people::is_active(tx.ex(), PersonId(l)).await? && !has_now(|p| p.leader_id, l) {
                form.add_error("leader", i18n.t("org-people-error-leader"));
                None
            } else {
                let links: std::collections::HashMap<i64, i64> = store::people::leader_links(tx.ex()).await?.into_iter().collect();
                if id.is_some_and(|me| creates_cycle(me, Some(l), |p| links.get(&p).copied())) {
                    form.add_error("leader", i18n.t("org-people-error-cycle"));
                }
                Some(PersonId(l))
            }
        }
    };
    // Someone other than the person edited already holds the number or e-mail?
    let held_by_other = |holder: Option<PersonId>| holder.is_some_and(|h| Some(h.0) != id);
    if let Some(number) = &number
        && held_by_other(store::people::id_by_number(tx.ex(), number.as_str()).await?)
    {
        form.add_error("employee_number", i18n.t("org-people-error-number-taken"));
    }
    if let Some(email) = &email
        && held_by_other(store::people::id_by_email(tx.ex(), email.as_str()).await?)
    {
        form.add_error("email", i18n.t("org-people-error-email-taken"));
    }
    let role_changes = current.map_or(f.is_admin == "on", |p| p.is_admin != (f.is_admin == "on"));
    if role_changes && id.is_some_and(|person| !may_change_role_and_status(ctx, person)) {
        form.add_error("is_admin", i18n.t("org-people-error-own-admin"));
    }
    match (number, name, email, title) {
        (Some(number), Some(name), Some(email), Some(title)) if !form.has_errors() => Ok(Some(PersonFields {
            employee_number: number.as_str().to_string(),
            name,
            email: email.as_str().to_string(),
            title,
            unit,
            leader,
            location,
            home_office_days: f.days(),
        })),
        _ => Ok(None),
    }
}

/// The form again when the database refused a duplicate that the checks did not see yet.
async fn taken_elsewhere(ctx: &Ctx, app: &AppState, id: Option<i64>, mut form: FormState) -> Result<FormPage, AppError> {
    let i18n = ctx.i18n();
    form.add_error("employee_number", i18n.t("org-people-error-taken"));
    form_page(ctx, app, id, Some(form), None).await
}

async fn create(ctx: Ctx, State(app): State<AppState>, Form(f): Form<PersonForm>) -> Result<Response, AppError> {
    if f.find == "leader" {
        return Ok(form_page(&ctx, &app, None, Some(f.state()), None).await?.into_response());
    }
    let mut form = f.state();
    let mut tx = app.db.begin().await?;
    let Some(fields) = validate(&ctx, &mut tx, &f, None, &mut form).await? else {
        drop(tx);
        return Ok(form_page(&ctx, &app, None, Some(form), None).await?.into_response());
    };
    let id = match store::people::insert(tx.ex(), &fields).await {
        Err(e) if store::is_unique_violation(&e) => {
            // Someone saved the same number or e-mail a moment ago.
            drop(tx);
            return Ok(taken_elsewhere(&ctx, &app, None, form).await?.into_response());
        }
        other => other?,
    };
    store::people::set_admin(tx.ex(), id, f.is_admin == "on").await?;
    tx.commit().await?;
    Ok(Redirect::to("/org/people?saved=created").into_response())
}

async fn update(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>, Form(f): Form<PersonForm>) -> Result<Response, AppError> {
    if f.find == "leader" {
        return Ok(form_page(&ctx, &app, Some(id), Some(f.state()), None).await?.into_response());
    }
    let mut form = f.state();
    let mut tx = app.db.begin().await?;
    let before = store::people::get(tx.ex(), PersonId(id)).await?.ok_or(AppError::NotFound)?;
    let Some(fields) = validate(&ctx, &mut tx, &f, Some(&before), &mut form).await? else {
        drop(tx);
        return Ok(form_page(&ctx, &app, Some(id), Some(form), None).await?.into_response());
    };
    if let Err(e) = store::people::update(tx.ex(), PersonId(id), &fields).await {
        if !store::is_unique_violation(&e) {
            return Err(e.into());
        }
        drop(tx);
        return Ok(taken_elsewhere(&ctx, &app, Some(id), form).await?.into_response());
    }
    let admin = f.is_admin == "on";
    if admin != before.is_admin {
        store::people::set_admin(tx.ex(), PersonId(id), admin).await?;
        // A changed role takes effect at the next sign-in.
        store::sessions::delete_for_person(tx.ex(), PersonId(id)).await?;
    }
    if fields.leader != before.leader_id.map(PersonId) {
        // What the person shared with their former leader is no longer shared.
        store::development::end_stale_shares(tx.ex()).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to("/org/people?saved=updated").into_response())
}

/// Deactivates (ending the person's sessions) or reactivates. Someone who still leads active
/// people must first get their reports a new leader; HR cannot deactivate themselves.
async fn set_active(ctx: Ctx, State(app): State<AppState>, Path(id): Path<i64>, Form(f): Form<ActiveForm>) -> Result<Response, AppError> {
    let activate = f.activate();
    let mut tx = app.db.begin().await?;
    let person = store::people::get(tx.ex(), PersonId(id)).await?.ok_or(AppError::NotFound)?;
    if !activate {
        let reports = store::people::count_reports(tx.ex(), person.id()).await?;
        let refusal = if !may_change_role_and_status(&ctx, id) {
            Some(ctx.i18n().t("org-people-error-deactivate-self"))
        } else if reports > 0 {
            Some(ctx.i18n().t1("org-people-error-has-reports", "count", reports))
        } else {
            None
        };
        if let Some(message) = refusal {
            drop(tx);
            return Ok(form_page(&ctx, &app, Some(id), None, Some(message)).await?.into_response());
        }
    }
    store::people::set_active(tx.ex(), person.id(), activate).await?;
    if !activate {
        store::sessions::delete_for_person(tx.ex(), person.id()).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/org/people/{id}")).into_response())
}
