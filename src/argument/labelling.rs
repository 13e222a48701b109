//! Labellings (in, out, undecided) and why an argument gets its label.

use super::framework::{Argument, Framework};
use super::grounded::Acceptance;

/// A labelling of a framework's arguments: each is in, out or undecided.
///
/// A labelling is read off an extension *E*: the members of *E* are in, the
/// arguments *E* attacks are out, the rest undecided. For complete-based
/// semantics this is the complete labelling of *E* (Caminada 2006).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Labelling {
    labels: Vec<Acceptance>,
}

impl Labelling {
    pub(crate) fn from_labels(labels: Vec<Acceptance>) -> Labelling {
        Labelling { labels }
    }

    pub(crate) fn from_extension(framework: &Framework, extension: &[Argument]) -> Labelling {
        let mut labels = vec![Acceptance::Undecided; framework.len()];
        for &a in extension {
            labels[a.index()] = Acceptance::In;
        }
        for &a in extension {
            for t in framework.targets(a) {
                if labels[t.index()] != Acceptance::In {
                    labels[t.index()] = Acceptance::Out;
                }
            }
        }
        Labelling { labels }
    }

    /// The label of an argument (`None` if out of range).
    pub fn label(&self, argument: Argument) -> Option<Acceptance> {
        self.labels.get(argument.index()).copied()
    }

    /// All labels, by argument.
    pub fn labels(&self) -> &[Acceptance] {
        &self.labels
    }

    fn with(&self, label: Acceptance) -> Vec<Argument> {
        self.labels
            .iter()
            .enumerate()
            .filter(|(_, l)| **l == label)
            .map(|(i, _)| Argument::new(i as u32))
            .collect()
    }

    /// The arguments labelled in: the extension.
    pub fn in_arguments(&self) -> Vec<Argument> {
        self.with(Acceptance::In)
    }

    /// The arguments labelled out.
    pub fn out_arguments(&self) -> Vec<Argument> {
        self.with(Acceptance::Out)
    }

    /// The arguments labelled undecided.
    pub fn undecided_arguments(&self) -> Vec<Argument> {
        self.with(Acceptance::Undecided)
    }

    /// Why `argument` has its label in this labelling (see [`Why`]).
    ///
    /// # Complexity
    /// O(attackers of the argument × their attackers).
    pub fn why(&self, framework: &Framework, argument: Argument) -> Option<Why> {
        let label = self.label(argument)?;
        let of = |a: Argument| self.label(a).unwrap_or(Acceptance::Undecided);
        Some(match label {
            Acceptance::In => Why::In {
                defences: framework
                    .attackers(argument)
                    .map(|b| (b, framework.attackers(b).find(|&d| of(d) == Acceptance::In)))
                    .collect(),
            },
            Acceptance::Out => Why::Out {
                attackers: framework
                    .attackers(argument)
                    .filter(|&b| of(b) == Acceptance::In)
                    .collect(),
            },
            Acceptance::Undecided => Why::Undecided {
                attackers: framework
                    .attackers(argument)
                    .filter(|&b| of(b) == Acceptance::Undecided)
                    .collect(),
            },
        })
    }
}

/// Why an argument has its label: the attackers and defenders that settle it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Why {
    /// In: every attacker is out. Each attacker is listed with an argument
    /// labelled in that attacks it (its defeater), if there is one; in a
    /// complete labelling there always is.
    In {
        /// (attacker, the in argument that defeats it).
        defences: Vec<(Argument, Option<Argument>)>,
    },
    /// Out: attacked by these arguments labelled in.
    Out {
        /// The in attackers.
        attackers: Vec<Argument>,
    },
    /// Undecided: no attacker is in, and these attackers are undecided too.
    Undecided {
        /// The undecided attackers.
        attackers: Vec<Argument>,
    },
}
