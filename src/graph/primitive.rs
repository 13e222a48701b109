//! The only code that changes the graph and the tables. Every edit,
//! loader and replay is made of these steps; each keeps the position
//! table and the count of years, and records its [`Change`] while a
//! transaction is open.

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};

use super::change::{Change, Link};
use super::table::Slot;
use super::{Corpus, EntityId, Relation};
use crate::model::PositionId;

impl Corpus {
    /// Marks a change: the corpus is in a new state.
    fn changed(&mut self) {
        self.version = super::new_version();
    }

    /// Whether a transaction is open, so that changes are recorded.
    fn recording(&self) -> bool {
        self.journal.is_some()
    }

    fn record(&mut self, change: Change) {
        if let Some(journal) = &mut self.journal {
            journal.push(change);
        }
    }

    /// Adds a checked entity under the next id of its kind.
    pub(super) fn issue<I: EntityId>(&mut self, data: I::Entity) -> (I, NodeIndex) {
        let id = I::from_raw(self.table::<I>().slots.len() as u32);
        (id, self.put(id, data))
    }

    /// Puts a checked entity under `id`, whose slot is free: never issued
    /// (any later id; the ids between stay unissued and are never issued
    /// after), or the entity's own, emptied by a removal being undone.
    pub(super) fn put<I: EntityId>(&mut self, id: I, data: I::Entity) -> NodeIndex {
        self.changed();
        if self.recording() {
            self.record(Change::Added(id.into_record(data.clone())));
        }
        self.index.count_year(I::own_year(&data), 1);
        let node = self.graph.add_node(id.node());
        let key = compact_str::CompactString::from(I::key_of(&data));
        let raw = id.raw();
        let table = self.table_mut::<I>();
        if table.slots.len() <= raw as usize {
            table.slots.resize_with(raw as usize + 1, || None);
        }
        table.keys.insert(key, (raw, node));
        table.slots[raw as usize] = Some(Slot { node, data });
        node
    }

    /// Takes out a live entity whose relations are all gone; its id is
    /// never issued again.
    pub(super) fn retire<I: EntityId>(&mut self, id: I) -> Option<I::Entity> {
        let table = self.table_mut::<I>();
        let slot = table.slots.get_mut(id.raw() as usize)?.take()?;
        table.keys.remove(I::key_of(&slot.data));
        self.changed();
        debug_assert!(self.graph.neighbors_undirected(slot.node).next().is_none());
        self.graph.remove_node(slot.node);
        self.index.count_year(I::own_year(&slot.data), -1);
        if self.recording() {
            self.record(Change::Removed(id.into_record(slot.data.clone())));
        }
        Some(slot.data)
    }

    /// Replaces a live entity's checked data; the key table follows.
    pub(super) fn swap<I: EntityId>(&mut self, id: I, data: I::Entity) -> Option<I::Entity> {
        let new_key = compact_str::CompactString::from(I::key_of(&data));
        let new_year = I::own_year(&data);
        let new = self.recording().then(|| data.clone());
        let table = self.table_mut::<I>();
        let slot = table.slots.get_mut(id.raw() as usize)?.as_mut()?;
        let node = slot.node;
        let old = std::mem::replace(&mut slot.data, data);
        table.keys.remove(I::key_of(&old));
        table.keys.insert(new_key, (id.raw(), node));
        self.changed();
        self.index.count_year(I::own_year(&old), -1);
        self.index.count_year(new_year, 1);
        if let Some(new) = new {
            self.record(Change::Replaced {
                old: id.into_record(old.clone()),
                new: id.into_record(new),
            });
        }
        Some(old)
    }

    /// Adds a checked relation between two live nodes.
    pub(super) fn link(&mut self, from: NodeIndex, to: NodeIndex, relation: Relation) -> EdgeIndex {
        self.changed();
        let edge = self.graph.add_edge(from, to, relation);
        if let Relation::Takes(id, position) = relation {
            let slot = id.0 as usize;
            if self.positions.len() <= slot {
                self.positions.resize(slot + 1, None);
            }
            self.positions[slot] = Some(edge);
            self.index.count_year(position.year(), 1);
        }
        if self.recording() {
            let link = Link::new(self.graph[from], self.graph[to], relation);
            self.record(Change::Linked(link));
        }
        edge
    }

    /// Removes a relation.
    pub(super) fn unlink(&mut self, edge: EdgeIndex) -> Option<Relation> {
        let (from, to) = self.graph.edge_endpoints(edge)?;
        let link = (self.graph[from], self.graph[to]);
        let relation = self.graph.remove_edge(edge)?;
        self.changed();
        if let Relation::Takes(id, position) = relation {
            if let Some(slot) = self.positions.get_mut(id.0 as usize) {
                *slot = None;
            }
            self.index.count_year(position.year(), -1);
        }
        if self.recording() {
            self.record(Change::Unlinked(Link::new(link.0, link.1, relation)));
        }
        Some(relation)
    }

    /// Relabels a relation, keeping its ends and kind (and a position's id).
    pub(super) fn relink(&mut self, edge: EdgeIndex, relation: Relation) -> Option<Relation> {
        let (from, to) = self.graph.edge_endpoints(edge)?;
        let old = std::mem::replace(self.graph.edge_weight_mut(edge)?, relation);
        self.changed();
        debug_assert_eq!(
            std::mem::discriminant(&old),
            std::mem::discriminant(&relation)
        );
        if let (Relation::Takes(_, before), Relation::Takes(_, after)) = (old, relation) {
            self.index.count_year(before.year(), -1);
            self.index.count_year(after.year(), 1);
        }
        if self.recording() {
            let (from, to) = (self.graph[from], self.graph[to]);
            self.record(Change::Relinked {
                old: Link::new(from, to, old),
                new: Link::new(from, to, relation),
            });
        }
        Some(old)
    }

    /// Removes every relation of a node, in the order the graph keeps them,
    /// so that each removal finds its edge first in the node's own list.
    pub(super) fn unlink_all(&mut self, node: NodeIndex) {
        for direction in [Outgoing, Incoming] {
            let edges: Vec<EdgeIndex> = self
                .graph
                .edges_directed(node, direction)
                .map(|e| petgraph::visit::EdgeRef::id(&e))
                .collect();
            for edge in edges {
                self.unlink(edge);
            }
        }
    }

    /// Sets or clears the title.
    pub(super) fn retitle(&mut self, title: Option<String>) -> Option<String> {
        self.changed();
        let new = self.recording().then(|| title.clone());
        let old = std::mem::replace(&mut self.title, title);
        if let Some(new) = new {
            self.record(Change::Titled {
                old: old.clone(),
                new,
            });
        }
        old
    }

    /// The id the next position will get.
    pub(super) fn next_position(&self) -> PositionId {
        PositionId(self.positions.len() as u32)
    }
}
