//! All SQL lives here. One SQL text with `$1..$n` placeholders runs on both SQLite and
//! PostgreSQL; the macros below run it through whichever pool or transaction is at hand.

pub mod cache;
pub mod conversations;
pub mod development;
pub mod imports;
pub mod keys;
pub mod locations;
pub mod outbox;
pub mod people;
pub mod sessions;
pub mod settings;
pub mod sign_ins;
pub mod surveys;
pub mod throttle;
pub mod units;

use std::cell::RefCell;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgConnection, SqliteConnection};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::config::DatabaseUrl;

/// A failed database call. The driver's error stays inside the store; callers ask only what they
/// act on (a duplicate) and otherwise log it.
#[derive(Debug, thiserror::Error)]
#[error("database: {0}")]
pub struct Error(#[from] sqlx::Error);

impl Error {
    /// A unique constraint refused the write (the same code on both databases).
    pub fn is_unique_violation(&self) -> bool {
        matches!(&self.0, sqlx::Error::Database(d) if d.is_unique_violation())
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// A connection pool on one of the two supported databases.
#[derive(Clone, Debug)]
pub struct Db {
    pool: Pool,
    /// Write transactions of this process wait their turn here, holding no connection: a queue
    /// of writers would otherwise hold the pool's connections while it waits for the database's
    /// lock, and leave none for reading.
    writers: Arc<Semaphore>,
}

#[derive(Clone, Debug)]
enum Pool {
    Sqlite(SqlitePool),
    Pg(PgPool),
}

/// A borrowed connection (from the pool or inside a transaction) that store functions run on.
pub enum Ex<'c> {
    Sqlite(&'c mut SqliteConnection),
    Pg(&'c mut PgConnection),
}

/// A connection checked out of the pool; `ex()` lends it to store functions.
impl Ex<'_> {
    /// A shorter borrow of the same connection, for running several queries through one `Ex`.
    pub fn reborrow(&mut self) -> Ex<'_> {
        match self {
            Ex::Sqlite(c) => Ex::Sqlite(c),
            Ex::Pg(c) => Ex::Pg(c),
        }
    }
}

pub struct Conn {
    inner: ConnInner,
    _held: Held,
}

enum ConnInner {
    Sqlite(sqlx::pool::PoolConnection<sqlx::Sqlite>),
    Pg(sqlx::pool::PoolConnection<sqlx::Postgres>),
}

/// An open transaction; dropped without `commit` it rolls back. A write transaction holds this
/// process's writer turn until then.
pub struct Tx {
    inner: TxInner,
    _turn: Option<OwnedSemaphorePermit>,
    _held: Held,
}

tokio::task_local! {
    /// The pooled connections of the running request (`one_connection_at_a_time`).
    static REQUEST: RefCell<RequestConns>;
}

#[derive(Default)]
struct RequestConns {
    /// Connections taken and not given back.
    held: u32,
    /// A connection put aside for the request's next `Db::conn` (`Conn::keep`).
    kept: Option<ConnInner>,
    /// The request has begun a write transaction or written: the data version its session read
    /// may be behind, and what it reads inside its transaction must come from there.
    wrote: bool,
}

/// Marks the running request as one that writes (a write transaction begins, an `exec!` runs):
/// from then on it reads afresh, not what is kept at the version it read with its session
/// (`cache`).
pub(crate) fn mark_written() {
    let _ = REQUEST.try_with(|request| request.borrow_mut().wrote = true);
}

/// Whether the running request has changed data; outside a request, always.
pub(crate) fn written() -> bool {
    REQUEST.try_with(|request| request.borrow().wrote).unwrap_or(true)
}

/// Runs a request so that it may hold one pooled connection at a time. A request that asks the
/// pool for a second connection while it holds one waits for another request to give one back;
/// once every request in flight does that, all of them wait until the pool gives up. Debug builds
/// (and so the tests) stop such a request at once.
pub async fn one_connection_at_a_time<F: Future>(request: F) -> F::Output {
    REQUEST.scope(RefCell::default(), request).await
}

/// A connection counted against the running request's one, while it lives.
struct Held(bool);

impl Held {
    /// Counts a connection about to be taken, and hands over the one kept for it, if any.
    fn mark() -> (Held, Option<ConnInner>) {
        REQUEST
            .try_with(|request| {
                let mut request = request.borrow_mut();
                debug_assert!(request.held == 0, "a request asked for a second database connection while holding one");
                request.held += 1;
                (Held(true), request.kept.take())
            })
            .unwrap_or((Held(false), None))
    }

    /// Counts a transaction about to wait for its turn: a kept connection goes back to the pool
    /// first.
    fn mark_for_transaction() -> Held {
        let (held, kept) = Held::mark();
        drop(kept);
        held
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        if self.0 {
            let _ = REQUEST.try_with(|request| {
                let mut request = request.borrow_mut();
                request.held = request.held.saturating_sub(1);
            });
        }
    }
}

enum TxInner {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Pg(sqlx::Transaction<'static, sqlx::Postgres>),
}

impl Conn {
    /// Puts the connection aside for the request's next `Db::conn` or transaction, instead of
    /// giving it back to the pool: a page then reads the session and its own data on one
    /// connection, and the pool checks it once (sqlx tests each connection given back with a
    /// round trip). A write that must wait for this node's turn gives it back first.
    pub fn keep(self) {
        let Conn { inner, _held } = self;
        drop(_held);
        let _ = REQUEST.try_with(|request| request.borrow_mut().kept = Some(inner));
    }

    pub fn ex(&mut self) -> Ex<'_> {
        match &mut self.inner {
            ConnInner::Sqlite(c) => Ex::Sqlite(c),
            ConnInner::Pg(c) => Ex::Pg(c),
        }
    }
}

impl Tx {
    pub fn ex(&mut self) -> Ex<'_> {
        match &mut self.inner {
            TxInner::Sqlite(t) => Ex::Sqlite(t),
            TxInner::Pg(t) => Ex::Pg(t),
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.inner, TxInner::Pg(_))
    }

    pub async fn commit(self) -> Result<()> {
        match self.inner {
            TxInner::Sqlite(t) => Ok(t.commit().await?),
            TxInner::Pg(t) => Ok(t.commit().await?),
        }
    }
}

/// Runs one expression against whichever backend `$ex` holds; `$c` is the connection.
macro_rules! on {
    ($ex:expr, |$c:ident| $body:expr) => {
        match $ex {
            $crate::store::Ex::Sqlite($c) => $body,
            $crate::store::Ex::Pg($c) => $body,
        }
    };
}

/// Rows that SQLite built into one JSON array (`json_group_array(json_array(…))`), in the order
/// of the struct's fields. SQLite's driver copies each value of each row across threads, which
/// costs more than the query for long lists; one text value is copied and parsed once.
pub(crate) async fn json_rows<T: serde::de::DeserializeOwned>(c: &mut SqliteConnection, sql: &'static str) -> Result<Vec<T>> {
    let json: String = sqlx::query_scalar(sql).fetch_one(&mut *c).await?;
    parse_json_rows(&json)
}

/// An aggregate of `columns` as a JSON array of arrays in `order`, as text (`[]` for no rows):
/// rows of any shape that share a statement with other values, parsed with `parse_json_rows`.
pub(crate) fn json_list(pg: bool, columns: &str, order: &str) -> String {
    if pg {
        format!("COALESCE(json_agg(json_build_array({columns}) ORDER BY {order})::text, '[]')")
    } else {
        format!("json_group_array(json_array({columns}) ORDER BY {order})")
    }
}

pub(crate) fn parse_json_rows<T: serde::de::DeserializeOwned>(json: &str) -> Result<Vec<T>> {
    Ok(serde_json::from_str(json).map_err(|e| sqlx::Error::Decode(Box::new(e)))?)
}

/// `rows!(ex, Row, "SELECT …", args…)` → `Vec<Row>`.
macro_rules! rows {
    ($ex:expr, $row:ty, $sql:expr $(, $arg:expr)* $(,)?) => {
        $crate::store::on!($ex, |c| sqlx::query_as::<_, $row>($sql)$(.bind($arg))*.fetch_all(&mut *c).await.map_err($crate::store::Error::from))
    };
}

/// `row!(ex, Row, "SELECT …", args…)` → `Option<Row>`.
macro_rules! row {
    ($ex:expr, $row:ty, $sql:expr $(, $arg:expr)* $(,)?) => {
        $crate::store::on!($ex, |c| sqlx::query_as::<_, $row>($sql)$(.bind($arg))*.fetch_optional(&mut *c).await.map_err($crate::store::Error::from))
    };
}

/// `scalar!(ex, T, "SELECT one value", args…)` → `T`.
macro_rules! scalar {
    ($ex:expr, $t:ty, $sql:expr $(, $arg:expr)* $(,)?) => {
        $crate::store::on!($ex, |c| sqlx::query_scalar::<_, $t>($sql)$(.bind($arg))*.fetch_one(&mut *c).await.map_err($crate::store::Error::from))
    };
}

/// `exec!(ex, "UPDATE …", args…)` → rows affected. Marks the request as one that writes.
macro_rules! exec {
    ($ex:expr, $sql:expr $(, $arg:expr)* $(,)?) => {{
        $crate::store::mark_written();
        $crate::store::on!($ex, |c| sqlx::query($sql)$(.bind($arg))*.execute(&mut *c).await.map(|r| r.rows_affected()).map_err($crate::store::Error::from))
    }};
}

pub(crate) use {exec, on, row, rows, scalar};

/// Each SQLite connection runs on a thread of its own; beyond a few, readers only add thread
/// switches on a small machine (measured with bench/run.sh), and writers take turns anyway.
const SQLITE_CONNECTIONS: u32 = 4;

/// How a PostgreSQL write transaction starts: it takes the transaction-level advisory lock that
/// writers take turns on (key 0x73616d7370696c6c, "samspill" in ASCII) and opens the transaction
/// block, in one round trip. The lock runs first, in the implicit transaction that `BEGIN` then
/// turns into the block, so it is held until commit or rollback; if it fails, the implicit
/// transaction ends with it and the connection is left outside any transaction.
pub const BEGIN_WRITE: &str = "SELECT pg_advisory_xact_lock(8314046729677270124); BEGIN";

static SQLITE_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static PG_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// How samspill's PostgreSQL pool is set up; the bench's bare baseline opens its pool the same way.
pub fn pg_pool_options() -> PgPoolOptions {
    // A connection is not pinged each time it leaves the pool: that was a round trip per
    // checkout, two per page. A broken one fails its query, and is dropped; connections are
    // renewed every half hour.
    // Four connections per core: more let PostgreSQL's backends and samspill's requests contend
    // for the same cores, and a request's wait moves from the pool's queue (first come, first
    // served) into the scheduler's. On the 2-core machine 16 connections made the pages' p99
    // 30–55 % higher than 8, at lower throughput.
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get() as u32);
    PgPoolOptions::new()
        .max_connections(4 * cores)
        .acquire_timeout(Duration::from_secs(5))
        .test_before_acquire(false)
        .max_lifetime(Duration::from_secs(1800))
}

/// How samspill's SQLite pool is set up; the bench's bare baseline opens its pool the same way.
pub fn sqlite_pool_options() -> SqlitePoolOptions {
    SqlitePoolOptions::new()
        .max_connections(SQLITE_CONNECTIONS)
        // A local file needs no ping before each checkout (a hop to the connection's thread).
        .test_before_acquire(false)
        .acquire_timeout(Duration::from_secs(5))
}

/// How each SQLite connection is opened. A missing file is created.
pub fn sqlite_connect_options(url: &str) -> std::result::Result<SqliteConnectOptions, sqlx::Error> {
    Ok(SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5))
        // `PRAGMA optimize` samples this many rows of each index instead of reading all.
        .pragma("analysis_limit", "1000")
        // A deleted or rewritten row's bytes are zeroed in its page, where that costs no more
        // writes: a survey answer written again leaves no copy under its earlier id beside it.
        .pragma("secure_delete", "fast"))
}

impl Db {
    fn new(pool: Pool) -> Db {
        Db { pool, writers: Arc::new(Semaphore::new(1)) }
    }

    /// Connects without touching the schema. A SQLite file is created when missing.
    pub async fn connect(url: &DatabaseUrl) -> Result<Db> {
        if url.is_postgres() {
            let pool = pg_pool_options().connect_with(PgConnectOptions::from_str(url.expose())?).await?;
            Ok(Db::new(Pool::Pg(pool)))
        } else {
            let pool = sqlite_pool_options().connect_with(sqlite_connect_options(url.expose())?).await?;
            Ok(Db::new(Pool::Sqlite(pool)))
        }
    }

    pub async fn migrate(&self) -> std::result::Result<(), sqlx::migrate::MigrateError> {
        match &self.pool {
            Pool::Sqlite(p) => SQLITE_MIGRATOR.run(p).await,
            Pool::Pg(p) => PG_MIGRATOR.run(p).await,
        }
    }

    pub async fn conn(&self) -> Result<Conn> {
        let (held, kept) = Held::mark();
        Ok(Conn { inner: self.pooled(kept).await?, _held: held })
    }

    /// The connection the request put aside (`Conn::keep`), or one from the pool.
    async fn pooled(&self, kept: Option<ConnInner>) -> Result<ConnInner> {
        Ok(match (kept, &self.pool) {
            (Some(kept @ ConnInner::Sqlite(_)), Pool::Sqlite(_)) | (Some(kept @ ConnInner::Pg(_)), Pool::Pg(_)) => kept,
            (_, Pool::Sqlite(p)) => ConnInner::Sqlite(p.acquire().await?),
            (_, Pool::Pg(p)) => ConnInner::Pg(p.acquire().await?),
        })
    }

    /// Opens a transaction with `statement` (or the plain `BEGIN`) on the kept connection or
    /// one from the pool: on the kept one, no connection goes back to the pool (which tests it
    /// with a round trip) only for another to be taken.
    async fn open(&self, kept: Option<ConnInner>, statement: Option<&'static str>) -> Result<TxInner> {
        use sqlx::SqlSafeStr;
        let statement = statement.map(|s| s.into_sql_str());
        Ok(match self.pooled(kept).await? {
            ConnInner::Sqlite(c) => TxInner::Sqlite(sqlx::Transaction::begin(c, statement).await?),
            ConnInner::Pg(c) => TxInner::Pg(sqlx::Transaction::begin(c, statement).await?),
        })
    }

    /// Starts a write transaction; write transactions take turns on both databases, so a rule
    /// that reads and then writes (no reporting cycle, unique names, an import planned against
    /// the data as it stands) holds however many requests arrive at once. SQLite takes its write
    /// lock at once (`BEGIN IMMEDIATE`), which also keeps a lock upgrade from failing half-way;
    /// PostgreSQL takes one transaction-level advisory lock, released at commit or rollback.
    pub async fn begin(&self) -> Result<Tx> {
        mark_written();
        // A request that waits for this node's turn gives its kept connection back first, so
        // that waiting writers do not hold the pool's connections; one whose turn is free
        // begins on it.
        let (held, kept, turn) = match self.writers.clone().try_acquire_owned() {
            Ok(turn) => {
                let (held, kept) = Held::mark();
                (held, kept, turn)
            }
            Err(_) => {
                let held = Held::mark_for_transaction();
                (held, None, self.writers.clone().acquire_owned().await.map_err(|_| sqlx::Error::PoolClosed)?)
            }
        };
        let statement = if self.is_postgres() { BEGIN_WRITE } else { "BEGIN IMMEDIATE" };
        Ok(Tx { inner: self.open(kept, Some(statement)).await?, _turn: Some(turn), _held: held })
    }

    /// Starts a write transaction for rows of one person that the caller locks as it reads them
    /// (`FOR UPDATE`): on PostgreSQL it does not wait for the turn of every other write, since no
    /// rule across rows depends on it. SQLite has one writer anyway, and queues as `begin` does.
    pub async fn begin_own(&self) -> Result<Tx> {
        if !self.is_postgres() {
            return self.begin().await;
        }
        mark_written();
        let (held, kept) = Held::mark();
        Ok(Tx { inner: self.open(kept, None).await?, _turn: None, _held: held })
    }

    /// Starts a transaction that only reads: one consistent view of the data (a snapshot on
    /// PostgreSQL too), without the writers' turn or SQLite's write lock.
    pub async fn begin_read(&self) -> Result<Tx> {
        let (held, kept) = Held::mark();
        let statement = self.is_postgres().then_some("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        Ok(Tx { inner: self.open(kept, statement).await?, _turn: None, _held: held })
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.pool, Pool::Pg(_))
    }

    pub async fn ping(&self) -> Result<()> {
        let mut c = self.conn().await?;
        scalar!(c.ex(), i32, "SELECT 1").map(|_| ())
    }

    /// Brings SQLite's statistics for the query planner up to date where tables have grown or
    /// were never measured; without them it guesses, and looks a report's conversations up by
    /// leader rather than by pair. PostgreSQL's autovacuum keeps its own.
    pub async fn optimize(&self) -> Result<()> {
        if let Pool::Sqlite(p) = &self.pool {
            sqlx::query("PRAGMA optimize=0x10002").execute(p).await?;
        }
        Ok(())
    }

    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(p) => p.close().await,
            Pool::Pg(p) => p.close().await,
        }
    }

    /// Writes a consistent copy of a live SQLite database to `target` (`VACUUM INTO`).
    pub async fn backup_sqlite(&self, target: &str) -> Result<bool> {
        match &self.pool {
            Pool::Sqlite(p) => {
                sqlx::query("VACUUM INTO $1").bind(target).execute(p).await?;
                Ok(true)
            }
            Pool::Pg(_) => Ok(false),
        }
    }
}

/// A file `now()` reads the time from, when set (see `use_clock_file`).
static CLOCK_FILE: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();

/// Makes `now()` read the time from `path` whenever it holds an RFC 3339 time, and the system
/// clock otherwise: browser tests and trials move to a later day this way.
pub fn use_clock_file(path: std::path::PathBuf) {
    let _ = CLOCK_FILE.set(path);
}

/// Seconds since the Unix epoch; every timestamp is stored this way on both databases.
pub fn now() -> i64 {
    if let Some(path) = CLOCK_FILE.get()
        && let Ok(text) = std::fs::read_to_string(path)
        && let Ok(t) = text.trim().parse::<jiff::Timestamp>()
    {
        return t.as_second();
    }
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// The date of a timestamp in Oslo as `YYYY-MM-DD`, the form end dates are stored in: an end
/// date ends at midnight where the organisation is, as every other date in samspill does.
pub fn today(now: i64) -> String {
    crate::domain::cadence::date_of(now).to_string()
}

/// The same date as `today`, as the import compares end dates with it.
pub fn today_date(now: i64) -> time::Date {
    crate::domain::cadence::as_time_date(crate::domain::cadence::date_of(now))
}

/// True when the error is a unique-constraint violation.
pub fn is_unique_violation(e: &Error) -> bool {
    e.is_unique_violation()
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_is_the_date_in_oslo() {
        // 23:30 UTC is half past midnight in Oslo in winter (UTC+1) and half past one in summer.
        assert_eq!(super::today(1_795_822_200), "2026-11-28");
        assert_eq!(super::today(1_782_858_600), "2026-07-01");
        assert_eq!(super::today(1_795_822_200 - 3_600), "2026-11-27");
        assert_eq!(super::today_date(1_795_822_200).to_string(), "2026-11-28");
    }
}
