//! The demo's Undersøkelser: three closed team pulses for Lars's team (a trend), one closed
//! upward view, a pulse open now that repeats every six weeks; Øyvind's small team, whose pulse
//! shows as too few answers; HR's pulse for a department, shown per group; and Liv's pulse for
//! everyone in her reporting lines, shown per team.

use std::collections::BTreeMap;

use crate::domain::answers::Answer;
use crate::domain::{anonymity, cadence};
use crate::store::{self, Db, surveys, surveys::Scope};
use crate::web::ctx::random_token;

const PULSE: [&str; 14] = [
    "leader-support",
    "colleague-support",
    "identity",
    "use-of-talent",
    "goal-focus",
    "autonomy",
    "social-contact",
    "clear-roles",
    "digital-meetings",
    "psychological-safety",
    "leader-availability",
    "freedom",
    "goals",
    "support",
];

const UPWARD: [&str; 14] = [
    "self-insight",
    "practise-self-leadership",
    "care-for-people",
    "delegate",
    "room-for-action",
    "clarify-assignment",
    "encourage-initiative",
    "motivating-goals",
    "listen-actively",
    "see-opportunities",
    "mastery",
    "everyday-learning",
    "coaching",
    "role-model",
];

const COMMENTS: [&str; 5] = [
    "Savner de uformelle praten vi hadde da vi satt sammen. Kan vi ha en fast kaffepause på video?",
    "Fint at vi har faste oppfølgingssamtaler nå, det gjør det lettere å si fra tidlig.",
    "Det er ikke alltid tydelig hvem som har ansvaret når saker går mellom Tromsø og Bodø.",
    "Teammøtene på mandag fungerer godt.",
    "Skulle gjerne fått bruke mer av fagkompetansen min i de store sakene.",
];

/// A wave in the past or now: (instrument, days ago it closed (negative: closes ahead), answers).
struct DemoWave {
    instrument: &'static str,
    closed_days_ago: i64,
    answers: usize,
    /// Added to every score: later pulses score a little higher.
    lift: i64,
}

/// Who a demo wave asks: a leader's team or everyone in their reporting lines (by the leader's
/// e-mail), or a unit with its sub-units.
enum Asks {
    Team(&'static str),
    Area(&'static str),
    Unit(&'static str),
}

/// `count` answers to the items, mostly 3–5 with social contact, clear roles and coaching lower
/// (the seeds' worries at a distance); every second with a comment. `n` varies the mix.
fn demo_answers(items: &[&str], count: usize, n: usize, lift: i64) -> Vec<String> {
    (0..count)
        .map(|person| {
            let mut answers: BTreeMap<String, Answer> = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let low = matches!(*item, "social-contact" | "clear-roles" | "coaching");
                    // A small mixing function spreads the scores.
                    let seed = (person * 31 + i * 17 + n * 7) as u64;
                    let spread = (seed.wrapping_mul(1_103_515_245).wrapping_add(12_345) >> 8) % 10;
                    let base = match spread {
                        0 => 2,
                        1..=3 => 3,
                        4..=7 => 4,
                        _ => 5,
                    };
                    let value = base - i64::from(low) + lift;
                    (item.to_string(), Answer::Number(value.clamp(1, 5)))
                })
                .collect();
            if person % 2 == 0 {
                answers.insert("comment".into(), Answer::Text(COMMENTS[(person / 2 + n) % COMMENTS.len()].into()));
            }
            serde_json::to_string(&answers).unwrap_or_default()
        })
        .collect()
}

pub async fn load(db: &Db) -> anyhow::Result<()> {
    let now = store::now();
    let today = cadence::date_of(now);
    let mut tx = db.begin().await?;
    let current = store::development::current_instruments(tx.ex()).await?;
    let version = |id: &str| current.iter().find(|(i, _)| i == id).map(|(_, v)| *v);
    let threshold = store::settings::get(tx.ex()).await?.threshold;
    let Some(hr) = store::people::id_by_email(tx.ex(), super::HR_EMAIL).await? else { return Ok(()) };
    let lars = "lars@demo.samspill.no";
    let waves = [
        (Asks::Team(lars), DemoWave { instrument: "pulse", closed_days_ago: 100, answers: 6, lift: 0 }, None),
        (Asks::Team(lars), DemoWave { instrument: "pulse", closed_days_ago: 58, answers: 7, lift: 1 }, None),
        (Asks::Team(lars), DemoWave { instrument: "upward-view", closed_days_ago: 40, answers: 6, lift: 0 }, None),
        (Asks::Team(lars), DemoWave { instrument: "pulse", closed_days_ago: 16, answers: 6, lift: 1 }, None),
        // Open now, and back every six weeks.
        (Asks::Team(lars), DemoWave { instrument: "pulse", closed_days_ago: -10, answers: 0, lift: 0 }, Some(6)),
        (Asks::Team("oyvind.strand@demo.samspill.no"), DemoWave { instrument: "pulse", closed_days_ago: 20, answers: 2, lift: 0 }, None),
        // HR's pulse for a department: one of its groups had too few answers to show.
        (Asks::Unit("Avdeling Digital"), DemoWave { instrument: "pulse", closed_days_ago: 30, answers: 11, lift: 0 }, None),
        // Liv's pulse for her reporting lines: each team answers all but one, one team too few.
        (Asks::Area("liv@demo.samspill.no"), DemoWave { instrument: "pulse", closed_days_ago: 24, answers: 0, lift: 0 }, None),
    ];
    let units = store::units::all(tx.ex()).await?;
    for (n, (asks, w, repeat_weeks)) in waves.iter().enumerate() {
        let Some(version) = version(w.instrument) else { continue };
        let (scope, opened_by) = match asks {
            Asks::Team(email) => {
                let Some(leader) = store::people::id_by_email(tx.ex(), email).await? else { continue };
                (Scope::Team(leader), leader)
            }
            Asks::Area(email) => {
                let Some(leader) = store::people::id_by_email(tx.ex(), email).await? else { continue };
                (Scope::Area(leader), leader)
            }
            Asks::Unit(name) => {
                let Some(unit) = units.iter().find(|u| u.name == *name) else { continue };
                (Scope::Unit { unit: unit.id, sub_units: true }, hr)
            }
        };
        let closes = today.checked_sub(jiff::Span::new().days(w.closed_days_ago)).unwrap_or(today);
        let opens = closes.checked_sub(jiff::Span::new().days(14)).unwrap_or(closes).min(today);
        let (opens, closes) = (opens.to_string(), closes.to_string());
        let wave = surveys::NewWave {
            instrument_id: w.instrument,
            instrument_version: version,
            scope,
            opened_by,
            opens_on: &opens,
            closes_on: &closes,
            threshold,
            repeat_weeks: *repeat_weeks,
            follows: None,
        };
        let in_scope = surveys::scope_nodes(tx.ex(), scope).await?;
        let groups = anonymity::answer_groups(&in_scope, threshold);
        let id = surveys::open_wave(tx.ex(), &wave, &in_scope, &groups, now - w.closed_days_ago.max(0) * 86_400).await?;
        let items: &[&str] = if w.instrument == "pulse" { &PULSE } else { &UPWARD };
        let mut group_ids: Vec<i64> = groups.values().copied().collect();
        group_ids.sort();
        group_ids.dedup();
        // The group of each answer. A unit's: the first group gets all but four, the next the
        // four (too few to show on their own). Reporting lines': each team all but one of its
        // people, the third only two.
        let answer_groups: Vec<Option<i64>> = match asks {
            Asks::Team(_) => vec![None; w.answers],
            Asks::Unit(_) => (0..w.answers)
                .map(|k| match group_ids.as_slice() {
                    [] => None,
                    [only] => Some(*only),
                    [first, second, ..] => Some(if k + 4 < w.answers { *first } else { *second }),
                })
                .collect(),
            Asks::Area(_) => group_ids
                .iter()
                .enumerate()
                .flat_map(|(k, g)| {
                    let asked: i64 = in_scope.iter().filter(|t| groups.get(&t.id) == Some(g)).map(|t| t.invited).sum();
                    let answered = if k == 2 { 2 } else { (asked - 1).max(0) as usize };
                    std::iter::repeat_n(Some(*g), answered)
                })
                .collect(),
        };
        let answers = demo_answers(items, answer_groups.len(), n, w.lift);
        let mut rows: Vec<(String, Option<i64>, String)> =
            answers.into_iter().zip(answer_groups).map(|(a, group)| (random_token(), group, a)).collect();
        rows.sort();
        surveys::rewrite_answers(tx.ex(), id, &rows).await?;
        // After the latest closed pulses: a reply to a comment and the team's action plan.
        let closed_at = now - w.closed_days_ago * 86_400;
        if matches!(asks, Asks::Team(_)) && w.instrument == "pulse" && w.answers >= threshold as usize && w.closed_days_ago > 0 {
            let plan: &[(&str, &str, bool)] = if w.closed_days_ago < 30 {
                &[
                    ("Fast kaffepause på video fredager kl. 14", "Teamet", false),
                    ("Skrive ned hvem som eier sakene mellom Tromsø og Bodø", "Lars Haugen", false),
                ]
            } else {
                &[("Teammøte hver mandag med runde rundt bordet", "Teamet", true), ("Samling i Tromsø før jul", "Lars Haugen", true)]
            };
            for (text, owner, _) in plan {
                surveys::add_action(tx.ex(), id, text, owner, None, closed_at + 86_400).await?;
            }
            for action in surveys::actions(tx.ex(), id, None).await? {
                if plan.iter().any(|(text, _, done)| *done && *text == action.text) {
                    surveys::set_action_done(tx.ex(), id, action.id, Some(closed_at + 20 * 86_400)).await?;
                }
            }
            if let Some((answer, _, _)) = surveys::answers_with_ids(tx.ex(), id).await?.iter().find(|(_, _, a)| a.contains("kaffepause")) {
                let reply = "Godt forslag – vi prøver en fast kaffepause på video fra neste uke.";
                surveys::reply(tx.ex(), id, answer, reply, closed_at + 86_400).await?;
            }
        }
    }
    tx.commit().await?;
    Ok(())
}
