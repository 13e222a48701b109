//! Facts the solver proved, and the rules that keep them across a change
//! (the module docs of `dynamic` give the rules and their proofs).

use super::super::backend::Lit;
use super::super::extensions::Semantics;
use super::super::grounded::Acceptance;
use super::DynamicFramework;

/// Questions that skip proving a fact after one that did not pay.
const BACKOFF: u32 = 16;

/// A fact the solver proved, kept across changes (module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fact {
    /// No admissible set holds an argument of `refuted` (complete,
    /// preferred).
    Refuted,
    /// There is no stable extension.
    NoStable,
}

pub(super) struct Known {
    pub(super) fact: Fact,
    /// The arguments no admissible set holds (`Refuted`).
    pub(super) refuted: Vec<bool>,
    /// The literal that switches on the clause "some argument of
    /// `refuted` is in", retired with the fact.
    pub(super) switch: Option<Lit>,
    /// The blocks whose guards the proof used, while no change has
    /// touched them (`None` once a rule kept the fact instead, or if the
    /// proof used an argument's being out).
    pub(super) support: Option<Vec<usize>>,
    /// The version it was proved at.
    pub(super) proved: u64,
    /// Answers read off it.
    pub(super) uses: u32,
    /// An argument that no admissible set (stable extension) may hold
    /// for the fact to be still true after the last change, not checked
    /// yet.
    pub(super) pivot: Option<usize>,
}

/// One change, for the rules that keep a fact across it.
#[derive(Clone, Copy)]
pub(super) enum Change {
    Attack { from: usize, to: usize, added: bool },
    Added,
    Removed(usize),
}

impl DynamicFramework {
    /// The labels before a change, when a kept fact may need them.
    pub(super) fn before(&mut self) -> Option<Vec<Acceptance>> {
        self.resolve();
        self.known.as_ref()?;
        self.labels();
        self.labels.clone()
    }

    /// After a change: the labels are stale, and the fact is kept if its
    /// proof used no block the change touched, or if the module's rules
    /// say so.
    pub(super) fn changed(&mut self, before: Option<Vec<Acceptance>>, change: Change) {
        self.version += 1;
        self.labels = None;
        let Some(known) = &self.known else {
            return;
        };
        if let Some(support) = &known.support
            && support
                .iter()
                .all(|&k| self.encoding.touched(k) <= known.proved)
        {
            return;
        }
        let fact = known.fact;
        let mut pivot = None;
        let keep = match (change, before) {
            (Change::Added, _) => true,
            (Change::Removed(removed), Some(old)) => old[removed] == Acceptance::Out,
            (Change::Attack { from, to, added }, Some(old)) => {
                let new = self.labels().to_vec();
                let keep = keeps(fact, &old, &new, from, to, added);
                // Rule 1: what could make the fact false holds this one.
                pivot = (!keep).then_some(if added { from } else { to });
                keep || pivot.is_some()
            }
            _ => false,
        };
        if keep {
            if let Some(known) = self.known.as_mut() {
                known.support = None;
                // An argument added keeps a pivot not checked yet.
                known.pivot = pivot.or(known.pivot);
            }
        } else {
            self.forget();
        }
    }

    /// Checks the pivot of the last change, if there is one: the fact is
    /// still true if no admissible set (stable extension) holds it; one
    /// that does becomes a witness and the fact is forgotten.
    pub(super) fn resolve(&mut self) {
        let Some(p) = self.known.as_ref().and_then(|k| k.pivot) else {
            return;
        };
        if let Some(known) = self.known.as_mut() {
            known.pivot = None;
        }
        if !self.alive[p] || self.label(p) == Acceptance::Out {
            return;
        }
        let x = self.encoding.x(p);
        if self.solve(&[x]) {
            let model = self.model();
            self.keep_witness(&model);
            self.forget();
        }
    }

    pub(super) fn forget(&mut self) {
        let Some(known) = self.known.take() else {
            return;
        };
        if let Some(switch) = known.switch {
            self.clause(&[!switch]);
        }
        // A fact that answered almost nothing cost more to prove than it
        // saved: the next questions go to the solver directly.
        self.backoff = if known.uses < 2 { BACKOFF } else { 0 };
    }

    /// The fact of the semantics: the one known, or, for preferred
    /// semantics, proved by the solver: which undecided arguments no
    /// admissible set holds (the others are covered by admissible sets
    /// found on the way, whose closures become witnesses). Complete
    /// semantics proves none, and stable semantics only on a question's
    /// way (`no_stable_proved`).
    pub(super) fn fact(&mut self) -> Option<Fact> {
        self.resolve();
        if let Some(known) = &self.known {
            return Some(known.fact);
        }
        if self.backoff > 0 {
            self.backoff -= 1;
            return None;
        }
        self.labels();
        match self.semantics {
            // Proved on the way by a question's solve (`no_stable_proved`).
            Semantics::Stable => return None,
            // A credulous question costs one solve either way; the cover
            // a fact needs costs more than the questions it answers.
            Semantics::Complete => return None,
            _ => {}
        }
        self.check_witnesses();
        let labels = self.labels.as_deref().unwrap_or_default();
        let mut refuted: Vec<bool> = (0..self.alive.len())
            .map(|a| self.alive[a] && labels[a] == Acceptance::Undecided)
            .collect();
        for w in &self.witnesses {
            for (r, m) in refuted.iter_mut().zip(&w.set) {
                *r &= !m;
            }
        }
        loop {
            let switch = self.encoding.fresh();
            let mut some = vec![!switch];
            some.extend(
                (0..refuted.len())
                    .filter(|&a| refuted[a])
                    .map(|a| self.encoding.x(a)),
            );
            if some.len() == 1 {
                self.known = Some(Known {
                    fact: Fact::Refuted,
                    refuted,
                    switch: None,
                    support: Some(Vec::new()),
                    proved: self.version,
                    uses: 0,
                    pivot: None,
                });
                return Some(Fact::Refuted);
            }
            self.clause(&some);
            if !self.solve(&[switch]) {
                let support = self.support();
                self.known = Some(Known {
                    fact: Fact::Refuted,
                    refuted,
                    switch: Some(switch),
                    support,
                    proved: self.version,
                    uses: 0,
                    pivot: None,
                });
                return Some(Fact::Refuted);
            }
            let model = self.model();
            self.clause(&[!switch]);
            for (r, m) in refuted.iter_mut().zip(&model) {
                *r &= !m;
            }
            self.keep_witness(&model);
        }
    }

    /// Whether there is no stable extension (proved if needed).
    /// After a solve unsatisfiable under one assumption besides the
    /// guards: if the proof did not use it, the guards alone are
    /// unsatisfiable, and there is no stable extension (a fact, with the
    /// blocks the proof used).
    pub(super) fn no_stable_proved(&mut self, assumption: Option<Lit>) {
        if assumption.is_some_and(|l| self.encoding.failed(l)) {
            return;
        }
        let support = self.support();
        self.forget();
        self.known = Some(Known {
            fact: Fact::NoStable,
            refuted: Vec::new(),
            switch: None,
            support,
            proved: self.version,
            uses: 0,
            pivot: None,
        });
    }

    /// Whether a fact known says there is no stable extension.
    pub(super) fn no_stable(&mut self) -> bool {
        let none = self.fact() == Some(Fact::NoStable);
        if none {
            self.used_fact();
        }
        none
    }

    /// Whether the `Refuted` fact (proved if needed) says no admissible set
    /// holds `a`.
    pub(super) fn refuted(&mut self, a: usize) -> bool {
        self.fact();
        let refuted = self
            .known
            .as_ref()
            .is_some_and(|k| k.fact == Fact::Refuted && k.refuted.get(a).copied().unwrap_or(false));
        if refuted {
            self.used_fact();
        }
        refuted
    }

    /// Counts an answer read off the fact, as kept if it was proved
    /// before the last change.
    pub(super) fn used_fact(&mut self) {
        if let Some(known) = self.known.as_mut() {
            known.uses += 1;
            if known.proved != self.version {
                self.statistics.kept += 1;
            }
        }
    }
}

/// Whether `fact`, true before a change of the attack `from` → `to`, is
/// still true after it, by the module docs' rules; `old` and `new` are the
/// grounded labels before and after.
pub(super) fn keeps(
    fact: Fact,
    old: &[Acceptance],
    new: &[Acceptance],
    from: usize,
    to: usize,
    added: bool,
) -> bool {
    let out = |labels: &[Acceptance], a: usize| labels[a] == Acceptance::Out;
    let grew = || {
        old.iter()
            .zip(new)
            .all(|(o, n)| *o != Acceptance::In || *n == Acceptance::In)
    };
    match fact {
        Fact::Refuted => {
            let pivot = if added { from } else { to };
            if out(new, pivot) {
                return true;
            }
            let same = old
                .iter()
                .zip(new)
                .all(|(o, n)| (*o == Acceptance::In) == (*n == Acceptance::In));
            same && ((out(old, from) && out(new, from)) || (out(old, to) && out(new, to)))
        }
        Fact::NoStable if added => out(new, from) || (out(old, to) && grew()),
        Fact::NoStable => out(new, to) || out(new, from),
    }
}
