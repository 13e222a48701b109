//! Verdicts kept across edits: each event's comparison, kept until an edit
//! touches what it was computed from.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::options::CompareOptions;
use super::report::Comparison;
use crate::error::Result;
use crate::graph::{Change, Changes, Corpus, Node, Relation};
use crate::model::{ClaimId, EventId, ExplanationId};
use crate::query::debate::directional;

/// The comparisons of events under one set of options, kept up to date
/// as the corpus is edited: after an edit, only the events whose
/// comparison the edit could change are computed again.
///
/// A comparison is computed from the claims around its events in scope
/// and every claim that can reach them (the calculus, §1–§6), and from
/// their positions, scholars, works, evidence and explanations. `LiveVerdicts`
/// remembers those entities for each event it has compared; give it the
/// [`Changes`] of each edit ([`update`](LiveVerdicts::update)) and it
/// drops exactly the comparisons of the events whose entities the changes
/// name, and any comparison if the changes are not all that happened
/// (their versions do not follow on: an edit made outside a transaction,
/// or changes skipped). So [`compare`](LiveVerdicts::compare) always
/// returns what [`View::compare`](crate::View::compare) would, computing only what an edit
/// touched.
///
/// ```
/// use historiograph::{AttackKind, CompareOptions, EventId, LiveVerdicts, ClaimId};
///
/// let mut corpus = historiograph::sino_soviet_split();
/// let mut live = LiveVerdicts::new(CompareOptions::new());
/// let leap: EventId = corpus.resolve("great-leap-forward")?;
/// let split: EventId = corpus.resolve("sino-soviet-split")?;
/// live.compare(&corpus, leap)?;
/// live.compare(&corpus, split)?;
///
/// // An edit: one claim about the split now undercuts another.
/// let (a, b): (ClaimId, ClaimId) = (
///     corpus.resolve("luthi-ideology-central")?,
///     corpus.resolve("luthi-ideology-domestic-entanglement")?,
/// );
/// let mut tx = corpus.transaction();
/// tx.attack(a, b, AttackKind::Undercuts)?;
/// let changes = tx.commit();
/// let dropped = live.update(&corpus, &changes);
/// assert!(dropped.contains(&split));
/// assert_eq!(live.compare(&corpus, split)?, &corpus.view(&CompareOptions::new()).compare(split)?);
/// # Ok::<(), historiograph::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct LiveVerdicts {
    options: CompareOptions,
    /// The corpus version the kept comparisons were computed for.
    version: Option<u64>,
    /// The corpus's last year then (it places undated items when the
    /// options ask for a year).
    last_year: Option<Option<i32>>,
    kept: HashMap<EventId, Kept>,
    /// For each entity, the events whose kept comparison read it.
    readers: HashMap<Node, Vec<EventId>>,
    /// Entities the options name: a change to one drops everything.
    named: HashSet<Node>,
}

#[derive(Debug, Clone)]
struct Kept {
    comparison: Comparison,
    /// What it was computed from; `None`: the whole corpus.
    read: Option<Vec<Node>>,
}

impl LiveVerdicts {
    /// No comparisons yet, under these options.
    pub fn new(options: CompareOptions) -> LiveVerdicts {
        let mut named: HashSet<Node> = options
            .scholars()
            .into_iter()
            .flatten()
            .map(Node::Scholar)
            .collect();
        if let super::Preferences::Explicit(pairs) = options.preferences() {
            for &(a, b) in pairs {
                named.extend([Node::Claim(a), Node::Claim(b)]);
            }
        }
        LiveVerdicts {
            options,
            version: None,
            last_year: None,
            kept: HashMap::new(),
            readers: HashMap::new(),
            named,
        }
    }

    /// The options every comparison is made under.
    pub fn options(&self) -> &CompareOptions {
        &self.options
    }

    /// The comparison of an event, as [`View::compare`](crate::View::compare) gives it: kept
    /// from before when no edit since touched it, computed otherwise.
    ///
    /// # Errors
    /// As [`View::compare`](crate::View::compare).
    pub fn compare(&mut self, corpus: &Corpus, event: EventId) -> Result<&Comparison> {
        self.follow(corpus);
        if !self.kept.contains_key(&event) {
            let (comparison, claims) = corpus.compare_with_claims(event, &self.options)?;
            let read = directional(self.options.weighing()).then(|| {
                let read = self.read_by(corpus, event, &claims);
                for &node in &read {
                    self.readers.entry(node).or_default().push(event);
                }
                read
            });
            self.kept.insert(event, Kept { comparison, read });
        }
        self.kept
            .get(&event)
            .map(|kept| &kept.comparison)
            .ok_or(crate::Error::UnknownId {
                kind: crate::Kind::Event,
                id: event.index(),
            })
    }

    /// Whether the comparison of an event is kept (would be returned
    /// without computing).
    pub fn is_kept(&self, event: EventId) -> bool {
        self.kept.contains_key(&event)
    }

    /// Takes in the changes of an edit made to `corpus` since the last
    /// call: drops the comparisons they could change, and returns their
    /// events, in id order.
    ///
    /// Changes that do not follow on from what was last seen (not made by
    /// one transaction, or made after other edits) drop every comparison.
    pub fn update(&mut self, corpus: &Corpus, changes: &Changes) -> BTreeSet<EventId> {
        let follows = matches!(changes.versions, Some((from, to))
            if Some(from) == self.version && to == corpus.version());
        let year_moved = self.options.as_of().is_some()
            && self.last_year.is_some_and(|y| y != corpus.last_year());
        if !follows || year_moved {
            return self.drop_all(corpus);
        }
        let mut dropped = BTreeSet::new();
        for change in changes {
            for node in nodes_named(change) {
                if self.named.contains(&node) {
                    return self.drop_all(corpus);
                }
                let readers = self.readers.get(&node).cloned().unwrap_or_default();
                for event in readers {
                    self.drop(event);
                    dropped.insert(event);
                }
            }
        }
        // Comparisons of the whole corpus (stable, semi-stable and stage
        // weighing) depend on everything.
        if !changes.is_empty() {
            let whole: Vec<EventId> = self
                .kept
                .iter()
                .filter(|(_, k)| k.read.is_none())
                .map(|(&e, _)| e)
                .collect();
            for event in whole {
                self.drop(event);
                dropped.insert(event);
            }
        }
        self.version = Some(corpus.version());
        dropped
    }

    /// Starts following `corpus`, dropping everything if it is not the
    /// state last seen.
    fn follow(&mut self, corpus: &Corpus) {
        if self.version != Some(corpus.version()) {
            self.drop_all(corpus);
        }
    }

    fn drop_all(&mut self, corpus: &Corpus) -> BTreeSet<EventId> {
        let dropped = self.kept.keys().copied().collect();
        self.kept.clear();
        self.readers.clear();
        self.version = Some(corpus.version());
        self.last_year = Some(corpus.last_year());
        dropped
    }

    /// Drops an event's comparison, and its entries in `readers`: in
    /// O(entities it read × events that read each), the order of what
    /// computing it cost.
    fn drop(&mut self, event: EventId) {
        let Some(kept) = self.kept.remove(&event) else {
            return;
        };
        for node in kept.read.iter().flatten() {
            if let Some(events) = self.readers.get_mut(node) {
                if let Some(at) = events.iter().position(|&e| e == event) {
                    events.swap_remove(at);
                }
                if events.is_empty() {
                    self.readers.remove(node);
                }
            }
        }
    }

    /// Every entity a comparison read: the events in scope; every claim
    /// it looked at (those about the events in scope and those that could
    /// reach them, in view or not); and for each such claim what its place
    /// in the debate and in the view depends on: its explanation and that
    /// explanation's family, the scholars and works of its positions, its
    /// evidence and the evidence's works. Sorted, without repeats.
    fn read_by(&self, corpus: &Corpus, event: EventId, considered: &[ClaimId]) -> Vec<Node> {
        let mut read: Vec<Node> = Vec::with_capacity(considered.len() * 6);
        let mut families: HashSet<ExplanationId> = HashSet::new();
        for e in corpus.scope_events(event, &self.options) {
            read.push(Node::Event(e));
        }
        for &claim in considered {
            read.push(Node::Claim(claim));
            let mut explanation = corpus.explanation_of(claim);
            while let Some(x) = explanation.filter(|&x| families.insert(x)) {
                read.push(Node::Explanation(x));
                explanation = corpus.variant_of(x);
            }
            for (_, scholar, position) in corpus.positions_on(claim) {
                read.push(Node::Scholar(scholar));
                read.extend(position.work().map(Node::Work));
            }
            for (evidence, _) in corpus.citations(claim) {
                read.push(Node::Evidence(evidence));
                read.extend(corpus.evidence_work(evidence).map(Node::Work));
            }
        }
        read.sort_unstable();
        read.dedup();
        read
    }
}

/// The entities whose reading a change alters: the entity added, removed
/// or replaced; for a relation, the end whose relations a comparison reads
/// (a claim's explanation, positions and evidence; not an explanation's
/// claims, a scholar's positions or the claims citing a piece of
/// evidence, which would make every comparison that reads a much-used
/// explanation, scholar or document fall with every new claim).
fn nodes_named(change: &Change) -> Vec<Node> {
    let link_ends = |l: &crate::Link| match l.relation() {
        Relation::Invokes | Relation::Cites(_) => vec![l.from()],
        Relation::Takes(..) => vec![l.to()],
        _ => vec![l.from(), l.to()],
    };
    match change {
        Change::Added(r) | Change::Removed(r) => vec![r.node()],
        Change::Replaced { new, .. } => vec![new.node()],
        Change::Linked(l) | Change::Unlinked(l) => link_ends(l),
        Change::Relinked { new, .. } => link_ends(new),
        Change::Titled { .. } => Vec::new(),
    }
}
