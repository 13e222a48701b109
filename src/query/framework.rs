//! The argumentation framework of a corpus: claims as arguments, defeats as
//! attacks, supports as supports, base weights from the corpus.

use std::collections::HashMap;

use super::debate::{base_weight, net_evidence};
use super::defeat::{DefeatEdge, Order, defeats_among};
use super::options::CompareOptions;
use super::voice::backing_and_rejections;
use crate::argument::{Argument, Framework};
use crate::graph::Corpus;
use crate::model::{AttackKind, Bearing, ClaimId, Stance};

/// A corpus's claims as an abstract (bipolar, weighted) argumentation
/// framework, with the map between claims and arguments. Its attacks are
/// the *defeats* of the calculus (§3): what every semantics, and
/// [`View::compare`](crate::View::compare), is computed on. See [`View::framework`](crate::View::framework).
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimFramework {
    framework: Framework,
    claims: Vec<ClaimId>,
    arguments: HashMap<ClaimId, Argument>,
    defeats: Vec<Defeat>,
}

/// One attack of a [`ClaimFramework`]: a defeat, and the attack in the
/// corpus it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Defeat {
    from: ClaimId,
    to: ClaimId,
    kind: AttackKind,
    reply: bool,
}

impl Defeat {
    pub(crate) fn new(edge: DefeatEdge) -> Defeat {
        Defeat {
            from: edge.from,
            to: edge.to,
            kind: edge.kind,
            reply: edge.reply,
        }
    }

    /// The claim that defeats.
    pub fn from(&self) -> ClaimId {
        self.from
    }

    /// The claim defeated.
    pub fn to(&self) -> ClaimId {
        self.to
    }

    /// The kind of the attack it comes from.
    pub fn kind(&self) -> AttackKind {
        self.kind
    }

    /// Whether it answers a rebuttal written the other way (`to` rebuts
    /// `from` in the corpus, and a rebuttal is symmetric).
    pub fn is_reply(&self) -> bool {
        self.reply
    }
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

    /// The defeats, each with the attack it comes from, sorted.
    pub fn defeats(&self) -> &[Defeat] {
        &self.defeats
    }
}

impl Corpus {
    /// [`View::framework`](crate::View::framework) with the options as an argument.
    pub(crate) fn framework(&self, options: &CompareOptions) -> ClaimFramework {
        let claims: Vec<ClaimId> = self
            .ids::<ClaimId>()
            .filter(|&c| options.sees_claim_only(self, c))
            .collect();
        let mut framework = Framework::new();
        let mut arguments = HashMap::with_capacity(claims.len());
        let mut epsilon = HashMap::with_capacity(claims.len());
        for &claim in &claims {
            // Keys are unique per kind, so names are too.
            if let Ok(argument) = framework.add_argument(self.name_of(claim)) {
                arguments.insert(claim, argument);
                let _ = framework.set_weight(argument, self.base_weight(claim, options));
                let evidence: Vec<_> = self
                    .citations(claim)
                    .filter(|&(e, _)| options.sees_evidence(self, e))
                    .collect();
                epsilon.insert(claim, net_evidence(&evidence));
            }
        }
        let attacks = claims.iter().flat_map(|&from| {
            self.attacks_by(from)
                .filter(|(to, _)| arguments.contains_key(to))
                .map(move |(to, kind)| (from, to, kind))
        });
        let order = Order::new(options.preferences());
        let edges = defeats_among(&order, attacks, |c| epsilon.get(&c).copied().unwrap_or(0));
        for e in &edges {
            let _ = framework.add_attack(arguments[&e.from], arguments[&e.to]);
        }
        for &claim in &claims {
            for target in self.supports_by(claim) {
                if let Some(&to) = arguments.get(&target) {
                    let _ = framework.add_support(arguments[&claim], to);
                }
            }
        }
        ClaimFramework {
            framework,
            claims,
            arguments,
            defeats: edges.into_iter().map(Defeat::new).collect(),
        }
    }

    /// [`View::base_weight`](crate::View::base_weight) with the options as an argument.
    pub(crate) fn base_weight(&self, claim: ClaimId, options: &CompareOptions) -> f64 {
        let (_, positions) = options.sees_claim(self, claim);
        let (b, r) = backing_and_rejections(
            self.latest_held(claim, &positions)
                .iter()
                .map(|h| (h.voice, h.stance())),
        );
        // An unnamed proponent when no position in view advances it.
        let unnamed = options.scholars().is_none()
            && !positions
                .iter()
                .any(|(_, p)| p.stance() == Stance::Advances);
        let b = b + f64::from(u8::from(unnamed));
        let (mut s, mut u) = (0.0, 0.0);
        for (evidence, bearing) in self.citations(claim) {
            if options.sees_evidence(self, evidence) {
                match bearing {
                    Bearing::Supports => s += 1.0,
                    Bearing::Undermines => u += 1.0,
                }
            }
        }
        base_weight(b, r, s, u)
    }
}
