//! The log holds no answer and no respondent: with every target logging at its most verbose, a
//! team answers a survey and no line carries what was answered, or ties a person to answering.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{TestApp, TestDb};

on_both!(no_log_line_holds_an_answer_or_a_respondent, |t: TestDb| async move {
    let log = common::log::everything();
    let lars = t.person("2", "Lars Haugen", "lars@etat.no", None, false).await;
    let mut team = Vec::new();
    for n in 0..5 {
        team.push(t.person(&format!("3{n}"), &format!("Medarbeider Nummer{n}"), &format!("m{n}@etat.no"), Some(lars), false).await);
    }
    let app = TestApp::spawn(t.db.clone()).await;
    let leader = app.client();
    leader.sign_in("lars@etat.no").await;
    let closes = samspill::domain::cadence::date_of(samspill::store::now()).checked_add(jiff::Span::new().days(7)).unwrap().to_string();
    let page = leader.post("/surveys/new", "/surveys", &[("instrument", "pulse"), ("closes_on", &closes)]).await;
    assert_eq!(page.status, 303);
    let list = leader.get("/surveys").await;
    let at = list.body.find("/results\"").unwrap();
    let wave = &list.body[list.body[..at].rfind('/').unwrap() + 1..at];
    for n in 0..5 {
        let c = app.client();
        c.sign_in(&format!("m{n}@etat.no")).await;
        let token = c.get(&format!("/surveys/{wave}")).await.csrf();
        let comment = format!("Hemmelig kommentar {n}");
        let value = (1 + n % 5).to_string();
        let items = samspill::domain::instrument::built_in_scale_items("pulse");
        assert_eq!(items.len(), 14, "the pulse's statements");
        let mut form: Vec<(String, String)> = items.iter().map(|i| (format!("q.{i}"), value.clone())).collect();
        form.push(("q.comment".into(), comment));
        form.push(("csrf".into(), token));
        let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(c.post_raw(&format!("/surveys/{wave}"), &fields).await.status, 303);
    }
    let text = String::from_utf8(log.lock().unwrap().clone()).unwrap();
    assert!(text.contains(&format!("/surveys/{wave}")), "the requests were logged: the test sees the log");
    assert!(!text.contains("Hemmelig kommentar"), "no comment in the log");
    assert!(!text.contains("leader-support\":") && !text.contains("q.leader-support"), "no answer in the log");
    for (n, id) in team.iter().enumerate() {
        assert!(!text.contains(&format!("m{n}@etat.no")) && !text.contains(&format!("Nummer{n}")), "no respondent's address or name");
        // The sign-in is logged with the person; nothing about a survey is.
        for line in text.lines().filter(|l| l.contains("/surveys/") || l.contains("survey") || l.contains("wave")) {
            assert!(!line.contains(&format!("person={}", id.0)) && !line.contains(&format!("person_id={}", id.0)), "{line}");
        }
    }
});
