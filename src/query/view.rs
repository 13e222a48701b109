//! What a query looks at: the options that filter the debate, and the test
//! of whether a position, claim or piece of evidence is in view.

use std::collections::BTreeSet;

use crate::argument::{Gradual, Semantics};
use crate::error::{Error, Result};
use crate::graph::Corpus;
use crate::model::{ClaimId, EvidenceId, Position, ScholarId};

/// How [`Corpus::compare`] weighs a claim by its standing in the debate:
/// the factor *a(c)* in \[0, 1\] of the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Weighing {
    /// The grounded labelling (the default): 1 for in, ½ for undecided, 0
    /// for out. Linear time; the most sceptical reading of the debate.
    #[default]
    Grounded,
    /// An extension-based semantics: 1 for a claim in every extension
    /// (sceptically accepted), ½ for one in some but not all (credulously
    /// accepted), 0 for one in none. Under stable semantics a debate with
    /// no stable extension accepts nothing.
    Extensions(Semantics),
    /// A gradual semantics: the claim's strength, from base weights given
    /// by [`Corpus::base_weight`](crate::Corpus::base_weight) and the
    /// strengths of its attackers and supporters in view.
    Gradual(Gradual),
}

impl std::fmt::Display for Weighing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Weighing::Grounded => f.write_str("grounded semantics"),
            Weighing::Extensions(s) => write!(f, "{s:?} semantics"),
            Weighing::Gradual(g) => write!(f, "{g:?} strengths"),
        }
    }
}

/// Options for [`Corpus::compare`] and the queries built on it.
///
/// The default compares claims about the event itself, keeps variants apart
/// from their families, looks at the whole debate (every year, every
/// scholar), and calls an explanation supported or rejected at a score of
/// ±0.5.
///
/// ```
/// use historiograph::CompareOptions;
///
/// let before_luthi = CompareOptions::new()
///     .with_enclosing(true)
///     .with_roll_up(true)
///     .with_as_of(Some(2007));
/// assert_eq!(before_luthi.as_of(), Some(2007));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CompareOptions {
    enclosing: bool,
    enclosed: bool,
    roll_up: bool,
    as_of: Option<i32>,
    scholars: Option<BTreeSet<ScholarId>>,
    threshold: f64,
    weighing: Weighing,
    /// Entities treated as absent (for sensitivity analysis).
    pub(crate) without: Without,
}

/// Entities a query treats as absent, as if removed from the corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Without {
    pub(crate) claims: BTreeSet<crate::model::ClaimId>,
    pub(crate) evidence: BTreeSet<EvidenceId>,
    pub(crate) scholars: BTreeSet<ScholarId>,
}

impl Default for CompareOptions {
    fn default() -> CompareOptions {
        CompareOptions {
            enclosing: false,
            enclosed: false,
            roll_up: false,
            as_of: None,
            scholars: None,
            threshold: 0.5,
            weighing: Weighing::Grounded,
            without: Without::default(),
        }
    }
}

impl CompareOptions {
    /// The default options.
    pub fn new() -> CompareOptions {
        CompareOptions::default()
    }

    /// Whether claims about the events that enclose the event count too (a
    /// claim about the whole split speaks to the 1958 crisis within it).
    /// Default `false`.
    #[must_use]
    pub fn with_enclosing(mut self, yes: bool) -> CompareOptions {
        self.enclosing = yes;
        self
    }

    /// Whether claims about the events within the event, at any depth, count
    /// too. Default `false`.
    #[must_use]
    pub fn with_enclosed(mut self, yes: bool) -> CompareOptions {
        self.enclosed = yes;
        self
    }

    /// Whether claims invoking a variant count for its family, so that the
    /// comparison is between families only. Default `false`.
    #[must_use]
    pub fn with_roll_up(mut self, yes: bool) -> CompareOptions {
        self.roll_up = yes;
        self
    }

    /// The debate as it stood at the end of `year`: only positions taken (and
    /// evidence published) up to then count, and claims no dated position or
    /// claim year places in time are left out. `None`, the default, looks at
    /// everything.
    #[must_use]
    pub fn with_as_of(mut self, year: Option<i32>) -> CompareOptions {
        self.as_of = year;
        self
    }

    /// Only these scholars' positions count, and claims none of them takes a
    /// position on are left out. The default counts everyone, and claims
    /// without positions too.
    #[must_use]
    pub fn with_scholars(
        mut self,
        scholars: impl IntoIterator<Item = ScholarId>,
    ) -> CompareOptions {
        self.scholars = Some(scholars.into_iter().collect());
        self
    }

    /// Counts every scholar again (undoes [`with_scholars`](CompareOptions::with_scholars)).
    #[must_use]
    pub fn with_all_scholars(mut self) -> CompareOptions {
        self.scholars = None;
        self
    }

    /// The score from which an explanation counts as supported (and below
    /// whose negative it counts as rejected); between 0 and 1, default 0.5.
    #[must_use]
    pub fn with_threshold(mut self, threshold: f64) -> CompareOptions {
        self.threshold = threshold;
        self
    }

    /// How claims are weighed by their standing in the debate; default
    /// [`Weighing::Grounded`].
    #[must_use]
    pub fn with_weighing(mut self, weighing: Weighing) -> CompareOptions {
        self.weighing = weighing;
        self
    }

    /// How claims are weighed by their standing in the debate.
    pub fn weighing(&self) -> Weighing {
        self.weighing
    }

    /// Whether claims about enclosing events count.
    pub fn enclosing(&self) -> bool {
        self.enclosing
    }

    /// Whether claims about enclosed events count.
    pub fn enclosed(&self) -> bool {
        self.enclosed
    }

    /// Whether variants roll up into their families.
    pub fn roll_up(&self) -> bool {
        self.roll_up
    }

    /// The year the debate is looked at, if any.
    pub fn as_of(&self) -> Option<i32> {
        self.as_of
    }

    /// The scholars whose positions count, if restricted.
    pub fn scholars(&self) -> Option<impl Iterator<Item = ScholarId> + '_> {
        self.scholars.as_ref().map(|s| s.iter().copied())
    }

    /// The verdict threshold.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    pub(crate) fn check(&self, corpus: &Corpus) -> Result<()> {
        if !(self.threshold > 0.0 && self.threshold <= 1.0) {
            return Err(Error::InvalidOption {
                option: "threshold",
                reason: format!("{} is not in (0, 1]", self.threshold),
            });
        }
        if let Some(scholars) = &self.scholars {
            for &scholar in scholars {
                corpus.live(scholar)?;
            }
        }
        Ok(())
    }

    /// Whether a scholar's position is in view.
    pub(crate) fn sees_position(&self, corpus: &Corpus, scholar: ScholarId, p: &Position) -> bool {
        if self.without.scholars.contains(&scholar) {
            return false;
        }
        if let Some(scholars) = &self.scholars {
            if !scholars.contains(&scholar) {
                return false;
            }
        }
        self.sees_year(corpus.position_year(p))
    }

    /// Whether every claim, position and piece of evidence is in view: no
    /// year, no scholars, nothing left out. Queries in this view may use the
    /// corpus's index of the whole debate.
    pub(crate) fn sees_everything(&self) -> bool {
        self.as_of.is_none() && self.scholars.is_none() && self.without == Without::default()
    }

    fn sees_year(&self, year: Option<i32>) -> bool {
        match (self.as_of, year) {
            (None, _) => true,
            (Some(limit), Some(year)) => year <= limit,
            (Some(_), None) => false,
        }
    }

    /// The positions on a claim that are in view, and whether the claim is.
    pub(crate) fn sees_claim(
        &self,
        corpus: &Corpus,
        claim: ClaimId,
    ) -> (bool, Vec<(ScholarId, Position)>) {
        if self.without.claims.contains(&claim) {
            return (false, Vec::new());
        }
        let all: Vec<(ScholarId, Position)> = corpus.positions_on(claim).collect();
        if all.is_empty() {
            let year = corpus.claim(claim).and_then(|c| Some(c.date()?.year()));
            return (self.scholars.is_none() && self.sees_year(year), all);
        }
        let seen: Vec<(ScholarId, Position)> = all
            .into_iter()
            .filter(|(s, p)| self.sees_position(corpus, *s, p))
            .collect();
        (!seen.is_empty(), seen)
    }

    /// Whether a piece of evidence is in view: its work's year is known and
    /// not after `as_of`, or no `as_of` is set.
    pub(crate) fn sees_evidence(&self, corpus: &Corpus, evidence: EvidenceId) -> bool {
        if self.without.evidence.contains(&evidence) {
            return false;
        }
        self.as_of.is_none()
            || self.sees_year(
                corpus
                    .evidence_work(evidence)
                    .and_then(|w| corpus.work(w)?.year()),
            )
    }
}
