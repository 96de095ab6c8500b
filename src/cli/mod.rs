//! The command line: one subcommand per file.

mod admin;
mod backup;
pub mod demo;
mod import;
mod instruments;
mod serve;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::config::{DbArgs, ServeArgs};
use crate::store::Db;

#[derive(Parser, Debug)]
#[command(name = "samspill", version, about = "Remote leadership and active employeeship — one binary on SQLite or PostgreSQL")]
pub struct Cli {
    #[command(flatten)]
    db: DbArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Apply migrations and serve the web application.
    Serve(Box<ServeArgs>),
    /// Apply database migrations and exit.
    Migrate,
    /// Fill an empty database with the demo organisation.
    Demo,
    /// Import people from an HR system's CSV export.
    Import(import::ImportArgs),
    /// Write a consistent copy of a live SQLite database.
    Backup(backup::BackupArgs),
    /// Manage accounts.
    #[command(subcommand)]
    Admin(admin::AdminCommand),
    /// Work with instrument files (self-assessments, reflections, exercises, surveys).
    #[command(subcommand)]
    Instruments(instruments::InstrumentsCommand),
}

impl Cli {
    pub async fn run(self) -> anyhow::Result<()> {
        // Checking a file needs no database.
        if let Command::Instruments(cmd) = self.command {
            return match instruments::run(cmd)? {
                true => Ok(()),
                false => anyhow::bail!("the instrument file has problems"),
            };
        }
        let db = connect(&self.db).await?;
        let result = match self.command {
            Command::Serve(args) => serve::run(db.clone(), &self.db.database_url, *args).await,
            Command::Migrate => {
                println!("migrations applied to {}", self.db.database_url);
                Ok(())
            }
            Command::Demo => demo::run(&db).await.map(|outcome| demo::print(&outcome)),
            Command::Import(args) => import::run(&db, args).await,
            Command::Backup(args) => backup::run(&db, args).await,
            Command::Admin(cmd) => admin::run(&db, cmd).await,
            Command::Instruments(_) => Ok(()),
        };
        db.close().await;
        result
    }
}

/// Connects and migrates; a failure is one line naming the URL without its password.
pub async fn connect(args: &DbArgs) -> anyhow::Result<Db> {
    let url = &args.database_url;
    let db = Db::connect(url).await.with_context(|| format!("cannot connect to database {url}"))?;
    db.migrate().await.with_context(|| format!("cannot migrate database {url}"))?;
    Ok(db)
}

/// Structured logs to stderr; `RUST_LOG` filters, `SAMSPILL_LOG_FORMAT=json` for machines.
pub fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if std::env::var("SAMSPILL_LOG_FORMAT").as_deref() == Ok("json") {
        builder.json().init();
    } else {
        builder.init();
    }
}
