//! The tables beside the graph: per kind, the key map and, by raw id, the
//! entity and its node.
//!
//! The graph's nodes hold only ids, so they stay small (16 bytes with
//! petgraph's links) and the graph walks that relations need touch little
//! memory; each kind's entities lie in one vector in the order of their ids.

use std::collections::HashMap;

use compact_str::CompactString;
use petgraph::stable_graph::NodeIndex;

use crate::model::{Claim, Event, Evidence, Explanation, Scholar, Work};

/// The entities of one kind.
///
/// Public in name only, for the sealed trait's signatures: the module is
/// private.
#[derive(Debug, Clone)]
pub struct Table<T> {
    /// Key → (raw id, node). The node is kept beside the id so that adding
    /// a relation by key costs one lookup.
    pub(crate) keys: HashMap<CompactString, (u32, NodeIndex), foldhash::fast::RandomState>,
    /// By raw id; `None` once removed. Only grows, so ids are never reused.
    pub(crate) slots: Vec<Option<Slot<T>>>,
}

/// A live entity and its node.
#[derive(Debug, Clone)]
pub struct Slot<T> {
    pub(crate) node: NodeIndex,
    pub(crate) data: T,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            keys: HashMap::default(),
            slots: Vec::new(),
        }
    }
}

impl<T> Table<T> {
    /// The live entity with this raw id.
    pub(crate) fn slot(&self, raw: u32) -> Option<&Slot<T>> {
        self.slots.get(raw as usize)?.as_ref()
    }

    /// Makes room for `additional` more entities.
    pub(crate) fn reserve(&mut self, additional: usize) {
        self.keys.reserve(additional);
        self.slots.reserve_exact(additional);
    }
}

/// One table per kind.
///
/// Public in name only, for the sealed trait's signatures.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub(crate) scholars: Table<Scholar>,
    pub(crate) works: Table<Work>,
    pub(crate) evidence: Table<Evidence>,
    pub(crate) events: Table<Event>,
    pub(crate) explanations: Table<Explanation>,
    pub(crate) claims: Table<Claim>,
}
