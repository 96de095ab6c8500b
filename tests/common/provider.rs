//! An OpenID Connect provider on a real socket for the tests: discovery, a key set, an
//! authorization endpoint that signs in whoever it is told to at once, a token endpoint that
//! checks the client's secret and the PKCE verifier, and a sign-out endpoint. It can rotate its
//! key, answer discovery with anything, or keep the token endpoint waiting.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use base64::Engine;
use openidconnect::core::{CoreJwsSigningAlgorithm, CoreRsaPrivateSigningKey};
use openidconnect::{JsonWebKeyId, JsonWebKeySet, PrivateSigningKey};
use serde_json::{Value, json};

pub const CLIENT_ID: &str = "samspill";
pub const CLIENT_SECRET: &str = "test-secret";

fn key(pem: &str, kid: &str) -> CoreRsaPrivateSigningKey {
    CoreRsaPrivateSigningKey::from_pem(pem, Some(JsonWebKeyId::new(kid.into()))).unwrap()
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

struct Grant {
    nonce: String,
    challenge: String,
    claims: Value,
}

struct Shared {
    issuer: String,
    /// Published keys; the last one signs.
    keys: Vec<(&'static str, CoreRsaPrivateSigningKey)>,
    /// Signs with a key that is not published, however often the key set is read.
    sign_unpublished: bool,
    /// The claims the next sign-in gets, beside iss, aud, sub, iat, exp and nonce.
    claims: Value,
    grants: HashMap<String, Grant>,
    /// Answer discovery with this body instead of the real document.
    discovery_body: Option<String>,
    /// Leave `token_endpoint` out of the discovery document.
    no_token_endpoint: bool,
    token_delay: Option<Duration>,
    key_set_reads: usize,
    sign_outs: usize,
    issued: Vec<String>,
}

pub struct FakeProvider {
    pub issuer: String,
    shared: Arc<Mutex<Shared>>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl FakeProvider {
    pub async fn start() -> FakeProvider {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let issuer = format!("http://{}", listener.local_addr().unwrap());
        let shared = Arc::new(Mutex::new(Shared {
            issuer: issuer.clone(),
            keys: vec![("a", key(include_str!("../fixtures/provider-key-a.pem"), "a"))],
            sign_unpublished: false,
            claims: json!({}),
            grants: HashMap::new(),
            discovery_body: None,
            no_token_endpoint: false,
            token_delay: None,
            key_set_reads: 0,
            sign_outs: 0,
            issued: Vec::new(),
        }));
        let app = axum::Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(key_set))
            .route("/auth", get(authorize))
            .route("/token", post(token))
            .route("/logout", get(logout))
            .with_state(shared.clone());
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = rx.await;
                })
                .await
                .unwrap();
        });
        FakeProvider { issuer, shared, shutdown: Some(tx) }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Shared) -> T) -> T {
        f(&mut self.shared.lock().unwrap())
    }

    /// The next sign-ins name the person with these claims.
    pub fn sign_in_as(&self, claims: Value) {
        self.with(|s| s.claims = claims);
    }

    /// Publishes a second key and signs with it from now on.
    pub fn rotate_key(&self) {
        self.with(|s| s.keys.push(("b", key(include_str!("../fixtures/provider-key-b.pem"), "b"))));
    }

    /// Signs with a key it never publishes.
    pub fn sign_with_unpublished_key(&self) {
        self.with(|s| s.sign_unpublished = true);
    }

    pub fn answer_discovery_with(&self, body: &str) {
        self.with(|s| s.discovery_body = Some(body.to_string()));
    }

    pub fn leave_out_token_endpoint(&self) {
        self.with(|s| s.no_token_endpoint = true);
    }

    pub fn delay_tokens(&self, by: Duration) {
        self.with(|s| s.token_delay = Some(by));
    }

    pub fn key_set_reads(&self) -> usize {
        self.with(|s| s.key_set_reads)
    }

    /// Every ID token handed out so far.
    pub fn issued(&self) -> Vec<String> {
        self.with(|s| s.issued.clone())
    }

    pub fn sign_outs(&self) -> usize {
        self.with(|s| s.sign_outs)
    }
}

impl Drop for FakeProvider {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

type SharedState = State<Arc<Mutex<Shared>>>;

async fn discovery(State(shared): SharedState) -> Response {
    let s = shared.lock().unwrap();
    if let Some(body) = &s.discovery_body {
        return ([("content-type", "application/json")], body.clone()).into_response();
    }
    let i = &s.issuer;
    let mut doc = json!({
        "issuer": i,
        "authorization_endpoint": format!("{i}/auth"),
        "token_endpoint": format!("{i}/token"),
        "jwks_uri": format!("{i}/jwks"),
        "end_session_endpoint": format!("{i}/logout"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"],
    });
    if s.no_token_endpoint {
        doc.as_object_mut().unwrap().remove("token_endpoint");
    }
    axum::Json(doc).into_response()
}

async fn key_set(State(shared): SharedState) -> Response {
    let mut s = shared.lock().unwrap();
    s.key_set_reads += 1;
    let keys = JsonWebKeySet::new(s.keys.iter().map(|(_, k)| k.as_verification_key()).collect());
    axum::Json(serde_json::to_value(keys).unwrap()).into_response()
}

async fn authorize(State(shared): SharedState, Query(q): Query<HashMap<String, String>>) -> Response {
    let mut s = shared.lock().unwrap();
    let field = |name: &str| q.get(name).cloned().unwrap_or_default();
    if field("client_id") != CLIENT_ID || field("code_challenge_method") != "S256" || field("response_type") != "code" {
        return (StatusCode::BAD_REQUEST, "bad authorization request").into_response();
    }
    let code = format!("code-{}", s.grants.len() + 1);
    let claims = s.claims.clone();
    s.grants.insert(code.clone(), Grant { nonce: field("nonce"), challenge: field("code_challenge"), claims });
    let back = format!("{}?code={code}&state={}", field("redirect_uri"), field("state"));
    Redirect::to(&back).into_response()
}

async fn token(State(shared): SharedState, headers: HeaderMap, Form(f): Form<HashMap<String, String>>) -> Response {
    let delay = shared.lock().unwrap().token_delay;
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
    }
    let expected = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}")));
    if headers.get("authorization").and_then(|v| v.to_str().ok()) != Some(expected.as_str()) {
        return (StatusCode::UNAUTHORIZED, axum::Json(json!({"error": "invalid_client"}))).into_response();
    }
    let mut s = shared.lock().unwrap();
    let Some(grant) = f.get("code").and_then(|c| s.grants.remove(c)) else {
        return (StatusCode::BAD_REQUEST, axum::Json(json!({"error": "invalid_grant"}))).into_response();
    };
    let verifier = f.get("code_verifier").cloned().unwrap_or_default();
    if b64(&<sha2::Sha256 as sha2::Digest>::digest(verifier.as_bytes())) != grant.challenge {
        return (StatusCode::BAD_REQUEST, axum::Json(json!({"error": "invalid_grant", "error_description": "PKCE"}))).into_response();
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let mut claims = json!({"iss": s.issuer, "aud": CLIENT_ID, "sub": "sub-1", "iat": now, "exp": now + 300, "nonce": grant.nonce});
    for (k, v) in grant.claims.as_object().unwrap() {
        claims[k] = v.clone();
    }
    let unpublished;
    let (kid, signer) = if s.sign_unpublished {
        unpublished = key(include_str!("../fixtures/provider-key-b.pem"), "unpublished");
        ("unpublished", &unpublished)
    } else {
        let (kid, k) = s.keys.last().unwrap();
        (*kid, k)
    };
    let header = json!({"alg": "RS256", "typ": "JWT", "kid": kid});
    let input = format!("{}.{}", b64(header.to_string().as_bytes()), b64(claims.to_string().as_bytes()));
    let signature = signer.sign(&CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256, input.as_bytes()).unwrap();
    let id_token = format!("{input}.{}", b64(&signature));
    s.issued.push(id_token.clone());
    axum::Json(json!({"access_token": "at", "token_type": "Bearer", "expires_in": 300, "id_token": id_token})).into_response()
}

async fn logout(State(shared): SharedState) -> &'static str {
    shared.lock().unwrap().sign_outs += 1;
    "signed out"
}
