//! When a survey's results may be shown: only for groups of at least *k* people who answered,
//! and never so that two views one person can see differ by fewer than *k* people.
//!
//! The groups a person can see are nodes of one tree: a unit with everything below it (a
//! leader's team is a tree of one node). A node shows when it holds at least *k* answers and
//! what it holds beyond its shown children — its own people's answers and those of every hidden
//! child — is either nothing or at least *k*. Where it is not, the smallest shown child is
//! hidden with all below it, and the node is checked again. Then no set of shown groups inside a
//! shown group can be subtracted from it to describe between 1 and *k* − 1 people (see the
//! property test), and a sibling is hidden whenever showing it would let a hidden one be worked
//! out from the parent.

use std::collections::HashMap;

/// The fewest answers a group's results ever show with.
pub const MIN_THRESHOLD: i64 = 3;
/// The threshold a new organisation starts with.
pub const DEFAULT_THRESHOLD: i64 = 5;

/// A group in the tree of a survey's results: its parent (None for the root), and how many of
/// its own people (not those of its sub-groups) answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    pub id: i64,
    pub parent: Option<i64>,
    pub answers: i64,
}

/// The ids of the groups whose results may be shown, for threshold `k` (raised to the minimum).
pub fn shown(groups: &[Group], k: i64) -> Vec<i64> {
    let k = k.max(MIN_THRESHOLD);
    let mut children: HashMap<Option<i64>, Vec<usize>> = HashMap::new();
    for (i, g) in groups.iter().enumerate() {
        children.entry(g.parent).or_default().push(i);
    }
    // Totals bottom-up: each group with everything below it.
    let order = top_down(groups, &children);
    let index: HashMap<i64, usize> = groups.iter().enumerate().map(|(i, g)| (g.id, i)).collect();
    let mut total: Vec<i64> = groups.iter().map(|g| g.answers).collect();
    for &i in order.iter().rev() {
        if let Some(&p) = groups[i].parent.and_then(|p| index.get(&p)) {
            total[p] += total[i];
        }
    }
    let mut visible: Vec<bool> = total.iter().map(|t| *t >= k).collect();
    for &i in &order {
        if !visible[i] {
            // Everything below a hidden group stays hidden.
            for &c in children.get(&Some(groups[i].id)).into_iter().flatten() {
                visible[c] = false;
            }
            continue;
        }
        let kids = children.get(&Some(groups[i].id)).cloned().unwrap_or_default();
        loop {
            let beyond: i64 = groups[i].answers + kids.iter().filter(|c| !visible[**c]).map(|c| total[*c]).sum::<i64>();
            if beyond == 0 || beyond >= k {
                break;
            }
            let Some(&smallest) = kids.iter().filter(|c| visible[**c]).min_by_key(|c| (total[**c], groups[**c].id)) else { break };
            visible[smallest] = false;
        }
    }
    order.into_iter().filter(|i| visible[*i]).map(|i| groups[i].id).collect()
}

/// How many answered in a group, and its dimensions' totals (sum, count).
pub type GroupTotals = (i64, Vec<(i64, i64)>);

/// A group whose results may be shown, with everything below it: how many answered and the
/// totals (sum, count) of each dimension.
pub struct ShownGroup {
    pub id: i64,
    /// How far below the wave's top group it sits.
    pub depth: usize,
    pub answers: i64,
    /// Its dimensions' totals (sum, count).
    pub totals: Vec<(i64, i64)>,
}

/// The groups of `tree` that may be shown for threshold `k`, each with its own answers and
/// dimensions' totals (`own`) added up with everything below it, in one pass from the leaves.
pub fn shown_with_totals(tree: &[Group], own: &HashMap<Option<i64>, GroupTotals>, k: i64) -> Vec<ShownGroup> {
    let mut children: HashMap<Option<i64>, Vec<usize>> = HashMap::new();
    for (i, g) in tree.iter().enumerate() {
        children.entry(g.parent).or_default().push(i);
    }
    // Every parent before its children, so that the reverse adds each child into its parent;
    // groups in a cycle are left out, as `shown` leaves them out.
    let order = top_down(tree, &children);
    let index: HashMap<i64, usize> = tree.iter().enumerate().map(|(i, g)| (g.id, i)).collect();
    let parent = |i: usize| tree[i].parent.and_then(|p| index.get(&p).copied());
    let mut depth = vec![0; tree.len()];
    for &i in &order {
        if let Some(p) = parent(i) {
            depth[i] = depth[p] + 1;
        }
    }
    let mut whole: Vec<GroupTotals> = tree.iter().map(|g| own.get(&Some(g.id)).cloned().unwrap_or_default()).collect();
    for &i in order.iter().rev() {
        if let Some(p) = parent(i) {
            let (n, totals) = whole[i].clone();
            let into = &mut whole[p];
            into.0 += n;
            into.1.resize(into.1.len().max(totals.len()), (0, 0));
            for (t, c) in into.1.iter_mut().zip(totals) {
                *t = (t.0 + c.0, t.1 + c.1);
            }
        }
    }
    shown(tree, k)
        .into_iter()
        .filter_map(|id| {
            let i = *index.get(&id)?;
            let (answers, totals) = whole[i].clone();
            Some(ShownGroup { id, depth: depth[i], answers, totals })
        })
        .collect()
}

/// Indexes of the groups, every parent before its children; groups in a cycle or under a missing
/// parent are left out (and so never shown).
fn top_down(groups: &[Group], children: &HashMap<Option<i64>, Vec<usize>>) -> Vec<usize> {
    let ids: std::collections::HashSet<i64> = groups.iter().map(|g| g.id).collect();
    let mut order = Vec::new();
    let mut next: Vec<usize> =
        groups.iter().enumerate().filter(|(_, g)| g.parent.is_none_or(|p| !ids.contains(&p))).map(|(i, _)| i).collect();
    while let Some(i) = next.pop() {
        order.push(i);
        next.extend(children.get(&Some(groups[i].id)).into_iter().flatten().copied());
    }
    order
}

/// A unit in the tree a unit's wave asks: its parent within the tree (None for the wave's own
/// unit) and how many of its own people are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub id: i64,
    pub parent: Option<i64>,
    pub invited: i64,
}

/// The group each unit's people answer in, by unit id. An answer carries its group, so a group
/// must never narrow its writer down to fewer than `k` people: a unit with fewer than `k` people
/// of its own answers in its parent's group, and when the top unit itself is left with between
/// one and `k` − 1 people of its own, its smallest sub-groups join it until it has `k` or none
/// are left.
pub fn answer_groups(units: &[Unit], k: i64) -> HashMap<i64, i64> {
    let k = k.max(MIN_THRESHOLD);
    let mut children: HashMap<Option<i64>, Vec<usize>> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        children.entry(u.parent).or_default().push(i);
    }
    let as_groups: Vec<Group> = units.iter().map(|u| Group { id: u.id, parent: u.parent, answers: u.invited }).collect();
    let order = top_down(&as_groups, &children);
    let mut group: HashMap<i64, i64> = units.iter().map(|u| (u.id, u.id)).collect();
    let mut own: HashMap<i64, i64> = units.iter().map(|u| (u.id, u.invited)).collect();
    let find = |group: &HashMap<i64, i64>, mut id: i64| {
        while let Some(&g) = group.get(&id).filter(|g| **g != id) {
            id = g;
        }
        id
    };
    // Bottom-up: a unit too small on its own joins the group above it.
    for &i in order.iter().rev() {
        let u = units[i];
        let Some(parent) = u.parent.filter(|p| group.contains_key(p)) else { continue };
        let n = own[&u.id];
        if n > 0 && n < k {
            let to = find(&group, parent);
            group.insert(u.id, to);
            own.insert(u.id, 0);
            *own.entry(to).or_default() += n;
        }
    }
    // The top: too few of its own, and sub-groups to take in.
    let tops: Vec<i64> = units.iter().filter(|u| u.parent.is_none_or(|p| !group.contains_key(&p))).map(|u| u.id).collect();
    for top in tops {
        while own[&top] > 0 && own[&top] < k {
            let smallest =
                units.iter().filter(|u| u.id != top && find(&group, u.id) == u.id && own[&u.id] > 0).min_by_key(|u| (own[&u.id], u.id));
            let Some(s) = smallest else { break };
            let n = own[&s.id];
            group.insert(s.id, top);
            own.insert(s.id, 0);
            *own.entry(top).or_default() += n;
        }
    }
    units.iter().map(|u| (u.id, find(&group, u.id))).collect()
}

/// A wave's response count and rate as the page may show them: only once it has closed (a count
/// that ticks up while it runs tells who has just answered), and only when at least `k` answered.
pub fn response_rate(closed: bool, answers: i64, invited: i64, k: i64) -> Option<(i64, i64)> {
    (closed && answers >= k.max(MIN_THRESHOLD) && invited > 0).then_some((answers, invited))
}

/// The fewest answers a rewrite of a wave's answers covers once the wave has that many: each new
/// answer is written in one transaction with at least this many others' answers, all under new
/// random ids, so whoever can see which rows a transaction wrote (and who answered in it) finds
/// the answer among at least this many.
pub fn chunk_size(k: i64) -> i64 {
    (2 * k.max(MIN_THRESHOLD)).max(32)
}

/// Where new answers go among a wave's chunks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The chunk they join, which is written again with them.
    pub chunk: i64,
    /// When the chunk grows past twice the chunk size: the new chunk that takes half of it.
    pub split_into: Option<i64>,
}

/// A wave's chunks as placing answers needs them: the smallest (id, answers; of equal ones the
/// lowest id) and the highest id. The database picks them (`ORDER BY answers, chunk LIMIT 1`),
/// so that the sizes of a large wave's chunks never travel to samspill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chunks {
    pub smallest: (i64, i64),
    pub last: i64,
}

/// Places `adding` new answers among a wave's `chunks` (None before its first answer), each chunk
/// at least `size` once the wave has that many: they join the smallest chunk, which splits in two
/// once it would hold more than twice `size`. A chunk is made only by a split, so every chunk but
/// a wave's first holds at least `size`; and the smallest takes the next answers, so no chunk
/// fills in the order people answered.
pub fn place(chunks: Option<Chunks>, adding: i64, size: i64) -> Placement {
    let Some(Chunks { smallest: (chunk, held), last }) = chunks else {
        return Placement { chunk: 0, split_into: None };
    };
    Placement { chunk, split_into: (held + adding > 2 * size).then_some(last + 1) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn g(id: i64, parent: Option<i64>, answers: i64) -> Group {
        Group { id, parent, answers }
    }

    #[test]
    fn a_shown_group_holds_everything_below_it_and_knows_its_depth() {
        // 1 ─┬─ 2 ── 4
        //    └─ 3
        // Group 3's two answers are too few to show; group 1 still counts them in its whole.
        let tree = [g(1, None, 4), g(2, Some(1), 3), g(3, Some(1), 2), g(4, Some(2), 5)];
        let own: HashMap<Option<i64>, GroupTotals> = [
            (Some(1), (4, vec![(16, 4), (8, 4)])),
            (Some(2), (3, vec![(9, 3)])),
            (Some(3), (2, vec![(2, 2), (10, 2)])),
            (Some(4), (5, vec![(25, 5), (5, 5)])),
        ]
        .into();
        let shown = shown_with_totals(&tree, &own, 3);
        let got: Vec<(i64, usize, GroupTotals)> = shown.into_iter().map(|s| (s.id, s.depth, (s.answers, s.totals))).collect();
        assert_eq!(
            got,
            [(1, 0, (14, vec![(52, 14), (23, 11)])), (2, 1, (8, vec![(34, 8), (5, 5)])), (4, 2, (5, vec![(25, 5), (5, 5)]))],
            "group 3 is left out of what is shown, not of its parent's whole"
        );
    }

    #[test]
    fn a_small_team_shows_nothing_and_the_minimum_holds() {
        assert!(shown(&[g(1, None, 4)], 5).is_empty());
        assert_eq!(shown(&[g(1, None, 5)], 5), [1]);
        assert!(shown(&[g(1, None, 2)], 1).is_empty(), "never below three");
    }

    #[test]
    fn a_sibling_is_hidden_when_the_parent_would_give_a_hidden_one_away() {
        // The unit has 12 answers: sub-unit 2 has 6, sub-unit 3 has 2 (hidden), 4 of its own.
        // Showing 2 would leave 6 = 4 + 2 beyond it: fine. With none of its own, 2 beyond: hide 2.
        let mut tree = vec![g(1, None, 4), g(2, Some(1), 6), g(3, Some(1), 2)];
        assert_eq!(shown(&tree, 5), [1, 2]);
        tree[0].answers = 0;
        assert_eq!(shown(&tree, 5), [1], "unit minus sub-unit would be the two of sub-unit 3");
        // Nothing beyond the shown children is fine: the whole is the sum of what is shown.
        let even = [g(1, None, 0), g(2, Some(1), 6), g(3, Some(1), 5)];
        let mut all = shown(&even, 5);
        all.sort();
        assert_eq!(all, [1, 2, 3]);
    }

    fn tree() -> impl Strategy<Value = Vec<Group>> {
        prop::collection::vec((0usize..100, 0i64..9), 1..12).prop_map(|nodes| {
            nodes
                .iter()
                .enumerate()
                .map(|(i, (p, answers))| Group { id: i as i64 + 1, parent: (i > 0).then(|| (p % i) as i64 + 1), answers: *answers })
                .collect()
        })
    }

    /// The strict descendants of `id`.
    fn below(groups: &[Group], id: i64) -> Vec<i64> {
        let mut out = Vec::new();
        let mut next = vec![id];
        while let Some(n) = next.pop() {
            for c in groups.iter().filter(|g| g.parent == Some(n)) {
                out.push(c.id);
                next.push(c.id);
            }
        }
        out
    }

    fn total(groups: &[Group], id: i64) -> i64 {
        groups.iter().find(|g| g.id == id).map_or(0, |g| g.answers)
            + below(groups, id).iter().map(|c| groups.iter().find(|g| g.id == *c).map_or(0, |g| g.answers)).sum::<i64>()
    }

    proptest! {
        /// Whatever shown groups a person subtracts from a shown group that holds them, what is
        /// left describes nobody or at least k people.
        #[test]
        fn no_difference_of_shown_groups_describes_fewer_than_k(groups in tree(), k in 3i64..7) {
            let visible = shown(&groups, k);
            for &a in &visible {
                prop_assert!(total(&groups, a) >= k);
                let inside: Vec<i64> = below(&groups, a).into_iter().filter(|d| visible.contains(d)).collect();
                // Every set of shown groups inside `a` that do not overlap (an antichain).
                for mask in 1u32..(1 << inside.len().min(10)) {
                    let set: Vec<i64> = (0..inside.len().min(10)).filter(|i| mask & (1 << i) != 0).map(|i| inside[i]).collect();
                    let overlapping = set.iter().any(|x| set.iter().any(|y| x != y && below(&groups, *x).contains(y)));
                    if overlapping {
                        continue;
                    }
                    let rest = total(&groups, a) - set.iter().map(|s| total(&groups, *s)).sum::<i64>();
                    prop_assert!(rest == 0 || rest >= k, "group {a} minus {set:?} leaves {rest} (k = {k}) in {groups:?}, shown {visible:?}");
                }
            }
        }

        /// A group below a hidden group is hidden too.
        #[test]
        fn below_a_hidden_group_all_is_hidden(groups in tree(), k in 3i64..7) {
            let visible = shown(&groups, k);
            for grp in &groups {
                if !visible.contains(&grp.id) {
                    for d in below(&groups, grp.id) {
                        prop_assert!(!visible.contains(&d));
                    }
                }
            }
        }
    }

    fn u(id: i64, parent: Option<i64>, invited: i64) -> Unit {
        Unit { id, parent, invited }
    }

    #[test]
    fn a_small_unit_answers_with_the_unit_above_it() {
        // A department of 2 of its own; section 2 has 7, team 3 under it has 2, section 4 has 6.
        let units = [u(1, None, 2), u(2, Some(1), 7), u(3, Some(2), 2), u(4, Some(1), 6)];
        let groups = answer_groups(&units, 5);
        assert_eq!(groups[&3], 2, "the team of two answers in its section");
        // The department's own two are too few: the smaller section joins it.
        assert_eq!(groups[&4], 1);
        assert_eq!(groups[&1], 1);
        assert_eq!(groups[&2], 2);
    }

    fn units() -> impl Strategy<Value = Vec<Unit>> {
        prop::collection::vec((0usize..100, 0i64..9), 1..14).prop_map(|nodes| {
            nodes
                .iter()
                .enumerate()
                .map(|(i, (p, invited))| Unit { id: i as i64 + 1, parent: (i > 0).then(|| (p % i) as i64 + 1), invited: *invited })
                .collect()
        })
    }

    proptest! {
        /// Every group holds nobody or at least k people, unless the whole tree holds fewer; and a
        /// unit's group is the unit itself or a unit above it.
        #[test]
        fn no_group_names_fewer_than_k(units in units(), k in 3i64..7) {
            let groups = answer_groups(&units, k);
            let everyone: i64 = units.iter().map(|u| u.invited).sum();
            let mut size: HashMap<i64, i64> = HashMap::new();
            for unit in &units {
                *size.entry(groups[&unit.id]).or_default() += unit.invited;
                let mut above = Some(unit.id);
                let mut found = false;
                while let Some(a) = above {
                    found |= a == groups[&unit.id];
                    above = units.iter().find(|x| x.id == a).and_then(|x| x.parent);
                }
                prop_assert!(found, "unit {} answers in {} which is not above it", unit.id, groups[&unit.id]);
            }
            if everyone >= k {
                for (g, n) in &size {
                    prop_assert!(*n == 0 || *n >= k, "group {g} holds {n} (k = {k}) in {units:?}: {groups:?}");
                }
            }
        }
    }

    #[test]
    fn the_rate_shows_only_after_close_and_at_k() {
        assert_eq!(response_rate(false, 9, 10, 5), None, "no count while the wave runs");
        assert_eq!(response_rate(true, 4, 10, 5), None);
        assert_eq!(response_rate(true, 6, 10, 5), Some((6, 10)));
    }

    #[test]
    fn chunks_hold_at_least_their_size_and_the_smallest_takes_the_next() {
        assert_eq!(chunk_size(5), 32);
        assert_eq!(chunk_size(20), 40);
        assert_eq!(chunk_size(1), 32, "never below the minimum threshold's");
        assert_eq!(place(of(&[]), 1, 32), Placement { chunk: 0, split_into: None });
        assert_eq!(place(of(&[(0, 64)]), 1, 32), Placement { chunk: 0, split_into: Some(1) });
        assert_eq!(place(of(&[(0, 40), (1, 33), (2, 50)]), 3, 32), Placement { chunk: 1, split_into: None });
        assert_eq!(place(of(&[(0, 40), (1, 64), (2, 50)]), 30, 32), Placement { chunk: 0, split_into: Some(3) });
    }

    /// What the database picks from a wave's chunks (id, answers).
    fn of(chunks: &[(i64, i64)]) -> Option<Chunks> {
        let smallest = *chunks.iter().min_by_key(|(id, n)| (*n, *id))?;
        Some(Chunks { smallest, last: chunks.iter().map(|(id, _)| *id).max()? })
    }

    proptest! {
        /// However answers arrive, one at a time or in batches, every chunk but a lone first one
        /// ends with at least the chunk size, and no answer is lost.
        #[test]
        fn every_chunk_but_a_lone_first_holds_at_least_the_size(batches in prop::collection::vec(1i64..40, 1..120), k in 3i64..30) {
            let size = chunk_size(k);
            let mut chunks: Vec<(i64, i64)> = Vec::new();
            for adding in &batches {
                let p = place(of(&chunks), *adding, size);
                let held = chunks.iter().find(|c| c.0 == p.chunk).map_or(0, |c| c.1) + adding;
                chunks.retain(|c| c.0 != p.chunk);
                match p.split_into {
                    Some(new) => {
                        prop_assert!(!chunks.iter().any(|c| c.0 == new));
                        chunks.push((p.chunk, held / 2));
                        chunks.push((new, held - held / 2));
                    }
                    None => chunks.push((p.chunk, held)),
                }
                if chunks.len() > 1 {
                    prop_assert!(chunks.iter().all(|c| c.1 >= size), "{chunks:?}");
                }
            }
            prop_assert_eq!(chunks.iter().map(|c| c.1).sum::<i64>(), batches.iter().sum::<i64>());
        }
    }
}
