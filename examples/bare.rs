//! The benchmark's baseline: the same axum, sqlx, tokio, askama and allocator as samspill, and
//! no application logic. `GET /` reads a table of 20 rows and renders it as an escaped HTML page;
//! `POST /write` commits one inserted row per request in a transaction of its own, with one
//! writer at a time as samspill's writes (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: the writers'
//! turn of `store::BEGIN_WRITE`). `bench/run.sh` compares samspill's pages with it.
//!
//!   cargo run --release --example bare -- --database-url sqlite:///tmp/bare.db --bind 127.0.0.1:18091
//!
//! The database comes from `--database-url` or `SAMSPILL_DATABASE_URL`, as for samspill; the
//! tables `bare_rows` and `bare_writes` are created and filled at start.

use std::net::SocketAddr;
use std::str::FromStr;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use samspill::store;
use sqlx::postgres::{PgConnectOptions, PgPool};
use sqlx::sqlite::SqlitePool;

/// The allocator samspill runs with (src/main.rs), so that the baseline is the same stack.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The pools, opened with samspill's own settings (`store::pg_pool_options`,
/// `store::sqlite_pool_options`, `store::sqlite_connect_options`), so that the two cannot drift apart.
#[derive(Clone)]
enum Db {
    Sqlite(SqlitePool),
    Pg(PgPool),
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    name: String,
    email: String,
    title: String,
    unit: String,
    location: String,
}

/// Askama escapes every field, as on samspill's pages.
#[derive(Template)]
#[template(
    ext = "html",
    source = r#"<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>
<table><thead><tr><th>Navn</th><th>E-post</th><th>Tittel</th><th>Enhet</th><th>Sted</th></tr></thead><tbody>
{% for r in rows %}<tr><th scope="row"><a href="/rows/{{ r.id }}">{{ r.name }}</a></th><td>{{ r.email }}</td><td>{{ r.title }}</td><td>{{ r.unit }}</td><td>{{ r.location }}</td></tr>
{% endfor %}</tbody></table></main></body></html>"#
)]
struct Page<'a> {
    title: &'a str,
    rows: &'a [Row],
}

const SELECT: &str = "SELECT id, name, email, title, unit, location FROM bare_rows ORDER BY id";
const INSERT: &str = "INSERT INTO bare_writes (body, created_at) VALUES ($1, $2)";

async fn page(State(db): State<Db>) -> Response {
    let rows = match &db {
        Db::Sqlite(p) => sqlx::query_as::<_, Row>(SELECT).fetch_all(p).await,
        Db::Pg(p) => sqlx::query_as::<_, Row>(SELECT).fetch_all(p).await,
    };
    let rows = match rows {
        Ok(rows) => rows,
        Err(e) => return failed(e),
    };
    match (Page { title: "Personer & steder", rows: &rows }).render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => failed(e),
    }
}

async fn write(State(db): State<Db>) -> Response {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let body = "Ny rad <skrevet> av «bare»";
    let result = match &db {
        Db::Sqlite(p) => {
            async {
                let mut tx = p.begin_with("BEGIN IMMEDIATE").await?;
                sqlx::query(INSERT).bind(body).bind(now).execute(&mut *tx).await?;
                tx.commit().await
            }
            .await
        }
        Db::Pg(p) => {
            async {
                let mut tx = p.begin_with(store::BEGIN_WRITE).await?;
                sqlx::query(INSERT).bind(body).bind(now).execute(&mut *tx).await?;
                tx.commit().await
            }
            .await
        }
    };
    match result {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => failed(e),
    }
}

fn failed(e: impl std::fmt::Display) -> Response {
    eprintln!("bare: {e}");
    (StatusCode::INTERNAL_SERVER_ERROR, "error").into_response()
}

async fn connect(url: &str) -> Result<Db, sqlx::Error> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Db::Pg(store::pg_pool_options().connect_with(PgConnectOptions::from_str(url)?).await?))
    } else {
        Ok(Db::Sqlite(store::sqlite_pool_options().connect_with(store::sqlite_connect_options(url)?).await?))
    }
}

/// Twenty rows with text that needs escaping (`&`, `<`, quotes) and letters outside ASCII.
fn sample(i: i64) -> (String, String, String, String, String) {
    let first = ["Åse", "Øystein", "Kari", "Per", "Ingrid"][(i % 5) as usize];
    let last = ["Ødegård", "Berg & Sønn", "O'Neill", "Haugen", "Ås"][(i / 5 % 5) as usize];
    (
        format!("{first} {last} {i}"),
        format!("person{i}@example.no"),
        format!("Rådgiver <nivå {}>", i % 3),
        format!("Enhet \"{}\"", i % 4),
        "Oslo – Storgata 1".to_string(),
    )
}

async fn setup(db: &Db) -> Result<(), sqlx::Error> {
    let (create_rows, create_writes) = match db {
        Db::Sqlite(_) => (
            "CREATE TABLE IF NOT EXISTS bare_rows (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, \
             title TEXT NOT NULL, unit TEXT NOT NULL, location TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS bare_writes (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL, created_at INTEGER NOT NULL)",
        ),
        Db::Pg(_) => (
            "CREATE TABLE IF NOT EXISTS bare_rows (id BIGINT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, \
             title TEXT NOT NULL, unit TEXT NOT NULL, location TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS bare_writes (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL, created_at BIGINT NOT NULL)",
        ),
    };
    let insert = "INSERT INTO bare_rows (id, name, email, title, unit, location) VALUES ($1, $2, $3, $4, $5, $6)";
    macro_rules! fill {
        ($pool:expr) => {{
            sqlx::query(create_rows).execute($pool).await?;
            sqlx::query(create_writes).execute($pool).await?;
            let mut tx = $pool.begin().await?;
            sqlx::query("DELETE FROM bare_rows").execute(&mut *tx).await?;
            for i in 1..=20 {
                let (name, email, title, unit, location) = sample(i);
                sqlx::query(insert).bind(i).bind(name).bind(email).bind(title).bind(unit).bind(location).execute(&mut *tx).await?;
            }
            tx.commit().await
        }};
    }
    match db {
        Db::Sqlite(p) => fill!(p),
        Db::Pg(p) => fill!(p),
    }
}

/// `--name value` from the command line, else the environment variable, else the default.
fn setting(name: &str, env: &str, default: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .or_else(|| std::env::var(env).ok())
        .unwrap_or_else(|| default.to_string())
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let url = setting("--database-url", "SAMSPILL_DATABASE_URL", "sqlite://bare.db");
    let bind = setting("--bind", "BARE_BIND", "127.0.0.1:18091");
    let run = async {
        let bind: SocketAddr = bind.parse().map_err(|e| format!("--bind {bind}: {e}"))?;
        let db = connect(&url).await.map_err(|e| format!("database: {e}"))?;
        setup(&db).await.map_err(|e| format!("setting up the tables: {e}"))?;
        let app = Router::new().route("/", get(page)).route("/write", post(write)).with_state(db);
        let listener = tokio::net::TcpListener::bind(bind).await.map_err(|e| format!("cannot listen on {bind}: {e}"))?;
        println!("bare is listening on http://{bind}");
        axum::serve(listener, app).await.map_err(|e| e.to_string())
    };
    match run.await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bare: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
