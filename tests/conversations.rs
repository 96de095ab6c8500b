//! Samtaler over HTTP on both databases: who plans and confirms, who sees a conversation, bad
//! times, and two parties changing one conversation at the same moment.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Client, TestApp, TestDb};
use samspill::domain::PersonId;
use samspill::domain::cadence;

async fn signed_in(app: &TestApp, email: &str) -> Client {
    let c = app.client();
    assert_eq!(c.sign_in(email).await.status, 303);
    c
}

/// Tomorrow at `hour` in Oslo, as the form takes it.
fn tomorrow() -> (String, String) {
    let day = cadence::date_of(samspill::store::now()).tomorrow().unwrap();
    (day.to_string(), "10:00".to_string())
}

fn id_of(location: &str) -> i64 {
    location.trim_start_matches("/conversations/").split('?').next().unwrap().parse().unwrap()
}

struct Org {
    app: TestApp,
    employee: PersonId,
    colleague: PersonId,
}

async fn org(t: &TestDb) -> Org {
    let top = t.person("1", "Liv Johansen", "liv@etat.no", None, false).await;
    let leader = t.person("2", "Lars Haugen", "lars@etat.no", Some(top), false).await;
    let employee = t.person("3", "Emma Nilsen", "emma@etat.no", Some(leader), false).await;
    let colleague = t.person("4", "Ida Mathisen", "ida@etat.no", Some(leader), false).await;
    let other_leader = t.person("5", "Øyvind Strand", "oyvind@etat.no", Some(top), false).await;
    t.person("6", "Per Olsen", "per@etat.no", Some(other_leader), false).await;
    t.person("7", "Hanne Dahl", "hr@etat.no", None, true).await;
    Org { app: TestApp::spawn(t.db.clone()).await, employee, colleague }
}

on_both!(a_leader_plans_an_employee_proposes_and_only_the_pair_sees_it, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let emma = signed_in(&o.app, "emma@etat.no").await;
    let (date, time) = tomorrow();
    let with = o.employee.0.to_string();
    let form = |with: &str| {
        vec![
            ("with", with.to_string()),
            ("template", "regular-follow-up".to_string()),
            ("date", date.clone()),
            ("time", time.clone()),
            ("minutes", "45".to_string()),
            ("channel", "video".to_string()),
            ("place", "https://video.etat.no/lars".to_string()),
            ("cadence", "6w".to_string()),
        ]
    };
    let fields = form(&with);
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let page = lars.post(&format!("/conversations/new?with={with}"), "/conversations", &pairs).await;
    assert_eq!(page.status, 303, "{}", page.body);
    let planned = id_of(page.location.as_deref().unwrap());
    let path = format!("/conversations/{planned}");
    let page = emma.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Samtale med Lars Haugen") && page.contains("Planlagt") && page.contains("Status for"), "{}", page.body);
    let home = emma.get("/").await;
    assert!(home.contains("Neste samtale med lederen din") && home.contains(&format!("href=\"{path}\"")), "Min side leads to it");
    assert!(!lars.get("/").await.contains("Neste samtale med lederen din"), "the leader's own, with their leader, is not planned");
    assert!(lars.get("/conversations").await.contains("Hver 6. uke"), "the cadence is the pair's");
    let report = format!("/team/{with}");
    assert!(lars.get(&report).await.contains(&format!("href=\"{path}\"")), "the report's page lists the pair's conversations");
    assert_eq!(signed_in(&o.app, "liv@etat.no").await.get(&report).await.status, 404, "not the leader's leader");

    // Nobody else sees it, whatever the id.
    for email in ["liv@etat.no", "oyvind@etat.no", "hr@etat.no", "ida@etat.no", "per@etat.no"] {
        let c = signed_in(&o.app, email).await;
        assert_eq!(c.get(&path).await.status, 404, "{email}");
        let token = c.get("/conversations").await.csrf();
        let page = c.post_raw(&path, &[("csrf", &token), ("action", "cancel"), ("seen", "planned")]).await;
        assert_eq!(page.status, 404, "{email} cannot change it");
    }
    assert_eq!(lars.get("/conversations/999999").await.status, 404);

    // Not one's report: no form, and a forged post plans nothing.
    let per = "6";
    assert_eq!(lars.get(&format!("/conversations/new?with={per}")).await.status, 404);
    let fields = form(per);
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(lars.post("/conversations", "/conversations", &pairs).await.status, 404);

    // The employee proposes; only the leader confirms.
    let fields = form("");
    let pairs: Vec<(&str, &str)> = fields.iter().filter(|(k, _)| *k != "cadence").map(|(k, v)| (*k, v.as_str())).collect();
    let page = emma.post("/conversations/new", "/conversations", &pairs).await;
    assert_eq!(page.status, 303, "{}", page.body);
    let proposed = format!("/conversations/{}", id_of(page.location.as_deref().unwrap()));
    let page = emma.post(&proposed, &proposed, &[("action", "confirm"), ("seen", "proposed")]).await;
    assert_eq!(page.status, 403);
    let page = lars.post(&proposed, &proposed, &[("action", "confirm"), ("seen", "proposed")]).await;
    assert_eq!(page.location.as_deref(), Some(format!("{proposed}?saved=planned").as_str()));
    let page = emma.post(&proposed, &proposed, &[("action", "hold"), ("seen", "planned")]).await;
    assert_eq!(page.status, 303);
    let page = lars.post(&proposed, &proposed, &[("action", "cancel"), ("seen", "held")]).await;
    assert_eq!(page.status, 403, "a held conversation stays held");

    // A colleague's conversations are not in Emma's list.
    assert!(!emma.get("/conversations").await.contains("Ida"));
    let _ = o.colleague;
});

on_both!(bad_times_are_refused_with_the_form_kept, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let with = o.employee.0.to_string();
    let from = format!("/conversations/new?with={with}");
    let today = cadence::date_of(samspill::store::now());
    let yesterday = today.yesterday().unwrap().to_string();
    for (date, time, message) in [
        (yesterday.as_str(), "10:00", "Tidspunktet har vært"),
        ("2026-02-30", "10:00", "Skriv datoen som"),
        ("", "", "Fyll ut dato og klokkeslett"),
    ] {
        let page = lars
            .post(
                &from,
                "/conversations",
                &[
                    ("with", &with),
                    ("template", "listening-conversation"),
                    ("date", date),
                    ("time", time),
                    ("minutes", "45"),
                    ("channel", "phone"),
                    ("place", "Rom 2"),
                    ("cadence", "1m"),
                ],
            )
            .await;
        assert_eq!(page.status, 200, "{date} {time}");
        assert!(page.contains(message), "{date} {time}: {}", page.body);
        assert!(
            page.contains("value=\"Rom 2\"")
                && page.contains("value=\"listening-conversation\" id=\"f-template-listening-conversation\" checked")
        );
    }
    let (date, time) = tomorrow();
    let page = lars
        .post(
            &from,
            "/conversations",
            &[
                ("with", &with),
                ("template", "nonsense"),
                ("date", &date),
                ("time", &time),
                ("minutes", "7"),
                ("channel", "fax"),
                ("cadence", "9d"),
            ],
        )
        .await;
    assert_eq!(page.status, 200);
    for message in ["Velg en type samtale", "Velg en varighet", "Velg video, telefon", "Velg hvor ofte"] {
        assert!(page.contains(message), "{message}");
    }
    let mut c = t.db.conn().await.unwrap();
    let (mine, pairs) = samspill::store::conversations::index(c.ex(), o.employee, false).await.unwrap();
    assert!(pairs.is_empty(), "an employee's Samtaler lists no pairs");
    assert!(mine.conversations.is_empty(), "nothing was planned");
    assert_eq!(mine.leader_name.as_deref(), Some("Lars Haugen"), "the leader is named without a conversation");
});

on_both!(two_parties_changing_one_conversation_at_once_do_not_overwrite_each_other, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let emma = signed_in(&o.app, "emma@etat.no").await;
    let with = o.employee.0.to_string();
    let (date, time) = tomorrow();
    let page = lars
        .post(
            &format!("/conversations/new?with={with}"),
            "/conversations",
            &[
                ("with", &with),
                ("template", "regular-follow-up"),
                ("date", &date),
                ("time", &time),
                ("minutes", "30"),
                ("channel", "video"),
                ("cadence", "1m"),
            ],
        )
        .await;
    let path = format!("/conversations/{}", id_of(page.location.as_deref().unwrap()));
    let lars_token = lars.get(&path).await.csrf();
    let emma_token = emma.get(&path).await.csrf();
    // Lars cancels while Emma marks it held, both having seen it planned: one wins, the other is told.
    let cancel = [("csrf", lars_token.as_str()), ("action", "cancel"), ("seen", "planned")];
    let hold = [("csrf", emma_token.as_str()), ("action", "hold"), ("seen", "planned")];
    let (a, b) = tokio::join!(lars.post_raw(&path, &cancel), emma.post_raw(&path, &hold));
    let outcomes = [a.location.unwrap(), b.location.unwrap()];
    assert_eq!(outcomes.iter().filter(|l| l.ends_with("saved=stale")).count(), 1, "{outcomes:?}");
    assert_eq!(outcomes.iter().filter(|l| l.ends_with("saved=cancelled") || l.ends_with("saved=held")).count(), 1, "{outcomes:?}");
});

/// Plans a conversation `days` ahead between Lars and Emma; its path.
async fn planned(lars: &Client, employee: PersonId, days: i64) -> String {
    let day = cadence::date_of(samspill::store::now()).checked_add(jiff::Span::new().days(days)).unwrap().to_string();
    let with = employee.0.to_string();
    let page = lars
        .post(
            &format!("/conversations/new?with={with}"),
            "/conversations",
            &[
                ("with", &with),
                ("template", "regular-follow-up"),
                ("date", &day),
                ("time", "09:00"),
                ("minutes", "45"),
                ("channel", "video"),
                ("cadence", "1m"),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    format!("/conversations/{}", id_of(page.location.as_deref().unwrap()))
}

async fn work(c: &Client, path: &str, fields: &[(&str, &str)]) -> common::Page {
    let mut form = vec![];
    form.extend_from_slice(fields);
    c.post(path, &format!("{path}/work"), &form).await
}

on_both!(notes_agenda_and_actions_follow_the_pair, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let emma = signed_in(&o.app, "emma@etat.no").await;
    let first = planned(&lars, o.employee, 2).await;
    let second = planned(&lars, o.employee, 30).await;

    // Both add to the agenda; a point is marked discussed.
    assert_eq!(work(&emma, &first, &[("what", "agenda"), ("text", "Kurs i klarspråk")]).await.status, 303);
    assert_eq!(work(&lars, &first, &[("what", "agenda"), ("text", "Ferieavvikling")]).await.status, 303);
    let page = work(&lars, &first, &[("what", "agenda"), ("text", "   ")]).await;
    assert!(page.contains("Skriv punktet."), "an empty point is refused");
    let page = emma.get(&first).await;
    let (a, b) = (page.body.find("Kurs i klarspråk").unwrap(), page.body.find("Ferieavvikling").unwrap());
    assert!(a < b, "in the order added");

    // Private notes: each sees only their own.
    work(&lars, &first, &[("what", "private"), ("text", "Virker sliten, følg opp")]).await;
    work(&emma, &first, &[("what", "private"), ("text", "Spør om hjemmekontor")]).await;
    assert!(lars.get(&first).await.contains("Virker sliten"));
    let page = emma.get(&first).await;
    assert!(page.contains("Spør om hjemmekontor") && !page.contains("Virker sliten"), "never the other's private note");
    assert!(!lars.get(&first).await.contains("Spør om hjemmekontor"));

    // The shared note: a save on an older version shows both texts and overwrites nothing.
    let page = work(&lars, &first, &[("what", "note"), ("version", "0"), ("text", "Lars sin tekst")]).await;
    assert_eq!(page.status, 303);
    let page = work(&emma, &first, &[("what", "note"), ("version", "0"), ("text", "Emmas tekst")]).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Lars sin tekst") && page.contains("Emmas tekst"), "both texts, for Emma to combine");
    let mut c = t.db.conn().await.unwrap();
    let id = first.trim_start_matches("/conversations/").parse::<i64>().unwrap();
    assert_eq!(samspill::store::conversations::shared_note(c.ex(), id).await.unwrap(), ("Lars sin tekst".to_string(), 1));
    let page = work(&emma, &first, &[("what", "note"), ("version", "1"), ("text", "Lars sin tekst. Emmas tekst")]).await;
    assert_eq!(page.status, 303);

    // Actions carry over to the next conversation until done.
    work(&lars, &first, &[("what", "action"), ("text", "Melde på kurs"), ("owner", "other"), ("due", "")]).await;
    work(&lars, &first, &[("what", "action"), ("text", "Avklare ferie"), ("owner", "me"), ("due", "2031-01-10")]).await;
    let page = work(&lars, &first, &[("what", "action"), ("text", "Uten frist"), ("owner", "me"), ("due", "10.01.2031")]).await;
    assert!(page.contains("Skriv fristen som"), "a due date that cannot be read is refused");
    let page = emma.get(&second).await;
    assert!(page.contains("Melde på kurs") && page.contains("Avklare ferie") && page.contains("fra før"));
    let row = samspill::store::conversations::get(c.ex(), o.employee, id).await.unwrap().unwrap();
    let actions = samspill::store::conversations::work(c.ex(), &row, o.employee).await.unwrap().actions;
    let course = actions.iter().find(|a| a.text == "Melde på kurs").unwrap();
    assert_eq!(course.owner_id, o.employee.0, "\"the other\" of the leader is the employee");
    // The page reads the conversation and its work in one statement: the same as read apart,
    // for each of the pair (each with their own private note), and nothing for anyone else.
    for reader in [o.employee, PersonId(row.leader_id)] {
        let apart = samspill::store::conversations::work(c.ex(), &row, reader).await.unwrap();
        let together = samspill::store::conversations::get_with_work(c.ex(), reader, id).await.unwrap().unwrap();
        assert_eq!(format!("{:?}", (&row, &apart)), format!("{:?}", (&together.0, &together.1)));
    }
    assert!(samspill::store::conversations::get_with_work(c.ex(), o.colleague, id).await.unwrap().is_none());
    assert!(emma.get("/").await.contains("Du har ett åpent tiltak."), "Min side counts the actions each owns");
    assert!(lars.get("/").await.contains("Du har ett åpent tiltak."), "and Lars his one");
    let course = course.id.to_string();
    assert_eq!(work(&emma, &second, &[("what", "done"), ("item", &course), ("on", "1")]).await.status, 303);
    let page = emma.get(&second).await;
    assert!(!page.contains("Melde på kurs") && page.contains("Avklare ferie"), "done: no longer carried");
    assert!(emma.get(&first).await.contains("Melde på kurs"), "still shown where it was agreed");

    // Someone else's conversation, or an item of another: 404, nothing changed.
    let ida = signed_in(&o.app, "ida@etat.no").await;
    let token = ida.get("/conversations").await.csrf();
    for fields in [
        vec![("what", "agenda"), ("text", "x")],
        vec![("what", "private"), ("text", "x")],
        vec![("what", "done"), ("item", &course), ("on", "0")],
    ] {
        let mut form = vec![("csrf", token.as_str())];
        form.extend(fields);
        assert_eq!(ida.post_raw(&format!("{first}/work"), &form).await.status, 404);
    }
    let foreign = [("what", "discussed"), ("item", "999999"), ("on", "1")];
    assert_eq!(work(&lars, &first, &foreign).await.status, 404);
    let _ = o.colleague;
});

on_both!(the_contact_overview_is_the_leaders_own_and_logging_contact_is_for_the_pair, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let emma = signed_in(&o.app, "emma@etat.no").await;
    let liv = signed_in(&o.app, "liv@etat.no").await;

    let page = lars.get("/team").await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Emma Nilsen") && page.contains("Ida Mathisen") && !page.contains("Per Olsen"));
    // Liv leads Lars and Øyvind: she sees them, never their reports or their conversations.
    let page = liv.get("/team").await;
    assert!(page.contains("Lars Haugen") && !page.contains("Emma Nilsen"));
    assert_eq!(emma.get("/team").await.status, 404, "not a leader");

    // A new pair with no contact for 90 days in person is distant; a gathering today ends that.
    let mut c = t.db.conn().await.unwrap();
    let long_ago = samspill::store::now() - 200 * 86_400;
    samspill::store::conversations::set_cadence(c.ex(), PersonId(2), o.employee, "1m", long_ago).await.unwrap();
    let row = |body: &str| body.split("<tr>").find(|r| r.contains("Emma Nilsen")).unwrap_or_default().to_string();
    let page = lars.get("/team").await;
    assert!(row(&page.body).contains(">fjern<") && row(&page.body).contains("Forsinket"), "{}", row(&page.body));
    let with = o.employee.0.to_string();
    let page = lars.post("/team", "/team/touchpoints", &[("with", &with), ("kind", "gathering"), ("channel", "in-person")]).await;
    let back = format!("/team?logged={with}&kind=gathering&channel=in-person");
    assert_eq!(page.location.as_deref(), Some(back.as_str()));
    let page = lars.get(&back).await;
    assert!(page.contains("Kontakten med Emma Nilsen er logget"), "{}", page.body);
    assert!(
        page.contains(r#"<option value="gathering" selected>"#) && page.contains(r#"<option value="in-person" selected>"#),
        "the kind and channel just logged are chosen for the next"
    );
    assert!(!row(&page.body).contains(">fjern<"), "{}", row(&page.body));
    assert!(row(&page.body).contains("Forsinket"), "a touchpoint is contact, not a follow-up conversation");

    // The employee logs contact with their own leader; nobody logs for someone else's pair.
    let page = emma.post("/conversations", "/team/touchpoints", &[("with", ""), ("kind", "informal"), ("channel", "video")]).await;
    assert_eq!(page.location.as_deref(), Some("/conversations?saved=contact"));
    let per = "6";
    assert_eq!(lars.post("/team", "/team/touchpoints", &[("with", per), ("kind", "informal"), ("channel", "video")]).await.status, 404);
    assert_eq!(lars.post("/team", "/team/touchpoints", &[("with", &with), ("kind", "nonsense"), ("channel", "video")]).await.status, 400);
    let _ = o.colleague;
});

/// Reads a calendar with Python's `icalendar` (Debian's python3-icalendar), an independent parser:
/// one line per event, "uid|sequence|status|dtstart as UTC ISO|summary".
fn parse_ics(ics: &str) -> Vec<String> {
    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
assert cal.get("VERSION") == "2.0", cal.get("VERSION")
for e in cal.walk("VEVENT"):
    start = e.decoded("DTSTART")
    assert start.utcoffset().total_seconds() == 0
    assert e.decoded("DTEND") > start
    print("|".join([str(e.get("UID")), str(e.get("SEQUENCE")), str(e.get("STATUS")), start.strftime("%Y-%m-%dT%H:%M"), str(e.get("SUMMARY"))]))
"#;
    use std::io::Write;
    let python = std::env::var("SAMSPILL_TEST_PYTHON").unwrap_or_else(|_| "/usr/bin/python3".into());
    let mut child = std::process::Command::new(python)
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 with icalendar (scripts/test.sh installs python3-icalendar)");
    child.stdin.take().unwrap().write_all(ics.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect()
}

on_both!(calendars_parse_back_and_a_revoked_address_is_gone, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let emma = signed_in(&o.app, "emma@etat.no").await;
    let first = planned(&lars, o.employee, 3).await;
    let second = planned(&lars, o.employee, 40).await;
    lars.post(&second, &second, &[("action", "cancel"), ("seen", "planned")]).await;

    // One conversation as a file, for its parties only.
    let page = emma.get(&format!("{first}/calendar")).await;
    assert_eq!(page.status, 200);
    let events = parse_ics(&page.body);
    let id = first.trim_start_matches("/conversations/");
    assert_eq!(events.len(), 1);
    assert!(events[0].starts_with(&format!("conversation-{id}@samspill|0|CONFIRMED|")), "{events:?}");
    assert!(events[0].ends_with("Oppfølgingssamtale med Lars Haugen"), "{events:?}");
    let ida = signed_in(&o.app, "ida@etat.no").await;
    assert_eq!(ida.get(&format!("{first}/calendar")).await.status, 404);

    work(&lars, &first, &[("what", "private"), ("text", "Virker sliten")]).await;
    work(&emma, &first, &[("what", "note"), ("version", "0"), ("text", "Felles notat her")]).await;

    // The feed: made on the calendar page, read without a session.
    let page = emma.post("/conversations/calendar", "/conversations/calendar", &[("action", "create")]).await;
    assert_eq!(page.status, 200);
    let address = page.body.split("<code class=\"calendar-address\">").nth(1).unwrap().split('<').next().unwrap().to_string();
    let path = address.split_once("/calendar/").map(|(_, t)| format!("/calendar/{t}")).unwrap();
    let anonymous = o.app.client();
    let feed = anonymous.get(&path).await;
    assert_eq!(feed.status, 200);
    let events = parse_ics(&feed.body);
    assert_eq!(events.len(), 2, "{events:?}");
    let cancelled = events.iter().find(|e| e.contains("|CANCELLED|")).expect("the cancelled one, so calendars remove it");
    assert!(cancelled.contains("|1|CANCELLED|"), "its SEQUENCE grew: {cancelled}");
    // The start is the Oslo time that was planned.
    let day = cadence::date_of(samspill::store::now()).checked_add(jiff::Span::new().days(3)).unwrap();
    let utc = jiff::Timestamp::from_second(cadence::moment(day, 9, 0).unwrap()).unwrap().strftime("%Y-%m-%dT%H:%M").to_string();
    assert!(events.iter().any(|e| e.contains(&format!("|CONFIRMED|{utc}|"))), "{events:?} {utc}");
    assert!(!feed.body.contains("Virker sliten") && !feed.body.contains("Felles notat"), "no note in a calendar");

    // Renewed: the old address is gone; revoked: the new one too.
    emma.post("/conversations/calendar", "/conversations/calendar", &[("action", "create")]).await;
    assert_eq!(anonymous.get(&path).await.status, 404);
    emma.post("/conversations/calendar", "/conversations/calendar", &[("action", "revoke")]).await;
    assert_eq!(anonymous.get("/calendar/0000000000000000000000000000000000000000000000000000000000000000.ics").await.status, 404);
    assert_eq!(anonymous.get("/calendar/not-a-token").await.status, 404);
});

on_both!(an_employee_attaches_a_result_they_share_and_only_while_they_share_it, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let emma = signed_in(&o.app, "emma@etat.no").await;
    let first = planned(&lars, o.employee, 2).await;
    // Emma has two results: one shared with Lars, one kept; Ida has one shared.
    let mut c = t.db.conn().await.unwrap();
    let now = samspill::store::now();
    let version = t.current_version("active-employeeship").await;
    let submitted = |person: PersonId| {
        let db = t.db.clone();
        async move {
            let mut c = db.conn().await.unwrap();
            let id = samspill::store::development::start(c.ex(), person, "active-employeeship", version, now).await.unwrap();
            assert!(samspill::store::development::submit(c.ex(), person, id, "{}", now).await.unwrap());
            id
        }
    };
    let shared = submitted(o.employee).await;
    let kept = submitted(o.employee).await;
    let idas = submitted(o.colleague).await;
    assert!(samspill::store::development::share(c.ex(), o.employee, shared, now).await.unwrap());
    assert!(samspill::store::development::share(c.ex(), o.colleague, idas, now).await.unwrap());

    let page = emma.get(&first).await;
    assert!(page.contains(&format!("<option value=\"{shared}\"")), "{}", page.body);
    assert!(!page.contains(&format!("<option value=\"{kept}\"")), "only what is shared");
    assert!(!lars.get(&first).await.contains("name=\"attempt\""), "the leader attaches nothing of hers");

    // What is not hers to attach, or not shared, is refused with the text kept.
    for (who, attempt) in [(&emma, kept), (&emma, idas), (&lars, shared)] {
        let page = work(who, &first, &[("what", "agenda"), ("text", "Se på dette"), ("attempt", &attempt.to_string())]).await;
        assert_eq!(page.status, 200);
        assert!(page.contains("Du kan bare legge ved resultater du deler med lederen din.") && page.contains("value=\"Se på dette\""));
    }
    // Attached without text: the result's name is the item, and each opens it where they may.
    assert_eq!(work(&emma, &first, &[("what", "agenda"), ("text", ""), ("attempt", &shared.to_string())]).await.status, 303);
    let theirs = format!("/team/{}/results/{shared}", o.employee.0);
    let page = lars.get(&first).await;
    assert!(page.contains(&format!("href=\"{theirs}\"")) && page.contains("Resultat: Aktivt medarbeiderskap"), "{}", page.body);
    assert_eq!(lars.get(&theirs).await.status, 200);
    assert!(emma.get(&first).await.contains(&format!("href=\"/development/results/{shared}\"")));
    let mut c = t.db.conn().await.unwrap();
    let conversation = samspill::store::conversations::get(c.ex(), o.employee, id_of(&first)).await.unwrap().unwrap();
    assert_eq!(
        samspill::store::conversations::work(c.ex(), &conversation, PersonId(conversation.employee_id)).await.unwrap().agenda.len(),
        1,
        "nothing refused was added"
    );

    // She stops sharing: the item stays, the link to it goes.
    samspill::store::development::unshare(c.ex(), o.employee, shared).await.unwrap();
    let page = lars.get(&first).await;
    assert!(!page.contains(&theirs) && page.contains("Aktivt medarbeiderskap"));
    assert_eq!(lars.get(&theirs).await.status, 404);
});

// The leader's lists read each pair's summary, which every write to the pair's conversations,
// contact and actions writes again: with both parties writing at the same moment, it still says
// what the pair's rows say.
on_both!(a_pairs_summary_keeps_up_with_writes_at_the_same_moment, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let emma = signed_in(&o.app, "emma@etat.no").await;
    let with = o.employee.0.to_string();
    let (first, second, third) =
        tokio::join!(planned(&lars, o.employee, 2), planned(&lars, o.employee, 30), planned(&lars, o.employee, 60));
    let touch = |c: &Client, from: &'static str, with: &str, channel: &'static str| {
        let form = [("with", with.to_string()), ("kind", "informal".to_string()), ("channel", channel.to_string())];
        let c = c.clone();
        async move {
            let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            assert_eq!(c.post(from, "/team/touchpoints", &fields).await.status, 303);
        }
    };
    let action = |c: &Client, path: &str, text: &'static str| {
        let (c, path) = (c.clone(), path.to_string());
        async move { assert_eq!(work(&c, &path, &[("what", "action"), ("text", text), ("owner", "me"), ("due", "")]).await.status, 303) }
    };
    let status = |c: &Client, path: &str, action: &'static str| {
        let (c, path) = (c.clone(), path.to_string());
        async move { assert_eq!(c.post(&path, &path, &[("action", action), ("seen", "planned")]).await.status, 303) }
    };
    tokio::join!(
        touch(&lars, "/team", &with, "video"),
        touch(&emma, "/conversations", "", "phone"),
        touch(&lars, "/team", &with, "in-person"),
        touch(&emma, "/conversations", "", "video"),
        action(&lars, &first, "Melde på kurs"),
        action(&emma, &first, "Avklare ferie"),
        action(&lars, &first, "Bestille skjerm"),
        action(&emma, &first, "Lese strategien"),
        status(&emma, &first, "hold"),
        status(&lars, &second, "cancel"),
    );
    let mut c = t.db.conn().await.unwrap();
    let id = |path: &str| path.trim_start_matches("/conversations/").parse::<i64>().unwrap();
    let held = samspill::store::conversations::get(c.ex(), o.employee, id(&first)).await.unwrap().unwrap();
    let next = samspill::store::conversations::get(c.ex(), o.employee, id(&third)).await.unwrap().unwrap();
    let actions = samspill::store::conversations::work(c.ex(), &held, o.employee).await.unwrap().actions;
    let (done, open) = (actions[0].id.to_string(), actions[1].id.to_string());
    // One action done, one opened again after it was done, and one more agreed, at once.
    work(&lars, &first, &[("what", "done"), ("item", &open), ("on", "1")]).await;
    tokio::join!(
        async { assert_eq!(work(&emma, &first, &[("what", "done"), ("item", &done), ("on", "1")]).await.status, 303) },
        async { assert_eq!(work(&lars, &first, &[("what", "done"), ("item", &open), ("on", "0")]).await.status, 303) },
        action(&emma, &first, "Sette opp fagdag"),
    );

    let pairs = samspill::store::conversations::pairs(c.ex(), PersonId(2)).await.unwrap();
    let emma_pair = &pairs.iter().find(|p| p.id == o.employee.0).unwrap().state;
    let today = samspill::store::today(samspill::store::now());
    assert_eq!(held.status, "held");
    assert_eq!((emma_pair.last_held, emma_pair.last_held_in_person), (Some(held.starts_at), None));
    assert_eq!(
        (emma_pair.next_id, emma_pair.next_at, emma_pair.next_status.as_deref()),
        (Some(next.id), Some(next.starts_at), Some("planned"))
    );
    assert_eq!(emma_pair.last_touch.as_deref(), Some(today.as_str()));
    assert_eq!(emma_pair.last_touch_in_person.as_deref(), Some(today.as_str()));
    assert_eq!(emma_pair.open_actions, 4, "five agreed, one done");
    let ida = &pairs.iter().find(|p| p.id == o.colleague.0).unwrap().state;
    assert_eq!((ida.last_held, ida.next_id, ida.last_touch.as_deref(), ida.open_actions), (None, None, None, 0), "a pair without contact");
});
