//! Building a framework's attack lists in bulk, as the readers do.
//!
//! Adding attacks one at a time writes each into its attacker's list and
//! its target's list: two places anywhere in the lists, each a cache miss
//! once a framework outgrows the cache, and the processor waits for each
//! before it can add the next. In bulk, the attacks are grouped by
//! attacker with a counting sort (count each attacker's attacks, add the
//! counts up into starts, put each attack in its place), then each list is
//! filled from its group in order; then the same by target. The sort
//! touches one counter per argument (4 bytes, where a list takes 32) and
//! no step waits for the one before, so many run at once; the lists are
//! then written one after the other. Each group keeps the order the
//! attacks came in, so the lists are what adding them one at a time gives.

use super::{Adjacency, Framework};

/// The longest list checked for repeats by comparing its entries with
/// each other (at most 120 comparisons, all within the list); a longer
/// one is checked with one stamp per argument.
const SHORT: usize = 16;

/// Pairs (owner, other) grouped by owner, each group in the order the
/// pairs came in: owner `o`'s group is `others[ends[o - 1]..ends[o]]`
/// (from 0 for the first owner).
struct Groups {
    ends: Vec<u32>,
    others: Vec<u32>,
}

impl Groups {
    /// Room for `m` pairs of `n` owners; `None` if `m` does not fit in
    /// `u32`.
    fn new(n: usize, m: usize) -> Option<Groups> {
        u32::try_from(m).ok()?;
        Some(Groups {
            ends: vec![0; n],
            others: vec![0; m],
        })
    }

    /// Groups the `m` pairs, owners below `n` (a counting sort).
    fn sort(&mut self, pairs: impl Iterator<Item = (u32, u32)> + Clone) {
        self.ends.fill(0);
        for (owner, _) in pairs.clone() {
            self.ends[owner as usize] += 1;
        }
        let mut start = 0;
        for count in &mut self.ends {
            (*count, start) = (start, start + *count);
        }
        // Each owner's next place moves from its group's start to its end.
        for (owner, other) in pairs {
            let next = &mut self.ends[owner as usize];
            self.others[*next as usize] = other;
            *next += 1;
        }
    }

    /// Sets each owner's list to its group, keeping the first of entries
    /// that repeat; returns how many repeats it left out. `lists` is
    /// empty (it is made here, in one allocation) or has one empty list
    /// per owner (written over in place).
    fn fill(&self, lists: &mut Vec<Adjacency>) -> usize {
        let mut stamp = Vec::new();
        let (mut start, mut removed) = (0, 0);
        let groups = (self.ends.iter().enumerate()).map(|(owner, &end)| {
            let group = &self.others[start as usize..end as usize];
            let group_start = start;
            start = end;
            let list = if group.len() > SHORT {
                if stamp.is_empty() {
                    stamp = vec![u32::MAX; self.ends.len()];
                }
                first_of_each(group, &mut stamp, owner as u32)
            } else if (1..group.len()).any(|i| group[..i].contains(&group[i])) {
                let mut kept = Adjacency::new();
                for &other in group {
                    if !kept.contains(&other) {
                        kept.push(other);
                    }
                }
                kept
            } else {
                list(&self.others, group_start as usize, group.len())
            };
            removed += group.len() - list.len();
            list
        });
        if lists.is_empty() {
            lists.extend(groups);
        } else {
            for (list, group) in lists.iter_mut().zip(groups) {
                *list = group;
            }
        }
        removed
    }
}

/// The list of the `len` entries of `others` from `start`. Up to six
/// entries (a list's room inline) are copied six at a time where six are
/// left: a copy of fixed size, which the compiler makes in registers,
/// where a copy of any length, as `from_slice` makes it, is a call to
/// `memcpy`. The entries copied past the group stay in the list's unused
/// room.
fn list(others: &[u32], start: usize, len: usize) -> Adjacency {
    if len <= 6
        && let Some(six) = others.get(start..start + 6)
        && let Ok(six) = <[u32; 6]>::try_from(six)
    {
        return Adjacency::from_buf_and_len(six, len);
    }
    Adjacency::from_slice(&others[start..start + len])
}

/// The entries of `group` but the repeats, marking each one seen with the
/// group's `owner` in `stamp` (one place per argument).
fn first_of_each(group: &[u32], stamp: &mut [u32], owner: u32) -> Adjacency {
    group
        .iter()
        .copied()
        .filter(|&other| std::mem::replace(&mut stamp[other as usize], owner) != owner)
        .collect()
}

impl Framework {
    /// Sets the attacks (0-based, in range) of a framework that has none
    /// yet, keeping the first of each repeated attack: the framework that
    /// adding them one at a time gives, built in bulk (see the module's
    /// documentation).
    ///
    /// # Complexity
    /// O(n + attacks), in a few passes.
    pub(crate) fn set_attacks(&mut self, attacks: &[(u32, u32)]) {
        debug_assert_eq!(self.attacks, 0);
        // The number of arguments, also while the lists are still to be
        // made (see `with_attacks`).
        let n = self.weights.len();
        let Some(mut groups) = Groups::new(n, attacks.len()) else {
            self.targets.resize_with(n, Adjacency::new);
            self.attackers.resize_with(n, Adjacency::new);
            return self.add_attacks_one_by_one(attacks);
        };
        groups.sort(attacks.iter().copied());
        let removed = groups.fill(&mut self.targets);
        groups.sort(attacks.iter().map(|&(a, b)| (b, a)));
        groups.fill(&mut self.attackers);
        self.attacks = attacks.len() - removed;
    }

    /// What [`set_attacks`](Framework::set_attacks) does, one attack at a
    /// time, then a pass that removes repeats: for more attacks than
    /// `u32` counts, and to check the bulk build against.
    fn add_attacks_one_by_one(&mut self, attacks: &[(u32, u32)]) {
        for &(a, b) in attacks {
            self.targets[a as usize].push(b);
            self.attackers[b as usize].push(a);
        }
        self.attacks = attacks.len();
        let removed = dedup_lists(&mut self.targets);
        dedup_lists(&mut self.attackers);
        self.attacks -= removed;
    }
}

/// Removes repeated entries from each list, keeping the first of each;
/// returns how many it removed. O(n + entries), one stamp per argument.
fn dedup_lists(lists: &mut [Adjacency]) -> usize {
    let mut stamp = vec![u32::MAX; lists.len()];
    let mut removed = 0;
    for (owner, list) in lists.iter_mut().enumerate() {
        let before = list.len();
        list.retain(|&mut other| {
            std::mem::replace(&mut stamp[other as usize], owner as u32) != owner as u32
        });
        removed += before - list.len();
    }
    removed
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::argument::{Argument, Framework};

    /// `n` arguments and attacks between them, repeats and self-attacks
    /// included; few arguments for many attacks make lists longer than
    /// [`SHORT`](super::SHORT).
    fn attacks() -> impl Strategy<Value = (usize, Vec<(u32, u32)>)> {
        (1usize..40).prop_flat_map(|n| {
            let attack = (0..n as u32, 0..n as u32);
            (Just(n), proptest::collection::vec(attack, 0..300))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// The bulk build gives the framework that adding the attacks one
        /// at a time through the public API gives (the same lists in the
        /// same order), and so does the simple build, on attacks in any
        /// order and sorted.
        #[test]
        fn the_bulk_build_adds_attacks_as_one_at_a_time(
            (n, mut attacks) in attacks(),
            sorted in any::<bool>(),
        ) {
            if sorted {
                attacks.sort_unstable();
            }
            let mut expected = Framework::with_arguments(n);
            for &(a, b) in &attacks {
                expected.add_attack(Argument::new(a), Argument::new(b)).expect("in range");
            }
            let bulk = Framework::with_attacks(n, &attacks);
            prop_assert_eq!(&bulk, &expected);
            prop_assert_eq!(bulk.attack_count(), expected.attack_count());
            let mut simple = Framework::with_arguments(n);
            simple.add_attacks_one_by_one(&attacks);
            prop_assert_eq!(&simple, &expected);
            prop_assert_eq!(simple.attack_count(), expected.attack_count());
        }
    }
}
