//! Survey data for `bench/run.sh`, written straight into a samspill database that holds the demo:
//! a unit of `--people` people in teams of twenty (under the demo's HR), a closed pulse of the unit
//! with `--answers` answers (the results page), an open pulse of the unit, and a signed-in session
//! for each person: one line per person in `--out`, "Cookie header<TAB>path<TAB>form body", for the
//! intake measurement (`bench/answers.lua`).
//!
//!   cargo run --release --example survey_fixture -- --database-url sqlite:///tmp/b.db --people 20000 --answers 1000 --out /tmp/answers.tsv
//!
//! Prints the two waves' ids: `results=ID intake=ID`.

use std::io::Write;

use samspill::config::DatabaseUrl;
use samspill::domain::fields::Weekdays;
use samspill::domain::{PersonId, UnitId, anonymity, cadence};
use samspill::store::{self, Db, people::PersonFields, surveys::Scope};
use samspill::web::csrf::{self, Binding};
use samspill::web::ctx::{random_token, token_hash};
use samspill::web::keys::SigningKey;

const TEAM: usize = 20;

fn setting(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

/// A pulse answer to `items` as the form sends it, and as it is stored.
fn answer(items: &[String], n: usize) -> (String, String) {
    let value = |i: usize| 1 + (n * 7 + i * 3) % 5;
    let form = items.iter().enumerate().map(|(i, item)| format!("q.{item}={}", value(i))).collect::<Vec<_>>().join("&");
    let mut stored: std::collections::BTreeMap<String, serde_json::Value> =
        items.iter().enumerate().map(|(i, item)| (item.clone(), serde_json::json!(value(i)))).collect();
    if n.is_multiple_of(3) {
        stored.insert("comment".into(), serde_json::json!(format!("Kommentar nummer {n} om hvordan vi har det i teamet.")));
    }
    (format!("{form}&q.comment=Kommentar+{n}"), serde_json::to_string(&stored).unwrap_or_default())
}

async fn run() -> anyhow::Result<()> {
    let url = setting("--database-url").or_else(|| std::env::var("SAMSPILL_DATABASE_URL").ok()).unwrap_or_default();
    let people: usize = setting("--people").unwrap_or_else(|| "1000".into()).parse()?;
    let answers: usize = setting("--answers").unwrap_or_else(|| "1000".into()).parse()?;
    let out = setting("--out").unwrap_or_else(|| "answers.tsv".into());
    let items = samspill::domain::instrument::built_in_scale_items("pulse");
    let db = Db::connect(&DatabaseUrl::parse(&url).map_err(anyhow::Error::msg)?).await?;
    let now = store::now();
    let today = cadence::date_of(now);
    let csrf_key = SigningKey::load(&db, "csrf").await?;
    let mut tx = db.begin().await?;
    let hr = store::people::id_by_email(tx.ex(), "hr@demo.samspill.no").await?.ok_or_else(|| anyhow::anyhow!("no demo HR"))?;
    let unit = store::units::insert(tx.ex(), "Målingsenheten", None).await?;
    let mut teams: Vec<UnitId> = Vec::new();
    let mut lines = Vec::with_capacity(people);
    for n in 0..people {
        if n.is_multiple_of(TEAM) {
            teams.push(store::units::insert(tx.ex(), &format!("Måleteam {}", n / TEAM + 1), Some(unit)).await?);
        }
        let fields = PersonFields {
            employee_number: format!("m{n}"),
            name: format!("Måleperson {n}"),
            email: format!("maling{n}@bench.samspill.no"),
            title: String::new(),
            unit: teams.last().copied(),
            leader: None,
            location: None,
            home_office_days: Weekdays::default(),
        };
        let person: PersonId = store::people::insert(tx.ex(), &fields).await?;
        let token = random_token();
        let hash = token_hash(&token);
        store::sessions::create(tx.ex(), &hash, person, now, now + 86_400, store::sessions::Via::Password).await?;
        lines.push((format!("samspill_session={token}"), csrf::token(&csrf_key, &Binding::Session(&hash))));
    }
    let threshold = store::settings::get(tx.ex()).await?.threshold;
    let scope = Scope::Unit { unit: unit.0, sub_units: true };
    let open = |opens_on, closes_on| samspill::waves::Opening {
        instrument: "pulse",
        scope,
        opened_by: hr,
        opens_on,
        closes_on,
        threshold,
        repeat_weeks: None,
        follows: None,
    };
    let week_ago = today.checked_sub(jiff::Span::new().days(7)).unwrap_or(today);
    let results = samspill::waves::open(tx.ex(), &open(week_ago, week_ago), None, now).await?.ok_or_else(|| anyhow::anyhow!("no pulse"))?;
    // The closed wave's answers, spread over its groups as the form would have stored them.
    let units = store::surveys::scope_units(tx.ex(), unit.0, true).await?;
    let groups = anonymity::answer_groups(&units, threshold);
    let mut group_ids: Vec<i64> = groups.values().copied().collect();
    group_ids.sort();
    group_ids.dedup();
    let mut rows: Vec<(String, Option<i64>, String)> =
        (0..answers).map(|n| (random_token(), Some(group_ids[n % group_ids.len()]), answer(&items, n).1)).collect();
    rows.sort();
    store::surveys::rewrite_answers(tx.ex(), results, &rows).await?;
    let closes = today.checked_add(jiff::Span::new().days(7)).unwrap_or(today);
    let intake = samspill::waves::open(tx.ex(), &open(today, closes), None, now).await?.ok_or_else(|| anyhow::anyhow!("no pulse"))?;
    tx.commit().await?;
    // The planner's statistics for the grown organisation, as the hourly sweep would renew them
    // (SQLite; bench/run.sh runs ANALYZE on PostgreSQL, as autovacuum would).
    db.optimize().await?;
    let mut file = std::io::BufWriter::new(std::fs::File::create(&out)?);
    for (n, (cookie, token)) in lines.iter().enumerate() {
        writeln!(file, "{cookie}\t/surveys/{intake}\t{}&csrf={token}", answer(&items, n).0)?;
    }
    file.flush()?;
    println!("results={results} intake={intake}");
    Ok(())
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("survey_fixture: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
