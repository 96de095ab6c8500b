//! Every setting, read once from flags and environment, with defaults.

use std::fmt;
use std::net::SocketAddr;

use clap::Args;

/// A database URL whose `Debug`/`Display` hide the password.
#[derive(Clone)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    pub fn parse(s: &str) -> Result<DatabaseUrl, String> {
        if s.starts_with("sqlite:") || s.starts_with("postgres://") || s.starts_with("postgresql://") {
            Ok(DatabaseUrl(s.to_string()))
        } else {
            Err("expected sqlite://FILE or postgres://USER@HOST/DATABASE".into())
        }
    }

    pub fn is_postgres(&self) -> bool {
        self.0.starts_with("postgres")
    }

    /// The URL with its secret; only for handing to the driver.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The URL with any password replaced by `***`, in the user part or as a `password=`
    /// parameter, safe for logs and error messages.
    pub fn redacted(&self) -> String {
        let (base, query) = match self.0.split_once('?') {
            Some((b, q)) => (b, Some(q)),
            None => (self.0.as_str(), None),
        };
        // The host follows the last `@`: a password may hold one.
        let base = match base.split_once("://").map(|(scheme, rest)| (scheme, rest.rsplit_once('@'))) {
            Some((scheme, Some((userinfo, host)))) if userinfo.contains(':') => {
                let user = userinfo.split(':').next().unwrap_or("");
                format!("{scheme}://{user}:***@{host}")
            }
            _ => base.to_string(),
        };
        let Some(query) = query else { return base };
        let params: Vec<String> = query
            .split('&')
            .map(|p| match p.split_once('=') {
                Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                _ => p.to_string(),
            })
            .collect();
        format!("{base}?{}", params.join("&"))
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

/// Where the data lives; shared by every subcommand.
#[derive(Args, Clone, Debug)]
pub struct DbArgs {
    /// `sqlite://FILE` (created if missing) or `postgres://USER:PASSWORD@HOST/DATABASE`.
    #[arg(long = "database-url", env = "SAMSPILL_DATABASE_URL", default_value = "sqlite://samspill.db", value_parser = DatabaseUrl::parse, global = true)]
    pub database_url: DatabaseUrl,
}

/// Settings of the web server.
#[derive(Args, Clone, Debug)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "SAMSPILL_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// The address people reach samspill at, e.g. `https://samspill.etat.no`. Form posts must
    /// come from it, links in e-mail and calendars use it, and `https://` makes cookies Secure.
    #[arg(long = "base-url", env = "SAMSPILL_BASE_URL", value_parser = origin_of)]
    pub base_url: Option<Origin>,
    /// Fill an empty database with the demo organisation before serving.
    #[arg(long)]
    pub demo: bool,
    /// samspill is reached only through a reverse proxy that appends the client's address to
    /// `X-Forwarded-For`; login throttling then counts per client, not per proxy.
    #[arg(long, env = "SAMSPILL_BEHIND_PROXY")]
    pub behind_proxy: bool,
    #[command(flatten)]
    pub mail: MailArgs,
    #[command(flatten)]
    pub oidc: OidcArgs,
    /// A file holding the secret that survey participation is recorded under (at least 32
    /// characters), kept outside the database. On SQLite it is made beside the database file
    /// when not given; on PostgreSQL every node must be given the same file.
    #[arg(long, env = "SAMSPILL_SURVEY_KEY_FILE")]
    pub survey_key_file: Option<std::path::PathBuf>,
    /// Read the current time from this file (RFC 3339, e.g. `2027-01-10T09:00:00Z`) whenever it
    /// holds one: for browser tests and trials that need a later day. Never set it in production.
    #[arg(long = "clock-file", env = "SAMSPILL_CLOCK_FILE", hide = true)]
    pub clock_file: Option<std::path::PathBuf>,
}

/// Where e-mail goes. Without an SMTP server, mail waits in the outbox and HR sees it waiting.
#[derive(Args, Clone, Debug)]
pub struct MailArgs {
    /// `smtp://HOST:PORT` (plain, for a relay on the same network), `smtp://HOST:587?tls=required`
    /// (STARTTLS) or `smtps://USER:PASSWORD@HOST` (TLS from the start).
    #[arg(long = "smtp-url", env = "SAMSPILL_SMTP_URL", value_parser = SmtpUrl::parse)]
    pub smtp_url: Option<SmtpUrl>,
    /// The sender of samspill's e-mail, e.g. `samspill <samspill@etat.no>`.
    #[arg(long, env = "SAMSPILL_MAIL_FROM")]
    pub mail_from: Option<String>,
}

/// Signing in with the organisation's identity provider (OpenID Connect).
#[derive(Args, Clone, Debug)]
pub struct OidcArgs {
    /// The provider's issuer, e.g. `https://login.microsoftonline.com/TENANT-ID/v2.0`; its
    /// discovery document is read from `/.well-known/openid-configuration` below it.
    #[arg(long = "oidc-issuer", env = "SAMSPILL_OIDC_ISSUER")]
    pub issuer: Option<String>,
    /// The application (client) id samspill is registered under at the provider.
    #[arg(long = "oidc-client-id", env = "SAMSPILL_OIDC_CLIENT_ID")]
    pub client_id: Option<String>,
    /// The client secret; prefer `--oidc-client-secret-file`.
    #[arg(long = "oidc-client-secret", env = "SAMSPILL_OIDC_CLIENT_SECRET", hide_env_values = true, value_parser = secret)]
    pub client_secret: Option<Secret>,
    /// A file holding the client secret.
    #[arg(long = "oidc-client-secret-file", env = "SAMSPILL_OIDC_CLIENT_SECRET_FILE")]
    pub client_secret_file: Option<std::path::PathBuf>,
    /// The name on the sign-in button, e.g. `Microsoft`; the issuer's host when not given.
    #[arg(long = "oidc-label", env = "SAMSPILL_OIDC_LABEL")]
    pub label: Option<String>,
    /// The ID token claim that names the person. `email`, `preferred_username` and `upn` are
    /// matched to people's e-mail addresses (ignoring case); any other claim to their employee
    /// number.
    #[arg(long = "oidc-claim", env = "SAMSPILL_OIDC_CLAIM", default_value = "email")]
    pub claim: String,
    /// `on`: the e-mail and password form is offered. `off`: only the provider's button; `samspill
    /// admin` on the command line still works.
    #[arg(long = "local-login", env = "SAMSPILL_LOCAL_LOGIN", default_value = "on", value_parser = on_off)]
    pub local_login: bool,
}

fn secret(s: &str) -> Result<Secret, String> {
    Ok(Secret(s.trim().as_bytes().to_vec()))
}

fn on_off(s: &str) -> Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "on" | "true" | "yes" | "1" => Ok(true),
        "off" | "false" | "no" | "0" => Ok(false),
        _ => Err("expected on or off".into()),
    }
}

/// The provider as configured, checked; the secret read from its file.
#[derive(Clone, Debug)]
pub struct OidcSettings {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Secret,
    pub label: String,
    pub claim: String,
    /// Where the provider sends the browser back: `BASE/login/oidc/callback`.
    pub redirect_url: String,
    /// Where the provider's sign-out sends the browser back: samspill's sign-in page.
    pub signed_out_url: String,
}

impl OidcArgs {
    /// The checked settings; `None` when no issuer is configured. Every setting that cannot work
    /// is an error naming it.
    pub fn settings(&self, base: Option<&Origin>) -> Result<Option<OidcSettings>, String> {
        let Some(issuer) = self.issuer.as_deref().map(str::trim).filter(|i| !i.is_empty()) else {
            if !self.local_login {
                return Err("SAMSPILL_LOCAL_LOGIN=off needs SAMSPILL_OIDC_ISSUER: nobody could sign in".into());
            }
            if self.client_id.is_some() || self.client_secret.is_some() || self.client_secret_file.is_some() {
                return Err("SAMSPILL_OIDC_CLIENT_ID or a client secret is set, but SAMSPILL_OIDC_ISSUER is not".into());
            }
            return Ok(None);
        };
        let host = issuer_host(issuer)?;
        let base = base.ok_or("SAMSPILL_OIDC_ISSUER needs SAMSPILL_BASE_URL: the provider sends people back to it")?;
        let client_id = self
            .client_id
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .ok_or("SAMSPILL_OIDC_ISSUER needs SAMSPILL_OIDC_CLIENT_ID")?;
        let client_secret = match (&self.client_secret, &self.client_secret_file) {
            (Some(_), Some(_)) => return Err("give SAMSPILL_OIDC_CLIENT_SECRET or SAMSPILL_OIDC_CLIENT_SECRET_FILE, not both".into()),
            (Some(s), None) => s.clone(),
            (None, Some(file)) => std::fs::read_to_string(file)
                .map(|s| Secret(s.trim().as_bytes().to_vec()))
                .map_err(|e| format!("cannot read SAMSPILL_OIDC_CLIENT_SECRET_FILE {}: {e}", file.display()))?,
            (None, None) => return Err("SAMSPILL_OIDC_ISSUER needs SAMSPILL_OIDC_CLIENT_SECRET or SAMSPILL_OIDC_CLIENT_SECRET_FILE".into()),
        };
        if client_secret.0.is_empty() {
            return Err("the OpenID Connect client secret is empty".into());
        }
        let claim = self.claim.trim();
        if claim.is_empty() {
            return Err("SAMSPILL_OIDC_CLAIM is empty".into());
        }
        let label = self.label.as_deref().map(str::trim).filter(|l| !l.is_empty()).unwrap_or(&host);
        Ok(Some(OidcSettings {
            issuer: issuer.to_string(),
            client_id: client_id.to_string(),
            client_secret,
            label: label.to_string(),
            claim: claim.to_string(),
            redirect_url: format!("{}/login/oidc/callback", base.as_str()),
            signed_out_url: format!("{}/login?signed_out=1", base.as_str()),
        }))
    }
}

/// The host of an issuer URL, which must be `https://`, or `http://` on a loopback address.
fn issuer_host(issuer: &str) -> Result<String, String> {
    let uri: axum::http::Uri = issuer.parse().map_err(|_| format!("SAMSPILL_OIDC_ISSUER is not a URL: {issuer}"))?;
    let host = uri.host().ok_or("SAMSPILL_OIDC_ISSUER must name a host")?.trim_matches(['[', ']']).to_ascii_lowercase();
    let loopback = host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
    match uri.scheme_str() {
        Some("https") => Ok(host),
        Some("http") if loopback => Ok(host),
        _ => Err("SAMSPILL_OIDC_ISSUER must start with https:// (http:// only on a loopback address)".into()),
    }
}

/// An SMTP server's URL, checked when read; `Debug`/`Display` hide the password.
#[derive(Clone)]
pub struct SmtpUrl(String);

impl SmtpUrl {
    pub fn parse(s: &str) -> Result<SmtpUrl, String> {
        let s = s.trim();
        if !(s.starts_with("smtp://") || s.starts_with("smtps://")) {
            return Err("expected smtp://HOST:PORT or smtps://USER:PASSWORD@HOST".into());
        }
        lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(s).map_err(|e| format!("not a usable SMTP URL: {e}"))?;
        Ok(SmtpUrl(s.to_string()))
    }

    /// The URL with its secret; only for handing to the transport.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&DatabaseUrl(self.0.clone()).redacted())
    }
}

/// Scheme, host and port of a base URL, written as browsers send it in `Origin`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin(String);

impl Origin {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_https(&self) -> bool {
        self.0.starts_with("https://")
    }
}

/// Reads the origin of an `http://` or `https://` URL; a path after it is ignored, a default
/// port is left out.
pub fn origin_of(url: &str) -> Result<Origin, String> {
    let uri: axum::http::Uri = url.trim().parse().map_err(|_| format!("not a URL: {url}"))?;
    let scheme = uri.scheme_str().filter(|s| *s == "http" || *s == "https").ok_or("the URL must start with http:// or https://")?;
    let authority = uri.authority().ok_or("the URL must name a host")?;
    if authority.as_str().contains('@') {
        return Err("the URL must not carry a user name".into());
    }
    let host = authority.host().to_ascii_lowercase();
    let default_port = if scheme == "https" { 443 } else { 80 };
    Ok(Origin(match authority.port_u16() {
        Some(port) if port != default_port => format!("{scheme}://{host}:{port}"),
        _ => format!("{scheme}://{host}"),
    }))
}

/// The names of samspill's cookies. Over https they carry the `__Host-` prefix, which browsers
/// accept only from this very host, over https, for the whole site: a sibling domain or a
/// plain-http page cannot plant them.
#[derive(Clone, Copy, Debug)]
pub struct CookieNames {
    pub session: &'static str,
    pub visitor: &'static str,
    pub device: &'static str,
    pub lang: &'static str,
    /// Binds a sign-in at the identity provider to the browser that started it.
    pub provider: &'static str,
}

const PLAIN_COOKIES: CookieNames = CookieNames {
    session: "samspill_session",
    visitor: "samspill_visitor",
    device: "samspill_device",
    lang: "samspill_lang",
    provider: "samspill_provider",
};
const HOST_COOKIES: CookieNames = CookieNames {
    session: "__Host-samspill_session",
    visitor: "__Host-samspill_visitor",
    device: "__Host-samspill_device",
    lang: "__Host-samspill_lang",
    provider: "__Host-samspill_provider",
};

/// What the web layer needs to know at run time.
#[derive(Clone, Debug)]
pub struct WebConfig {
    /// Where people reach samspill, when configured; otherwise each request's own host counts.
    pub origin: Option<Origin>,
    /// Cookies carry `Secure` (and the `__Host-` prefix) when samspill is reached over https.
    pub secure_cookies: bool,
    pub cookies: CookieNames,
    /// The demo organisation is loaded: the sign-in page lists the demo logins.
    pub demo: bool,
    /// Client addresses come from the last `X-Forwarded-For` entry.
    pub behind_proxy: bool,
    /// An SMTP server is configured: queued mail goes out.
    pub mail: bool,
    /// The secret survey participation is recorded under; without one, the database's own key.
    pub survey_key: Option<Secret>,
    /// The e-mail and password form is offered.
    pub local_login: bool,
}

/// A secret read from outside the database; `Debug` never shows it.
#[derive(Clone)]
pub struct Secret(pub Vec<u8>);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Reads the survey key from `file`, or for SQLite from (or into) a file beside the database;
/// None on PostgreSQL without a file.
pub fn survey_key(file: Option<&std::path::Path>, database: &DatabaseUrl) -> anyhow::Result<Option<Secret>> {
    use anyhow::Context;
    let path = match file {
        Some(f) => f.to_path_buf(),
        None if database.is_postgres() => return Ok(None),
        None => {
            let db = database.expose().trim_start_matches("sqlite://").trim_start_matches("sqlite:");
            let db = db.split('?').next().unwrap_or(db);
            if db.is_empty() || db == ":memory:" {
                return Ok(None);
            }
            let path = std::path::PathBuf::from(format!("{db}.survey-key"));
            if !path.exists() {
                let mut bytes = [0u8; 32];
                getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness for the survey key: {e}"))?;
                let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
                write_private(&path, &hex).with_context(|| format!("cannot write the survey key to {}", path.display()))?;
            }
            path
        }
    };
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read the survey key file {}", path.display()))?;
    let key = text.trim();
    anyhow::ensure!(key.len() >= 32, "the survey key file {} must hold at least 32 characters", path.display());
    Ok(Some(Secret(key.as_bytes().to_vec())))
}

/// Writes a file only its owner can read.
fn write_private(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(text.as_bytes())
}

impl WebConfig {
    pub fn new(origin: Option<Origin>, demo: bool) -> WebConfig {
        let secure_cookies = origin.as_ref().is_some_and(Origin::is_https);
        WebConfig {
            origin,
            secure_cookies,
            cookies: if secure_cookies { HOST_COOKIES } else { PLAIN_COOKIES },
            demo,
            behind_proxy: false,
            mail: false,
            survey_key: None,
            local_login: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_never_shows() {
        let url = DatabaseUrl::parse("postgres://app:hemmelig@db.example:5432/samspill").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(url.to_string(), "postgres://app:***@db.example:5432/samspill");
        assert!(!format!("{url:?}").contains("hemmelig"));
        assert!(DatabaseUrl::parse("mysql://x").is_err());
    }

    #[test]
    fn password_in_the_query_never_shows() {
        let url = DatabaseUrl::parse("postgres://app@db.example/samspill?sslmode=require&password=hemmelig&user=app").unwrap();
        assert_eq!(url.to_string(), "postgres://app@db.example/samspill?sslmode=require&password=***&user=app");
        let both = DatabaseUrl::parse("postgres://app:hemmelig@db/s?password=hemmelig").unwrap();
        assert!(!both.to_string().contains("hemmelig"), "{both}");
        let at_sign = DatabaseUrl::parse("postgres://app:hem@melig@db.example/s").unwrap();
        assert_eq!(at_sign.to_string(), "postgres://app:***@db.example/s");
    }

    #[test]
    fn origins() {
        let ok = [
            ("https://samspill.etat.no", "https://samspill.etat.no"),
            ("https://Samspill.Etat.no:443/app/", "https://samspill.etat.no"),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("http://localhost:80", "http://localhost"),
        ];
        for (url, origin) in ok {
            assert_eq!(origin_of(url).unwrap().as_str(), origin, "{url}");
        }
        for bad in ["samspill.etat.no", "ftp://x.no", "https://user:pw@x.no", "/path"] {
            assert!(origin_of(bad).is_err(), "{bad}");
        }
        assert!(WebConfig::new(Some(origin_of("https://x.no").unwrap()), false).cookies.session.starts_with("__Host-"));
        assert!(!WebConfig::new(None, false).secure_cookies);
    }

    fn oidc(issuer: Option<&str>) -> OidcArgs {
        OidcArgs {
            issuer: issuer.map(str::to_string),
            client_id: Some("samspill".into()),
            client_secret: Some(Secret(b"hemmelig".to_vec())),
            client_secret_file: None,
            label: None,
            claim: "email".into(),
            local_login: true,
        }
    }

    #[test]
    fn oidc_settings() {
        let base = origin_of("https://samspill.etat.no").unwrap();
        let ok = oidc(Some("https://login.microsoftonline.com/t/v2.0")).settings(Some(&base)).unwrap().unwrap();
        assert_eq!(ok.redirect_url, "https://samspill.etat.no/login/oidc/callback");
        assert_eq!(ok.label, "login.microsoftonline.com");
        assert!(!format!("{ok:?}").contains("hemmelig"));
        for loopback in ["http://127.0.0.1:4000", "http://localhost:4000/", "http://[::1]:4000"] {
            assert!(oidc(Some(loopback)).settings(Some(&base)).is_ok(), "{loopback}");
        }
        for bad in ["http://idp.etat.no", "ftp://idp.etat.no", "idp.etat.no"] {
            assert!(oidc(Some(bad)).settings(Some(&base)).is_err(), "{bad}");
        }
        assert!(oidc(Some("https://idp.etat.no")).settings(None).is_err(), "no base URL");
        assert!(oidc(None).settings(None).is_err(), "a client id without an issuer");
        let none = OidcArgs { client_id: None, client_secret: None, ..oidc(None) };
        assert!(none.settings(None).unwrap().is_none());
        assert!(OidcArgs { local_login: false, ..none }.settings(None).is_err(), "nobody could sign in");
        let both = OidcArgs { client_secret_file: Some("/x".into()), ..oidc(Some("https://idp.etat.no")) };
        assert!(both.settings(Some(&base)).is_err());
    }

    #[test]
    fn smtp_urls() {
        for ok in ["smtp://127.0.0.1:2525", "smtp://relay.etat.no:587?tls=required", "smtps://app:hemmelig@smtp.etat.no"] {
            assert!(SmtpUrl::parse(ok).is_ok(), "{ok}");
        }
        for bad in ["", "relay.etat.no", "http://relay.etat.no", "smtp://", "smtp://host:notaport"] {
            assert!(SmtpUrl::parse(bad).is_err(), "{bad}");
        }
        let url = SmtpUrl::parse("smtps://app:hemmelig@smtp.etat.no").unwrap();
        assert!(!format!("{url:?}").contains("hemmelig"));
    }
}
