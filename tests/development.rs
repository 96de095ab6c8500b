//! Utvikling over HTTP on both databases: taking an instrument by steps, bad input, drafts, and
//! who sees a result before and after sharing, after revoking and after a change of leader.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Client, Page, TestApp, TestDb};
use samspill::domain::PersonId;
use samspill::store;

/// Every scale item of Active employeeship, with the same value.
const ACTIVE_EMPLOYEESHIP: [&str; 9] = [
    "own-job",
    "own-career",
    "own-wellbeing",
    "wishes-and-needs",
    "constructive",
    "make-leader-good",
    "work-environment",
    "lead-with-others",
    "good-colleague",
];

fn id_after(location: &str, prefix: &str) -> i64 {
    location.strip_prefix(prefix).unwrap().split(['?', '/']).next().unwrap().parse().unwrap()
}

/// Starts an instrument; the draft's id.
async fn start(c: &Client, instrument: &str) -> i64 {
    let page = c.post("/development", "/development/start", &[("instrument", instrument)]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    id_after(page.location.as_deref().unwrap(), "/development/attempts/")
}

/// Posts a step of a draft with the token of its page.
async fn post_step(c: &Client, attempt: i64, step: &str, action: &str, answers: &[(&str, &str)]) -> Page {
    let path = format!("/development/attempts/{attempt}");
    let mut form = vec![("step", step), ("action", action)];
    form.extend_from_slice(answers);
    let page = c.post(&format!("{path}?step={step}"), &path, &form).await;
    every_error_links_to_its_field(&page);
    page
}

/// Each link of an error summary leads to an element of the page.
fn every_error_links_to_its_field(page: &Page) {
    for link in page.body.split("href=\"#").skip(1) {
        let target = &link[..link.find('"').unwrap()];
        assert!(page.contains(&format!("id=\"{target}\"")), "the error link #{target} leads nowhere");
    }
}

/// Takes Active employeeship from start to submit; the attempt's id.
async fn take_active_employeeship(c: &Client, value: &str) -> i64 {
    let id = start(c, "active-employeeship").await;
    let fields: Vec<String> = ACTIVE_EMPLOYEESHIP.iter().map(|i| format!("q.{i}")).collect();
    let mut answers: Vec<(&str, &str)> = fields.iter().map(|f| (f.as_str(), value)).collect();
    answers.extend([
        ("q.development-areas.1.area", "Si fra tidligere"),
        ("q.development-areas.1.how", "Ett ønske til hver samtale"),
        ("q.development-areas.2.area", "Egen karriere"),
        ("q.development-areas.2.how", "Ett kurs før sommeren"),
        ("q.strengths.1.strength", "God kollega"),
        ("q.strengths.1.how", "Ta imot nye"),
        ("q.strengths.2.strength", "Utvikler egen jobb"),
        ("q.strengths.2.how", "Dele sjekklisten"),
    ]);
    let page = post_step(c, id, "all", "submit", &answers).await;
    assert_eq!(page.location.as_deref(), Some(format!("/development/results/{id}").as_str()), "{}", page.body);
    id
}

struct Org {
    app: TestApp,
    employee: PersonId,
    /// Another of the leader's reports, who shares nothing.
    colleague: PersonId,
    leader: PersonId,
    other_leader: PersonId,
}

/// A leader's leader, a leader with an employee, another leader, and HR.
async fn org(t: &TestDb) -> Org {
    let top = t.person("1", "Liv Johansen", "liv@etat.no", None, false).await;
    let leader = t.person("2", "Lars Haugen", "lars@etat.no", Some(top), false).await;
    let employee = t.person("3", "Emma Nilsen", "emma@etat.no", Some(leader), false).await;
    let colleague = t.person("7", "Ida Mathisen", "ida@etat.no", Some(leader), false).await;
    let other_leader = t.person("4", "Øyvind Strand", "oyvind@etat.no", Some(top), false).await;
    t.person("5", "Per Olsen", "per@etat.no", Some(other_leader), false).await;
    t.person("6", "Hanne Dahl", "hr@etat.no", None, true).await;
    Org { app: TestApp::spawn(t.db.clone()).await, employee, colleague, leader, other_leader }
}

async fn signed_in(app: &TestApp, email: &str) -> Client {
    let c = app.client();
    assert_eq!(c.sign_in(email).await.status, 303);
    c
}

on_both!(a_result_is_seen_by_its_owner_and_by_the_leader_only_while_shared, |t: TestDb| async move {
    let o = org(&t).await;
    let emma = signed_in(&o.app, "emma@etat.no").await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let others = [signed_in(&o.app, "liv@etat.no").await, signed_in(&o.app, "oyvind@etat.no").await, signed_in(&o.app, "hr@etat.no").await];
    let id = take_active_employeeship(&emma, "4").await;
    let mine = format!("/development/results/{id}");
    let leaders_view = format!("/team/{}/results/{id}", o.employee.0);
    let report = format!("/team/{}", o.employee.0);

    let page = emma.get(&mine).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Ett ønske til hver samtale") && page.contains("<svg"), "results show answers and a chart");

    // Private: the leader sees the report's page, with nothing on it; no one else sees anything.
    let page = lars.get(&report).await;
    assert_eq!(page.status, 200);
    assert!(!page.contains(&leaders_view));
    assert_eq!(lars.get(&leaders_view).await.status, 404);
    assert_eq!(lars.get(&mine).await.status, 404, "the owner's own address is the owner's");
    for c in &others {
        for path in [&mine, &leaders_view, &report] {
            assert_eq!(c.get(path).await.status, 404, "{path}");
        }
    }

    // Shared: the leader sees it, no one else does.
    let page = emma.post(&mine, &format!("{mine}/share"), &[]).await;
    assert_eq!(page.status, 303);
    assert!(emma.get(&mine).await.contains("Delt med Lars Haugen"));
    assert!(lars.get(&report).await.contains(&leaders_view));
    let page = lars.get(&leaders_view).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Ett ønske til hver samtale"));
    assert!(!page.contains("/share") && !page.contains("/export"), "the leader cannot share or export it");
    let id = id_after(&mine, "/development/results/");
    assert_eq!(lars.get(&format!("{mine}/export?format=csv")).await.status, 404, "nor by its address");
    assert_eq!(lars.get(&format!("/development/attempts/{id}")).await.status, 404, "nor open it as their own");
    let unshare = lars.post(&leaders_view, &format!("{mine}/unshare"), &[]).await;
    assert_eq!(unshare.status, 404, "nor stop the sharing");
    let page = lars.get(&format!("/team/{}", o.colleague.0)).await;
    assert_eq!(page.status, 200, "a report who shared nothing has a page too");
    assert!(page.contains("Ingenting er delt med deg ennå") && !page.contains("/results/"));
    for c in &others {
        for path in [&mine, &leaders_view, &report] {
            assert_eq!(c.get(path).await.status, 404, "{path}");
        }
    }
    // Guessing: another person's id under the leader's report, or an id that does not exist.
    let per = store::people::id_by_email(t.db.conn().await.unwrap().ex(), "per@etat.no").await.unwrap().unwrap();
    assert_eq!(lars.get(&format!("/team/{}/results/{id}", per.0)).await.status, 404);
    assert_eq!(lars.get(&format!("/team/{}/results/{}", o.employee.0, id + 100)).await.status, 404);

    // Someone else's result, or one not submitted: nothing to share or stop sharing.
    let page = lars.post("/development", &format!("{mine}/share"), &[]).await;
    assert_eq!(page.status, 404);
    assert_eq!(lars.post("/development", &format!("{mine}/unshare"), &[]).await.status, 404);
    assert!(lars.get(&report).await.contains(&leaders_view), "still shared");

    // Revoked: gone for the leader.
    emma.post(&mine, &format!("{mine}/unshare"), &[]).await;
    assert_eq!(lars.get(&leaders_view).await.status, 404);
    assert!(!lars.get(&report).await.contains(&leaders_view));

    // Shared again, then HR gives Emma another leader: the share ends, for good.
    emma.post(&mine, &format!("{mine}/share"), &[]).await;
    assert_eq!(lars.get(&leaders_view).await.status, 200);
    let hr = &others[2];
    let leader = o.other_leader.0.to_string();
    let page = hr
        .post(
            &format!("/org/people/{}", o.employee.0),
            &format!("/org/people/{}", o.employee.0),
            &[("employee_number", "3"), ("name", "Emma Nilsen"), ("email", "emma@etat.no"), ("leader", &leader)],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    assert_eq!(lars.get(&leaders_view).await.status, 404);
    assert_eq!(lars.get(&report).await.status, 404, "no longer his report");
    let oyvind = &others[1];
    assert_eq!(oyvind.get(&format!("/team/{}/results/{id}", o.employee.0)).await.status, 404, "the new leader was not shared with");
    assert!(!emma.get(&mine).await.contains("Delt med"), "the owner sees it is no longer shared");
    let _ = o.leader;
});

on_both!(answering_by_steps_keeps_every_answer_and_refuses_bad_input, |t: TestDb| async move {
    let o = org(&t).await;
    let emma = signed_in(&o.app, "emma@etat.no").await;
    let id = start(&emma, "active-employeeship").await;
    assert_eq!(start(&emma, "active-employeeship").await, id, "starting again resumes the draft");

    // Out of range and forged values: refused, shown as typed, the rest kept.
    let page = post_step(&emma, id, "1", "next", &[("q.own-job", "9"), ("q.own-career", "2"), ("q.own-wellbeing", "x")]).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Velg en verdi fra 1 til 5"), "{}", page.body);
    assert!(page.contains("id=\"f-q.own-career-2\" checked") || page.contains("value=\"2\" id=\"f-q.own-career-2\" checked"));
    let page = emma.get(&format!("/development/attempts/{id}?step=1")).await;
    assert!(page.contains("value=\"2\" id=\"f-q.own-career-2\" checked"), "the valid answer was stored");

    // A valid step goes on to the next.
    let page = post_step(&emma, id, "1", "next", &[("q.own-job", "4"), ("q.own-career", "2"), ("q.own-wellbeing", "5")]).await;
    assert_eq!(page.location.as_deref(), Some(format!("/development/attempts/{id}?step=2").as_str()));

    // Too long a text: the limit is named, the text kept, nothing stored for it.
    let long = "å".repeat(201);
    let page = post_step(&emma, id, "4", "save", &[("q.development-areas.1.area", &long), ("q.development-areas.1.how", "Slik")]).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("inntil 200 tegn"), "{}", page.body);
    assert!(page.contains(&long));

    // Submitting half-answered: every missing answer is listed, on one page.
    let page = post_step(&emma, id, "2", "submit", &[("q.wishes-and-needs", "3")]).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Svar på dette spørsmålet"));
    assert!(page.contains("href=\"#f-q.constructive\"") && page.contains("href=\"#f-q.strengths\""));
    assert!(page.contains("Fyll ut 2, med alle feltene for hver."), "two development areas are asked for: {}", page.body);
    assert!(!page.contains("href=\"#f-q.own-job\""), "answered items are not listed");
    let mut c = t.db.conn().await.unwrap();
    let row = store::development::attempt(c.ex(), id).await.unwrap().unwrap();
    assert!(row.submitted_at.is_none());
    assert!(row.answers.contains("\"wishes-and-needs\":3"), "{}", row.answers);

    // Someone else's draft, or one that does not exist: refused, nothing stored.
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let token = lars.get("/development").await.csrf();
    let path = format!("/development/attempts/{id}");
    for target in [path.clone(), "/development/attempts/999999".to_string()] {
        let page = lars.post_raw(&target, &[("csrf", &token), ("step", "1"), ("action", "submit"), ("q.own-job", "1")]).await;
        assert_eq!(page.status, 404, "{target}");
    }
    assert_eq!(lars.get(&path).await.status, 404);
    let after = store::development::attempt(c.ex(), id).await.unwrap().unwrap();
    assert_eq!(after.answers, row.answers);

    // An instrument that does not exist, or one for leaders only: nothing to start.
    let page = emma.post("/development", "/development/start", &[("instrument", "no-such-thing")]).await;
    assert_eq!(page.status, 404);
    let page = emma.post("/development", "/development/start", &[("instrument", "leadership-skills")]).await;
    assert_eq!(page.status, 404, "Emma leads no one");
});

on_both!(shares_must_sum_to_a_hundred_and_a_double_submit_stores_one_attempt, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let id = start(&lars, "leaders-four-jobs").await;
    let shares = |a: &'static str| {
        vec![
            ("q.time-now.get-the-job-done", a),
            ("q.time-now.improve-the-work", "20"),
            ("q.time-now.develop-employees", "20"),
            ("q.time-now.develop-own-leadership", "10"),
            ("q.time-wanted.get-the-job-done", "25"),
            ("q.time-wanted.improve-the-work", "25"),
            ("q.time-wanted.develop-employees", "25"),
            ("q.time-wanted.develop-own-leadership", "25"),
        ]
    };
    let page = post_step(&lars, id, "1", "next", &shares("60")).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Nå er summen 110 prosent"), "{}", page.body);
    assert!(page.contains("href=\"#f-q.time-now\""), "the summary links to the item's first share");
    assert!(page.contains("value=\"60\""), "the typed shares are kept");
    let page = post_step(&lars, id, "1", "next", &shares("50")).await;
    assert_eq!(page.status, 303);

    // The final step submitted twice at the same moment: one attempt, both land on its result.
    let path = format!("/development/attempts/{id}");
    let token = lars.get(&format!("{path}?step=2")).await.csrf();
    let form = [("csrf", token.as_str()), ("step", "2"), ("action", "submit"), ("q.change", "Færre møter")];
    let (a, b) = tokio::join!(lars.post_raw(&path, &form), lars.post_raw(&path, &form));
    for page in [a, b] {
        assert_eq!(page.location.as_deref(), Some(format!("/development/results/{id}").as_str()), "{}", page.body);
    }
    let mut c = t.db.conn().await.unwrap();
    let rows = store::development::overview(c.ex(), o.leader).await.unwrap();
    let attempts: Vec<_> = rows.iter().filter(|r| r.attempt.is_some()).collect();
    assert_eq!(attempts.len(), 1);
    assert!(attempts[0].submitted_at.is_some());

    // Two tabs saving different steps of one draft at the same moment: both answers are kept.
    let id = start(&lars, "active-employeeship").await;
    let path = format!("/development/attempts/{id}");
    let token = lars.get(&path).await.csrf();
    for round in 0..5 {
        let value = ["1", "2", "3", "4", "5"][round];
        let first = [("csrf", token.as_str()), ("step", "1"), ("action", "save"), ("q.own-job", value)];
        let second = [("csrf", token.as_str()), ("step", "2"), ("action", "save"), ("q.constructive", value)];
        let (a, b) = tokio::join!(lars.post_raw(&path, &first), lars.post_raw(&path, &second));
        assert_eq!((a.status, b.status), (303, 303));
        let row = store::development::attempt(c.ex(), id).await.unwrap().unwrap();
        let answers: serde_json::Value = serde_json::from_str(&row.answers).unwrap();
        assert_eq!(
            (answers["own-job"].as_i64(), answers["constructive"].as_i64()),
            (Some(round as i64 + 1), Some(round as i64 + 1)),
            "round {round}"
        );
    }

    // Two tabs starting the same instrument at once get one draft.
    let token = lars.get("/development").await.csrf();
    let form = [("csrf", token.as_str()), ("instrument", "career-quadrant")];
    let (a, b) = tokio::join!(lars.post_raw("/development/start", &form), lars.post_raw("/development/start", &form));
    assert_eq!(a.location, b.location);
    assert_eq!(a.status, 303);
});

on_both!(history_shows_the_change_and_exports_are_safe_for_spreadsheets, |t: TestDb| async move {
    let o = org(&t).await;
    let emma = signed_in(&o.app, "emma@etat.no").await;
    let first = take_active_employeeship(&emma, "2").await;
    let second = take_active_employeeship(&emma, "4").await;
    assert_ne!(first, second);
    let page = emma.get(&format!("/development/results/{second}")).await;
    assert!(page.contains("+2,0"), "the change since the first attempt: {}", page.body);
    assert!(page.contains(&format!("/development/results/{first}")), "the history links the earlier attempt");
    assert!(page.contains("4,0") && page.contains("2,0"), "the history gives each attempt's means");
    // The first attempt has nothing before it to compare with; its history lists the later one.
    let page = emma.get(&format!("/development/results/{first}")).await;
    assert!(!page.contains("+2,0") && page.contains(&format!("/development/results/{second}")), "{}", page.body);

    // A text that a spreadsheet would run as a formula comes out harmless.
    let id = start(&emma, "who-are-you").await;
    let page = post_step(&emma, id, "all", "submit", &[("q.core-focus", "=HYPERLINK(\"http://evil\")")]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    let csv = emma.get(&format!("/development/results/{id}/export?format=csv")).await;
    assert_eq!(csv.status, 200);
    assert!(csv.body.contains("'=HYPERLINK"), "{}", csv.body);
    let json = emma.get(&format!("/development/results/{id}/export?format=json")).await;
    let value: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(value["instrument"], "who-are-you");
    assert_eq!(value["answers"]["core-focus"], "=HYPERLINK(\"http://evil\")");
    let lars = signed_in(&o.app, "lars@etat.no").await;
    assert_eq!(lars.get(&format!("/development/results/{id}/export?format=csv")).await.status, 404);
});

/// The example instrument of `docs/instruments.md`.
fn documented_example() -> String {
    let doc = std::fs::read_to_string("docs/instruments.md").unwrap();
    let example = doc.split("## A complete example").nth(1).unwrap();
    example.split("```toml").nth(1).unwrap().split("```").next().unwrap().to_string()
}

async fn upload_instrument(c: &Client, source: &str) -> Page {
    let token = c.get("/org/instruments").await.csrf();
    let part = reqwest::multipart::Part::bytes(source.as_bytes().to_vec()).file_name("instrument.toml").mime_str("text/plain").unwrap();
    let form = reqwest::multipart::Form::new().part("file", part);
    let response = c.http.post(format!("{}/org/instruments?csrf={token}", c.base)).multipart(form).send().await.unwrap();
    let status = response.status().as_u16();
    let location = response.headers().get("location").map(|v| v.to_str().unwrap().to_string());
    Page { status, location, body: response.text().await.unwrap() }
}

on_both!(hr_adds_an_instrument_from_a_file_and_a_bad_file_is_refused_whole, |t: TestDb| async move {
    let o = org(&t).await;
    let hr = signed_in(&o.app, "hr@etat.no").await;
    let emma = signed_in(&o.app, "emma@etat.no").await;
    let source = documented_example();
    let count = || async {
        let mut c = t.db.conn().await.unwrap();
        store::development::all_instruments(c.ex()).await.unwrap().len()
    };
    let before = count().await;

    // A file with problems: each named, nothing stored.
    let broken = source.replacen("nn = ", "nx = ", 1);
    let page = upload_instrument(&hr, &broken).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Filen ble ikke lagt til"), "{}", page.body);
    let page = upload_instrument(&hr, &source.replacen("version = 1", "version = 0", 1)).await;
    assert!(page.contains("version: versjonen må være et helt tall"), "{}", page.body);
    let page = upload_instrument(
        &hr,
        &std::fs::read_to_string("instruments/career-quadrant.toml").unwrap().replacen("version = 1", "version = 2", 1),
    )
    .await;
    assert!(page.contains("tilhører et innebygd instrument"), "{}", page.body);
    assert_eq!(count().await, before);

    // A valid file: added, and found under Utvikling by everyone.
    let page = upload_instrument(&hr, &source).await;
    assert_eq!(page.status, 303, "{}", page.body);
    assert_eq!(count().await, before + 1);
    let id = start(&emma, "home-office-week").await;
    assert_eq!(emma.get(&format!("/development/attempts/{id}")).await.status, 200);
    // The same version again is refused; a higher one is added beside it.
    let page = upload_instrument(&hr, &source).await;
    assert!(page.contains("finnes allerede i versjon 1"), "{}", page.body);
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let draft = start(&lars, "home-office-week").await;
    let answers = [
        ("q.enough-contact", "4"),
        ("q.felt-alone", "2"),
        ("q.preferred-channel", "video"),
        ("q.where.home-office", "60"),
        ("q.where.office", "40"),
    ];
    let page = post_step(&emma, id, "all", "submit", &answers).await;
    assert_eq!(page.location.as_deref(), Some(format!("/development/results/{id}").as_str()), "{}", page.body);
    let old_text = "Jeg har hatt den kontakten med lederen min som jeg trenger.";
    let new_text = "Jeg har snakket nok med lederen min.";
    let version_2 = source.replacen("version = 1", "version = 2", 1).replacen(old_text, new_text, 1);
    let page = upload_instrument(&hr, &version_2).await;
    assert_eq!(page.status, 303);
    // A submitted result is read with the version it was taken on; a new start takes version 2.
    let result = emma.get(&format!("/development/results/{id}")).await;
    assert!(result.contains(old_text) && !result.contains(new_text), "{}", result.body);
    let again = start(&emma, "home-office-week").await;
    let mut c = t.db.conn().await.unwrap();
    assert_eq!(store::development::attempt(c.ex(), again).await.unwrap().unwrap().instrument_version, 2);
    assert!(emma.get(&format!("/development/attempts/{again}?step=all")).await.contains(new_text));
    // A draft keeps the version it started on.
    assert_eq!(store::development::attempt(c.ex(), draft).await.unwrap().unwrap().instrument_version, 1);

    // Only HR adds instruments.
    assert_eq!(emma.get("/org/instruments").await.status, 403);
});

on_both!(every_submitted_result_of_the_demo_answers_its_instrument_in_full, |t: TestDb| async move {
    samspill::cli::demo::run(&t.db).await.unwrap();
    let mut c = t.db.conn().await.unwrap();
    let mut checked = 0;
    for (id, name, _) in store::people::choices(c.ex()).await.unwrap() {
        for row in store::development::overview(c.ex(), PersonId(id)).await.unwrap() {
            let (Some(attempt), Some(_)) = (row.attempt, row.submitted_at) else { continue };
            let attempt = store::development::attempt(c.ex(), attempt).await.unwrap().unwrap();
            let source = store::development::instrument(c.ex(), &attempt.instrument_id, attempt.instrument_version).await.unwrap().unwrap();
            let instrument = samspill::domain::instrument::Instrument::parse(&source.source).unwrap();
            let answers: samspill::domain::answers::Answers = serde_json::from_str(&attempt.answers).unwrap();
            for d in &instrument.dimensions {
                let missing: Vec<&str> = samspill::domain::answers::missing(d, &answers).map(|i| i.id.as_str()).collect();
                assert!(missing.is_empty(), "{name}'s {} lacks {missing:?}", instrument.id);
            }
            checked += 1;
        }
    }
    assert!(checked >= 5, "the demo has submitted results ({checked})");
});
