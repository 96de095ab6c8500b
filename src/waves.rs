//! Opening survey waves, by a person or, for a recurring wave, by itself: the wave, its groups
//! and everyone's invitation are written in one transaction, so no wave is without them.

use jiff::civil::Date;

use crate::config::Origin;
use crate::domain::PersonId;
use crate::domain::mail::Kind;
use crate::domain::{anonymity, cadence, instrument::Instrument, survey};
use crate::store::{self, Db, Ex, surveys::Scope};

/// A wave to open.
pub struct Opening<'a> {
    pub instrument: &'a str,
    pub scope: Scope,
    pub opened_by: PersonId,
    pub opens_on: Date,
    pub closes_on: Date,
    pub threshold: i64,
    pub repeat_weeks: Option<i64>,
    pub follows: Option<i64>,
}

/// Opens the wave, invites everyone it asks, in the app and by e-mail; its id, or None when the
/// instrument is unknown.
pub async fn open(mut ex: Ex<'_>, o: &Opening<'_>, base: Option<&Origin>, now: i64) -> store::Result<Option<i64>> {
    let Some(version) = store::surveys::newest_version(ex.reborrow(), o.instrument).await? else { return Ok(None) };
    let Some(row) = store::development::instrument(ex.reborrow(), o.instrument, version).await? else { return Ok(None) };
    let Ok(instrument) = Instrument::parse(&row.source) else { return Ok(None) };
    let nodes = store::surveys::scope_nodes(ex.reborrow(), o.scope).await?;
    let groups = anonymity::answer_groups(&nodes, o.threshold);
    let (opens, closes) = (o.opens_on.to_string(), o.closes_on.to_string());
    let wave = store::surveys::NewWave {
        instrument_id: o.instrument,
        instrument_version: version,
        scope: o.scope,
        opened_by: o.opened_by,
        opens_on: &opens,
        closes_on: &closes,
        threshold: o.threshold,
        repeat_weeks: o.repeat_weeks,
        follows: o.follows,
    };
    let id = store::surveys::open_wave(ex.reborrow(), &wave, &nodes, &groups, now).await?;
    if o.opens_on <= cadence::date_of(now) {
        let Some(row) = store::surveys::wave(ex.reborrow(), id).await? else { return Ok(Some(id)) };
        let invitees = store::surveys::invitees(ex.reborrow(), id).await?;
        crate::mail::queue_wave(ex, Kind::WaveInvitation, &row, &instrument, &invitees, base, now).await?;
    }
    Ok(Some(id))
}

/// Opens the next wave of every recurring wave whose time has come: the same survey for the same
/// people (as they are now), as many days long, under today's threshold. Runs in the writers'
/// queue, so however many nodes run it at once, each wave is followed once.
pub async fn open_repeats(db: &Db, base: Option<&Origin>, now: i64) -> store::Result<usize> {
    let today = cadence::date_of(now);
    let mut c = db.conn().await?;
    let any_due = store::surveys::repeating(c.ex())
        .await?
        .iter()
        .any(|w| w.repeat_weeks.is_some_and(|n| survey::next_opening(day(&w.opens_on), n) <= today));
    drop(c);
    if !any_due {
        return Ok(0);
    }
    let mut tx = db.begin().await?;
    let threshold = store::settings::get(tx.ex()).await?.threshold;
    let mut opened = 0;
    for w in store::surveys::repeating(tx.ex()).await? {
        let Some(weeks) = w.repeat_weeks else { continue };
        if survey::next_opening(day(&w.opens_on), weeks) > today {
            continue;
        }
        let Some(scope) = Scope::of(&w) else { continue };
        let length = day(&w.closes_on) - day(&w.opens_on);
        let opening = Opening {
            instrument: &w.instrument_id,
            scope,
            opened_by: PersonId(w.opened_by),
            opens_on: today,
            closes_on: today.checked_add(length).unwrap_or(today),
            threshold,
            repeat_weeks: Some(weeks),
            follows: Some(w.id),
        };
        if open(tx.ex(), &opening, base, now).await?.is_some() {
            // The repetition moves on to the new wave: only the newest of a series repeats.
            store::surveys::stop_repeating(tx.ex(), w.id).await?;
            opened += 1;
        }
    }
    tx.commit().await?;
    Ok(opened)
}

fn day(text: &str) -> Date {
    text.parse().unwrap_or_default()
}
