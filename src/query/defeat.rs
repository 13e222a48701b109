//! From attacks to defeats: the preferences between claims, and the ASPIC+
//! rules by which an attack of each kind succeeds (the calculus, §3).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::error::{Error, Result};
use crate::graph::Corpus;
use crate::model::{AttackKind, ClaimId};

/// Which claims are preferred to which: what decides whether a rebuttal or
/// an undermining succeeds (Modgil and Prakken's ASPIC+, 2013 and 2014).
///
/// An attack becomes a *defeat* as [the calculus](crate::calculus), §3,
/// says: an undercut always defeats; an undermining defeats unless its
/// target is strictly preferred to the attacker; a rebuttal is symmetric
/// (the two claims contradict each other), so each defeats the other unless
/// the other is strictly preferred. The preferences only ever compare the
/// two claims, so the direction in which a rebuttal was written never
/// matters.
///
/// ```
/// use historiograph::{ClaimId, CompareOptions, Preferences};
///
/// let corpus = historiograph::sino_soviet_split();
/// let luthi: ClaimId = corpus.resolve("luthi-economic-model-cause")?;
/// let never: ClaimId = corpus.resolve("economics-never-central")?;
/// // With no preference, the rebuttal runs both ways.
/// let view = corpus.view(&CompareOptions::new()).framework();
/// let (a, b) = (view.argument(luthi).unwrap(), view.argument(never).unwrap());
/// assert!(view.framework().targets(b).any(|t| t == a));
/// // A reader who holds Lüthi's reading above the view that economics
/// // never mattered: only his rebuttal defeats.
/// let options = CompareOptions::new().with_preferences(Preferences::explicit([(luthi, never)]));
/// let view = corpus.view(&options).framework();
/// assert!(view.framework().targets(a).any(|t| t == b));
/// assert!(!view.framework().targets(b).any(|t| t == a));
/// # Ok::<(), historiograph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Preferences {
    /// The default. No claim is preferred to another: every attack
    /// defeats, and every rebuttal defeats both ways.
    #[default]
    None,
    /// A claim is preferred to another when it rests on more
    /// independent evidence: when *ε*, the number of distinct evidence
    /// items in view that support it minus those that undermine it, is
    /// strictly greater. Two claims with equal evidence are not ordered, so
    /// a rebuttal between them defeats both ways.
    Evidential,
    /// Pairs (preferred, less preferred) given by the user, closed under
    /// transitivity: a strict partial order, so a cycle is an error.
    /// Claims no pair orders are not preferred to each other.
    Explicit(Vec<(ClaimId, ClaimId)>),
}

impl Preferences {
    /// Explicit preferences: each pair puts its first claim above its second.
    pub fn explicit(pairs: impl IntoIterator<Item = (ClaimId, ClaimId)>) -> Preferences {
        Preferences::Explicit(pairs.into_iter().collect())
    }

    /// Checks that every claim named is live and that the pairs form a
    /// strict partial order (no claim above itself, directly or through a
    /// chain).
    pub(crate) fn check(&self, corpus: &Corpus) -> Result<()> {
        let Preferences::Explicit(pairs) = self else {
            return Ok(());
        };
        for &(a, b) in pairs {
            corpus.live(a)?;
            corpus.live(b)?;
        }
        let order = Order::new(self);
        for &(a, b) in pairs {
            if order.above(b, a, |_| 0) {
                return Err(Error::InvalidOption {
                    option: "preferences",
                    reason: format!(
                        "`{}` is preferred to `{}` and, through the pairs given, \
                         `{}` to `{}`: preferences must not form a cycle",
                        corpus.name_of(a),
                        corpus.name_of(b),
                        corpus.name_of(b),
                        corpus.name_of(a)
                    ),
                });
            }
        }
        Ok(())
    }
}

impl serde::Serialize for Preferences {
    /// As its `Display`.
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for Preferences {
    /// `no preferences`, `evidential preferences`, `3 explicit preferences`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Preferences::None => f.write_str("no preferences"),
            Preferences::Evidential => f.write_str("evidential preferences"),
            Preferences::Explicit(pairs) => write!(f, "{} explicit preferences", pairs.len()),
        }
    }
}

/// Preferences made ready to answer "is `a` strictly above `b`?".
pub(crate) enum Order {
    None,
    Evidential,
    /// Each claim's directly less preferred claims.
    Explicit(BTreeMap<ClaimId, Vec<ClaimId>>),
}

impl Order {
    pub(crate) fn new(preferences: &Preferences) -> Order {
        match preferences {
            Preferences::None => Order::None,
            Preferences::Evidential => Order::Evidential,
            Preferences::Explicit(pairs) => {
                let mut below: BTreeMap<ClaimId, Vec<ClaimId>> = BTreeMap::new();
                for &(a, b) in pairs {
                    below.entry(a).or_default().push(b);
                }
                Order::Explicit(below)
            }
        }
    }

    /// Whether `a` is strictly preferred to `b`; `epsilon` gives a claim's
    /// net independent evidence (for the evidential order).
    pub(crate) fn above(&self, a: ClaimId, b: ClaimId, epsilon: impl Fn(ClaimId) -> i64) -> bool {
        match self {
            Order::None => false,
            Order::Evidential => epsilon(a) > epsilon(b),
            Order::Explicit(below) => {
                // Depth-first search down the order, with an explicit stack.
                let mut seen = BTreeSet::new();
                let mut stack = vec![a];
                while let Some(at) = stack.pop() {
                    for &next in below.get(&at).map(Vec::as_slice).unwrap_or_default() {
                        if next == b {
                            return true;
                        }
                        if seen.insert(next) {
                            stack.push(next);
                        }
                    }
                }
                false
            }
        }
    }
}

/// One defeat: `from` defeats `to`, by an attack of this kind; `reply` is
/// true when the defeat answers a rebuttal written the other way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct DefeatEdge {
    pub(crate) from: ClaimId,
    pub(crate) to: ClaimId,
    pub(crate) kind: AttackKind,
    pub(crate) reply: bool,
}

/// The defeats an attack from `from` on `to` of kind `kind` produces.
pub(crate) fn defeats_of(
    order: &Order,
    from: ClaimId,
    to: ClaimId,
    kind: AttackKind,
    epsilon: impl Fn(ClaimId) -> i64,
) -> impl Iterator<Item = DefeatEdge> {
    let forward = match kind {
        AttackKind::Undercuts => true,
        AttackKind::Undermines | AttackKind::Rebuts => !order.above(to, from, &epsilon),
    };
    let back = kind == AttackKind::Rebuts && !order.above(from, to, &epsilon);
    let edge = |from, to, reply| DefeatEdge {
        from,
        to,
        kind,
        reply,
    };
    forward
        .then(|| edge(from, to, false))
        .into_iter()
        .chain(back.then(|| edge(to, from, true)))
}

/// The defeats among a set of claims: every attack between two of them
/// (`attacks`), turned into defeats, without repeats (a rebuttal written
/// both ways gives each defeat once, as written where it was).
pub(crate) fn defeats_among(
    order: &Order,
    attacks: impl IntoIterator<Item = (ClaimId, ClaimId, AttackKind)>,
    epsilon: impl Fn(ClaimId) -> i64,
) -> Vec<DefeatEdge> {
    let mut edges: Vec<DefeatEdge> = attacks
        .into_iter()
        .flat_map(|(from, to, kind)| defeats_of(order, from, to, kind, &epsilon))
        .collect();
    // Written defeats before replies, so the one kept for a pair is the
    // attack as written.
    edges.sort_unstable_by_key(|e| (e.from, e.to, e.reply, e.kind));
    edges.dedup_by_key(|e| (e.from, e.to));
    edges
}
