//! The argumentation framework of a corpus: claims as arguments, attacks as
//! attacks, supports as supports, base weights from the corpus.

use std::collections::HashMap;

use super::view::CompareOptions;
use crate::argument::{Argument, Framework};
use crate::graph::Corpus;
use crate::model::{Bearing, ClaimId, Position, ScholarId, Stance};

/// A corpus's claims as an abstract (bipolar, weighted) argumentation
/// framework, with the map between claims and arguments. See
/// [`Corpus::framework`].
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimFramework {
    framework: Framework,
    claims: Vec<ClaimId>,
    arguments: HashMap<ClaimId, Argument>,
}

impl ClaimFramework {
    /// The framework; its arguments are named by claim key.
    pub fn framework(&self) -> &Framework {
        &self.framework
    }

    /// The framework, to change it (say, its weights) before solving.
    pub fn framework_mut(&mut self) -> &mut Framework {
        &mut self.framework
    }

    /// The claim an argument stands for.
    pub fn claim(&self, argument: Argument) -> Option<ClaimId> {
        self.claims.get(argument.index()).copied()
    }

    /// The argument that stands for a claim, if the claim is in the framework.
    pub fn argument(&self, claim: ClaimId) -> Option<Argument> {
        self.arguments.get(&claim).copied()
    }

    /// The claims, in argument order.
    pub fn claims(&self) -> &[ClaimId] {
        &self.claims
    }
}

/// How much a stance backs a claim (as in [`Corpus::compare`]).
fn backing(stance: Stance) -> f64 {
    match stance {
        Stance::Advances | Stance::Endorses => 1.0,
        Stance::Qualifies => 0.5,
        Stance::Rejects => 0.0,
    }
}

impl Corpus {
    /// The claims in view (see [`CompareOptions`]: the year and scholars
    /// options apply; the event scope does not) as an argumentation
    /// framework: one argument per claim, named by its key, in id order;
    /// the attacks and supports between them; and base weights for gradual
    /// semantics from [`Corpus::base_weight`].
    ///
    /// # Complexity
    /// O(c log c + r) for *c* claims and *r* relations among them.
    ///
    /// ```
    /// use historiograph::{ClaimId, CompareOptions, Semantics};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let view = corpus.framework(&CompareOptions::new());
    /// let triangle = view
    ///     .argument(corpus.resolve::<ClaimId>("triangle-balancing")?)
    ///     .expect("the claim is in view");
    /// // Lüthi's rebuttals leave the triangle reading in no preferred extension.
    /// let decision = view.framework().credulous(Semantics::Preferred, triangle)?;
    /// assert!(!decision.is_accepted());
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn framework(&self, options: &CompareOptions) -> ClaimFramework {
        let claims: Vec<ClaimId> = self
            .ids::<ClaimId>()
            .filter(|&c| options.sees_claim(self, c).0)
            .collect();
        self.framework_of(&claims, options)
    }

    /// The framework of exactly these claims (each in view), in this order.
    pub(crate) fn framework_of(
        &self,
        claims: &[ClaimId],
        options: &CompareOptions,
    ) -> ClaimFramework {
        let mut framework = Framework::new();
        let mut arguments = HashMap::with_capacity(claims.len());
        for &claim in claims {
            let name = self.name_of(claim);
            // Keys are unique per kind, so names are too.
            if let Ok(argument) = framework.add_argument(name) {
                arguments.insert(claim, argument);
                let _ = framework.set_weight(argument, self.base_weight(claim, options));
            }
        }
        for &claim in claims {
            let Some(&from) = arguments.get(&claim) else {
                continue;
            };
            for (target, _) in self.attacks_by(claim) {
                if let Some(&to) = arguments.get(&target) {
                    let _ = framework.add_attack(from, to);
                }
            }
            for target in self.supports_by(claim) {
                if let Some(&to) = arguments.get(&target) {
                    let _ = framework.add_support(from, to);
                }
            }
        }
        ClaimFramework {
            framework,
            claims: claims.to_vec(),
            arguments,
        }
    }

    /// The base weight of a claim for gradual semantics, in (0, 1): the
    /// Laplace-smoothed share of what speaks for it among all that bears on it,
    ///
    /// *w* = (1 + *b* + *s*) / (2 + *b* + *s* + *r* + *u*),
    ///
    /// with *b* its backing and *r* its rejections (each scholar in view
    /// once, by their latest position: advances and endorses 1, qualifies ½;
    /// a claim no scholar takes a position on has *b* = 1), and *s* and *u*
    /// the evidence in view that supports and undermines it. A claim with
    /// one backer and nothing else weighs ⅔; each supporting note raises it,
    /// each rejection or undermining note lowers it.
    pub fn base_weight(&self, claim: ClaimId, options: &CompareOptions) -> f64 {
        let (_, positions) = options.sees_claim(self, claim);
        let (b, r) = self.backing_and_rejections(&positions);
        let r = r as f64;
        let (mut s, mut u) = (0.0, 0.0);
        for (evidence, bearing) in self.citations(claim) {
            if options.sees_evidence(self, evidence) {
                match bearing {
                    Bearing::Supports => s += 1.0,
                    Bearing::Undermines => u += 1.0,
                }
            }
        }
        (1.0 + b + s) / (2.0 + b + s + r + u)
    }

    /// A claim's backing *b* and rejections *r* from the positions on it in
    /// view: each scholar once, by their latest position; a claim with no
    /// position at all counts as advanced once (*b* = 1).
    pub(crate) fn backing_and_rejections(
        &self,
        positions: &[(ScholarId, Position)],
    ) -> (f64, usize) {
        if positions.is_empty() {
            return (1.0, 0);
        }
        let latest = self.latest_positions(positions);
        let b = latest.iter().map(|p| backing(p.stance())).sum();
        let r = latest
            .iter()
            .filter(|p| p.stance() == Stance::Rejects)
            .count();
        (b, r)
    }

    /// Each scholar's latest position among `positions` (the latest year;
    /// undated positions count as earliest; in a tie the one that backs the
    /// claim most), so that a scholar counts once per claim, with the view
    /// they last took.
    pub(crate) fn latest_positions(&self, positions: &[(ScholarId, Position)]) -> Vec<Position> {
        let mut latest: std::collections::BTreeMap<ScholarId, ((i32, u8), Position)> =
            std::collections::BTreeMap::new();
        for (scholar, p) in positions {
            let rank = (
                self.position_year(p).unwrap_or(i32::MIN),
                (backing(p.stance()) * 2.0) as u8,
            );
            let slot = latest.entry(*scholar).or_insert((rank, *p));
            if rank > slot.0 {
                *slot = (rank, *p);
            }
        }
        latest.into_values().map(|(_, p)| p).collect()
    }
}
