//! CaDiCaL 1.9.5 through its C interface (`ccadical.h`), on the static
//! library that the `cadical` crate builds and links (its manifest says
//! `links = "ccadical"`): the only `unsafe` code of the crate, compiled
//! with the `cadical` feature only.
//!
//! The `cadical` crate's own wrapper cannot set CaDiCaL's options, and
//! two of them decide the speed of the dynamic track: with variable
//! elimination and eager subsumption off, the bench's sequence takes
//! 10–33 % less CPU time (`Backend::incremental`). This wrapper calls the
//! functions of `ccadical.h` that the solver needs, and no others; every
//! call keeps the rules of CaDiCaL's API, stated in `cadical.hpp` and
//! checked in `solver.cpp` (below, at each `unsafe`).
//!
//! A C++ exception (`std::bad_alloc`, out of memory) unwinds out of these
//! functions, which are not `noexcept`: they are declared `"C-unwind"`,
//! so that this is defined behaviour (Rust aborts on a foreign exception
//! it reaches), where through `"C"` it would be undefined.
//!
//! CaDiCaL reads `CADICAL_<OPTION>` environment variables when an
//! instance is made (`options.cpp`), so the environment can change the
//! default configuration, as it can for the `cadical` crate's wrapper;
//! the options the dynamic track sets override it.

#![allow(unsafe_code)]

use std::ffi::{CStr, c_char, c_int, c_void};
use std::ptr::NonNull;

// Loads the `cadical` crate, so that its native library, which defines
// the functions below, is linked.
use cadical as _;

unsafe extern "C-unwind" {
    fn ccadical_init() -> *mut c_void;
    fn ccadical_release(solver: *mut c_void);
    fn ccadical_set_option(solver: *mut c_void, name: *const c_char, val: c_int);
    fn ccadical_get_option(solver: *mut c_void, name: *const c_char) -> c_int;
    fn ccadical_add(solver: *mut c_void, lit: c_int);
    fn ccadical_assume(solver: *mut c_void, lit: c_int);
    fn ccadical_solve(solver: *mut c_void) -> c_int;
    fn ccadical_val(solver: *mut c_void, lit: c_int) -> c_int;
    fn ccadical_failed(solver: *mut c_void, lit: c_int) -> c_int;
}

/// What the last solve found, as `ccadical_solve` returns it.
const SATISFIABLE: c_int = 10;
const UNSATISFIABLE: c_int = 20;

/// One CaDiCaL instance, owned.
///
/// CaDiCaL aborts the process (it does not return) when a call breaks
/// its rules: a literal 0 or `INT_MIN`, a value asked when the last solve
/// was not satisfiable, a failed assumption asked when it was not
/// unsatisfiable, an option set once the instance has left its
/// configuring state (after the first clause, assumption or solve). The
/// methods check each of these before any call, and panic instead (or,
/// for an option, do not set it), so a caught panic leaves no clause
/// half added.
pub(crate) struct Cadical {
    solver: NonNull<c_void>,
    /// Whether the instance left its configuring state (a clause added,
    /// or a solve): options can be set only before.
    configured: bool,
    /// What the last solve returned; 0 after a change.
    last: c_int,
}

// SAFETY: the instance is owned by this value alone (no handle to it is
// ever shared or kept), and CaDiCaL keeps no thread-local state and sets
// no signal handler in the library (only its stand-alone app does): an
// instance may be used from any one thread at a time. Its one global,
// `ignore_clang_analyze_memory_leak_warning` (`internal.cpp`), is only
// ever written, by every instance alike, whether or not this is `Send`.
// `Cadical` is not `Sync`: `ccadical_val` may extend the model in place,
// and `ccadical_failed` computes the failed assumptions on first use.
unsafe impl Send for Cadical {}

impl Cadical {
    /// A new solver, in CaDiCaL's default configuration.
    pub(crate) fn new() -> Cadical {
        // SAFETY: no arguments; `ccadical_init` returns a fresh instance
        // (C++ `new`, which never returns null: it throws, which unwinds
        // through `"C-unwind"` and aborts, module docs).
        let solver = unsafe { ccadical_init() };
        Cadical {
            solver: NonNull::new(solver).expect("ccadical_init returns an instance"),
            configured: false,
            last: 0,
        }
    }

    /// Sets an option while the instance is configuring (before the
    /// first clause, assumption or solve): `false`, and nothing set, if it
    /// is not; `false` too if the option does not read back as `value`.
    /// CaDiCaL clamps a value out of range (and stores that), and reads
    /// an unknown name as 0, so `value` 0 cannot tell an unknown name:
    /// `Backend`'s unit test checks that each option it sets exists.
    pub(crate) fn set_option(&mut self, name: &CStr, value: i32) -> bool {
        if self.configured {
            return false;
        }
        // SAFETY: the instance is live and in its configuring state (no
        // clause, assumption or solve yet: `configured` is false);
        // `name` is a NUL-terminated string that outlives the call, which
        // only reads it.
        unsafe { ccadical_set_option(self.solver.as_ptr(), name.as_ptr(), value) };
        self.option(name) == value
    }

    /// An option's value (0 for a name CaDiCaL does not know).
    pub(crate) fn option(&self, name: &CStr) -> i32 {
        // SAFETY: the instance is live; `name` is NUL-terminated and only
        // read. Reading an option is allowed in every state.
        unsafe { ccadical_get_option(self.solver.as_ptr(), name.as_ptr()) }
    }

    /// Adds a clause.
    ///
    /// # Panics
    ///
    /// On a literal 0 or `i32::MIN`.
    pub(crate) fn add_clause<I>(&mut self, clause: I)
    where
        I: IntoIterator<Item = i32>,
        I::IntoIter: Clone,
    {
        for lit in self.start(clause) {
            // SAFETY: live instance, valid literal (checked by `start`);
            // between `add` calls the instance is in its adding state,
            // which takes more.
            unsafe { ccadical_add(self.solver.as_ptr(), lit) };
        }
        // SAFETY: 0 ends the clause; the instance is live.
        unsafe { ccadical_add(self.solver.as_ptr(), 0) };
    }

    /// Solves under the assumptions: `true` if satisfiable.
    ///
    /// # Panics
    ///
    /// On a literal 0 or `i32::MIN`.
    pub(crate) fn solve_with<I>(&mut self, assumptions: I) -> bool
    where
        I: IntoIterator<Item = i32>,
        I::IntoIter: Clone,
    {
        for lit in self.start(assumptions) {
            // SAFETY: live instance, valid literal (checked by `start`),
            // and no clause is half added (`add_clause` checks its
            // literals before its first call, and always ends its clause).
            unsafe { ccadical_assume(self.solver.as_ptr(), lit) };
        }
        // SAFETY: live instance, no clause half added. Without a limit or
        // a terminator set, the answer is 10 or 20.
        self.last = unsafe { ccadical_solve(self.solver.as_ptr()) };
        self.last == SATISFIABLE
    }

    /// Before a clause or a solve: checks every literal before any reaches
    /// CaDiCaL (panics on 0 or `i32::MIN`), then records that the
    /// instance has left its configuring state and that the last answer
    /// no longer stands.
    fn start<I>(&mut self, literals: I) -> I::IntoIter
    where
        I: IntoIterator<Item = i32>,
        I::IntoIter: Clone,
    {
        let literals = literals.into_iter();
        for lit in literals.clone() {
            assert!(lit != 0 && lit != i32::MIN, "invalid literal {lit}");
        }
        self.configured = true;
        self.last = 0;
        literals
    }

    /// Whether the variable is true in the last model.
    ///
    /// # Panics
    ///
    /// If the last solve was not satisfiable, or if `var` is not positive
    /// (CaDiCaL versions differ on what `val` returns for a negative
    /// literal; for a variable, all return it when true and its negation
    /// when false).
    pub(crate) fn value(&self, var: i32) -> bool {
        assert_eq!(self.last, SATISFIABLE, "a value needs a model");
        assert!(var > 0, "not a variable: {var}");
        // SAFETY: live instance whose last solve was satisfiable and not
        // followed by a change; valid literal.
        unsafe { ccadical_val(self.solver.as_ptr(), var) == var }
    }

    /// Whether the assumption was used to prove the last solve
    /// unsatisfiable.
    ///
    /// # Panics
    ///
    /// If the last solve was not unsatisfiable, or on a literal 0 or
    /// `i32::MIN`.
    pub(crate) fn failed(&self, lit: i32) -> bool {
        assert_eq!(
            self.last, UNSATISFIABLE,
            "a failed assumption needs a proof"
        );
        assert!(lit != 0 && lit != i32::MIN, "invalid literal {lit}");
        // SAFETY: live instance whose last solve was unsatisfiable and not
        // followed by a change; valid literal.
        unsafe { ccadical_failed(self.solver.as_ptr(), lit) != 0 }
    }
}

impl Drop for Cadical {
    fn drop(&mut self) {
        // SAFETY: the instance is live and released once, here; nothing
        // uses the pointer after.
        unsafe { ccadical_release(self.solver.as_ptr()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_set_and_read_back() {
        let mut solver = Cadical::new();
        for value in [0, 1, 0] {
            assert!(solver.set_option(c"elim", value));
            assert_eq!(solver.option(c"elim"), value);
        }
        // Out of range: clamped, stored, and reported as not taken.
        assert!(!solver.set_option(c"elimreleff", 0));
        assert_eq!(solver.option(c"elimreleff"), 1);
    }

    #[test]
    fn unknown_options_and_late_options_are_refused() {
        let mut solver = Cadical::new();
        assert!(!solver.set_option(c"no-such-option", 1));
        assert!(solver.set_option(c"elim", 0));
        solver.add_clause([1, 2]);
        // CaDiCaL would abort the process: the call is not made.
        assert!(!solver.set_option(c"elim", 1));
        assert_eq!(solver.option(c"elim"), 0);
        let mut solved = Cadical::new();
        assert!(solved.solve_with([]));
        assert!(!solved.set_option(c"elim", 0));
    }

    #[test]
    fn a_bad_literal_reaches_cadical_in_no_part() {
        let mut solver = Cadical::new();
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            solver.add_clause([1, 0]);
        }));
        assert!(caught.is_err());
        // Had 1 been added, (1 ∨ 2) would make this satisfiable.
        solver.add_clause([2]);
        assert!(!solver.solve_with([-2]));
        assert!(solver.solve_with([]));
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            solver.solve_with([-2, i32::MIN]);
        }));
        assert!(caught.is_err());
        // The assumption -2 was not made, and the last model still stands.
        assert!(solver.value(2));
        assert!(solver.solve_with([]));
    }

    #[test]
    fn models_and_failed_assumptions() {
        let mut solver = Cadical::new();
        // (1 ∨ 2), (¬1 ∨ 3), (¬2 ∨ 3): 3 follows.
        solver.add_clause([1, 2]);
        solver.add_clause([-1, 3]);
        solver.add_clause([-2, 3]);
        assert!(solver.solve_with([-1]));
        assert!(!solver.value(1));
        assert!(solver.value(2) && solver.value(3));
        assert!(!solver.solve_with([-3, 4]));
        assert!(solver.failed(-3));
        assert!(!solver.failed(4));
        // Assumptions hold for one solve only.
        assert!(solver.solve_with([]));
        solver.add_clause([-3]);
        assert!(!solver.solve_with([]));
    }

    #[test]
    #[should_panic(expected = "needs a model")]
    fn a_value_without_a_model_panics() {
        let mut solver = Cadical::new();
        solver.add_clause([1]);
        solver.value(1);
    }

    #[test]
    fn the_solver_moves_between_threads() {
        let mut solver = Cadical::new();
        solver.add_clause([1]);
        let solver = std::thread::spawn(move || {
            assert!(solver.solve_with([]));
            solver
        })
        .join()
        .expect("no panic");
        assert!(solver.value(1));
    }
}
