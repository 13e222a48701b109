//! Frameworks that change between questions: the dynamic track of ICCMA
//! 2023 and 2025, whose IPAFAIR interface adds and removes arguments and
//! attacks and asks acceptance questions in between, on one solver kept
//! for the whole sequence.
//!
//! # The encoding
//!
//! One SAT solver holds the whole framework, and changes only ever add
//! clauses (removals included), so what the solver learned stays valid.
//! Each argument *a* has a variable *x*ₐ (in the extension); each attack
//! *b* → *a* an activation variable *act*, and *e* ↔ *x*_b ∧ *act* (the
//! attack comes from the extension). Every solve assumes *act* for each
//! attack that is there; removing an attack adds the unit clause ¬*act*
//! (re-adding it makes a new *act*); removing an argument removes its
//! attacks and adds ¬*x*ₐ. Ids are never reused.
//!
//! A condition over all attackers of *a* (for example "*a* is attacked by
//! the extension", *d*ₐ → ⋁ *e*) grows when an attacker comes. It is kept
//! as a chain with an open end: the clause is written with a *tail*
//! variable *t*, (¬*d*ₐ ∨ *e*₁ ∨ … ∨ *e*ₖ ∨ *t*), every solve assumes ¬*t*,
//! and a new attacker adds (¬*t* ∨ *e*ₖ₊₁ ∨ *t*′) and moves the assumption
//! to *t*′. So every solve assumes one literal per attack, and one per
//! live argument and condition: the price of never rebuilding (a clause
//! cannot be taken back, so what may have to go is switched by an
//! assumption).
//!
//! - **Admissible** (preferred): conflict-free, (¬*act* ∨ ¬*x*_b ∨ ¬*x*ₐ);
//!   defended, (¬*act* ∨ ¬*x*ₐ ∨ *d*_b) for each attack *b* → *a*, with
//!   *d*_b → ⋁ *e* over *b*'s attackers and *e* → *d*_b.
//! - **Complete** adds "in if defended": (*x*ₐ ∨ ⋁ *f* ∨ *u*), with
//!   *f* → *act* ∧ ¬*d*_b for each attacker *b* (an attacker still standing).
//! - **Stable**: conflict-free, and (*x*ₐ ∨ ⋁ *e*) over *a*'s attackers.
//!
//! Credulous acceptance under complete and preferred semantics is one
//! solve with *x*_q assumed, the certificate grown to a maximal set for
//! preferred; sceptical acceptance under stable semantics is one solve
//! with ¬*x*_q; sceptical preferred acceptance runs the counter-example
//! guided loop of [`Framework::sceptical`], its exclusion clauses guarded
//! by a literal retired after the question (they hold for this framework
//! only). Grounded questions, and sceptical complete ones, need no solver:
//! they are answered from the grounded labelling of the framework kept
//! beside it, in linear time.

use std::collections::HashMap;

use super::backend::{Backend, Lit};
use super::extensions::{Decision, Semantics};
use super::framework::{Argument, Framework};
use super::grounded::Acceptance;
use crate::error::{Error, Result};

/// A framework that takes changes and answers acceptance questions
/// without starting from scratch: one SAT solver, kept across changes and
/// questions, holds it (see the module's encoding, in the source).
///
/// It answers grounded, complete, preferred and stable semantics; the
/// semantics is chosen once, as IPAFAIR does. Removed arguments keep their
/// ids, which are never reused, and are in no extension.
///
/// # Complexity
/// A change adds O(1) clauses (removing an argument, O(its attacks)). A
/// question is one solve (credulous complete, stable; sceptical stable), a
/// growth loop (credulous preferred) or a counter-example guided loop
/// (sceptical preferred), each solve under O(arguments + attacks)
/// assumptions: the activations, the open tails and what the grounded
/// labelling settles. That per-solve cost is why this pays on frameworks
/// of about 10³ arguments and not yet on 10⁴ (BENCHMARKS.md, "The dynamic
/// track"): there, solving the undecided part from scratch is cheaper.
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
    solver: Backend,
    /// *x*ₐ by argument.
    x: Vec<Lit>,
    /// *d*ₐ by argument (admissible and complete).
    d: Vec<Lit>,
    /// The open tails, by condition and argument; assumed false.
    tails: Vec<Vec<Lit>>,
    /// The activation literal of each attack that is there, in a fixed
    /// order (the solver's answers follow its assumptions' order).
    active: Vec<((u32, u32), Lit)>,
    /// Where each attack is in `active`.
    position: HashMap<(u32, u32), usize>,
    /// The grounded labels of the framework as it stands, once computed
    /// after the last change.
    grounded: Option<Vec<Acceptance>>,
}

/// The conditions over all attackers an encoding keeps, each with its
/// tail: `Attacked` (*d*ₐ → ⋁ *e*), `Defended` (complete: *x*ₐ ∨ ⋁ *f*),
/// `Covered` (stable: *x*ₐ ∨ ⋁ *e*).
#[derive(Clone, Copy, PartialEq)]
enum Condition {
    Attacked,
    Defended,
    Covered,
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
        let conditions = match semantics {
            Semantics::Grounded => 0,
            Semantics::Complete => 2,
            _ => 1,
        };
        Ok(DynamicFramework {
            semantics,
            framework: Framework::new(),
            alive: Vec::new(),
            solver: Backend::new(),
            x: Vec::new(),
            d: Vec::new(),
            tails: vec![Vec::new(); conditions],
            active: Vec::new(),
            position: HashMap::new(),
            grounded: None,
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

    fn conditions(&self) -> &'static [Condition] {
        match self.semantics {
            Semantics::Grounded => &[],
            Semantics::Complete => &[Condition::Attacked, Condition::Defended],
            Semantics::Stable => &[Condition::Covered],
            _ => &[Condition::Attacked],
        }
    }

    fn clause(&mut self, clause: &[Lit]) {
        // A clause set made unsatisfiable stays so; every solve then fails,
        // which cannot happen here (the empty set is always admissible,
        // and stable extensions are asked for under assumptions only).
        self.solver.add_clause(clause);
    }

    /// Adds an argument, with a new id.
    pub fn add_argument(&mut self) -> Argument {
        self.grounded = None;
        let argument = Argument::new(self.framework.len() as u32);
        self.framework.push_unnamed();
        self.alive.push(true);
        let x = self.solver.fresh();
        self.x.push(x);
        let d = self.solver.fresh();
        self.d.push(d);
        for (i, &condition) in self.conditions().iter().enumerate() {
            let tail = self.solver.fresh();
            let head = match condition {
                Condition::Attacked => !d,
                Condition::Defended | Condition::Covered => x,
            };
            self.clause(&[head, tail]);
            self.tails[i].push(tail);
        }
        argument
    }

    fn check(&self, argument: Argument) -> Result<usize> {
        if self.is_removed(argument) {
            return Err(Error::UnknownArgument {
                argument: argument.number().to_string(),
            });
        }
        Ok(argument.index())
    }

    /// Removes an argument and its attacks. Its id is not reused.
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] if it is not there.
    pub fn remove_argument(&mut self, argument: Argument) -> Result<()> {
        let a = self.check(argument)?;
        let attacks: Vec<(Argument, Argument)> = self
            .framework
            .attackers(argument)
            .map(|b| (b, argument))
            .chain(self.framework.targets(argument).map(|t| (argument, t)))
            .collect();
        for (from, to) in attacks {
            self.remove_attack(from, to)?;
        }
        self.alive[a] = false;
        self.grounded = None;
        let x = self.x[a];
        self.clause(&[!x]);
        Ok(())
    }

    /// Adds the attack; `false` if it was there.
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] if either argument is not there.
    pub fn add_attack(&mut self, attacker: Argument, target: Argument) -> Result<bool> {
        let (b, a) = (self.check(attacker)?, self.check(target)?);
        if !self.framework.add_attack(attacker, target)? {
            return Ok(false);
        }
        self.grounded = None;
        let (act, e) = (self.solver.fresh(), self.solver.fresh());
        let (xb, xa) = (self.x[b], self.x[a]);
        // e ↔ x_b ∧ act.
        self.clause(&[!e, xb]);
        self.clause(&[!e, act]);
        self.clause(&[e, !xb, !act]);
        // Conflict-free.
        if a == b {
            self.clause(&[!act, !xa]);
        } else {
            self.clause(&[!act, !xb, !xa]);
        }
        for (i, &condition) in self.conditions().iter().enumerate() {
            let joined = match condition {
                Condition::Attacked => {
                    let (da, db) = (self.d[a], self.d[b]);
                    // e → d_a, and a needs b attacked to be in.
                    self.clause(&[!e, da]);
                    self.clause(&[!act, !xa, db]);
                    e
                }
                Condition::Covered => e,
                Condition::Defended => {
                    // f: the attack is there and b is not attacked.
                    let f = self.solver.fresh();
                    let db = self.d[b];
                    self.clause(&[!f, act]);
                    self.clause(&[!f, !db]);
                    f
                }
            };
            let tail = self.tails[i][a];
            let next = self.solver.fresh();
            self.clause(&[!tail, joined, next]);
            self.tails[i][a] = next;
        }
        self.position
            .insert((b as u32, a as u32), self.active.len());
        self.active.push(((b as u32, a as u32), act));
        Ok(true)
    }

    /// Removes the attack; `false` if it was not there.
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] if either argument is not there.
    pub fn remove_attack(&mut self, attacker: Argument, target: Argument) -> Result<bool> {
        let (b, a) = (self.check(attacker)?, self.check(target)?);
        let Some(i) = self.position.remove(&(b as u32, a as u32)) else {
            return Ok(false);
        };
        let (_, act) = self.active.swap_remove(i);
        if let Some(&(moved, _)) = self.active.get(i) {
            self.position.insert(moved, i);
        }
        self.framework.remove_attack(attacker, target)?;
        self.grounded = None;
        self.clause(&[!act]);
        Ok(true)
    }

    /// The grounded labels of the framework as it stands (removed
    /// arguments have no attacks, so they are in; they are never asked
    /// about), computed once per change.
    fn labels(&mut self) -> &[Acceptance] {
        let framework = &self.framework;
        self.grounded
            .get_or_insert_with(|| framework.grounded().labels().to_vec())
    }

    /// The grounded extension of the live arguments.
    fn grounded(&mut self) -> Vec<bool> {
        self.labels();
        let labels = self.grounded.as_deref().unwrap_or_default();
        (0..self.alive.len())
            .map(|a| self.alive[a] && labels[a] == Acceptance::In)
            .collect()
    }

    /// The assumptions every solve makes: each attack that is there is
    /// active, each live argument's open tails are false, and what the
    /// grounded labelling settles is settled (every complete, preferred
    /// and stable extension holds the grounded extension and nothing it
    /// attacks, and some extension proving a credulous answer does too:
    /// an admissible set grows to a preferred extension). So the search
    /// runs on the undecided arguments, as [`Framework::extension`]'s does.
    fn assumptions(&mut self) -> Vec<Lit> {
        self.labels();
        let settled: Vec<Lit> = {
            let labels = self.grounded.as_deref().unwrap_or_default();
            (0..labels.len())
                .filter(|&a| self.alive[a])
                .filter_map(|a| match labels[a] {
                    Acceptance::In => Some(self.x[a]),
                    Acceptance::Out => Some(!self.x[a]),
                    Acceptance::Undecided => None,
                })
                .collect()
        };
        let mut out = settled;
        out.extend(self.active.iter().map(|&(_, act)| act));
        for tails in &self.tails {
            out.extend(
                tails
                    .iter()
                    .zip(&self.alive)
                    .filter(|(_, alive)| **alive)
                    .map(|(&t, _)| !t),
            );
        }
        out
    }

    fn solve(&mut self, extra: &[Lit]) -> bool {
        let mut assumptions = self.assumptions();
        assumptions.extend_from_slice(extra);
        self.solver.solve(&assumptions)
    }

    /// The live arguments in the last model.
    fn model(&self) -> Vec<bool> {
        self.x
            .iter()
            .zip(&self.alive)
            .map(|(&x, &alive)| alive && self.solver.value(x))
            .collect()
    }

    fn extension_of(set: &[bool]) -> Vec<Argument> {
        (0..set.len())
            .filter(|&a| set[a])
            .map(|a| Argument::new(a as u32))
            .collect()
    }

    /// Grows the last model to a ⊆-maximal one (preferred), under `extra`
    /// assumptions; returns it. The growth clauses are guarded by a literal
    /// retired at the end.
    fn maximize(&mut self, extra: &[Lit]) -> Vec<bool> {
        let mut set = self.model();
        let switch = self.solver.fresh();
        loop {
            let mut assumptions = vec![switch];
            assumptions.extend_from_slice(extra);
            assumptions.extend((0..set.len()).filter(|&a| set[a]).map(|a| self.x[a]));
            let mut grow = vec![!switch];
            grow.extend(
                (0..set.len())
                    .filter(|&a| !set[a] && self.alive[a])
                    .map(|a| self.x[a]),
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

    /// One extension of the semantics, or `None` if there is none (only
    /// stable semantics can have none).
    pub fn extension(&mut self) -> Option<Vec<Argument>> {
        match self.semantics {
            Semantics::Grounded | Semantics::Complete => Some(Self::extension_of(&self.grounded())),
            Semantics::Preferred => {
                self.solve(&[]).then_some(())?;
                Some(Self::extension_of(&self.maximize(&[])))
            }
            _ => self.solve(&[]).then(|| Self::extension_of(&self.model())),
        }
    }

    /// Whether `argument` is in some extension, with one containing it as
    /// certificate (see [`Framework::credulous`]).
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] if it is not there.
    pub fn credulous(&mut self, argument: Argument) -> Result<Decision> {
        let a = self.check(argument)?;
        if self.semantics == Semantics::Grounded {
            return Ok(self.grounded_decision(a));
        }
        let x = self.x[a];
        if !self.solve(&[x]) {
            return Ok(Decision::no(None));
        }
        let set = match self.semantics {
            Semantics::Preferred => self.maximize(&[]),
            _ => self.model(),
        };
        Ok(Decision::yes(Some(Self::extension_of(&set))))
    }

    /// Whether `argument` is in every extension, with one without it as
    /// certificate when it is not (see [`Framework::sceptical`]).
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] if it is not there.
    pub fn sceptical(&mut self, argument: Argument) -> Result<Decision> {
        let a = self.check(argument)?;
        match self.semantics {
            Semantics::Grounded | Semantics::Complete => Ok(self.grounded_decision(a)),
            Semantics::Stable => {
                let x = self.x[a];
                Ok(if self.solve(&[!x]) {
                    Decision::no(Some(Self::extension_of(&self.model())))
                } else {
                    Decision::yes(None)
                })
            }
            _ => Ok(self.sceptical_preferred(a)),
        }
    }

    /// Counter-example guided: an admissible set without the argument,
    /// grown to a preferred extension; if that one holds the argument,
    /// every set within it is excluded (under a switch retired at the end,
    /// as the exclusions hold for this framework only) and the search goes
    /// on.
    fn sceptical_preferred(&mut self, a: usize) -> Decision {
        let x = self.x[a];
        let switch = self.solver.fresh();
        let answer = loop {
            if !self.solve(&[switch, !x]) {
                break Decision::yes(None);
            }
            let preferred = self.maximize(&[switch]);
            if !preferred[a] {
                break Decision::no(Some(Self::extension_of(&preferred)));
            }
            let mut exclude = vec![!switch];
            exclude.extend(
                (0..preferred.len())
                    .filter(|&b| !preferred[b] && self.alive[b])
                    .map(|b| self.x[b]),
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
