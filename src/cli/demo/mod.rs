//! The demo organisation: a fictional Norwegian agency, "Samhandlingsdirektoratet", loaded
//! through the same import as an HR file, with logins for each role.

mod conversations;
mod development;
mod surveys;

use anyhow::{anyhow, bail};

use crate::domain::{import, password};
use crate::store::{self, Db, imports};

const PEOPLE: &[u8] = include_bytes!("people.csv");
const LOCATIONS: [&str; 5] = ["Oslo", "Tromsø", "Bergen", "Trondheim", "Bodø"];
pub const PASSWORD: &str = "samspill-demo";
pub(super) const HR_EMAIL: &str = "hr@demo.samspill.no";

/// The documented logins: (role, e-mail).
pub const LOGINS: [(&str, &str); 4] = [
    ("employee", "emma@demo.samspill.no"),
    ("leader", "lars@demo.samspill.no"),
    ("leader of leaders", "liv@demo.samspill.no"),
    ("HR", HR_EMAIL),
];

pub enum Outcome {
    Loaded {
        people: usize,
    },
    /// The database already held people; nothing was changed.
    AlreadyFilled,
}

/// Loads the demo organisation into an empty database.
pub async fn run(db: &Db) -> anyhow::Result<Outcome> {
    {
        let mut c = db.conn().await?;
        if store::people::count_all(c.ex()).await? > 0 {
            return Ok(Outcome::AlreadyFilled);
        }
    }
    {
        let mut tx = db.begin().await?;
        if store::locations::all(tx.ex()).await?.is_empty() {
            for name in LOCATIONS {
                store::locations::insert(tx.ex(), name).await?;
            }
        }
        tx.commit().await?;
    }
    let parsed = import::parse(PEOPLE).map_err(|e| anyhow!("demo file is invalid: {:?}", e.listed))?;
    let today = crate::store::today_date(crate::store::now());
    let people = match imports::run(db, parsed, false, false, today).await? {
        imports::Outcome::Planned { plan, .. } => plan.create.len(),
        imports::Outcome::Refused(e) => bail!("demo file is invalid: {:?}", e.listed),
    };
    // One hash for every demo account: hashing 47 times would only slow the start.
    let hash = tokio::task::spawn_blocking(|| password::hash(PASSWORD)).await?.map_err(|e| anyhow!(e))?;
    let mut tx = db.begin().await?;
    for (id, _, _) in store::people::choices(tx.ex()).await? {
        store::people::set_password(tx.ex(), crate::domain::PersonId(id), &hash).await?;
    }
    let hr = store::people::id_by_email(tx.ex(), HR_EMAIL).await?.ok_or_else(|| anyhow!("demo HR account missing"))?;
    store::people::set_admin(tx.ex(), hr, true).await?;
    tx.commit().await?;
    crate::web::catalog::Catalog::load(db).await?;
    development::load(db).await?;
    conversations::load(db).await?;
    surveys::load(db).await?;
    Ok(Outcome::Loaded { people })
}

pub fn print(outcome: &Outcome) {
    match outcome {
        Outcome::AlreadyFilled => println!("the database already holds people; the demo organisation was not loaded"),
        Outcome::Loaded { people } => {
            println!("demo organisation loaded: {people} people");
            println!("demo logins (password: {PASSWORD}):");
            for (role, email) in LOGINS {
                println!("  {role:<18} {email}");
            }
        }
    }
}
