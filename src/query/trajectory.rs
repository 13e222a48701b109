//! A scholar's trajectory: how their positions changed over time.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use super::options::CompareOptions;
use super::voice::When;
use crate::error::Result;
use crate::graph::Corpus;
use crate::model::{ClaimId, Position, ScholarId, Stance, WorkId};

/// One change in a scholar's position on a claim: a first stance, or a
/// new stance that differs from the one before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Move {
    #[serde(skip)]
    claim: ClaimId,
    #[serde(rename = "claim")]
    claim_key: String,
    from: Option<Stance>,
    to: Stance,
    year: Option<i32>,
    #[serde(skip)]
    work: Option<WorkId>,
    #[serde(rename = "work")]
    work_key: Option<String>,
    /// When it entered the debate, as positions rank (the calculus, §2).
    #[serde(skip)]
    entered: When,
}

impl Move {
    /// The claim.
    pub fn claim(&self) -> ClaimId {
        self.claim
    }
    /// The claim's key.
    pub fn claim_key(&self) -> &str {
        &self.claim_key
    }
    /// The stance before, `None` for the scholar's first on the claim.
    pub fn from(&self) -> Option<Stance> {
        self.from
    }
    /// The stance taken.
    pub fn to(&self) -> Stance {
        self.to
    }
    /// The year it entered the debate, if known.
    pub fn year(&self) -> Option<i32> {
        self.year
    }
    /// The work that takes it, if any.
    pub fn work(&self) -> Option<WorkId> {
        self.work
    }
    /// Whether the scholar turned from holding the claim to rejecting it,
    /// or back.
    pub fn is_reversal(&self) -> bool {
        self.from
            .is_some_and(|from| from.holds() != self.to.holds())
    }
}

/// How a scholar's positions changed over time: what
/// [`View::trajectory`](crate::View::trajectory) returns, in order of time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trajectory {
    #[serde(skip)]
    scholar: ScholarId,
    #[serde(rename = "scholar")]
    key: String,
    name: String,
    moves: Vec<Move>,
}

impl Trajectory {
    /// The scholar.
    pub fn scholar(&self) -> ScholarId {
        self.scholar
    }
    /// The changes, in order of time (undated ones last), then by claim.
    pub fn moves(&self) -> &[Move] {
        &self.moves
    }
    /// The changes that turned from holding a claim to rejecting it, or back.
    pub fn reversals(&self) -> impl Iterator<Item = &Move> + '_ {
        self.moves.iter().filter(|m| m.is_reversal())
    }
}

impl fmt::Display for Trajectory {
    /// One line per change: `1969 (fischer-1969): advances → qualifies \`claim\``.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} [{}]", self.name, self.key)?;
        if self.moves.is_empty() {
            return writeln!(f, "  no position in view");
        }
        for m in &self.moves {
            let when = match (m.year, &m.work_key) {
                (Some(y), Some(w)) => format!("{y} ({w})"),
                (Some(y), None) => y.to_string(),
                (None, Some(w)) => format!("undated ({w})"),
                (None, None) => "undated".to_owned(),
            };
            match m.from {
                Some(from) => writeln!(f, "  {when}: {from} → {} `{}`", m.to, m.claim_key)?,
                None => writeln!(f, "  {when}: {} `{}`", m.to, m.claim_key)?,
            }
        }
        Ok(())
    }
}

impl Corpus {
    /// [`View::trajectory`](crate::View::trajectory) with the options as an argument.
    pub(crate) fn trajectory(
        &self,
        scholar: ScholarId,
        options: &CompareOptions,
    ) -> Result<Trajectory> {
        self.live(scholar)?;
        options.check(self)?;
        let mut by_claim: BTreeMap<ClaimId, Vec<(When, u8, Position)>> = BTreeMap::new();
        for (_, claim, p) in self.positions_of(scholar) {
            if options.without.claims.contains(&claim)
                || !options.sees_position(self, claim, scholar, &p)
            {
                continue;
            }
            let when = self.position_when(claim, &p);
            let rank = (super::options::backing(p.stance()) * 2.0) as u8;
            by_claim.entry(claim).or_default().push((when, rank, p));
        }
        let mut moves = Vec::new();
        for (claim, mut positions) in by_claim {
            positions.sort_by_key(|&(year, rank, p)| (year, rank, p.work()));
            let mut before: Option<Stance> = None;
            for (entered, _, p) in positions {
                if before == Some(p.stance()) {
                    continue;
                }
                moves.push(Move {
                    claim,
                    claim_key: self.name_of(claim),
                    from: before,
                    to: p.stance(),
                    year: self.position_year(&p),
                    work: p.work(),
                    work_key: p.work().map(|w| self.name_of(w)),
                    entered,
                });
                before = Some(p.stance());
            }
        }
        // Stable: a claim's moves keep their order within a year.
        moves.sort_by(|a, b| (a.entered, &a.claim_key).cmp(&(b.entered, &b.claim_key)));
        Ok(Trajectory {
            scholar,
            key: self.name_of(scholar),
            name: self
                .scholar(scholar)
                .map(|s| s.name().to_owned())
                .unwrap_or_default(),
            moves,
        })
    }
}
