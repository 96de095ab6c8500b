//! The demo's Samtaler: a year of monthly follow-ups between Lars and his team, with the next
//! ones planned; one pair overdue, one drifting apart, and a time Emma has proposed.

use crate::domain::cadence::{self, Cadence};
use crate::domain::conversation::{Channel, Status};
use crate::store::{self, Db, conversations::NewConversation};

const LEADER: &str = "lars@demo.samspill.no";

/// (e-mail, cadence, months since the last conversation held, channel, the next one in days).
const TEAM: [(&str, Cadence, i64, Channel, Option<i64>); 7] = [
    ("emma@demo.samspill.no", Cadence::MONTHLY, 0, Channel::Video, Some(6)),
    ("maret.sara@demo.samspill.no", Cadence::MONTHLY, 0, Channel::InPerson, Some(9)),
    ("jonas.pedersen@demo.samspill.no", Cadence::Weeks(6), 1, Channel::InPerson, Some(13)),
    // Overdue: monthly, last held seven weeks ago, nothing planned.
    ("thomas.eriksen@demo.samspill.no", Cadence::MONTHLY, 2, Channel::Video, None),
    ("ida.mathisen@demo.samspill.no", Cadence::MONTHLY, 0, Channel::InPerson, Some(20)),
    // Drifting apart: every second month, and the last one long ago.
    ("mohammed.ali@demo.samspill.no", Cadence::Months(2), 4, Channel::Phone, None),
    ("kjersti.fredriksen@demo.samspill.no", Cadence::MONTHLY, 0, Channel::Video, Some(3)),
];

pub async fn load(db: &Db) -> anyhow::Result<()> {
    let now = store::now();
    let today = cadence::date_of(now);
    let mut tx = db.begin().await?;
    let Some(leader) = store::people::id_by_email(tx.ex(), LEADER).await? else { return Ok(()) };
    for (n, (email, cad, months_since, channel, next_in)) in TEAM.into_iter().enumerate() {
        let Some(employee) = store::people::id_by_email(tx.ex(), email).await? else { continue };
        let year_ago = now - 380 * 86_400;
        store::conversations::set_cadence(tx.ex(), leader, employee, &cad.code(), year_ago).await?;
        // A year of conversations at the pair's cadence, the last one `months_since` ago.
        let mut day = today.checked_sub(jiff::Span::new().days(365 - 3 * n as i64)).unwrap_or(today);
        let last = today.checked_sub(jiff::Span::new().months(months_since).days(7 + n as i64)).unwrap_or(today);
        let mut held = 0;
        let mut last_held = None;
        while day <= last {
            let hour = [9, 10, 13, 14][held % 4];
            let Some(at) = cadence::moment(day, hour, 0) else { break };
            let template = if held % 5 == 4 { "listening-conversation" } else { "regular-follow-up" };
            let status = if held % 9 == 3 { Status::Cancelled } else { Status::Held };
            let id = insert(&mut tx, leader, employee, template, at, channel, status, leader, at - 14 * 86_400).await?;
            if status == Status::Held {
                last_held = Some((id, at));
            }
            held += 1;
            day = cad.after(day);
        }
        if let Some(days) = next_in {
            let date = today.checked_add(jiff::Span::new().days(days)).unwrap_or(today);
            if let Some(at) = cadence::moment(date, 10, 0) {
                // Emma proposed her next one; the rest Lars planned.
                let (status, by) = if n == 0 { (Status::Proposed, employee) } else { (Status::Planned, leader) };
                let next = insert(&mut tx, leader, employee, "regular-follow-up", at, channel, status, by, now - 86_400).await?;
                store::conversations::add_agenda_item(tx.ex(), next, employee, AGENDA[n % AGENDA.len()].0, None, now - 86_400).await?;
                store::conversations::add_agenda_item(tx.ex(), next, leader, AGENDA[n % AGENDA.len()].1, None, now - 3_600).await?;
                // What she has shared with Lars goes on the agenda with it.
                if let Some((attempt, ..)) = store::development::shared_with(tx.ex(), employee, leader).await?.first() {
                    let text = "Egenvurderingen min: hva jeg vil utvikle";
                    store::conversations::add_agenda_item(tx.ex(), next, employee, text, Some(*attempt), now - 1_800).await?;
                }
            }
        }
        // The last conversation held: its shared note, one action done since and one still open.
        if let Some((id, at)) = last_held {
            let (note, done, open) = NOTES[n % NOTES.len()];
            store::conversations::save_shared_note(tx.ex(), id, 0, note, leader, at + 3_600).await?;
            let Some(row) = store::conversations::get(tx.ex(), leader, id).await? else { continue };
            let due = cadence::date_of(at + 21 * 86_400).to_string();
            for (text, owner) in [(done, leader), (open, employee)] {
                let action = store::conversations::NewAction { conversation: &row, owner, text, due_date: Some(&due) };
                store::conversations::add_action(tx.ex(), &action, at + 3_600).await?;
            }
            let actions = store::conversations::work(tx.ex(), &row, leader).await?.actions;
            if let Some(first) = actions.iter().find(|a| a.text == done) {
                store::conversations::set_action_done(tx.ex(), &row, first.id, Some(at + 10 * 86_400)).await?;
            }
        }
    }
    // A few touchpoints logged by hand: chats, a team meeting, the autumn gathering in Tromsø.
    for (email, kind, channel, days_ago) in TOUCHES {
        let Some(employee) = store::people::id_by_email(tx.ex(), email).await? else { continue };
        let on = cadence::date_of(now - days_ago * 86_400).to_string();
        let touch = store::conversations::NewTouchpoint { leader, employee, author: leader, kind, channel, on_date: &on };
        store::conversations::add_touchpoint(tx.ex(), &touch, now - days_ago * 86_400).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// (e-mail, kind, channel, days ago).
const TOUCHES: [(&str, &str, &str, i64); 9] = [
    ("emma@demo.samspill.no", "informal", "video", 4),
    ("emma@demo.samspill.no", "gathering", "in-person", 40),
    ("kjersti.fredriksen@demo.samspill.no", "gathering", "in-person", 40),
    ("emma@demo.samspill.no", "meeting", "video", 11),
    ("maret.sara@demo.samspill.no", "gathering", "in-person", 40),
    ("ida.mathisen@demo.samspill.no", "gathering", "in-person", 40),
    ("jonas.pedersen@demo.samspill.no", "gathering", "in-person", 40),
    ("kjersti.fredriksen@demo.samspill.no", "informal", "phone", 9),
    ("thomas.eriksen@demo.samspill.no", "social", "video", 25),
];

/// Agenda points for the next conversation: (the employee's, the leader's).
const AGENDA: [(&str, &str); 4] = [
    ("Status på tilskuddssakene før jul", "Fordeling av saker når Jonas har ferie"),
    ("Kurs i klarspråk i vår?", "Hvordan har du det med hjemmekontor om vinteren?"),
    ("Jeg trenger avklaring på rollen i prosjektet", "Tilbakemelding fra kommunene"),
    ("Arbeidsmengden i desember", "Samling i Tromsø i februar"),
];

/// The shared note of the last conversation held, an action done since and one still open.
const NOTES: [(&str, &str, &str); 3] = [
    (
        "Gikk gjennom målene for kvartalet. Saksbehandlingen ligger godt an; veiledningen av nye tar mer tid enn planlagt. Avtalte å se på fordelingen i neste samtale.",
        "Lars avklarer ressurser til veiledning med Liv",
        "Skrive ned sjekklisten for saksbehandling",
    ),
    (
        "Snakket om hjemmekontor og kontakt med teamet. Savner de uformelle pausene; foreslår en fast kaffeprat på video tirsdager.",
        "Lars setter opp kaffeprat tirsdager kl. 10",
        "Melde seg på samlingen i februar",
    ),
    (
        "Status på prosjektet: roller er uklare mellom oss og kommunen. Trenger et skriftlig mandat før neste fase.",
        "Lars ber prosjekteier om skriftlig mandat",
        "Lage forslag til rollefordeling",
    ),
];

#[allow(clippy::too_many_arguments)]
async fn insert(
    tx: &mut store::Tx,
    leader: crate::domain::PersonId,
    employee: crate::domain::PersonId,
    template: &str,
    at: i64,
    channel: Channel,
    status: Status,
    by: crate::domain::PersonId,
    created: i64,
) -> anyhow::Result<i64> {
    let place = match channel {
        Channel::InPerson => "Møterom Nordlys, Tromsø",
        Channel::Video => "https://video.demo.samspill.no/lars",
        Channel::Phone => "",
    };
    let new = NewConversation {
        leader,
        employee,
        template,
        starts_at: at,
        minutes: 45,
        channel: channel.code(),
        place,
        status: status.code(),
        proposed_by: by,
    };
    Ok(store::conversations::insert(tx.ex(), &new, created).await?)
}
