//! Standards of proof (after Carneades) and sensitivity: which verdict a
//! standard yields, and what would change the leading explanation.

use std::collections::BTreeSet;

use super::margin::next_combination;
use super::options::CompareOptions;
use super::report::{Comparison, Standing};
use crate::error::{Error, Result};
use crate::graph::Corpus;
use crate::model::{ClaimId, EventId, EvidenceId, ExplanationId, ScholarId};

/// A standard of proof, from the weakest to the strongest (after Gordon,
/// Prakken and Walton, *The Carneades model of argument and burden of
/// proof*, AIJ 2007), defined on independent support: [the
/// calculus](crate::calculus), §7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StandardOfProof {
    /// More weight for the explanation than against it: *P* > *N*.
    Preponderance,
    /// Preponderance, a score of at least β, and enough independent
    /// evidence items and scholars for it (default 2 and 2).
    ClearAndConvincing,
    /// Clear and convincing, the weight against it at most γ·*P*, and more
    /// independent support (default 3 evidence items and 3 scholars).
    BeyondReasonableDoubt,
}

impl StandardOfProof {
    /// The name in words: `preponderance of the evidence`, `clear and
    /// convincing evidence`, `beyond reasonable doubt`.
    pub fn name(self) -> &'static str {
        match self {
            StandardOfProof::Preponderance => "preponderance of the evidence",
            StandardOfProof::ClearAndConvincing => "clear and convincing evidence",
            StandardOfProof::BeyondReasonableDoubt => "beyond reasonable doubt",
        }
    }
}

names!(StandardOfProof, "standard of proof", [
    Preponderance => "preponderance",
    ClearAndConvincing => "clear_and_convincing",
    BeyondReasonableDoubt => "beyond_reasonable_doubt",
]);

/// What the standards of proof require: β (least score), γ (most weight
/// against, as a share of the weight for), and the least independent
/// support for each standard above preponderance. Defaults β = 0.5,
/// γ = 0.1; clear and convincing 2 evidence items and 2 scholars, beyond
/// reasonable doubt 3 and 3.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProofThresholds {
    score: f64,
    doubt: f64,
    clear: (usize, usize),
    beyond: (usize, usize),
}

impl Default for ProofThresholds {
    fn default() -> ProofThresholds {
        ProofThresholds {
            score: 0.5,
            doubt: 0.1,
            clear: (2, 2),
            beyond: (3, 3),
        }
    }
}

impl ProofThresholds {
    /// The defaults.
    pub fn new() -> ProofThresholds {
        ProofThresholds::default()
    }

    /// Sets β, the least score for the standards above preponderance (in −1..=1).
    #[must_use]
    pub fn with_score(mut self, beta: f64) -> ProofThresholds {
        self.score = beta;
        self
    }

    /// Sets γ, the most weight against as a share of the weight for, beyond
    /// reasonable doubt (≥ 0).
    #[must_use]
    pub fn with_doubt(mut self, gamma: f64) -> ProofThresholds {
        self.doubt = gamma;
        self
    }

    /// The least independent evidence items and scholars for clear and
    /// convincing evidence.
    #[must_use]
    pub fn with_clear_and_convincing(
        mut self,
        evidence: usize,
        scholars: usize,
    ) -> ProofThresholds {
        self.clear = (evidence, scholars);
        self
    }

    /// The least independent evidence items and scholars beyond reasonable doubt.
    #[must_use]
    pub fn with_beyond_reasonable_doubt(
        mut self,
        evidence: usize,
        scholars: usize,
    ) -> ProofThresholds {
        self.beyond = (evidence, scholars);
        self
    }

    fn check(&self) -> Result<()> {
        let bad = |option, value: f64| Error::InvalidOption {
            option,
            reason: format!("{value} is out of range"),
        };
        if !(-1.0..=1.0).contains(&self.score) {
            return Err(bad("score", self.score));
        }
        if !(self.doubt >= 0.0 && self.doubt.is_finite()) {
            return Err(bad("doubt", self.doubt));
        }
        Ok(())
    }

    /// The strongest standard a standing meets, if any.
    pub fn strongest_met(&self, standing: &Standing) -> Option<StandardOfProof> {
        let (p, n) = (standing.pro(), standing.con());
        if p <= n {
            return None;
        }
        let support = (standing.evidence_for(), standing.scholars_for());
        let enough = |(e, s): (usize, usize)| support.0 >= e && support.1 >= s;
        if standing.score() < self.score || !enough(self.clear) {
            return Some(StandardOfProof::Preponderance);
        }
        if n > self.doubt * p || !enough(self.beyond) {
            return Some(StandardOfProof::ClearAndConvincing);
        }
        Some(StandardOfProof::BeyondReasonableDoubt)
    }
}

impl Corpus {
    /// [`View::standards_of_proof`](crate::View::standards_of_proof) with the options as an argument.
    pub(crate) fn standards_of_proof(
        &self,
        event: EventId,
        options: &CompareOptions,
        thresholds: &ProofThresholds,
    ) -> Result<Vec<(ExplanationId, Option<StandardOfProof>)>> {
        thresholds.check()?;
        let comparison = self.compare(event, options)?;
        Ok(comparison
            .standings()
            .iter()
            .map(|s| (s.id(), thresholds.strongest_met(s)))
            .collect())
    }

    /// [`View::sensitivity`](crate::View::sensitivity) with the options as an argument.
    pub(crate) fn sensitivity(
        &self,
        event: EventId,
        options: &CompareOptions,
        max_set: usize,
    ) -> Result<Sensitivity> {
        let base = self.compare(event, options)?;
        let leader = base.leader().map(Standing::id);
        let candidates = self.candidates(&base);
        let leader_without = |removed: &[Removal]| -> Result<Option<ExplanationId>> {
            let mut without = options.clone();
            for r in removed {
                match *r {
                    Removal::Evidence(e) => without.without.evidence.insert(e),
                    Removal::Claim(c) => without.without.claims.insert(c),
                    Removal::Scholar(s) => without.without.scholars.insert(s),
                };
            }
            let standings = self.tally(event, &without)?;
            Ok(standings
                .first()
                .filter(|s| s.verdict() == super::report::Verdict::Supported)
                .map(Standing::id))
        };
        let mut pivots = Vec::new();
        for &candidate in &candidates {
            let after = leader_without(&[candidate])?;
            if after != leader {
                pivots.push((candidate, after));
            }
        }
        let mut smallest = pivots.first().map(|&(c, after)| (vec![c], after));
        if smallest.is_none() {
            'sizes: for size in 2..=max_set.min(candidates.len()) {
                let mut chosen: Vec<usize> = (0..size).collect();
                loop {
                    let set: Vec<Removal> = chosen.iter().map(|&i| candidates[i]).collect();
                    let after = leader_without(&set)?;
                    if after != leader {
                        smallest = Some((set, after));
                        break 'sizes;
                    }
                    if !next_combination(&mut chosen, candidates.len()) {
                        break;
                    }
                }
            }
        }
        Ok(Sensitivity {
            leader,
            pivots,
            smallest,
        })
    }

    /// The evidence, claims and scholars behind a comparison, in that order.
    fn candidates(&self, comparison: &Comparison) -> Vec<Removal> {
        let mut evidence = BTreeSet::new();
        let mut claims = BTreeSet::new();
        let mut scholars = BTreeSet::new();
        for s in comparison.standings() {
            for c in s.supporting().iter().chain(s.opposing()) {
                claims.insert(c.id());
                evidence.extend(c.evidence().iter().map(|e| e.id()));
                scholars.extend(c.positions().iter().map(|p| p.scholar()));
            }
        }
        evidence
            .into_iter()
            .map(Removal::Evidence)
            .chain(claims.into_iter().map(Removal::Claim))
            .chain(scholars.into_iter().map(Removal::Scholar))
            .collect()
    }
}

/// Something whose removal a sensitivity analysis tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Removal {
    /// A piece of evidence.
    Evidence(EvidenceId),
    /// A claim.
    Claim(ClaimId),
    /// A scholar (their positions discounted).
    Scholar(ScholarId),
}

/// What [`View::sensitivity`](crate::View::sensitivity) returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    leader: Option<ExplanationId>,
    pivots: Vec<(Removal, Option<ExplanationId>)>,
    smallest: Option<(Vec<Removal>, Option<ExplanationId>)>,
}

impl Sensitivity {
    /// The leading explanation as the debate stands.
    pub fn leader(&self) -> Option<ExplanationId> {
        self.leader
    }

    /// Each single removal that changes the leader, with the new leader
    /// (`None`: no explanation leads any more).
    pub fn pivots(&self) -> &[(Removal, Option<ExplanationId>)] {
        &self.pivots
    }

    /// The smallest set found whose removal changes the leader, and the new
    /// leader; `None` if no set up to the size searched does.
    pub fn smallest(&self) -> Option<(&[Removal], Option<ExplanationId>)> {
        self.smallest
            .as_ref()
            .map(|(set, after)| (set.as_slice(), *after))
    }
}
