//! The [`DynamicFramework`] type: its state, its changes and its
//! questions' entry points (the rules are in the module docs of
//! `argument::dynamic`).

use super::super::backend::Lit;
use super::super::extensions::Semantics;
use super::super::framework::{Argument, Framework};
use super::super::grounded::{Acceptance, grounded_labels};
use super::encoding::Encoding;
use super::facts::{Change, Known};
use super::statistics::DynamicStatistics;
use super::witnesses::Witness;
use crate::error::{Error, Result};

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
/// A change costs the clauses of one block of 8 arguments (2 under
/// stable semantics) and their attacks (removing an argument: of the
/// blocks of its targets too), and, while a fact is known,
/// O(arguments + attacks) to label the framework before and after it, and
/// at most one solve to check its pivot. A
/// question answered by the grounded labelling, a witness or a fact costs
/// O(arguments + attacks) for the labelling, and per witness looked at,
/// a check around the arguments the changes since touched (or, if that
/// check fails, O(arguments + attacks) to check it in full and repair
/// it). Otherwise it is one solve (credulous complete,
/// stable; sceptical stable), a growth loop (credulous preferred) or a
/// counter-example guided loop (sceptical preferred), each under one
/// assumption per block; under preferred semantics, after proving the
/// fact if it is not known (a solve per new witness, and one more).
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
    pub(super) semantics: Semantics,
    /// The framework as it stands, removed arguments left without attacks.
    pub(super) framework: Framework,
    pub(super) alive: Vec<bool>,
    /// The SAT side.
    pub(super) encoding: Encoding,
    /// The grounded labels of the framework as it stands, once computed
    /// after the last change (removed arguments are in: they have no
    /// attacks; they are never asked about).
    pub(super) labels: Option<Vec<Acceptance>>,
    /// Changes so far.
    pub(super) version: u64,
    /// A fact proved about the framework as it stands.
    pub(super) known: Option<Known>,
    /// Extensions found (complete for complete and preferred semantics,
    /// stable for stable), each with the version it was found at and the
    /// version it was last checked at; checked again before use.
    pub(super) witnesses: Vec<Witness>,
    /// Questions left before the next attempt to prove a fact (complete
    /// and preferred), after one that answered almost nothing.
    pub(super) backoff: u32,
    /// The arguments each change touched (whose attackers changed, added
    /// or removed), with the version of the change, for every version
    /// after `logged_from`: what a witness is checked again on.
    pub(super) touched: Vec<(u64, u32)>,
    pub(super) logged_from: u64,
    /// ¬*x*ₐ for each argument *a* out, and the version they were listed
    /// at.
    pub(super) out: (Option<u64>, Vec<Lit>),
    pub(super) statistics: DynamicStatistics,
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
            touched: Vec::new(),
            logged_from: 0,
            out: (None, Vec::new()),
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

    pub(super) fn clause(&mut self, clause: &[Lit]) {
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
        self.log(&[a as u32]);
        Argument::new(a as u32)
    }

    pub(super) fn check(&self, argument: Argument) -> Result<usize> {
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
        let before = self.before();
        let targets: Vec<Argument> = self.framework.targets(argument).collect();
        let attackers: Vec<Argument> = self.framework.attackers(argument).collect();
        for &t in &targets {
            self.framework.remove_attack(argument, t)?;
            self.encoding.touch(t.index(), self.version + 1);
        }
        for b in attackers {
            self.framework.remove_attack(b, argument)?;
        }
        self.alive[a] = false;
        self.encoding.remove_argument(a, self.version + 1);
        self.changed(before, Change::Removed(a));
        let mut touched: Vec<u32> = targets.iter().map(|t| t.index() as u32).collect();
        touched.push(a as u32);
        self.log(&touched);
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

    pub(super) fn attack(
        &mut self,
        attacker: Argument,
        target: Argument,
        added: bool,
    ) -> Result<bool> {
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
        self.log(&[a as u32]);
        Ok(true)
    }

    /// Logs the arguments the last change touched. The log keeps at
    /// most about as many entries as there are arguments: past that, it
    /// starts again, and witnesses checked before are checked in full.
    fn log(&mut self, arguments: &[u32]) {
        if self.touched.len() + arguments.len() > self.alive.len().max(64) {
            self.touched.clear();
            self.logged_from = self.version - 1;
        }
        self.touched
            .extend(arguments.iter().map(|&a| (self.version, a)));
    }

    /// The grounded labels of the framework as it stands, computed once
    /// per change.
    pub(super) fn labels(&mut self) -> &[Acceptance] {
        let framework = &self.framework;
        self.labels.get_or_insert_with(|| {
            grounded_labels(framework.attacker_lists(), framework.target_lists())
        })
    }

    pub(super) fn label(&mut self, a: usize) -> Acceptance {
        self.labels()[a]
    }

    /// The grounded extension of the live arguments, as a mask.
    pub(super) fn grounded(&mut self) -> Vec<bool> {
        self.labels();
        let labels = self.labels.as_deref().unwrap_or_default();
        (0..self.alive.len())
            .map(|a| self.alive[a] && labels[a] == Acceptance::In)
            .collect()
    }

    /// Solves under every guard and `extra`, and under ¬*x*ₐ for each
    /// argument *a* out (no admissible set, so no stable extension, holds
    /// one: module docs).
    pub(super) fn solve(&mut self, extra: &[Lit]) -> bool {
        self.statistics.solves += 1;
        if self.out.0 != Some(self.version) {
            self.labels();
            let labels = self.labels.as_deref().unwrap_or_default();
            let out: Vec<Lit> = (0..labels.len())
                .filter(|&a| self.alive[a] && labels[a] == Acceptance::Out)
                .map(|a| !self.encoding.x(a))
                .collect();
            self.out = (Some(self.version), out);
        }
        let mut assumptions = extra.to_vec();
        assumptions.extend_from_slice(&self.out.1);
        self.encoding.solve(&self.framework, &assumptions)
    }

    /// The blocks whose guards the last (unsatisfiable) solve used, or
    /// `None` if it used an argument's being out, which holds for the
    /// framework as it stands only.
    pub(super) fn support(&self) -> Option<Vec<usize>> {
        if self.out.1.iter().any(|&l| self.encoding.failed(l)) {
            return None;
        }
        Some(self.encoding.support())
    }

    /// The last model: a stable extension, or the complete extension an
    /// admissible set grows to (its closure).
    pub(super) fn model(&self) -> Vec<bool> {
        let set = self.encoding.model();
        if self.semantics == Semantics::Stable {
            set
        } else {
            self.closure(set)
        }
    }

    pub(super) fn extension_of(set: &[bool]) -> Vec<Argument> {
        (0..set.len())
            .filter(|&a| set[a])
            .map(|a| Argument::new(a as u32))
            .collect()
    }
}
