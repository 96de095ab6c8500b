//! Undersøkelser on both databases: only the asked answer, once each; results only after the
//! wave has closed and only from k answers; and nothing stored joins an answer to a person.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;

use common::{Client, TestApp, TestDb};
use samspill::domain::PersonId;
use samspill::domain::cadence;

const ITEMS: [&str; 14] = [
    "leader-support",
    "colleague-support",
    "identity",
    "use-of-talent",
    "goal-focus",
    "autonomy",
    "social-contact",
    "clear-roles",
    "digital-meetings",
    "psychological-safety",
    "leader-availability",
    "freedom",
    "goals",
    "support",
];

async fn signed_in(app: &TestApp, email: &str) -> Client {
    let c = app.client();
    assert_eq!(c.sign_in(email).await.status, 303);
    c
}

struct Org {
    app: TestApp,
    team: Vec<(PersonId, String)>,
}

/// Lars leads six; Liv leads Lars; Per is in another team; Hanne is HR.
async fn org(t: &TestDb) -> Org {
    let top = t.person("1", "Liv Johansen", "liv@etat.no", None, false).await;
    let lars = t.person("2", "Lars Haugen", "lars@etat.no", Some(top), false).await;
    let mut team = Vec::new();
    for n in 0..6 {
        let email = format!("m{n}@etat.no");
        team.push((t.person(&format!("3{n}"), &format!("Medarbeider {n}"), &email, Some(lars), false).await, email));
    }
    let other = t.person("5", "Øyvind Strand", "oyvind@etat.no", Some(top), false).await;
    t.person("6", "Per Olsen", "per@etat.no", Some(other), false).await;
    t.person("7", "Hanne Dahl", "hr@etat.no", None, true).await;
    Org { app: TestApp::spawn(t.db.clone()).await, team }
}

/// Lars opens a pulse; its id.
async fn open_pulse(lars: &Client) -> i64 {
    let closes = cadence::date_of(samspill::store::now()).checked_add(jiff::Span::new().days(7)).unwrap().to_string();
    let page = lars.post("/surveys/new", "/surveys", &[("instrument", "pulse"), ("closes_on", &closes)]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    // The newest wave comes first in the leader's list.
    let list = lars.get("/surveys").await;
    let results = list.body.find("/results\"").unwrap();
    let start = list.body[..results].rfind('/').unwrap() + 1;
    list.body[start..results].parse().unwrap()
}

fn full_answer(value: &str, comment: &str) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = ITEMS.iter().map(|i| (format!("q.{i}"), value.to_string())).collect();
    form.push(("q.comment".into(), comment.into()));
    form
}

async fn send(c: &Client, wave: i64, form: &[(String, String)]) -> common::Page {
    let token = c.get(&format!("/surveys/{wave}")).await.csrf();
    let mut fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    fields.push(("csrf", &token));
    c.post_raw(&format!("/surveys/{wave}"), &fields).await
}

async fn count(t: &TestDb, wave: i64) -> i64 {
    let mut c = t.db.conn().await.unwrap();
    samspill::store::surveys::answer_count(c.ex(), wave).await.unwrap()
}

async fn close(lars: &Client, wave: i64) {
    let token = lars.get("/surveys").await.csrf();
    assert_eq!(lars.post_raw(&format!("/surveys/{wave}/close"), &[("csrf", &token)]).await.status, 303);
}

on_both!(the_asked_answer_once_and_results_wait_for_the_close_and_k_answers, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let wave = open_pulse(&lars).await;

    // Not asked: nothing to see or send, whatever the id.
    for email in ["per@etat.no", "hr@etat.no", "liv@etat.no", "lars@etat.no"] {
        let c = signed_in(&o.app, email).await;
        assert_eq!(c.get(&format!("/surveys/{wave}")).await.status, 404, "{email}");
        let token = c.get("/surveys").await.csrf();
        let fields: Vec<(String, String)> = full_answer("3", "");
        let mut form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        form.push(("csrf", &token));
        assert_eq!(c.post_raw(&format!("/surveys/{wave}"), &form).await.status, 404, "{email}");
    }

    // Bad answers are refused with what was typed kept, and nothing stored.
    let first = signed_in(&o.app, &o.team[0].1).await;
    assert!(first.get("/surveys").await.contains(&format!("href=\"/surveys/{wave}\"")), "the survey waits for them");
    assert!(first.get("/").await.contains("En undersøkelse venter på svaret ditt"), "Min side says so");
    assert!(!lars.get("/").await.contains("venter på svaret ditt"), "not for the leader, who is not asked");
    let mut bad = full_answer("3", "");
    bad[0].1 = "9".into();
    bad.remove(1);
    let page = send(&first, wave, &bad).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("aria-invalid=\"true\"") && page.contains("ds-error-summary"), "{}", page.body);
    let long = "x".repeat(50_000);
    let page = send(&first, wave, &full_answer("4", &long)).await;
    assert_eq!(page.status, 200, "a 50,000-character comment is refused");
    assert!(page.contains("value=\"4\" id=\"f-q.identity-4\" checked") && page.contains(&long), "what was typed is kept");
    assert_eq!(count(&t, wave).await, 0);

    // Four answer; a second answer from the same person is refused and the first kept.
    for (n, (_, email)) in o.team.iter().take(4).enumerate() {
        let c = signed_in(&o.app, email).await;
        let page = send(&c, wave, &full_answer(&(n + 2).to_string(), &format!("Kommentar {n}"))).await;
        assert_eq!(page.location.as_deref(), Some("/surveys?done=answered"));
    }
    let again = send(&first, wave, &full_answer("1", "")).await;
    assert_eq!(again.location.as_deref(), Some("/surveys?done=already"));
    assert_eq!(count(&t, wave).await, 4);
    assert!(first.get(&format!("/surveys/{wave}")).await.contains("Svaret ditt er registrert"));
    assert!(!first.get("/").await.contains("venter på svaret ditt"), "answered: nothing waits on Min side");
    let list = first.get("/surveys").await;
    assert!(list.contains("Ingen undersøkelse venter på deg nå.") && list.contains("Du har svart på disse."), "{}", list.body);
    let list = signed_in(&o.app, &o.team[5].1).await.get("/surveys").await;
    assert!(list.contains(&format!("href=\"/surveys/{wave}\"")) && !list.contains("Du har svart på disse."), "{}", list.body);
    assert!(signed_in(&o.app, &o.team[5].1).await.get("/").await.contains("En undersøkelse venter"), "still waits for one who has not");

    // While it runs: no results and no count.
    let page = lars.get(&format!("/surveys/{wave}/results")).await;
    assert!(page.contains("Resultatene vises når runden er avsluttet"), "{}", page.body);
    assert!(!lars.get("/surveys").await.contains("av 6 svarte"), "no live count");
    // Closed with four of six: too few.
    close(&lars, wave).await;
    let page = lars.get(&format!("/surveys/{wave}/results")).await;
    assert!(page.contains("For få svarte") && !page.contains("Kommentar"), "{}", page.body);
    assert!(!signed_in(&o.app, &o.team[5].1).await.get("/").await.contains("venter på svaret ditt"), "closed: nothing waits on Min side");
    assert!(send(&signed_in(&o.app, &o.team[5].1).await, wave, &full_answer("3", "")).await.contains("avsluttet"), "closed");
    assert_eq!(count(&t, wave).await, 4);

    // A second wave that six answer: the results show, with every comment.
    let wave = open_pulse(&lars).await;
    for (n, (_, email)) in o.team.iter().enumerate() {
        let c = signed_in(&o.app, email).await;
        assert_eq!(send(&c, wave, &full_answer(if n % 2 == 0 { "4" } else { "5" }, &format!("Kommentar {n}"))).await.status, 303);
    }
    close(&lars, wave).await;
    assert!(lars.get("/surveys").await.contains("6 av 6 svarte"), "the closed wave's count on the list");
    let page = lars.get(&format!("/surveys/{wave}/results")).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("6 av 6 svarte") && page.contains("4,5") && page.contains("Kommentar 5"), "{}", page.body);
    for email in ["liv@etat.no", "hr@etat.no", "per@etat.no"] {
        assert_eq!(signed_in(&o.app, email).await.get(&format!("/surveys/{wave}/results")).await.status, 404, "{email}");
    }
    let member = signed_in(&o.app, "m0@etat.no").await.get(&format!("/surveys/{wave}/results")).await;
    assert!(member.contains("6 av 6 svarte"), "the team reads its own summary");
    // The aggregates as CSV: a row per statement, its mean and how many chose each value.
    let csv = lars.get(&format!("/surveys/{wave}/export")).await;
    assert_eq!(csv.status, 200);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), 15, "a heading and fourteen statements: {}", csv.body);
    assert!(lines[1].contains("leader-support") && lines[1].ends_with("\"4,5\",0,0,0,3,3"), "{}", lines[1]);
    assert!(!csv.body.contains("Kommentar"), "no comments: they are not aggregates");
    assert_eq!(signed_in(&o.app, "hr@etat.no").await.get(&format!("/surveys/{wave}/export")).await.status, 404);
});

on_both!(no_stored_answer_can_be_joined_to_a_person, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let wave = open_pulse(&lars).await;
    for (n, (_, email)) in o.team.iter().enumerate() {
        let c = signed_in(&o.app, email).await;
        assert_eq!(send(&c, wave, &full_answer(&(1 + n % 5).to_string(), &format!("Kommentar {n}"))).await.status, 303);
    }
    let mut c = t.db.conn().await.unwrap();
    let people: Vec<(i64, String, String)> = match c.ex() {
        samspill::store::Ex::Sqlite(c) => sqlx::query_as("SELECT id, name, email FROM people").fetch_all(&mut *c).await.unwrap(),
        samspill::store::Ex::Pg(c) => sqlx::query_as("SELECT id, name, email FROM people").fetch_all(&mut *c).await.unwrap(),
    };
    // The answers table holds an id, the wave, a group and the answers: nothing of a person.
    let answers: Vec<(String, i64, Option<i64>, String)> = match c.ex() {
        samspill::store::Ex::Sqlite(c) => {
            sqlx::query_as("SELECT id, wave_id, group_id, answers FROM survey_answers").fetch_all(&mut *c).await.unwrap()
        }
        samspill::store::Ex::Pg(c) => {
            sqlx::query_as("SELECT id, wave_id, group_id, answers FROM survey_answers").fetch_all(&mut *c).await.unwrap()
        }
    };
    assert_eq!(answers.len(), 6);
    for (id, _, group, text) in &answers {
        assert_eq!(id.len(), 64, "a random id");
        assert_eq!(*group, None);
        for (pid, name, email) in &people {
            assert!(!text.contains(name) && !text.contains(email) && !id.contains(&format!(":{pid}")), "{text}");
        }
    }
    // The rows lie in the order of their random ids, and (on PostgreSQL) were all written by
    // one transaction: neither their place nor their system columns tell which came when.
    let ids: Vec<String> = answers.iter().map(|a| a.0.clone()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    match c.ex() {
        samspill::store::Ex::Sqlite(c) => {
            assert_eq!(ids, sorted, "stored in id order");
            assert!(sqlx::query("SELECT rowid FROM survey_answers").fetch_all(&mut *c).await.is_err(), "no rowid");
            assert!(sqlx::query("SELECT rowid FROM wave_participation").fetch_all(&mut *c).await.is_err(), "no rowid");
        }
        samspill::store::Ex::Pg(c) => {
            let physical: Vec<(String,)> = sqlx::query_as("SELECT id FROM survey_answers ORDER BY ctid").fetch_all(&mut *c).await.unwrap();
            assert_eq!(physical.into_iter().map(|r| r.0).collect::<Vec<_>>(), sorted, "stored in id order");
            let writers: Vec<(String,)> =
                sqlx::query_as("SELECT DISTINCT xmin::text FROM survey_answers").fetch_all(&mut *c).await.unwrap();
            assert_eq!(writers.len(), 1, "one transaction wrote every answer");
        }
    }
    // Participation names nobody: keyed hashes only, none of them a person's id, name or address.
    let keys: Vec<(String,)> = match c.ex() {
        samspill::store::Ex::Sqlite(c) => sqlx::query_as("SELECT person_key FROM wave_participation").fetch_all(&mut *c).await.unwrap(),
        samspill::store::Ex::Pg(c) => sqlx::query_as("SELECT person_key FROM wave_participation").fetch_all(&mut *c).await.unwrap(),
    };
    assert_eq!(keys.len(), 6);
    for (key,) in &keys {
        assert_eq!(key.len(), 64);
        assert!(
            people.iter().all(|(id, name, email)| key != &id.to_string() && !key.contains(name.as_str()) && !key.contains(email.as_str()))
        );
    }
});

on_both!(the_asked_are_invited_by_mail_and_only_the_silent_reminded_unseen, |t: TestDb| async move {
    let o = org(&t).await;
    let mut c = t.db.conn().await.unwrap();
    samspill::store::people::set_locale(c.ex(), o.team[1].0, Some("nn")).await.unwrap();
    drop(c);
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let wave = open_pulse(&lars).await;
    let pending = |db: samspill::store::Db| async move {
        let mut c = db.conn().await.unwrap();
        samspill::store::outbox::pending(c.ex(), 100, 0).await.unwrap()
    };
    let invitations = pending(t.db.clone()).await;
    assert_eq!(invitations.len(), 6, "everyone asked is invited");
    assert!(invitations.iter().all(|m| m.kind == "wave-invitation"));
    // Three answer; near the last day the three others are reminded, once.
    for (_, email) in o.team.iter().take(3) {
        let c = signed_in(&o.app, email).await;
        assert_eq!(send(&c, wave, &full_answer("4", "")).await.status, 303);
    }
    let key = samspill::web::keys::SigningKey::load(&t.db, "participation").await.unwrap();
    let closes = cadence::date_of(samspill::store::now()).checked_add(jiff::Span::new().days(7)).unwrap();
    let day_before = cadence::moment(closes.yesterday().unwrap(), 9, 0).unwrap();
    let early = samspill::mail::schedule::queue_due(&t.db, None, &key, day_before - 5 * 86_400).await.unwrap();
    assert_eq!(early.wave_reminders, 0, "not yet");
    assert_eq!(samspill::mail::schedule::queue_due(&t.db, None, &key, day_before).await.unwrap().wave_reminders, 3);
    assert_eq!(samspill::mail::schedule::queue_due(&t.db, None, &key, day_before + 60).await.unwrap().wave_reminders, 0, "once");
    let mut c = t.db.conn().await.unwrap();
    let reminded: Vec<(String,)> = match c.ex() {
        samspill::store::Ex::Sqlite(c) => {
            sqlx::query_as("SELECT recipient FROM outbox WHERE kind = 'wave-reminder' ORDER BY recipient").fetch_all(&mut *c).await.unwrap()
        }
        samspill::store::Ex::Pg(c) => {
            sqlx::query_as("SELECT recipient FROM outbox WHERE kind = 'wave-reminder' ORDER BY recipient").fetch_all(&mut *c).await.unwrap()
        }
    };
    assert_eq!(reminded.into_iter().map(|r| r.0).collect::<Vec<_>>(), ["m3@etat.no", "m4@etat.no", "m5@etat.no"]);
    // HR sees that survey reminders wait, never to whom.
    let hr = signed_in(&o.app, "hr@etat.no").await;
    let page = hr.get("/org/mail").await;
    assert!(page.contains("3 påminnelser om undersøkelser venter"), "{}", page.body);
    assert!(
        page.contains("Invitasjon til undersøkelse") && !page.contains("Påminnelse om undersøkelse"),
        "invitations listed, reminders not: {}",
        page.body
    );
    assert_eq!(page.body.matches("m3@etat.no").count(), 1, "only the invitation");
    // In the recipient's language.
    let subjects: Vec<(String, String)> = match c.ex() {
        samspill::store::Ex::Sqlite(c) => sqlx::query_as("SELECT recipient, subject FROM outbox").fetch_all(&mut *c).await.unwrap(),
        samspill::store::Ex::Pg(c) => sqlx::query_as("SELECT recipient, subject FROM outbox").fetch_all(&mut *c).await.unwrap(),
    };
    assert!(subjects.iter().any(|(to, s)| to == "m1@etat.no" && s.starts_with("Undersøking: Teampuls")), "{subjects:?}");
    assert!(subjects.iter().any(|(to, s)| to == "m0@etat.no" && s.starts_with("Undersøkelse: Teampuls")), "{subjects:?}");
});

on_both!(the_upward_view_sets_the_team_beside_the_leaders_own_view, |t: TestDb| async move {
    let o = org(&t).await;
    let lars_id = {
        let mut c = t.db.conn().await.unwrap();
        samspill::store::people::id_by_email(c.ex(), "lars@etat.no").await.unwrap().unwrap()
    };
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let closes = cadence::date_of(samspill::store::now()).checked_add(jiff::Span::new().days(7)).unwrap().to_string();
    assert_eq!(lars.post("/surveys/new", "/surveys", &[("instrument", "upward-view"), ("closes_on", &closes)]).await.status, 303);
    let list = lars.get("/surveys").await;
    let results = list.body.find("/results\"").unwrap();
    let wave: i64 = list.body[list.body[..results].rfind('/').unwrap() + 1..results].parse().unwrap();
    assert_eq!(lars.get(&format!("/surveys/{wave}")).await.status, 404, "a leader never answers their own team's upward view");
    for (_, email) in &o.team {
        let c = signed_in(&o.app, email).await;
        let page = c.get(&format!("/surveys/{wave}")).await;
        let items: Vec<String> = page
            .body
            .match_indices("name=\"q.")
            .map(|(at, _)| {
                let rest = &page.body[at + "name=\"q.".len()..];
                rest[..rest.find('"').unwrap()].to_string()
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut form: Vec<(String, String)> =
            items.iter().filter(|i| *i != "comment").map(|i| (format!("q.{i}"), "2".to_string())).collect();
        form.push(("q.comment".into(), String::new()));
        assert_eq!(send(&c, wave, &form).await.status, 303);
    }
    close(&lars, wave).await;
    let page = lars.get(&format!("/surveys/{wave}/results")).await;
    assert!(page.contains("Du har ikke tatt egenvurderingen Lederferdigheter"), "{}", page.body);
    // With his own self-assessment (all 4s), the team's 2s are a gap of −2 on every item.
    let mut c = t.db.conn().await.unwrap();
    let answers: std::collections::BTreeMap<&str, i64> = [
        "self-insight",
        "practise-self-leadership",
        "care-for-people",
        "delegate",
        "room-for-action",
        "clarify-assignment",
        "encourage-initiative",
        "motivating-goals",
        "listen-actively",
        "see-opportunities",
        "mastery",
        "everyday-learning",
        "coaching",
        "role-model",
    ]
    .into_iter()
    .map(|i| (i, 4))
    .collect();
    let now = samspill::store::now();
    let version = t.current_version("leadership-skills").await;
    let attempt = samspill::store::development::start(c.ex(), lars_id, "leadership-skills", version, now).await.unwrap();
    assert!(samspill::store::development::submit(c.ex(), lars_id, attempt, &serde_json::to_string(&answers).unwrap(), now).await.unwrap());
    let page = lars.get(&format!("/surveys/{wave}/results")).await;
    assert!(page.contains("Ditt blikk og teamets") && page.contains("teamet 2,0, du 4 (−2,0)"), "{}", page.body);
    assert!(page.contains("action=\"/development/start\""), "a gap can become a development area");
});

on_both!(answers_sent_at_once_are_all_kept_and_each_person_counted_once, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let wave = open_pulse(&lars).await;
    let mut clients = Vec::new();
    for (_, email) in &o.team {
        clients.push(signed_in(&o.app, email).await);
    }
    // Everyone at once, and the first of them twice.
    let mut posts = Vec::new();
    for (n, c) in clients.iter().chain(std::iter::once(&clients[0])).enumerate() {
        let token = c.get(&format!("/surveys/{wave}")).await.csrf();
        let mut form = full_answer(&(1 + n % 5).to_string(), &format!("Samtidig {n}"));
        form.push(("csrf".into(), token));
        posts.push((c.clone(), form));
    }
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(posts.len()));
    let tasks: Vec<_> = posts
        .into_iter()
        .map(|(c, form)| {
            let barrier = barrier.clone();
            tokio::spawn(async move {
                let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                barrier.wait().await;
                c.post_raw(&format!("/surveys/{wave}"), &fields).await.location
            })
        })
        .collect();
    let mut outcomes = Vec::new();
    for t in tasks {
        outcomes.push(t.await.unwrap());
    }
    let answered = outcomes.iter().filter(|l| l.as_deref() == Some("/surveys?done=answered")).count();
    let refused = outcomes.iter().filter(|l| l.as_deref() == Some("/surveys?done=already")).count();
    assert_eq!((answered, refused), (6, 1), "{outcomes:?}");
    assert_eq!(count(&t, wave).await, 6, "every answer kept, none twice");
});

on_both!(a_busy_wave_writes_each_answer_with_at_least_a_chunk_of_others_from_two_nodes_at_once, |t: TestDb| async move {
    use samspill::domain::anonymity::chunk_size;
    use samspill::intake::{Intake, Outcome, Submission};
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let wave = open_pulse(&lars).await;
    // 150 answers (the writer does not ask who is invited: the form does) from two nodes'
    // writers at once, and the first person's a second time.
    let nodes = [Intake::start(t.db.clone()), Intake::start(t.second_pool().await)];
    let people: Vec<usize> = (0..150).chain(std::iter::once(0)).collect();
    let tasks: Vec<_> = people
        .iter()
        .enumerate()
        .map(|(n, person)| {
            let node = nodes[n % 2].clone();
            let s = Submission { wave, person_key: format!("{person:064x}"), group: None, answers: format!("{{\"n\":{n}}}"), threshold: 5 };
            tokio::spawn(async move { node.submit(s).await })
        })
        .collect();
    let mut outcomes = Vec::new();
    for task in tasks {
        outcomes.push(task.await.unwrap().unwrap());
    }
    assert_eq!(outcomes.iter().filter(|o| **o == Outcome::Taken).count(), 150);
    assert_eq!(outcomes.iter().filter(|o| **o == Outcome::Already).count(), 1, "the first answer kept");
    assert_eq!(count(&t, wave).await, 150, "none lost, none twice");

    // Every chunk holds at least a chunk's worth, in the order of its random ids; on PostgreSQL
    // every transaction that wrote answers wrote at least that many.
    let size = chunk_size(5);
    let mut c = t.db.conn().await.unwrap();
    let mut chunks = samspill::store::surveys::chunk_sizes(c.ex(), wave).await.unwrap();
    assert!(chunks.len() > 1 && chunks.iter().all(|(_, n)| *n >= size), "{chunks:?}");
    // The sizes kept beside the chunks are the rows there are.
    let sql = "SELECT chunk, COUNT(*) FROM survey_answers WHERE wave_id = $1 GROUP BY chunk ORDER BY chunk";
    let stored: Vec<(i64, i64)> = match c.ex() {
        samspill::store::Ex::Sqlite(c) => sqlx::query_as(sql).bind(wave).fetch_all(&mut *c).await.unwrap(),
        samspill::store::Ex::Pg(c) => sqlx::query_as(sql).bind(wave).fetch_all(&mut *c).await.unwrap(),
    };
    chunks.sort();
    assert_eq!(chunks, stored);
    if let samspill::store::Ex::Pg(c) = c.ex() {
        let writers: Vec<(i64,)> =
            sqlx::query_as("SELECT COUNT(*) FROM survey_answers GROUP BY xmin::text").fetch_all(&mut *c).await.unwrap();
        assert!(writers.iter().all(|(n,)| *n >= size), "{writers:?}");
        for (chunk, _) in &chunks {
            let ids: Vec<(String,)> = sqlx::query_as("SELECT id FROM survey_answers WHERE chunk = $1 ORDER BY ctid")
                .bind(chunk)
                .fetch_all(&mut *c)
                .await
                .unwrap();
            let mut sorted = ids.clone();
            sorted.sort();
            assert_eq!(ids, sorted, "chunk {chunk} lies in id order");
        }
    }
});

on_both!(an_answer_gives_every_answer_of_the_chunk_it_joins_a_new_id, |t: TestDb| async move {
    use samspill::intake::{Intake, Outcome, Submission};
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let wave = open_pulse(&lars).await;
    let node = Intake::start(t.db.clone());
    let answer =
        |n: usize| Submission { wave, person_key: format!("{n:064x}"), group: None, answers: format!("{{\"n\":{n}}}"), threshold: 5 };
    // One at a time: 70 answers make two chunks (a chunk splits past 64).
    for n in 0..70 {
        assert_eq!(node.submit(answer(n)).await.unwrap(), Outcome::Taken);
    }
    let stored = || async {
        let sql = "SELECT chunk, id, answers FROM survey_answers WHERE wave_id = $1 ORDER BY chunk, id";
        let mut c = t.db.conn().await.unwrap();
        let rows: Vec<(i64, String, String)> = match c.ex() {
            samspill::store::Ex::Sqlite(c) => sqlx::query_as(sql).bind(wave).fetch_all(&mut *c).await.unwrap(),
            samspill::store::Ex::Pg(c) => sqlx::query_as(sql).bind(wave).fetch_all(&mut *c).await.unwrap(),
        };
        rows
    };
    let before = stored().await;
    let chunks: std::collections::BTreeSet<i64> = before.iter().map(|r| r.0).collect();
    assert_eq!(chunks.len(), 2, "{chunks:?}");
    assert_eq!(node.submit(answer(70)).await.unwrap(), Outcome::Taken);
    let after = stored().await;
    assert_eq!(after.len(), 71);
    let joined = after.iter().find(|r| r.2 == "{\"n\":70}").expect("the new answer").0;
    for chunk in chunks {
        let ids = |rows: &[(i64, String, String)]| rows.iter().filter(|r| r.0 == chunk).map(|r| r.1.clone()).collect::<Vec<_>>();
        let answers = |rows: &[(i64, String, String)]| {
            rows.iter().filter(|r| r.0 == chunk && r.2 != "{\"n\":70}").map(|r| r.2.clone()).collect::<std::collections::BTreeSet<_>>()
        };
        assert_eq!(answers(&before), answers(&after), "chunk {chunk} keeps its answers");
        let (old, new) = (ids(&before), ids(&after));
        if chunk == joined {
            assert_eq!(new.len(), old.len() + 1);
            assert!(new.iter().all(|id| id.len() == 64 && !old.contains(id)), "every answer of chunk {chunk} has a new id");
        } else {
            assert_eq!(old, new, "chunk {chunk} is not written");
        }
    }
});

on_both!(the_leader_replies_to_comments_and_keeps_an_action_plan_the_team_reads, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let wave = open_pulse(&lars).await;
    for (n, (_, email)) in o.team.iter().enumerate() {
        let c = signed_in(&o.app, email).await;
        assert_eq!(send(&c, wave, &full_answer("4", &format!("Kommentar {n}"))).await.status, 303);
    }
    let member = signed_in(&o.app, &o.team[2].1).await;
    let results = format!("/surveys/{wave}/results");
    // Nothing to reply to or plan while the wave runs.
    let token = lars.get(&results).await.csrf();
    assert_eq!(
        lars.post_raw(&format!("/surveys/{wave}/actions"), &[("csrf", &token), ("what", "add"), ("text", "Tidlig")]).await.status,
        403
    );
    close(&lars, wave).await;

    // A reply to one comment, found by its answer's id on the page.
    let page = lars.get(&results).await;
    let at = page.body.find("name=\"answer\" value=\"").unwrap() + "name=\"answer\" value=\"".len();
    let answer = page.body[at..at + 64].to_string();
    let empty = lars.post(&results, &format!("/surveys/{wave}/reply"), &[("answer", &answer), ("text", "  ")]).await;
    assert!(empty.contains("Skriv svaret."), "{}", empty.body);
    let saved =
        lars.post(&results, &format!("/surveys/{wave}/reply"), &[("answer", &answer), ("text", "Takk, vi tar det opp på mandag.")]).await;
    assert_eq!(saved.status, 303);
    let forged = lars.post(&results, &format!("/surveys/{wave}/reply"), &[("answer", &"0".repeat(64)), ("text", "x")]).await;
    assert_eq!(forged.status, 404, "only a comment of this wave");
    // The plan: a bad date keeps what was typed; then two actions, one done.
    let bad =
        lars.post(&results, &format!("/surveys/{wave}/actions"), &[("what", "add"), ("text", "Fast kaffepause"), ("due", "snart")]).await;
    assert!(bad.contains("Skriv datoen som 2026-12-10.") && bad.contains("value=\"Fast kaffepause\""), "{}", bad.body);
    for (text, owner) in [("Fast kaffepause på video hver fredag", ""), ("Avklare roller mellom kontorene", "Lars")] {
        let page = lars
            .post(&results, &format!("/surveys/{wave}/actions"), &[("what", "add"), ("text", text), ("owner", owner), ("due", "")])
            .await;
        assert_eq!(page.status, 303);
    }
    let page = lars.get(&results).await;
    let at = page.body.find("name=\"item\" value=\"").unwrap() + "name=\"item\" value=\"".len();
    let item: String = page.body[at..].chars().take_while(|c| c.is_ascii_digit()).collect();
    assert_eq!(
        lars.post(&results, &format!("/surveys/{wave}/actions"), &[("what", "done"), ("item", &item), ("on", "1")]).await.status,
        303
    );

    // The team reads it all, and can change none of it.
    let page = member.get(&results).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Takk, vi tar det opp på mandag.") && page.contains("Fast kaffepause på video hver fredag"), "{}", page.body);
    assert!(page.contains("Teamet") && page.contains("Avklare roller mellom kontorene"));
    assert!(!page.contains("/reply\"") && !page.contains("/actions\""), "no forms for the team");
    assert!(member.get("/surveys").await.contains(&format!("href=\"{results}\"")), "the team finds the results");
    let token = member.get(&results).await.csrf();
    let refused = member.post_raw(&format!("/surveys/{wave}/reply"), &[("csrf", &token), ("answer", &answer), ("text", "Jeg")]).await;
    assert_eq!(refused.status, 403);
    assert_eq!(signed_in(&o.app, "per@etat.no").await.get(&results).await.status, 404, "another team sees nothing");

    // At the next wave, the plan is reviewed.
    let next = open_pulse(&lars).await;
    for (_, email) in &o.team {
        let c = signed_in(&o.app, email).await;
        assert_eq!(send(&c, next, &full_answer("5", "")).await.status, 303);
    }
    close(&lars, next).await;
    let page = lars.get(&format!("/surveys/{next}/results")).await;
    assert!(page.contains("Fra forrige runde") && page.contains("Avklare roller mellom kontorene"), "{}", page.body);
});

/// Opens a wave from the form as `c`; the redirect's page.
async fn open_wave(c: &Client, form: &[(&str, &str)]) -> common::Page {
    let closes = cadence::date_of(samspill::store::now()).checked_add(jiff::Span::new().days(7)).unwrap().to_string();
    let mut fields = vec![("closes_on", closes.as_str())];
    fields.extend_from_slice(form);
    c.post("/surveys/new", "/surveys", &fields).await
}

async fn newest_wave(t: &TestDb) -> samspill::store::surveys::WaveRow {
    let mut c = t.db.conn().await.unwrap();
    let (id,): (i64,) = match c.ex() {
        samspill::store::Ex::Sqlite(c) => sqlx::query_as("SELECT MAX(id) FROM waves").fetch_one(&mut *c).await.unwrap(),
        samspill::store::Ex::Pg(c) => sqlx::query_as("SELECT MAX(id) FROM waves").fetch_one(&mut *c).await.unwrap(),
    };
    samspill::store::surveys::wave(c.ex(), id).await.unwrap().unwrap()
}

on_both!(hr_asks_a_unit_whose_groups_show_only_from_k_and_never_by_difference, |t: TestDb| async move {
    // A department of one with sections B (6 people) and C (6) and a team D of two: D is too
    // small and answers with the department, whose own three then take in section B.
    let a = t.unit("Avdeling", None).await;
    let b = t.unit("Seksjon B", Some(a)).await;
    let c = t.unit("Seksjon C", Some(a)).await;
    let d = t.unit("Team D", Some(a)).await;
    t.person_in("100", "Avdelingsleder", "a@etat.no", a).await;
    let mut emails = vec![("a@etat.no".to_string(), a)];
    for (unit, name, n) in [(b, "b", 6), (c, "c", 6), (d, "d", 2)] {
        for k in 0..n {
            let email = format!("{name}{k}@etat.no");
            t.person_in(&format!("{name}{k}"), &format!("Person {name}{k}"), &email, unit).await;
            emails.push((email, unit));
        }
    }
    t.person("7", "Hanne Dahl", "hr@etat.no", None, true).await;
    let lars = t.person("2", "Lars Haugen", "lars@etat.no", None, false).await;
    t.person("21", "Medarbeider", "m@etat.no", Some(lars), false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let hr = signed_in(&app, "hr@etat.no").await;
    let unit = a.0.to_string();

    // Only the pulse, only by HR, only for a unit with people.
    let page = open_wave(&hr, &[("scope", "unit"), ("unit", &unit), ("sub_units", "on"), ("instrument", "upward-view")]).await;
    assert_eq!(page.status, 200, "the upward view is a team's");
    assert!(page.contains("kan bare få teampulsen") && page.contains(&format!("value=\"{unit}\" selected")), "{}", page.body);
    let empty = t.unit("Tom enhet", None).await.0.to_string();
    let page = open_wave(&hr, &[("scope", "unit"), ("unit", &empty), ("instrument", "pulse")]).await;
    assert!(page.contains("Ingen aktive personer"), "{}", page.body);
    // Team D alone has two: too few to ever show, so refused with the reason.
    let small = d.0.to_string();
    let page = open_wave(&hr, &[("scope", "unit"), ("unit", &small), ("instrument", "pulse")]).await;
    assert!(page.contains("Enheten har bare 2 personer"), "{}", page.body);
    let leader = signed_in(&app, "lars@etat.no").await;
    assert_eq!(open_wave(&leader, &[("scope", "unit"), ("unit", &unit), ("instrument", "pulse")]).await.status, 403);
    let page = open_wave(&hr, &[("scope", "unit"), ("unit", &unit), ("sub_units", "on"), ("instrument", "pulse")]).await;
    assert_eq!(page.location.as_deref(), Some("/surveys?done=opened"), "{}", page.body);
    let wave = newest_wave(&t).await;
    assert_eq!((wave.invited, wave.unit_id, wave.sub_units), (15, Some(a.0), true));
    let mut conn = t.db.conn().await.unwrap();
    let groups = samspill::store::surveys::groups(conn.ex(), wave.id).await.unwrap();
    let shape: Vec<(i64, Option<i64>, i64)> = groups.clone();
    assert_eq!(shape, [(a.0, None, 9), (c.0, Some(a.0), 6)], "D and B answer with the department");
    drop(conn);
    assert!(hr.get("/surveys").await.contains("Alle i Avdeling med underenheter"));

    // Seven of the department's group answer and four of section C: C is too few to show.
    let answering: Vec<&(String, samspill::domain::UnitId)> =
        emails.iter().filter(|(_, u)| *u != c).take(7).chain(emails.iter().filter(|(_, u)| *u == c).take(4)).collect();
    for (email, _) in &answering {
        let client = signed_in(&app, email).await;
        assert_eq!(send(&client, wave.id, &full_answer(if *email == "c0@etat.no" { "1" } else { "4" }, "")).await.status, 303, "{email}");
    }
    let token = hr.get("/surveys").await.csrf();
    assert_eq!(hr.post_raw(&format!("/surveys/{}/close", wave.id), &[("csrf", &token)]).await.status, 303);
    assert!(hr.get("/surveys").await.contains("11 av 15 svarte"), "the closed unit wave's count on HR's list");
    let page = hr.get(&format!("/surveys/{}/results", wave.id)).await;
    assert!(page.contains("11 av 15 svarte") && page.contains("Per gruppe"), "{}", page.body);
    assert!(page.contains("En gruppe vises ikke"), "section C is hidden: {}", page.body);
    assert!(!page.contains("Seksjon C"), "{}", page.body);
    assert!(page.contains("<svg") && page.contains("means-title"), "the chart");
    // Someone asked reads the whole, not the groups; a leader not asked reads nothing.
    let member = signed_in(&app, "c1@etat.no").await.get(&format!("/surveys/{}/results", wave.id)).await;
    assert!(member.contains("11 av 15 svarte") && !member.contains("Per gruppe"), "{}", member.body);
    assert_eq!(leader.get(&format!("/surveys/{}/results", wave.id)).await.status, 404);
});

on_both!(a_leader_of_leaders_asks_their_reporting_lines_and_reads_each_team_only_from_k, |t: TestDb| async move {
    // Liv leads Lars (six reports), Øyvind (six) and Tor (two). Tor's team is too small and
    // answers with Liv's own three; Ola, outside her lines, is not asked.
    let liv = t.person("1", "Liv Johansen", "liv@etat.no", None, false).await;
    let lars = t.person("2", "Lars Haugen", "lars@etat.no", Some(liv), false).await;
    let oyvind = t.person("3", "Øyvind Strand", "oyvind@etat.no", Some(liv), false).await;
    let tor = t.person("4", "Tor Lie", "tor@etat.no", Some(liv), false).await;
    for (leader, name, n) in [(lars, "l", 6), (oyvind, "o", 6), (tor, "t", 2)] {
        for k in 0..n {
            t.person(&format!("{name}{k}"), &format!("Person {name}{k}"), &format!("{name}{k}@etat.no"), Some(leader), false).await;
        }
    }
    t.person("8", "Ola Berg", "ola@etat.no", None, false).await;
    t.person("7", "Hanne Dahl", "hr@etat.no", None, true).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let director = signed_in(&app, "liv@etat.no").await;

    // Only a leader of leaders is offered the choice; anyone else is told why not.
    let form = director.get("/surveys/new").await;
    assert!(form.contains("Alle i lederlinjen min") && form.contains("17 personer i 4 team blir spurt"), "{}", form.body);
    let team_leader = signed_in(&app, "lars@etat.no").await;
    assert!(!team_leader.get("/surveys/new").await.contains("Alle i lederlinjen min"));
    let page = open_wave(&team_leader, &[("scope", "area"), ("instrument", "pulse")]).await;
    assert!(page.contains("Ingen av medarbeiderne dine leder andre") && page.contains("id=\"f-scope-error\""), "{}", page.body);
    let page = open_wave(&director, &[("scope", "area"), ("instrument", "upward-view")]).await;
    assert!(page.contains("Hele lederlinjen kan bare få teampulsen"), "{}", page.body);
    assert!(page.contains("value=\"area\" id=\"f-scope-area\" checked"), "the choice is kept: {}", page.body);

    let page = open_wave(&director, &[("scope", "area"), ("instrument", "pulse")]).await;
    assert_eq!(page.location.as_deref(), Some("/surveys?done=opened"), "{}", page.body);
    let wave = newest_wave(&t).await;
    assert_eq!((wave.invited, wave.leader_id, wave.unit_id, wave.sub_units), (17, Some(liv.0), None, true));
    let mut conn = t.db.conn().await.unwrap();
    let groups = samspill::store::surveys::groups(conn.ex(), wave.id).await.unwrap();
    assert_eq!(groups, [(liv.0, None, 5), (lars.0, Some(liv.0), 6), (oyvind.0, Some(liv.0), 6)], "Tor's two answer with Liv's three");
    assert_eq!(samspill::store::outbox::counts(conn.ex(), 0).await.unwrap().0, 17, "everyone asked is invited");
    let sql = "SELECT body_text FROM outbox WHERE recipient = 'o0@etat.no'";
    let (body,): (String,) = match conn.ex() {
        samspill::store::Ex::Sqlite(c) => sqlx::query_as(sql).fetch_one(&mut *c).await.unwrap(),
        samspill::store::Ex::Pg(c) => sqlx::query_as(sql).fetch_one(&mut *c).await.unwrap(),
    };
    assert!(body.contains("Liv Johansen ber alle i lederlinjen sin svare"), "{body}");
    drop(conn);
    assert!(director.get("/surveys").await.contains("Alle i lederlinjen til Liv Johansen"));
    let ola = signed_in(&app, "ola@etat.no").await;
    assert_eq!(ola.get(&format!("/surveys/{}", wave.id)).await.status, 404, "not in her lines");

    // Four of Liv's group, five of Lars's team and three of Øyvind's answer: Øyvind's team
    // is too few to show, and Liv's group is shown only as the whole.
    let answering = [
        "lars@etat.no",
        "oyvind@etat.no",
        "tor@etat.no",
        "t0@etat.no",
        "l0@etat.no",
        "l1@etat.no",
        "l2@etat.no",
        "l3@etat.no",
        "l4@etat.no",
        "o0@etat.no",
        "o1@etat.no",
        "o2@etat.no",
    ];
    for email in answering {
        let c = signed_in(&app, email).await;
        assert_eq!(send(&c, wave.id, &full_answer("4", "")).await.status, 303, "{email}");
    }
    close(&director, wave.id).await;
    let results = format!("/surveys/{}/results", wave.id);
    let page = director.get(&results).await;
    assert!(page.contains("12 av 17 svarte") && page.contains("Per gruppe"), "{}", page.body);
    assert!(page.contains("Teamet til Liv Johansen") && page.contains("Teamet til Lars Haugen"), "{}", page.body);
    assert!(page.contains("Teampuls – Alle i lederlinjen til Liv Johansen"), "the title says whose lines: {}", page.body);
    assert!(!page.contains("Teamet til Øyvind Strand") && page.contains("En gruppe vises ikke"), "{}", page.body);
    // A leader below reads the whole, not the teams; HR and anyone not asked read nothing.
    let below = team_leader.get(&results).await;
    assert!(below.contains("12 av 17 svarte") && !below.contains("Per gruppe"), "{}", below.body);
    assert_eq!(signed_in(&app, "hr@etat.no").await.get(&results).await.status, 404);
    assert_eq!(ola.get(&results).await.status, 404);

    // Repeated, the next wave asks her lines again, as they are then.
    let page = open_wave(&director, &[("scope", "area"), ("instrument", "pulse"), ("repeat", "4")]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    t.person("l6", "Person l6", "l6@etat.no", Some(lars), false).await;
    assert_eq!(samspill::waves::open_repeats(&t.db, None, samspill::store::now() + 28 * 86_400).await.unwrap(), 1);
    let next = newest_wave(&t).await;
    assert_eq!((next.invited, next.leader_id, next.sub_units), (18, Some(liv.0), true));
});

on_both!(a_recurring_wave_opens_the_next_once_however_many_nodes_try, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let page = open_wave(&lars, &[("scope", "team"), ("instrument", "pulse"), ("repeat", "4")]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    // A wave that would still run when the next opens cannot repeat.
    let far = cadence::date_of(samspill::store::now()).checked_add(jiff::Span::new().days(40)).unwrap().to_string();
    let page = lars.post("/surveys/new", "/surveys", &[("instrument", "pulse"), ("closes_on", &far), ("repeat", "4")]).await;
    assert!(page.contains("må være avsluttet før den neste åpner"), "{}", page.body);
    let first = newest_wave(&t).await;
    assert_eq!(first.repeat_weeks, Some(4));
    assert!(lars.get("/surveys").await.contains("Gjentas hver 4. uke"));

    // Not yet: nothing opens. Four weeks on, two nodes at once: one new wave.
    let now = samspill::store::now();
    assert_eq!(samspill::waves::open_repeats(&t.db, None, now + 20 * 86_400).await.unwrap(), 0);
    let other = t.second_pool().await;
    let later = now + 28 * 86_400;
    let (x, y) = tokio::join!(samspill::waves::open_repeats(&t.db, None, later), samspill::waves::open_repeats(&other, None, later));
    assert_eq!(x.unwrap() + y.unwrap(), 1, "opened once");
    let next = newest_wave(&t).await;
    assert_ne!(next.id, first.id);
    let days = |w: &samspill::store::surveys::WaveRow| {
        (w.closes_on.parse::<jiff::civil::Date>().unwrap() - w.opens_on.parse::<jiff::civil::Date>().unwrap()).get_days()
    };
    assert_eq!((next.repeat_weeks, next.invited, days(&next)), (Some(4), 6, days(&first)));
    assert_eq!(next.opens_on, cadence::date_of(later).to_string());
    let mut c = t.db.conn().await.unwrap();
    assert_eq!(samspill::store::surveys::wave(c.ex(), first.id).await.unwrap().unwrap().repeat_weeks, None, "only the newest repeats");
    let invitations = samspill::store::outbox::counts(c.ex(), 0).await.unwrap();
    assert_eq!(invitations.0, 12, "both waves invited the six");
    // The outbox page reads the counts and a page in one statement: the same as read apart.
    for offset in [0, 5, 10, 15] {
        let (counts, page) = samspill::store::outbox::overview(c.ex(), 0, 5, offset).await.unwrap();
        let apart = samspill::store::outbox::pending(c.ex(), 5, offset).await.unwrap();
        assert_eq!((counts, format!("{page:?}")), (invitations, format!("{apart:?}")), "the page from {offset}");
        assert_eq!(page.len(), [5, 5, 2, 0][offset as usize / 5]);
    }
    drop(c);
    assert_eq!(samspill::waves::open_repeats(&t.db, None, later).await.unwrap(), 0);

    // Stopped: nothing more opens.
    let token = lars.get("/surveys").await.csrf();
    assert_eq!(
        lars.post_raw(&format!("/surveys/{}/repeat", next.id), &[("csrf", &token)]).await.location.as_deref(),
        Some("/surveys?done=stopped")
    );
    assert_eq!(samspill::waves::open_repeats(&t.db, None, later + 60 * 86_400).await.unwrap(), 0);
    // Nobody else can stop a series.
    let m = signed_in(&o.app, &o.team[0].1).await;
    let token = m.get("/surveys").await.csrf();
    assert_eq!(m.post_raw(&format!("/surveys/{}/repeat", first.id), &[("csrf", &token)]).await.status, 404);
});

on_both!(a_long_list_of_comments_is_paged_and_a_reply_returns_to_its_page, |t: TestDb| async move {
    use samspill::web::surveys::COMMENTS_PER_PAGE;
    let lars = t.person("2", "Lars Haugen", "lars@etat.no", None, false).await;
    let team = COMMENTS_PER_PAGE + 2;
    for n in 0..team {
        t.person(&format!("3{n}"), &format!("Medarbeider {n}"), &format!("m{n}@etat.no"), Some(lars), false).await;
    }
    let app = TestApp::spawn(t.db.clone()).await;
    let leader = signed_in(&app, "lars@etat.no").await;
    let wave = open_pulse(&leader).await;
    for n in 0..team {
        let c = signed_in(&app, &format!("m{n}@etat.no")).await;
        assert_eq!(send(&c, wave, &full_answer("3", &format!("Kommentar nummer {n}."))).await.status, 303);
    }
    close(&leader, wave).await;
    let results = format!("/surveys/{wave}/results");
    let shown = |page: &common::Page| (0..team).filter(|n| page.contains(&format!("Kommentar nummer {n}."))).count() as i64;

    let first = leader.get(&results).await;
    assert!(first.contains(&format!("{team} kommentarer, i tilfeldig rekkefølge.")), "{}", first.body);
    assert_eq!(shown(&first), COMMENTS_PER_PAGE);
    assert!(first.contains("Side 1 av 2") && first.contains(&format!("href=\"{results}?comments=2#comments-title\"")));
    let second = leader.get(&format!("{results}?comments=2")).await;
    assert_eq!(shown(&second), 2, "the rest");
    assert!(second.contains("Side 2 av 2") && second.contains(&format!("href=\"{results}?comments=1#comments-title\"")));
    assert_eq!(shown(&leader.get(&format!("{results}?comments=99")).await), 2, "past the end: the last page");
    assert_eq!(shown(&leader.get(&format!("{results}?comments=tull")).await), COMMENTS_PER_PAGE, "nonsense: the first");

    // A reply on the second page returns there; a refused one shows the comment's own page.
    let at = second.body.find("name=\"answer\" value=\"").unwrap() + "name=\"answer\" value=\"".len();
    let answer = second.body[at..at + 64].to_string();
    let from = format!("{results}?comments=2");
    let saved = leader.post(&from, &format!("/surveys/{wave}/reply"), &[("answer", &answer), ("text", "Takk!"), ("comments", "2")]).await;
    assert_eq!(saved.location.as_deref(), Some(format!("{results}?comments=2#comments-title").as_str()));
    let refused = leader.post(&from, &format!("/surveys/{wave}/reply"), &[("answer", &answer), ("text", " "), ("comments", "2")]).await;
    assert!(refused.contains("Skriv svaret.") && refused.contains("Side 2 av 2"), "{}", refused.body);
});

/// A row as text, column by column.
type Row = HashMap<String, String>;

/// Every row of every table, each column as text, with the system columns that tell who wrote a
/// row (PostgreSQL's `xmin`), and which columns point at a person.
struct Dump {
    /// Each table's name, rows, and columns with a foreign key to `people`.
    tables: Vec<(String, Vec<Row>, Vec<String>)>,
}

async fn dump(t: &TestDb) -> Dump {
    let mut c = t.db.conn().await.unwrap();
    let mut tables = Vec::new();
    match c.ex() {
        samspill::store::Ex::Sqlite(c) => {
            let names: Vec<(String,)> = sqlx::query_as(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name",
            )
            .fetch_all(&mut *c)
            .await
            .unwrap();
            for (table,) in names {
                let columns: Vec<(String,)> = sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT name FROM pragma_table_info('{table}')")))
                    .fetch_all(&mut *c)
                    .await
                    .unwrap();
                let to_people: Vec<(String,)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT \"from\" FROM pragma_foreign_key_list('{table}') WHERE \"table\" = 'people'"
                )))
                .fetch_all(&mut *c)
                .await
                .unwrap();
                let select: Vec<String> = columns.iter().map(|(n,)| format!("COALESCE(CAST(\"{n}\" AS TEXT), '')")).collect();
                let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {} FROM \"{table}\"", select.join(", "))))
                    .fetch_all(&mut *c)
                    .await
                    .unwrap();
                let rows = rows
                    .iter()
                    .map(|r| columns.iter().enumerate().map(|(k, (n,))| (n.clone(), sqlx::Row::get::<String, _>(r, k))).collect())
                    .collect();
                tables.push((table, rows, to_people.into_iter().map(|(n,)| n).collect()));
            }
        }
        samspill::store::Ex::Pg(c) => {
            let names: Vec<(String,)> = sqlx::query_as(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' \
                 AND table_name NOT LIKE '_sqlx%' ORDER BY table_name",
            )
            .fetch_all(&mut *c)
            .await
            .unwrap();
            for (table,) in names {
                let columns: Vec<(String,)> = sqlx::query_as(
                    "SELECT column_name::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
                )
                .bind(&table)
                .fetch_all(&mut *c)
                .await
                .unwrap();
                let to_people: Vec<(String,)> = sqlx::query_as(
                    "SELECT a.attname::text FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey) \
                     WHERE k.contype = 'f' AND k.conrelid = $1::regclass AND k.confrelid = 'people'::regclass",
                )
                .bind(&table)
                .fetch_all(&mut *c)
                .await
                .unwrap();
                let mut names: Vec<String> = vec!["xmin".into()];
                names.extend(columns.into_iter().map(|(n,)| n));
                let select: Vec<String> = names.iter().map(|n| format!("COALESCE(\"{n}\"::text, '')")).collect();
                let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {} FROM \"{table}\"", select.join(", "))))
                    .fetch_all(&mut *c)
                    .await
                    .unwrap();
                let rows = rows
                    .iter()
                    .map(|r| names.iter().enumerate().map(|(k, n)| (n.clone(), sqlx::Row::get::<String, _>(r, k))).collect())
                    .collect();
                tables.push((table, rows, to_people.into_iter().map(|(n,)| n).collect()));
            }
        }
    }
    Dump { tables }
}

impl Dump {
    /// The rows that name `person`: their own row in `people`, any row pointing at them, and any
    /// row holding their name or address.
    fn rows_naming(&self, person: PersonId, name: &str, email: &str) -> Vec<&Row> {
        let id = person.0.to_string();
        let mut found = Vec::new();
        for (table, rows, to_people) in &self.tables {
            for row in rows {
                let own = table == "people" && row.get("id") == Some(&id);
                let points = to_people.iter().any(|col| row.get(col) == Some(&id));
                let holds = row.values().any(|v| v.contains(name) || v.contains(email));
                if own || points || holds {
                    found.push(row);
                }
            }
        }
        found
    }

    /// Values of the stored answers (system columns included) that appear in the rows naming
    /// some of those who answered but not all of them: each would single out who wrote it.
    fn singling_out(&self, answerers: &[(PersonId, String, String)]) -> Vec<String> {
        let naming: Vec<std::collections::HashSet<&String>> =
            answerers.iter().map(|(p, n, e)| self.rows_naming(*p, n, e).into_iter().flat_map(|r| r.values()).collect()).collect();
        let answers = &self.tables.iter().find(|(t, _, _)| t == "survey_answers").unwrap().1;
        assert!(!answers.is_empty());
        let mut found = Vec::new();
        for row in answers {
            for (column, value) in row {
                let holders = naming.iter().filter(|values| values.contains(value)).count();
                if holders > 0 && holders < answerers.len() {
                    found.push(format!("survey_answers.{column} = {value} is in the rows of {holders} of {}", answerers.len()));
                }
            }
        }
        found
    }
}

on_both!(no_value_in_any_table_ties_an_answer_to_who_wrote_it, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let wave = open_pulse(&lars).await;
    let mut answerers = Vec::new();
    for (n, (person, email)) in o.team.iter().enumerate() {
        let c = signed_in(&o.app, email).await;
        assert_eq!(send(&c, wave, &full_answer(&(1 + n % 5).to_string(), &format!("Kommentar {n}"))).await.status, 303);
        answerers.push((*person, format!("Medarbeider {n}"), email.clone()));
    }
    let before = dump(&t).await;
    assert!(before.tables.len() > 20, "every table is read");
    assert_eq!(before.singling_out(&answerers), Vec::<String>::new());

    // The sweep sees a link when there is one: a row that names one answerer and holds their
    // answer's id.
    let answer_id = before.tables.iter().find(|(t, _, _)| t == "survey_answers").unwrap().1[0]["id"].clone();
    let mut c = t.db.conn().await.unwrap();
    samspill::store::people::set_locale(c.ex(), answerers[0].0, Some(&answer_id)).await.unwrap();
    drop(c);
    assert_eq!(dump(&t).await.singling_out(&answerers).len(), 1, "the planted link is found");
});
