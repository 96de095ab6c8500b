//! `samspill admin …`: accounts from the command line, for the first HR user and for lockouts.

use anyhow::{anyhow, bail};
use clap::{Subcommand, ValueEnum};

use crate::domain::fields::{Email, EmployeeNumber, Weekdays, parse_new_password, required_text};
use crate::domain::password;
use crate::store::{self, Db, people::PersonFields};

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Create a person with a login (password from SAMSPILL_PASSWORD or the prompt).
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Employee number; defaults to the e-mail address.
        #[arg(long)]
        employee_number: Option<String>,
        #[arg(long, value_enum, default_value = "employee")]
        role: Role,
    },
    /// Give or take away the HR/admin role. (Leaders are those with reports.)
    SetRole {
        #[arg(long)]
        email: String,
        #[arg(long, value_enum)]
        role: Role,
    },
    /// Set a new password and end the person's sessions.
    ResetPassword {
        #[arg(long)]
        email: String,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Employee,
    Admin,
}

pub async fn run(db: &Db, cmd: AdminCommand) -> anyhow::Result<()> {
    match cmd {
        AdminCommand::CreateUser { email, name, employee_number, role } => {
            let email = Email::parse(&email).map_err(|_| anyhow!("not a valid e-mail address: {email}"))?;
            let name = required_text(&name, 200).map_err(|_| anyhow!("a name is required (at most 200 characters)"))?;
            let number = EmployeeNumber::parse(employee_number.as_deref().unwrap_or(email.as_str()))
                .map_err(|_| anyhow!("not a valid employee number"))?;
            let hash = new_password_hash()?;
            let mut tx = db.begin().await?;
            let fields = PersonFields {
                employee_number: number.as_str().to_string(),
                name,
                email: email.as_str().to_string(),
                title: String::new(),
                unit: None,
                leader: None,
                location: None,
                home_office_days: Weekdays::default(),
            };
            let id = match store::people::insert(tx.ex(), &fields).await {
                Err(e) if store::is_unique_violation(&e) => bail!("a person with that e-mail or employee number already exists"),
                other => other?,
            };
            store::people::set_password(tx.ex(), id, &hash).await?;
            store::people::set_admin(tx.ex(), id, role == Role::Admin).await?;
            tx.commit().await?;
            println!("created {} ({:?})", email.as_str(), role);
        }
        AdminCommand::SetRole { email, role } => {
            let mut tx = db.begin().await?;
            let id = find(&mut tx, &email).await?;
            store::people::set_admin(tx.ex(), id, role == Role::Admin).await?;
            store::sessions::delete_for_person(tx.ex(), id).await?;
            tx.commit().await?;
            println!("{email} is now {role:?}");
        }
        AdminCommand::ResetPassword { email } => {
            let hash = new_password_hash()?;
            let mut tx = db.begin().await?;
            let id = find(&mut tx, &email).await?;
            store::people::set_password(tx.ex(), id, &hash).await?;
            store::sessions::delete_for_person(tx.ex(), id).await?;
            tx.commit().await?;
            println!("password set for {email}; their sessions have ended");
        }
    }
    Ok(())
}

async fn find(tx: &mut store::Tx, email: &str) -> anyhow::Result<crate::domain::PersonId> {
    let email = Email::parse(email).map_err(|_| anyhow!("not a valid e-mail address: {email}"))?;
    store::people::id_by_email(tx.ex(), email.as_str()).await?.ok_or_else(|| anyhow!("no person has the e-mail {}", email.as_str()))
}

/// Reads the password from `SAMSPILL_PASSWORD`, or asks for it on the terminal.
fn new_password_hash() -> anyhow::Result<String> {
    let password = match std::env::var("SAMSPILL_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprint!("New password (at least 10 characters): ");
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    let password = parse_new_password(&password).map_err(|_| anyhow!("the password must be at least 10 characters"))?;
    password::hash(password).map_err(|e| anyhow!("cannot hash password: {e}"))
}
