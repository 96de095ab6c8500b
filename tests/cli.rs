//! The `samspill` binary as an operator uses it, on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::{Command, Output};

fn samspill(db: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_samspill"));
    cmd.args(args).env("SAMSPILL_DATABASE_URL", db).env("RUST_LOG", "warn");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn temp_dir() -> std::path::PathBuf {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).unwrap();
    let name: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let dir = std::env::temp_dir().join("samspill-tests").join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn an_unreachable_database_is_one_line_without_the_password() {
    let out = samspill("postgres://samspill:hemmelig@127.0.0.1:1/samspill", &["migrate"], &[]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("postgres://samspill:***@127.0.0.1:1/samspill"), "{err}");
    assert!(!err.contains("hemmelig"));
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn a_bad_mail_setting_stops_the_start_with_one_line_that_says_why() {
    let dir = temp_dir();
    let db = format!("sqlite://{}", dir.join("samspill.db").display());
    let serve = ["serve", "--bind", "127.0.0.1:0"];
    let cases: [(&[(&str, &str)], &str); 3] = [
        (&[("SAMSPILL_SMTP_URL", "mail.etat.no:25")], "expected smtp://"),
        (&[("SAMSPILL_SMTP_URL", "smtps://app:hemmelig@mail.etat.no")], "SAMSPILL_MAIL_FROM must be set"),
        (&[("SAMSPILL_SMTP_URL", "smtps://app:hemmelig@mail.etat.no"), ("SAMSPILL_MAIL_FROM", "ikke en adresse")], "not an e-mail address"),
    ];
    for (env, says) in cases {
        let out = samspill(&db, &serve, env);
        assert!(!out.status.success());
        let err = text(&out.stderr);
        // One line says it (clap adds a pointer to --help after its own).
        assert!(err.lines().next().unwrap().contains(says), "{err}");
        assert!(!err.contains("hemmelig"), "{err}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_single_sign_on_setting_that_cannot_work_stops_the_start_with_one_line() {
    let dir = temp_dir();
    let db = format!("sqlite://{}", dir.join("samspill.db").display());
    let serve = ["serve", "--bind", "127.0.0.1:0", "--base-url", "https://samspill.etat.no"];
    let issuer = ("SAMSPILL_OIDC_ISSUER", "https://login.microsoftonline.com/t/v2.0");
    let id = ("SAMSPILL_OIDC_CLIENT_ID", "app");
    let cases: [(&[(&str, &str)], &str); 5] = [
        (&[("SAMSPILL_OIDC_ISSUER", "http://idp.etat.no"), id, ("SAMSPILL_OIDC_CLIENT_SECRET", "hemmelig")], "must start with https://"),
        (&[issuer, ("SAMSPILL_OIDC_CLIENT_SECRET", "hemmelig")], "needs SAMSPILL_OIDC_CLIENT_ID"),
        (&[issuer, id], "needs SAMSPILL_OIDC_CLIENT_SECRET"),
        (&[issuer, id, ("SAMSPILL_OIDC_CLIENT_SECRET_FILE", "/nonexistent/secret")], "cannot read SAMSPILL_OIDC_CLIENT_SECRET_FILE"),
        (&[("SAMSPILL_LOCAL_LOGIN", "off")], "nobody could sign in"),
    ];
    for (env, says) in cases {
        let out = samspill(&db, &serve, env);
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(err.lines().next().unwrap().contains(says), "{err}");
        assert!(!err.contains("hemmelig"), "{err}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn demo_import_admin_and_backup_work_on_a_fresh_sqlite_file() {
    let dir = temp_dir();
    let db = format!("sqlite://{}", dir.join("samspill.db").display());
    demo_import_and_admin(&db, &dir);

    let copy = dir.join("copy.db");
    let backup = samspill(&db, &["backup", copy.to_str().unwrap()], &[]);
    assert!(backup.status.success(), "{}", text(&backup.stderr));
    let copied = samspill(&format!("sqlite://{}", copy.display()), &["demo"], &[]);
    assert!(text(&copied.stdout).contains("already holds people"), "the copy holds the data");
    let exists = samspill(&db, &["backup", copy.to_str().unwrap()], &[]);
    assert!(!exists.status.success(), "an existing file is never overwritten");
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn demo_import_and_admin_work_on_a_fresh_postgres_database() {
    let t = common::TestDb::new(common::Backend::Postgres).await;
    let dir = temp_dir();
    demo_import_and_admin(t.url.expose(), &dir);
    // PostgreSQL is backed up with pg_dump; the command says so.
    let backup = samspill(t.url.expose(), &["backup", dir.join("copy.db").to_str().unwrap()], &[]);
    assert!(!backup.status.success());
    std::fs::remove_dir_all(dir).unwrap();
}

/// What an operator does first: the demo, an import (dry run, real, repeated, refused), accounts.
fn demo_import_and_admin(db: &str, dir: &std::path::Path) {
    let out = samspill(db, &["demo"], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    assert!(printed.contains("47 people") && printed.contains("hr@demo.samspill.no") && printed.contains("samspill-demo"));
    let again = samspill(db, &["demo"], &[]);
    assert!(text(&again.stdout).contains("already holds people"));

    // A dry run of a change prints it and writes nothing; then the real run.
    let csv = dir.join("people.csv");
    std::fs::write(
        &csv,
        "ansattnummer;navn;epost;enhet;leder;lokasjon\n9001;Ny Rådgiver;ny@demo.samspill.no;Avdeling Nord/Team Tromsø;1002;Tromsø\n",
    )
    .unwrap();
    let path = csv.to_str().unwrap();
    let dry = samspill(db, &["import", path, "--dry-run"], &[]);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    assert!(text(&dry.stdout).contains("+ Ny Rådgiver (9001)") && text(&dry.stdout).contains("Prøvekjøring"));
    let real = samspill(db, &["import", path], &[]);
    assert!(text(&real.stdout).contains("Importen er lagret."));
    let twice = samspill(db, &["import", path, "--lang", "en"], &[]);
    assert!(text(&twice.stdout).contains("Nothing to change."), "{}", text(&twice.stdout));

    // Bad lines: every error on stderr, in the chosen language, and a failing exit code.
    std::fs::write(&csv, "ansattnummer;navn;epost;enhet;leder;lokasjon\n9002;;x;Avdeling Nord;4242;Tromsø\n").unwrap();
    let bad = samspill(db, &["import", path, "--lang", "nn"], &[]);
    assert!(!bad.status.success());
    let err = text(&bad.stderr);
    assert!(err.contains("Linje 2: Namn: Fyll ut feltet.") && err.contains("Linje 2: E-post:"), "{err}");

    let created = samspill(
        db,
        &["admin", "create-user", "--email", "ny.hr@demo.samspill.no", "--name", "Ny HR", "--role", "admin"],
        &[("SAMSPILL_PASSWORD", "eit langt passord")],
    );
    assert!(created.status.success(), "{}", text(&created.stderr));
    let short = samspill(db, &["admin", "reset-password", "--email", "ny.hr@demo.samspill.no"], &[("SAMSPILL_PASSWORD", "kort")]);
    assert!(!short.status.success());
    let role = samspill(db, &["admin", "set-role", "--email", "ingen@demo.samspill.no", "--role", "admin"], &[]);
    assert!(text(&role.stderr).contains("no person has the e-mail"));
    let promoted = samspill(db, &["admin", "set-role", "--email", "emma@demo.samspill.no", "--role", "admin"], &[]);
    assert!(promoted.status.success(), "{}", text(&promoted.stderr));
}

#[test]
fn import_prints_counts_and_the_first_changes_or_all_with_verbose() {
    let dir = temp_dir();
    let db = format!("sqlite://{}", dir.join("samspill.db").display());
    assert!(samspill(&db, &["demo"], &[]).status.success());
    let csv = dir.join("people.csv");
    let mut file = String::from("ansattnummer;navn;epost;enhet;leder;lokasjon\n");
    for i in 0..30 {
        file.push_str(&format!("{};Ny Person {i};ny{i}@demo.samspill.no;Avdeling Nord/Team Tromsø;1002;Tromsø\n", 9000 + i));
    }
    std::fs::write(&csv, file).unwrap();
    let path = csv.to_str().unwrap();

    let dry = samspill(&db, &["import", path, "--dry-run"], &[]);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    let out = text(&dry.stdout);
    let listed: Vec<&str> = out.lines().filter(|l| l.starts_with("+ ")).collect();
    assert_eq!(listed.len(), 20, "{out}");
    assert_eq!(listed[0], "+ Ny Person 0 (9000)");
    assert!(out.contains("…og 10 endringer til. Legg til --verbose for å se alle."), "{out}");
    assert!(out.contains("Nye: 30. Endret: 0. Deaktivert: 0. Uendret: 0."), "{out}");

    let verbose = samspill(&db, &["import", path, "--verbose", "--lang", "en"], &[]);
    assert!(verbose.status.success(), "{}", text(&verbose.stderr));
    let out = text(&verbose.stdout);
    assert_eq!(out.lines().filter(|l| l.starts_with("+ ")).count(), 30, "{out}");
    assert!(out.contains("+ Ny Person 29 (9029)") && !out.contains("more changes"), "{out}");
    assert!(out.contains("New: 30. Changed: 0.") && out.contains("The import is saved."), "{out}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn instruments_check_passes_a_valid_file_and_names_each_problem_of_a_bad_one() {
    let dir = temp_dir();
    // No database is touched: the URL points nowhere.
    let nowhere = "postgres://nobody@127.0.0.1:1/none";
    let out = samspill(nowhere, &["instruments", "check", "instruments/leadership-skills.toml"], &[]);
    assert!(out.status.success(), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stdout).contains("valid, leadership-skills version 2"));

    let bad = dir.join("bad.toml");
    let source =
        std::fs::read_to_string("instruments/active-employeeship.toml").unwrap().replacen("id = \"own-career\"", "id = \"own-job\"", 1)
            + "\n[scales.broken]\nmin = 3\nmax = 2\n";
    std::fs::write(&bad, source).unwrap();
    let out = samspill(nowhere, &["instruments", "check", bad.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].ends_with("scales.broken: bad scale: min and max must be whole numbers with 0 <= min < max <= 10"), "{stdout}");
    assert!(lines[1].ends_with(".id: duplicate id \"own-job\""), "{stdout}");

    // A text without its nynorsk, and a dimension without items: each named on its own line.
    let source =
        std::fs::read_to_string("instruments/active-employeeship.toml").unwrap().replacen("title.nn = \"Aktivt medarbeidarskap\"\n", "", 1)
            + "\n[[dimensions]]\nid = \"nothing-here\"\ntitle = { nb = \"T\", nn = \"T\", en = \"T\" }\n";
    std::fs::write(&bad, source).unwrap();
    let out = samspill(nowhere, &["instruments", "check", bad.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(stdout.lines().any(|l| l.ends_with("title.nn: missing translation")), "{stdout}");
    assert!(stdout.lines().any(|l| l.ends_with("dimensions[5]: empty dimension: it has no items")), "{stdout}");

    let out = samspill(nowhere, &["instruments", "check", dir.join("missing.toml").to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot read"));
}
