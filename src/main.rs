//! `samspill`: remote leadership and active employeeship, one binary on SQLite or PostgreSQL.

use clap::Parser;

/// Pages are built from many short-lived strings; mimalloc hands them out and takes them back
/// faster than the system allocator, on both cores at once.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    samspill::cli::init_tracing();
    let cli = samspill::cli::Cli::parse();
    match cli.run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("samspill: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
