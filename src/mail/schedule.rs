//! The messages no one's action sends: reminders before a conversation, and nudges when a pair
//! has passed its due date. Each is keyed by its event, so however often this runs, on however
//! many nodes, each goes out once.

use crate::config::Origin;
use crate::domain::PersonId;
use crate::domain::cadence::{self, Cadence};
use crate::domain::mail::{Kind, WAVE_REMINDER_DAYS, overdue_event, reminder_due, wave_reminder_due};
use crate::store::{self, Db, conversations, outbox, surveys};
use crate::web::keys::SigningKey;
use crate::web::surveys::key_for;

use super::{compose, queue, queue_conversation, recipient};

/// How many messages one run queued.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Queued {
    pub reminders: usize,
    pub nudges: usize,
    /// Survey reminders, to those who have not answered.
    pub wave_reminders: usize,
}

/// Queues what is due at `now`; `participation` is the key survey participation is recorded
/// under, to tell who has not answered a wave without storing it anywhere.
pub async fn queue_due(db: &Db, base: Option<&Origin>, participation: &SigningKey, now: i64) -> store::Result<Queued> {
    let mut c = db.conn().await?;
    let settings = store::settings::get(c.ex()).await?;
    let soon = conversations::planned_between(c.ex(), now, now + settings.reminder_days * 86_400).await?;
    let pairs = conversations::all_pairs_due(c.ex()).await?;
    drop(c);
    let mut queued = Queued::default();
    for conv in soon.iter().filter(|v| reminder_due(v.starts_at, v.updated_at, now, settings.reminder_days)) {
        let mut tx = db.begin_own().await?;
        for to in [conv.leader_id, conv.employee_id] {
            if queue_conversation(tx.ex(), Kind::Reminder, conv, PersonId(to), base, now).await? {
                queued.reminders += 1;
            }
        }
        tx.commit().await?;
    }
    let today = cadence::date_of(now);
    for p in pairs {
        let cad = p.cadence.as_deref().and_then(Cadence::from_code).unwrap_or(settings.default_cadence);
        let due = cadence::due(cad, p.last_held.map(cadence::date_of), cadence::date_of(p.since));
        if !cadence::is_overdue(due, today, p.planned) {
            continue;
        }
        let parties = [
            (p.leader_id, &p.employee_name, format!("/conversations/new?with={}", p.employee_id)),
            (p.employee_id, &p.leader_name, "/conversations/new".to_string()),
        ];
        let mut tx = db.begin_own().await?;
        for (to, other, plan) in parties {
            let key = overdue_event(p.employee_id, p.leader_id, due, to);
            if outbox::has_event(tx.ex(), &key).await? {
                continue;
            }
            let Some(r) = recipient(tx.ex(), PersonId(to)).await? else { continue };
            let mail = compose::overdue(&r, other, due, cad, &plan, base);
            if queue(tx.ex(), &key, &r, &mail, now).await? {
                queued.nudges += 1;
            }
        }
        tx.commit().await?;
    }
    queued.wave_reminders = remind_waves(db, base, participation, now).await?;
    Ok(queued)
}

/// In a wave's last days, those asked who have not answered are reminded, once.
async fn remind_waves(db: &Db, base: Option<&Origin>, participation: &SigningKey, now: i64) -> store::Result<usize> {
    let today = cadence::date_of(now);
    let until = today.checked_add(jiff::Span::new().days(WAVE_REMINDER_DAYS)).unwrap_or(today);
    let mut c = db.conn().await?;
    let waves = surveys::closing_between(c.ex(), &today.to_string(), &until.to_string()).await?;
    drop(c);
    let mut queued = 0;
    for wave in waves.iter().filter(|w| w.closes_on.parse().is_ok_and(|d| wave_reminder_due(d, today))) {
        let mut tx = db.begin_own().await?;
        let Some(instrument) = store::development::instrument(tx.ex(), &wave.instrument_id, wave.instrument_version).await? else {
            continue;
        };
        let Ok(instrument) = crate::domain::instrument::Instrument::parse(&instrument.source) else { continue };
        let mut silent = Vec::new();
        for person in surveys::invitees(tx.ex(), wave.id).await? {
            if !surveys::has_answered(tx.ex(), wave.id, &key_for(participation, wave.id, person)).await? {
                silent.push(person);
            }
        }
        queued += crate::mail::queue_wave(tx.ex(), Kind::WaveReminder, wave, &instrument, &silent, base, now).await?;
        tx.commit().await?;
    }
    Ok(queued)
}
