//! The store on SQLite and PostgreSQL: imports are whole or nothing and idempotent, leavers are
//! deactivated only by full exports or end dates, sessions end with deactivation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::TestDb;
use samspill::domain::import;
use samspill::store::{self, imports::Outcome};

const FILE: &str = "ansattnummer;navn;epost;enhet;leder;lokasjon;hjemmekontordager\n\
1;Liv Johansen;liv@etat.no;Direktørens stab;;Oslo;\n\
2;Lars Haugen;lars@etat.no;Avdeling Nord;1;Tromsø;\n\
3;Emma Nilsen;emma@etat.no;Avdeling Nord/Team Tromsø;2;Bodø;man fre\n\
4;Ida Mathisen;ida@etat.no;Avdeling Nord/Team Tromsø;2;Tromsø;\n";

fn today() -> time::Date {
    time::macros::date!(2026 - 11 - 24)
}

async fn locations(t: &TestDb) {
    let mut tx = t.db.begin().await.unwrap();
    for name in ["Oslo", "Tromsø", "Bodø"] {
        store::locations::insert(tx.ex(), name).await.unwrap();
    }
    tx.commit().await.unwrap();
}

async fn run(t: &TestDb, csv: &str, full: bool, dry_run: bool) -> Outcome {
    let parsed = import::parse(csv.as_bytes()).unwrap();
    store::imports::run(&t.db, parsed, full, dry_run, today()).await.unwrap()
}

fn applied(outcome: &Outcome) -> (usize, usize, usize, bool) {
    match outcome {
        Outcome::Planned { plan, applied } => (plan.create.len(), plan.update.len(), plan.leavers.len(), *applied),
        Outcome::Refused(e) => panic!("refused: {:?}", e.listed),
    }
}

async fn active_people(t: &TestDb) -> Vec<String> {
    let mut c = t.db.conn().await.unwrap();
    let filter = store::people::Filter::default();
    store::people::list(c.ex(), &filter, 1000, 0).await.unwrap().0.into_iter().map(|p| p.name).collect()
}

on_both!(import_creates_units_people_and_reporting_lines_then_changes_nothing, |t: TestDb| async move {
    locations(&t).await;
    assert_eq!(applied(&run(&t, FILE, false, true).await), (4, 0, 0, false));
    assert_eq!(t.count_people().await, 0, "a dry run writes nothing");

    assert_eq!(applied(&run(&t, FILE, false, false).await), (4, 0, 0, true));
    let mut c = t.db.conn().await.unwrap();
    let units = store::units::all(c.ex()).await.unwrap();
    let team = units.iter().find(|u| u.name == "Team Tromsø").unwrap();
    let nord = units.iter().find(|u| u.name == "Avdeling Nord").unwrap();
    assert_eq!(team.parent_id, Some(nord.id));
    let lars = store::people::id_by_email(c.ex(), "lars@etat.no").await.unwrap().unwrap();
    let store::people::Home { me, reports, .. } = store::people::home(c.ex(), lars, store::now(), "2026-11-27").await.unwrap().unwrap();
    assert_eq!(me.name, "Lars Haugen");
    assert_eq!(reports.into_iter().map(|p| p.name).collect::<Vec<_>>(), ["Emma Nilsen", "Ida Mathisen"]);
    let emma = store::people::id_by_email(c.ex(), "emma@etat.no").await.unwrap().unwrap();
    let store::people::Home { me, reports, .. } = store::people::home(c.ex(), emma, store::now(), "2026-11-27").await.unwrap().unwrap();
    assert_eq!((me.name.as_str(), reports.len()), ("Emma Nilsen", 0));
    assert!(store::people::home(c.ex(), samspill::domain::PersonId(999_999), store::now(), "2026-11-27").await.unwrap().is_none());
    drop(c);

    assert_eq!(applied(&run(&t, FILE, false, false).await), (0, 0, 0, false), "the same file twice changes nothing");
    assert_eq!(applied(&run(&t, FILE, true, false).await), (0, 0, 0, false));
});

on_both!(a_refused_file_writes_nothing, |t: TestDb| async move {
    locations(&t).await;
    run(&t, FILE, false, false).await;
    // Valid moves and a new person, but one line names an unknown site: none of it is written.
    let bad = FILE.replace(
        "4;Ida Mathisen;ida@etat.no;Avdeling Nord/Team Tromsø;2;Tromsø;",
        "4;Ida Mathisen;ida@etat.no;Avdeling Nord/Team Tromsø;2;Hammerfest;",
    ) + "5;Ny Person;ny@etat.no;Avdeling Sør;1;Oslo;\n";
    let bad = bad.replace("3;Emma Nilsen;emma@etat.no;Avdeling Nord/Team Tromsø;2;Bodø", "3;Emma Nilsen;emma@etat.no;Avdeling Nord;2;Oslo");
    match run(&t, &bad, false, false).await {
        Outcome::Refused(e) => {
            assert_eq!(e.total, 1);
            assert_eq!(e.listed[0], import::ImportError::UnknownLocation { line: 5, name: "Hammerfest".into() });
        }
        Outcome::Planned { .. } => panic!("an unknown site must refuse the file"),
    }
    assert_eq!(t.count_people().await, 4);
    let mut c = t.db.conn().await.unwrap();
    assert!(!store::units::all(c.ex()).await.unwrap().iter().any(|u| u.name == "Avdeling Sør"));
    let emma = store::people::id_by_email(c.ex(), "emma@etat.no").await.unwrap().unwrap();
    assert_eq!(store::people::get(c.ex(), emma).await.unwrap().unwrap().location_name.as_deref(), Some("Bodø"));
});

on_both!(partial_files_leave_others_alone_and_full_exports_deactivate_the_missing, |t: TestDb| async move {
    locations(&t).await;
    run(&t, FILE, false, false).await;
    let without_ida: String = FILE.lines().filter(|l| !l.starts_with("4;")).map(|l| format!("{l}\n")).collect();
    assert_eq!(applied(&run(&t, &without_ida, false, false).await), (0, 0, 0, false));
    assert_eq!(active_people(&t).await.len(), 4);
    assert_eq!(applied(&run(&t, &without_ida, true, false).await), (0, 0, 1, true));
    assert!(!active_people(&t).await.contains(&"Ida Mathisen".to_string()));
    assert_eq!(t.count_people().await, 4, "deactivated, never deleted");

    // An end date in the past deactivates a leaver; the same file again is a no-op.
    let leaving =
        "ansattnummer;navn;epost;enhet;leder;lokasjon;sluttdato\n3;Emma Nilsen;emma@etat.no;Avdeling Nord/Team Tromsø;2;Bodø;31.10.2026\n";
    assert_eq!(applied(&run(&t, leaving, false, false).await), (0, 1, 0, true));
    assert!(!active_people(&t).await.contains(&"Emma Nilsen".to_string()));
    assert_eq!(applied(&run(&t, leaving, false, false).await), (0, 0, 0, false));
});

on_both!(sessions_expire_and_end_with_deactivation, |t: TestDb| async move {
    let emma = t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let now = store::now();
    let mut c = t.db.conn().await.unwrap();
    store::sessions::create(c.ex(), "a", emma, now, now + 60, store::sessions::Via::Password).await.unwrap();
    store::sessions::create(c.ex(), "b", emma, now - 120, now - 60, store::sessions::Via::Password).await.unwrap();
    assert_eq!(store::sessions::user(c.ex(), "a", now).await.unwrap().unwrap().name, "Emma Nilsen");
    assert!(store::sessions::user(c.ex(), "b", now).await.unwrap().is_none(), "an expired session is no session");
    assert_eq!(store::sessions::delete_expired(c.ex(), now).await.unwrap(), 1, "the sweep removes the expired session");
    assert_eq!(store::sessions::delete_expired(c.ex(), now).await.unwrap(), 0);
    assert!(store::sessions::user(c.ex(), "a", now).await.unwrap().is_some(), "and only that one");
    store::people::set_active(c.ex(), emma, false).await.unwrap();
    assert!(store::sessions::user(c.ex(), "a", now).await.unwrap().is_none(), "a deactivated person has no session");
});

on_both!(unique_employee_numbers_and_emails_are_kept_by_the_database, |t: TestDb| async move {
    t.person("1", "Emma Nilsen", "emma@etat.no", None, false).await;
    let mut c = t.db.conn().await.unwrap();
    let fields = store::people::PersonFields {
        employee_number: "2".into(),
        name: "Emma To".into(),
        email: "emma@etat.no".into(),
        title: String::new(),
        unit: None,
        leader: None,
        location: None,
        home_office_days: Default::default(),
    };
    let err = store::people::insert(c.ex(), &fields).await.unwrap_err();
    assert!(store::is_unique_violation(&err), "the same e-mail");
    let same_number = store::people::PersonFields { employee_number: "1".into(), email: "emma2@etat.no".into(), ..fields };
    let err = store::people::insert(c.ex(), &same_number).await.unwrap_err();
    assert!(store::is_unique_violation(&err), "the same employee number");
    assert_eq!(t.count_people().await, 1);
});

/// The two migration sets are kept in step: the same tables and columns, with the same types and
/// nullability, the same indexes (unique or not, on the same columns) and the same foreign keys.
#[tokio::test]
async fn sqlite_and_postgres_schemas_match() {
    let lite = TestDb::new(common::Backend::Sqlite).await;
    let pg = TestDb::new(common::Backend::Postgres).await;
    let mut a = lite.db.conn().await.unwrap();
    let mut b = pg.db.conn().await.unwrap();
    let (store::Ex::Sqlite(a), store::Ex::Pg(b)) = (a.ex(), b.ex()) else { panic!("backends") };
    const SQLITE_TABLES: &str = "sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE '\\_sqlx%' ESCAPE '\\' \
                                 AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
    const PG_TABLES: &str = "pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace \
                             WHERE n.nspname = 'public' AND t.relkind = 'r' AND t.relname NOT LIKE '\\_sqlx%'";

    // Columns: the type each database stores, told in one vocabulary, and whether NULL is allowed.
    let canonical = |t: &str| match t.to_ascii_lowercase().as_str() {
        "integer" | "bigint" => "integer".to_string(),
        "blob" | "bytea" => "bytes".to_string(),
        other => other.to_string(),
    };
    let sqlite_columns: Vec<(String, String, String, bool, bool)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT m.name, p.name, p.type, p.\"notnull\", p.pk > 0 FROM {}",
        SQLITE_TABLES.replace("sqlite_master m WHERE", "sqlite_master m JOIN pragma_table_info(m.name) p WHERE")
    )))
    .fetch_all(&mut *a)
    .await
    .unwrap();
    let mut sqlite: Vec<(String, String, String, bool)> =
        sqlite_columns.into_iter().map(|(t, c, ty, not_null, pk)| (t, c, canonical(&ty), not_null || pk)).collect();
    let pg_columns: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name NOT LIKE '\\_sqlx%'",
    )
    .fetch_all(&mut *b)
    .await
    .unwrap();
    let mut postgres: Vec<(String, String, String, bool)> =
        pg_columns.into_iter().map(|(t, c, ty, nullable)| (t, c, canonical(&ty), nullable == "NO")).collect();
    sqlite.sort();
    postgres.sort();
    assert!(sqlite.len() > 20);
    assert_eq!(sqlite, postgres, "columns, types and nullability");

    // Indexes other than primary keys: table, columns in order, unique.
    let mut sqlite_indexes: Vec<(String, String, bool)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT m.name, (SELECT group_concat(ii.name, ',' ORDER BY ii.seqno) FROM pragma_index_info(il.name) ii), il.\"unique\" = 1 \
         FROM {} AND il.origin <> 'pk'",
        SQLITE_TABLES.replace("sqlite_master m WHERE", "sqlite_master m JOIN pragma_index_list(m.name) il WHERE")
    )))
    .fetch_all(&mut *a)
    .await
    .unwrap();
    let mut pg_indexes: Vec<(String, String, bool)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT t.relname::text, array_to_string(ARRAY(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord) \
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord), ','), ix.indisunique \
         FROM {} AND NOT ix.indisprimary",
        PG_TABLES.replace("pg_class t JOIN", "pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN")
    )))
    .fetch_all(&mut *b)
    .await
    .unwrap();
    sqlite_indexes.sort();
    pg_indexes.sort();
    assert!(sqlite_indexes.len() >= 8, "{sqlite_indexes:?}");
    assert_eq!(sqlite_indexes, pg_indexes, "indexes");

    // Foreign keys: table, column, the table and column it refers to, and what a delete does.
    let mut sqlite_keys: Vec<(String, String, String, String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT m.name, f.\"from\", f.\"table\", f.\"to\", lower(f.on_delete) FROM {}",
        SQLITE_TABLES.replace("sqlite_master m WHERE", "sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE")
    )))
    .fetch_all(&mut *a)
    .await
    .unwrap();
    let mut pg_keys: Vec<(String, String, String, String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT t.relname::text, a.attname::text, r.relname::text, ra.attname::text, \
         CASE c.confdeltype WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null' WHEN 'r' THEN 'restrict' ELSE 'no action' END \
         FROM {} AND c.contype = 'f'",
        PG_TABLES.replace(
            "pg_class t JOIN",
            "pg_constraint c CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(col, rcol) \
             JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid \
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col \
             JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.rcol JOIN"
        )
    )))
    .fetch_all(&mut *b)
    .await
    .unwrap();
    sqlite_keys.sort();
    pg_keys.sort();
    assert!(sqlite_keys.len() >= 6, "{sqlite_keys:?}");
    assert_eq!(sqlite_keys, pg_keys, "foreign keys");
}

on_both!(an_end_date_ends_sign_in_on_the_day_and_the_sweep_deactivates, |t: TestDb| async move {
    locations(&t).await;
    let today = store::today_date(store::now());
    let tomorrow = today.next_day().unwrap();
    let file = format!("ansattnummer;navn;epost;enhet;leder;lokasjon;sluttdato\n7;Sara Slutter;sara@etat.no;Stab;;Oslo;{tomorrow}\n");
    let parsed = import::parse(file.as_bytes()).unwrap();
    store::imports::run(&t.db, parsed, false, false, today).await.unwrap();
    let mut c = t.db.conn().await.unwrap();
    let sara = store::people::id_by_email(c.ex(), "sara@etat.no").await.unwrap().unwrap();
    let now = store::now();
    let later = now + 2 * 86_400;
    store::sessions::create(c.ex(), "s", sara, now, later + 3600, store::sessions::Via::Password).await.unwrap();
    assert!(store::sessions::user(c.ex(), "s", now).await.unwrap().is_some(), "still here today");
    assert!(store::sessions::user(c.ex(), "s", later).await.unwrap().is_none(), "no session once the end date has come");
    assert_eq!(store::people::deactivate_ended(c.ex(), now).await.unwrap(), 0);
    assert_eq!(store::people::deactivate_ended(c.ex(), later).await.unwrap(), 1);
    assert!(!store::people::get(c.ex(), sara).await.unwrap().unwrap().active);
});

on_both!(search_and_order_treat_norwegian_letters_alike_on_both_databases, |t: TestDb| async move {
    for (n, name) in ["Åse Hovland", "Øyvind Strand", "Zofia Kowalska", "Ærlig Berg", "Anders Karlsen"].iter().enumerate() {
        t.person(&n.to_string(), name, &format!("p{n}@etat.no"), None, false).await;
    }
    let mut c = t.db.conn().await.unwrap();
    let all = store::people::Filter::default();
    let (people, total) = store::people::list(c.ex(), &all, 50, 0).await.unwrap();
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!((names, total), (vec!["Anders Karlsen", "Zofia Kowalska", "Ærlig Berg", "Øyvind Strand", "Åse Hovland"], 5));
    let search = store::people::Filter { query: Some("ØYVIND".into()), ..Default::default() };
    let (found, _) = store::people::list(c.ex(), &search, 50, 0).await.unwrap();
    assert_eq!(found.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Øyvind Strand"]);
    let (page_two, total) = store::people::list(c.ex(), &all, 2, 2).await.unwrap();
    assert_eq!((page_two.len(), total), (2, 5));
    drop(c);

    // A unit's filter, alone and with a search; each written only when in use.
    let unit = t.unit("Team Nord", None).await;
    t.person_in("10", "Åsmund Nord", "nord1@etat.no", unit).await;
    t.person_in("11", "Berit Nord", "nord2@etat.no", unit).await;
    let mut c = t.db.conn().await.unwrap();
    let in_unit = store::people::Filter { unit: Some(unit), ..Default::default() };
    let (found, total) = store::people::list(c.ex(), &in_unit, 1, 0).await.unwrap();
    assert_eq!((found.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), total), (vec!["Berit Nord"], 2));
    let both = store::people::Filter { unit: Some(unit), query: Some("åsmund".into()), ..Default::default() };
    assert_eq!(store::people::count(c.ex(), &both).await.unwrap(), 1);
    assert_eq!(store::people::count(c.ex(), &all).await.unwrap(), 7);
});

/// `people` lines: a director (0), then teams of ten, each led by its first member, who
/// reports to the director; `name` gives each person's name.
fn organisation(people: usize, name: impl Fn(usize) -> String) -> String {
    let mut file = String::from("ansattnummer;navn;epost;enhet;leder;lokasjon;hjemmekontordager\n");
    let sites = ["Oslo", "Tromsø", "Bodø"];
    for i in 0..people {
        let (unit, leader) = match i {
            0 => ("Direksjon".to_string(), String::new()),
            _ => {
                let team = (i - 1) / 10;
                let team_leader = team * 10 + 1;
                let leader = if i == team_leader { 0 } else { team_leader };
                (format!("Avdeling {}/Team {team}", team % 7), leader.to_string())
            }
        };
        file.push_str(&format!("{i};{};p{i}@etat.no;{unit};{leader};{};man\n", name(i), sites[i % 3]));
    }
    file
}

async fn person_by_email(t: &TestDb, email: &str) -> store::people::Person {
    let mut c = t.db.conn().await.unwrap();
    let id = store::people::id_by_email(c.ex(), email).await.unwrap().unwrap();
    store::people::get(c.ex(), id).await.unwrap().unwrap()
}

on_both!(a_large_import_is_written_in_batches_and_changes_nothing_the_second_time, |t: TestDb| async move {
    locations(&t).await;
    // 2,500 people: several batches of new people, units and reporting lines.
    let file = organisation(2500, |i| format!("Person {i}"));
    assert_eq!(applied(&run(&t, &file, false, false).await), (2500, 0, 0, true));
    assert_eq!(t.count_people().await, 2500);
    let mut c = t.db.conn().await.unwrap();
    let units = store::units::all(c.ex()).await.unwrap();
    assert_eq!(units.len(), 1 + 7 + 250, "Direksjon, seven departments, 250 teams");
    assert_eq!(units.iter().map(|u| u.members).sum::<i64>(), 2500, "each person counted in their unit");
    let nodes = store::units::nodes(c.ex()).await.unwrap();
    let tree = |n: (i64, &str, Option<i64>, bool)| (n.0, n.1.to_string(), n.2, n.3);
    assert_eq!(
        nodes.iter().map(|n| tree((n.id, &n.name, n.parent_id, n.active))).collect::<Vec<_>>(),
        units.iter().map(|u| tree((u.id, &u.name, u.parent_id, u.active))).collect::<Vec<_>>(),
        "the choices are the tree, in the same order"
    );
    let all = store::people::Filter::default();
    let (listed, total, list_units) = store::people::list_with_units(c.ex(), &all, 50, 100).await.unwrap();
    let (alone, alone_total) = store::people::list(c.ex(), &all, 50, 100).await.unwrap();
    assert_eq!((total, alone_total), (2500, 2500));
    assert_eq!(listed.iter().map(|p| p.id).collect::<Vec<_>>(), alone.iter().map(|p| p.id).collect::<Vec<_>>(), "the same page");
    assert_eq!(
        list_units.iter().map(|n| tree((n.id, &n.name, n.parent_id, n.active))).collect::<Vec<_>>(),
        nodes.iter().map(|n| tree((n.id, &n.name, n.parent_id, n.active))).collect::<Vec<_>>(),
        "the list's filter offers the tree"
    );
    let (unit_choices, location_choices) = store::people::form_choices(c.ex()).await.unwrap();
    assert_eq!(
        unit_choices.iter().map(|n| tree((n.id, &n.name, n.parent_id, n.active))).collect::<Vec<_>>(),
        nodes.iter().map(|n| tree((n.id, &n.name, n.parent_id, n.active))).collect::<Vec<_>>(),
        "the person form offers the same tree"
    );
    let locations = store::locations::all(c.ex()).await.unwrap();
    assert!(!locations.is_empty());
    assert_eq!(
        location_choices.iter().map(|l| (l.id, l.name.clone(), l.active)).collect::<Vec<_>>(),
        locations.iter().map(|l| (l.id, l.name.clone(), l.active)).collect::<Vec<_>>(),
        "and every location, by name"
    );
    let leader = store::people::id_by_email(c.ex(), "p2491@etat.no").await.unwrap().unwrap();
    // The edit form reads the same choices with the person.
    let (person, (form_units, form_locations)) = store::people::get_for_form(c.ex(), leader).await.unwrap().unwrap();
    assert_eq!((person.person.id, person.reports), (leader.0, 8));
    assert_eq!(
        form_units.iter().map(|n| tree((n.id, &n.name, n.parent_id, n.active))).collect::<Vec<_>>(),
        unit_choices.iter().map(|n| tree((n.id, &n.name, n.parent_id, n.active))).collect::<Vec<_>>(),
        "the edit form offers the same units"
    );
    assert_eq!(
        form_locations.iter().map(|l| (l.id, l.name.clone(), l.active)).collect::<Vec<_>>(),
        location_choices.iter().map(|l| (l.id, l.name.clone(), l.active)).collect::<Vec<_>>(),
        "and the same locations"
    );
    assert_eq!(store::people::count_reports(c.ex(), leader).await.unwrap(), 8);
    drop(c);
    let last = person_by_email(&t, "p2499@etat.no").await;
    assert_eq!((last.unit_name.as_deref(), last.leader_name.as_deref()), (Some("Team 249"), Some("Person 2491")));
    assert_eq!(last.location_name.as_deref(), Some("Oslo"));
    assert_eq!(applied(&run(&t, &file, false, false).await), (0, 0, 0, false), "the same file twice changes nothing");

    // 1,250 renamed (two update batches), two people swap e-mails, a team of the renamed gets
    // a new leader.
    let changed = organisation(2500, |i| if i >= 1250 { format!("Person {i} Endret") } else { format!("Person {i}") })
        .replace("p3@etat.no", "swap@etat.no")
        .replace("p4@etat.no", "p3@etat.no")
        .replace("swap@etat.no", "p4@etat.no")
        .replace(";2491;", ";0;");
    assert_eq!(applied(&run(&t, &changed, false, false).await), (0, 1250 + 2, 0, true));
    let renamed = person_by_email(&t, "p2499@etat.no").await;
    assert_eq!((renamed.name.as_str(), renamed.leader_name.as_deref()), ("Person 2499 Endret", Some("Person 0")));
    assert_eq!(person_by_email(&t, "p3@etat.no").await.name, "Person 4");
    assert_eq!(applied(&run(&t, &changed, false, false).await), (0, 0, 0, false), "and again nothing");

    // A full export of the first 2,000 deactivates the other 500, in batches too.
    let first: String = changed.lines().take(2001).map(|l| format!("{l}\n")).collect();
    assert_eq!(applied(&run(&t, &first, true, false).await), (0, 0, 500, true));
    assert_eq!(t.count_people().await, 2500, "deactivated, never deleted");
    assert!(!person_by_email(&t, "p2499@etat.no").await.active);
    assert_eq!(applied(&run(&t, &first, true, false).await), (0, 0, 0, false));
});

on_both!(the_people_list_reads_every_field_and_who_works_remote, |t: TestDb| async move {
    locations(&t).await;
    let file = "ansattnummer;navn;epost;stilling;enhet;leder;lokasjon;hjemmekontordager\n\
                1;Liv Leder;liv@etat.no;Direktør;Stab;;Oslo;\n\
                2;Emma Borte;emma@etat.no;Rådgiver \"Ø\";Stab/Team Nord;1;Bodø;man fre\n\
                3;Per Nær;per@etat.no;;Stab;1;Oslo;\n";
    run(&t, file, false, false).await;
    let mut c = t.db.conn().await.unwrap();
    let (people, total) = store::people::list(c.ex(), &store::people::Filter::default(), 50, 0).await.unwrap();
    assert_eq!(total, 3);
    let emma = people.iter().find(|p| p.name == "Emma Borte").unwrap();
    assert_eq!((emma.employee_number.as_str(), emma.title.as_str()), ("2", "Rådgiver \"Ø\""));
    assert_eq!(
        (emma.unit_name.as_deref(), emma.leader_name.as_deref(), emma.location_name.as_deref()),
        (Some("Team Nord"), Some("Liv Leder"), Some("Bodø"))
    );
    assert_eq!((emma.days().bits(), emma.active, emma.is_admin, emma.remote), (0b10001, true, false, true));
    let per = people.iter().find(|p| p.name == "Per Nær").unwrap();
    assert!(!per.remote, "same site as the leader");
    let liv = people.iter().find(|p| p.name == "Liv Leder").unwrap();
    assert!(!liv.remote && liv.leader_name.is_none(), "no leader, not remote");
    let none = store::people::Filter { query: Some("ingen slik".into()), ..Default::default() };
    let (found, total) = store::people::list(c.ex(), &none, 50, 0).await.unwrap();
    assert_eq!((found.len(), total), (0, 0));
});

/// A request that asked the pool for a second connection while holding one would wait for
/// another request to give one back; under load every request in flight does, and all wait.
/// Debug builds stop it at once, so any page or form that does it fails its tests.
#[tokio::test]
#[should_panic(expected = "second database connection")]
async fn a_request_holds_one_connection_at_a_time() {
    let t = TestDb::new(common::Backend::Sqlite).await;
    store::one_connection_at_a_time(async {
        drop(t.db.conn().await.unwrap());
        let _first = t.db.begin_read().await.unwrap();
        let _second = t.db.conn().await;
    })
    .await;
}

/// The contact overview's pairs, Min side, a person's conversations and a report's page are
/// written once per database (JSON on SQLite, rows or JSON built by PostgreSQL): on the demo
/// organisation both read the same, for every leader and person.
#[tokio::test]
async fn both_databases_read_the_pairs_min_side_and_conversations_alike() {
    let lite = TestDb::new(common::Backend::Sqlite).await;
    let pg = TestDb::new(common::Backend::Postgres).await;
    samspill::cli::demo::run(&lite.db).await.unwrap();
    samspill::cli::demo::run(&pg.db).await.unwrap();
    let (mut a, mut b) = (lite.db.conn().await.unwrap(), pg.db.conn().await.unwrap());
    let now = store::now();
    let today = store::today(now);
    let (mut pairs_seen, mut conversations_seen, mut report_conversations_seen) = (0, 0, 0);
    for (id, name, _) in store::people::choices(a.ex()).await.unwrap() {
        let email = store::people::get(a.ex(), samspill::domain::PersonId(id)).await.unwrap().unwrap().email;
        let other = store::people::id_by_email(b.ex(), &email).await.unwrap().unwrap();
        // Ids and creation times come from each database; the rest must agree.
        let pair = |p: &store::conversations::PairRow| {
            let s = &p.state;
            (
                p.name.clone(),
                s.cadence.clone(),
                s.last_held,
                s.next_at,
                s.next_status.clone(),
                s.last_touch.clone(),
                s.last_touch_in_person.clone(),
                s.last_held_in_person,
                s.open_actions,
            )
        };
        let lite_pairs: Vec<_> =
            store::conversations::pairs(a.ex(), samspill::domain::PersonId(id)).await.unwrap().iter().map(pair).collect();
        let pg_pairs: Vec<_> = store::conversations::pairs(b.ex(), other).await.unwrap().iter().map(pair).collect();
        assert_eq!(lite_pairs, pg_pairs, "the pairs of {name}");
        pairs_seen += lite_pairs.len();

        // A report's page: the report with their shares, and the pair's conversations newest first.
        for report in store::conversations::pairs(a.ex(), samspill::domain::PersonId(id)).await.unwrap() {
            let email = store::people::get(a.ex(), samspill::domain::PersonId(report.id)).await.unwrap().unwrap().email;
            let pg_report = store::people::id_by_email(b.ex(), &email).await.unwrap().unwrap();
            let page = |r: Option<store::development::Report>| {
                let r = r.expect("a report's page for their leader");
                let rows: Vec<_> =
                    r.rows.iter().map(|row| (row.name.clone(), row.instrument_id.clone(), row.shared_at.is_some())).collect();
                (rows, r.conversations.iter().map(|c| (c.starts_at, c.status.clone())).collect::<Vec<_>>())
            };
            let lite_page = page(
                store::development::report(a.ex(), samspill::domain::PersonId(id), samspill::domain::PersonId(report.id)).await.unwrap(),
            );
            let pg_page = page(store::development::report(b.ex(), other, pg_report).await.unwrap());
            assert_eq!(lite_page, pg_page, "the page of {} for {name}", report.name);
            assert!(lite_page.1.windows(2).all(|w| w[0].0 >= w[1].0), "newest first on the page of {}", report.name);
            report_conversations_seen += lite_page.1.len();
        }

        // Min side reads the pairs in its own statement: the same pairs.
        let home = |h: Option<store::people::Home>| {
            let store::people::Home { me, reports, pairs, waiting: w } = h.unwrap();
            assert_eq!(pairs.iter().map(pair).collect::<Vec<_>>(), lite_pairs, "the pairs on Min side of {name}");
            let person = |p: store::people::Person| {
                (
                    p.name,
                    p.email,
                    p.title,
                    p.unit_name,
                    p.leader_name,
                    p.location_name,
                    p.home_office_days,
                    p.active,
                    p.end_date,
                    p.is_admin,
                )
            };
            (
                person(me),
                reports.into_iter().map(person).collect::<Vec<_>>(),
                w.next_at,
                w.next_status,
                w.open_actions,
                w.open_waves.is_some(),
            )
        };
        let conversation = |v: store::conversations::EmployeeConversation| (v.leader_name, v.starts_at, v.status);
        let as_employee =
            |e: store::conversations::AsEmployee| (e.leader_name, e.conversations.into_iter().map(conversation).collect::<Vec<_>>());
        // Samtaler reads the pairs with the person's own conversations: the same pairs.
        let samtaler = |(e, pairs): (store::conversations::AsEmployee, Vec<store::conversations::PairRow>)| {
            assert_eq!(pairs.iter().map(pair).collect::<Vec<_>>(), lite_pairs, "the pairs on Samtaler of {name}");
            as_employee(e)
        };
        let (lite_leader, lite_conversations) =
            samtaler(store::conversations::index(a.ex(), samspill::domain::PersonId(id), true).await.unwrap());
        let (pg_leader, pg_conversations) = samtaler(store::conversations::index(b.ex(), other, true).await.unwrap());
        assert_eq!(lite_conversations, pg_conversations, "the conversations of {name}");
        let leader = store::people::get(a.ex(), samspill::domain::PersonId(id)).await.unwrap().unwrap().leader_name;
        assert_eq!((&lite_leader, &pg_leader), (&leader, &leader), "the leader of {name}");
        conversations_seen += lite_conversations.len();

        let lite_home = home(store::people::home(a.ex(), samspill::domain::PersonId(id), now, &today).await.unwrap());
        let pg_home = home(store::people::home(b.ex(), other, now, &today).await.unwrap());
        assert_eq!(lite_home, pg_home, "Min side of {name}");
    }
    assert!(
        pairs_seen > 20 && conversations_seen > 20 && report_conversations_seen > 20,
        "the demo has leaders with reports, and conversations"
    );
}

async fn sql(c: &mut store::Conn, statement: &str) -> Result<(), sqlx::Error> {
    let statement = sqlx::AssertSqlSafe(statement.to_string());
    match c.ex() {
        store::Ex::Sqlite(c) => sqlx::query(statement).execute(&mut *c).await.map(drop),
        store::Ex::Pg(c) => sqlx::query(statement).execute(&mut *c).await.map(drop),
    }
}

// A page reads the session and its own data on one connection: the one kept is the one the
// request's next checkout gets (a temporary table lives on one connection only), and a
// transaction gives it back first rather than holding two.
on_both!(a_kept_connection_serves_the_request_next, |t: TestDb| async move {
    // Two idle connections, so that the pool alone would not hand the same one back.
    let (a, b) = (t.db.conn().await.unwrap(), t.db.conn().await.unwrap());
    drop((a, b));
    store::one_connection_at_a_time(async {
        let mut first = t.db.conn().await.unwrap();
        sql(&mut first, "CREATE TEMPORARY TABLE kept_here (x INTEGER)").await.unwrap();
        first.keep();
        let mut next = t.db.conn().await.unwrap();
        sql(&mut next, "SELECT COUNT(*) FROM kept_here").await.expect("the kept connection");
        drop(next);
        let mut other = t.db.conn().await.unwrap();
        assert!(sql(&mut other, "SELECT COUNT(*) FROM kept_here").await.is_err(), "kept once, taken once");
        other.keep();
        t.db.begin_read().await.unwrap().commit().await.unwrap();
        t.db.begin().await.unwrap().commit().await.unwrap();
    })
    .await;
});

// Writers take turns across nodes: a second node's write transaction starts only once the first
// node's has ended (PostgreSQL: the advisory lock taken as the transaction begins; SQLite: the
// write lock), and the connection is usable again afterwards.
on_both!(a_write_transaction_holds_the_writers_turn_until_it_ends, |t: TestDb| async move {
    let other_node = t.second_pool().await;
    let first = t.db.begin().await.unwrap();
    let mut second = tokio::spawn(async move { other_node.begin().await.unwrap().commit().await });
    let waited = tokio::time::timeout(std::time::Duration::from_millis(300), &mut second).await;
    assert!(waited.is_err(), "the second node began while the first held the turn");
    first.commit().await.unwrap();
    let second = tokio::time::timeout(std::time::Duration::from_secs(5), second).await.expect("the turn passes on");
    second.unwrap().unwrap();
    let mut c = t.db.conn().await.unwrap();
    sql(&mut c, "SELECT 1").await.expect("the connection is outside any transaction");
});

/// The tables whose changes no kept page shows: they raise no counter of `data_version`.
const UNVERSIONED: [&str; 7] =
    ["data_version", "import_draft_parts", "import_drafts", "login_failures", "provider_sign_ins", "server_keys", "sessions"];

async fn data_version(c: &mut store::Conn) -> (i64, i64, i64, i64) {
    let sql = "SELECT CAST(SUM(content) AS BIGINT), CAST(SUM(development) AS BIGINT), CAST(SUM(outbox) AS BIGINT), \
               CAST(SUM(participation) AS BIGINT) FROM data_version";
    match c.ex() {
        store::Ex::Sqlite(c) => sqlx::query_as(sql).fetch_one(&mut *c).await.unwrap(),
        store::Ex::Pg(c) => sqlx::query_as(sql).fetch_one(&mut *c).await.unwrap(),
    }
}

// Every table either raises a counter on insert, update and delete, or is one whose changes no
// kept page shows: a new table cannot be forgotten.
on_both!(every_table_raises_the_data_version_or_is_named_as_one_that_need_not, |t: TestDb| async move {
    let mut c = t.db.conn().await.unwrap();
    let sql = match c.ex() {
        store::Ex::Sqlite(_) => {
            "SELECT m.name, COUNT(DISTINCT g.name) FROM sqlite_master m LEFT JOIN sqlite_master g ON g.type = 'trigger' \
             AND g.tbl_name = m.name AND g.name LIKE '%\\_version' ESCAPE '\\' AND g.sql LIKE '%data\\_version%' ESCAPE '\\' \
             WHERE m.type = 'table' AND m.name NOT LIKE '\\_sqlx%' ESCAPE '\\' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
             GROUP BY m.name"
        }
        store::Ex::Pg(_) => {
            "SELECT t.relname::text, COUNT(g.oid) FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace \
             LEFT JOIN pg_trigger g ON g.tgrelid = t.oid AND NOT g.tgisinternal AND g.tgfoid::regproc::text = 'raise_data_version' \
             WHERE n.nspname = 'public' AND t.relkind = 'r' AND t.relname NOT LIKE '\\_sqlx%' GROUP BY t.relname"
        }
    };
    let tables: Vec<(String, i64)> = match c.ex() {
        store::Ex::Sqlite(c) => sqlx::query_as(sql).fetch_all(&mut *c).await.unwrap(),
        store::Ex::Pg(c) => sqlx::query_as(sql).fetch_all(&mut *c).await.unwrap(),
    };
    assert!(tables.len() > 25, "{tables:?}");
    for (table, triggers) in tables {
        // SQLite has a trigger per kind of change, PostgreSQL one for all three.
        let per_table = if t.backend == common::Backend::Sqlite { 3 } else { 1 };
        let expected = if UNVERSIONED.contains(&table.as_str()) { 0 } else { per_table };
        assert_eq!(triggers, expected, "version triggers on {table}");
    }
});

// A change raises its part's counter once per statement that changed something, in the same
// transaction, and a statement that changed nothing raises none.
on_both!(a_change_raises_its_counter_and_nothing_else, |t: TestDb| async move {
    let lars = t.person("1", "Lars Haugen", "lars@etat.no", None, false).await;
    // The app brings the built-in instruments into the database.
    let _app = common::TestApp::spawn(t.db.clone()).await;
    let mut c = t.db.conn().await.unwrap();
    let before = data_version(&mut c).await;
    sql(&mut c, "UPDATE units SET name = 'x' WHERE id = -1").await.unwrap();
    sql(&mut c, "DELETE FROM outbox WHERE id = -1").await.unwrap();
    assert_eq!(data_version(&mut c).await, before, "nothing changed");
    drop(c);

    let unit = t.unit("Avdeling Nord", None).await;
    let mut c = t.db.conn().await.unwrap();
    let (content, development, outbox, participation) = data_version(&mut c).await;
    assert!(content > before.0);
    assert_eq!((development, outbox, participation), (before.1, before.2, before.3));

    let version = t.current_version("active-employeeship").await;
    store::development::start(c.ex(), lars, "active-employeeship", version, store::now()).await.unwrap();
    let after_start = data_version(&mut c).await;
    assert_eq!((after_start.0, after_start.1 > development, after_start.2, after_start.3), (content, true, outbox, participation));

    // A rolled-back change leaves the counters as they were.
    drop(c);
    let mut tx = t.db.begin().await.unwrap();
    store::units::insert(tx.ex(), "Avdeling Sør", Some(unit)).await.unwrap();
    drop(tx);
    let mut c = t.db.conn().await.unwrap();
    assert_eq!(data_version(&mut c).await, after_start);
});
