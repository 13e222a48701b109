//! Playing changes forwards (redo, replay on a copy) and backwards (undo),
//! checking each against the corpus as it stands.

use petgraph::Direction::Outgoing;
use petgraph::stable_graph::NodeIndex;

use super::change::{Change, Changes, Link, Record};
use super::entity::is;
use super::{Corpus, EntityId, Node, Relation};
use crate::error::{Error, Result};
use crate::model::{ClaimId, Kind};

/// Runs a generic method on the id and entity of a record, whatever its kind.
macro_rules! on_record {
    ($corpus:expr, $record:expr, $method:ident $(, $extra:expr)?) => {
        match $record {
            Record::Scholar(id, data) => $corpus.$method(*id, data $(, $extra)?),
            Record::Work(id, data) => $corpus.$method(*id, data $(, $extra)?),
            Record::Evidence(id, data) => $corpus.$method(*id, data $(, $extra)?),
            Record::Event(id, data) => $corpus.$method(*id, data $(, $extra)?),
            Record::Explanation(id, data) => $corpus.$method(*id, data $(, $extra)?),
            Record::Claim(id, data) => $corpus.$method(*id, data $(, $extra)?),
        }
    };
}

/// Why one change does not fit the corpus.
type Misfit = String;

/// How many ids never issued one replay may pass over, adding an entity or
/// a position beyond the next id of its kind. A copy passes over the ids
/// the corpus it follows issued in transactions that were rolled back, a
/// few; a log read from elsewhere that names `claim#4000000000` would
/// otherwise make the tables grow to four billion slots.
const MAX_SKIPPED: u64 = 1 << 16;

impl Corpus {
    /// Replays changes: all of them, in order, or none. Returns the changes
    /// made, as a transaction's [`commit`](crate::Transaction::commit) does.
    ///
    /// Use it to redo what [`undo`](Corpus::undo) undid, or to bring a
    /// copy up to date with the corpus the changes were made on (a copy
    /// holds the same ids: a clone, or the same document loaded again).
    /// Each change is checked against the corpus as it stands: an entity
    /// is added only under a free id with a free key, removed only with
    /// the data recorded and no relations left, a relation added only
    /// between live entities of the right kinds and where it is not
    /// already, and so on; at the end, every claim touched must still
    /// invoke one explanation and concern an event. Inside a
    /// [`Transaction`](crate::Transaction) the replayed changes are
    /// recorded like any edit.
    ///
    /// A log may come from elsewhere ([`Changes::from_json`]): nothing in it
    /// is trusted. Besides the checks above, one replay may pass over at
    /// most 65,536 ids never issued (adding an entity or a position beyond
    /// the next id of its kind), so that a log naming `claim#4000000000`
    /// is refused instead of growing the tables to that size.
    ///
    /// # Errors
    /// [`Error::Conflict`] naming the first change that does not fit, by
    /// its place in `changes`, and why; the corpus is then unchanged.
    ///
    /// ```
    /// use historiograph::{Scholar, sino_soviet_split};
    ///
    /// let mut mine = sino_soviet_split();
    /// let mut theirs = sino_soviet_split();
    /// let mut tx = mine.transaction();
    /// tx.add_scholar(Scholar::new("jersild", "Austin Jersild"))?;
    /// let changes = tx.commit();
    /// theirs.apply(&changes)?;
    /// assert_eq!(mine, theirs);
    /// // Applied twice, the same key would be taken: refused, nothing changes.
    /// assert!(theirs.apply(&changes).is_err());
    /// assert_eq!(mine, theirs);
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn apply(&mut self, changes: &Changes) -> Result<Changes> {
        let mut tx = self.transaction();
        let mut skipped = 0;
        for (index, change) in changes.iter().enumerate() {
            skipped += tx.skipped(change);
            let fits = if skipped > MAX_SKIPPED {
                Err(format!(
                    "it passes over more than {MAX_SKIPPED} ids never issued"
                ))
            } else {
                tx.apply_change(change)
            };
            fits.map_err(|reason| Error::Conflict {
                index,
                change: change.to_string(),
                reason,
            })?;
        }
        for (index, claim) in touched_claims(changes) {
            if let Err(reason) = tx.check_claim(claim) {
                return Err(Error::Conflict {
                    index,
                    change: changes[index].to_string(),
                    reason,
                });
            }
        }
        Ok(tx.commit())
    }

    /// Undoes changes: plays their inverses, last first, all or none, and
    /// returns the changes made (the inverses).
    ///
    /// Undoing the changes of the last edits restores the corpus exactly
    /// (ids included: an entity comes back under its own id); redo them
    /// with [`apply`](Corpus::apply).
    ///
    /// # Errors
    /// As [`apply`](Corpus::apply): [`Error::Conflict`] when the corpus has
    /// moved on so that a change cannot be undone (say, a removed entity's
    /// key was taken meanwhile); the corpus is then unchanged.
    pub fn undo(&mut self, changes: &Changes) -> Result<Changes> {
        self.apply(&changes.inverse())
    }

    /// How many ids never issued a change passes over: those between the
    /// next id of its kind and the one it adds.
    fn skipped(&self, change: &Change) -> u64 {
        let (raw, next) = match change {
            Change::Added(record) => (
                record.node().raw(),
                match record.kind() {
                    Kind::Scholar => self.table::<crate::model::ScholarId>().slots.len(),
                    Kind::Work => self.table::<crate::model::WorkId>().slots.len(),
                    Kind::Evidence => self.table::<crate::model::EvidenceId>().slots.len(),
                    Kind::Event => self.table::<crate::model::EventId>().slots.len(),
                    Kind::Explanation => self.table::<crate::model::ExplanationId>().slots.len(),
                    Kind::Claim => self.table::<ClaimId>().slots.len(),
                },
            ),
            Change::Linked(link) => match link.relation() {
                Relation::Takes(id, _) => (id.index(), self.positions.len()),
                _ => return 0,
            },
            _ => return 0,
        };
        u64::from(raw).saturating_sub(next as u64)
    }

    /// Makes one change, if it fits.
    pub(super) fn apply_change(&mut self, change: &Change) -> std::result::Result<(), Misfit> {
        match change {
            Change::Added(record) => on_record!(self, record, add_record),
            Change::Removed(record) => on_record!(self, record, remove_record),
            Change::Replaced { old, new } => {
                if old.node() != new.node() {
                    return Err(format!("{old} and {new} are not the same entity"));
                }
                on_record!(self, new, replace_record, old)
            }
            Change::Linked(link) => self.add_link(link),
            Change::Unlinked(link) => {
                let (from, to) = self.ends(link)?;
                let edge = self
                    .edge_between(from, to, |r| *r == link.relation())
                    .ok_or_else(|| format!("there is no {link}"))?;
                self.unlink(edge);
                Ok(())
            }
            Change::Relinked { old, new } => self.relabel(old, new),
            Change::Titled { old, new } => {
                if self.title != *old {
                    return Err(format!("the title is {:?}, not {old:?}", self.title));
                }
                self.retitle(new.clone());
                Ok(())
            }
        }
    }

    fn add_record<I: EntityId>(
        &mut self,
        id: I,
        data: &I::Entity,
    ) -> std::result::Result<(), Misfit> {
        if self.contains(id) {
            return Err(format!("{id} is taken"));
        }
        if id.raw() == u32::MAX {
            return Err(format!("{id} is past the last id"));
        }
        self.check_entity::<I>(data, None)
            .map_err(|e| e.to_string())?;
        self.put(id, data.clone());
        Ok(())
    }

    fn remove_record<I: EntityId>(
        &mut self,
        id: I,
        data: &I::Entity,
    ) -> std::result::Result<(), Misfit> {
        let node = self.node(id).ok_or_else(|| format!("{id} is not live"))?;
        if self.get(id) != Some(data) {
            return Err(format!("{id} holds other data than recorded"));
        }
        if self.graph.neighbors_undirected(node).next().is_some() {
            return Err(format!("{id} still has relations"));
        }
        // A position names its work inside the relation, not by an edge.
        if I::KIND == Kind::Work && self.taken_in(crate::model::WorkId(id.raw())) {
            return Err(format!("positions are still taken in {id}"));
        }
        self.retire(id);
        Ok(())
    }

    fn replace_record<I: EntityId>(
        &mut self,
        id: I,
        new: &I::Entity,
        old: &Record,
    ) -> std::result::Result<(), Misfit> {
        if !self.contains(id) {
            return Err(format!("{id} is not live"));
        }
        if self.get(id) != old.get::<I>().map(|(_, data)| data) {
            return Err(format!("{id} holds other data than recorded"));
        }
        self.check_entity(new, Some(id))
            .map_err(|e| e.to_string())?;
        self.swap(id, new.clone());
        Ok(())
    }

    /// The live nodes at a link's ends.
    fn ends(&self, link: &Link) -> std::result::Result<(NodeIndex, NodeIndex), Misfit> {
        let live = |node: Node| {
            self.node_of(node)
                .ok_or_else(|| format!("{node} is not live"))
        };
        Ok((live(link.from())?, live(link.to())?))
    }

    fn add_link(&mut self, link: &Link) -> std::result::Result<(), Misfit> {
        let (from, to) = self.ends(link)?;
        let relation = link.relation();
        let (from_kind, to_kind) = relation.ends();
        if link.from().kind() != from_kind || link.to().kind() != to_kind {
            return Err(format!("{link} joins the wrong kinds of entity"));
        }
        if from == to && !matches!(relation, Relation::ContributedBy { .. }) {
            return Err(format!("{link} joins an entity to itself"));
        }
        let kind = std::mem::discriminant(&relation);
        let repeat = match relation {
            Relation::Takes(id, position) => {
                if self
                    .positions
                    .get(id.0 as usize)
                    .is_some_and(Option::is_some)
                {
                    return Err(format!("{id} is taken"));
                }
                if let Some(work) = position.work() {
                    self.live(work).map_err(|e| e.to_string())?;
                }
                self.position_edge(from, to, position.work()).is_some()
            }
            // One edge per role: a scholar may edit and translate a work.
            Relation::ContributedBy { role, .. } => self
                .edge_between(
                    from,
                    to,
                    |r| matches!(r, Relation::ContributedBy { role: other, .. } if *other == role),
                )
                .is_some(),
            _ => self
                .edge_between(from, to, |r| std::mem::discriminant(r) == kind)
                .is_some(),
        };
        if repeat {
            return Err(format!("{link} is there already"));
        }
        if matches!(
            relation,
            Relation::FoundIn | Relation::Within | Relation::VariantOf | Relation::Invokes
        ) {
            let single = single_of(&relation);
            if self.edges(from, Outgoing, single).next().is_some() {
                return Err(format!("{link}: {} has one already", link.from()));
            }
            if matches!(relation, Relation::Within | Relation::VariantOf)
                && self.reaches(to, from, single)
            {
                return Err(format!("{link} would close a cycle"));
            }
        }
        self.link(from, to, relation);
        Ok(())
    }

    /// Whether following `keep` edges up from `from` meets `goal`.
    fn reaches(&self, from: NodeIndex, goal: NodeIndex, keep: fn(&Relation) -> bool) -> bool {
        let mut at = Some(from);
        while let Some(node) = at {
            if node == goal {
                return true;
            }
            at = self.edges(node, Outgoing, keep).next().map(|(up, _, _)| up);
        }
        false
    }

    fn relabel(&mut self, old: &Link, new: &Link) -> std::result::Result<(), Misfit> {
        if (old.from(), old.to()) != (new.from(), new.to())
            || std::mem::discriminant(&old.relation()) != std::mem::discriminant(&new.relation())
        {
            return Err(format!("{old} and {new} are not the same relation"));
        }
        let (from, to) = self.ends(old)?;
        let edge = self
            .edge_between(from, to, |r| *r == old.relation())
            .ok_or_else(|| format!("there is no {old}"))?;
        if let (Relation::Takes(a, before), Relation::Takes(b, after)) =
            (old.relation(), new.relation())
        {
            if a != b {
                return Err(format!("{old} and {new} are not the same position"));
            }
            if let Some(work) = after.work() {
                self.live(work).map_err(|e| e.to_string())?;
            }
            if after.work() != before.work() && self.position_edge(from, to, after.work()).is_some()
            {
                return Err(format!("{new}: the scholar takes a position there already"));
            }
        }
        self.relink(edge, new.relation());
        Ok(())
    }

    /// Whether any position is taken in `work`.
    fn taken_in(&self, work: crate::model::WorkId) -> bool {
        self.positions.iter().flatten().any(
            |&edge| matches!(self.graph.edge_weight(edge), Some(Relation::Takes(_, p)) if p.work() == Some(work)),
        )
    }

    /// The graph node of a live entity.
    pub(crate) fn node_of(&self, node: Node) -> Option<NodeIndex> {
        match node {
            Node::Scholar(id) => self.node(id),
            Node::Work(id) => self.node(id),
            Node::Evidence(id) => self.node(id),
            Node::Event(id) => self.node(id),
            Node::Explanation(id) => self.node(id),
            Node::Claim(id) => self.node(id),
        }
    }

    /// A live claim invokes one explanation and concerns at least one event.
    fn check_claim(&self, claim: ClaimId) -> std::result::Result<(), Misfit> {
        let Some(node) = self.node(claim) else {
            return Ok(());
        };
        let key = self.key_at(node);
        if self.edges(node, Outgoing, is::invokes).next().is_none() {
            return Err(format!("claim `{key}` would invoke no explanation"));
        }
        if self.edges(node, Outgoing, is::concerns).next().is_none() {
            return Err(format!("claim `{key}` would concern no event"));
        }
        Ok(())
    }
}

/// The filter for the relations an entity has at most one of.
fn single_of(relation: &Relation) -> fn(&Relation) -> bool {
    match relation {
        Relation::FoundIn => is::found_in,
        Relation::Within => is::within,
        Relation::VariantOf => is::variant_of,
        _ => is::invokes,
    }
}

/// Each claim whose explanation or events the changes touch, with the
/// place of the last change that touches it.
fn touched_claims(changes: &Changes) -> Vec<(usize, ClaimId)> {
    let mut last = std::collections::BTreeMap::new();
    for (index, change) in changes.iter().enumerate() {
        let links: &[&Link] = match change {
            Change::Linked(l) | Change::Unlinked(l) => &[l],
            Change::Added(Record::Claim(id, _)) => {
                last.insert(*id, index);
                &[]
            }
            _ => &[],
        };
        for link in links {
            if let (Node::Claim(id), Relation::Invokes | Relation::Concerns) =
                (link.from(), link.relation())
            {
                last.insert(id, index);
            }
        }
    }
    let mut out: Vec<(usize, ClaimId)> = last.into_iter().map(|(c, i)| (i, c)).collect();
    out.sort_unstable();
    out
}
