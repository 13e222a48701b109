//! SAT encodings of extension-based semantics, solved by the solver in
//! `backend.rs`, and the counter-example guided loops that find maximal
//! extensions (preferred, semi-stable, stage).
//!
//! Complete-based semantics are solved on the *core*: the arguments the
//! grounded labelling leaves undecided, with the attacks among them. Every
//! complete extension is the grounded extension plus a complete extension of
//! the core (an undecided argument is never attacked by a grounded-in one,
//! and attacks from grounded-out arguments are always answered), so stable,
//! preferred and semi-stable extensions carry over the same way.

use super::backend::{Backend, Lit};

use super::framework::{Argument, Framework};
use super::grounded::Acceptance;

/// The constraints every candidate satisfies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Base {
    /// Complete extensions (of the core).
    Complete,
    /// Admissible sets (of the core).
    Admissible,
    /// Stable extensions (of the core).
    Stable,
    /// Conflict-free sets (of the whole framework).
    ConflictFree,
}

/// What a maximal extension maximizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Measure {
    /// The set itself (preferred).
    Members,
    /// The set and what it attacks (semi-stable, stage).
    Range,
}

/// The part of a framework the solver works on.
pub(crate) struct Core {
    /// Global index of each core argument.
    args: Vec<u32>,
    /// Attackers of each core argument, as core indices.
    attackers: Vec<Vec<u32>>,
    /// Global index → core index, for the arguments in the core.
    local: Vec<Option<u32>>,
    /// Arguments in every candidate (the grounded extension), global.
    fixed_in: Vec<Argument>,
}

impl Core {
    /// The undecided part of the grounded labelling, for complete-based semantics.
    pub(crate) fn undecided(framework: &Framework, grounded: &[Acceptance]) -> Core {
        let keep: Vec<bool> = grounded
            .iter()
            .map(|l| *l == Acceptance::Undecided)
            .collect();
        let fixed_in = (0..framework.len())
            .filter(|&a| grounded[a] == Acceptance::In)
            .map(|a| Argument::new(a as u32))
            .collect();
        Core::restricted(framework, &keep, fixed_in)
    }

    /// The core arguments, as global arguments.
    pub(crate) fn arguments(&self) -> impl Iterator<Item = Argument> + '_ {
        self.args.iter().map(|&a| Argument::new(a))
    }

    /// The whole framework, for conflict-free-based semantics.
    pub(crate) fn whole(framework: &Framework) -> Core {
        Core::restricted(framework, &vec![true; framework.len()], Vec::new())
    }

    /// A core given by its arguments (global indices) and their attackers
    /// (core indices), with nothing fixed in and no map back from global
    /// arguments: [`Core::local`] answers `None`. For the small parts the
    /// SCC-recursive solver (`scc.rs`) builds many of.
    pub(crate) fn listed(args: Vec<u32>, attackers: Vec<Vec<u32>>) -> Core {
        Core {
            args,
            attackers,
            local: Vec::new(),
            fixed_in: Vec::new(),
        }
    }

    /// The arguments `keep` marks, with the attacks among them.
    pub(crate) fn restricted(
        framework: &Framework,
        keep: &[bool],
        fixed_in: Vec<Argument>,
    ) -> Core {
        let mut local = vec![None; framework.len()];
        let mut args = Vec::new();
        for (a, &k) in keep.iter().enumerate() {
            if k {
                local[a] = Some(args.len() as u32);
                args.push(a as u32);
            }
        }
        let attackers = args
            .iter()
            .map(|&a| {
                framework.attacker_lists()[a as usize]
                    .iter()
                    .filter_map(|&b| local[b as usize])
                    .collect()
            })
            .collect();
        Core {
            args,
            attackers,
            local,
            fixed_in,
        }
    }

    /// The core index of a global argument, if it is in the core.
    pub(crate) fn local(&self, argument: Argument) -> Option<usize> {
        self.local
            .get(argument.index())
            .copied()
            .flatten()
            .map(|l| l as usize)
    }

    pub(crate) fn len(&self) -> usize {
        self.args.len()
    }
}

/// A solver loaded with one base encoding of one core.
pub(crate) struct Sat {
    core: Core,
    solver: Backend,
    /// x: the argument is in the candidate.
    x: Vec<Lit>,
    /// r: the argument is in the candidate's range (only with a range measure).
    r: Vec<Lit>,
    /// The last model, as core membership.
    model: Vec<bool>,
    /// Whether the clauses are already unsatisfiable.
    dead: bool,
}

impl Sat {
    pub(crate) fn new(core: Core, base: Base, range: bool) -> Sat {
        let mut solver = Backend::new();
        let n = core.len();
        let x: Vec<Lit> = (0..n).map(|_| solver.fresh()).collect();
        let attackers = core.attackers.clone();
        let mut sat = Sat {
            core,
            solver,
            x,
            r: Vec::new(),
            model: Vec::new(),
            dead: false,
        };
        // Conflict-free.
        for (a, list) in attackers.iter().enumerate() {
            for &b in list {
                let b = b as usize;
                if a == b {
                    sat.clause(vec![!sat.x[a]]);
                } else {
                    sat.clause(vec![!sat.x[a], !sat.x[b]]);
                }
            }
        }
        let needs_o = matches!(base, Base::Complete | Base::Admissible) || range;
        let o: Vec<Lit> = if needs_o {
            sat.attacked_literals(&attackers)
        } else {
            Vec::new()
        };
        match base {
            Base::Complete => {
                for (a, list) in attackers.iter().enumerate() {
                    // In only if defended: every attacker attacked.
                    for &b in list {
                        sat.clause(vec![!sat.x[a], o[b as usize]]);
                    }
                    // In if defended.
                    let mut clause = vec![sat.x[a]];
                    clause.extend(list.iter().map(|&b| !o[b as usize]));
                    sat.clause(clause);
                }
            }
            Base::Stable => {
                for (a, list) in attackers.iter().enumerate() {
                    let mut clause = vec![sat.x[a]];
                    clause.extend(list.iter().map(|&b| sat.x[b as usize]));
                    sat.clause(clause);
                }
            }
            Base::Admissible => {
                for (a, list) in attackers.iter().enumerate() {
                    for &b in list {
                        sat.clause(vec![!sat.x[a], o[b as usize]]);
                    }
                }
            }
            Base::ConflictFree => {}
        }
        if range {
            sat.r = (0..n)
                .map(|a| {
                    let r = sat.fresh();
                    sat.clause(vec![!r, sat.x[a], o[a]]);
                    sat.clause(vec![!sat.x[a], r]);
                    sat.clause(vec![!o[a], r]);
                    r
                })
                .collect();
        }
        sat
    }

    /// o_a ↔ some attacker of a is in.
    fn attacked_literals(&mut self, attackers: &[Vec<u32>]) -> Vec<Lit> {
        (0..attackers.len())
            .map(|a| {
                let o = self.fresh();
                let mut clause = vec![!o];
                for &b in &attackers[a] {
                    let xb = self.x[b as usize];
                    self.clause(vec![!xb, o]);
                    clause.push(xb);
                }
                self.clause(clause);
                o
            })
            .collect()
    }

    fn fresh(&mut self) -> Lit {
        self.solver.fresh()
    }

    pub(crate) fn clause(&mut self, clause: Vec<Lit>) {
        if !self.solver.add_clause(&clause) {
            self.dead = true;
        }
    }

    pub(crate) fn x(&self, local: usize) -> Lit {
        self.x[local]
    }

    fn measure(&self, measure: Measure) -> &[Lit] {
        match measure {
            Measure::Members => &self.x,
            Measure::Range => &self.r,
        }
    }

    /// Solves under assumptions; on success the model is kept.
    pub(crate) fn solve(&mut self, assumptions: &[Lit]) -> bool {
        if self.dead {
            return false;
        }
        if !self.solver.solve(assumptions) {
            return false;
        }
        self.model = self.x.iter().map(|&l| self.solver.value(l)).collect();
        true
    }

    /// The values of a measure in the last model.
    fn measured(&self, measure: Measure) -> Vec<bool> {
        match measure {
            Measure::Members => self.model.clone(),
            Measure::Range => self.r.iter().map(|&l| self.solver.value(l)).collect(),
        }
    }

    /// The last model, as global arguments in the candidate (the fixed
    /// ones left out).
    pub(crate) fn model_arguments(&self) -> Vec<Argument> {
        self.model
            .iter()
            .enumerate()
            .filter(|(_, v)| **v)
            .map(|(a, _)| Argument::new(self.core.args[a]))
            .collect()
    }

    /// The last model, as membership by core index.
    pub(crate) fn model(&self) -> &[bool] {
        &self.model
    }

    /// The last model as an extension of the whole framework.
    pub(crate) fn extension(&self) -> Vec<Argument> {
        let mut out: Vec<Argument> = self.core.fixed_in.clone();
        out.extend(
            self.model
                .iter()
                .enumerate()
                .filter(|(_, v)| **v)
                .map(|(a, _)| Argument::new(self.core.args[a])),
        );
        out.sort_unstable();
        out
    }

    /// Grows the last model until its measure is maximal among candidates
    /// (with no extra assumptions); returns the maximal measure. Must follow
    /// a successful [`Sat::solve`].
    pub(crate) fn maximize(&mut self, measure: Measure) -> Vec<bool> {
        let mut values = self.measured(measure);
        let switch = self.fresh();
        loop {
            let lits = self.measure(measure);
            let mut assumptions: Vec<Lit> = vec![switch];
            assumptions.extend(
                values
                    .iter()
                    .zip(lits)
                    .filter(|(v, _)| **v)
                    .map(|(_, &l)| l),
            );
            let mut grow: Vec<Lit> = vec![!switch];
            grow.extend(
                values
                    .iter()
                    .zip(lits)
                    .filter(|(v, _)| !**v)
                    .map(|(_, &l)| l),
            );
            if grow.len() == 1 {
                break;
            }
            // The clause is guarded by `switch`, which later solves leave off.
            self.clause(grow);
            if !self.solve(&assumptions) {
                break;
            }
            values = self.measured(measure);
        }
        self.clause(vec![!switch]);
        // The kept model is the last one found: its measure is `values`.
        values
    }

    /// As [`Sat::maximize`] for the members, with permanent clauses
    /// instead of assumptions: the members found are fixed by unit clauses
    /// and each round asks for one more. Cheaper when the set grows large
    /// (no assumption per member on every call), but it leaves the solver
    /// of no further use, so only a solver made for one answer calls it.
    pub(crate) fn maximize_once(&mut self) {
        loop {
            let mut grow: Vec<Lit> = Vec::new();
            for (a, &inside) in self.model.iter().enumerate() {
                if inside {
                    self.solver.add_clause(&[self.x[a]]);
                } else {
                    grow.push(self.x[a]);
                }
            }
            if grow.is_empty() {
                return;
            }
            self.clause(grow);
            if !self.solve(&[]) {
                return;
            }
        }
    }

    /// Assumptions fixing the measure to exactly `values`.
    fn exactly(&self, measure: Measure, values: &[bool]) -> Vec<Lit> {
        values
            .iter()
            .zip(self.measure(measure))
            .map(|(&v, &l)| if v { l } else { !l })
            .collect()
    }

    /// A permanent clause: no later candidate has a measure within `values`.
    pub(crate) fn exclude_within(&mut self, measure: Measure, values: &[bool]) {
        let clause: Vec<Lit> = values
            .iter()
            .zip(self.measure(measure))
            .filter(|(v, _)| !**v)
            .map(|(_, &l)| l)
            .collect();
        self.clause(clause);
    }

    /// A candidate whose measure is maximal among all candidates and which
    /// satisfies `constraint`, if there is one (counter-example guided:
    /// each failed try rules out every measure within the maximal one found).
    pub(crate) fn maximal(&mut self, measure: Measure, constraint: Option<Lit>) -> bool {
        let assumptions: Vec<Lit> = constraint.into_iter().collect();
        loop {
            if !self.solve(&assumptions) {
                return false;
            }
            let values = self.maximize(measure);
            let Some(constraint) = constraint else {
                return true;
            };
            let mut exact = self.exactly(measure, &values);
            exact.push(constraint);
            if self.solve(&exact) {
                return true;
            }
            self.exclude_within(measure, &values);
        }
    }

    /// Which core arguments are in some candidate: credulous acceptance of
    /// every core argument at once. Each call asks for a candidate holding
    /// at least one argument not yet covered (the clause is switched off
    /// after the call), so there are at most as many calls as covered
    /// arguments, plus the last, unsatisfiable one.
    pub(crate) fn covered(&mut self) -> Vec<bool> {
        let n = self.core.len();
        let mut covered = vec![false; n];
        loop {
            let mut wanted: Vec<Lit> = (0..n).filter(|&a| !covered[a]).map(|a| self.x[a]).collect();
            if wanted.is_empty() {
                break;
            }
            let switch = self.fresh();
            wanted.push(!switch);
            self.clause(wanted);
            let found = self.solve(&[switch]);
            self.clause(vec![!switch]);
            if !found {
                break;
            }
            for (a, &v) in self.model.iter().enumerate() {
                covered[a] |= v;
            }
        }
        covered
    }

    /// Blocks the last model exactly (for enumerating extensions).
    pub(crate) fn block_model(&mut self) {
        let clause: Vec<Lit> = self
            .model
            .iter()
            .zip(&self.x)
            .map(|(&v, &l)| if v { !l } else { l })
            .collect();
        self.clause(clause);
    }

    pub(crate) fn core(&self) -> &Core {
        &self.core
    }

    /// Starts enumerating maximal candidates (see [`Sat::next_maximal`]).
    pub(crate) fn fresh_switch(&mut self) -> Lit {
        self.fresh()
    }

    /// The next maximal candidate, or `None` when all have been found.
    /// `pending` carries a maximal range still being enumerated between calls.
    pub(crate) fn next_maximal(
        &mut self,
        measure: Measure,
        pending: &mut Option<(Vec<bool>, Lit)>,
    ) -> Option<Vec<Argument>> {
        loop {
            if let Some((values, switch)) = pending.take() {
                // Every candidate with this maximal range is an extension.
                let mut assumptions = self.exactly(measure, &values);
                assumptions.push(switch);
                if self.solve(&assumptions) {
                    let mut block: Vec<Lit> = vec![!switch];
                    block.extend(
                        self.model
                            .iter()
                            .zip(&self.x)
                            .map(|(&v, &l)| if v { !l } else { l }),
                    );
                    self.clause(block);
                    let found = self.extension();
                    *pending = Some((values, switch));
                    return Some(found);
                }
                self.clause(vec![!switch]);
                self.exclude_within(measure, &values);
                continue;
            }
            if !self.solve(&[]) {
                return None;
            }
            let values = self.maximize(measure);
            match measure {
                Measure::Members => {
                    let found = self.extension();
                    self.exclude_within(measure, &values);
                    return Some(found);
                }
                Measure::Range => {
                    let switch = self.fresh_switch();
                    *pending = Some((values, switch));
                }
            }
        }
    }
}
