//! Evaluating a debate again after a few removals, under the grounded
//! weighing, by computing only what the removals reach: what a margin
//! search (the calculus, §6) asks thousands of times of one debate.
//!
//! Removing claims, or the positions of scholars, changes which claims are
//! present and, for the claims those scholars hold, their voices. A claim
//! whose presence does not change, and that no such claim reaches through
//! defeats, keeps its grounded label: grounded semantics is directional
//! (Baroni and Giacomin 2007), and the claims a change cannot reach form an
//! unattacked set whose labelling is the same in the whole debate as on its
//! own. The claims it can reach are labelled again given the labels of the
//! rest, by the same least fixpoint as [`grounded_labels_among`]: in when
//! every present defeater is out, out when a present defeater is in,
//! undecided otherwise. Then the numbers of the claims whose presence,
//! voices, label or supporters' labels changed are computed again, with the
//! same code as a whole evaluation, and the tallies of the rows that hold
//! one of them. So the result is exactly [`Debate::evaluate_rows`]'s
//! (`margin.rs` tests it against the whole evaluation on random debates).
//!
//! The same holds from any evaluation, not only the base: a try can also
//! be evaluated against the last one ([`Delta::tallies_from_last`]), from
//! the claims and scholars whose absence differs between the two. The
//! bisection of a margin search moves from one prefix of its candidates to
//! the next, and the later steps differ by a few candidates only.
//!
//! [`grounded_labels_among`]: crate::argument::grounded_labels_among

use super::model::{Absent, ClaimNumbers, Debate, Outcome, Tally};
use crate::argument::Acceptance;

/// A debate's base evaluation, and a workspace to evaluate removals
/// against it. Only for the grounded weighing.
pub(crate) struct Delta<'a> {
    debate: &'a Debate,
    base: &'a Outcome,
    inverse: &'a Inverse,
    present: Vec<bool>,
    numbers: Vec<ClaimNumbers>,
    tallies: Vec<Tally>,
    /// The base's tallies without independent support, which tries do
    /// not count.
    base_tallies: Vec<Tally>,
    /// Claims whose numbers this evaluation changed, each once.
    dirty: Vec<u32>,
    /// Claims whose presence or numbers may differ from the base's, each
    /// once: what [`restore`](Delta::restore) puts back.
    changed: Vec<u32>,
    /// `changed_mark[i]`: `i` is in `changed`.
    changed_mark: Vec<bool>,
    /// Claims labelled again, each once.
    reached: Vec<u32>,
    /// `mark[i] == epoch`: `i` is in `dirty`; `mark[i] == epoch + 1`: also
    /// in `reached`.
    mark: Vec<u64>,
    epoch: u64,
    /// Rows whose tallies this evaluation changed, each once.
    rows: Vec<u32>,
    row_mark: Vec<u64>,
    /// Rows whose tallies may differ from the base's, each once.
    changed_rows: Vec<u32>,
    changed_row_mark: Vec<bool>,
    /// Per claim labelled again: present defeaters not known to be out.
    live: Vec<u32>,
    label: Vec<Option<Acceptance>>,
    queue: Vec<u32>,
}

impl<'a> Delta<'a> {
    /// A workspace for `debate`, whose evaluation with nothing absent is
    /// `base`.
    pub(crate) fn new(debate: &'a Debate, base: &'a Outcome) -> Delta<'a> {
        let n = debate.claims.len();
        let inverse = debate.lists.get_or_init(|| Inverse::new(debate));
        let base_tallies: Vec<Tally> = base
            .tallies
            .iter()
            .map(|t| Tally {
                evidence_for: 0,
                scholars_for: 0,
                ..*t
            })
            .collect();
        Delta {
            debate,
            base,
            inverse,
            present: base.present.clone(),
            numbers: base.numbers.clone(),
            tallies: base_tallies.clone(),
            base_tallies,
            dirty: Vec::new(),
            changed: Vec::new(),
            changed_mark: vec![false; n],
            reached: Vec::new(),
            mark: vec![0; n],
            epoch: 0,
            rows: Vec::new(),
            row_mark: vec![0; debate.rows.len()],
            changed_rows: Vec::new(),
            changed_row_mark: vec![false; debate.rows.len()],
            live: vec![0; n],
            label: vec![None; n],
            queue: Vec::new(),
        }
    }

    /// The tallies of the debate with `absent` left out, where `absent`
    /// differs from nothing absent only by the claims `claims` and the
    /// scholars `scholars`: every row's, or row `only`'s (the others are
    /// then the base's). Independent support is not counted.
    pub(crate) fn tallies(
        &mut self,
        absent: Absent<'_>,
        claims: &[u32],
        scholars: &[u32],
        only: Option<usize>,
    ) -> &[Tally] {
        self.restore();
        self.tallies_from_last(absent, claims, scholars, only)
    }

    /// The tallies of the debate with `absent` left out, where `absent`
    /// differs from what the last evaluation left out (nothing, before
    /// the first) only by the claims `claims` and the scholars `scholars`;
    /// otherwise as [`tallies`](Delta::tallies). Every evaluation of one
    /// workspace must ask for the same rows (`only`).
    pub(crate) fn tallies_from_last(
        &mut self,
        absent: Absent<'_>,
        claims: &[u32],
        scholars: &[u32],
        only: Option<usize>,
    ) -> &[Tally] {
        self.dirty.clear();
        self.reached.clear();
        self.rows.clear();
        self.epoch += 2;
        let debate = self.debate;
        // The claims whose presence or voices the removals touch.
        let inverse = self.inverse;
        let touched = claims.iter().copied().chain(
            scholars
                .iter()
                .flat_map(|&s| inverse.held_by.of(s as usize).iter().copied()),
        );
        for i in touched {
            // A claim held by several of the scholars removed is touched
            // once for each; `absent` holds them all, so once is enough.
            if self.mark[i as usize] >= self.epoch {
                continue;
            }
            let now = debate.is_present(i as usize, absent);
            self.make_dirty(i);
            if now != self.present[i as usize] {
                self.present[i as usize] = now;
                self.reach(i);
            }
        }
        // Everything a change of presence reaches through defeats.
        let mut next = 0;
        while next < self.reached.len() {
            let i = self.reached[next] as usize;
            next += 1;
            for k in 0..debate.defeated[i].len() {
                self.reach(debate.defeated[i][k]);
            }
        }
        self.relabel();
        // Claims in scope whose supporters' labels changed weigh anew.
        for k in 0..self.reached.len() {
            let d = self.reached[k] as usize;
            for &j in inverse.supports.of(d) {
                self.make_dirty(j);
            }
        }
        let voiced = debate.voiced();
        for k in 0..self.dirty.len() {
            let i = self.dirty[k] as usize;
            let mut num = ClaimNumbers {
                acceptance: self.numbers[i].acceptance,
                strength: self.numbers[i].strength,
                ..ClaimNumbers::default()
            };
            if i < voiced && self.present[i] {
                (num.backing, num.rejections) = debate.voices(i, absent);
            }
            if i < debate.scope && self.present[i] {
                let numbers = &self.numbers;
                let factor = debate.evidence_factor(i, &self.present, |d| numbers[d].strength);
                num.weight = num.backing * factor;
            }
            self.numbers[i] = num;
            for &r in inverse.rows_of.of(i) {
                if self.row_mark[r as usize] != self.epoch {
                    self.row_mark[r as usize] = self.epoch;
                    self.rows.push(r);
                }
            }
        }
        for k in 0..self.rows.len() {
            let r = self.rows[k] as usize;
            if only.is_none_or(|only| only == r) {
                self.tallies[r] = debate.tally(r, &self.present, &self.numbers, absent, false);
                if !self.changed_row_mark[r] {
                    self.changed_row_mark[r] = true;
                    self.changed_rows.push(r as u32);
                }
            }
        }
        &self.tallies
    }

    /// Puts the workspace back to the base evaluation.
    fn restore(&mut self) {
        for &i in &self.changed {
            let i = i as usize;
            self.present[i] = self.base.present[i];
            self.numbers[i] = self.base.numbers[i];
            self.changed_mark[i] = false;
        }
        for &r in &self.changed_rows {
            self.tallies[r as usize] = self.base_tallies[r as usize];
            self.changed_row_mark[r as usize] = false;
        }
        self.changed.clear();
        self.changed_rows.clear();
    }

    fn make_dirty(&mut self, i: u32) {
        if self.mark[i as usize] < self.epoch {
            self.mark[i as usize] = self.epoch;
            self.dirty.push(i);
            if !self.changed_mark[i as usize] {
                self.changed_mark[i as usize] = true;
                self.changed.push(i);
            }
        }
    }

    /// Adds a claim to those labelled again (and so to the dirty ones).
    fn reach(&mut self, i: u32) {
        self.make_dirty(i);
        if self.mark[i as usize] == self.epoch {
            self.mark[i as usize] = self.epoch + 1;
            self.reached.push(i);
        }
    }

    fn is_reached(&self, i: usize) -> bool {
        self.mark[i] == self.epoch + 1
    }

    /// Labels the reached claims again, given the labels of the rest.
    fn relabel(&mut self) {
        let debate = self.debate;
        self.queue.clear();
        let mut settled_out: Vec<u32> = Vec::new();
        for k in 0..self.reached.len() {
            let i = self.reached[k] as usize;
            if !self.present[i] {
                self.label[i] = Some(Acceptance::Out);
                continue;
            }
            let (mut live, mut out) = (0u32, false);
            for &a in &debate.defeaters[i] {
                let a = a as usize;
                if !self.present[a] {
                    continue;
                }
                if self.is_reached(a) {
                    live += 1;
                } else {
                    match self.numbers[a].acceptance {
                        Acceptance::In => out = true,
                        Acceptance::Undecided => live += 1,
                        Acceptance::Out => {}
                    }
                }
            }
            self.live[i] = live;
            self.label[i] = if out {
                settled_out.push(i as u32);
                Some(Acceptance::Out)
            } else if live == 0 {
                self.queue.push(i as u32);
                Some(Acceptance::In)
            } else {
                None
            };
        }
        // A claim out from the start no longer holds back what it defeats.
        for &o in &settled_out {
            self.release(o as usize);
        }
        while let Some(accepted) = self.queue.pop() {
            for &t in &debate.defeated[accepted as usize] {
                let t = t as usize;
                if !self.is_reached(t) || !self.present[t] || self.label[t].is_some() {
                    continue;
                }
                self.label[t] = Some(Acceptance::Out);
                self.release(t);
            }
        }
        for k in 0..self.reached.len() {
            let i = self.reached[k] as usize;
            let label = self.label[i].take().unwrap_or(Acceptance::Undecided);
            self.numbers[i].acceptance = label;
            self.numbers[i].strength = label.weight();
        }
    }

    /// Claim `o`, reached and present, is out: each reached claim it
    /// defeats has one live defeater fewer, and is in when none is left.
    fn release(&mut self, o: usize) {
        for &next in &self.debate.defeated[o] {
            let next = next as usize;
            if !self.is_reached(next) || !self.present[next] {
                continue;
            }
            self.live[next] -= 1;
            if self.live[next] == 0 && self.label[next].is_none() {
                self.label[next] = Some(Acceptance::In);
                self.queue.push(next as u32);
            }
        }
    }
}

/// A debate's lists read backwards, which a [`Delta`] follows from what
/// it removes: made once per debate ([`Debate::lists`]).
pub(crate) struct Inverse {
    /// For each scholar, the claims they hold.
    held_by: Lists,
    /// For each claim, the claims in scope it supports.
    supports: Lists,
    /// For each claim, the rows it counts in.
    rows_of: Lists,
}

impl Inverse {
    fn new(debate: &Debate) -> Inverse {
        let n = debate.claims.len();
        Inverse {
            held_by: Lists::new(debate.scholars.len(), || {
                debate
                    .claims
                    .iter()
                    .enumerate()
                    .flat_map(|(i, c)| c.held.iter().map(move |&(s, _)| (s, i as u32)))
            }),
            supports: Lists::new(n, || {
                (0..debate.scope.min(n))
                    .flat_map(|i| debate.supporters[i].iter().map(move |&d| (d, i as u32)))
            }),
            rows_of: Lists::new(n, || {
                debate
                    .rows
                    .iter()
                    .enumerate()
                    .flat_map(|(r, row)| row.members.iter().map(move |&i| (i, r as u32)))
            }),
        }
    }
}

/// Lists of `u32` for each of `n` keys, in one array (the list of key
/// `k` is `items[start[k]..start[k + 1]]`): built in two passes over the
/// pairs, with no allocation per key.
#[derive(Default)]
struct Lists {
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    /// The lists of `n` keys from the `(key, item)` pairs `pairs()` gives
    /// (twice), each list in the order of the pairs.
    fn new<P: Iterator<Item = (u32, u32)>>(n: usize, pairs: impl Fn() -> P) -> Lists {
        let mut start = vec![0u32; n + 1];
        for (k, _) in pairs() {
            start[k as usize + 1] += 1;
        }
        for k in 0..n {
            start[k + 1] += start[k];
        }
        let mut next = start.clone();
        let mut items = vec![0u32; start[n] as usize];
        for (k, item) in pairs() {
            items[next[k as usize] as usize] = item;
            next[k as usize] += 1;
        }
        Lists { start, items }
    }

    fn of(&self, k: usize) -> &[u32] {
        &self.items[self.start[k] as usize..self.start[k + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::Delta;
    use crate::model::EventId;
    use crate::query::CompareOptions;
    use crate::query::debate::Absent;
    use crate::synthetic::Synthetic;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Removals evaluated by what they reach give exactly the whole
        /// evaluation's presence, numbers and tallies, over sequences of
        /// removals of claims and of scholars on one workspace, each
        /// evaluated from the base or from the try before.
        #[test]
        fn equals_the_whole_evaluation(
            claims in 20usize..400,
            seed in any::<u64>(),
            attack in 0.0f64..3.0,
            support in 0.0f64..1.0,
            event in any::<prop::sample::Index>(),
            tries in prop::collection::vec(
                (
                    any::<bool>(),
                    any::<bool>(),
                    prop::collection::vec(any::<prop::sample::Index>(), 1..6),
                ),
                1..12,
            ),
        ) {
            let corpus = Synthetic::new(claims)
                .with_seed(seed)
                .with_rates(attack, support)
                .build();
            let events: Vec<EventId> = corpus.ids().collect();
            let event = events[event.index(events.len())];
            let options = CompareOptions::new();
            let debate = corpus.debate(&corpus.about(event, &options), &options);
            prop_assume!(!debate.claims.is_empty());
            let (none, nobody) = debate.nothing();
            let base = debate.evaluate(Absent { claims: &none, scholars: &nobody });
            let mut delta = Delta::new(&debate, &base);
            // What the try before removed: claims, scholars.
            let mut last: (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
            for (scholars, from_last, picks) in tries {
                let pool = if scholars { debate.scholars.len() } else { debate.claims.len() };
                if pool == 0 {
                    continue;
                }
                let mut set: Vec<u32> = picks.iter().map(|p| p.index(pool) as u32).collect();
                set.sort_unstable();
                set.dedup();
                let now = if scholars { (Vec::new(), set) } else { (set, Vec::new()) };
                let (mut gone, mut away) = debate.nothing();
                for &i in &now.0 {
                    gone[i as usize] = true;
                }
                for &i in &now.1 {
                    away[i as usize] = true;
                }
                let absent = Absent { claims: &gone, scholars: &away };
                let whole = debate.evaluate_rows(absent, None, false);
                let tallies = if from_last {
                    // What differs from the try before: the symmetric difference.
                    let differ = |a: &[u32], b: &[u32]| -> Vec<u32> {
                        a.iter()
                            .filter(|i| !b.contains(i))
                            .chain(b.iter().filter(|i| !a.contains(i)))
                            .copied()
                            .collect()
                    };
                    let (c, s) = (differ(&now.0, &last.0), differ(&now.1, &last.1));
                    delta.tallies_from_last(absent, &c, &s, None).to_vec()
                } else {
                    delta.tallies(absent, &now.0, &now.1, None).to_vec()
                };
                last = now;
                prop_assert_eq!(&delta.present, &whole.present);
                for (i, (a, b)) in delta.numbers.iter().zip(&whole.numbers).enumerate() {
                    prop_assert_eq!(
                        (a.backing, a.rejections, a.weight, a.acceptance, a.strength),
                        (b.backing, b.rejections, b.weight, b.acceptance, b.strength),
                        "claim {}", i
                    );
                }
                for (r, (a, b)) in tallies.iter().zip(&whole.tallies).enumerate() {
                    // Independent support is not counted by either.
                    prop_assert_eq!(a, b, "row {}", r);
                }
            }
        }
    }
}
