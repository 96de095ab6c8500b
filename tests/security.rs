//! Rules an attacker would test, each on SQLite and on PostgreSQL: sign-in throttling under
//! bursts, no lock-out by strangers, no caching of pages, CSRF tokens bound to the session,
//! bounded input, access decided before ids are read, and rules that hold when two writes arrive
//! at the same moment.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Client, Page, TestApp, TestDb};
use samspill::domain::PersonId;
use samspill::domain::throttle::{PER_ACCOUNT, PER_ACCOUNT_AND_ADDRESS, PER_ADDRESS, UNDER_ATTACK};
use samspill::store;

const INVALID: &str = "Feil e-post eller passord.";
const THROTTLED: &str = "For mange mislykkede forsøk";

/// A form post: the client that sends it, the address, the fields.
type Post = (reqwest::Client, String, Vec<(String, String)>);

/// Sends each form at the same moment, each through its own client; the pages in the same order.
async fn all_at_once(posts: Vec<Post>) -> Vec<Page> {
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(posts.len()));
    let tasks: Vec<_> = posts
        .into_iter()
        .map(|(http, url, form)| {
            let barrier = barrier.clone();
            tokio::spawn(async move {
                barrier.wait().await;
                let r = http.post(url).form(&form).send().await.unwrap();
                let status = r.status().as_u16();
                Page { status, location: None, body: r.text().await.unwrap() }
            })
        })
        .collect();
    let mut pages = Vec::new();
    for t in tasks {
        pages.push(t.await.unwrap());
    }
    pages
}

fn form(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Sends `count` sign-ins at the same moment from one client; `email(i)` names the account.
async fn burst(c: &Client, count: usize, email: impl Fn(usize) -> String, password: &str) -> Vec<Page> {
    let token = c.get("/login").await.csrf();
    let url = format!("{}/login", c.base);
    all_at_once(
        (0..count)
            .map(|i| (c.http.clone(), url.clone(), form(&[("csrf", &token), ("email", &email(i)), ("password", password)])))
            .collect(),
    )
    .await
}

/// A burst of `count` wrong guesses at `email`, then one at a time until refused: how many were
/// checked in all. A burst may be refused early (attempts that are refused after it count while
/// in flight), never late.
async fn guesses_allowed(c: &Client, count: usize, email: &str) -> usize {
    let pages = burst(c, count, |_| email.to_string(), "feil passord").await;
    assert_eq!(checked(&pages) + throttled(&pages), count);
    let mut total = checked(&pages);
    loop {
        let page = c.post("/login", "/login", &[("email", email), ("password", "feil passord")]).await;
        if page.contains(THROTTLED) {
            return total;
        }
        assert!(page.contains(INVALID));
        total += 1;
    }
}

/// One wrong guess at `email` from each address, one after another: how many were checked.
async fn one_guess_from_each(app: &TestApp, addresses: &[String], email: &str) -> usize {
    let mut checked = 0;
    for address in addresses {
        if app.client_at(address).post("/login", "/login", &[("email", email), ("password", "gjett")]).await.contains(INVALID) {
            checked += 1;
        }
    }
    checked
}

fn checked(pages: &[Page]) -> usize {
    pages.iter().filter(|p| p.contains(INVALID)).count()
}

fn throttled(pages: &[Page]) -> usize {
    pages.iter().filter(|p| p.contains(THROTTLED)).count()
}

on_both!(a_burst_at_one_account_gets_no_more_guesses_than_the_limit, |t: TestDb| async move {
    t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    assert_eq!(guesses_allowed(&c, 20, "emma@etat.no").await, PER_ACCOUNT_AND_ADDRESS as usize);
    // The right password from this address waits out the window as well.
    let right = c.sign_in("emma@etat.no").await;
    assert!(right.contains(THROTTLED));
});

on_both!(a_burst_from_one_address_gets_no_more_guesses_than_the_limit, |t: TestDb| async move {
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    let count = PER_ADDRESS as usize + 10;
    let pages = burst(&c, count, |i| format!("ingen{i}@etat.no"), "feil passord").await;
    let in_burst = checked(&pages);
    assert!((1..=PER_ADDRESS as usize).contains(&in_burst), "{in_burst} checked");
    assert_eq!(in_burst + throttled(&pages), count);
    // One at a time, the address gets what is left of its limit, and no more.
    let mut total = in_burst;
    for i in 0..count {
        let page = c.post("/login", "/login", &[("email", &format!("andre{i}@etat.no")), ("password", "feil passord")]).await;
        if page.contains(THROTTLED) {
            break;
        }
        total += 1;
    }
    assert_eq!(total, PER_ADDRESS as usize);
});

on_both!(a_burst_at_the_current_password_gets_no_more_guesses_than_the_limit, |t: TestDb| async move {
    t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    assert_eq!(c.sign_in("emma@etat.no").await.status, 303);
    let token = c.get("/settings").await.csrf();
    let url = format!("{}/settings/password", c.base);
    let fields =
        form(&[("csrf", &token), ("current", "feil passord"), ("new", "et nytt langt passord"), ("repeat", "et nytt langt passord")]);
    let pages = all_at_once((0..12).map(|_| (c.http.clone(), url.clone(), fields.clone())).collect()).await;
    let mut wrong = 0;
    for page in pages {
        if page.contains("Nåværende passord er feil") {
            wrong += 1;
        } else {
            assert!(page.contains(THROTTLED));
        }
    }
    assert!((1..=PER_ACCOUNT_AND_ADDRESS as usize).contains(&wrong), "{wrong} checked");
});

on_both!(a_stranger_cannot_lock_a_person_out, |t: TestDb| async move {
    t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    let app = TestApp::spawn_behind_proxy(t.db.clone()).await;
    // Strangers at enough addresses to put the account under attack.
    let addresses = (UNDER_ATTACK / PER_ACCOUNT_AND_ADDRESS + 1) as usize;
    for i in 0..addresses {
        let stranger = app.client_at(&format!("203.0.113.{i}"));
        // Once the failures elsewhere reach the mark, an address gets one guess.
        let before = i * PER_ACCOUNT_AND_ADDRESS as usize;
        let limit = if before >= UNDER_ATTACK as usize { 1 } else { PER_ACCOUNT_AND_ADDRESS as usize };
        assert_eq!(guesses_allowed(&stranger, PER_ACCOUNT_AND_ADDRESS as usize + 2, "hr@etat.no").await, limit, "address {i}");
        // Not even the right password passes from the strangers' address.
        assert!(stranger.sign_in("hr@etat.no").await.contains(THROTTLED));
    }
    // The person, from their own address, is let in.
    let own = app.client_at("192.0.2.10");
    let r = own.sign_in("hr@etat.no").await;
    assert_eq!((r.status, r.location.as_deref()), (303, Some("/")), "{}", r.body);
    // While under attack, a new address has one guess, not five.
    let another = app.client_at("198.51.100.1");
    assert_eq!(guesses_allowed(&another, 3, "hr@etat.no").await, 1);
});

on_both!(a_browser_the_person_signed_in_with_is_let_in_whatever_strangers_do, |t: TestDb| async move {
    t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    t.person("2", "Ida Berg", "ida@etat.no", None, false).await;
    let app = TestApp::spawn_behind_proxy(t.db.clone()).await;
    // The person's own browser, at the office's shared address, has signed in before.
    let office = "192.0.2.50";
    let own = app.client_at(office);
    assert_eq!(own.sign_in("hr@etat.no").await.status, 303);
    assert_eq!(own.post("/settings", "/logout", &[]).await.status, 303);

    // A stranger behind the same address spends the address's guesses and the account's.
    let stranger = app.client_at(office);
    burst(&stranger, PER_ADDRESS as usize, |i| format!("ingen{i}@etat.no"), "gjett").await;
    assert!(stranger.sign_in("hr@etat.no").await.contains(THROTTLED), "the address is spent for browsers it does not know");
    // Strangers everywhere: each new address gets one guess, and the account only so many.
    let addresses: Vec<String> = (0..(PER_ACCOUNT as usize + 10)).map(|i| format!("2001:db8:{i:x}::1")).collect();
    let checked_elsewhere = one_guess_from_each(&app, &addresses, "hr@etat.no").await;
    assert!(checked_elsewhere <= PER_ACCOUNT as usize, "{checked_elsewhere} guesses checked");
    assert!(app.client_at("198.51.100.7").sign_in("hr@etat.no").await.contains(THROTTLED), "the account is closed to unknown browsers");

    // The person's browser is known: it is let in.
    let r = own.sign_in("hr@etat.no").await;
    assert_eq!((r.status, r.location.as_deref()), (303, Some("/")), "{}", r.body);
    // A device cookie is good for its own account only, and a made-up one is no cookie.
    own.post("/settings", "/logout", &[]).await;
    let other = own.post("/login", "/login", &[("email", "ida@etat.no"), ("password", common::PASSWORD)]).await;
    assert!(other.contains(THROTTLED), "another account from the spent address");
    let forged = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let login = forged.get(format!("{}/login", app.base)).header("x-forwarded-for", office).send().await.unwrap();
    let visitor = login.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    let token = Page { status: 200, location: None, body: login.text().await.unwrap() }.csrf();
    let r = forged
        .post(format!("{}/login", app.base))
        .header("x-forwarded-for", office)
        .header("cookie", format!("{visitor}; samspill_device={}.{}", "ab".repeat(16), "cd".repeat(32)))
        .form(&[("csrf", token.as_str()), ("email", "hr@etat.no"), ("password", common::PASSWORD)])
        .send()
        .await
        .unwrap();
    assert!(r.text().await.unwrap().contains(THROTTLED));
});

on_both!(an_ipv6_network_counts_as_one_address, |t: TestDb| async move {
    t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn_behind_proxy(t.db.clone()).await;
    let addresses: Vec<String> = (1..=12).map(|i| format!("2001:db8:7:7::{i:x}")).collect();
    let checked = one_guess_from_each(&app, &addresses, "emma@etat.no").await;
    assert_eq!(checked, PER_ACCOUNT_AND_ADDRESS as usize);
});

on_both!(pages_are_not_cached_assets_are, |t: TestDb| async move {
    t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    let cache_control = |path: &'static str| {
        let c = c.http.clone();
        let base = app.base.clone();
        async move {
            let r = c.get(format!("{base}{path}")).send().await.unwrap();
            (r.status().as_u16(), r.headers().get("cache-control").map(|v| v.to_str().unwrap().to_string()))
        }
    };
    assert_eq!(cache_control("/login").await, (200, Some("no-store".into())));
    assert_eq!(cache_control("/").await, (303, Some("no-store".into())), "the redirect to sign in");
    c.sign_in("emma@etat.no").await;
    assert_eq!(cache_control("/").await, (200, Some("no-store".into())));
    assert_eq!(cache_control("/no/such/page").await, (404, Some("no-store".into())));
    assert_eq!(cache_control("/org").await, (403, Some("no-store".into())));
    let home = c.get("/").await;
    let start = home.body.find("/assets/").unwrap();
    let end = start + home.body[start..].find('"').unwrap();
    let asset = c.http.get(format!("{}{}", app.base, &home.body[start..end])).send().await.unwrap();
    assert_eq!(asset.status(), 200);
    assert_eq!(asset.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert!(asset.headers().get("content-encoding").is_none());
    let gzipped = c.http.get(format!("{}{}", app.base, &home.body[start..end])).header("accept-encoding", "gzip").send().await.unwrap();
    assert_eq!(gzipped.headers()["content-encoding"], "gzip");
    assert_eq!(gzipped.headers()["vary"], "accept-encoding");
    assert_eq!(gzipped.headers()["cache-control"], "public, max-age=31536000, immutable");
});

on_both!(csrf_tokens_are_bound_to_the_session, |t: TestDb| async move {
    t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    t.person("2", "Lars Haugen", "lars@etat.no", None, false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let emma = app.client();
    let lars = app.client();

    let before = emma.get("/login").await.csrf();
    emma.sign_in("emma@etat.no").await;
    let after = emma.get("/settings").await.csrf();
    assert_ne!(before, after, "the token changes at sign-in");
    lars.sign_in("lars@etat.no").await;
    let lars_token = lars.get("/settings").await.csrf();
    assert_ne!(after, lars_token);

    let save = |c: &Client, token: &str| {
        let (http, url, token) = (c.http.clone(), format!("{}/settings/language", c.base), token.to_string());
        async move { http.post(url).form(&[("csrf", token.as_str()), ("language", "nn")]).send().await.unwrap().status().as_u16() }
    };
    assert_eq!(save(&lars, &after).await, 403, "another session's token is refused");
    assert_eq!(save(&emma, &before).await, 403, "the token from before sign-in is spent");
    assert_eq!(save(&emma, &after).await, 303);

    // Signed out, the old token is worthless too; the new visitor's token works.
    let out = emma.post_raw("/logout", &[("csrf", &after)]).await;
    assert_eq!(out.status, 303);
    let fresh = emma.get("/login").await.csrf();
    assert_ne!(fresh, after);
    let lang = emma.post_raw("/language", &[("csrf", &after), ("lang", "en"), ("return", "/login")]).await;
    assert_eq!(lang.status, 403);
    let lang = emma.post_raw("/language", &[("csrf", &fresh), ("lang", "en"), ("return", "/login")]).await;
    assert_eq!(lang.status, 303);

    // A cookie and field made up together are refused: the server did not sign them.
    let forged = "ab".repeat(32);
    let plain = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let r = plain
        .post(format!("{}/language", app.base))
        .header("cookie", format!("samspill_visitor={forged}"))
        .form(&[("csrf", forged.as_str()), ("lang", "en"), ("return", "/login")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);

    // A valid token from another origin is refused as well.
    let token = lars.get("/settings").await.csrf();
    let r = lars
        .http
        .post(format!("{}/settings/language", app.base))
        .header("origin", "http://evil.example")
        .form(&[("csrf", token.as_str()), ("language", "nn")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let https = app.base.replace("http://", "https://");
    let r = lars
        .http
        .post(format!("{}/settings/language", app.base))
        .header("origin", https)
        .form(&[("csrf", token.as_str()), ("language", "nn")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "the scheme is part of the origin");
});

on_both!(long_searches_and_odd_ids_get_clear_answers, |t: TestDb| async move {
    t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    t.person("2", "Emma Nilsen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let visitor = app.client();
    let r = visitor.get("/org/people/abc").await;
    assert_eq!(r.status, 303);
    assert!(r.location.unwrap().starts_with("/login?next="));

    let emma = app.client();
    emma.sign_in("emma@etat.no").await;
    for path in ["/org/people/abc", "/org/people/99999999999999999999999", "/org/units/x"] {
        assert_eq!(emma.get(path).await.status, 403, "{path}");
    }
    assert_eq!(emma.post("/settings", "/org/people/abc", &[("name", "x")]).await.status, 403);

    let hr = app.client();
    hr.sign_in("hr@etat.no").await;
    let long = format!("Hanne{}", "x".repeat(50_000));
    let r = hr.get(&format!("/org/people?q={long}")).await;
    assert_eq!(r.status, 200);
    assert!(r.body.len() < 40_000, "the search box shows the capped text only");
    let r = hr.get(&format!("/org/people?q=Hanne{}", "%20".repeat(20_000))).await;
    assert!(r.status == 200 && r.contains("Hanne Dahl"));
    // A visitor with a huge return path is sent to sign in without it.
    let r = visitor.get(&format!("/org/people?q={long}")).await;
    assert_eq!((r.status, r.location.as_deref()), (303, Some("/login?next=%2Forg%2Fpeople")));
});

/// The person form as HR saves it, with a leader.
fn person_form(number: &str, name: &str, email: &str, leader: PersonId) -> Vec<(String, String)> {
    form(&[("employee_number", number), ("name", name), ("email", email), ("leader", &leader.0.to_string()), ("is_admin", "")])
}

/// Posts several forms at the same moment, each from its own signed-in HR client.
async fn at_once(clients: &[Client], posts: Vec<(String, Vec<(String, String)>)>) -> Vec<Page> {
    let mut prepared = Vec::new();
    for (c, (path, mut form)) in clients.iter().zip(posts) {
        form.push(("csrf".into(), c.get("/org").await.csrf()));
        prepared.push((c.http.clone(), format!("{}{path}", c.base), form));
    }
    all_at_once(prepared).await
}

/// The app with two HR people signed in, each in a browser of their own.
async fn two_hr_clients(t: &TestDb) -> (TestApp, [Client; 2]) {
    t.person("1", "Hanne Dahl", "hr@etat.no", None, true).await;
    t.person("2", "Ida Berg", "ida@etat.no", None, true).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let hr = [app.client(), app.client()];
    hr[0].sign_in("hr@etat.no").await;
    hr[1].sign_in("ida@etat.no").await;
    (app, hr)
}

on_both!(two_people_made_each_others_leader_at_once_make_no_cycle, |t: TestDb| async move {
    let (_app, hr) = two_hr_clients(&t).await;
    for round in 0..5 {
        let a = t.person(&format!("a{round}"), "Anne Lie", &format!("anne{round}@etat.no"), None, false).await;
        let b = t.person(&format!("b{round}"), "Bjørn Lie", &format!("bjorn{round}@etat.no"), None, false).await;
        let pages = at_once(
            &hr,
            vec![
                (format!("/org/people/{}", a.0), person_form(&format!("a{round}"), "Anne Lie", &format!("anne{round}@etat.no"), b)),
                (format!("/org/people/{}", b.0), person_form(&format!("b{round}"), "Bjørn Lie", &format!("bjorn{round}@etat.no"), a)),
            ],
        )
        .await;
        let saved = pages.iter().filter(|p| p.status == 303).count();
        let refused = pages.iter().filter(|p| p.status == 200 && p.contains("ring i lederlinjen")).count();
        assert_eq!((saved, refused), (1, 1), "round {round}: one wins, the other is told why");
        let mut c = t.db.conn().await.unwrap();
        let leader_of = |p: PersonId, links: &[(i64, i64)]| links.iter().find(|(id, _)| *id == p.0).map(|(_, l)| *l);
        let links = store::people::leader_links(c.ex()).await.unwrap();
        assert!(!(leader_of(a, &links) == Some(b.0) && leader_of(b, &links) == Some(a.0)), "round {round}: a cycle was saved");
    }
});

on_both!(two_units_given_one_name_at_once_make_one_unit, |t: TestDb| async move {
    let (_app, hr) = two_hr_clients(&t).await;
    for round in 0..5 {
        let name = format!("Team Bodø {round}");
        let unit = form(&[("name", &name), ("parent", "")]);
        let pages = at_once(&hr, vec![("/org/units".into(), unit.clone()), ("/org/units".into(), unit)]).await;
        let saved = pages.iter().filter(|p| p.status == 303).count();
        let refused = pages.iter().filter(|p| p.status == 200 && p.contains("Det finnes allerede en enhet")).count();
        assert_eq!((saved, refused), (1, 1), "round {round}");
        let mut c = t.db.conn().await.unwrap();
        let units = store::units::all(c.ex()).await.unwrap();
        assert_eq!(units.iter().filter(|u| u.name == name).count(), 1, "round {round}");
    }
});

on_both!(a_form_sent_after_the_session_ended_leads_to_sign_in, |t: TestDb| async move {
    let emma = t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    c.sign_in("emma@etat.no").await;
    let token = c.get("/settings").await.csrf();
    let mut conn = t.db.conn().await.unwrap();
    store::sessions::delete_for_person(conn.ex(), emma).await.unwrap();
    let r = c
        .http
        .post(format!("{}/settings/language", app.base))
        .header("referer", format!("{}/settings", app.base))
        .form(&[("csrf", token.as_str()), ("language", "nn")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/login?next=%2Fsettings&expired=1");

    // htmx asking for a piece of a page is told to load the sign-in page instead.
    let r = c
        .http
        .get(format!("{}/org/people/leader-options?leader_q=a", app.base))
        .header("hx-request", "true")
        .header("hx-current-url", format!("{}/org/people/1", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["hx-redirect"], "/login?next=%2Forg%2Fpeople%2F1");
});

on_both!(an_asset_the_browser_has_stays_cacheable, |t: TestDb| async move {
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    let login = c.get("/login").await;
    let start = login.body.find("/assets/").unwrap();
    let url = format!("{}{}", app.base, &login.body[start..start + login.body[start..].find('"').unwrap()]);
    let first = c.http.get(&url).send().await.unwrap();
    let etag = first.headers()["etag"].clone();
    let again = c.http.get(&url).header("if-none-match", etag).send().await.unwrap();
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()["cache-control"], "public, max-age=31536000, immutable");
});

// A form post's body is read before the session's connection is taken: one too large is
// refused with a clear page in the person's language, and a form of the right size after it is
// taken as before.
on_both!(a_form_too_large_is_refused_with_a_clear_page, |t: TestDb| async move {
    t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn(t.db.clone()).await;
    let c = app.client();
    c.sign_in("emma@etat.no").await;
    let token = c.get("/settings").await.csrf();
    let huge = "x".repeat(1_100_000);
    for _ in 0..6 {
        let refused = c.post_raw("/settings/language", &[("csrf", &token), ("language", &huge)]).await;
        assert_eq!(refused.status, 400);
        assert!(refused.contains("Forespørselen kunne ikke leses"), "{}", refused.body);
    }
    let saved = c.post_raw("/settings/language", &[("csrf", &token), ("language", "nn")]).await;
    assert_eq!(saved.status, 303, "a form of the right size is taken");
    assert!(c.get("/settings").await.contains("Innstillingar"), "saved in nynorsk");
});
