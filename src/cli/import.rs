//! `samspill import FILE [--dry-run] [--full] [--verbose]`: people from an HR system's CSV export.

use std::fs::File;
use std::io::IsTerminal;
use std::time::Duration;

use anyhow::{Context, anyhow};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use crate::domain::import::{self, Errors, Plan};
use crate::domain::locale::Locale;
use crate::store::{Db, imports};
use crate::web::i18n::I18n;

/// Changes listed without `--verbose`; the counts cover all of them.
const LISTED_CHANGES: usize = 20;
/// Files from this size on get a progress bar (about 10,000 lines).
const LONG_FILE_BYTES: u64 = 1024 * 1024;

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The CSV file: UTF-8 with or without BOM, `;` or `,` between fields.
    pub file: std::path::PathBuf,
    /// Show what would change without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// The file lists everyone: active people missing from it are deactivated.
    #[arg(long)]
    pub full: bool,
    /// List every change, not only the first 20.
    #[arg(long, short)]
    pub verbose: bool,
    /// Language of messages: nb, nn or en.
    #[arg(long, env = "SAMSPILL_LANG", default_value = "nb")]
    pub lang: String,
}

pub async fn run(db: &Db, args: ImportArgs) -> anyhow::Result<()> {
    let i18n = I18n(Locale::from_tag(&args.lang).unwrap_or_default());
    let file = File::open(&args.file).with_context(|| format!("cannot open {}", args.file.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let progress = progress_bar(&i18n, size);
    // Parsing is all this command does meanwhile, so it may hold up its own runtime.
    let parsed = match &progress {
        Some(bar) => import::parse(bar.wrap_read(file)),
        None => import::parse(file),
    };
    let parsed = match parsed {
        Ok(parsed) => parsed,
        Err(errors) => {
            progress.inspect(ProgressBar::finish_and_clear);
            return Err(refused(&i18n, &errors));
        }
    };
    if let Some(bar) = &progress {
        // The rest has no measure of its own; a spinner shows it is under way.
        bar.set_style(ProgressStyle::default_spinner());
        bar.set_message(i18n.t("import-progress-saving"));
        bar.enable_steady_tick(Duration::from_millis(120));
    }
    let today = crate::store::today_date(crate::store::now());
    let outcome = imports::run(db, parsed, args.full, args.dry_run, today).await;
    progress.inspect(ProgressBar::finish_and_clear);
    match outcome? {
        imports::Outcome::Refused(errors) => Err(refused(&i18n, &errors)),
        imports::Outcome::Planned { plan, applied } => {
            print_plan(&i18n, &plan, if args.verbose { usize::MAX } else { LISTED_CHANGES });
            let key = if applied {
                "import-cli-applied"
            } else if plan.is_empty() {
                "import-cli-nothing"
            } else {
                "import-cli-dry-run"
            };
            println!("{}", i18n.t(key));
            Ok(())
        }
    }
}

/// A bar over the bytes read, for long files and only when someone watches stderr.
fn progress_bar(i18n: &I18n, size: u64) -> Option<ProgressBar> {
    if size < LONG_FILE_BYTES || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(size);
    let style =
        ProgressStyle::with_template("{msg} {wide_bar} {bytes}/{total_bytes} ({eta})").unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(i18n.t("import-progress-reading"));
    Some(bar)
}

/// Prints every error to stderr and returns the summary as the command's error.
fn refused(i18n: &I18n, errors: &Errors) -> anyhow::Error {
    for line in crate::web::org::import_error_lines(i18n, errors) {
        eprintln!("{line}");
    }
    anyhow!(i18n.t1("import-refused", "count", errors.total))
}

fn print_plan(i18n: &I18n, plan: &Plan, limit: usize) {
    use std::io::Write;
    // One lock and a buffer: with --verbose a large file prints a line per person.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in crate::web::org::plan_summary(i18n, plan, limit) {
        let _ = writeln!(out, "{line}");
    }
}
