//! Frameworks that change between questions: the dynamic track of ICCMA
//! 2023 and 2025, whose IPAFAIR interface adds and removes arguments and
//! attacks and asks acceptance questions in between, on one solver kept
//! for the whole sequence.
//!
//! # The encoding
//!
//! One SAT solver holds the whole framework, and changes only ever add
//! clauses (removals included), so what the solver learned stays valid.
//! Each argument *a* has a variable *x*ₐ (in the extension) and, for
//! complete and preferred semantics, *d*ₐ (attacked by the extension).
//! The arguments are cut into blocks of 8 (`BLOCK`), by id; an argument
//! added once its block's clauses are written starts a block of its own.
//! Every clause about *a* and its attackers is guarded by its block's
//! literal *g*:
//!
//! - conflict-free, (¬*g* ∨ ¬*x*_b ∨ ¬*x*ₐ) for each attack *b* → *a*;
//! - complete and preferred: (¬*g* ∨ ¬*x*_b ∨ *d*ₐ) and
//!   (¬*g* ∨ ¬*d*ₐ ∨ ⋁ *x*_b) (*d*ₐ is "some attacker is in"),
//!   (¬*g* ∨ ¬*x*ₐ ∨ *d*_b) (defended), (¬*g* ∨ *x*ₐ ∨ ⋁ ¬*d*_b) (in if
//!   defended); preferred extensions are the ⊆-maximal complete ones;
//! - stable: (¬*g* ∨ *x*ₐ ∨ ⋁ *x*_b).
//!
//! Every solve assumes the guard of each block. A change to the attackers
//! of *a* retires *a*'s block (the unit clause ¬*g*, which satisfies its
//! old clauses for good) and writes the block again under a fresh guard,
//! once, before the next solve. A solve makes one assumption per 8
//! arguments, where one per attack (the first version) made CaDiCaL spend
//! half its time propagating assumptions; and a change costs the clauses
//! of one block (removing an argument: of the blocks of its targets too).
//! Small blocks keep more of what the solver learned: a learned clause
//! dies with any block it used (blocks of 64 made solves two to three
//! times slower at 10⁴ arguments). Removing an argument also adds ¬*x*ₐ;
//! ids are never reused. Unit propagation on these clauses derives the
//! grounded labelling, so nothing else is assumed. CaDiCaL runs in its
//! `plain` configuration: no inprocessing, which blocks written again would
//! keep undoing (about 20 % faster on complete semantics at 10⁴
//! arguments).
//!
//! # Answers without the solver
//!
//! *GE* is the grounded extension, computed again (linear time) after a
//! change when something needs it; an argument is *out* when *GE* attacks
//! it. Admissible sets never hold an argument out, and stay admissible
//! with *GE* added. Each rule below is exact:
//!
//! - **The grounded labelling.** An argument out is in no extension; one
//!   in *GE* is in every complete, preferred and stable extension (and
//!   *GE* is the complete certificate).
//! - **Witnesses.** The last extensions found (complete ones for complete
//!   and preferred semantics, stable ones for stable; at most 8) are
//!   checked again, in linear time, after a change. While one still is an
//!   extension it proves a credulous yes for its members and a sceptical
//!   no for the others. Under preferred semantics a witness must also be
//!   preferred: a complete extension *W* is, if every argument outside it
//!   is refuted (below), out, attacked by *W* or attacks *W*, since a
//!   larger complete extension would add one that is none of these.
//! - **Facts.** Complete and preferred: a set *T* of undecided arguments
//!   no admissible set holds (*refuted*): *T* starts as the undecided
//!   arguments in no witness, and while a solve finds a complete
//!   extension holding one of *T* ("some *x* of *T* is in", under a
//!   switch), those leave *T* and the extension becomes a witness; the
//!   unsatisfiable solve proves the fact. Credulous questions on *T* are
//!   then answered no, and sceptical preferred ones no with any preferred
//!   extension. Stable: there is no stable extension (one solve), so
//!   every credulous answer is no and every sceptical one yes.
//!
//! # Facts kept across changes
//!
//! A fact proved for *F* is kept for the framework *F*′ after a change
//! when:
//!
//! 1. **Its proof is untouched.** The solver reports which guards the
//!    unsatisfiable solve used; if the change wrote none of their blocks
//!    again, the same clauses still refute the same question in *F*′.
//! 2. **The change cannot make new sets.** Adding *b* → *a*: an admissible
//!    set of *F*′ that is not one of *F* holds *b* (only *b* → *a* can
//!    defend it better), and so does a stable extension of *F*′ that is
//!    not one of *F*. Removing *b* → *a*: such a set holds *a* (only *a*
//!    lost an attacker); such a stable extension holds *a* and *b*. Call
//!    the argument named the *pivot* *p*. If *p* is out in *F*′ (stable,
//!    removing: or *b* is), nothing new exists. Also kept: *GE* unchanged
//!    and *b* or *a* out in both (then *S* ∪ *GE* is admissible in *F*
//!    for every admissible *S* of *F*′: the changed attack only touches
//!    what *GE* attacks anyway); stable, adding *b* → *a* with *a* out in
//!    *F* and *GE*(*F*) ⊆ *GE*(*F*′) (a stable extension of *F*′ holds
//!    *GE*(*F*), which attacks *a* in *F*). Adding an argument keeps every
//!    fact (it is unattacked and attacks nothing); removing one out in *F*
//!    does too (*GE* does not change, and *S* ∪ *GE* is admissible, or
//!    stable, in *F*).
//! 3. **The pivot is checked.** Otherwise, by 2, the fact holds in *F*′
//!    exactly when no admissible set (stable extension) of *F*′ holds the
//!    pivot: one solve with *x*_p assumed, made when the fact is next
//!    needed or before the next change. If it finds one, the model becomes
//!    a witness and the fact is forgotten.
//!
//! Removing an argument that is not out forgets the facts; the next
//! question that needs one proves it again. Under complete and preferred
//! semantics, a fact forgotten after answering fewer than two questions
//! cost more solves than it saved (on frameworks where many arguments are
//! credulously accepted, pivots keep finding new sets): the next 16
//! questions (`BACKOFF`) go to the solver without proving one. `tests/dynamic.rs` checks every
//! answer and certificate against solving from scratch, and that answers
//! kept across changes occur ([`DynamicFramework::statistics`]).
//!
//! # The solver's questions
//!
//! Credulous acceptance under complete and stable semantics is one solve
//! with *x*_q assumed; under preferred semantics the model is grown to a
//! ⊆-maximal complete extension; sceptical stable acceptance is one solve
//! with ¬*x*_q. Sceptical preferred acceptance first looks for a preferred
//! extension holding an attacker of *q*, then runs the counter-example
//! guided loop of [`Framework::sceptical`], its exclusion clauses guarded
//! by a literal retired after the question (they hold for this framework
//! only).

mod encoding;
mod witnesses;

use super::backend::Lit;
use super::extensions::{Decision, Semantics};
use super::framework::{Argument, Framework};
use super::grounded::{Acceptance, grounded_labels};
use crate::error::{Error, Result};
use encoding::Encoding;
use witnesses::Witness;

/// A framework that takes changes and answers acceptance questions
/// without starting from scratch: one SAT solver, kept across changes and
/// questions, holds it, and what was proved before a change is kept when
/// the change cannot touch it (the module's rules, in the source).
///
/// It answers grounded, complete, preferred and stable semantics; the
/// semantics is chosen once, as IPAFAIR does. Removed arguments keep their
/// ids, which are never reused, and are in no extension.
///
/// # Complexity
/// A change costs the clauses of one block of 8 arguments and their
/// attacks (removing an argument: of the blocks of its targets too), and,
/// while a fact is known, O(arguments + attacks) to label the framework
/// before and after it, and at most one solve to check its pivot. A
/// question answered by the grounded labelling, a witness or a fact costs
/// O(arguments + attacks) per witness looked at. Otherwise it is one
/// solve (credulous complete, stable; sceptical stable), a growth loop
/// (credulous preferred) or a counter-example guided loop (sceptical
/// preferred), each under one assumption per block, after proving the
/// fact of the semantics if it is not known (a solve per new witness, and
/// one more).
///
/// ```
/// use historiograph::{DynamicFramework, Semantics};
///
/// let mut af = DynamicFramework::new(Semantics::Preferred)?;
/// let [a, b, c] = [af.add_argument(), af.add_argument(), af.add_argument()];
/// af.add_attack(a, b)?;
/// af.add_attack(b, c)?;
/// assert!(af.sceptical(c)?.is_accepted()); // a defends c
/// af.add_attack(b, a)?;
/// assert!(!af.sceptical(c)?.is_accepted()); // {b} is preferred now
/// af.remove_argument(b)?;
/// assert!(af.sceptical(c)?.is_accepted());
/// # Ok::<(), historiograph::Error>(())
/// ```
pub struct DynamicFramework {
    semantics: Semantics,
    /// The framework as it stands, removed arguments left without attacks.
    framework: Framework,
    alive: Vec<bool>,
    /// The SAT side.
    encoding: Encoding,
    /// The grounded labels of the framework as it stands, once computed
    /// after the last change (removed arguments are in: they have no
    /// attacks; they are never asked about).
    labels: Option<Vec<Acceptance>>,
    /// Changes so far.
    version: u64,
    /// A fact proved about the framework as it stands.
    known: Option<Known>,
    /// Extensions found (complete for complete and preferred semantics,
    /// stable for stable), each with the version it was found at and the
    /// version it was last checked at; checked again before use.
    witnesses: Vec<Witness>,
    /// Questions left before the next attempt to prove a fact (complete
    /// and preferred), after one that answered almost nothing.
    backoff: u32,
    statistics: DynamicStatistics,
}

/// Questions that skip proving a fact after one that did not pay.
const BACKOFF: u32 = 16;


/// A fact the solver proved, kept across changes (module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fact {
    /// No admissible set holds an argument of `refuted` (complete,
    /// preferred).
    Refuted,
    /// There is no stable extension.
    NoStable,
}

struct Known {
    fact: Fact,
    /// The arguments no admissible set holds (`Refuted`).
    refuted: Vec<bool>,
    /// The literal that switches on the clause "some argument of
    /// `refuted` is in", retired with the fact.
    switch: Option<Lit>,
    /// The blocks whose guards the proof used, while no change has
    /// touched them (`None` once a rule kept the fact instead).
    support: Option<Vec<usize>>,
    /// The version it was proved at.
    proved: u64,
    /// Answers read off it.
    uses: u32,
    /// An argument that no admissible set (stable extension) may hold
    /// for the fact to be still true after the last change, not checked
    /// yet.
    pivot: Option<usize>,
}

/// One change, for the rules that keep a fact across it.
#[derive(Clone, Copy)]
enum Change {
    Attack { from: usize, to: usize, added: bool },
    Added,
    Removed(usize),
}

/// What a [`DynamicFramework`] has done so far: how many questions it
/// answered, how many SAT solves it made, and how many answers came from
/// what it proved before the last change (a kept fact or a witness checked
/// again) with no solve.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DynamicStatistics {
    questions: u64,
    solves: u64,
    kept: u64,
    repaired: u64,
}

impl DynamicStatistics {
    /// Questions answered (`credulous`, `sceptical`, `extension`).
    pub fn questions(&self) -> u64 {
        self.questions
    }

    /// SAT solves made.
    pub fn solves(&self) -> u64 {
        self.solves
    }

    /// Answers read, with no solve, off a fact or a witness found before
    /// the last change.
    pub fn kept(&self) -> u64 {
        self.kept
    }

    /// Of the answers [`kept`](DynamicStatistics::kept), those read off a
    /// complete extension that a change broke and that was repaired (the
    /// largest admissible set within it, grown again to a complete
    /// extension) with no solve.
    pub fn repaired(&self) -> u64 {
        self.repaired
    }
}

impl DynamicFramework {
    /// An empty framework for questions under `semantics`.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] for a semantics the dynamic framework does
    /// not answer: semi-stable, stage and ideal.
    pub fn new(semantics: Semantics) -> Result<DynamicFramework> {
        if !matches!(
            semantics,
            Semantics::Grounded | Semantics::Complete | Semantics::Preferred | Semantics::Stable
        ) {
            return Err(Error::InvalidOption {
                option: "semantics",
                reason: format!(
                    "a dynamic framework answers grounded, complete, preferred and stable semantics, not {semantics}"
                ),
            });
        }
        Ok(DynamicFramework {
            semantics,
            framework: Framework::new(),
            alive: Vec::new(),
            encoding: Encoding::new(semantics),
            labels: None,
            version: 0,
            known: None,
            witnesses: Vec::new(),
            backoff: 0,
            statistics: DynamicStatistics::default(),
        })
    }

    /// A dynamic framework holding `framework`'s arguments (same ids) and
    /// attacks.
    ///
    /// # Errors
    /// As [`DynamicFramework::new`].
    pub fn from_framework(framework: &Framework, semantics: Semantics) -> Result<DynamicFramework> {
        let mut dynamic = DynamicFramework::new(semantics)?;
        for _ in framework.arguments() {
            dynamic.add_argument();
        }
        for (a, b) in framework.attacks() {
            dynamic.add_attack(a, b)?;
        }
        Ok(dynamic)
    }

    /// The semantics questions are asked under.
    pub fn semantics(&self) -> Semantics {
        self.semantics
    }

    /// The framework as it stands: every id ever issued, a removed
    /// argument with no attacks (see [`DynamicFramework::is_removed`]).
    pub fn framework(&self) -> &Framework {
        &self.framework
    }

    /// Whether the argument was removed (or never added).
    pub fn is_removed(&self, argument: Argument) -> bool {
        !self.alive.get(argument.index()).copied().unwrap_or(false)
    }

    /// The arguments that are there, in order.
    pub fn arguments(&self) -> impl Iterator<Item = Argument> + '_ {
        self.framework.arguments().filter(|a| self.alive[a.index()])
    }

    /// What it has done so far (see [`DynamicStatistics`]).
    pub fn statistics(&self) -> DynamicStatistics {
        self.statistics
    }

    fn clause(&mut self, clause: &[Lit]) {
        self.encoding.clause(clause);
    }

    /// Adds an argument, with a new id. It joins the last block while that
    /// block's clauses are not written yet, and starts a new one otherwise,
    /// so that no proof the solver made is touched.
    pub fn add_argument(&mut self) -> Argument {
        let a = self.framework.len();
        self.framework.push_unnamed();
        self.alive.push(true);
        self.encoding.add_argument(self.version + 1);
        self.changed(None, Change::Added);
        Argument::new(a as u32)
    }

    fn check(&self, argument: Argument) -> Result<usize> {
        if self.is_removed(argument) {
            return Err(Error::UnknownArgument {
                argument: argument.number().to_string(),
            });
        }
        Ok(argument.index())
    }

    /// The labels before a change, when a kept fact may need them.
    fn before(&mut self) -> Option<Vec<Acceptance>> {
        self.resolve();
        self.known.as_ref()?;
        self.labels();
        self.labels.clone()
    }

    /// Removes an argument and its attacks. Its id is not reused.
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] if it is not there.
    pub fn remove_argument(&mut self, argument: Argument) -> Result<()> {
        let a = self.check(argument)?;
        let before = self.before();
        let targets: Vec<Argument> = self.framework.targets(argument).collect();
        let attackers: Vec<Argument> = self.framework.attackers(argument).collect();
        for t in targets {
            self.framework.remove_attack(argument, t)?;
            self.encoding.touch(t.index(), self.version + 1);
        }
        for b in attackers {
            self.framework.remove_attack(b, argument)?;
        }
        self.alive[a] = false;
        self.encoding.remove_argument(a, self.version + 1);
        self.changed(before, Change::Removed(a));
        Ok(())
    }

    /// Adds the attack; `false` if it was there.
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] if either argument is not there.
    pub fn add_attack(&mut self, attacker: Argument, target: Argument) -> Result<bool> {
        self.attack(attacker, target, true)
    }

    /// Removes the attack; `false` if it was not there.
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] if either argument is not there.
    pub fn remove_attack(&mut self, attacker: Argument, target: Argument) -> Result<bool> {
        self.attack(attacker, target, false)
    }

    fn attack(&mut self, attacker: Argument, target: Argument, added: bool) -> Result<bool> {
        let (b, a) = (self.check(attacker)?, self.check(target)?);
        let there = self.framework.attackers(target).any(|x| x == attacker);
        if there == added {
            return Ok(false);
        }
        let before = self.before();
        let version = self.version + 1;
        if added {
            self.framework.add_attack(attacker, target)?;
        } else {
            self.framework.remove_attack(attacker, target)?;
        }
        self.encoding.touch(a, version);
        self.changed(
            before,
            Change::Attack {
                from: b,
                to: a,
                added,
            },
        );
        Ok(true)
    }

    /// After a change: the labels are stale, and the fact is kept if its
    /// proof used no block the change touched, or if the module's rules
    /// say so.
    fn changed(&mut self, before: Option<Vec<Acceptance>>, change: Change) {
        self.version += 1;
        self.labels = None;
        let Some(known) = &self.known else {
            return;
        };
        if let Some(support) = &known.support
            && support.iter().all(|&k| self.encoding.touched(k) <= known.proved)
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
    fn resolve(&mut self) {
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

    fn forget(&mut self) {
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

    /// The grounded labels of the framework as it stands, computed once
    /// per change.
    fn labels(&mut self) -> &[Acceptance] {
        let framework = &self.framework;
        self.labels.get_or_insert_with(|| {
            grounded_labels(framework.attacker_lists(), framework.target_lists())
        })
    }

    fn label(&mut self, a: usize) -> Acceptance {
        self.labels()[a]
    }

    /// The grounded extension of the live arguments, as a mask.
    fn grounded(&mut self) -> Vec<bool> {
        self.labels();
        let labels = self.labels.as_deref().unwrap_or_default();
        (0..self.alive.len())
            .map(|a| self.alive[a] && labels[a] == Acceptance::In)
            .collect()
    }

    fn solve(&mut self, extra: &[Lit]) -> bool {
        self.statistics.solves += 1;
        self.encoding.solve(&self.framework, extra)
    }

    fn support(&self) -> Vec<usize> {
        self.encoding.support()
    }

    /// The last model: a stable extension, or the complete extension an
    /// admissible set grows to (its closure).
    fn model(&self) -> Vec<bool> {
        let set = self.encoding.model();
        if self.semantics == Semantics::Stable {
            set
        } else {
            self.closure(set)
        }
    }

    fn extension_of(set: &[bool]) -> Vec<Argument> {
        (0..set.len())
            .filter(|&a| set[a])
            .map(|a| Argument::new(a as u32))
            .collect()
    }

    /// Grows the last model to a ⊆-maximal complete extension (preferred),
    /// under `extra` assumptions; returns it. The growth clauses are
    /// guarded by a literal retired at the end.
    fn maximize(&mut self, extra: &[Lit]) -> Vec<bool> {
        let mut set = self.model();
        let switch = self.encoding.fresh();
        loop {
            let mut assumptions = vec![switch];
            assumptions.extend_from_slice(extra);
            assumptions.extend((0..set.len()).filter(|&a| set[a]).map(|a| self.encoding.x(a)));
            let mut grow = vec![!switch];
            grow.extend(
                (0..set.len())
                    .filter(|&a| !set[a] && self.alive[a])
                    .map(|a| self.encoding.x(a)),
            );
            if grow.len() == 1 {
                break;
            }
            self.clause(&grow);
            if !self.solve(&assumptions) {
                break;
            }
            set = self.model();
        }
        self.clause(&[!switch]);
        set
    }

    /// The fact of the semantics, proved by the solver if it is not known:
    /// for stable semantics, that there is no stable extension (`None` if
    /// there is one; it becomes a witness); for complete and preferred,
    /// which undecided arguments no admissible set holds (the others are
    /// covered by complete extensions found on the way, which become
    /// witnesses).
    fn fact(&mut self) -> Option<Fact> {
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
                let support = Some(self.support());
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

    /// Whether the `Refuted` fact (proved if needed) says no admissible set
    /// holds `a`.
    fn refuted(&mut self, a: usize) -> bool {
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

    /// Whether there is no stable extension (proved if needed).
    /// After a solve unsatisfiable under one assumption besides the
    /// guards: if the proof did not use it, the guards alone are
    /// unsatisfiable, and there is no stable extension (a fact, with the
    /// blocks the proof used).
    fn no_stable_proved(&mut self, assumption: Option<Lit>) {
        if assumption.is_some_and(|l| self.encoding.failed(l)) {
            return;
        }
        let support = Some(self.support());
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
    fn no_stable(&mut self) -> bool {
        let none = self.fact() == Some(Fact::NoStable);
        if none {
            self.used_fact();
        }
        none
    }

    /// Counts an answer read off the fact, as kept if it was proved
    /// before the last change.
    fn used_fact(&mut self) {
        if let Some(known) = self.known.as_mut() {
            known.uses += 1;
            if known.proved != self.version {
                self.statistics.kept += 1;
            }
        }
    }

    /// A preferred extension: a witness still preferred, or one grown
    /// from a new model.
    fn preferred(&mut self) -> Vec<Argument> {
        self.fact();
        if let Some(extension) = self.witness(|_| true) {
            return extension;
        }
        // The empty set is admissible: there is a complete extension.
        self.solve(&[]);
        let set = self.maximize(&[]);
        self.keep_witness(&set);
        Self::extension_of(&set)
    }

    /// One extension of the semantics, or `None` if there is none (only
    /// stable semantics can have none).
    pub fn extension(&mut self) -> Option<Vec<Argument>> {
        self.statistics.questions += 1;
        match self.semantics {
            Semantics::Grounded | Semantics::Complete => Some(Self::extension_of(&self.grounded())),
            Semantics::Preferred => Some(self.preferred()),
            _ => {
                if let Some(w) = self.witness(|_| true) {
                    return Some(w);
                }
                if self.no_stable() {
                    return None;
                }
                if !self.solve(&[]) {
                    self.no_stable_proved(None);
                    return None;
                }
                let model = self.model();
                self.keep_witness(&model);
                Some(Self::extension_of(&model))
            }
        }
    }

    /// Whether `argument` is in some extension, with one containing it as
    /// certificate (see [`Framework::credulous`]).
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] if it is not there.
    pub fn credulous(&mut self, argument: Argument) -> Result<Decision> {
        let a = self.check(argument)?;
        self.statistics.questions += 1;
        let label = self.label(a);
        if self.semantics == Semantics::Grounded
            || (self.semantics == Semantics::Complete && label == Acceptance::In)
        {
            return Ok(self.grounded_decision(a));
        }
        if label == Acceptance::Out {
            return Ok(Decision::no(None));
        }
        if self.semantics == Semantics::Preferred {
            self.fact();
        }
        if let Some(w) = self.witness(|m| m[a]) {
            return Ok(Decision::yes(Some(w)));
        }
        let rejected = match self.semantics {
            Semantics::Stable => self.no_stable(),
            _ => self.refuted(a),
        };
        if rejected {
            return Ok(Decision::no(None));
        }
        if self.semantics != Semantics::Stable
            && let Some(w) = self.witness(|m| m[a])
        {
            return Ok(Decision::yes(Some(w)));
        }
        let x = self.encoding.x(a);
        if !self.solve(&[x]) {
            if self.semantics == Semantics::Stable {
                self.no_stable_proved(Some(x));
            }
            return Ok(Decision::no(None));
        }
        let set = match self.semantics {
            Semantics::Preferred => self.maximize(&[]),
            _ => self.model(),
        };
        self.keep_witness(&set);
        Ok(Decision::yes(Some(Self::extension_of(&set))))
    }

    /// Whether `argument` is in every extension, with one without it as
    /// certificate when it is not (see [`Framework::sceptical`]).
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] if it is not there.
    pub fn sceptical(&mut self, argument: Argument) -> Result<Decision> {
        let a = self.check(argument)?;
        self.statistics.questions += 1;
        if matches!(self.semantics, Semantics::Grounded | Semantics::Complete) {
            return Ok(self.grounded_decision(a));
        }
        if self.label(a) == Acceptance::In {
            // In every complete extension, so in every preferred and
            // stable one.
            return Ok(Decision::yes(None));
        }
        if self.semantics == Semantics::Preferred {
            self.fact();
        }
        if let Some(w) = self.witness(|m| !m[a]) {
            return Ok(Decision::no(Some(w)));
        }
        if self.semantics == Semantics::Stable {
            if self.no_stable() {
                return Ok(Decision::yes(None));
            }
            let x = self.encoding.x(a);
            return Ok(if self.solve(&[!x]) {
                let model = self.model();
                self.keep_witness(&model);
                Decision::no(Some(Self::extension_of(&model)))
            } else {
                self.no_stable_proved(Some(!x));
                Decision::yes(None)
            });
        }
        if self.label(a) == Acceptance::Out || self.refuted(a) {
            // In no preferred extension: any one proves it.
            return Ok(Decision::no(Some(self.preferred())));
        }
        Ok(self.sceptical_preferred(a))
    }

    /// A preferred extension holding an attacker of the argument, if a
    /// complete one does (the early stop of [`Framework::sceptical`]);
    /// otherwise counter-example guided: a complete extension without the
    /// argument, grown to a preferred one; if that one holds the argument,
    /// every set within it is excluded (under a switch retired at the end,
    /// as the exclusions hold for this framework only) and the search goes
    /// on.
    fn sceptical_preferred(&mut self, a: usize) -> Decision {
        let attackers: Vec<Lit> = self.framework.attacker_lists()[a]
            .iter()
            .map(|&b| self.encoding.x(b as usize))
            .collect();
        let x = self.encoding.x(a);
        let switch = self.encoding.fresh();
        let mut some = vec![!switch];
        some.extend(attackers);
        self.clause(&some);
        let attacked = self.solve(&[switch]);
        let answer = if attacked {
            let preferred = self.maximize(&[switch]);
            self.keep_witness(&preferred);
            Some(Decision::no(Some(Self::extension_of(&preferred))))
        } else {
            None
        };
        self.clause(&[!switch]);
        if let Some(answer) = answer {
            return answer;
        }
        let switch = self.encoding.fresh();
        let answer = loop {
            if !self.solve(&[switch, !x]) {
                break Decision::yes(None);
            }
            let preferred = self.maximize(&[switch]);
            self.keep_witness(&preferred);
            if !preferred[a] {
                break Decision::no(Some(Self::extension_of(&preferred)));
            }
            let mut exclude = vec![!switch];
            exclude.extend(
                (0..preferred.len())
                    .filter(|&b| !preferred[b] && self.alive[b])
                    .map(|b| self.encoding.x(b)),
            );
            self.clause(&exclude);
        };
        self.clause(&[!switch]);
        answer
    }

    fn grounded_decision(&mut self, a: usize) -> Decision {
        let grounded = self.grounded();
        let extension = Self::extension_of(&grounded);
        if grounded[a] {
            Decision::yes(Some(extension))
        } else {
            Decision::no(Some(extension))
        }
    }
}

/// Whether `fact`, true before a change of the attack `from` → `to`, is
/// still true after it, by the module docs' rules; `old` and `new` are the
/// grounded labels before and after.
fn keeps(
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
