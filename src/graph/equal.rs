//! When two corpora are the same: what undo and replay promise to restore.

use std::collections::HashMap;

use super::{Corpus, EntityId, Relation};
use crate::model::{ClaimId, EventId, EvidenceId, ExplanationId, ScholarId, WorkId};

impl PartialEq for Corpus {
    /// Two corpora are equal when they hold the same entities under the
    /// same ids, the same relations between the same ids (positions under
    /// the same position ids), and the same title.
    ///
    /// Internal order does not count: petgraph's indices, the order in
    /// which relations were added, open transactions, and which ids were
    /// once issued and are no longer live.
    ///
    /// # Complexity
    /// O(entities + relations).
    fn eq(&self, other: &Corpus) -> bool {
        self.title == other.title
            && same_entities::<ScholarId>(self, other)
            && same_entities::<WorkId>(self, other)
            && same_entities::<EvidenceId>(self, other)
            && same_entities::<EventId>(self, other)
            && same_entities::<ExplanationId>(self, other)
            && same_entities::<ClaimId>(self, other)
            && self.graph.edge_count() == other.graph.edge_count()
            && relations(self) == relations(other)
    }
}

impl Eq for Corpus {}

fn same_entities<I: EntityId>(a: &Corpus, b: &Corpus) -> bool {
    a.count::<I>() == b.count::<I>() && a.entities::<I>().eq(b.entities::<I>())
}

/// Each relation, by the nodes (ids) at its ends, with how often it occurs.
fn relations(corpus: &Corpus) -> HashMap<(super::Node, super::Node, Relation), u32> {
    let mut out = HashMap::with_capacity(corpus.graph.edge_count());
    for edge in corpus.graph.edge_indices() {
        if let (Some((from, to)), Some(&relation)) = (
            corpus.graph.edge_endpoints(edge),
            corpus.graph.edge_weight(edge),
        ) {
            *out.entry((corpus.graph[from], corpus.graph[to], relation))
                .or_insert(0) += 1;
        }
    }
    out
}
