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

    /// The URL with any password replaced by `***`, safe for logs and error messages.
    pub fn redacted(&self) -> String {
        let Some((scheme, rest)) = self.0.split_once("://") else { return self.0.clone() };
        match rest.split_once('@') {
            Some((userinfo, host)) if userinfo.contains(':') => {
                let user = userinfo.split(':').next().unwrap_or("");
                format!("{scheme}://{user}:***@{host}")
            }
            _ => self.0.clone(),
        }
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
    /// The address people reach samspill at; links in e-mail and calendars use it, and an
    /// `https://` address makes cookies Secure.
    #[arg(long = "base-url", env = "SAMSPILL_BASE_URL", default_value = "http://localhost:8080")]
    pub base_url: String,
    /// Fill an empty database with the demo organisation before serving.
    #[arg(long)]
    pub demo: bool,
    /// samspill is reached only through a reverse proxy that appends the client's address to
    /// `X-Forwarded-For`; login throttling then counts per client, not per proxy.
    #[arg(long, env = "SAMSPILL_BEHIND_PROXY")]
    pub behind_proxy: bool,
}

/// What the web layer needs to know at run time.
#[derive(Clone, Debug)]
pub struct WebConfig {
    pub base_url: String,
    /// Cookies carry `Secure` when samspill is reached over https.
    pub secure_cookies: bool,
    /// The demo organisation is loaded: the sign-in page lists the demo logins.
    pub demo: bool,
    /// Client addresses come from the last `X-Forwarded-For` entry.
    pub behind_proxy: bool,
}

impl WebConfig {
    pub fn new(base_url: &str, demo: bool) -> WebConfig {
        WebConfig {
            base_url: base_url.trim_end_matches('/').to_string(),
            secure_cookies: base_url.starts_with("https://"),
            demo,
            behind_proxy: false,
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
}
