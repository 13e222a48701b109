//! Verdicts kept across edits: each event's comparison, kept until an edit
//! touches what it was computed from.

use std::collections::{BTreeSet, HashMap, HashSet};

use smallvec::SmallVec;

use super::options::CompareOptions;
use super::report::Comparison;
use crate::error::Result;
use crate::graph::{Change, Changes, Corpus, Node, Relation};
use crate::model::ClaimId;
use crate::model::EventId;
use crate::query::debate::{Entry, LinkPool, Seen, directional};

/// The comparisons of events under one set of options, kept up to date
/// as the corpus is edited: after an edit, only the events whose
/// comparison the edit could change are computed again.
///
/// A comparison is computed from the claims around its events in scope
/// and every claim that can reach them (the calculus, §1–§6), and from
/// their positions, scholars, works, evidence and explanations. `LiveVerdicts`
/// remembers, for each event it has compared, the events in scope and the
/// claims its comparison read, and keeps each of those claims with its
/// relations and the entities behind it; give it the [`Changes`] of each
/// edit ([`update`](LiveVerdicts::update)) and it drops exactly the
/// comparisons of the events whose entities the changes name, and any
/// comparison if the changes are not all that happened (their versions do
/// not follow on: an edit made outside a transaction, or changes skipped).
/// So [`compare`](LiveVerdicts::compare) always returns what
/// [`View::compare`](crate::View::compare) would, computing only what an
/// edit touched; a comparison computed again reads the claims it kept
/// without walking the graph.
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
    /// For each event in scope and each claim, the events whose kept
    /// comparison read it.
    readers: Readers,
    /// Entities the options name: a change to one drops everything.
    named: HashSet<Node>,
    /// The claims comparisons read, with their relations and what else
    /// each one's place depends on, kept across edits so that a debate
    /// gathered again (the edited event's, or another's around the same
    /// claims) reads them without walking the graph. Every claim a kept
    /// comparison read is here; a change evicts the claims it touches, and
    /// drops the comparisons that read them.
    pool: LinkPool,
    /// For each entity a pooled claim reads (`Entry::reads`), the claims
    /// that read it.
    claim_readers: ClaimReaders,
    /// The last generation given to a pool entry.
    generation: u64,
    /// How many entities the pool's entries read, all told.
    pooled_reads: usize,
    /// When the pool holds more claims than this, those no kept comparison
    /// read are let go.
    pool_limit: usize,
    /// The least size at which the pool is tidied ([`POOL_FLOOR`]; less
    /// in tests).
    floor: usize,
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
            claim_readers: ClaimReaders::default(),
            generation: 0,
            pooled_reads: 0,
            pool_limit: POOL_FLOOR,
            floor: POOL_FLOOR,
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
                for (claim, links, seen) in reading.fresh {
                    let reads = corpus.claim_reads(&links);
                    self.pool_claim(claim, links, seen, reads);
                }
                // What a comparison read: the events in scope, and the
                // claims its debate looked at (`Corpus::debate_reading`),
                // each registered once; what each claim reads in turn is
                // in the pool.
                let events = corpus.scope_events(event, &self.options);
                let mut kept = Vec::with_capacity(reading.claims.len() + events.len());
                let claims = reading.claims.into_iter().map(Node::Claim);
                for node in events.into_iter().map(Node::Event).chain(claims) {
                    if self.readers.push_once(node, event) {
                        kept.push(node);
                    }
                }
                kept
            });
            self.kept.insert(event, Kept { comparison, read });
            self.tidy_pool();
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
                match node {
                    Node::Claim(claim) => self.unpool(claim, &mut dropped),
                    _ => {
                        for (claim, generation) in self.claim_readers.take(node) {
                            let current = self.pool.entry(claim).map(|e| e.generation);
                            if current == Some(generation) {
                                self.unpool(claim, &mut dropped);
                            }
                        }
                    }
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
        self.claim_readers.clear();
        self.pooled_reads = 0;
        self.pool_limit = self.floor;
        self.version = Some(corpus.version());
        self.last_year = Some(corpus.last_year());
        dropped
    }

    /// Pools a claim read from the corpus, with how it is seen under the
    /// options, registering what it reads.
    fn pool_claim(
        &mut self,
        claim: ClaimId,
        links: crate::graph::ClaimLinks,
        seen: Seen,
        reads: Vec<Node>,
    ) {
        self.evict(claim);
        self.generation += 1;
        let entry = Entry {
            claim,
            links,
            seen,
            reads,
            generation: self.generation,
        };
        self.claim_readers.register(&entry);
        self.pooled_reads += entry.reads.len();
        self.pool.insert(entry);
    }

    /// Takes a claim out of the pool (its registrations go stale).
    fn evict(&mut self, claim: ClaimId) {
        if let Some(entry) = self.pool.entry(claim) {
            self.pooled_reads -= entry.reads.len();
            self.pool.evict(claim);
        }
    }

    /// Takes a claim out of the pool and drops the comparisons that read
    /// it, adding their events to `dropped`.
    fn unpool(&mut self, claim: ClaimId, dropped: &mut BTreeSet<EventId>) {
        self.evict(claim);
        let readers: Vec<EventId> = self.readers.get(Node::Claim(claim)).to_vec();
        for event in readers {
            self.drop(event);
            dropped.insert(event);
        }
    }

    /// Lets go of the pooled claims no kept comparison read once the pool
    /// has doubled since last time, and clears stale registrations once
    /// they outnumber the live ones: each in time proportional to what was
    /// pooled since.
    fn tidy_pool(&mut self) {
        if self.pool.len() > self.pool_limit {
            let unread: Vec<ClaimId> = self
                .pool
                .entries()
                .iter()
                .map(|entry| entry.claim)
                .filter(|&claim| self.readers.get(Node::Claim(claim)).is_empty())
                .collect();
            for claim in unread {
                self.evict(claim);
            }
            self.pool_limit = self.floor.max(2 * self.pool.len());
        }
        if self.claim_readers.registered > 2 * self.pooled_reads + self.floor {
            self.claim_readers.clear();
            for entry in self.pool.entries() {
                self.claim_readers.register(entry);
            }
        }
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
/// that a comparison of a large debate registers its thousands of claims
/// without hashing one.
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

/// For each entity, the pooled claims that read it, each with the
/// generation of its entry when it was registered: a claim evicted, or
/// pooled anew, leaves registrations that no longer match its entry, which
/// are skipped, and cleared out with the rest when they outnumber the
/// live ones (so evicting a claim never searches a long list).
#[derive(Debug, Clone, Default)]
struct ClaimReaders {
    by_kind: [Vec<Vec<(ClaimId, u64)>>; 6],
    /// How many registrations the lists hold, live or stale.
    registered: usize,
}

impl ClaimReaders {
    fn register(&mut self, entry: &Entry) {
        for &node in &entry.reads {
            let (kind, at) = Readers::slot(node);
            let table = &mut self.by_kind[kind];
            if table.len() <= at {
                table.resize_with(at + 1, Vec::new);
            }
            table[at].push((entry.claim, entry.generation));
        }
        self.registered += entry.reads.len();
    }

    /// The registrations on `node`, taken out.
    fn take(&mut self, node: Node) -> Vec<(ClaimId, u64)> {
        let (kind, at) = Readers::slot(node);
        let taken = self.by_kind[kind]
            .get_mut(at)
            .map(std::mem::take)
            .unwrap_or_default();
        self.registered -= taken.len();
        taken
    }

    fn clear(&mut self) {
        for table in &mut self.by_kind {
            table.clear();
        }
        self.registered = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AttackKind, ClaimId, Date, EvidenceId};

    /// With the pool tidied after every comparison, comparisons still
    /// agree with fresh ones, every claim a kept comparison read stays
    /// pooled with what it reads registered, and stale registrations never
    /// outnumber the live ones twice over. The edits change claims'
    /// relations (attacks) and what claims read (evidence's dates).
    #[test]
    fn a_tidied_pool_keeps_what_is_read() {
        let mut corpus = crate::sino_soviet_split();
        let options = CompareOptions::new().with_margin_budget(500);
        let mut live = LiveVerdicts::new(options.clone());
        live.floor = 0;
        let events: Vec<EventId> = corpus.ids().collect();
        let claims: Vec<ClaimId> = corpus.ids().collect();
        let evidence: Vec<EvidenceId> = corpus.ids().collect();
        let mut stale_seen = false;
        for round in 0..24 {
            // Every other event, so that some comparisons are dropped and
            // others kept.
            for &event in events.iter().skip(round % 2).step_by(2) {
                let got = live.compare(&corpus, event).expect("live").clone();
                assert_eq!(got, corpus.view(&options).compare(event).expect("live"));
            }
            for claim in corpus.ids::<ClaimId>() {
                if !live.readers.get(Node::Claim(claim)).is_empty() {
                    assert!(
                        live.pool.entry(claim).is_some(),
                        "{claim} read but not pooled"
                    );
                }
            }
            for entry in live.pool.entries() {
                for &node in &entry.reads {
                    let (kind, at) = Readers::slot(node);
                    assert!(
                        live.claim_readers.by_kind[kind][at]
                            .contains(&(entry.claim, entry.generation)),
                        "{} not registered on {node}",
                        entry.claim
                    );
                }
            }
            assert!(live.claim_readers.registered <= 2 * live.pooled_reads);
            stale_seen |= live.claim_readers.registered > live.pooled_reads;
            let (a, b) = (
                claims[round * 7 % claims.len()],
                claims[round * 11 % claims.len()],
            );
            let mut tx = corpus.transaction();
            if a != b {
                if tx.attacks_by(a).any(|(t, _)| t == b) {
                    tx.remove_attack(a, b).expect("there");
                } else {
                    tx.attack(a, b, AttackKind::Undercuts).expect("both live");
                }
            }
            let e = evidence[round * 5 % evidence.len()];
            let item = tx.evidence(e).expect("live").clone();
            let item = item.with_date(Date::from_year(1900 + round as i32));
            tx.replace(e, item).expect("replaced");
            let changes = tx.commit();
            live.update(&corpus, &changes);
        }
        assert!(stale_seen, "no stale registration to skip");
    }
}
