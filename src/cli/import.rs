//! `samspill import FILE [--dry-run] [--full]`: people from an HR system's CSV export.

use std::fs::File;

use anyhow::{Context, anyhow};
use clap::Args;

use crate::domain::import::{self, Errors, Plan};
use crate::domain::locale::Locale;
use crate::store::{Db, imports};
use crate::web::i18n::I18n;

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
    /// Language of messages: nb, nn or en.
    #[arg(long, env = "SAMSPILL_LANG", default_value = "nb")]
    pub lang: String,
}

pub async fn run(db: &Db, args: ImportArgs) -> anyhow::Result<()> {
    let i18n = I18n(Locale::from_tag(&args.lang).unwrap_or_default());
    let file = File::open(&args.file).with_context(|| format!("cannot open {}", args.file.display()))?;
    let parsed = match import::parse(file) {
        Ok(parsed) => parsed,
        Err(errors) => return Err(refused(&i18n, &errors)),
    };
    let today = time::OffsetDateTime::now_utc().date();
    match imports::run(db, &parsed, args.full, args.dry_run, today).await? {
        imports::Outcome::Refused(errors) => Err(refused(&i18n, &errors)),
        imports::Outcome::Planned { plan, applied } => {
            print_plan(&i18n, &plan);
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

/// Prints every error to stderr and returns the summary as the command's error.
fn refused(i18n: &I18n, errors: &Errors) -> anyhow::Error {
    for line in crate::web::org::import_error_lines(i18n, errors) {
        eprintln!("{line}");
    }
    anyhow!(i18n.t1("import-refused", "count", errors.total))
}

fn print_plan(i18n: &I18n, plan: &Plan) {
    let summary = crate::web::org::plan_summary(i18n, plan);
    for line in summary {
        println!("{line}");
    }
}
