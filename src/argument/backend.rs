//! The SAT solver behind the extension-based semantics: CaDiCaL 1.9.5
//! (C++, MIT; built by the `cadical` crate, called through its C interface
//! in `ccadical`) with the `cadical` feature, on by default; batsat (pure
//! Rust, MIT) without it. Both take DIMACS-style literals.

use std::ops::Not;

/// A literal: variable `v` (from 1) as `v`, its negation as `-v`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Lit(i32);

impl Not for Lit {
    type Output = Lit;
    fn not(self) -> Lit {
        Lit(-self.0)
    }
}

/// An incremental SAT solver with assumptions.
pub(crate) struct Backend {
    #[cfg(not(feature = "cadical"))]
    solver: batsat::Solver<Quiet>,
    #[cfg(not(feature = "cadical"))]
    vars: Vec<batsat::Var>,
    #[cfg(feature = "cadical")]
    solver: super::ccadical::Cadical,
    #[cfg(feature = "cadical")]
    vars: i32,
}

/// batsat without callbacks: its `BasicSolver` keeps a stop callback,
/// `Box<dyn Fn() -> bool>`, which would make the solver, and every
/// `DynamicFramework`, impossible to send to another thread.
#[cfg(not(feature = "cadical"))]
#[derive(Default)]
struct Quiet;

#[cfg(not(feature = "cadical"))]
impl batsat::Callbacks for Quiet {}

#[cfg(not(feature = "cadical"))]
impl Backend {
    pub(crate) fn new() -> Backend {
        Backend {
            solver: batsat::Solver::default(),
            vars: Vec::new(),
        }
    }

    /// A solver for many small solves on one growing clause set (batsat
    /// has one configuration).
    pub(crate) fn incremental() -> Backend {
        Backend::new()
    }

    pub(crate) fn fresh(&mut self) -> Lit {
        use batsat::SolverInterface;
        self.vars.push(self.solver.new_var_default());
        Lit(self.vars.len() as i32)
    }

    fn lit(&self, l: Lit) -> batsat::Lit {
        batsat::Lit::new(self.vars[(l.0.unsigned_abs() - 1) as usize], l.0 > 0)
    }

    /// Adds a clause; `false` if the clauses are now unsatisfiable.
    pub(crate) fn add_clause(&mut self, clause: &[Lit]) -> bool {
        use batsat::SolverInterface;
        let mut clause: Vec<batsat::Lit> = clause.iter().map(|&l| self.lit(l)).collect();
        self.solver.add_clause_reuse(&mut clause)
    }

    /// Solves under assumptions.
    pub(crate) fn solve(&mut self, assumptions: &[Lit]) -> bool {
        use batsat::SolverInterface;
        let assumptions: Vec<batsat::Lit> = assumptions.iter().map(|&l| self.lit(l)).collect();
        self.solver.solve_limited(&assumptions) == batsat::lbool::TRUE
    }

    /// The value of a literal in the last model.
    pub(crate) fn value(&self, l: Lit) -> bool {
        use batsat::SolverInterface;
        self.solver.value_lit(self.lit(l)) == batsat::lbool::TRUE
    }

    /// Whether the assumption was used to prove the last solve
    /// unsatisfiable.
    pub(crate) fn failed(&self, l: Lit) -> bool {
        use batsat::SolverInterface;
        self.solver
            .unsat_core_contains_var(self.vars[(l.0.unsigned_abs() - 1) as usize])
    }
}

/// CaDiCaL's options for the dynamic track (`Backend::incremental`): its
/// `sat` configuration, option by option (CaDiCaL's `config.cpp`), then
/// bounded variable elimination and eager subsumption off.
#[cfg(feature = "cadical")]
const INCREMENTAL: [(&std::ffi::CStr, i32); 5] = [
    (c"elimreleff", 10),
    (c"stabilizeonly", 1),
    (c"subsumereleff", 60),
    (c"elim", 0),
    (c"eagersubsume", 0),
];

#[cfg(feature = "cadical")]
impl Backend {
    pub(crate) fn new() -> Backend {
        Backend {
            solver: super::ccadical::Cadical::new(),
            vars: 0,
        }
    }

    /// A solver for many small solves on one growing clause set, where
    /// each change writes clauses again on the same variables: CaDiCaL's
    /// `sat` configuration (its stable mode only: target phases, few
    /// restarts; CaDiCaL's `config.cpp`), without bounded variable
    /// elimination, which the next clauses on an eliminated variable undo
    /// (CaDiCaL restores the clauses it removed), and without eager
    /// subsumption of learned clauses. On the dynamic track's bench
    /// sequence (`benches/semantics.rs`, 1,000 changes on 10⁴ arguments),
    /// against `sat` with both on: 19–25 % less CPU time on stable semantics,
    /// 10–13 % on preferred; against `plain` (no inprocessing at all,
    /// the configuration complete semantics had), 25–33 % less on
    /// complete. The configuration changes how fast a solve goes, never
    /// its answer.
    pub(crate) fn incremental() -> Backend {
        let mut solver = super::ccadical::Cadical::new();
        for (name, value) in INCREMENTAL {
            // Every one takes with the CaDiCaL the pinned `cadical` crate
            // builds (a unit test checks it); one refused would only cost
            // speed.
            let taken = solver.set_option(name, value);
            debug_assert!(taken, "CaDiCaL refused {name:?}");
        }
        Backend { solver, vars: 0 }
    }

    pub(crate) fn fresh(&mut self) -> Lit {
        self.vars += 1;
        Lit(self.vars)
    }

    /// Adds a clause; `false` if the clauses are now unsatisfiable
    /// (CaDiCaL finds that out at the next solve only: always `true`).
    pub(crate) fn add_clause(&mut self, clause: &[Lit]) -> bool {
        self.solver.add_clause(clause.iter().map(|l| l.0));
        true
    }

    /// Solves under assumptions.
    pub(crate) fn solve(&mut self, assumptions: &[Lit]) -> bool {
        self.solver.solve_with(assumptions.iter().map(|l| l.0))
    }

    /// The value of a variable (a positive literal) in the last model.
    pub(crate) fn value(&self, l: Lit) -> bool {
        self.solver.value(l.0)
    }

    /// Whether the assumption was used to prove the last solve
    /// unsatisfiable.
    pub(crate) fn failed(&self, l: Lit) -> bool {
        self.solver.failed(l.0)
    }
}

#[cfg(all(test, feature = "cadical"))]
mod tests {
    use super::*;

    /// Every option of the dynamic track exists and takes, so that a new
    /// CaDiCaL that renamed one fails here rather than runs slower
    /// unnoticed. CaDiCaL reads an unknown name as 0, so each must read
    /// otherwise on a fresh instance (unless the environment sets it,
    /// `CADICAL_<OPTION>`).
    #[test]
    fn the_incremental_options_all_take() {
        let fresh = super::super::ccadical::Cadical::new();
        let backend = Backend::incremental();
        for (name, value) in INCREMENTAL {
            let variable = format!("CADICAL_{}", name.to_str().expect("ASCII").to_uppercase());
            if std::env::var_os(variable).is_none() {
                assert_ne!(fresh.option(name), value, "{name:?} exists");
            }
            assert_eq!(backend.solver.option(name), value, "{name:?} takes");
        }
    }
}
