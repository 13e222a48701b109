//! Verdicts kept across edits: each event's comparison, kept until an edit
//! touches what it was computed from.

use std::collections::{BTreeSet, HashMap, HashSet};

use smallvec::SmallVec;

use super::options::CompareOptions;
use super::report::Comparison;
use crate::error::Result;
use crate::graph::{Change, Changes, Corpus, Node, Relation};
use crate::model::EventId;
use crate::query::debate::{LinkPool, directional};

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
    readers: Readers,
    /// Entities the options name: a change to one drops everything.
    named: HashSet<Node>,
    /// The relations of the claims comparisons read, kept across edits so
    /// that a debate gathered again (the edited event's, or another's
    /// around the same claims) reads them without walking the graph; a
    /// change evicts the claims whose relations it touches.
    pool: LinkPool,
    /// When the pool holds more claims than this, those no kept comparison
    /// read are let go.
    pool_limit: usize,
}

/// The least size at which the pool lets go of claims no kept comparison
/// read.
const POOL_FLOOR: usize = 1 << 16;

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
            readers: Readers::default(),
            named,
            pool: LinkPool::default(),
            pool_limit: POOL_FLOOR,
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
            // Under a weighing that is not directional the debate is the
            // whole corpus: nothing to record, nor to pool.
            let directional = directional(self.options.weighing());
            let pool = directional.then_some(&self.pool);
            let (comparison, reading) = corpus.compare_reading(event, &self.options, pool)?;
            let read = directional.then(|| {
                for (claim, links) in reading.fresh {
                    self.pool.insert(claim, links);
                }
                // Every entity a comparison read: the events in scope, and
                // what its debate read (`Corpus::debate_reading`).
                // Each entity once: a node already read by this event was
                // registered last in its list.
                let events = corpus.scope_events(event, &self.options);
                let mut kept = Vec::with_capacity(reading.nodes.len() + events.len());
                for node in events.into_iter().map(Node::Event).chain(reading.nodes) {
                    if self.readers.push_once(node, event) {
                        kept.push(node);
                    }
                }
                kept
            });
            self.kept.insert(event, Kept { comparison, read });
            if self.pool.len() > self.pool_limit {
                let readers = &self.readers;
                self.pool
                    .retain(|claim| !readers.get(Node::Claim(claim)).is_empty());
                self.pool_limit = POOL_FLOOR.max(2 * self.pool.len());
            }
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
                if let Node::Claim(claim) = node {
                    self.pool.evict(claim);
                }
                let readers: Vec<EventId> = self.readers.get(node).to_vec();
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
        self.pool.clear();
        self.pool_limit = POOL_FLOOR;
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
        for &node in kept.read.iter().flatten() {
            self.readers.remove(node, event);
        }
    }
}

/// The entities whose reading a change alters: the entity added, removed
/// or replaced; for a relation, the end whose relations a comparison reads
/// (a claim's explanation, positions and evidence; not an explanation's
/// claims, a scholar's positions or the claims citing a piece of
/// evidence, which would make every comparison that reads a much-used
/// explanation, scholar or document fall with every new claim). So the
/// claims named are exactly those whose relations (`ClaimLinks`) change.
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

/// For each entity, the events whose kept comparison read it: one list per
/// id, in a table per kind of entity indexed by the id (ids are dense), so
/// that a comparison of a large debate registers its hundred thousand
/// entities without hashing one.
#[derive(Debug, Clone, Default)]
struct Readers {
    by_kind: [Vec<SmallVec<[EventId; 2]>>; 6],
}

impl Readers {
    fn slot(node: Node) -> (usize, usize) {
        match node {
            Node::Scholar(id) => (0, id.index() as usize),
            Node::Work(id) => (1, id.index() as usize),
            Node::Evidence(id) => (2, id.index() as usize),
            Node::Event(id) => (3, id.index() as usize),
            Node::Explanation(id) => (4, id.index() as usize),
            Node::Claim(id) => (5, id.index() as usize),
        }
    }

    fn get(&self, node: Node) -> &[EventId] {
        let (kind, at) = Readers::slot(node);
        self.by_kind[kind]
            .get(at)
            .map_or(&[], |events| events.as_slice())
    }

    /// Registers `event` as a reader of `node`, unless it was the last
    /// registered; whether it registered it.
    fn push_once(&mut self, node: Node, event: EventId) -> bool {
        let (kind, at) = Readers::slot(node);
        let table = &mut self.by_kind[kind];
        if table.len() <= at {
            table.resize(at + 1, SmallVec::new());
        }
        if table[at].last() == Some(&event) {
            return false;
        }
        table[at].push(event);
        true
    }

    fn remove(&mut self, node: Node, event: EventId) {
        let (kind, at) = Readers::slot(node);
        if let Some(events) = self.by_kind[kind].get_mut(at) {
            if let Some(i) = events.iter().position(|&e| e == event) {
                events.swap_remove(i);
            }
        }
    }

    fn clear(&mut self) {
        for table in &mut self.by_kind {
            table.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AttackKind, ClaimId};

    /// With the pool letting go of unread claims after every comparison,
    /// comparisons still agree with fresh ones, and every claim a kept
    /// comparison read stays pooled.
    #[test]
    fn a_pool_that_lets_go_keeps_what_is_read() {
        let mut corpus = crate::sino_soviet_split();
        let options = CompareOptions::new().with_margin_budget(500);
        let mut live = LiveVerdicts::new(options.clone());
        let events: Vec<EventId> = corpus.ids().collect();
        let claims: Vec<ClaimId> = corpus.ids().collect();
        for round in 0..12 {
            live.pool_limit = 0;
            // Every other event, so that some comparisons are dropped and
            // others kept.
            for &event in events.iter().skip(round % 2).step_by(2) {
                live.pool_limit = 0;
                let got = live.compare(&corpus, event).expect("live").clone();
                assert_eq!(got, corpus.view(&options).compare(event).expect("live"));
            }
            for claim in corpus.ids::<ClaimId>() {
                if !live.readers.get(Node::Claim(claim)).is_empty() {
                    assert!(
                        live.pool.get(claim).is_some(),
                        "{claim} read but not pooled"
                    );
                }
            }
            let (a, b) = (
                claims[round * 7 % claims.len()],
                claims[round * 11 % claims.len()],
            );
            if a == b {
                continue;
            }
            let mut tx = corpus.transaction();
            if tx.attacks_by(a).any(|(t, _)| t == b) {
                tx.remove_attack(a, b).expect("there");
            } else {
                tx.attack(a, b, AttackKind::Undercuts).expect("both live");
            }
            let changes = tx.commit();
            live.update(&corpus, &changes);
        }
    }
}
