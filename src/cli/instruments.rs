//! `samspill instruments check FILE`: checks an instrument file without a database.

use std::path::PathBuf;

use clap::Subcommand;

use crate::domain::instrument::Instrument;

#[derive(Subcommand, Debug)]
pub enum InstrumentsCommand {
    /// Check an instrument file: exit code 0 when valid, else each problem on its own line.
    Check {
        /// The TOML file.
        file: PathBuf,
    },
}

/// Runs the command; `Ok(false)` when the file has problems (they are printed).
pub fn run(cmd: InstrumentsCommand) -> anyhow::Result<bool> {
    match cmd {
        InstrumentsCommand::Check { file } => {
            let source = std::fs::read_to_string(&file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
            match Instrument::parse(&source) {
                Ok(i) => {
                    let items = i.items().count();
                    println!("{}: valid, {} version {}, {} dimensions, {items} items", file.display(), i.id, i.version, i.dimensions.len());
                    Ok(true)
                }
                Err(problems) => {
                    for p in problems {
                        println!("{}: {p}", file.display());
                    }
                    Ok(false)
                }
            }
        }
    }
}
