//! The demo's Undersøkelser: three closed team pulses for Lars's team (a trend), one closed
//! upward view, a pulse open now; and Øyvind's small team, whose pulse shows as too few answers.

use std::collections::BTreeMap;

use crate::domain::answers::Answer;
use crate::domain::cadence;
use crate::store::{self, Db, surveys};
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

pub async fn load(db: &Db) -> anyhow::Result<()> {
    let now = store::now();
    let today = cadence::date_of(now);
    let mut tx = db.begin().await?;
    let current = store::development::current_instruments(tx.ex()).await?;
    let version = |id: &str| current.iter().find(|(i, _)| i == id).map(|(_, v)| *v);
    let threshold = store::settings::get(tx.ex()).await?.threshold;
    let teams = [
        (
            "lars@demo.samspill.no",
            vec![
                DemoWave { instrument: "pulse", closed_days_ago: 100, answers: 6, lift: 0 },
                DemoWave { instrument: "pulse", closed_days_ago: 58, answers: 7, lift: 1 },
                DemoWave { instrument: "upward-view", closed_days_ago: 40, answers: 6, lift: 0 },
                DemoWave { instrument: "pulse", closed_days_ago: 16, answers: 6, lift: 1 },
                DemoWave { instrument: "pulse", closed_days_ago: -10, answers: 0, lift: 0 },
            ],
        ),
        ("oyvind.strand@demo.samspill.no", vec![DemoWave { instrument: "pulse", closed_days_ago: 20, answers: 2, lift: 0 }]),
    ];
    for (email, waves) in teams {
        let Some(leader) = store::people::id_by_email(tx.ex(), email).await? else { continue };
        for (n, w) in waves.iter().enumerate() {
            let Some(version) = version(w.instrument) else { continue };
            let closes = today.checked_sub(jiff::Span::new().days(w.closed_days_ago)).unwrap_or(today);
            let opens = closes.checked_sub(jiff::Span::new().days(14)).unwrap_or(closes).min(today);
            let (opens, closes) = (opens.to_string(), closes.to_string());
            let wave = surveys::NewWave {
                instrument_id: w.instrument,
                instrument_version: version,
                leader,
                opened_by: leader,
                opens_on: &opens,
                closes_on: &closes,
                threshold,
            };
            let id = surveys::open_team_wave(tx.ex(), &wave, now - w.closed_days_ago.max(0) * 86_400).await?;
            let items: &[&str] = if w.instrument == "pulse" { &PULSE } else { &UPWARD };
            let mut rows: Vec<(String, String)> = (0..w.answers)
                .map(|person| {
                    let mut answers: BTreeMap<String, Answer> = items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| {
                            // Mostly 3–5, social contact, clear roles and coaching lower: the
                            // seeds' worries at a distance. A small mixing function spreads them.
                            let low = matches!(*item, "social-contact" | "clear-roles" | "coaching");
                            let seed = (person * 31 + i * 17 + n * 7) as u64;
                            let spread = (seed.wrapping_mul(1_103_515_245).wrapping_add(12_345) >> 8) % 10;
                            let base = match spread {
                                0 => 2,
                                1..=3 => 3,
                                4..=7 => 4,
                                _ => 5,
                            };
                            let value = base - i64::from(low) + w.lift;
                            (item.to_string(), Answer::Number(value.clamp(1, 5)))
                        })
                        .collect();
                    if person % 2 == 0 {
                        answers.insert("comment".into(), Answer::Text(COMMENTS[(person / 2 + n) % COMMENTS.len()].into()));
                    }
                    (random_token(), serde_json::to_string(&answers).unwrap_or_default())
                })
                .collect();
            rows.sort();
            surveys::rewrite_answers(tx.ex(), id, &rows).await?;
            // After the latest closed pulses: a reply to a comment and the team's action plan.
            let closed_at = now - w.closed_days_ago * 86_400;
            if w.instrument == "pulse" && w.answers >= threshold as usize && w.closed_days_ago > 0 {
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
                for action in surveys::actions(tx.ex(), id).await? {
                    if plan.iter().any(|(text, _, done)| *done && *text == action.text) {
                        surveys::set_action_done(tx.ex(), id, action.id, Some(closed_at + 20 * 86_400)).await?;
                    }
                }
                if let Some((answer, _)) = surveys::answers_with_ids(tx.ex(), id).await?.iter().find(|(_, a)| a.contains("kaffepause")) {
                    let reply = "Godt forslag – vi prøver en fast kaffepause på video fra neste uke.";
                    surveys::reply(tx.ex(), id, answer, reply, closed_at + 86_400).await?;
                }
            }
        }
    }
    tx.commit().await?;
    Ok(())
}
