//! Survey waves: when one takes answers, and what a closed wave's answers add up to. Whether a
//! group's results may be shown at all is `anonymity`'s rule.

use jiff::civil::Date;

use super::answers::{Answer, Answers, item_score};
use super::instrument::{Instrument, ItemType};

/// Where a wave stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaveState {
    Upcoming,
    Open,
    Closed,
}

/// A wave takes answers from its first day through its last, unless it was closed early.
pub fn state(opens_on: Date, closes_on: Date, closed_early: bool, today: Date) -> WaveState {
    if closed_early || today > closes_on {
        WaveState::Closed
    } else if today < opens_on {
        WaveState::Upcoming
    } else {
        WaveState::Open
    }
}

/// The longest a wave may run.
pub const MAX_DAYS: i32 = 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// The last day is before the first.
    EndsBeforeStart,
    /// Longer than `MAX_DAYS`.
    TooLong,
}

/// Checks a new wave's days: it opens today (or later) and closes within `MAX_DAYS`.
pub fn check_days(opens_on: Date, closes_on: Date) -> Result<(), OpenError> {
    if closes_on < opens_on {
        Err(OpenError::EndsBeforeStart)
    } else if (closes_on - opens_on).get_days() > MAX_DAYS {
        Err(OpenError::TooLong)
    } else {
        Ok(())
    }
}

/// How often a recurring wave may come back, in weeks.
pub const REPEAT_WEEKS: [i64; 4] = [4, 6, 8, 12];

/// The day a recurring wave that opened on `opens_on` opens the next one.
pub fn next_opening(opens_on: Date, weeks: i64) -> Date {
    opens_on.checked_add(jiff::Span::new().weeks(weeks)).unwrap_or(Date::MAX)
}

/// Whether a wave of these days may repeat every `weeks`: one must close before the next opens.
pub fn repeat_fits(opens_on: Date, closes_on: Date, weeks: i64) -> bool {
    closes_on < next_opening(opens_on, weeks)
}

/// One scale item over every answer of a wave.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemResult {
    pub id: String,
    /// How many chose each value of the scale, lowest first (as answered, before any reversal).
    pub counts: Vec<i64>,
    pub mean: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DimensionResult {
    pub id: String,
    pub mean: Option<f64>,
    pub items: Vec<ItemResult>,
}

/// What a wave's answers add up to: each dimension's mean (of its items' scores), each scale
/// item's mean and distribution, and the comments (text items), in the order given.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub answers: usize,
    pub dimensions: Vec<DimensionResult>,
    pub comments: Vec<String>,
}

pub fn summarize<'a>(instrument: &Instrument, all: impl Iterator<Item = &'a Answers> + Clone) -> Summary {
    let mut comments = Vec::new();
    let dimensions = instrument
        .dimensions
        .iter()
        .filter_map(|d| {
            let mut scores = Vec::new();
            let items: Vec<ItemResult> = d
                .items
                .iter()
                .filter_map(|item| {
                    if matches!(item.kind, ItemType::ShortText | ItemType::LongText) {
                        comments.extend(all.clone().filter_map(|a| match a.get(&item.id) {
                            Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
                            _ => None,
                        }));
                        return None;
                    }
                    let scale = instrument.scale_of(item).filter(|_| item.kind == ItemType::Scale)?;
                    let mut counts = vec![0; scale.values().count()];
                    let mut item_scores = Vec::new();
                    for a in all.clone() {
                        if let Some(Answer::Number(v)) = a.get(&item.id)
                            && let Some(slot) = counts.get_mut((v - scale.min) as usize)
                        {
                            *slot += 1;
                        }
                        if let Some(s) = item_score(scale, item, a.get(&item.id)) {
                            item_scores.push(s);
                        }
                    }
                    scores.extend(&item_scores);
                    Some(ItemResult { id: item.id.clone(), counts, mean: mean(&item_scores) })
                })
                .collect();
            (!items.is_empty()).then(|| DimensionResult { id: d.id.clone(), mean: mean(&scores), items })
        })
        .collect();
    Summary { answers: all.count(), dimensions, comments }
}

/// Each scored dimension's sum and count of item scores over the answers, in the order of
/// `summarize`'s dimensions: totals add up across groups where means do not.
pub fn dimension_totals<'a>(instrument: &Instrument, all: impl Iterator<Item = &'a Answers> + Clone) -> Vec<(i64, i64)> {
    instrument
        .dimensions
        .iter()
        .filter_map(|d| {
            let scored: Vec<_> =
                d.items.iter().filter(|i| i.kind == ItemType::Scale).filter_map(|i| Some((i, instrument.scale_of(i)?))).collect();
            (!scored.is_empty()).then(|| {
                let scores = all.clone().flat_map(|a| scored.iter().filter_map(|(item, scale)| item_score(scale, item, a.get(&item.id))));
                scores.fold((0, 0), |(sum, n), s| (sum + s, n + 1))
            })
        })
        .collect()
}

/// The mean of a dimension from its totals.
pub fn total_mean((sum, count): (i64, i64)) -> Option<f64> {
    (count > 0).then(|| sum as f64 / count as f64)
}

/// The team's view beside the leader's own on one item (upward view against the leadership-skills
/// self-assessment): positive when the team sees more than the leader does.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    pub item: String,
    pub team: f64,
    pub own: i64,
    pub gap: f64,
}

/// Every item both the team and the leader answered, the largest gaps (either way) first.
pub fn gaps(team: &Summary, own: &std::collections::HashMap<String, i64>) -> Vec<Gap> {
    let mut gaps: Vec<Gap> = team
        .dimensions
        .iter()
        .flat_map(|d| &d.items)
        .filter_map(|i| {
            let (team, own) = (i.mean?, *own.get(&i.id)?);
            Some(Gap { item: i.id.clone(), team, own, gap: team - own as f64 })
        })
        .collect();
    gaps.sort_by(|a, b| b.gap.abs().total_cmp(&a.gap.abs()).then_with(|| a.item.cmp(&b.item)));
    gaps
}

fn mean(values: &[i64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<i64>() as f64 / values.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::BUILT_IN;
    use jiff::civil::date;

    #[test]
    fn a_recurring_wave_comes_back_after_its_weeks_and_never_overlaps() {
        assert_eq!(next_opening(date(2026, 11, 2), 6), date(2026, 12, 14));
        assert!(repeat_fits(date(2026, 11, 2), date(2026, 11, 16), 4));
        assert!(!repeat_fits(date(2026, 11, 2), date(2026, 11, 30), 4), "the next would open on its last day");
    }

    #[test]
    fn a_wave_is_open_from_its_first_day_through_its_last() {
        let (from, to) = (date(2026, 12, 1), date(2026, 12, 14));
        assert_eq!(state(from, to, false, date(2026, 11, 30)), WaveState::Upcoming);
        assert_eq!(state(from, to, false, from), WaveState::Open);
        assert_eq!(state(from, to, false, to), WaveState::Open);
        assert_eq!(state(from, to, false, date(2026, 12, 15)), WaveState::Closed);
        assert_eq!(state(from, to, true, date(2026, 12, 3)), WaveState::Closed, "closed early");
        assert_eq!(check_days(from, to), Ok(()));
        assert_eq!(check_days(to, from), Err(OpenError::EndsBeforeStart));
        assert_eq!(check_days(from, date(2027, 2, 1)), Err(OpenError::TooLong));
    }

    #[test]
    fn the_largest_gaps_come_first_either_way() {
        let item = |id: &str, mean: Option<f64>| ItemResult { id: id.into(), counts: vec![], mean };
        let team = Summary {
            answers: 6,
            dimensions: vec![DimensionResult {
                id: "d".into(),
                mean: None,
                items: vec![item("a", Some(3.0)), item("b", Some(4.5)), item("c", Some(2.0)), item("d", None)],
            }],
            comments: vec![],
        };
        let own = [("a", 3), ("b", 4), ("c", 5), ("d", 5)].into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        let g = gaps(&team, &own);
        let order: Vec<&str> = g.iter().map(|g| g.item.as_str()).collect();
        assert_eq!(order, ["c", "b", "a"], "the leader rates c far above the team; d has no team answer");
        assert_eq!(g[0].gap, -3.0);
        assert_eq!(g[1].gap, 0.5);
    }

    #[test]
    fn answers_add_up_per_item_and_dimension_and_comments_are_kept() {
        let pulse = BUILT_IN.iter().map(|s| Instrument::parse(s).unwrap()).find(|i| i.id == "pulse").unwrap();
        let first_dimension = &pulse.dimensions[0];
        let (a, b) = (&first_dimension.items[0].id, &first_dimension.items[1].id);
        let answer = |x: i64, y: i64, comment: &str| -> Answers {
            let mut m = Answers::new();
            m.insert(a.clone(), Answer::Number(x));
            m.insert(b.clone(), Answer::Number(y));
            m.insert("comment".into(), Answer::Text(comment.into()));
            m
        };
        let all = [answer(5, 2, "Bra team"), answer(3, 2, "  "), answer(4, 5, "")];
        let s = summarize(&pulse, all.iter());
        let totals = dimension_totals(&pulse, all.iter());
        assert_eq!(totals.len(), s.dimensions.len());
        for (t, d) in totals.iter().zip(&s.dimensions) {
            assert_eq!(total_mean(*t), d.mean, "totals give the same means as the summary");
        }
        assert_eq!(s.answers, 3);
        let d = &s.dimensions[0];
        assert_eq!(d.items[0].counts, [0, 0, 1, 1, 1]);
        assert_eq!(d.items[0].mean, Some(4.0));
        assert_eq!(d.items[1].mean, Some(3.0));
        assert_eq!(d.mean, Some(3.5), "the mean of every score in the dimension");
        assert_eq!(d.items[2].mean, None, "unanswered");
        assert_eq!(s.comments, ["Bra team"], "empty comments are no comments");
        assert!(s.dimensions.iter().all(|d| d.id != "comment"), "a text dimension has no score");
    }
}
