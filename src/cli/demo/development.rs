//! The demo's Utvikling: the leader has taken the leadership-skills assessment twice, months
//! apart; the employee has taken Active employeeship and shared it with her leader; others
//! have drafts and exercises.

use serde_json::{Value, json};

use crate::store::{self, Db, development};

const DAY: i64 = 86_400;

/// (e-mail, instrument, days ago, submitted, shared, answers).
fn attempts() -> Vec<(&'static str, &'static str, i64, bool, bool, Value)> {
    let scale =
        |pairs: &[(&str, i64)]| -> serde_json::Map<String, Value> { pairs.iter().map(|(k, v)| (k.to_string(), json!(v))).collect() };
    let mut lars_before = scale(&[
        ("self-insight", 3),
        ("practise-self-leadership", 3),
        ("care-for-people", 5),
        ("delegate", 2),
        ("room-for-action", 3),
        ("clarify-assignment", 2),
        ("encourage-initiative", 3),
        ("motivating-goals", 3),
        ("listen-actively", 4),
        ("see-opportunities", 3),
        ("mastery", 3),
        ("everyday-learning", 2),
        ("coaching", 2),
        ("role-model", 4),
    ]);
    lars_before.insert(
        "development-areas".into(),
        json!([
            {"area": "Delegere tydeligere", "how": "Avtale hva hver i teamet eier, og skrive det ned i månedssamtalen."},
            {"area": "Coachende samtaler", "how": "Spørre mer og svare mindre; be Liv om tilbakemelding etter to samtaler."}
        ]),
    );
    lars_before.insert(
        "strengths".into(),
        json!([
            {"strength": "Bryr meg om folk", "how": "Ringe dem som sitter alene i Bodø hver uke, ikke bare når noe haster."},
            {"strength": "Rollemodell", "how": "Vise at det er lov å si nei til oppgaver som ikke hører hjemme hos oss."}
        ]),
    );
    let mut lars_after = scale(&[
        ("self-insight", 4),
        ("practise-self-leadership", 3),
        ("care-for-people", 5),
        ("delegate", 4),
        ("room-for-action", 4),
        ("clarify-assignment", 3),
        ("encourage-initiative", 4),
        ("motivating-goals", 3),
        ("listen-actively", 4),
        ("see-opportunities", 4),
        ("mastery", 3),
        ("everyday-learning", 3),
        ("coaching", 3),
        ("role-model", 4),
    ]);
    lars_after.insert(
        "development-areas".into(),
        json!([
            {"area": "Hverdagslæring i teamet", "how": "Ti minutter på fredagsmøtet der én deler noe de har lært."},
            {"area": "Motiverende mål", "how": "Knytte hvert mål i teamplanen til hvem det hjelper, sammen med teamet."}
        ]),
    );
    lars_after.insert(
        "strengths".into(),
        json!([
            {"strength": "Tydelig delegering", "how": "Fortsette med skriftlige avtaler om ansvar, og ta dem opp hver måned."},
            {"strength": "Bryr meg om folk", "how": "Holde på de faste telefonene med dem som sitter i Bodø."}
        ]),
    );
    let mut emma = scale(&[
        ("own-job", 4),
        ("own-career", 3),
        ("own-wellbeing", 3),
        ("wishes-and-needs", 2),
        ("constructive", 4),
        ("make-leader-good", 3),
        ("work-environment", 4),
        ("lead-with-others", 3),
        ("good-colleague", 5),
    ]);
    emma.insert(
        "development-areas".into(),
        json!([
            {"area": "Si fra om hva jeg trenger", "how": "Ta med ett ønske til hver månedssamtale med Lars, også når alt går fint."},
            {"area": "Egen karriere", "how": "Finne ut hvilke kurs som passer, og spørre om tid til ett før sommeren."}
        ]),
    );
    emma.insert(
        "strengths".into(),
        json!([
            {"strength": "God kollega", "how": "Fortsette å ta en prat med nye i teamet, også på video."},
            {"strength": "Utvikler egen jobb", "how": "Dele sjekklisten for saksbehandling med resten av teamet."}
        ]),
    );
    let emma_draft = json!({
        "initiative": "strength", "goals-and-planning": "strength", "prioritising": "demanding",
        "anchoring": "demanding"
    });
    let jonas = json!({
        "what-matters": "Fristene fra departementet, og at saker fra kommunene ikke blir liggende.",
        "tasks": [
            {"task": "Svare på e-post fortløpende", "change": "less"},
            {"task": "Saksbehandling av tilskudd", "change": "keep"},
            {"task": "Møter uten agenda", "change": "stop"},
            {"task": "Veilede nye i teamet", "change": "more"}
        ],
        "stop": "Faste møter uten agenda. Jeg ber om agenda, eller melder meg av.",
        "less": "Sjekke e-post hele dagen. To faste tider, formiddag og ettermiddag.",
        "more": "Veilede de nye i teamet, særlig dem som sitter i Bodø.",
        "clarify": "Hvem som skal svare på henvendelser fra pressen når Lars er borte."
    });
    let liv = json!({
        "time-now": {"get-the-job-done": 55, "improve-the-work": 20, "develop-employees": 20, "develop-own-leadership": 5},
        "time-wanted": {"get-the-job-done": 40, "improve-the-work": 25, "develop-employees": 25, "develop-own-leadership": 10},
        "change": "Flytte ukemøtet med avdelingsdirektørene til annenhver uke, og bruke tiden på samtaler med hver enkelt."
    });
    let maret = json!({"know-values": 4, "know-strengths": 3, "unsure-what-i-want": 4});
    vec![
        ("lars@demo.samspill.no", "leadership-skills", 160, true, false, Value::Object(lars_before)),
        ("lars@demo.samspill.no", "leadership-skills", 20, true, false, Value::Object(lars_after)),
        ("emma@demo.samspill.no", "active-employeeship", 12, true, true, Value::Object(emma)),
        ("emma@demo.samspill.no", "self-leadership-reflection", 3, false, false, emma_draft),
        ("jonas.pedersen@demo.samspill.no", "prioritisation", 30, true, false, jonas),
        ("liv@demo.samspill.no", "leaders-four-jobs", 45, true, false, liv),
        ("maret.sara@demo.samspill.no", "career-quadrant", 2, false, false, maret),
    ]
}

pub async fn load(db: &Db) -> anyhow::Result<()> {
    let now = store::now();
    let mut tx = db.begin().await?;
    let current = development::current_instruments(tx.ex()).await?;
    for (email, instrument, days_ago, submitted, shared, answers) in attempts() {
        let Some(person) = store::people::id_by_email(tx.ex(), email).await? else { continue };
        let Some((_, version)) = current.iter().find(|(id, _)| id == instrument) else { continue };
        let at = now - days_ago * DAY;
        let id = development::start(tx.ex(), person, instrument, *version, at).await?;
        let answers = answers.to_string();
        if submitted {
            development::submit(tx.ex(), person, id, &answers, at).await?;
        } else {
            development::save_draft(tx.ex(), person, id, &answers, 1, at).await?;
        }
        if shared {
            development::share(tx.ex(), person, id, at + 3600).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
