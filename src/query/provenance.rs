//! Provenance: what a claim rests on, what a scholar holds, where two
//! scholars part ways; each as the debate stands in the view asked for.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::options::CompareOptions;
use super::voice::Held;
use crate::error::Result;
use crate::graph::Corpus;
use crate::model::{
    AttackKind, Bearing, ClaimId, EventId, EvidenceId, Position, ScholarId, Stance, WorkId,
};

/// What a claim rests on: the evidence it cites, the scholars' positions on
/// it, and the works behind both, as far as they are in view.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    evidence: Vec<(EvidenceId, Bearing)>,
    positions: Vec<(ScholarId, Position)>,
    works: Vec<WorkId>,
}

impl Provenance {
    /// The evidence in view the claim cites, with its bearing.
    pub fn evidence(&self) -> &[(EvidenceId, Bearing)] {
        &self.evidence
    }
    /// The positions in view scholars take on the claim.
    pub fn positions(&self) -> &[(ScholarId, Position)] {
        &self.positions
    }
    /// The works the evidence is found in and the positions are taken in,
    /// each once, by id.
    pub fn works(&self) -> &[WorkId] {
        &self.works
    }
}

/// One side of a [`Disagreement`]: a scholar's latest position in view on
/// a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Side {
    scholar: ScholarId,
    claim: ClaimId,
    stance: Stance,
    year: Option<i32>,
    work: Option<WorkId>,
}

impl Side {
    /// The scholar.
    pub fn scholar(&self) -> ScholarId {
        self.scholar
    }
    /// The claim the position is on.
    pub fn claim(&self) -> ClaimId {
        self.claim
    }
    /// The stance.
    pub fn stance(&self) -> Stance {
        self.stance
    }
    /// The year the position was taken, if known.
    pub fn year(&self) -> Option<i32> {
        self.year
    }
    /// The work that takes it, if any.
    pub fn work(&self) -> Option<WorkId> {
        self.work
    }
}

/// What two scholars disagree about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Point {
    /// One holds the claim (advances, endorses or qualifies it), the other
    /// rejects it.
    Claim(ClaimId),
    /// A claim one of them holds attacks a claim the other holds. A
    /// rebuttal is one point, whichever way it was written.
    Attack {
        /// The attacking claim.
        attacker: ClaimId,
        /// The attacked claim.
        target: ClaimId,
        /// The kind of attack.
        kind: AttackKind,
    },
}

/// A point on which two scholars disagree, with each side's position: what
/// [`View::disagreements`](crate::View::disagreements) returns. `Display` names everything by key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Disagreement {
    point: Point,
    first: Side,
    second: Side,
    /// The line `Display` prints.
    text: String,
}

impl Disagreement {
    /// What they disagree about.
    pub fn point(&self) -> Point {
        self.point
    }
    /// The first scholar's side.
    pub fn first(&self) -> Side {
        self.first
    }
    /// The second scholar's side.
    pub fn second(&self) -> Side {
        self.second
    }
}

impl fmt::Display for Disagreement {
    /// One line: `on \`claim\`: luthi rejects (2008, luthi-2008); haas
    /// advances (2005, haas-2005)`, or for an attack `luthi's \`a\` (2008,
    /// luthi-2008) undercuts haas's \`b\` (2005, haas-2005)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Corpus {
    /// [`View::provenance`](crate::View::provenance) with the options as an argument.
    pub(crate) fn provenance(
        &self,
        claim: ClaimId,
        options: &CompareOptions,
    ) -> Option<Provenance> {
        self.claim(claim)?;
        let evidence: Vec<(EvidenceId, Bearing)> = self
            .citations(claim)
            .filter(|&(e, _)| options.sees_evidence(self, e))
            .collect();
        let (_, positions) = options.sees_claim(self, claim);
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

    /// A scholar's latest position in view on each claim they have taken
    /// one on, by claim (the calculus, §2).
    fn latest_of(&self, scholar: ScholarId, options: &CompareOptions) -> BTreeMap<ClaimId, Held> {
        let mut by_claim: BTreeMap<ClaimId, Vec<(ScholarId, Position)>> = BTreeMap::new();
        for (_, claim, p) in self.positions_of(scholar) {
            if !options.without.claims.contains(&claim)
                && options.sees_position(self, claim, scholar, &p)
            {
                by_claim.entry(claim).or_default().push((scholar, p));
            }
        }
        by_claim
            .into_iter()
            .filter_map(|(claim, positions)| {
                Some((claim, self.latest_held(claim, &positions).pop()?))
            })
            .collect()
    }

    /// [`View::claims_held_by`](crate::View::claims_held_by) with the options as an argument.
    pub(crate) fn claims_held_by(
        &self,
        scholar: ScholarId,
        options: &CompareOptions,
    ) -> impl Iterator<Item = (ClaimId, Position)> + '_ {
        self.latest_of(scholar, options)
            .into_iter()
            .filter(|(_, h)| h.stance().holds())
            .map(|(claim, h)| (claim, h.position))
    }

    /// [`View::disagreements`](crate::View::disagreements) with the options as an argument.
    pub(crate) fn disagreements(
        &self,
        first: ScholarId,
        second: ScholarId,
        event: Option<EventId>,
        options: &CompareOptions,
    ) -> Result<Vec<Disagreement>> {
        self.live(first)?;
        self.live(second)?;
        options.check(self)?;
        if first == second {
            return Ok(Vec::new());
        }
        let scope: Option<BTreeSet<EventId>> = match event {
            Some(event) => {
                self.live(event)?;
                Some(self.scope_events(event, options).into_iter().collect())
            }
            None => None,
        };
        let about = |claim: ClaimId| {
            scope
                .as_ref()
                .is_none_or(|scope| self.events_of(claim).any(|e| scope.contains(&e)))
        };
        let (a, b) = (
            self.latest_of(first, options),
            self.latest_of(second, options),
        );
        let holds =
            |m: &BTreeMap<ClaimId, Held>, c: ClaimId| m.get(&c).is_some_and(|h| h.stance().holds());
        let side = |h: &Held, claim| Side {
            scholar: h.scholar,
            claim,
            stance: h.stance(),
            year: self.position_year(&h.position),
            work: h.position.work(),
        };
        let mut out: BTreeSet<(Point, Side, Side)> = BTreeSet::new();
        for (&claim, x) in &a {
            if let Some(y) = b.get(&claim) {
                if x.stance().holds() != y.stance().holds() && about(claim) {
                    out.insert((Point::Claim(claim), side(x, claim), side(y, claim)));
                }
            }
        }
        for (mine, theirs, by_first) in [(&a, &b, true), (&b, &a, false)] {
            for (&attacker, h) in mine.iter().filter(|(_, h)| h.stance().holds()) {
                for (target, kind) in self.attacks_by(attacker) {
                    let Some(t) = theirs.get(&target).filter(|t| t.stance().holds()) else {
                        continue;
                    };
                    // Neither may hold both ends: no one disagrees with himself.
                    if holds(mine, target) || holds(theirs, attacker) {
                        continue;
                    }
                    if !(about(attacker) || about(target)) {
                        continue;
                    }
                    // A rebuttal is one point whichever way it was written:
                    // keep the one from the lower id.
                    if kind == AttackKind::Rebuts
                        && target < attacker
                        && self
                            .attacks_by(target)
                            .any(|(c, k)| c == attacker && k == kind)
                    {
                        continue;
                    }
                    let point = Point::Attack {
                        attacker,
                        target,
                        kind,
                    };
                    let (mine, theirs) = (side(h, attacker), side(t, target));
                    out.insert(if by_first {
                        (point, mine, theirs)
                    } else {
                        (point, theirs, mine)
                    });
                }
            }
        }
        Ok(out
            .into_iter()
            .map(|(point, first, second)| Disagreement {
                point,
                first,
                second,
                text: self.describe(point, &first, &second),
            })
            .collect())
    }

    fn describe(&self, point: Point, first: &Side, second: &Side) -> String {
        let when = |s: &Side| match (s.year, s.work) {
            (Some(y), Some(w)) => format!(" ({y}, {})", self.name_of(w)),
            (Some(y), None) => format!(" ({y})"),
            (None, Some(w)) => format!(" ({})", self.name_of(w)),
            (None, None) => String::new(),
        };
        let who = |s: &Side| self.name_of(s.scholar);
        match point {
            Point::Claim(claim) => format!(
                "on `{}`: {} {}{}; {} {}{}",
                self.name_of(claim),
                who(first),
                first.stance,
                when(first),
                who(second),
                second.stance,
                when(second)
            ),
            Point::Attack { kind, .. } => {
                let (by, on) = if first.claim == point_attacker(point) {
                    (first, second)
                } else {
                    (second, first)
                };
                format!(
                    "{}'s `{}`{} {kind} {}'s `{}`{}",
                    who(by),
                    self.name_of(by.claim),
                    when(by),
                    who(on),
                    self.name_of(on.claim),
                    when(on)
                )
            }
        }
    }
}

fn point_attacker(point: Point) -> ClaimId {
    match point {
        Point::Claim(c) => c,
        Point::Attack { attacker, .. } => attacker,
    }
}
