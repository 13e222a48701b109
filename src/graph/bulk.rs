//! The bulk-building API: the few operations a loader may use to build a
//! corpus fast, by the node handles it gets from keys, without searching
//! the graph. Everything else a loader needs is the public editing API.
//! The operations check what they can check cheaply; the loader checks the
//! rest (repeats within one claim's own lists, with [`first_repeat`]) and
//! keeps the corpus whole by building on a copy (`merge_json`).

use petgraph::stable_graph::NodeIndex;

use super::{Corpus, EntityId, Relation};
use crate::error::Result;
use crate::model::{Claim, ClaimId, EventId};

impl Corpus {
    /// The id and node of the entity of kind `I` with this key.
    pub(crate) fn bulk_locate<I: EntityId>(&self, key: &str) -> Option<(I, NodeIndex)> {
        self.locate(key)
    }

    /// Room for `additional` entities of kind `I` and `relations` more edges.
    pub(crate) fn bulk_reserve<I: EntityId>(&mut self, additional: usize, relations: usize) {
        self.reserve::<I>(additional, relations);
    }

    /// Adds a claim with its explanation and events, given by node: checks
    /// the claim and its events for repeats, as `add_claim` does.
    pub(crate) fn bulk_add_claim(
        &mut self,
        claim: Claim,
        explanation: NodeIndex,
        events: &[(EventId, NodeIndex)],
    ) -> Result<ClaimId> {
        self.add_claim_at(claim, explanation, events)
    }

    /// Adds a relation between two live nodes that the caller knows is new.
    pub(crate) fn bulk_link(&mut self, from: NodeIndex, to: NodeIndex, relation: Relation) {
        self.link(from, to, relation);
    }

    /// Adds a position, between a live scholar and claim, that the caller
    /// knows is new (its work live, no other of the scholar's on the claim
    /// in that work); returns its id.
    pub(crate) fn bulk_add_position(
        &mut self,
        scholar: NodeIndex,
        claim: NodeIndex,
        position: crate::model::Position,
    ) -> crate::model::PositionId {
        let id = self.next_position();
        self.link(scholar, claim, Relation::Takes(id, position));
        id
    }

    /// Sets the parents of many events or explanations at once (`within`,
    /// `variant_of`), checking for cycles once; on failure, the index of the
    /// link at fault.
    pub(crate) fn bulk_set_parents<I: EntityId>(
        &mut self,
        links: &[(I, I)],
        relation: Relation,
        keep: fn(&Relation) -> bool,
    ) -> std::result::Result<(), (usize, crate::error::Error)> {
        self.link_parents(links, relation, keep)
    }
}

impl Corpus {
    /// A copy to build on, all or nothing, then [`adopt`](Corpus::bulk_adopt):
    /// inside a transaction the copy records its changes, so that the
    /// transaction can undo what the build added.
    pub(crate) fn bulk_copy(&self) -> Corpus {
        let mut copy = self.clone();
        if self.journal.is_some() {
            copy.journal = Some(Vec::new());
        }
        copy
    }

    /// Takes over a copy made by [`bulk_copy`](Corpus::bulk_copy) and built
    /// on, with the changes it recorded.
    pub(crate) fn bulk_adopt(&mut self, mut built: Corpus) {
        let mut journal = self.journal.take();
        if let (Some(journal), Some(made)) = (&mut journal, built.journal.take()) {
            journal.extend(made);
        }
        built.journal = journal;
        *self = built;
    }
}

/// The index of the first item of `items` whose `key` an earlier item has:
/// a scan for short lists, a set for long ones, so a list of a hundred
/// thousand costs linear time and a short one allocates nothing.
pub(crate) fn first_repeat<'t, T, K: Eq + std::hash::Hash>(
    items: &'t [T],
    key: impl Fn(&'t T) -> K,
) -> Option<usize> {
    const FEW: usize = 16;
    if items.len() <= FEW {
        return (1..items.len()).find(|&i| {
            let k = key(&items[i]);
            items[..i].iter().any(|earlier| key(earlier) == k)
        });
    }
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    items.iter().position(|item| !seen.insert(key(item)))
}
