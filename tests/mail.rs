//! E-mail through a real SMTP server on a socket, on both databases: what a message says and
//! to whom, in the recipient's language, never a note; the outbox through an outage, a refusal,
//! a restart and two senders at once, without a message lost or sent twice.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::smtp::{SmtpSink, closed_port};
use common::{Client, TestApp, TestDb};
use mail_parser::MimeHeaders;
use samspill::config::{MailArgs, SmtpUrl};
use samspill::domain::PersonId;
use samspill::domain::cadence;
use samspill::mail::{self, Mailer, Round};
use samspill::store::{self, Db};

async fn signed_in(app: &TestApp, email: &str) -> Client {
    let c = app.client();
    assert_eq!(c.sign_in(email).await.status, 303);
    c
}

fn mailer(url: &str) -> Mailer {
    let args = MailArgs { smtp_url: Some(SmtpUrl::parse(url).unwrap()), mail_from: Some("samspill <samspill@etat.no>".into()) };
    Mailer::from_args(&args).unwrap().unwrap()
}

struct Org {
    app: TestApp,
    leader: PersonId,
    employee: PersonId,
}

/// Lars leads Emma, who reads samspill in nynorsk; Hanne is HR.
async fn org(t: &TestDb) -> Org {
    let leader = t.person("2", "Lars Haugen", "lars@etat.no", None, false).await;
    let employee = t.person("3", "Emma Nilsen", "emma@etat.no", Some(leader), false).await;
    t.person("7", "Hanne Dahl", "hr@etat.no", None, true).await;
    let mut c = t.db.conn().await.unwrap();
    store::people::set_locale(c.ex(), employee, Some("nn")).await.unwrap();
    Org { app: TestApp::spawn(t.db.clone()).await, leader, employee }
}

/// Lars plans a conversation `days` ahead at 10:00; its id.
async fn plan(lars: &Client, employee: PersonId, days: i64) -> i64 {
    let day = cadence::date_of(store::now()).checked_add(jiff::Span::new().days(days)).unwrap().to_string();
    let with = employee.0.to_string();
    let form = [
        ("with", with.as_str()),
        ("template", "regular-follow-up"),
        ("date", day.as_str()),
        ("time", "10:00"),
        ("minutes", "45"),
        ("channel", "video"),
        ("place", "https://video.etat.no/lars"),
        ("cadence", "1m"),
    ];
    let page = lars.post(&format!("/conversations/new?with={with}"), "/conversations", &form).await;
    assert_eq!(page.status, 303, "{}", page.body);
    page.location.unwrap().trim_start_matches("/conversations/").split('?').next().unwrap().parse().unwrap()
}

/// Writes on the conversation's page (a note, an agenda item).
async fn work(c: &Client, path: &str, what: &str, text: &str) {
    let token = c.get(path).await.csrf();
    let page = c.post_raw(&format!("{path}/work"), &[("csrf", &token), ("what", what), ("text", text), ("version", "0")]).await;
    assert_eq!(page.status, 303, "{}", page.body);
}

async fn pending(db: &Db) -> Vec<store::outbox::PendingRow> {
    let mut c = db.conn().await.unwrap();
    store::outbox::pending(c.ex(), 1000, 0).await.unwrap()
}

on_both!(the_other_party_hears_in_their_language_and_never_a_note, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let emma = signed_in(&o.app, "emma@etat.no").await;
    let id = plan(&lars, o.employee, 10).await;
    let path = format!("/conversations/{id}");
    work(&lars, &path, "private", "HEMMELIG-PRIVAT").await;
    work(&lars, &path, "note", "FELLES-NOTAT").await;
    work(&emma, &path, "agenda", "AGENDAPUNKT").await;
    // Emma moves it: a new proposal to Lars, in bokmål; then Lars cancels: Emma hears, in nynorsk.
    let token = emma.get(&path).await.csrf();
    let day = cadence::date_of(store::now()).checked_add(jiff::Span::new().days(12)).unwrap().to_string();
    let page = emma
        .post_raw(&path, &[("csrf", &token), ("action", "move"), ("seen", "planned"), ("date", &day), ("time", "09:00"), ("minutes", "30")])
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let token = lars.get(&path).await.csrf();
    assert_eq!(lars.post_raw(&path, &[("csrf", &token), ("action", "cancel"), ("seen", "proposed")]).await.status, 303);

    let sink = SmtpSink::start().await;
    let round = mail::send_due(&t.db, &mailer(&sink.url()), store::now()).await.unwrap();
    assert_eq!(round, Round { sent: 3, failed: 0 });
    let got = sink.received();
    assert_eq!(got.len(), 3);
    let to_emma: Vec<_> = got.iter().filter(|m| m.to == ["emma@etat.no"]).collect();
    let to_lars: Vec<_> = got.iter().filter(|m| m.to == ["lars@etat.no"]).collect();
    assert_eq!((to_emma.len(), to_lars.len()), (2, 1), "each change to the party who did not make it");

    let invitation = to_emma[0].parsed();
    assert!(invitation.subject().unwrap().starts_with("Samtale med Lars Haugen"), "{:?}", invitation.subject());
    let text = invitation.body_text(0).unwrap();
    assert!(text.contains("Hei, Emma Nilsen!") && text.contains("har planlagt ein samtale med deg"), "nynorsk: {text}");
    assert!(text.contains("https://video.etat.no/lars") && text.contains(&format!("{}/conversations/{id}", o.app.base)), "{text}");
    let html = invitation.body_html(0).unwrap();
    assert!(html.contains("lang=\"nn\"") && html.contains(&format!("href=\"{}/conversations/{id}\"", o.app.base)), "{html}");
    assert!(invitation.message_id().unwrap().ends_with("@etat.no"));
    assert_eq!(invitation.from().unwrap().first().unwrap().address().unwrap(), "samspill@etat.no");

    let proposal = to_lars[0].parsed();
    assert!(proposal.subject().unwrap().starts_with("Forslag til samtale med Emma Nilsen"), "bokmål: {:?}", proposal.subject());
    assert!(proposal.body_text(0).unwrap().contains("09:00"), "the new time");
    let cancelled = to_emma[1].parsed();
    assert!(cancelled.subject().unwrap().starts_with("Avlyst: samtale med Lars Haugen"));
    for m in &got {
        let parsed = m.parsed();
        assert!(parsed.content_type().unwrap().subtype().unwrap().eq_ignore_ascii_case("alternative"), "plain text and HTML");
        for part in [parsed.body_text(0).unwrap(), parsed.body_html(0).unwrap()] {
            for secret in ["HEMMELIG-PRIVAT", "FELLES-NOTAT", "AGENDAPUNKT"] {
                assert!(!part.contains(secret), "{secret} in a message");
            }
        }
    }
    assert_eq!(mail::send_due(&t.db, &mailer(&sink.url()), store::now()).await.unwrap(), Round::default(), "nothing twice");
});

on_both!(reminders_and_nudges_go_out_once, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    let id = plan(&lars, o.employee, 10).await;
    let mut c = t.db.conn().await.unwrap();
    let conv = store::conversations::get(c.ex(), o.leader, id).await.unwrap().unwrap();
    drop(c);
    let base = samspill::config::origin_of(&o.app.base).ok();
    let key = samspill::web::keys::SigningKey::new(b"the survey key of this test");
    // Three days before: nothing yet (reminders go two days ahead); one day before: both.
    let q = mail::schedule::queue_due(&t.db, base.as_ref(), &key, conv.starts_at - 3 * 86_400).await.unwrap();
    assert_eq!(q.reminders, 0);
    let day_before = conv.starts_at - 86_400;
    assert_eq!(mail::schedule::queue_due(&t.db, base.as_ref(), &key, day_before).await.unwrap().reminders, 2);
    assert_eq!(mail::schedule::queue_due(&t.db, base.as_ref(), &key, day_before + 60).await.unwrap().reminders, 0, "once");
    // On a second node at the same moment: still once.
    let other = t.second_pool().await;
    let (a, b) = tokio::join!(
        mail::schedule::queue_due(&t.db, base.as_ref(), &key, day_before + 120),
        mail::schedule::queue_due(&other, base.as_ref(), &key, day_before + 120)
    );
    assert_eq!(a.unwrap().reminders + b.unwrap().reminders, 0);

    // Held, and then nothing planned for two months: both get one nudge.
    let token = lars.get(&format!("/conversations/{id}")).await.csrf();
    let page = lars.post_raw(&format!("/conversations/{id}"), &[("csrf", &token), ("action", "hold"), ("seen", "planned")]).await;
    assert_eq!(page.status, 303);
    let later = conv.starts_at + 62 * 86_400;
    let (a, b) = tokio::join!(
        mail::schedule::queue_due(&t.db, base.as_ref(), &key, later),
        mail::schedule::queue_due(&other, base.as_ref(), &key, later)
    );
    assert_eq!(a.unwrap().nudges + b.unwrap().nudges, 2, "one each, however many nodes look");
    assert_eq!(mail::schedule::queue_due(&t.db, base.as_ref(), &key, later + 86_400).await.unwrap().nudges, 0);

    let sink = SmtpSink::start().await;
    mail::send_due(&t.db, &mailer(&sink.url()), later).await.unwrap();
    let subjects: Vec<String> = sink.received().iter().map(|m| m.parsed().subject().unwrap().to_string()).collect();
    assert!(subjects.iter().any(|s| s.starts_with("Påminning: samtale med Lars Haugen")), "{subjects:?}");
    assert!(subjects.iter().any(|s| s.starts_with("Påminnelse: samtale med Emma Nilsen")), "{subjects:?}");
    assert!(subjects.contains(&"Tid for en oppfølgingssamtale med Emma Nilsen".to_string()), "{subjects:?}");
    assert!(subjects.contains(&"Tid for ein oppfølgingssamtale med Lars Haugen".to_string()), "{subjects:?}");
    assert_eq!(subjects.len(), 5, "the invitation, two reminders and two nudges: {subjects:?}");
});

on_both!(the_outbox_survives_an_outage_a_refusal_and_a_restart, |t: TestDb| async move {
    let o = org(&t).await;
    let lars = signed_in(&o.app, "lars@etat.no").await;
    plan(&lars, o.employee, 10).await;
    let now = store::now();

    // The SMTP server is down: the message stays, with the reason, for HR to see.
    let down = closed_port().await;
    let round = mail::send_due(&t.db, &mailer(&format!("smtp://{down}")), now).await.unwrap();
    assert_eq!(round, Round { sent: 0, failed: 1 });
    let waiting = pending(&t.db).await;
    assert_eq!((waiting.len(), waiting[0].attempts), (1, 1));
    assert!(waiting[0].last_error.is_some() && waiting[0].next_attempt_at >= now + 60, "{:?}", waiting[0]);
    let hr = signed_in(&o.app, "hr@etat.no").await;
    let page = hr.get("/org/mail").await;
    assert_eq!(page.status, 200);
    assert!(page.contains("emma@etat.no") && page.contains("Invitasjon til samtale") && page.contains("1 venter"), "{}", page.body);
    assert!(!page.contains("Samtale med Lars Haugen"), "HR does not read the message");
    assert_eq!(lars.get("/org/mail").await.status, 403);
    // Too soon for the next attempt.
    assert_eq!(mail::send_due(&t.db, &mailer(&format!("smtp://{down}")), now + 10).await.unwrap(), Round::default());

    // Up again, but refusing for now: a temporary failure, tried again later.
    let sink = SmtpSink::start_at(down).await;
    sink.refuse(true);
    assert_eq!(mail::send_due(&t.db, &mailer(&sink.url()), now + 61).await.unwrap(), Round { sent: 0, failed: 1 });
    assert!(pending(&t.db).await[0].last_error.as_deref().unwrap().contains("451"));

    // A sender claims it and dies before sending: nobody else sends it while the claim holds.
    sink.refuse(false);
    {
        let mut c = t.db.conn().await.unwrap();
        assert_eq!(store::outbox::claim(c.ex(), now + 3600, now + 3600 + 300, 20).await.unwrap().len(), 1);
    }
    // A restart: a new pool and a new sender on the same database.
    let restarted = t.second_pool().await;
    assert_eq!(mail::send_due(&restarted, &mailer(&sink.url()), now + 3600).await.unwrap(), Round::default());
    assert_eq!(mail::send_due(&restarted, &mailer(&sink.url()), now + 3600 + 301).await.unwrap(), Round { sent: 1, failed: 0 });
    assert_eq!(mail::send_due(&restarted, &mailer(&sink.url()), now + 7200).await.unwrap(), Round::default());
    assert_eq!(sink.received().len(), 1, "sent once");
    assert!(pending(&t.db).await.is_empty());
    assert!(hr.get("/org/mail").await.contains("Ingen e-post venter"));
});

on_both!(two_senders_at_once_send_each_message_once, |t: TestDb| async move {
    let o = org(&t).await;
    let mut c = t.db.conn().await.unwrap();
    let to = mail::recipient(c.ex(), o.employee).await.unwrap().unwrap();
    let now = store::now();
    for n in 0..45 {
        let m = samspill::mail::compose::Mail {
            kind: samspill::domain::mail::Kind::Reminder,
            subject: format!("Melding {n}"),
            text: "tekst".into(),
            html: "<p>tekst</p>".into(),
        };
        assert!(mail::queue(c.ex(), &format!("test:{n}"), &to, &m, now).await.unwrap());
        assert!(!mail::queue(c.ex(), &format!("test:{n}"), &to, &m, now).await.unwrap(), "an event is queued once");
    }
    drop(c);
    let sink = SmtpSink::start().await;
    let other = t.second_pool().await;
    let (a, b) = (mailer(&sink.url()), mailer(&sink.url()));
    let mut sent = 0;
    for _ in 0..3 {
        let (x, y) = tokio::join!(mail::send_due(&t.db, &a, now), mail::send_due(&other, &b, now));
        sent += x.unwrap().sent + y.unwrap().sent;
    }
    assert_eq!(sent, 45);
    let mut subjects: Vec<String> = sink.received().iter().map(|m| m.parsed().subject().unwrap().to_string()).collect();
    subjects.sort();
    subjects.dedup();
    assert_eq!((subjects.len(), sink.received().len()), (45, 45), "each message once");
});

on_both!(hr_sets_the_default_cadence_reminders_and_distance, |t: TestDb| async move {
    let o = org(&t).await;
    let hr = signed_in(&o.app, "hr@etat.no").await;
    let page = hr.get("/org/settings").await;
    assert_eq!(page.status, 200);
    assert!(page.contains("value=\"90\""), "the defaults: {}", page.body);
    let bad = hr
        .post(
            "/org/settings",
            "/org/settings",
            &[("cadence", "2w"), ("reminder_days", "30"), ("distant_cadences", "3"), ("in_person_days", "tja"), ("threshold", "5")],
        )
        .await;
    assert_eq!(bad.status, 200);
    assert!(bad.contains("Skriv et helt tall fra 0 til 14.") && bad.contains("Skriv et helt tall fra 14 til 730."), "{}", bad.body);
    assert!(bad.contains("value=\"tja\"") && bad.contains("value=\"30\""), "what was typed stays");
    let mut c = t.db.conn().await.unwrap();
    assert_eq!(store::settings::get(c.ex()).await.unwrap(), Default::default(), "nothing saved");
    let ok = hr
        .post(
            "/org/settings",
            "/org/settings",
            &[("cadence", "2w"), ("reminder_days", "1"), ("distant_cadences", "3"), ("in_person_days", "60"), ("threshold", "6")],
        )
        .await;
    assert_eq!(ok.status, 303);
    let saved = store::settings::get(c.ex()).await.unwrap();
    assert_eq!(
        (saved.default_cadence.code(), saved.reminder_days, saved.distance.cadences, saved.distance.in_person_days),
        ("2w".into(), 1, 3, 60)
    );
    // A pair without a cadence of its own now follows the new default.
    let lars = signed_in(&o.app, "lars@etat.no").await;
    assert!(lars.get("/conversations").await.contains("Hver 2. uke"));
    assert_eq!(lars.get("/org/settings").await.status, 403);
});

on_both!(a_failing_server_stops_the_batch_and_an_unknown_mailbox_stops_only_its_message, |t: TestDb| async move {
    let o = org(&t).await;
    let mut c = t.db.conn().await.unwrap();
    let emma = mail::recipient(c.ex(), o.employee).await.unwrap().unwrap();
    let now = store::now();
    for (n, address) in ["emma@etat.no", "gone@etat.no", "lars@etat.no"].into_iter().enumerate() {
        let to = mail::compose::Recipient { email: address.to_string(), ..emma.clone() };
        let m = mail::compose::Mail {
            kind: samspill::domain::mail::Kind::Reminder,
            subject: format!("Melding {n}"),
            text: "tekst".into(),
            html: "<p>tekst</p>".into(),
        };
        mail::queue(c.ex(), &format!("test:{n}"), &to, &m, now).await.unwrap();
    }
    drop(c);
    // "Try later" from the server: one message is tried, the others wait with it.
    let sink = SmtpSink::start().await;
    sink.refuse(true);
    assert_eq!(mail::send_due(&t.db, &mailer(&sink.url()), now).await.unwrap(), Round { sent: 0, failed: 3 });
    assert_eq!(sink.begun(), 1, "the batch stops at the server's first failure");
    assert!(pending(&t.db).await.iter().all(|m| m.last_error.as_deref().unwrap_or("").contains("451")));
    // An unknown mailbox is refused for good: only that message waits; the others go.
    sink.refuse(false);
    sink.refuse_recipient("gone@etat.no");
    assert_eq!(mail::send_due(&t.db, &mailer(&sink.url()), now + 3600).await.unwrap(), Round { sent: 2, failed: 1 });
    let waiting = pending(&t.db).await;
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].recipient, "gone@etat.no");
    assert!(waiting[0].last_error.as_deref().unwrap().contains("550"), "{:?}", waiting[0].last_error);
});

on_both!(hr_pages_through_a_long_outbox_oldest_first, |t: TestDb| async move {
    let o = org(&t).await;
    let mut c = t.db.conn().await.unwrap();
    let now = store::now();
    for i in 0..30 {
        let key = format!("test-{i}");
        let recipient = format!("person{i:02}@etat.no");
        let m = store::outbox::NewMessage {
            event_key: &key,
            person: o.employee,
            recipient: &recipient,
            kind: "invitation",
            subject: "Samtale",
            body_text: "Tekst",
            body_html: "<p>Tekst</p>",
        };
        assert!(store::outbox::queue(c.ex(), &m, now + i).await.unwrap());
    }
    drop(c);
    let hr = signed_in(&o.app, "hr@etat.no").await;
    let first = hr.get("/org/mail").await;
    assert!(first.contains("30 venter") && first.contains("Side 1 av 2"), "{}", first.body);
    assert!(first.contains("person00@etat.no") && first.contains("person24@etat.no") && !first.contains("person25@etat.no"));
    assert!(first.contains("href=\"/org/mail?page=2\""));
    let second = hr.get("/org/mail?page=2").await;
    assert!(second.contains("person25@etat.no") && second.contains("person29@etat.no") && !second.contains("person24@etat.no"));
    assert!(second.contains("Side 2 av 2") && second.contains("href=\"/org/mail?page=1\""));
    for odd in ["99", "-3", "abc", "99999999999999999999"] {
        let page = hr.get(&format!("/org/mail?page={odd}")).await;
        assert_eq!(page.status, 200, "page={odd}");
    }
    assert!(hr.get("/org/mail?page=99").await.contains("person29@etat.no"), "past the end: the last page");
});
