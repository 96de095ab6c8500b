//! `samspill backup FILE`: a consistent copy of a live SQLite database.

use anyhow::bail;
use clap::Args;

use crate::store::Db;

#[derive(Args, Debug)]
pub struct BackupArgs {
    /// Where to write the copy; must not exist yet.
    pub target: std::path::PathBuf,
}

pub async fn run(db: &Db, args: BackupArgs) -> anyhow::Result<()> {
    if db.is_postgres() {
        bail!("backup copies SQLite databases; for PostgreSQL use pg_dump (see the README)");
    }
    if args.target.exists() {
        bail!("{} already exists; choose a new file name", args.target.display());
    }
    let target = args.target.to_string_lossy();
    db.backup_sqlite(&target).await?;
    println!("backup written to {}", args.target.display());
    Ok(())
}
