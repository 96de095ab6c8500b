//! Test harness: a fresh database per test (a SQLite file, or a new database on the PostgreSQL
//! server at `SAMSPILL_TEST_POSTGRES_URL`), and the app on a random port spoken to over HTTP.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod log;
pub mod provider;
pub mod smtp;

use samspill::config::{DatabaseUrl, WebConfig};
use samspill::domain::fields::Weekdays;
use samspill::domain::{PersonId, password};
use samspill::store::{self, Db, people::PersonFields};
use samspill::web::{self, AppState};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs a test body once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                ($body)($crate::common::TestDb::new($crate::common::Backend::Sqlite).await).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                ($body)($crate::common::TestDb::new($crate::common::Backend::Postgres).await).await;
            }
        }
    };
}

fn unique_name() -> String {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).unwrap();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A database of its own, migrated and empty.
pub struct TestDb {
    pub url: DatabaseUrl,
    pub db: Db,
    pub backend: Backend,
}

impl TestDb {
    /// The version of a built-in instrument that a new attempt starts on.
    pub async fn current_version(&self, instrument: &str) -> i64 {
        let mut c = self.db.conn().await.unwrap();
        let current = store::development::current_instruments(c.ex()).await.unwrap();
        current.into_iter().find(|(id, _)| id == instrument).unwrap().1
    }

    pub async fn new(backend: Backend) -> TestDb {
        let url = match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join("samspill-tests");
                std::fs::create_dir_all(&dir).unwrap();
                format!("sqlite://{}", dir.join(format!("{}.db", unique_name())).display())
            }
            Backend::Postgres => {
                let server =
                    std::env::var("SAMSPILL_TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
                let name = format!("samspill_test_{}", unique_name());
                let admin = sqlx::PgPool::connect(&server).await.expect("PostgreSQL for tests (SAMSPILL_TEST_POSTGRES_URL) answers");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&admin).await.unwrap();
                admin.close().await;
                let (base, _) = server.rsplit_once('/').unwrap();
                format!("{base}/{name}")
            }
        };
        let url = DatabaseUrl::parse(&url).unwrap();
        let db = Db::connect(&url).await.unwrap();
        db.migrate().await.unwrap();
        TestDb { url, db, backend }
    }

    /// Another connection pool on the same database, as a second app process would have.
    pub async fn second_pool(&self) -> Db {
        Db::connect(&self.url).await.unwrap()
    }

    /// Adds a person who can sign in with `password`.
    pub async fn person(&self, number: &str, name: &str, email: &str, leader: Option<PersonId>, admin: bool) -> PersonId {
        let fields = PersonFields {
            employee_number: number.into(),
            name: name.into(),
            email: email.into(),
            title: String::new(),
            unit: None,
            leader,
            location: None,
            home_office_days: Weekdays::default(),
        };
        let mut tx = self.db.begin().await.unwrap();
        let id = store::people::insert(tx.ex(), &fields).await.unwrap();
        store::people::set_password(tx.ex(), id, &password_hash()).await.unwrap();
        store::people::set_admin(tx.ex(), id, admin).await.unwrap();
        tx.commit().await.unwrap();
        id
    }

    /// Adds a unit under `parent`.
    pub async fn unit(&self, name: &str, parent: Option<samspill::domain::UnitId>) -> samspill::domain::UnitId {
        let mut tx = self.db.begin().await.unwrap();
        let id = store::units::insert(tx.ex(), name, parent).await.unwrap();
        tx.commit().await.unwrap();
        id
    }

    /// Adds a person who can sign in, in `unit`.
    pub async fn person_in(&self, number: &str, name: &str, email: &str, unit: samspill::domain::UnitId) -> PersonId {
        let fields = PersonFields {
            employee_number: number.into(),
            name: name.into(),
            email: email.into(),
            title: String::new(),
            unit: Some(unit),
            leader: None,
            location: None,
            home_office_days: Weekdays::default(),
        };
        let mut tx = self.db.begin().await.unwrap();
        let id = store::people::insert(tx.ex(), &fields).await.unwrap();
        store::people::set_password(tx.ex(), id, &password_hash()).await.unwrap();
        tx.commit().await.unwrap();
        id
    }

    pub async fn count_sessions(&self) -> i64 {
        let mut c = self.db.conn().await.unwrap();
        match c.ex() {
            store::Ex::Sqlite(c) => sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(&mut *c).await.unwrap(),
            store::Ex::Pg(c) => sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(&mut *c).await.unwrap(),
        }
    }

    pub async fn count_people(&self) -> i64 {
        let mut c = self.db.conn().await.unwrap();
        store::people::count_all(c.ex()).await.unwrap()
    }
}

pub const PASSWORD: &str = "et langt passord";

/// One hash for every test person: hashing is deliberately slow.
fn password_hash() -> String {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| password::hash(PASSWORD).unwrap()).clone()
}

struct ProviderSetup {
    issuer: String,
    claim: String,
    local_login: bool,
}

/// The app serving on a random port of 127.0.0.1.
pub struct TestApp {
    pub base: String,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl TestApp {
    pub async fn spawn(db: Db) -> TestApp {
        Self::spawn_with(db, false).await
    }

    /// The app as it runs behind a reverse proxy: clients are told apart by `X-Forwarded-For`.
    pub async fn spawn_behind_proxy(db: Db) -> TestApp {
        Self::spawn_with(db, true).await
    }

    async fn spawn_with(db: Db, behind_proxy: bool) -> TestApp {
        Self::spawn_configured(db, behind_proxy, None).await
    }

    /// The app with people signing in at `issuer` too (reached before the first request, when it
    /// answers), naming them by `claim`.
    pub async fn spawn_with_provider(db: Db, issuer: &str, claim: &str, local_login: bool) -> TestApp {
        Self::spawn_configured(db, false, Some(ProviderSetup { issuer: issuer.into(), claim: claim.into(), local_login })).await
    }

    async fn spawn_configured(db: Db, behind_proxy: bool, provider: Option<ProviderSetup>) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let origin = samspill::config::origin_of(&base).unwrap();
        let local_login = provider.as_ref().is_none_or(|p| p.local_login);
        let web = WebConfig { behind_proxy, local_login, ..WebConfig::new(Some(origin.clone()), false) };
        let mut state = AppState::new(db, web).await.unwrap();
        if let Some(p) = provider {
            let args = samspill::config::OidcArgs {
                issuer: Some(p.issuer),
                client_id: Some(provider::CLIENT_ID.into()),
                client_secret: Some(samspill::config::Secret(provider::CLIENT_SECRET.as_bytes().to_vec())),
                client_secret_file: None,
                label: Some("Testleverandør".into()),
                claim: p.claim,
                local_login: p.local_login,
            };
            let settings = args.settings(Some(&origin)).unwrap().unwrap();
            let provider =
                std::sync::Arc::new(samspill::oidc::Provider::with_timeout(settings, std::time::Duration::from_secs(2)).unwrap());
            let _ = provider.discover().await;
            state = state.with_provider(provider);
        }
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            web::serve(listener, state, async move {
                let _ = rx.await;
            })
            .await
            .unwrap();
        });
        TestApp { base, shutdown: Some(tx) }
    }

    /// A browser-like client: keeps cookies, does not follow redirects (tests look at them).
    pub fn client(&self) -> Client {
        let http = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
        Client { http, base: self.base.clone() }
    }

    /// A client at another address, for an app behind a proxy.
    pub fn client_at(&self, address: &str) -> Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-forwarded-for", address.parse().unwrap());
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(headers)
            .build()
            .unwrap();
        Client { http, base: self.base.clone() }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

impl Page {
    /// The CSRF token the page's forms carry.
    pub fn csrf(&self) -> String {
        let marker = "name=\"csrf\" value=\"";
        let start = self.body.find(marker).expect("page has a CSRF field") + marker.len();
        self.body[start..start + 64].to_string()
    }

    pub fn contains(&self, text: &str) -> bool {
        self.body.contains(text)
    }
}

#[derive(Clone)]
pub struct Client {
    pub http: reqwest::Client,
    pub base: String,
}

impl Client {
    async fn page(response: reqwest::Response) -> Page {
        let status = response.status().as_u16();
        let location = response.headers().get("location").map(|v| v.to_str().unwrap().to_string());
        let body = response.text().await.unwrap();
        Page { status, location, body }
    }

    pub async fn get(&self, path: &str) -> Page {
        Self::page(self.http.get(format!("{}{path}", self.base)).send().await.unwrap()).await
    }

    pub async fn get_with(&self, path: &str, header: (&str, &str)) -> Page {
        Self::page(self.http.get(format!("{}{path}", self.base)).header(header.0, header.1).send().await.unwrap()).await
    }

    /// Posts a form as it is; the caller adds the CSRF field or leaves it out.
    pub async fn post_raw(&self, path: &str, form: &[(&str, &str)]) -> Page {
        Self::page(self.http.post(format!("{}{path}", self.base)).form(form).send().await.unwrap()).await
    }

    /// Posts a form with the CSRF token of the page it came from.
    pub async fn post(&self, from: &str, path: &str, form: &[(&str, &str)]) -> Page {
        let token = self.get(from).await.csrf();
        let mut fields = vec![("csrf", token.as_str())];
        fields.extend_from_slice(form);
        self.post_raw(path, &fields).await
    }

    pub async fn sign_in(&self, email: &str) -> Page {
        self.post("/login", "/login", &[("email", email), ("password", PASSWORD), ("next", "/")]).await
    }

    /// Uploads a file to the import page.
    pub async fn upload(&self, csv: &[u8], full: bool) -> Page {
        self.upload_named(csv, "people.csv", full).await
    }

    /// Uploads as a browser does; an empty name is what a form sends when no file was chosen.
    pub async fn upload_named(&self, csv: &[u8], file_name: &str, full: bool) -> Page {
        let token = self.get("/org/import").await.csrf();
        let part = reqwest::multipart::Part::bytes(csv.to_vec()).file_name(file_name.to_string()).mime_str("text/csv").unwrap();
        let mut form = reqwest::multipart::Form::new().part("file", part);
        if full {
            form = form.text("full", "on");
        }
        let url = format!("{}/org/import?csrf={token}", self.base);
        Self::page(self.http.post(url).multipart(form).send().await.unwrap()).await
    }
}
