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
        while day <= last {
            let hour = [9, 10, 13, 14][held % 4];
            let Some(at) = cadence::moment(day, hour, 0) else { break };
            let template = if held % 5 == 4 { "listening-conversation" } else { "regular-follow-up" };
            let status = if held % 9 == 3 { Status::Cancelled } else { Status::Held };
            insert(&mut tx, leader, employee, template, at, channel, status, leader, at - 14 * 86_400).await?;
            held += 1;
            day = cad.after(day);
        }
        if let Some(days) = next_in {
            let date = today.checked_add(jiff::Span::new().days(days)).unwrap_or(today);
            if let Some(at) = cadence::moment(date, 10, 0) {
                // Emma proposed her next one; the rest Lars planned.
                let (status, by) = if n == 0 { (Status::Proposed, employee) } else { (Status::Planned, leader) };
                insert(&mut tx, leader, employee, "regular-follow-up", at, channel, status, by, now - 86_400).await?;
            }
        }
    }
    tx.commit().await?;
    Ok(())
}

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
) -> anyhow::Result<()> {
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
    store::conversations::insert(tx.ex(), &new, created).await?;
    Ok(())
}
