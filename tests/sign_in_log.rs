//! Signing in at the identity provider leaves no secret in the log: with every target logging at
//! its most verbose, people sign in (one named by no claim) and no line carries an ID token, the
//! code, the state, the nonce or the e-mail address the provider sent.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::provider::FakeProvider;
use common::{TestApp, TestDb};
use serde_json::json;

on_both!(no_log_line_holds_a_token_or_what_it_says, |t: TestDb| async move {
    let log = common::log::everything();
    let provider = FakeProvider::start().await;
    t.person("1001", "Emma Hansen", "emma.hansen@etat.no", None, false).await;
    let app = TestApp::spawn_with_provider(t.db.clone(), &provider.issuer, "email", true).await;
    let mut secrets = Vec::new();
    for claims in [json!({"email": "Emma.Hansen@etat.no"}), json!({"name": "Uten Epost", "upn": "uten.epost@etat.no"})] {
        provider.sign_in_as(claims);
        let c = app.client();
        let start = c.get("/login/oidc?next=/").await;
        let at_provider = start.location.unwrap();
        let query = at_provider.split_once('?').unwrap().1.to_string();
        for (k, v) in url_pairs(&query) {
            if k == "state" || k == "nonce" || k == "code_challenge" {
                secrets.push(v);
            }
        }
        let back = c.http.get(&at_provider).send().await.unwrap().headers()["location"].to_str().unwrap().to_string();
        let code = url_pairs(back.split_once('?').unwrap().1).into_iter().find(|(k, _)| k == "code").unwrap().1;
        secrets.push(code);
        let landed = c.get(back.strip_prefix(&c.base).unwrap()).await;
        assert!(landed.status == 303 || landed.status == 403, "{}", landed.status);
    }
    let text = String::from_utf8(log.lock().unwrap().clone()).unwrap();
    assert!(text.contains("signed in") && text.contains("configured claim"), "both sign-ins were logged: the test sees the log");
    assert!(text.contains("/login/oidc/callback"), "the callbacks were logged");
    for token in provider.issued() {
        let (_, payload_and_signature) = token.split_once('.').unwrap();
        for part in payload_and_signature.split('.') {
            assert!(!text.contains(part), "no part of an ID token in the log");
        }
    }
    for secret in secrets {
        assert!(!text.contains(&secret), "no state, nonce, challenge or code in the log: {secret}");
    }
    for address in ["emma.hansen@etat.no", "Emma.Hansen", "uten.epost", "Uten Epost"] {
        assert!(!text.contains(address), "no claim's value in the log: {address}");
    }
});

fn url_pairs(query: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(query).unwrap()
}
