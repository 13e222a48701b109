//! Extension-based semantics: one extension, all of them, credulous and
//! sceptical acceptance, labellings.

use std::fmt;
use std::str::FromStr;

use super::backend::Lit;
use super::framework::{Argument, Framework};
use super::grounded::Acceptance;
use super::ideal::ideal_extension;
use super::labelling::Labelling;
use super::sat::{Base, Core, Measure, Sat};
use super::scc::Recursion;
use crate::error::{Error, Result};

/// An extension-based semantics (Dung 1995; Caminada 2006; Verheij 1996).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Semantics {
    /// The least complete extension: what every complete extension accepts.
    Grounded,
    /// Admissible sets that contain every argument they defend.
    Complete,
    /// Maximal admissible (equivalently, maximal complete) sets.
    Preferred,
    /// Conflict-free sets that attack every argument outside them.
    Stable,
    /// Complete extensions whose range (the set and what it attacks) is maximal.
    SemiStable,
    /// Conflict-free sets whose range is maximal.
    Stage,
    /// The largest admissible set contained in every preferred extension
    /// (Dung, Mancarella and Toni 2007): one extension, between the
    /// grounded extension and the preferred ones' intersection.
    Ideal,
}

impl Semantics {
    /// All of them.
    pub const ALL: [Semantics; 7] = [
        Semantics::Grounded,
        Semantics::Complete,
        Semantics::Preferred,
        Semantics::Stable,
        Semantics::SemiStable,
        Semantics::Stage,
        Semantics::Ideal,
    ];

    /// The name documents and serialization use: `grounded`, `complete`,
    /// `preferred`, `stable`, `semi_stable`, `stage`, `ideal`.
    pub fn as_str(self) -> &'static str {
        match self {
            Semantics::Grounded => "grounded",
            Semantics::Complete => "complete",
            Semantics::Preferred => "preferred",
            Semantics::Stable => "stable",
            Semantics::SemiStable => "semi_stable",
            Semantics::Stage => "stage",
            Semantics::Ideal => "ideal",
        }
    }

    /// The name in words: `grounded`, `complete`, `preferred`, `stable`,
    /// `semi-stable`, `stage`, `ideal`.
    pub fn name(self) -> &'static str {
        match self {
            Semantics::Grounded => "grounded",
            Semantics::Complete => "complete",
            Semantics::Preferred => "preferred",
            Semantics::Stable => "stable",
            Semantics::SemiStable => "semi-stable",
            Semantics::Stage => "stage",
            Semantics::Ideal => "ideal",
        }
    }

    /// The ICCMA abbreviation: `GR`, `CO`, `PR`, `ST`, `SST`, `STG`, `ID`.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Semantics::Grounded => "GR",
            Semantics::Complete => "CO",
            Semantics::Preferred => "PR",
            Semantics::Stable => "ST",
            Semantics::SemiStable => "SST",
            Semantics::Stage => "STG",
            Semantics::Ideal => "ID",
        }
    }

    fn complete_based(self) -> bool {
        !matches!(self, Semantics::Stage)
    }
}

impl fmt::Display for Semantics {
    /// As [`Semantics::as_str`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl serde::Serialize for Semantics {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl FromStr for Semantics {
    type Err = Error;

    /// Parses a name (`preferred`, `semi_stable`, `semi-stable`) or an ICCMA
    /// abbreviation (`PR`), in any case.
    fn from_str(text: &str) -> Result<Semantics> {
        let plain = |s: &str| s.to_ascii_lowercase().replace(['-', '_'], "");
        let wanted = plain(text);
        Semantics::ALL
            .into_iter()
            .find(|s| plain(s.as_str()) == wanted || plain(s.abbreviation()) == wanted)
            .ok_or_else(|| Error::UnknownName {
                what: "semantics",
                value: text.to_owned(),
                expected: &[
                    "grounded",
                    "complete",
                    "preferred",
                    "stable",
                    "semi_stable",
                    "stage",
                    "ideal",
                ],
            })
    }
}

/// The answer to an acceptance question, with the extension that proves it
/// where there is one: for a credulous yes, an extension containing the
/// argument; for a sceptical no, an extension without it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Decision {
    accepted: bool,
    certificate: Option<Vec<Argument>>,
}

impl Decision {
    /// Whether the argument is accepted.
    pub fn is_accepted(&self) -> bool {
        self.accepted
    }

    /// The extension that proves the answer: for a credulous yes, one
    /// containing the argument; for a sceptical no, one without it.
    pub fn certificate(&self) -> Option<&[Argument]> {
        self.certificate.as_deref()
    }

    pub(crate) fn yes(certificate: Option<Vec<Argument>>) -> Decision {
        Decision {
            accepted: true,
            certificate,
        }
    }

    pub(crate) fn no(certificate: Option<Vec<Argument>>) -> Decision {
        Decision {
            accepted: false,
            certificate,
        }
    }
}

/// A solver for one semantics on one framework, with the grounded labelling
/// already computed.
struct Solver<'f> {
    framework: &'f Framework,
    semantics: Semantics,
    grounded: Vec<Acceptance>,
}

impl<'f> Solver<'f> {
    fn new(framework: &'f Framework, semantics: Semantics) -> Solver<'f> {
        let grounded = framework.grounded().labels().to_vec();
        Solver {
            framework,
            semantics,
            grounded,
        }
    }

    fn recursion(&self) -> Recursion<'f> {
        Recursion::new(self.framework, &self.grounded)
    }

    fn ideal_extension(&self) -> Vec<Argument> {
        ideal_extension(self.framework, &self.grounded)
    }

    fn grounded_extension(&self) -> Vec<Argument> {
        (0..self.grounded.len())
            .filter(|&a| self.grounded[a] == Acceptance::In)
            .map(|a| Argument::new(a as u32))
            .collect()
    }

    fn sat(&self) -> Sat {
        match self.semantics {
            Semantics::Stage => Sat::new(Core::whole(self.framework), Base::ConflictFree, true),
            Semantics::Stable => Sat::new(
                Core::undecided(self.framework, &self.grounded),
                Base::Stable,
                false,
            ),
            Semantics::SemiStable => Sat::new(
                Core::undecided(self.framework, &self.grounded),
                Base::Complete,
                true,
            ),
            Semantics::Preferred | Semantics::Ideal => Sat::new(
                Core::undecided(self.framework, &self.grounded),
                Base::Admissible,
                false,
            ),
            Semantics::Grounded | Semantics::Complete => Sat::new(
                Core::undecided(self.framework, &self.grounded),
                Base::Complete,
                false,
            ),
        }
    }

    fn measure(&self) -> Measure {
        match self.semantics {
            Semantics::SemiStable | Semantics::Stage => Measure::Range,
            _ => Measure::Members,
        }
    }

    /// One extension.
    fn one(&self) -> Option<Vec<Argument>> {
        match self.semantics {
            Semantics::Grounded | Semantics::Complete => Some(self.grounded_extension()),
            Semantics::Ideal => Some(self.ideal_extension()),
            Semantics::Stable => {
                let mut sat = self.sat();
                sat.solve(&[]).then(|| sat.extension())
            }
            // One small maximisation per strongly connected component.
            Semantics::Preferred => Some(self.recursion().preferred(None)),
            Semantics::SemiStable | Semantics::Stage => {
                let mut sat = self.sat();
                sat.maximal(self.measure(), None).then(|| sat.extension())
            }
        }
    }

    /// An extension that contains the argument (`wanted`) or avoids it.
    fn one_with(&self, argument: Argument, wanted: bool) -> Option<Vec<Argument>> {
        let mut sat = self.sat();
        let literal = |sat: &Sat| -> Option<Lit> {
            sat.core().local(argument).map(|l| {
                let x = sat.x(l);
                if wanted { x } else { !x }
            })
        };
        let constraint = literal(&sat);
        if constraint.is_none() && self.semantics.complete_based() {
            // Fixed by the grounded labelling: in every candidate or in none.
            let inside = self.grounded[argument.index()] == Acceptance::In;
            if inside != wanted {
                return None;
            }
            return self.one();
        }
        match self.semantics {
            // Grounded questions are answered without a solver; complete and
            // stable need one candidate with the constraint.
            Semantics::Grounded | Semantics::Complete | Semantics::Stable => {
                let assumptions: Vec<Lit> = constraint.into_iter().collect();
                sat.solve(&assumptions).then(|| sat.extension())
            }
            // Credulous preferred: any admissible set holding the argument
            // grows, component by component, to a preferred extension that
            // still holds it.
            Semantics::Preferred if wanted => {
                let assumptions: Vec<Lit> = constraint.into_iter().collect();
                sat.solve(&assumptions).then(|| {
                    let mut seed = vec![false; self.framework.len()];
                    for a in sat.extension() {
                        seed[a.index()] = true;
                    }
                    self.recursion().preferred(Some(&seed))
                })
            }
            Semantics::Preferred | Semantics::SemiStable | Semantics::Stage => sat
                .maximal(self.measure(), constraint)
                .then(|| sat.extension()),
            // One extension: it holds the argument or it does not.
            Semantics::Ideal => {
                let extension = self.ideal_extension();
                (extension.binary_search(&argument).is_ok() == wanted).then_some(extension)
            }
        }
    }

    fn credulous(&self, argument: Argument) -> Decision {
        match self.semantics {
            Semantics::Grounded => return self.grounded_decision(argument),
            Semantics::Ideal => return self.single_decision(self.ideal_extension(), argument),
            _ => {}
        }
        match self.one_with(argument, true) {
            Some(extension) => Decision::yes(Some(extension)),
            None => Decision::no(None),
        }
    }

    fn sceptical(&self, argument: Argument) -> Decision {
        match self.semantics {
            Semantics::Grounded | Semantics::Complete => return self.grounded_decision(argument),
            Semantics::Ideal => return self.single_decision(self.ideal_extension(), argument),
            // On the components that reach the argument (see `scc.rs`).
            Semantics::Preferred if self.grounded[argument.index()] == Acceptance::Undecided => {
                return match self.recursion().without(argument) {
                    Some(extension) => Decision::no(Some(extension)),
                    None => Decision::yes(None),
                };
            }
            _ => {}
        }
        match self.one_with(argument, false) {
            Some(extension) => Decision::no(Some(extension)),
            None => Decision::yes(None),
        }
    }

    /// Membership in the grounded extension: a yes needs no certificate
    /// beyond it, a no is proved by it.
    fn grounded_decision(&self, argument: Argument) -> Decision {
        self.single_decision(self.grounded_extension(), argument)
    }

    /// Membership in the one extension of a single-status semantics
    /// (grounded, ideal), which proves either answer.
    fn single_decision(&self, extension: Vec<Argument>, argument: Argument) -> Decision {
        if extension.binary_search(&argument).is_ok() {
            Decision::yes(Some(extension))
        } else {
            Decision::no(Some(extension))
        }
    }
}

impl Framework {
    /// Credulous and sceptical acceptance of every argument, as
    /// (credulous, sceptical) by argument: the answers of
    /// [`Framework::credulous`] and [`Framework::sceptical`], without the
    /// certificates, at a fraction of the cost.
    ///
    /// # Complexity
    /// The grounded labelling is computed once and settles every argument
    /// it labels in or out under the complete-based semantics; only the
    /// undecided ones (all of them, for stage) cost SAT calls.
    pub fn acceptance_of_all(&self, semantics: Semantics) -> Vec<(bool, bool)> {
        let solver = Solver::new(self, semantics);
        if semantics == Semantics::Ideal {
            let mut inside = vec![false; self.len()];
            for a in solver.ideal_extension() {
                inside[a.index()] = true;
            }
            return inside.into_iter().map(|i| (i, i)).collect();
        }
        let exists = match semantics {
            Semantics::Stable => solver.one().is_some(),
            _ => true,
        };
        self.arguments()
            .map(|argument| {
                let label = solver.grounded[argument.index()];
                match (semantics, label) {
                    (Semantics::Grounded, _) => (label == Acceptance::In, label == Acceptance::In),
                    (Semantics::Stage, _) | (_, Acceptance::Undecided) => (
                        solver.credulous(argument).is_accepted(),
                        solver.sceptical(argument).is_accepted(),
                    ),
                    (_, Acceptance::In) => (exists, true),
                    (_, Acceptance::Out) => (false, !exists),
                }
            })
            .collect()
    }
}

/// All extensions of one semantics, found one at a time (see
/// [`Framework::extensions`]).
pub struct Extensions {
    state: State,
}

enum State {
    Once(Option<Vec<Argument>>),
    Enumerate {
        sat: Box<Sat>,
    },
    Maximal {
        sat: Box<Sat>,
        measure: Measure,
        pending: Option<(Vec<bool>, Lit)>,
    },
}

impl Iterator for Extensions {
    type Item = Vec<Argument>;

    fn next(&mut self) -> Option<Vec<Argument>> {
        match &mut self.state {
            State::Once(one) => one.take(),
            State::Enumerate { sat } => {
                if !sat.solve(&[]) {
                    return None;
                }
                let found = sat.extension();
                sat.block_model();
                Some(found)
            }
            State::Maximal {
                sat,
                measure,
                pending,
            } => sat.next_maximal(*measure, pending),
        }
    }
}

impl Framework {
    /// One extension of the semantics, or `None` if there is none (only
    /// stable semantics can have none). For the complete semantics it is the
    /// grounded extension.
    ///
    /// # Complexity
    /// Grounded and complete: O(n + attacks). Stable: one SAT call;
    /// preferred, semi-stable, stage: a sequence of SAT calls, each growing
    /// the extension, on the arguments the grounded labelling leaves
    /// undecided (stage: on all); for preferred, one strongly connected
    /// component of those at a time, in topological order, each with a
    /// solver of its own (SCC-recursiveness, Baroni, Giacomin and Guida
    /// 2005), after a linear pass that settles what the component's own
    /// grounded labelling settles. Ideal: one SAT call per batch of newly
    /// found credulously accepted arguments among the undecided ones, then
    /// linear time (see the `ideal` module's characterization, after Dunne
    /// 2009).
    ///
    /// ```
    /// use historiograph::{Argument, Framework, Semantics};
    ///
    /// // a ⇄ b, b → c: two preferred extensions, {a, c} and {b}.
    /// let mut af = Framework::with_arguments(3);
    /// let [a, b, c] = [0, 1, 2].map(Argument::new);
    /// af.add_attack(a, b)?;
    /// af.add_attack(b, a)?;
    /// af.add_attack(b, c)?;
    /// assert_eq!(af.extension(Semantics::Grounded), Some(vec![]));
    /// let mut preferred: Vec<_> = af.extensions(Semantics::Preferred).collect();
    /// preferred.sort();
    /// assert_eq!(preferred, [vec![a, c], vec![b]]);
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn extension(&self, semantics: Semantics) -> Option<Vec<Argument>> {
        Solver::new(self, semantics).one()
    }

    /// Every extension of the semantics, each once, found lazily: the solver
    /// blocks each extension (or, for maximal semantics, every set within
    /// it) before looking for the next. Each extension is sorted.
    pub fn extensions(&self, semantics: Semantics) -> Extensions {
        let solver = Solver::new(self, semantics);
        let state = match semantics {
            Semantics::Grounded => State::Once(Some(solver.grounded_extension())),
            Semantics::Ideal => State::Once(Some(solver.ideal_extension())),
            Semantics::Complete | Semantics::Stable => State::Enumerate {
                sat: Box::new(solver.sat()),
            },
            Semantics::Preferred | Semantics::SemiStable | Semantics::Stage => State::Maximal {
                sat: Box::new(solver.sat()),
                measure: solver.measure(),
                pending: None,
            },
        };
        Extensions { state }
    }

    /// Whether `argument` is in some extension of the semantics, with an
    /// extension containing it as certificate.
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] for an argument not in the framework.
    ///
    /// # Complexity
    /// Grounded: linear. Complete, preferred, stable: one SAT call (plus
    /// growing the certificate to a preferred extension). Semi-stable and
    /// stage: counter-example guided SAT calls (the problem is Σ₂ᴾ-complete).
    /// Ideal: the ideal extension, as in [`Framework::extension`], which
    /// is the certificate of either answer.
    pub fn credulous(&self, semantics: Semantics, argument: Argument) -> Result<Decision> {
        self.check(argument)?;
        Ok(Solver::new(self, semantics).credulous(argument))
    }

    /// Whether `argument` is in every extension of the semantics, with an
    /// extension without it as certificate when it is not. With no
    /// extension at all (stable semantics), every argument is sceptically
    /// accepted.
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] for an argument not in the framework.
    ///
    /// # Complexity
    /// Grounded and complete: linear. Stable: one SAT call. Preferred,
    /// semi-stable, stage: counter-example guided SAT calls (Π₂ᴾ-complete);
    /// for preferred, on the undecided arguments that can reach `argument`
    /// only (directionality), each candidate grown into a preferred
    /// extension one strongly connected component at a time.
    /// Ideal: as [`Framework::credulous`]; the two answers are the same.
    pub fn sceptical(&self, semantics: Semantics, argument: Argument) -> Result<Decision> {
        self.check(argument)?;
        Ok(Solver::new(self, semantics).sceptical(argument))
    }

    /// The labelling of one extension (see [`Framework::extension`]).
    pub fn labelling(&self, semantics: Semantics) -> Option<Labelling> {
        if semantics == Semantics::Grounded {
            return Some(self.grounded());
        }
        self.extension(semantics)
            .map(|e| Labelling::from_extension(self, &e))
    }

    /// The labellings of every extension.
    pub fn labellings(&self, semantics: Semantics) -> impl Iterator<Item = Labelling> + '_ {
        self.extensions(semantics)
            .map(move |e| Labelling::from_extension(self, &e))
    }
}
