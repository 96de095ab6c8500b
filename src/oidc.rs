//! Signing in with the organisation's identity provider over OpenID Connect: discovery, the
//! authorization code flow with PKCE, and the checks an ID token must pass before samspill
//! believes who it names. The protocol and the signatures are `openidconnect`'s; this module
//! decides which of its checks apply and keeps the provider's keys current.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreGenderClaim, CoreIdTokenVerifier, CoreJsonWebKeySet, CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
};
use openidconnect::{
    AdditionalClaims, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken, EndUserEmail, EndUserUsername,
    IdToken, IdTokenClaims, IssuerUrl, JsonWebKeySet, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier,
    ProviderMetadataWithLogout, RedirectUrl, Scope, SignatureVerificationError, SubjectIdentifier, TokenResponse, UserInfoClaims,
};
use serde::{Deserialize, Serialize};

use crate::config::OidcSettings;

/// How far the provider's clock may be from ours when expiry and issue time are checked.
pub const CLOCK_SKEW: i64 = 60;

/// How long samspill waits for the provider before telling the person it cannot be reached.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(10);

/// How often an unreachable provider is tried again.
const RETRY_EVERY: Duration = Duration::from_secs(30);

/// Only the provider's own (asymmetric) keys may sign: never `none`, never an HMAC whose secret
/// could be the provider's public key or our client secret.
const ALLOWED_ALGS: [CoreJwsSigningAlgorithm; 10] = [
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha384,
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha512,
    CoreJwsSigningAlgorithm::RsaSsaPssSha256,
    CoreJwsSigningAlgorithm::RsaSsaPssSha384,
    CoreJwsSigningAlgorithm::RsaSsaPssSha512,
    CoreJwsSigningAlgorithm::EcdsaP256Sha256,
    CoreJwsSigningAlgorithm::EcdsaP384Sha384,
    CoreJwsSigningAlgorithm::EcdsaP521Sha512,
    CoreJwsSigningAlgorithm::EdDsa,
];

/// Claims beyond the standard ones (`upn`, an employee number, `nbf`), kept as they came.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct OtherClaims(HashMap<String, serde_json::Value>);

impl AdditionalClaims for OtherClaims {}

pub type Claims = IdTokenClaims<OtherClaims, CoreGenderClaim>;
type Token = IdToken<OtherClaims, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;

/// Why an ID token was not believed. The token itself is never kept or logged.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    #[error("the ID token is not a signed JWT")]
    Malformed,
    #[error("the ID token is signed with a key the provider does not publish")]
    UnknownKey,
    #[error("the ID token's signature or algorithm is not accepted")]
    Signature,
    #[error("the ID token has expired")]
    Expired,
    #[error("the ID token is not valid yet")]
    NotYetValid,
    #[error("the ID token is from another issuer")]
    Issuer,
    #[error("the ID token is for another client")]
    Audience,
    #[error("the ID token's nonce is not this sign-in's")]
    Nonce,
    #[error("the ID token is not accepted: {0}")]
    Other(String),
}

const ISSUED_LATER: &str = "issued later than now";

/// Checks an ID token: signed by one of `keys` with an allowed algorithm, from `issuer`, for
/// `client_id`, issued no later and expiring no earlier than `now` allows (with [`CLOCK_SKEW`]),
/// and carrying this sign-in's `nonce`. `now` is in seconds since 1970.
pub fn verify(
    token: &str,
    client_id: &ClientId,
    issuer: &IssuerUrl,
    keys: &CoreJsonWebKeySet,
    nonce: &Nonce,
    now: i64,
) -> Result<Claims, Rejection> {
    let token: Token = token.parse().map_err(|_| Rejection::Malformed)?;
    let at = |seconds: i64| chrono::DateTime::from_timestamp(seconds, 0).unwrap_or_default();
    let verifier = CoreIdTokenVerifier::new_public_client(client_id.clone(), issuer.clone(), keys.clone())
        .set_allowed_algs(ALLOWED_ALGS)
        .set_time_fn(move || at(now - CLOCK_SKEW))
        .set_issue_time_verifier_fn(move |iat| if iat > at(now + CLOCK_SKEW) { Err(ISSUED_LATER.into()) } else { Ok(()) });
    let claims = token.claims(&verifier, nonce).map_err(|e| match e {
        ClaimsVerificationError::SignatureVerification(SignatureVerificationError::NoMatchingKey) => Rejection::UnknownKey,
        ClaimsVerificationError::SignatureVerification(_) => Rejection::Signature,
        // The issue-time check's refusal arrives as `Expired` too.
        ClaimsVerificationError::Expired(why) if why == ISSUED_LATER => Rejection::NotYetValid,
        ClaimsVerificationError::Expired(_) => Rejection::Expired,
        ClaimsVerificationError::InvalidIssuer(_) => Rejection::Issuer,
        ClaimsVerificationError::InvalidAudience(_) => Rejection::Audience,
        ClaimsVerificationError::InvalidNonce(_) => Rejection::Nonce,
        other => Rejection::Other(other.to_string()),
    })?;
    // `nbf` is optional in an ID token; when present it is honoured.
    if let Some(nbf) = claims.additional_claims().0.get("nbf").and_then(serde_json::Value::as_i64)
        && nbf > now + CLOCK_SKEW
    {
        return Err(Rejection::NotYetValid);
    }
    Ok(claims.clone())
}

/// Who the provider says signed in, by the configured claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Identity {
    /// `email`, `preferred_username` or `upn`: matched to an e-mail address, ignoring case.
    Email(String),
    /// Any other claim: matched to an employee number.
    EmployeeNumber(String),
}

/// The configured claim's value, when the ID token carries one.
pub fn identity(claims: &Claims, claim: &str) -> Option<Identity> {
    identity_in(claims.email(), claims.preferred_username(), claims.subject(), claims.additional_claims(), claim)
}

fn identity_in(
    email: Option<&EndUserEmail>,
    username: Option<&EndUserUsername>,
    subject: &SubjectIdentifier,
    other: &OtherClaims,
    claim: &str,
) -> Option<Identity> {
    let standard = match claim {
        "email" => email.map(|e| e.as_str().to_string()),
        "preferred_username" => username.map(|u| u.as_str().to_string()),
        "sub" => Some(subject.as_str().to_string()),
        _ => None,
    };
    let value = standard.or_else(|| match other.0.get(claim)? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    })?;
    let value = value.trim().to_string();
    if value.is_empty() {
        return None;
    }
    Some(if matches!(claim, "email" | "preferred_username" | "upn") { Identity::Email(value) } else { Identity::EmployeeNumber(value) })
}

/// What a sign-in at the provider must bring back, kept by samspill between the redirect and the
/// callback.
#[derive(Clone, Debug)]
pub struct Pending {
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// Why a sign-in through the provider could not finish.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("the provider has not been reached yet")]
    Unavailable,
    #[error("the provider did not answer as expected: {0}")]
    Provider(String),
    #[error("the provider's answer carries no ID token")]
    NoIdToken,
    #[error(transparent)]
    Token(#[from] Rejection),
}

/// The configured provider and what samspill has learnt of it.
pub struct Provider {
    pub settings: OidcSettings,
    issuer: IssuerUrl,
    client_id: ClientId,
    redirect: RedirectUrl,
    http: openidconnect::reqwest::Client,
    /// The discovery document with the provider's current keys; `None` until it is reached.
    metadata: RwLock<Option<Arc<ProviderMetadataWithLogout>>>,
    /// One refresh of the keys at a time.
    refreshing: tokio::sync::Mutex<()>,
}

impl Provider {
    pub fn new(settings: OidcSettings) -> anyhow::Result<Provider> {
        Self::with_timeout(settings, PROVIDER_TIMEOUT)
    }

    /// A provider waited for at most `timeout` per request (tests use a short one).
    pub fn with_timeout(settings: OidcSettings, timeout: Duration) -> anyhow::Result<Provider> {
        let http = openidconnect::reqwest::ClientBuilder::new()
            // A redirect at the token endpoint could carry the code elsewhere.
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(timeout)
            .build()?;
        Ok(Provider {
            issuer: IssuerUrl::new(settings.issuer.clone())?,
            client_id: ClientId::new(settings.client_id.clone()),
            redirect: RedirectUrl::new(settings.redirect_url.clone())?,
            settings,
            http,
            metadata: RwLock::new(None),
            refreshing: tokio::sync::Mutex::new(()),
        })
    }

    /// The provider has been reached and sign-in through it can start.
    pub fn is_available(&self) -> bool {
        self.current().is_some()
    }

    fn current(&self) -> Option<Arc<ProviderMetadataWithLogout>> {
        self.metadata.read().ok().and_then(|m| m.clone())
    }

    fn remember(&self, metadata: ProviderMetadataWithLogout) {
        if let Ok(mut m) = self.metadata.write() {
            *m = Some(Arc::new(metadata));
        }
    }

    /// Reads the discovery document and the key set. The error names what is wrong, for the log.
    pub async fn discover(&self) -> Result<(), String> {
        let metadata = ProviderMetadataWithLogout::discover_async(self.issuer.clone(), &self.http).await.map_err(|e| describe(&e))?;
        let missing = missing_endpoints(&metadata);
        if !missing.is_empty() {
            return Err(format!("the discovery document lacks {}", missing.join(", ")));
        }
        self.remember(metadata);
        Ok(())
    }

    /// One try at the provider, logged: whether it can be used now.
    pub async fn try_discovering(&self) -> bool {
        match self.discover().await {
            Ok(()) => {
                tracing::info!(issuer = %self.settings.issuer, "identity provider reached");
                true
            }
            Err(why) => {
                tracing::error!(
                    issuer = %self.settings.issuer,
                    "cannot use the identity provider ({why}); its sign-in button says it is unavailable, trying again every {} s",
                    RETRY_EVERY.as_secs()
                );
                false
            }
        }
    }

    /// Tries the provider again every [`RETRY_EVERY`] until it answers.
    pub async fn keep_discovering(self: Arc<Self>) {
        loop {
            tokio::time::sleep(RETRY_EVERY).await;
            if self.try_discovering().await {
                return;
            }
        }
    }

    fn client(
        &self,
        metadata: &ProviderMetadataWithLogout,
    ) -> CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    > {
        let secret = ClientSecret::new(String::from_utf8_lossy(&self.settings.client_secret.0).into_owned());
        let client = CoreClient::from_provider_metadata(metadata.clone(), self.client_id.clone(), Some(secret));
        client.set_redirect_uri(self.redirect.clone())
    }

    /// Where to send the browser to sign in, and what the callback must bring back.
    pub fn authorization(&self) -> Result<(String, Pending), Failure> {
        let metadata = self.current().ok_or(Failure::Unavailable)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = self
            .client(&metadata)
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        let pending = Pending { state: state.secret().clone(), nonce: nonce.secret().clone(), pkce_verifier: verifier.secret().clone() };
        Ok((url.to_string(), pending))
    }

    /// Trades the code for an ID token, checks it, and reads who signed in by the configured
    /// claim. When the token names a key the provider did not publish before, the key set is
    /// fetched again once: the provider may have rotated it. A provider that keeps the claim out
    /// of the ID token (as the standard allows) is asked at its userinfo endpoint, for the same
    /// subject. `None`: the provider named nobody by that claim.
    pub async fn finish(&self, code: String, nonce: &str, pkce_verifier: &str, now: i64) -> Result<Option<Identity>, Failure> {
        let metadata = self.current().ok_or(Failure::Unavailable)?;
        let client = self.client(&metadata);
        let request = client.exchange_code(AuthorizationCode::new(code)).map_err(|e| Failure::Provider(e.to_string()))?;
        let response = request
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_string()))
            .request_async(&self.http)
            .await
            .map_err(|e| Failure::Provider(describe(&e)))?;
        let token = response.id_token().ok_or(Failure::NoIdToken)?.to_string();
        let nonce = Nonce::new(nonce.to_string());
        let claims = match verify(&token, &self.client_id, &self.issuer, metadata.jwks(), &nonce, now) {
            Err(Rejection::UnknownKey) => {
                let keys = self.refresh_keys(&metadata).await?;
                verify(&token, &self.client_id, &self.issuer, &keys, &nonce, now)?
            }
            other => other?,
        };
        let claim = self.settings.claim.as_str();
        if let Some(found) = identity(&claims, claim) {
            return Ok(Some(found));
        }
        let Ok(request) = client.user_info(response.access_token().clone(), Some(claims.subject().clone())) else {
            return Ok(None);
        };
        let info: UserInfoClaims<OtherClaims, CoreGenderClaim> =
            request.request_async(&self.http).await.map_err(|e| Failure::Provider(describe(&e)))?;
        let s = info.standard_claims();
        Ok(identity_in(s.email(), s.preferred_username(), s.subject(), info.additional_claims(), claim))
    }

    /// Fetches the key set again, unless another request did so while this one waited.
    async fn refresh_keys(&self, seen: &Arc<ProviderMetadataWithLogout>) -> Result<CoreJsonWebKeySet, Failure> {
        let _turn = self.refreshing.lock().await;
        if let Some(current) = self.current()
            && !Arc::ptr_eq(&current, seen)
        {
            return Ok(current.jwks().clone());
        }
        let keys = JsonWebKeySet::fetch_async(seen.jwks_uri(), &self.http).await.map_err(|e| Failure::Provider(describe(&e)))?;
        tracing::info!(issuer = %self.settings.issuer, "identity provider's keys fetched again");
        self.remember(seen.as_ref().clone().set_jwks(keys.clone()));
        Ok(keys)
    }

    /// The provider's sign-out address, which sends the browser back to samspill's sign-in page.
    pub fn end_session_url(&self) -> Option<String> {
        let metadata = self.current()?;
        let mut url = metadata.additional_metadata().end_session_endpoint.as_ref()?.url().clone();
        url.query_pairs_mut()
            .append_pair("client_id", self.client_id.as_str())
            .append_pair("post_logout_redirect_uri", &self.settings.signed_out_url);
        Some(url.to_string())
    }
}

/// The endpoints a sign-in needs that a discovery document does not name. (The authorization
/// endpoint and the key set's address are required by its format.)
fn missing_endpoints(metadata: &ProviderMetadataWithLogout) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if metadata.token_endpoint().is_none() {
        missing.push("token_endpoint");
    }
    if metadata.jwks().keys().is_empty() {
        missing.push("signing keys at jwks_uri");
    }
    missing
}

/// An error with its causes, on one line: "invalid JSON … at line 1 column 2".
fn describe(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use openidconnect::core::{CoreIdToken, CoreIdTokenClaims, CoreRsaPrivateSigningKey};
    use openidconnect::{Audience, EmptyAdditionalClaims, JsonWebKeyId, PrivateSigningKey, StandardClaims};

    const NOW: i64 = 1_800_000_000;
    const ISSUER: &str = "https://idp.etat.no";

    fn key(pem: &str, kid: &str) -> CoreRsaPrivateSigningKey {
        CoreRsaPrivateSigningKey::from_pem(pem, Some(JsonWebKeyId::new(kid.into()))).unwrap()
    }

    fn key_a() -> CoreRsaPrivateSigningKey {
        key(include_str!("../tests/fixtures/provider-key-a.pem"), "a")
    }

    fn key_b() -> CoreRsaPrivateSigningKey {
        key(include_str!("../tests/fixtures/provider-key-b.pem"), "b")
    }

    fn keys(of: &[&CoreRsaPrivateSigningKey]) -> CoreJsonWebKeySet {
        JsonWebKeySet::new(of.iter().map(|k| k.as_verification_key()).collect())
    }

    struct Spec {
        issuer: &'static str,
        audience: &'static str,
        issued: i64,
        expires: i64,
        nonce: &'static str,
    }

    const GOOD: Spec = Spec { issuer: ISSUER, audience: "samspill", issued: NOW - 5, expires: NOW + 300, nonce: "n-1" };

    fn claims(spec: &Spec) -> CoreIdTokenClaims {
        let at = |s: i64| chrono::DateTime::from_timestamp(s, 0).unwrap();
        CoreIdTokenClaims::new(
            IssuerUrl::new(spec.issuer.into()).unwrap(),
            vec![Audience::new(spec.audience.into())],
            at(spec.expires),
            at(spec.issued),
            StandardClaims::new(SubjectIdentifier::new("sub-1".into())).set_email(Some(EndUserEmail::new("Emma@Demo.samspill.no".into()))),
            EmptyAdditionalClaims {},
        )
        .set_nonce(Some(Nonce::new(spec.nonce.into())))
    }

    fn signed(spec: &Spec, with: &CoreRsaPrivateSigningKey) -> String {
        CoreIdToken::new(claims(spec), with, CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256, None, None).unwrap().to_string()
    }

    fn check(token: &str, keys: &CoreJsonWebKeySet) -> Result<Claims, Rejection> {
        verify(token, &ClientId::new("samspill".into()), &IssuerUrl::new(ISSUER.into()).unwrap(), keys, &Nonce::new("n-1".into()), NOW)
    }

    fn b64(bytes: &[u8]) -> String {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    }

    /// A token with the given header whose payload is the good claims, signed by `sign`.
    fn forged(header: &str, sign: impl Fn(&[u8]) -> Vec<u8>) -> String {
        let payload = serde_json::to_vec(&claims(&GOOD)).unwrap();
        let input = format!("{}.{}", b64(header.as_bytes()), b64(&payload));
        let signature = sign(input.as_bytes());
        format!("{input}.{}", b64(&signature))
    }

    #[test]
    fn a_good_token_names_the_person() {
        let claims = check(&signed(&GOOD, &key_a()), &keys(&[&key_a()])).unwrap();
        assert_eq!(identity(&claims, "email"), Some(Identity::Email("Emma@Demo.samspill.no".into())));
        assert_eq!(identity(&claims, "upn"), None, "a claim the token lacks names nobody");
    }

    #[test]
    fn wrong_audience() {
        let token = signed(&Spec { audience: "another-app", ..GOOD }, &key_a());
        assert_eq!(check(&token, &keys(&[&key_a()])).unwrap_err(), Rejection::Audience);
    }

    #[test]
    fn wrong_issuer() {
        let token = signed(&Spec { issuer: "https://evil.example", ..GOOD }, &key_a());
        assert_eq!(check(&token, &keys(&[&key_a()])).unwrap_err(), Rejection::Issuer);
    }

    #[test]
    fn expired() {
        let token = signed(&Spec { issued: NOW - 3600, expires: NOW - CLOCK_SKEW - 1, ..GOOD }, &key_a());
        assert_eq!(check(&token, &keys(&[&key_a()])).unwrap_err(), Rejection::Expired);
        let within_skew = signed(&Spec { issued: NOW - 3600, expires: NOW - 10, ..GOOD }, &key_a());
        assert!(check(&within_skew, &keys(&[&key_a()])).is_ok(), "a clock a few seconds apart is forgiven");
    }

    #[test]
    fn not_yet_valid() {
        let token = signed(&Spec { issued: NOW + CLOCK_SKEW + 60, expires: NOW + 3600, ..GOOD }, &key_a());
        assert_eq!(check(&token, &keys(&[&key_a()])).unwrap_err(), Rejection::NotYetValid);
    }

    #[test]
    fn bad_signature() {
        // Signed by key b but claiming to be key a.
        let impostor = key(include_str!("../tests/fixtures/provider-key-b.pem"), "a");
        assert_eq!(check(&signed(&GOOD, &impostor), &keys(&[&key_a()])).unwrap_err(), Rejection::Signature);
        let token = signed(&GOOD, &key_a());
        let (rest, signature) = token.rsplit_once('.').unwrap();
        let flipped = format!("{rest}.{}{}", if signature.starts_with('A') { 'B' } else { 'A' }, &signature[1..]);
        assert_eq!(check(&flipped, &keys(&[&key_a()])).unwrap_err(), Rejection::Signature);
    }

    #[test]
    fn alg_none() {
        let token = forged(r#"{"alg":"none","typ":"JWT"}"#, |_| Vec::new());
        assert!(check(&token, &keys(&[&key_a()])).is_err());
        let token = forged(r#"{"alg":"none","typ":"JWT","kid":"a"}"#, |_| Vec::new());
        assert!(check(&token, &keys(&[&key_a()])).is_err());
    }

    #[test]
    fn hmac_signed_with_the_public_key() {
        use hmac::Mac;
        let public = serde_json::to_vec(&key_a().as_verification_key()).unwrap();
        let token = forged(r#"{"alg":"HS256","typ":"JWT","kid":"a"}"#, |input| {
            let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&public).unwrap();
            mac.update(input);
            mac.finalize().into_bytes().to_vec()
        });
        assert_eq!(check(&token, &keys(&[&key_a()])).unwrap_err(), Rejection::Signature);
    }

    #[test]
    fn nonce_mismatch() {
        let token = signed(&Spec { nonce: "another-sign-in", ..GOOD }, &key_a());
        assert_eq!(check(&token, &keys(&[&key_a()])).unwrap_err(), Rejection::Nonce);
    }

    #[test]
    fn a_new_key_id_is_unknown_until_the_key_set_is_fetched_again() {
        let token = signed(&GOOD, &key_b());
        assert_eq!(check(&token, &keys(&[&key_a()])).unwrap_err(), Rejection::UnknownKey, "asks for a refresh");
        assert!(check(&token, &keys(&[&key_a(), &key_b()])).is_ok(), "accepted once the new key is known");
    }

    #[test]
    fn not_a_token() {
        assert_eq!(check("not.a.jwt", &keys(&[&key_a()])).unwrap_err(), Rejection::Malformed);
    }
}
