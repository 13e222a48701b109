//! The corpus: one petgraph `StableDiGraph` holding every relation between
//! entities named by id, and beside it a table per kind holding the
//! entities with their keys. All mutation goes through [`Corpus`].

mod bulk;
mod change;
pub(crate) mod edit;
pub(crate) mod entity;
mod equal;
mod log;
mod positions;
mod primitive;
mod read;
pub(crate) use read::ClaimLinks;
mod replay;
pub(crate) mod table;
mod transaction;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;

use crate::error::{Error, Result};
use crate::model::ClaimId;
pub(crate) use bulk::first_repeat;
pub use change::{Change, Changes, Link, Record, Removed};
use entity::sealed::Sealed as _;
pub use entity::{EntityId, Node, Relation};
use table::{Table, Tables};
pub use transaction::Transaction;

/// A historiographical debate: scholars, works, evidence, events,
/// explanations and claims, and the relations between them.
///
/// Build one with the `add_*` methods and the relation methods, or load one
/// with [`Corpus::from_json`]. Every entity has a readable key, unique per
/// kind, and a typed id ([`ClaimId`](crate::ClaimId), ...) that is never
/// reused. Every edit checks its input first: an edit that returns an error
/// leaves the corpus as it was.
///
/// ```
/// use historiograph::{Claim, Corpus, Event, Explanation, Position, Scholar, Stance};
///
/// let mut corpus = Corpus::new();
/// let zagoria = corpus.add_scholar(Scholar::new("zagoria", "Donald S. Zagoria"))?;
/// let split = corpus.add_event(Event::new("split", "The Sino-Soviet split"), None)?;
/// let ideology = corpus.add_explanation(Explanation::new("ideology", "Ideology"), None)?;
/// let claim = corpus.add_claim(
///     Claim::new("multicausal", "Ideology among historical, personal and economic causes"),
///     ideology,
///     [split],
/// )?;
/// corpus.add_position(zagoria, claim, Position::new(Stance::Advances).in_year(1961))?;
///
/// assert_eq!(corpus.explanation_of(claim), Some(ideology));
/// assert_eq!(corpus.claims_about(split).collect::<Vec<_>>(), [claim]);
/// # Ok::<(), historiograph::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Corpus {
    graph: StableDiGraph<Node, Relation>,
    tables: Tables,
    title: Option<String>,
    /// By raw position id, the edge holding the position; `None` once removed.
    positions: Vec<Option<EdgeIndex>>,
    /// Derived from the graph on first use, then kept up to date by every edit.
    index: Index,
    /// The changes of the open transactions, outermost first; `None` when
    /// none is open.
    journal: Option<Vec<Change>>,
    /// Names the corpus's state: a number no other state of any corpus in
    /// this process has, given by every change; a clone shares it until
    /// either is changed (see [`LiveVerdicts`](crate::LiveVerdicts)).
    version: u64,
}

/// The last version given out.
static VERSIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// A version no corpus state has had.
fn new_version() -> u64 {
    VERSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1
}

impl Clone for Corpus {
    /// A copy of the corpus, ids included; the copy has no open transaction.
    fn clone(&self) -> Corpus {
        Corpus {
            graph: self.graph.clone(),
            tables: self.tables.clone(),
            title: self.title.clone(),
            positions: self.positions.clone(),
            index: self.index.clone(),
            journal: None,
            version: self.version,
        }
    }
}

/// What queries derive from the whole graph: how many items enter the
/// debate in each year (the calculus, §1), counted on first use and then
/// kept up to date by every edit in O(log years), so that an edit costs no
/// pass over the corpus.
#[derive(Debug, Clone, Default)]
struct Index {
    years: std::sync::OnceLock<std::collections::BTreeMap<i32, u32>>,
}

impl Index {
    /// Counts an item entering (`+1`) or leaving (`-1`) in `year`, once
    /// the counts exist.
    fn count_year(&mut self, year: Option<i32>, by: i32) {
        let (Some(year), Some(counts)) = (year, self.years.get_mut()) else {
            return;
        };
        let count = counts.entry(year).or_insert(0);
        *count = count.saturating_add_signed(by);
        if *count == 0 {
            counts.remove(&year);
        }
    }
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Corpus {
        Corpus::default()
    }

    /// The version of the corpus's state: changed by every edit, shared by
    /// a clone until either is edited, and never the same for two states
    /// in one process. A tool compares versions to know whether anything
    /// changed since it last looked.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Whether the corpus holds no entity at all.
    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }

    /// The corpus's title, if set.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// Sets or clears the title; returns the old one.
    pub fn set_title(&mut self, title: Option<String>) -> Option<String> {
        self.retitle(title)
    }

    /// A read-only view of the underlying petgraph graph, for users who want
    /// petgraph's algorithms (the one place a petgraph type is public).
    ///
    /// Node and edge indices of this graph are not ids: petgraph reuses the
    /// slots of removed nodes, so keep [`EntityId`]s, not indices.
    pub fn as_petgraph(&self) -> &StableDiGraph<Node, Relation> {
        &self.graph
    }

    /// The corpus's last year: the latest year any of its items gives (a
    /// work's `issued` date, a claim's or a piece of evidence's own date, a
    /// position's own year; for a date like `196X`, the last year it
    /// allows). Undated items enter the debate in this year (see
    /// [`CompareOptions::with_as_of`](crate::CompareOptions::with_as_of));
    /// `None` when nothing is dated.
    ///
    /// # Complexity
    /// O(entities + relations) on the first call; after that O(log *y*)
    /// for *y* distinct years, however the corpus is edited: every edit
    /// keeps the count of items per year.
    pub fn last_year(&self) -> Option<i32> {
        let counts = self.index.years.get_or_init(|| {
            use crate::model::{EvidenceId, WorkId};
            let mut counts = std::collections::BTreeMap::new();
            let works = self.entities::<WorkId>().map(|(_, w)| WorkId::own_year(w));
            let claims = self
                .entities::<ClaimId>()
                .map(|(_, c)| ClaimId::own_year(c));
            let evidence = self
                .entities::<EvidenceId>()
                .map(|(_, e)| EvidenceId::own_year(e));
            let positions = self.graph.edge_weights().map(|r| match r {
                Relation::Takes(_, p) => p.year(),
                _ => None,
            });
            for year in works
                .chain(claims)
                .chain(evidence)
                .chain(positions)
                .flatten()
            {
                *counts.entry(year).or_insert(0u32) += 1;
            }
            counts
        });
        counts.last_key_value().map(|(&year, _)| year)
    }

    fn table<I: EntityId>(&self) -> &Table<I::Entity> {
        I::table(&self.tables)
    }

    fn table_mut<I: EntityId>(&mut self) -> &mut Table<I::Entity> {
        I::table_mut(&mut self.tables)
    }

    pub(crate) fn node<I: EntityId>(&self, id: I) -> Option<NodeIndex> {
        self.table::<I>().slot(id.raw()).map(|slot| slot.node)
    }

    /// The node of a live id, or [`Error::UnknownId`].
    pub(crate) fn live<I: EntityId>(&self, id: I) -> Result<NodeIndex> {
        self.node(id).ok_or(Error::UnknownId {
            kind: I::KIND,
            id: id.raw(),
        })
    }

    /// The entity an id names, or `None` if it was removed or never issued here.
    ///
    /// ```
    /// use historiograph::{Corpus, Scholar};
    ///
    /// let mut corpus = Corpus::new();
    /// let chen = corpus.add_scholar(Scholar::new("chen-jian", "Chen Jian"))?;
    /// assert_eq!(corpus.get(chen).map(|s| s.name()), Some("Chen Jian"));
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn get<I: EntityId>(&self, id: I) -> Option<&I::Entity> {
        self.table::<I>().slot(id.raw()).map(|slot| &slot.data)
    }

    /// The key of a live entity.
    pub fn key<I: EntityId>(&self, id: I) -> Option<&str> {
        self.get(id).map(I::key_of)
    }

    /// The id of the entity of kind `I` with this key.
    ///
    /// ```
    /// use historiograph::{Corpus, EventId};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let crisis: Option<EventId> = corpus.lookup("taiwan-strait-crisis-1958");
    /// assert!(crisis.is_some());
    /// ```
    pub fn lookup<I: EntityId>(&self, key: &str) -> Option<I> {
        self.table::<I>()
            .keys
            .get(key)
            .map(|&(raw, _)| I::from_raw(raw))
    }

    /// The id and node of the entity keyed `key`.
    pub(super) fn locate<I: EntityId>(&self, key: &str) -> Option<(I, NodeIndex)> {
        let &(raw, node) = self.table::<I>().keys.get(key)?;
        Some((I::from_raw(raw), node))
    }

    /// Like [`lookup`](Corpus::lookup), but an unknown key is an error,
    /// for use with `?`.
    ///
    /// # Errors
    /// [`Error::UnknownKey`] naming the kind and the key.
    pub fn resolve<I: EntityId>(&self, key: &str) -> Result<I> {
        self.lookup(key).ok_or_else(|| Error::UnknownKey {
            kind: I::KIND,
            key: key.to_owned(),
        })
    }

    /// Whether the id names a live entity of this corpus.
    pub fn contains<I: EntityId>(&self, id: I) -> bool {
        self.node(id).is_some()
    }

    /// How many live entities of kind `I` the corpus holds.
    pub fn count<I: EntityId>(&self) -> usize {
        self.table::<I>().keys.len()
    }

    /// The live ids of kind `I`, in the order they were issued.
    pub fn ids<I: EntityId>(&self) -> impl Iterator<Item = I> + '_ {
        self.table::<I>()
            .slots
            .iter()
            .enumerate()
            .filter(|(_, slot)| slot.is_some())
            .map(|(raw, _)| I::from_raw(raw as u32))
    }

    /// The live entities of kind `I` with their ids, in the order issued.
    pub fn entities<I: EntityId>(&self) -> impl Iterator<Item = (I, &I::Entity)> + '_ {
        self.table::<I>()
            .slots
            .iter()
            .enumerate()
            .filter_map(|(raw, slot)| Some((I::from_raw(raw as u32), &slot.as_ref()?.data)))
    }

    /// The key of a live id, for messages; the raw id if it is not live.
    pub(crate) fn name_of<I: EntityId>(&self, id: I) -> String {
        self.key(id)
            .map_or_else(|| id.to_string(), ToOwned::to_owned)
    }

    /// The id at a node whose kind the caller knows from the relation
    /// that led there.
    pub(crate) fn id_at<I: EntityId>(&self, node: NodeIndex) -> I {
        debug_assert_eq!(self.graph[node].kind(), I::KIND);
        I::from_raw(self.graph[node].raw())
    }

    /// The key of the entity at a live node, for messages.
    pub(crate) fn key_at(&self, node: NodeIndex) -> &str {
        let key = match self.graph[node] {
            Node::Scholar(id) => self.key(id),
            Node::Work(id) => self.key(id),
            Node::Evidence(id) => self.key(id),
            Node::Event(id) => self.key(id),
            Node::Explanation(id) => self.key(id),
            Node::Claim(id) => self.key(id),
        };
        key.unwrap_or_default()
    }

    /// Edges of one node in one direction whose relation passes `keep`, as
    /// (other end, relation, edge).
    pub(crate) fn edges(
        &self,
        node: NodeIndex,
        direction: Direction,
        keep: fn(&Relation) -> bool,
    ) -> impl Iterator<Item = (NodeIndex, &Relation, EdgeIndex)> + '_ {
        self.graph
            .edges_directed(node, direction)
            .filter(move |e| keep(e.weight()))
            .map(move |e| {
                let other = match direction {
                    Direction::Outgoing => e.target(),
                    Direction::Incoming => e.source(),
                };
                (other, e.weight(), e.id())
            })
    }

    /// Ids of the other ends of one node's edges of one relation, sorted.
    pub(crate) fn linked<I: EntityId, J: EntityId>(
        &self,
        id: I,
        direction: Direction,
        keep: fn(&Relation) -> bool,
    ) -> smallvec::IntoIter<[J; 8]> {
        let mut ids: smallvec::SmallVec<[J; 8]> = match self.node(id) {
            Some(node) => self
                .edges(node, direction, keep)
                .map(|(other, _, _)| self.id_at(other))
                .collect(),
            None => smallvec::SmallVec::new(),
        };
        ids.sort_unstable();
        ids.into_iter()
    }

    /// Checks a new or replacing entity: a valid, free key and no empty field.
    /// `current` is the id being replaced, whose own key stays free for it.
    fn check_entity<I: EntityId>(&self, data: &I::Entity, current: Option<I>) -> Result<()> {
        let key = I::key_of(data);
        crate::model::check_key(I::KIND, key)?;
        if let Some(owner) = self.lookup::<I>(key) {
            if Some(owner) != current {
                return Err(Error::DuplicateKey {
                    kind: I::KIND,
                    key: key.to_owned(),
                });
            }
        }
        if let Some(field) = I::empty_field(data) {
            return Err(Error::Empty {
                kind: I::KIND,
                key: key.to_owned(),
                field,
            });
        }
        if current.is_none() && self.table::<I>().slots.len() >= u32::MAX as usize {
            return Err(Error::Capacity { kind: I::KIND });
        }
        Ok(())
    }

    /// Makes room for `additional` more entities of kind `I` and
    /// `relations` more relations, so that loading a large document grows
    /// no table twice.
    pub(super) fn reserve<I: EntityId>(&mut self, additional: usize, relations: usize) {
        self.table_mut::<I>().reserve(additional);
        self.graph.reserve_exact_nodes(additional);
        self.graph.reserve_exact_edges(relations);
    }
}
