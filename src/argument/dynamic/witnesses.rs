//! Witnesses: extensions found by earlier solves, checked again after a
//! change (around the arguments it touched) and, for complete and
//! preferred semantics, repaired: an
//! admissible set that a change broke shrinks to the largest admissible set
//! within it, which grows again to a complete extension (the module docs
//! of `dynamic` give the rules and why they are exact).

use super::super::extensions::Semantics;
use super::super::framework::Argument;
use super::super::grounded::Acceptance;
use super::DynamicFramework;
use super::facts::Fact;

/// At most this many witnesses are kept.
const WITNESSES: usize = 8;

/// An extension found by a solve: a complete extension (complete and
/// preferred semantics) or a stable one.
pub(super) struct Witness {
    /// Its members, by argument (arguments added since are not in it).
    pub(super) set: Vec<bool>,
    /// The version it was found at.
    found: u64,
    /// The version it was last checked at.
    checked: u64,
    /// Whether a change broke it and it was repaired since it was found.
    repaired: bool,
}

impl DynamicFramework {
    /// Keeps an extension found by a solve.
    pub(super) fn keep_witness(&mut self, set: &[bool]) {
        if self.witnesses.len() == WITNESSES {
            self.witnesses.remove(0);
        }
        self.witnesses.push(Witness {
            set: set.to_vec(),
            found: self.version,
            checked: self.version,
            repaired: false,
        });
    }

    /// The witnesses, each checked once per change: a stable one is kept
    /// while it is still stable; a complete one is repaired (see
    /// [`DynamicFramework::repair`]) and kept unless nothing is left of it
    /// beyond the grounded extension.
    pub(super) fn check_witnesses(&mut self) {
        let (version, len) = (self.version, self.alive.len());
        let mut witnesses = std::mem::take(&mut self.witnesses);
        witnesses.retain_mut(|w| {
            if w.checked == version {
                return true;
            }
            let checked = w.checked;
            w.checked = version;
            // Arguments added since are in it (each was unattacked when
            // added, and is touched by any attack since); those removed
            // are not.
            w.set.resize(len, true);
            for (m, alive) in w.set.iter_mut().zip(&self.alive) {
                *m &= alive;
            }
            if checked >= self.logged_from && self.still_legal(&w.set, checked) {
                return true;
            }
            if self.semantics == Semantics::Stable {
                return self.is_stable(&w.set);
            }
            if self.is_complete(&w.set) {
                return true;
            }
            w.set = self.repair(std::mem::take(&mut w.set));
            w.repaired = true;
            w.set.iter().any(|&m| m)
        });
        self.witnesses = witnesses;
    }

    /// Whether a set of live arguments is a complete extension of the live
    /// arguments (removed ones, which have no attacks, put in for the
    /// check).
    pub(super) fn is_complete(&self, set: &[bool]) -> bool {
        let mut mask = set.to_vec();
        for (m, alive) in mask.iter_mut().zip(&self.alive) {
            *m |= !alive;
        }
        self.framework.complete(&mask)
    }

    /// Whether an extension of the framework at version `checked` (its
    /// arguments added since put in, those removed taken out) is still one
    /// now, checked only where a change since can have made it wrong: at
    /// each argument the changes touched and, under complete and preferred
    /// semantics, at their targets (module docs).
    fn still_legal(&self, set: &[bool], checked: u64) -> bool {
        let start = self.touched.partition_point(|&(v, _)| v <= checked);
        let attackers = self.framework.attacker_lists();
        let targets = self.framework.target_lists();
        let attacked = |y: usize| attackers[y].iter().any(|&z| set[z as usize]);
        let legal = |x: usize| {
            if !self.alive[x] {
                return true;
            }
            let (inside, out) = (set[x], attacked(x));
            if self.semantics == Semantics::Stable {
                return inside != out;
            }
            let defended = || attackers[x].iter().all(|&y| attacked(y as usize));
            if inside {
                !out && defended()
            } else {
                out || !defended()
            }
        };
        self.touched[start..].iter().all(|&(_, x)| {
            let x = x as usize;
            legal(x)
                && (self.semantics == Semantics::Stable
                    || targets[x].iter().all(|&t| legal(t as usize)))
        })
    }

    /// A witness satisfying `wanted` (preferred: one that is still
    /// preferred, by the check of the module docs), as a certificate;
    /// counted as kept if found before the last change, and as repaired
    /// if a change broke it since.
    pub(super) fn witness(&mut self, wanted: impl Fn(&[bool]) -> bool) -> Option<Vec<Argument>> {
        self.check_witnesses();
        let preferred = self.semantics == Semantics::Preferred;
        if preferred {
            self.labels();
        }
        let found = (0..self.witnesses.len()).rev().find(|&i| {
            let set = &self.witnesses[i].set;
            wanted(set) && (!preferred || self.is_preferred(set))
        })?;
        let w = &self.witnesses[found];
        if w.found != self.version {
            self.statistics.kept += 1;
            if w.repaired {
                self.statistics.repaired += 1;
            }
        }
        Some(Self::extension_of(&w.set))
    }

    fn is_stable(&self, mask: &[bool]) -> bool {
        if !self.framework.conflict_free(mask) {
            return false;
        }
        let out = self.framework.attacked_by(mask);
        (0..mask.len()).all(|a| !self.alive[a] || mask[a] || out[a])
    }

    /// Whether a complete extension is preferred, read off the `Refuted`
    /// fact: no argument outside it could join it in a larger complete
    /// extension (each is refuted, out, or in conflict with it). Without
    /// the fact, or with a labelling not yet computed, `false`.
    fn is_preferred(&self, mask: &[bool]) -> bool {
        let (Some(known), Some(labels)) = (&self.known, &self.labels) else {
            return false;
        };
        if known.fact != Fact::Refuted || known.pivot.is_some() {
            return false;
        }
        let attacked = self.framework.attacked_by(mask);
        (0..mask.len()).all(|e| {
            !self.alive[e]
                || mask[e]
                || known.refuted.get(e).copied().unwrap_or(false)
                || labels[e] == Acceptance::Out
                || attacked[e]
                || self.framework.target_lists()[e]
                    .iter()
                    .any(|&t| mask[t as usize])
        })
    }

    /// The largest admissible set within a set of live arguments, grown
    /// to the least complete extension holding it: members attacked from
    /// inside go first (what is left is conflict-free), then, until none
    /// is left, each member with an attacker the set does not attack.
    /// O(arguments + attacks).
    pub(super) fn repair(&self, mut set: Vec<bool>) -> Vec<bool> {
        let attackers = self.framework.attacker_lists();
        let targets = self.framework.target_lists();
        let n = set.len();
        let inside: Vec<bool> = (0..n)
            .map(|a| set[a] && attackers[a].iter().all(|&b| !set[b as usize]))
            .collect();
        set = inside;
        // How many members attack each argument.
        let mut hits = vec![0u32; n];
        for a in (0..n).filter(|&a| set[a]) {
            for &t in targets[a].iter() {
                hits[t as usize] += 1;
            }
        }
        let mut queue: Vec<usize> = (0..n)
            .filter(|&a| set[a] && attackers[a].iter().any(|&b| hits[b as usize] == 0))
            .collect();
        while let Some(a) = queue.pop() {
            if !set[a] {
                continue;
            }
            set[a] = false;
            for &t in targets[a].iter() {
                let t = t as usize;
                hits[t] -= 1;
                if hits[t] == 0 {
                    // Now unanswered: the members it attacks go too.
                    queue.extend(targets[t].iter().map(|&u| u as usize).filter(|&u| set[u]));
                }
            }
        }
        self.closure(set)
    }

    /// The least complete extension holding an admissible set: what it
    /// defends, added until nothing more is defended (each step stays
    /// admissible: Dung 1995, Lemma 10). O(arguments + attacks).
    pub(super) fn closure(&self, mut set: Vec<bool>) -> Vec<bool> {
        let attackers = self.framework.attacker_lists();
        let targets = self.framework.target_lists();
        let mut attacked = self.framework.attacked_by(&set);
        // Attackers of each argument the set does not attack yet.
        let mut open: Vec<usize> = (0..set.len())
            .map(|a| {
                attackers[a]
                    .iter()
                    .filter(|&&b| !attacked[b as usize])
                    .count()
            })
            .collect();
        let mut queue: Vec<usize> = (0..set.len())
            .filter(|&a| self.alive[a] && !set[a] && open[a] == 0)
            .collect();
        while let Some(a) = queue.pop() {
            if set[a] {
                continue;
            }
            set[a] = true;
            for &t in targets[a].iter() {
                let t = t as usize;
                if attacked[t] {
                    continue;
                }
                attacked[t] = true;
                for &u in targets[t].iter() {
                    let u = u as usize;
                    open[u] -= 1;
                    if open[u] == 0 && self.alive[u] && !set[u] {
                        queue.push(u);
                    }
                }
            }
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use crate::synthetic::Rng;
    use crate::{Argument, DynamicFramework, Semantics};

    /// After each change of seeded sequences, every witness checked only
    /// where the changes since touched gets the verdict of a full check,
    /// and the local check keeps some.
    #[test]
    fn dynamic_witnesses_checked_locally_agree_with_a_full_check() {
        for semantics in [Semantics::Complete, Semantics::Preferred, Semantics::Stable] {
            let mut kept = 0;
            for seed in 0..12 {
                let mut rng = Rng(seed);
                let mut af = DynamicFramework::new(semantics).expect("answered");
                for _ in 0..30 {
                    af.add_argument();
                }
                let pick = |af: &DynamicFramework, rng: &mut Rng| {
                    let live: Vec<Argument> = af.arguments().collect();
                    live[rng.below(live.len())]
                };
                for _ in 0..40 {
                    let (a, b) = (pick(&af, &mut rng), pick(&af, &mut rng));
                    af.add_attack(a, b).expect("there");
                }
                for _ in 0..200 {
                    let roll = rng.below(10);
                    if roll < 4 {
                        let (a, b) = (pick(&af, &mut rng), pick(&af, &mut rng));
                        af.add_attack(a, b).expect("there");
                    } else if roll < 8 {
                        let attacks: Vec<_> = af.framework().attacks().collect();
                        if !attacks.is_empty() {
                            let (a, b) = attacks[rng.below(attacks.len())];
                            af.remove_attack(a, b).expect("there");
                        }
                    } else if roll < 9 {
                        af.add_argument();
                    } else {
                        let a = pick(&af, &mut rng);
                        af.remove_argument(a).expect("there");
                    }
                    let len = af.alive.len();
                    for w in &af.witnesses {
                        if w.checked == af.version || w.checked < af.logged_from {
                            continue;
                        }
                        let mut set = w.set.clone();
                        set.resize(len, true);
                        for (m, alive) in set.iter_mut().zip(&af.alive) {
                            *m &= alive;
                        }
                        let full = if semantics == Semantics::Stable {
                            af.is_stable(&set)
                        } else {
                            af.is_complete(&set)
                        };
                        let local = af.still_legal(&set, w.checked);
                        assert_eq!(local, full, "{semantics} seed {seed}");
                        kept += local as usize;
                    }
                    let q = pick(&af, &mut rng);
                    if rng.below(2) == 0 {
                        af.credulous(q).expect("there");
                    } else {
                        af.sceptical(q).expect("there");
                    }
                }
            }
            assert!(
                kept > 0,
                "{semantics}: no witness was kept by the local check"
            );
        }
    }
}
