//! Provenance: what a claim rests on, what a scholar holds, where two
//! scholars part ways.

use std::collections::{BTreeMap, BTreeSet};

use crate::graph::Corpus;
use crate::model::{AttackKind, Bearing, ClaimId, EvidenceId, Position, ScholarId, Stance, WorkId};

/// What a claim rests on: the evidence it cites, the scholars' positions on
/// it, and the works behind both.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    evidence: Vec<(EvidenceId, Bearing)>,
    positions: Vec<(ScholarId, Position)>,
    works: Vec<WorkId>,
}

impl Provenance {
    /// The evidence the claim cites, with its bearing.
    pub fn evidence(&self) -> &[(EvidenceId, Bearing)] {
        &self.evidence
    }
    /// The positions scholars take on the claim.
    pub fn positions(&self) -> &[(ScholarId, Position)] {
        &self.positions
    }
    /// The works the evidence is found in and the positions are taken in,
    /// each once, by id.
    pub fn works(&self) -> &[WorkId] {
        &self.works
    }
}

/// A point on which two scholars disagree, from
/// [`Corpus::disagreements`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Disagreement {
    /// One holds the claim (advances, endorses or qualifies it), the other rejects it.
    OppositeStances {
        /// The claim.
        claim: ClaimId,
        /// The first scholar's stance.
        first: Stance,
        /// The second scholar's stance.
        second: Stance,
    },
    /// A claim one of them holds attacks a claim the other holds.
    Attack {
        /// The attacking claim.
        attacker: ClaimId,
        /// The attacked claim.
        target: ClaimId,
        /// The kind of attack.
        kind: AttackKind,
        /// Whether the attacker is held by the first scholar (else the second).
        by_first: bool,
    },
}

impl Corpus {
    /// What a claim rests on; `None` if the claim is not in the corpus.
    ///
    /// # Complexity
    /// O(d log d) for the claim's citations and positions, *d*.
    ///
    /// ```
    /// use historiograph::ClaimId;
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// for (claim, _) in corpus.entities::<ClaimId>().take(3) {
    ///     let provenance = corpus.provenance(claim).expect("live claim");
    ///     println!("{}: {} works", corpus.key(claim).unwrap_or("?"), provenance.works().len());
    /// }
    /// ```
    pub fn provenance(&self, claim: ClaimId) -> Option<Provenance> {
        self.claim(claim)?;
        let evidence: Vec<(EvidenceId, Bearing)> = self.citations(claim).collect();
        let positions: Vec<(ScholarId, Position)> = self.positions_on(claim).collect();
        let works: BTreeSet<WorkId> = evidence
            .iter()
            .filter_map(|(e, _)| self.evidence_work(*e))
            .chain(positions.iter().filter_map(|(_, p)| p.work()))
            .collect();
        Some(Provenance {
            evidence,
            positions,
            works: works.into_iter().collect(),
        })
    }

    /// The claims a scholar holds (advances, endorses or qualifies), with the
    /// position, by claim.
    ///
    /// # Complexity
    /// O(d log d) for the scholar's positions, *d*.
    pub fn claims_held_by(
        &self,
        scholar: ScholarId,
    ) -> impl Iterator<Item = (ClaimId, Position)> + '_ {
        self.positions_of(scholar)
            .filter(|(_, p)| p.stance().holds())
    }

    /// Where two scholars disagree: claims one holds and the other rejects,
    /// and attacks between claims one holds and claims the other holds.
    /// Sorted, without repeats.
    ///
    /// # Complexity
    /// O((d + a) log(d + a)) for the two scholars' positions *d* and the
    /// attacks on and by the claims they hold, *a*.
    ///
    /// ```
    /// use historiograph::ScholarId;
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let luthi: ScholarId = corpus.resolve("luthi")?;
    /// let haas: ScholarId = corpus.resolve("haas")?;
    /// assert!(!corpus.disagreements(luthi, haas).is_empty());
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn disagreements(&self, first: ScholarId, second: ScholarId) -> Vec<Disagreement> {
        let stances = |s: ScholarId| {
            let mut map: BTreeMap<ClaimId, Vec<Stance>> = BTreeMap::new();
            for (claim, p) in self.positions_of(s) {
                map.entry(claim).or_default().push(p.stance());
            }
            map
        };
        let (a, b) = (stances(first), stances(second));
        let held = |map: &BTreeMap<ClaimId, Vec<Stance>>| -> BTreeSet<ClaimId> {
            map.iter()
                .filter(|(_, s)| s.iter().any(|s| s.holds()))
                .map(|(c, _)| *c)
                .collect()
        };
        let (held_a, held_b) = (held(&a), held(&b));
        let mut out = BTreeSet::new();
        for (claim, sa) in &a {
            let Some(sb) = b.get(claim) else { continue };
            for &x in sa {
                for &y in sb {
                    if x.holds() != y.holds() {
                        out.insert(Disagreement::OppositeStances {
                            claim: *claim,
                            first: x,
                            second: y,
                        });
                    }
                }
            }
        }
        for (mine, theirs, by_first) in [(&held_a, &held_b, true), (&held_b, &held_a, false)] {
            for &attacker in mine {
                for (target, kind) in self.attacks_by(attacker) {
                    if theirs.contains(&target) {
                        out.insert(Disagreement::Attack {
                            attacker,
                            target,
                            kind,
                            by_first,
                        });
                    }
                }
            }
        }
        out.into_iter().collect()
    }
}
