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
}

const PLAIN_COOKIES: CookieNames =
    CookieNames { session: "samspill_session", visitor: "samspill_visitor", device: "samspill_device", lang: "samspill_lang" };
const HOST_COOKIES: CookieNames = CookieNames {
    session: "__Host-samspill_session",
    visitor: "__Host-samspill_visitor",
    device: "__Host-samspill_device",
    lang: "__Host-samspill_lang",
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
