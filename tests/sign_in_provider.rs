//! Signing in at the organisation's identity provider, over HTTP on both databases against a
//! provider on a real socket: the whole way in and out, and every way a callback can fail, each
//! a clear page with no session.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::provider::FakeProvider;
use common::{Client, Page, TestApp, TestDb};
use samspill::store;
use serde_json::json;

const START_AGAIN: &str = "Start innloggingen på nytt";
const CONTACT_HR: &str = "Kontakt HR i virksomheten din";
const DENIED: &str = "ble avbrutt eller avvist";
const UNAVAILABLE: &str = "ikke tilgjengelig akkurat nå";

/// Follows the button to the provider and back: the callback's path and query, as the provider
/// sent the browser to it.
async fn to_provider_and_back(c: &Client, next: &str) -> String {
    let start = c.get(&format!("/login/oidc?next={next}")).await;
    assert_eq!(start.status, 303, "{}", start.body);
    let at_provider = start.location.unwrap();
    let r = c.http.get(&at_provider).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 303, "the provider signs in at once");
    let back = r.headers()["location"].to_str().unwrap().to_string();
    back.strip_prefix(&c.base).expect("back at samspill").to_string()
}

fn is_problem(page: &Page, status: u16, text: &str) {
    assert_eq!(page.status, status, "{}", page.body);
    assert!(page.contains(text), "expected «{text}» in {}", page.body);
    assert!(page.contains("href=\"/login\""), "the way back to signing in");
}

on_both!(signs_in_and_out_at_the_provider, |t: TestDb| async move {
    let provider = FakeProvider::start().await;
    t.person("1001", "Emma Hansen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn_with_provider(t.db.clone(), &provider.issuer, "email", true).await;
    let c = app.client();

    let login = c.get("/login").await;
    assert!(login.contains("Logg inn med Testleverandør"), "{}", login.body);
    assert!(login.contains("action=\"/login\""), "local sign-in is on");

    provider.sign_in_as(json!({"email": "Emma@Etat.no"}));
    let callback = to_provider_and_back(&c, "/conversations").await;
    let landed = c.get(&callback).await;
    assert_eq!(landed.status, 303, "{}", landed.body);
    assert_eq!(landed.location.as_deref(), Some("/conversations"));
    assert!(c.get("/").await.contains("Emma Hansen"), "signed in as the person the provider named");
    assert_eq!(t.count_sessions().await, 1);

    // The same callback again is refused: its state was spent.
    is_problem(&c.get(&callback).await, 400, START_AGAIN);
    assert_eq!(t.count_sessions().await, 1, "no second session");

    let out = c.post("/", "/logout", &[]).await;
    assert_eq!(out.status, 303);
    let to = out.location.unwrap();
    assert!(to.starts_with(&format!("{}/logout?client_id=samspill&post_logout_redirect_uri=", provider.issuer)), "{to}");
    assert!(to.contains("%2Flogin%3Fsigned_out%3D1"), "back to samspill's sign-in page: {to}");
    c.http.get(&to).send().await.unwrap();
    assert_eq!(provider.sign_outs(), 1, "signed out at the provider");
    assert_eq!(t.count_sessions().await, 0, "signed out of samspill");
    assert_eq!(c.get("/").await.status, 303);

    // A password session ends at samspill only.
    let p = c.sign_in("emma@etat.no").await;
    assert_eq!(p.status, 303, "{}", p.body);
    assert_eq!(c.post("/", "/logout", &[]).await.location.as_deref(), Some("/login?signed_out=1"));
});

on_both!(a_failed_callback_is_a_clear_page_and_no_session, |t: TestDb| async move {
    let provider = FakeProvider::start().await;
    t.person("1001", "Emma Hansen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn_with_provider(t.db.clone(), &provider.issuer, "email", true).await;
    provider.sign_in_as(json!({"email": "emma@etat.no"}));
    let c = app.client();

    is_problem(&c.get("/login/oidc/callback?code=code-1").await, 400, START_AGAIN);
    is_problem(&c.get("/login/oidc/callback?state=made-up&code=code-1").await, 400, START_AGAIN);
    let callback = to_provider_and_back(&c, "/").await;
    let state = callback.split("state=").nth(1).unwrap();
    is_problem(&c.get(&format!("/login/oidc/callback?state={state}")).await, 400, START_AGAIN);
    // The state is spent even by a callback that failed.
    is_problem(&c.get(&callback).await, 400, START_AGAIN);

    let callback = to_provider_and_back(&c, "/").await;
    let state = callback.split("state=").nth(1).unwrap();
    let denied = c.get(&format!("/login/oidc/callback?state={state}&error=access_denied&error_description=%3Cscript%3E")).await;
    is_problem(&denied, 403, DENIED);
    assert!(!denied.contains("<script>"), "the provider's free text is not shown");
    is_problem(&c.get(&callback).await, 400, START_AGAIN);

    // A state started in another browser is not this one's.
    let callback = to_provider_and_back(&c, "/").await;
    is_problem(&app.client().get(&callback).await, 400, START_AGAIN);

    assert_eq!(t.count_sessions().await, 0);
});

on_both!(nobody_known_sees_the_contact_hr_page, |t: TestDb| async move {
    let provider = FakeProvider::start().await;
    let gone = t.person("1002", "Ola Slutta", "ola@etat.no", None, false).await;
    {
        let mut c = t.db.conn().await.unwrap();
        store::people::set_active(c.ex(), gone, false).await.unwrap();
    }
    let app = TestApp::spawn_with_provider(t.db.clone(), &provider.issuer, "email", true).await;
    let c = app.client();
    let mut pages = Vec::new();
    for claims in [json!({"email": "stranger@etat.no"}), json!({"email": "ola@etat.no"}), json!({"name": "No E-mail"})] {
        provider.sign_in_as(claims);
        let page = c.get(&to_provider_and_back(&c, "/").await).await;
        is_problem(&page, 403, CONTACT_HR);
        let alert = page.body.split("ds-alert").nth(1).unwrap().split("</div>").next().unwrap().to_string();
        pages.push(alert);
    }
    assert!(pages.iter().all(|p| *p == pages[0]), "unknown, deactivated and unnamed are told the same: {pages:?}");
    assert_eq!(t.count_sessions().await, 0);
});

on_both!(an_employee_number_claim_names_the_person, |t: TestDb| async move {
    let provider = FakeProvider::start().await;
    t.person("1001", "Emma Hansen", "emma@etat.no", None, false).await;
    t.person("1002", "Lars Berg", "lars@etat.no", None, false).await;
    let app = TestApp::spawn_with_provider(t.db.clone(), &provider.issuer, "employeeid", true).await;
    provider.sign_in_as(json!({"email": "emma@etat.no", "employeeid": "1002"}));
    let c = app.client();
    assert_eq!(c.get(&to_provider_and_back(&c, "/").await).await.status, 303);
    assert!(c.get("/").await.contains("Lars Berg"));
});

on_both!(a_rotated_key_is_fetched_and_an_unpublished_one_refused, |t: TestDb| async move {
    let provider = FakeProvider::start().await;
    t.person("1001", "Emma Hansen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn_with_provider(t.db.clone(), &provider.issuer, "email", true).await;
    provider.sign_in_as(json!({"email": "emma@etat.no"}));
    let reads = provider.key_set_reads();

    provider.rotate_key();
    let c = app.client();
    assert_eq!(c.get(&to_provider_and_back(&c, "/").await).await.status, 303, "signed with the new key");
    assert_eq!(provider.key_set_reads(), reads + 1, "the key set was fetched again once");

    provider.sign_with_unpublished_key();
    let other = app.client();
    is_problem(&other.get(&to_provider_and_back(&other, "/").await).await, 400, "kunne ikke bekreftes");
    assert_eq!(t.count_sessions().await, 1, "only the first");
});

on_both!(one_state_signs_in_once_when_it_arrives_twice_at_once, |t: TestDb| async move {
    let provider = FakeProvider::start().await;
    t.person("1001", "Emma Hansen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn_with_provider(t.db.clone(), &provider.issuer, "email", true).await;
    provider.sign_in_as(json!({"email": "emma@etat.no"}));
    let c = app.client();
    let callback = to_provider_and_back(&c, "/").await;
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(2));
    let tasks: Vec<_> = (0..2)
        .map(|_| {
            let (c, callback, barrier) = (c.clone(), callback.clone(), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                c.get(&callback).await.status
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap());
    }
    statuses.sort();
    assert_eq!(statuses, vec![303, 400]);
    assert_eq!(t.count_sessions().await, 1);
});

on_both!(failed_callbacks_are_throttled_per_address, |t: TestDb| async move {
    let provider = FakeProvider::start().await;
    let app = TestApp::spawn_with_provider(t.db.clone(), &provider.issuer, "email", true).await;
    let c = app.client();
    for _ in 0..samspill::domain::throttle::PER_ADDRESS {
        assert_eq!(c.get("/login/oidc/callback?state=guess&code=x").await.status, 400);
    }
    let refused = c.get("/login/oidc/callback?state=guess&code=x").await;
    is_problem(&refused, 429, "For mange mislykkede forsøk");
});

on_both!(a_provider_that_cannot_be_used_leaves_local_sign_in_working, |t: TestDb| async move {
    t.person("1001", "Emma Hansen", "emma@etat.no", None, false).await;

    // Discovery answers with something that is not JSON.
    let broken = FakeProvider::start().await;
    broken.answer_discovery_with("<html>maintenance</html>");
    let app = TestApp::spawn_with_provider(t.db.clone(), &broken.issuer, "email", true).await;
    let c = app.client();
    let login = c.get("/login").await;
    assert!(login.contains(UNAVAILABLE), "{}", login.body);
    assert!(!login.contains("href=\"/login/oidc"), "no button that cannot work");
    assert_eq!(c.get("/login/oidc?next=/").await.location.as_deref(), Some("/login?next=%2F"));
    assert_eq!(c.sign_in("emma@etat.no").await.status, 303, "local sign-in still works");

    // The token endpoint keeps the browser waiting past the timeout.
    let slow = FakeProvider::start().await;
    slow.sign_in_as(json!({"email": "emma@etat.no"}));
    slow.delay_tokens(Duration::from_secs(5));
    let app = TestApp::spawn_with_provider(t.db.clone(), &slow.issuer, "email", true).await;
    let c = app.client();
    is_problem(&c.get(&to_provider_and_back(&c, "/").await).await, 502, "Vi fikk ikke kontakt med Testleverandør");
});

#[tokio::test]
async fn discovery_names_what_is_wrong() {
    for (setup, expected) in [
        (FakeProvider::start().await, ""),
        (FakeProvider::start().await, "token_endpoint"),
        (FakeProvider::start().await, "Failed to parse"),
        (FakeProvider::start().await, "error sending request"),
    ] {
        match expected {
            "token_endpoint" => setup.leave_out_token_endpoint(),
            "Failed to parse" => setup.answer_discovery_with("not json"),
            _ => {}
        }
        let issuer = if expected == "error sending request" { "http://127.0.0.1:9".to_string() } else { setup.issuer.clone() };
        let origin = samspill::config::origin_of("http://127.0.0.1:1").unwrap();
        let args = samspill::config::OidcArgs {
            issuer: Some(issuer),
            client_id: Some("samspill".into()),
            client_secret: Some(samspill::config::Secret(b"s".to_vec())),
            client_secret_file: None,
            label: None,
            claim: "email".into(),
            local_login: true,
        };
        let provider =
            samspill::oidc::Provider::with_timeout(args.settings(Some(&origin)).unwrap().unwrap(), Duration::from_secs(2)).unwrap();
        match provider.discover().await {
            Ok(()) => assert!(expected.is_empty()),
            Err(why) => assert!(!expected.is_empty() && why.contains(expected), "{why}"),
        }
    }
}

on_both!(with_local_sign_in_off_only_the_provider_remains, |t: TestDb| async move {
    let provider = FakeProvider::start().await;
    t.person("1001", "Emma Hansen", "emma@etat.no", None, false).await;
    let app = TestApp::spawn_with_provider(t.db.clone(), &provider.issuer, "email", false).await;
    let c = app.client();
    let login = c.get("/login").await;
    assert!(login.contains("Logg inn med Testleverandør"));
    assert!(!login.contains("action=\"/login\"") && !login.contains("type=\"password\""), "{}", login.body);
    let token = login.csrf();
    let post = c.post_raw("/login", &[("csrf", &token), ("email", "emma@etat.no"), ("password", common::PASSWORD)]).await;
    assert_eq!(post.status, 404);
    assert_eq!(t.count_sessions().await, 0);

    provider.sign_in_as(json!({"email": "emma@etat.no"}));
    assert_eq!(c.get(&to_provider_and_back(&c, "/").await).await.status, 303);
    let settings = c.get("/settings").await;
    assert!(settings.contains("Emma Hansen") && !settings.contains("/settings/password"), "no password to change");
    let change = c
        .post(
            "/settings",
            "/settings/password",
            &[("current", common::PASSWORD), ("new", "et nytt langt passord"), ("repeat", "et nytt langt passord")],
        )
        .await;
    assert_eq!(change.status, 404);
});
