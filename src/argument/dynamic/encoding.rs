//! The clauses of a [`DynamicFramework`](super::DynamicFramework): one SAT
//! solver, kept for the whole sequence, to which changes only ever add
//! clauses (the module docs of `dynamic` give the encoding and why it is
//! exact).

use super::super::backend::{Backend, Lit};
use super::super::extensions::Semantics;
use super::super::framework::Framework;

/// Arguments per block of clauses guarded by one literal (complete and
/// preferred semantics).
const BLOCK: usize = 8;

/// Arguments per block under stable semantics.
const STABLE_BLOCK: usize = 2;

/// The solver, its literals, and the blocks of guarded clauses.
pub(super) struct Encoding {
    /// Stable semantics; otherwise admissible sets (complete and
    /// preferred semantics).
    stable: bool,
    solver: Backend,
    /// *x*ₐ: the argument is in the set.
    x: Vec<Lit>,
    /// *d*ₐ: the set attacks the argument (admissible sets only).
    d: Vec<Lit>,
    alive: Vec<bool>,
    /// The block of each argument, and the arguments of each block.
    block: Vec<usize>,
    members: Vec<Vec<usize>>,
    /// The guard of each block, once its clauses are written.
    guards: Vec<Option<Lit>>,
    /// The version of the last change to each block's clauses.
    touched: Vec<u64>,
    /// Blocks to write again before the next solve.
    dirty: Vec<bool>,
    pending: Vec<usize>,
}

impl Encoding {
    pub(super) fn new(semantics: Semantics) -> Encoding {
        Encoding {
            stable: semantics == Semantics::Stable,
            solver: Backend::incremental(),
            x: Vec::new(),
            d: Vec::new(),
            alive: Vec::new(),
            block: Vec::new(),
            members: Vec::new(),
            guards: Vec::new(),
            touched: Vec::new(),
            dirty: Vec::new(),
            pending: Vec::new(),
        }
    }

    /// *x*ₐ.
    pub(super) fn x(&self, a: usize) -> Lit {
        self.x[a]
    }

    pub(super) fn fresh(&mut self) -> Lit {
        self.solver.fresh()
    }

    pub(super) fn clause(&mut self, clause: &[Lit]) {
        // A clause set made unsatisfiable stays so; every solve then fails,
        // which cannot happen here: every clause but the units of removed
        // arguments, retired guards and switches is guarded, and those are
        // satisfied by the empty set.
        self.solver.add_clause(clause);
    }

    /// The version of the last change to the block's clauses.
    pub(super) fn touched(&self, block: usize) -> u64 {
        self.touched[block]
    }

    /// Marks the block of `a` to be written again before the next solve,
    /// at `version`.
    pub(super) fn touch(&mut self, a: usize, version: u64) {
        let block = self.block[a];
        self.touched[block] = version;
        if !self.dirty[block] {
            self.dirty[block] = true;
            self.pending.push(block);
        }
    }

    /// A new argument. It joins the last block while that block's clauses
    /// are not written yet, and starts a new one otherwise, so that no
    /// proof the solver made is touched.
    pub(super) fn add_argument(&mut self, version: u64) {
        let a = self.x.len();
        let (x, d) = (self.fresh(), self.fresh());
        self.x.push(x);
        self.d.push(d);
        self.alive.push(true);
        let size = if self.stable { STABLE_BLOCK } else { BLOCK };
        let open = self
            .members
            .last()
            .is_some_and(|m| m.len() < size && self.guards[self.members.len() - 1].is_none());
        if !open {
            self.members.push(Vec::new());
            self.guards.push(None);
            self.touched.push(0);
            self.dirty.push(false);
        }
        let block = self.members.len() - 1;
        self.members[block].push(a);
        self.block.push(block);
        self.touch(a, version);
    }

    /// Removes the argument for good: ¬*x*ₐ, and its block written again
    /// without its clauses.
    pub(super) fn remove_argument(&mut self, a: usize, version: u64) {
        self.alive[a] = false;
        let x = self.x[a];
        self.clause(&[!x]);
        self.touch(a, version);
    }

    /// Writes the clauses of the blocks changed since the last solve, each
    /// under a fresh guard, and retires their old guards.
    fn flush(&mut self, framework: &Framework) {
        for block in std::mem::take(&mut self.pending) {
            self.dirty[block] = false;
            if let Some(old) = self.guards[block] {
                self.clause(&[!old]);
            }
            let guard = self.fresh();
            self.guards[block] = Some(guard);
            for i in 0..self.members[block].len() {
                let a = self.members[block][i];
                if self.alive[a] {
                    self.write(framework.attacker_lists()[a].as_ref(), a, guard);
                }
            }
        }
    }

    /// The clauses about argument `a` and its `attackers`, under `guard`.
    fn write(&mut self, attackers: &[u32], a: usize, guard: Lit) {
        let (xa, da) = (self.x[a], self.d[a]);
        for &b in attackers {
            let xb = self.x[b as usize];
            if a == b as usize {
                self.clause(&[!guard, !xa]);
            } else {
                self.clause(&[!guard, !xb, !xa]);
            }
        }
        if self.stable {
            let mut long = vec![!guard, xa];
            long.extend(attackers.iter().map(|&b| self.x[b as usize]));
            self.clause(&long);
            return;
        }
        let mut attacked = vec![!guard, !da];
        attacked.extend(attackers.iter().map(|&b| self.x[b as usize]));
        self.clause(&attacked);
        for &b in attackers {
            let db = self.d[b as usize];
            self.clause(&[!guard, !xa, db]);
        }
    }

    /// Solves under every guard and `extra`.
    pub(super) fn solve(&mut self, framework: &Framework, extra: &[Lit]) -> bool {
        self.flush(framework);
        let mut assumptions: Vec<Lit> = self.guards.iter().flatten().copied().collect();
        assumptions.extend_from_slice(extra);
        self.solver.solve(&assumptions)
    }

    /// Whether the last (unsatisfiable) solve used the assumption.
    pub(super) fn failed(&self, literal: Lit) -> bool {
        self.solver.failed(literal)
    }

    /// The blocks whose guards the last (unsatisfiable) solve used.
    pub(super) fn support(&self) -> Vec<usize> {
        (0..self.guards.len())
            .filter(|&k| self.guards[k].is_some_and(|g| self.solver.failed(g)))
            .collect()
    }

    /// The live arguments in the last model.
    pub(super) fn model(&self) -> Vec<bool> {
        self.x
            .iter()
            .zip(&self.alive)
            .map(|(&x, &alive)| alive && self.solver.value(x))
            .collect()
    }
}
