//! The SAT solver behind the extension-based semantics: CaDiCaL (C++, MIT,
//! through the `cadical` crate) with the `cadical` feature, on by default;
//! batsat (pure Rust, MIT) without it. Both take DIMACS-style literals.

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
    solver: batsat::BasicSolver,
    #[cfg(not(feature = "cadical"))]
    vars: Vec<batsat::Var>,
    #[cfg(feature = "cadical")]
    solver: cadical::Solver,
    #[cfg(feature = "cadical")]
    vars: i32,
}

#[cfg(not(feature = "cadical"))]
impl Backend {
    pub(crate) fn new() -> Backend {
        Backend {
            solver: batsat::BasicSolver::default(),
            vars: Vec::new(),
        }
    }

    /// A solver for many small solves on one growing clause set (batsat
    /// has one configuration).
    pub(crate) fn incremental(_stable_mode: bool) -> Backend {
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

#[cfg(feature = "cadical")]
impl Backend {
    pub(crate) fn new() -> Backend {
        Backend {
            solver: cadical::Solver::new(),
            vars: 0,
        }
    }

    /// A solver for many small solves on one growing clause set:
    /// CaDiCaL's `plain` configuration, without inprocessing (variable
    /// elimination and the like), which the next clauses on the same
    /// variables would undo (about 20 % faster on complete semantics on
    /// the dynamic track than the default); or, with `stable_mode`, its
    /// `sat` configuration, which keeps the search in its stable mode
    /// (target phases, few restarts), inprocessing included (on the
    /// dynamic track, 10-15 % faster than `plain` on preferred and stable
    /// semantics, 5-7 % slower on complete semantics).
    pub(crate) fn incremental(stable_mode: bool) -> Backend {
        let config = if stable_mode { "sat" } else { "plain" };
        Backend {
            solver: cadical::Solver::with_config(config).unwrap_or_default(),
            vars: 0,
        }
    }

    pub(crate) fn fresh(&mut self) -> Lit {
        self.vars += 1;
        Lit(self.vars)
    }

    /// Adds a clause; `false` if the clauses are now unsatisfiable.
    pub(crate) fn add_clause(&mut self, clause: &[Lit]) -> bool {
        self.solver.add_clause(clause.iter().map(|l| l.0));
        self.solver.status() != Some(false)
    }

    /// Solves under assumptions.
    pub(crate) fn solve(&mut self, assumptions: &[Lit]) -> bool {
        self.solver.solve_with(assumptions.iter().map(|l| l.0)) == Some(true)
    }

    /// The value of a literal in the last model.
    pub(crate) fn value(&self, l: Lit) -> bool {
        self.solver.value(l.0) == Some(true)
    }

    /// Whether the assumption was used to prove the last solve
    /// unsatisfiable.
    pub(crate) fn failed(&self, l: Lit) -> bool {
        self.solver.failed(l.0)
    }
}
