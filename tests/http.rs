//! The app over real HTTP, on SQLite and on PostgreSQL: sign-in, sessions, CSRF, access,
//! languages, the organisation pages and import.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Client, TestApp, TestDb};
use samspill::store;

on_both!(health_and_security_headers, |t: TestDb| async move {
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    let health = c.get("/healthz").await;
    assert_eq!((health.status, health.body.as_str()), (200, "ok"));

    let r = c.http.get(format!("{}/login", app.base)).send().await.unwrap();
    let h = r.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "same-origin");
    assert!(h.contains_key("x-request-id"));
    let cookie = h["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
});

on_both!(signed_out_visitor_goes_to_login_and_back, |t: TestDb| async move {
    t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    let r = c.get("/org/people?q=a").await;
    assert_eq!(r.status, 303);
    assert_eq!(r.location.as_deref(), Some("/login?next=%2Forg%2Fpeople%3Fq%3Da"));

    let login = c.get(r.location.as_deref().unwrap()).await;
    assert!(login.contains("value=\"/org/people?q=a\""));
    let token = login.csrf();
    let r = c
        .post_raw("/login", &[("csrf", &token), ("email", "hr@etat.no"), ("password", common::PASSWORD), ("next", "/org/people?q=a")])
        .await;
    assert_eq!((r.status, r.location.as_deref()), (303, Some("/org/people?q=a")));
    let people = c.get("/org/people?q=a").await;
    assert_eq!(people.status, 200);
    assert!(people.contains("Hanne Dahl"));
});

on_both!(wrong_password_and_unknown_email_get_the_same_answer_and_are_throttled, |t: TestDb| async move {
    t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    let wrong = c.post("/login", "/login", &[("email", "emma@etat.no"), ("password", "feil passord")]).await;
    let unknown = c.post("/login", "/login", &[("email", "ingen@etat.no"), ("password", "feil passord")]).await;
    assert_eq!((wrong.status, unknown.status), (200, 200));
    assert!(wrong.contains("Feil e-post eller passord.") && unknown.contains("Feil e-post eller passord."));
    assert!(wrong.contains("value=\"emma@etat.no\""), "the typed e-mail is kept");

    for _ in 0..4 {
        c.post("/login", "/login", &[("email", "emma@etat.no"), ("password", "feil passord")]).await;
    }
    let blocked = c.sign_in("emma@etat.no").await;
    assert_eq!(blocked.status, 200, "the right password is refused while the account is throttled");
    assert!(blocked.contains("For mange mislykkede forsøk"));
});

on_both!(missing_csrf_token_is_refused_with_an_explaining_page, |t: TestDb| async move {
    t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    c.get("/login").await;
    let r = c.post_raw("/login", &[("email", "emma@etat.no"), ("password", common::PASSWORD)]).await;
    assert_eq!(r.status, 403);
    assert!(r.contains("Skjemaet kunne ikke sendes") && r.contains("Prøv igjen"));
    let r = c.post_raw("/login", &[("csrf", &"0".repeat(64)), ("email", "emma@etat.no"), ("password", common::PASSWORD)]).await;
    assert_eq!(r.status, 403, "a wrong token is refused too");
    let from_page = c
        .http
        .post(format!("{}/settings/language", app.base))
        .header("referer", format!("{}/settings", app.base))
        .form(&[("language", "nn")])
        .send()
        .await
        .unwrap();
    assert_eq!(from_page.status().as_u16(), 403);
    assert!(from_page.text().await.unwrap().contains("href=\"/settings\""), "try again leads back to the form's page");

    let cross = c
        .http
        .post(format!("{}/login", app.base))
        .header("origin", "https://evil.example")
        .form(&[("csrf", c.get("/login").await.csrf().as_str()), ("email", "emma@etat.no"), ("password", common::PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status().as_u16(), 403, "a cross-site origin is refused");
});

on_both!(logout_ends_the_session, |t: TestDb| async move {
    t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    assert_eq!(c.sign_in("emma@etat.no").await.status, 303);
    assert_eq!(c.get("/").await.status, 200);
    let r = c.post("/", "/logout", &[]).await;
    assert_eq!(r.status, 303);
    assert_eq!(c.get("/").await.status, 303);
    assert_eq!(t.count_sessions().await, 0);
});

on_both!(roles_decide_what_each_person_reaches, |t: TestDb| async move {
    let hr = t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    let leader = t.person("2", "Lars Haugen", "lars@etat.no", Some(hr), false).await;
    t.person("3", "Emma Nilsen", "emma@etat.no", Some(leader), false).await;
    let app = TestApp::spawn(t.db.clone()).await;

    let employee = app.client();
    employee.sign_in("emma@etat.no").await;
    let home = employee.get("/").await;
    assert!(home.contains("Hei, Emma") && home.contains("Lars Haugen"));
    assert!(!home.contains("Teamet ditt") && !home.contains("href=\"/org\""));
    for path in ["/org", "/org/people", "/org/units", "/org/import", "/org/people/1"] {
        assert_eq!(employee.get(path).await.status, 403, "{path}");
    }
    let r = employee.post("/", "/org/units", &[("name", "Ny enhet")]).await;
    assert_eq!(r.status, 403);

    let lead = app.client();
    lead.sign_in("lars@etat.no").await;
    let home = lead.get("/").await;
    assert!(home.contains("Teamet ditt") && home.contains("Emma Nilsen"));
    assert_eq!(lead.get("/org").await.status, 403);

    let hr = app.client();
    hr.sign_in("hr@etat.no").await;
    assert_eq!(hr.get("/org").await.status, 200);
    let me = hr.get("/me").await;
    assert!(me.contains("hr@etat.no"));
});

on_both!(language_follows_setting_then_cookie_then_browser, |t: TestDb| async move {
    t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    assert!(c.get("/login").await.contains("<html lang=\"nb\""));
    let nn = c.get_with("/login", ("accept-language", "nn-NO,nn;q=0.9,en;q=0.5")).await;
    assert!(nn.contains("<html lang=\"nn\"") && nn.contains("Logg inn med e-postadressa"));

    let r = c.post("/login", "/language", &[("lang", "en"), ("return", "/login")]).await;
    assert_eq!((r.status, r.location.as_deref()), (303, Some("/login")));
    let en = c.get_with("/login", ("accept-language", "nn")).await;
    assert!(en.contains("<html lang=\"en\"") && en.contains("Sign in with your e-mail"), "the cookie beats the browser");

    c.sign_in("emma@etat.no").await;
    let r = c.post("/settings", "/settings/language", &[("language", "nn")]).await;
    assert_eq!(r.status, 303);
    let other_browser = app.client();
    other_browser.sign_in("emma@etat.no").await;
    let home = other_browser.get_with("/", ("accept-language", "en")).await;
    assert!(home.contains("<html lang=\"nn\"") && home.contains("Mi side"), "the setting follows the person");

    let missing = c.get("/finst-ikkje").await;
    assert_eq!(missing.status, 404);
    assert!(missing.contains("Fann ikkje sida"));
});

on_both!(two_app_processes_on_one_database_act_as_one, |t: TestDb| async move {
    t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let a = TestApp::spawn(t.db.clone()).await;
    let b = TestApp::spawn(t.second_pool().await).await;

    // Signed in on node A, the same browser cookies work on node B.
    let cookies = session_cookies(&a.base, "emma@etat.no").await;
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let r = http.get(format!("{}/", b.base)).header("cookie", &cookies).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200, "a session made on one node is valid on the other");
    assert!(r.text().await.unwrap().contains("Hei, Emma"));

    // Failed sign-ins counted on one node block the account on the other.
    let x = a.client();
    for _ in 0..5 {
        x.post("/login", "/login", &[("email", "emma@etat.no"), ("password", "feil passord")]).await;
    }
    let blocked = b.client().sign_in("emma@etat.no").await;
    assert!(blocked.contains("For mange mislykkede forsøk"));
});

/// Signs in over HTTP and returns the browser's cookies as a `Cookie` header.
async fn session_cookies(base: &str, email: &str) -> String {
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let login = http.get(format!("{base}/login")).send().await.unwrap();
    let csrf_cookie = login.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    let token = common::Page { status: 200, location: None, body: login.text().await.unwrap() }.csrf();
    let r = http
        .post(format!("{base}/login"))
        .header("cookie", &csrf_cookie)
        .form(&[("csrf", token.as_str()), ("email", email), ("password", common::PASSWORD), ("next", "/")])
        .send()
        .await
        .unwrap();
    let session = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("samspill_session="))
        .expect("a session cookie")
        .split(';')
        .next()
        .unwrap()
        .to_string();
    format!("{session}; {csrf_cookie}")
}

on_both!(hr_builds_the_organisation_by_hand, |t: TestDb| async move {
    t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    c.sign_in("hr@etat.no").await;

    assert_eq!(c.post("/org/locations", "/org/locations", &[("name", "Tromsø")]).await.status, 303);
    let dup = c.post("/org/locations", "/org/locations", &[("name", "tromsø")]).await;
    assert!(dup.contains("Det finnes allerede en lokasjon"));
    assert_eq!(c.post("/org/units", "/org/units", &[("name", "Avdeling Nord"), ("parent", "")]).await.status, 303);
    let units = c.get("/org/units").await;
    assert!(units.contains("Avdeling Nord"));

    // A form with a missing name and a bad e-mail comes back with errors and the typed input.
    let r = c
        .post("/org/people/new", "/org/people", &[("employee_number", "2"), ("name", ""), ("email", "lars@"), ("title", &"x".repeat(201))])
        .await;
    assert_eq!(r.status, 200);
    assert!(r.contains("Skjemaet har feil som må rettes") && r.contains("Fyll ut feltet.") && r.contains("Skriv en gyldig e-postadresse"));
    assert!(r.contains("Skriv høyst 200 tegn."));
    assert!(r.contains(">Navn: Fyll ut feltet.</a>"), "the summary names each field");
    assert!(r.contains("value=\"lars@\""), "input kept");
    assert_eq!(t.count_people().await, 1, "nothing saved");

    let r = c
        .post(
            "/org/people/new",
            "/org/people",
            &[
                ("employee_number", "2"),
                ("name", "Lars Haugen"),
                ("email", "lars@etat.no"),
                ("leader", "1"),
                ("day1", "on"),
                ("day5", "on"),
            ],
        )
        .await;
    assert_eq!((r.status, r.location.as_deref()), (303, Some("/org/people?saved=created")));
    let taken =
        c.post("/org/people/new", "/org/people", &[("employee_number", "2"), ("name", "Lars To"), ("email", "lars2@etat.no")]).await;
    assert!(taken.contains("En annen person har allerede dette ansattnummeret."));
    let list = c.get("/org/people?q=lars").await;
    assert!(list.contains("Lars Haugen") && list.contains("mandag, fredag") && !list.contains("href=\"/org/people/1\""));

    // Hanne reporting to Lars, who reports to Hanne, would be a cycle.
    let r = c
        .post(
            "/org/people/1",
            "/org/people/1",
            &[("employee_number", "1"), ("name", "Hanne Dahl"), ("email", "hr@etat.no"), ("leader", "2"), ("is_admin", "on")],
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.contains("ring i lederlinjen"));

    // HR cannot deactivate themselves; a leader with active reports waits until they have a new leader.
    let refused = c.post("/org/people/1", "/org/people/1/active", &[("active", "false")]).await;
    assert!(refused.contains("Du kan ikke deaktivere deg selv."));
    let emma = [("employee_number", "3"), ("name", "Emma Nilsen"), ("email", "emma@etat.no"), ("leader", "2")];
    assert_eq!(c.post("/org/people/new", "/org/people", &emma).await.status, 303);
    let refused = c.post("/org/people/2", "/org/people/2/active", &[("active", "false")]).await;
    assert!(refused.contains("Personen leder én aktiv person."));
    let r = c.post("/org/people/3", "/org/people/3/active", &[("active", "false")]).await;
    assert_eq!(r.status, 303);
    assert!(!c.get("/org/people").await.contains("Emma Nilsen"));
    assert!(c.get("/org/people?inactive=on").await.contains("Emma Nilsen"));
    assert_eq!(t.count_people().await, 3, "deactivated, never deleted");
});

const GOOD_CSV: &str = "ansattnummer;navn;epost;stilling;enhet;leder;lokasjon;hjemmekontordager\n\
1001;Liv Johansen;liv@etat.no;Direktør;Direktørens stab;;Oslo;\n\
1002;Lars Haugen;lars@etat.no;Avdelingsdirektør;Avdeling Nord;1001;Tromsø;\n\
1010;Emma Nilsen;emma@etat.no;Seniorrådgiver;Avdeling Nord/Team Tromsø;1002;Bodø;man fre\n";

on_both!(import_on_the_web_is_all_or_nothing_and_idempotent, |t: TestDb| async move {
    t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    c.sign_in("hr@etat.no").await;
    for name in ["Oslo", "Tromsø", "Bodø"] {
        c.post("/org/locations", "/org/locations", &[("name", name)]).await;
    }

    // Lines that cannot be read are listed first, each with its line and column.
    let bad = GOOD_CSV.replace("emma@etat.no", "emma-at-etat.no").replace("Tromsø;\n", "Tromsø;onsdag og torsdag\n");
    let r = c.upload(bad.as_bytes(), false).await;
    assert_eq!(r.status, 200);
    assert!(r.contains("Filen har 2 feil. Ingenting er endret."), "{}", r.body);
    assert!(r.contains("<tr><td class=\"num\">3</td><td>Hjemmekontordager"), "{}", r.body);
    assert!(r.contains("<tr><td class=\"num\">4</td><td>E-post</td><td>Skriv en gyldig e-postadresse"));
    // Lines that read well but do not fit the organisation come next.
    let r = c.upload(GOOD_CSV.replace(";Avdeling Nord;1001;", ";Avdeling Nord;9999;").as_bytes(), false).await;
    assert!(
        r.contains("Filen har én feil.")
            && r.contains("<td class=\"num\">3</td>")
            && r.contains("Finner ingen leder med ansattnummer 9999")
    );
    assert_eq!(t.count_people().await, 1);

    let preview = c.upload(GOOD_CSV.as_bytes(), false).await;
    assert!(preview.contains("3 nye personer") && preview.contains("Emma Nilsen (1010)"), "{}", preview.body);
    assert_eq!(t.count_people().await, 1, "a dry run writes no people");
    let action = preview.body.split("action=\"/org/import/").nth(1).unwrap().split('"').next().unwrap().to_string();
    let r = c.post_raw(&format!("/org/import/{action}"), &[("csrf", &preview.csrf())]).await;
    assert_eq!(r.status, 303);
    assert!(r.location.as_deref().unwrap().starts_with("/org/import?created=3"));
    assert_eq!(t.count_people().await, 4);
    let emma = c.get("/org/people?q=emma").await;
    assert!(emma.contains("Team Tromsø") && emma.contains("Lars Haugen") && emma.contains("på avstand"));

    let again = c.upload(GOOD_CSV.as_bytes(), false).await;
    assert!(again.contains("Filen stemmer med det som er lagret."));

    let no_file = c.upload_named(b"", "", false).await;
    assert!(no_file.contains("Velg en fil å laste opp."));
    let empty = c.upload(b"", false).await;
    assert!(empty.contains("Filen er tom eller har bare overskrifter."));
    let wrong_header = c.upload(b"navn,epost\nA,a@b.no\n", false).await;
    assert!(wrong_header.contains("Filen mangler påkrevde kolonner"));
    let latin1 = c.upload(b"ansattnummer;navn;epost;enhet;leder;lokasjon\n7;Bj\xf8rn;b@etat.no;A;;Oslo\n", false).await;
    assert!(latin1.contains("Linjen er ikke UTF-8"));
});

on_both!(a_large_upload_waits_in_parts_and_is_applied_whole, |t: TestDb| async move {
    t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    c.sign_in("hr@etat.no").await;
    c.post("/org/locations", "/org/locations", &[("name", "Oslo")]).await;
    // Over a megabyte, so the draft is kept in more than one part.
    let mut csv = String::from("ansattnummer;navn;epost;stilling;enhet;leder;lokasjon;hjemmekontordager\n");
    for i in 0..14_000 {
        csv.push_str(&format!("{};Person {i};person.{i}@etat.no;Rådgiver;Avdeling {}/Team {};;Oslo;man fre\n", 10_000 + i, i % 5, i % 50));
    }
    assert!(csv.len() > 1024 * 1024);
    let preview = c.upload(csv.as_bytes(), false).await;
    assert!(preview.contains("14000 nye personer") || preview.contains("14 000 nye personer"), "{}", preview.body);
    assert_eq!(t.count_people().await, 1);
    let action = preview.body.split("action=\"/org/import/").nth(1).unwrap().split('"').next().unwrap().to_string();
    let r = c.post_raw(&format!("/org/import/{action}"), &[("csrf", &preview.csrf())]).await;
    assert!(r.location.as_deref().unwrap().starts_with("/org/import?created=14000"), "{:?}", r.location);
    assert_eq!(t.count_people().await, 14_001);
});

on_both!(a_draft_belongs_to_its_uploader, |t: TestDb| async move {
    t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    t.person("2", "Tor Berg", "tor@etat.no", None, true).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let hanne = app.client();
    hanne.sign_in("hr@etat.no").await;
    for name in ["Oslo", "Tromsø", "Bodø"] {
        hanne.post("/org/locations", "/org/locations", &[("name", name)]).await;
    }
    let preview = hanne.upload(GOOD_CSV.as_bytes(), false).await;
    let action = preview.body.split("action=\"/org/import/").nth(1).unwrap().split('"').next().unwrap().to_string();
    let tor = app.client();
    tor.sign_in("tor@etat.no").await;
    let r = tor.post("/", &format!("/org/import/{action}"), &[]).await;
    assert_eq!(r.status, 404);
    assert_eq!(t.count_people().await, 2);
});

on_both!(a_lost_database_gives_a_localized_500_page_and_a_failing_health_check, |t: TestDb| async move {
    t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    c.sign_in("emma@etat.no").await;
    t.db.close().await;
    let page = c.get("/").await;
    assert_eq!(page.status, 500);
    assert!(page.contains("Noe gikk galt hos oss") && page.contains("Ingenting av det du sendte er lagret halvveis"));
    assert!(!page.contains("pool") && !page.contains("sqlx"), "no internals shown");
    assert_eq!(c.get("/healthz").await.status, 503);
});

on_both!(units_move_but_never_under_themselves_and_only_empty_ones_deactivate, |t: TestDb| async move {
    t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    c.sign_in("hr@etat.no").await;
    c.post("/org/units", "/org/units", &[("name", "Avdeling Nord"), ("parent", "")]).await;
    c.post("/org/units", "/org/units", &[("name", "Team Tromsø"), ("parent", "1")]).await;
    c.post("/org/units", "/org/units", &[("name", "Avdeling Sør"), ("parent", "")]).await;

    let cycle = c.post("/org/units/1", "/org/units/1", &[("name", "Avdeling Nord"), ("parent", "2")]).await;
    assert_eq!(cycle.status, 200);
    assert!(cycle.contains("En enhet kan ikke ligge under seg selv"));
    let moved = c.post("/org/units/2", "/org/units/2", &[("name", "Team Tromsø"), ("parent", "3")]).await;
    assert_eq!(moved.status, 303);
    let mut conn = t.db.conn().await.unwrap();
    let units = store::units::all(conn.ex()).await.unwrap();
    assert_eq!(units.iter().find(|u| u.id == 2).unwrap().parent_id, Some(3));
    drop(conn);

    let not_empty = c.post("/org/units/3", "/org/units/3/active", &[("active", "false")]).await;
    assert!(not_empty.contains("Enheten har personer eller aktive underenheter"));
    assert_eq!(c.post("/org/units/2", "/org/units/2/active", &[("active", "false")]).await.status, 303);
    assert!(c.get("/org/units").await.contains("Deaktivert"));

    // Odd search input and a page past the end are answered, not failed.
    let odd = c.get("/org/people?q=%25_%27&page=99&unit=x").await;
    assert_eq!(odd.status, 200);
    assert!(odd.contains("0 personer"), "{}", odd.body);
    let past_end = c.get("/org/people?page=99").await;
    assert!(past_end.contains("Hanne Dahl"));
});

on_both!(a_new_password_ends_the_other_sessions_and_wrong_guesses_are_throttled, |t: TestDb| async move {
    t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let here = app.client();
    let elsewhere = app.client();
    here.sign_in("emma@etat.no").await;
    elsewhere.sign_in("emma@etat.no").await;
    let r = here
        .post(
            "/settings",
            "/settings/password",
            &[("current", common::PASSWORD), ("new", "et nytt langt passord"), ("repeat", "et nytt langt passord")],
        )
        .await;
    assert_eq!((r.status, r.location.as_deref()), (303, Some("/settings?saved=password")));
    assert!(here.get("/settings?saved=password").await.contains("Andre økter er logget ut."));
    assert_eq!(elsewhere.get("/").await.status, 303, "the other browser is signed out");

    for _ in 0..5 {
        let wrong = here
            .post(
                "/settings",
                "/settings/password",
                &[("current", "gjetning"), ("new", "x".repeat(12).as_str()), ("repeat", "x".repeat(12).as_str())],
            )
            .await;
        assert_eq!(wrong.status, 200);
    }
    let blocked = here
        .post(
            "/settings",
            "/settings/password",
            &[("current", "et nytt langt passord"), ("new", "enda et langt passord"), ("repeat", "enda et langt passord")],
        )
        .await;
    assert!(blocked.contains("For mange mislykkede forsøk"), "guessing the current password is throttled like sign-in");
});

on_both!(saving_a_person_keeps_a_workplace_deactivated_since, |t: TestDb| async move {
    t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    c.sign_in("hr@etat.no").await;
    c.post("/org/locations", "/org/locations", &[("name", "Vadsø")]).await;
    let ida = [("employee_number", "2"), ("name", "Ida Mathisen"), ("email", "ida@etat.no"), ("location", "1")];
    assert_eq!(c.post("/org/people/new", "/org/people", &ida).await.status, 303);
    assert_eq!(c.post("/org/locations/1", "/org/locations/1/active", &[("active", "false")]).await.status, 303);

    let form = c.get("/org/people/2").await;
    assert!(form.contains("<option value=\"1\" selected>Vadsø (deaktivert)</option>"), "{}", form.body);
    assert!(!c.get("/org/people/new").await.contains("Vadsø"), "not offered to others");
    assert_eq!(c.post("/org/people/2", "/org/people/2", &ida).await.status, 303, "saving unchanged is allowed");
    let other = [("employee_number", "3"), ("name", "Per Olsen"), ("email", "per@etat.no"), ("location", "1")];
    assert!(c.post("/org/people/new", "/org/people", &other).await.contains("Velg en aktiv lokasjon."));
    assert!(c.get("/org/people?q=ida").await.contains("Vadsø"));
});

on_both!(an_end_date_is_shown_the_norwegian_way, |t: TestDb| async move {
    t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    c.sign_in("hr@etat.no").await;
    c.post("/org/locations", "/org/locations", &[("name", "Oslo")]).await;
    let csv = "ansattnummer;navn;epost;enhet;leder;lokasjon;sluttdato\n2;Sara Slutter;sara@etat.no;Stab;;Oslo;31.12.2099\n";
    let preview = c.upload(csv.as_bytes(), false).await;
    let action = preview.body.split("action=\"/org/import/").nth(1).unwrap().split('"').next().unwrap().to_string();
    c.post_raw(&format!("/org/import/{action}"), &[("csrf", &preview.csrf())]).await;
    assert!(c.get("/org/people/2").await.contains("Sluttdato fra HR-systemet: 31. desember 2099."));
    c.post("/org/people/2", "/language", &[("lang", "en"), ("return", "/org/people/2")]).await;
    assert!(c.get("/org/people/2").await.contains("End date from the HR system: 31 December 2099."));
});

on_both!(the_leader_field_offers_a_bounded_search, |t: TestDb| async move {
    t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    let lars = t.person("2", "Lars Haugen", "lars@etat.no", None, false).await;
    for n in 0..30 {
        t.person(&format!("3{n:02}"), &format!("Kari Nordmann {n:02}"), &format!("kari{n}@etat.no"), None, false).await;
    }
    let emma = t.person("4", "Emma Nilsen", "emma@etat.no", Some(lars), false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    c.sign_in("hr@etat.no").await;

    // The form offers the current leader only, not everyone.
    let form = c.get(&format!("/org/people/{}", emma.0)).await;
    assert_eq!(leader_options(&form.body), 2, "no leader, and Lars");
    assert!(form.contains("Lars Haugen (2)"));

    // As typed (htmx): at most 20 matches, the chosen leader kept first and selected.
    let options = c.get(&format!("/org/people/leader-options?leader_q=kari&leader={}&person={}", lars.0, emma.0)).await;
    assert_eq!(options.status, 200);
    assert_eq!(options.body.matches("<option").count(), 1 + 1 + 20);
    assert!(options.contains(&format!("<option value=\"{}\" selected>Lars Haugen (2)</option>", lars.0)));
    assert!(options.contains("20 treff i listen.") && options.contains("De 20 første treffene vises"));
    let none = c.get("/org/people/leader-options?leader_q=zzz").await;
    assert!(none.contains("Ingen treff"));
    let own = c.get(&format!("/org/people/leader-options?leader_q=emma&person={}", emma.0)).await;
    assert!(!own.contains("Emma Nilsen"), "a person cannot lead themselves");

    // Without JavaScript: "Søk" shows the form again with matches and what was typed, saving nothing.
    let token = form.csrf();
    let emma_path = format!("/org/people/{}", emma.0);
    let searched = c
        .post_raw(
            &emma_path,
            &[
                ("csrf", &token),
                ("employee_number", "4"),
                ("name", "Emma Endret"),
                ("email", "emma@etat.no"),
                ("leader", &lars.0.to_string()),
                ("leader_q", "nordmann 07"),
                ("find", "leader"),
            ],
        )
        .await;
    assert_eq!(searched.status, 200);
    assert!(
        searched.contains("value=\"Emma Endret\"") && searched.contains("Kari Nordmann 07") && searched.contains("Ett treff i listen.")
    );
    let mut conn = t.db.conn().await.unwrap();
    assert_eq!(store::people::get(conn.ex(), emma).await.unwrap().unwrap().name, "Emma Nilsen", "nothing saved");

    // Choosing a match and saving works; an unknown or inactive leader is refused.
    let kari = searched
        .body
        .split("Kari Nordmann 07")
        .next()
        .unwrap()
        .rsplit("<option value=\"")
        .next()
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let save = |leader: String| {
        let (c, path, token) = (&c, emma_path.clone(), token.clone());
        async move {
            c.post_raw(
                &path,
                &[("csrf", &token), ("employee_number", "4"), ("name", "Emma Nilsen"), ("email", "emma@etat.no"), ("leader", &leader)],
            )
            .await
        }
    };
    assert_eq!(save(kari.clone()).await.status, 303);
    assert_eq!(store::people::get(conn.ex(), emma).await.unwrap().unwrap().leader_name.as_deref(), Some("Kari Nordmann 07"));
    assert!(save("999999".into()).await.contains("Velg en aktiv person som leder."));
});

/// How many options the person form's leader field offers.
fn leader_options(body: &str) -> usize {
    let start = body.find("id=\"f-leader\"").unwrap();
    let end = start + body[start..].find("</select>").unwrap();
    body[start..end].matches("<option").count()
}

// Each node keeps what its pages read under the data version that every request reads with its
// session (`store::cache`): a change made through another node, or straight in the database as
// the command line does, shows on the next page of every node, also while pages are being read
// as the changes are made.
on_both!(a_change_on_one_node_shows_on_every_node_at_once, |t: TestDb| async move {
    let hr = t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    let lars = t.person("2", "Lars Haugen", "lars@etat.no", Some(hr), false).await;
    let emma = t.person("3", "Emma Nilsen", "emma@etat.no", Some(lars), false).await;
    let (one, other) = (TestApp::spawn(t.db.clone()).await, TestApp::spawn(t.db.clone()).await);
    let (hr_here, hr_there, lars_here) = (one.client(), other.client(), one.client());
    hr_here.sign_in("hr@etat.no").await;
    hr_there.sign_in("hr@etat.no").await;
    lars_here.sign_in("lars@etat.no").await;
    let emma_path = format!("/org/people/{}", emma.0);
    for page in [lars_here.get("/").await, hr_here.get("/org/people").await, hr_here.get(&emma_path).await] {
        assert!(page.contains("Emma Nilsen"), "{}", page.body);
    }
    let rename = |name: String| {
        let (client, path, lars) =
            (Client { http: hr_there.http.clone(), base: hr_there.base.clone() }, emma_path.clone(), lars.0.to_string());
        async move {
            let form = [("employee_number", "3"), ("name", name.as_str()), ("email", "emma@etat.no"), ("leader", lars.as_str())];
            client.post(&path, &path, &form).await.status
        }
    };
    assert_eq!(rename("Emma Berg".into()).await, 303);
    for page in [lars_here.get("/").await, hr_here.get("/org/people").await, hr_here.get(&emma_path).await] {
        assert!(page.contains("Emma Berg") && !page.contains("Emma Nilsen"), "{}", page.body);
    }

    assert!(!hr_here.get("/org/units").await.contains("Avdeling Sør"));
    let mut c = t.db.conn().await.unwrap();
    store::units::insert(c.ex(), "Avdeling Sør", None).await.unwrap();
    drop(c);
    assert!(hr_here.get("/org/units").await.contains("Avdeling Sør"));

    // Renames on the other node while Lars reads Min side here: once they are done, the last
    // name stands in the database and on the page.
    let readers: Vec<_> = (0..12)
        .map(|_| {
            let (http, url) = (lars_here.http.clone(), format!("{}/", lars_here.base));
            tokio::spawn(async move { http.get(url).send().await.unwrap().status().as_u16() })
        })
        .collect();
    let renames: Vec<_> = (0..6).map(|i| tokio::spawn(rename(format!("Emma Nummer {i}")))).collect();
    for task in readers.into_iter().chain(renames) {
        assert!([200, 303].contains(&task.await.unwrap()));
    }
    let mut c = t.db.conn().await.unwrap();
    let name = store::people::get(c.ex(), emma).await.unwrap().unwrap().name;
    assert!(name.starts_with("Emma Nummer"), "{name}");
    let min_side = lars_here.get("/").await;
    assert!(min_side.contains(&name), "{name} on Min side: {}", min_side.body);
});
