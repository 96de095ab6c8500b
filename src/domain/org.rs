//! Rules of the organisation: reporting lines without cycles, the unit tree, remote pairs.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use super::LocationId;

/// Would pointing `node` at `new_parent` close a loop? Walks up from `new_parent` through the
/// current links (as `parent_of` reports them) and answers whether it reaches `node`.
/// Works for reporting lines (person → leader) and the unit tree (unit → parent) alike.
pub fn creates_cycle<K: Copy + Eq + Hash>(node: K, new_parent: Option<K>, parent_of: impl Fn(K) -> Option<K>) -> bool {
    let mut seen = HashSet::new();
    let mut current = new_parent;
    while let Some(k) = current {
        if k == node {
            return true;
        }
        if !seen.insert(k) {
            // An existing loop elsewhere; it does not pass through `node`.
            return false;
        }
        current = parent_of(k);
    }
    false
}

/// Finds every node that sits on a loop in a complete parent map, in a stable order.
pub fn nodes_on_cycles<K: Copy + Eq + Hash + Ord>(parent_of: &HashMap<K, K>) -> Vec<K> {
    let mut on_cycle = HashSet::new();
    let mut done: HashSet<K> = HashSet::new();
    let mut starts: Vec<K> = parent_of.keys().copied().collect();
    starts.sort();
    for start in starts {
        let mut path: Vec<K> = Vec::new();
        let mut index: HashMap<K, usize> = HashMap::new();
        let mut current = Some(start);
        while let Some(k) = current {
            if done.contains(&k) {
                break;
            }
            if let Some(&i) = index.get(&k) {
                on_cycle.extend(path[i..].iter().copied());
                break;
            }
            index.insert(k, path.len());
            path.push(k);
            current = parent_of.get(&k).copied();
        }
        done.extend(path);
    }
    let mut out: Vec<K> = on_cycle.into_iter().collect();
    out.sort();
    out
}

/// A leader–employee pair is remote when both have a primary workplace and they differ.
pub fn is_remote(leader_location: Option<LocationId>, employee_location: Option<LocationId>) -> bool {
    matches!((leader_location, employee_location), (Some(a), Some(b)) if a != b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn map(pairs: &[(u32, u32)]) -> HashMap<u32, u32> {
        pairs.iter().copied().collect()
    }

    #[test]
    fn leader_of_own_leader_is_a_cycle() {
        // 3 reports to 2, 2 reports to 1.
        let m = map(&[(3, 2), (2, 1)]);
        let parent = |k| m.get(&k).copied();
        assert!(creates_cycle(1, Some(3), parent));
        assert!(creates_cycle(1, Some(1), parent));
        assert!(!creates_cycle(3, Some(1), parent));
        assert!(!creates_cycle(1, None, parent));
    }

    #[test]
    fn cycle_members_are_found_and_tails_are_not() {
        let m = map(&[(1, 2), (2, 3), (3, 1), (4, 1), (5, 5), (6, 7)]);
        assert_eq!(nodes_on_cycles(&m), vec![1, 2, 3, 5]);
    }

    #[test]
    fn remote_needs_two_known_and_different_places() {
        let (oslo, bodo) = (Some(LocationId(1)), Some(LocationId(2)));
        assert!(is_remote(oslo, bodo));
        assert!(!is_remote(oslo, oslo));
        assert!(!is_remote(None, bodo));
        assert!(!is_remote(oslo, None));
    }

    proptest! {
        /// Adding an edge the check allows never creates a loop in a forest.
        #[test]
        fn allowed_links_keep_a_forest(links in proptest::collection::vec((0u32..12, 0u32..12), 0..40)) {
            let mut m: HashMap<u32, u32> = HashMap::new();
            for (node, parent) in links {
                let snapshot = m.clone();
                if !creates_cycle(node, Some(parent), |k| snapshot.get(&k).copied()) {
                    m.insert(node, parent);
                }
                prop_assert!(nodes_on_cycles(&m).is_empty());
            }
        }

        /// A loop put together on purpose is always found, whole.
        #[test]
        fn a_built_loop_is_found(len in 1u32..8) {
            let m: HashMap<u32, u32> = (0..len).map(|i| (i, (i + 1) % len)).collect();
            prop_assert_eq!(nodes_on_cycles(&m), (0..len).collect::<Vec<_>>());
        }
    }
}
