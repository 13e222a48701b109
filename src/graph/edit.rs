//! Building and editing a corpus. Every method checks all of its input before
//! it changes anything.

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};

use super::bulk::first_repeat;
use petgraph::visit::EdgeRef;

use super::change::Removed;
use super::entity::is;
use super::{Corpus, EntityId, Relation};
use crate::error::{Error, Result};
use crate::model::{
    AttackKind, Bearing, Claim, ClaimId, Event, EventId, Evidence, EvidenceId, Explanation,
    ExplanationId, Kind, Role, Scholar, ScholarId, Work, WorkId,
};

/// The ids in `ids`, all live, with no repeats; `relation` names the list in errors.
fn distinct_live<I: EntityId>(
    corpus: &Corpus,
    owner: &str,
    relation: &'static str,
    ids: impl IntoIterator<Item = I>,
) -> Result<Vec<(I, NodeIndex)>> {
    let ids: Vec<I> = ids.into_iter().collect();
    let repeat = first_repeat(&ids, |&id| id);
    let mut out = Vec::with_capacity(ids.len());
    for (i, &id) in ids.iter().enumerate() {
        out.push((id, corpus.live(id)?));
        if repeat == Some(i) {
            return Err(Error::DuplicateRelation {
                relation,
                from: owner.to_owned(),
                to: corpus.name_of(id),
            });
        }
    }
    Ok(out)
}

impl Corpus {
    /// Adds a scholar.
    ///
    /// # Errors
    /// [`Error::InvalidKey`], [`Error::DuplicateKey`], or [`Error::Empty`] for
    /// an empty name.
    pub fn add_scholar(&mut self, scholar: Scholar) -> Result<ScholarId> {
        self.check_entity::<ScholarId>(&scholar, None)?;
        Ok(self.issue(scholar).0)
    }

    /// Adds a work with its authors, in order.
    ///
    /// # Errors
    /// As [`add_scholar`](Corpus::add_scholar) for the work; [`Error::UnknownId`]
    /// for an author who is not in the corpus; [`Error::DuplicateRelation`] for
    /// an author listed twice.
    pub fn add_work(
        &mut self,
        work: Work,
        authors: impl IntoIterator<Item = ScholarId>,
    ) -> Result<WorkId> {
        self.check_entity::<WorkId>(&work, None)?;
        let authors = distinct_live(self, work.key(), "author", authors)?;
        let (id, node) = self.issue(work);
        self.link_contributors(node, Role::Author, &authors);
        Ok(id)
    }

    fn link_contributors(
        &mut self,
        work: NodeIndex,
        role: Role,
        scholars: &[(ScholarId, NodeIndex)],
    ) {
        for (position, &(_, scholar)) in scholars.iter().enumerate() {
            let position = position as u32;
            self.link(work, scholar, Relation::ContributedBy { role, position });
        }
    }

    /// Adds a piece of evidence, found in `work` if given.
    ///
    /// # Errors
    /// As [`add_scholar`](Corpus::add_scholar) (an empty description is
    /// [`Error::Empty`]); [`Error::UnknownId`] for a work not in the corpus.
    pub fn add_evidence(&mut self, evidence: Evidence, work: Option<WorkId>) -> Result<EvidenceId> {
        self.check_entity::<EvidenceId>(&evidence, None)?;
        let work = work.map(|w| self.live(w)).transpose()?;
        let (id, node) = self.issue(evidence);
        if let Some(work) = work {
            self.link(node, work, Relation::FoundIn);
        }
        Ok(id)
    }

    /// Adds an event, lying within the enclosing event `within` if given.
    ///
    /// # Errors
    /// As [`add_scholar`](Corpus::add_scholar); [`Error::UnknownId`] for an
    /// enclosing event not in the corpus.
    pub fn add_event(&mut self, event: Event, within: Option<EventId>) -> Result<EventId> {
        self.check_entity::<EventId>(&event, None)?;
        let parent = within.map(|p| self.live(p)).transpose()?;
        let (id, node) = self.issue(event);
        if let Some(parent) = parent {
            self.link(node, parent, Relation::Within);
        }
        Ok(id)
    }

    /// Adds an explanation: a family when `variant_of` is `None`, otherwise a
    /// variant of that explanation.
    ///
    /// # Errors
    /// As [`add_scholar`](Corpus::add_scholar); [`Error::UnknownId`] for a
    /// parent explanation not in the corpus.
    pub fn add_explanation(
        &mut self,
        explanation: Explanation,
        variant_of: Option<ExplanationId>,
    ) -> Result<ExplanationId> {
        self.check_entity::<ExplanationId>(&explanation, None)?;
        let parent = variant_of.map(|p| self.live(p)).transpose()?;
        let (id, node) = self.issue(explanation);
        if let Some(parent) = parent {
            self.link(node, parent, Relation::VariantOf);
        }
        Ok(id)
    }

    /// Adds a claim that invokes `explanation` and concerns `events` (at least one).
    ///
    /// # Errors
    /// As [`add_scholar`](Corpus::add_scholar) (an empty text is
    /// [`Error::Empty`]); [`Error::NoEvent`] when `events` is empty;
    /// [`Error::UnknownId`] for an explanation or event not in the corpus;
    /// [`Error::DuplicateRelation`] for an event listed twice.
    pub fn add_claim(
        &mut self,
        claim: Claim,
        explanation: ExplanationId,
        events: impl IntoIterator<Item = EventId>,
    ) -> Result<ClaimId> {
        self.check_entity::<ClaimId>(&claim, None)?;
        let explanation = self.live(explanation)?;
        let events = distinct_live(self, claim.key(), "event", events)?;
        self.insert_claim(claim, explanation, &events)
    }

    /// [`add_claim`](Corpus::add_claim) for a loader that has found the
    /// nodes by key: `events` are live; the claim and repeated events are
    /// checked here, in the same order.
    pub(super) fn add_claim_at(
        &mut self,
        claim: Claim,
        explanation: NodeIndex,
        events: &[(EventId, NodeIndex)],
    ) -> Result<ClaimId> {
        self.check_entity::<ClaimId>(&claim, None)?;
        if let Some(i) = first_repeat(events, |&(id, _)| id) {
            return Err(Error::DuplicateRelation {
                relation: "event",
                from: claim.key().to_owned(),
                to: self.name_of(events[i].0),
            });
        }
        self.insert_claim(claim, explanation, events)
    }

    /// Adds a checked claim with its relations; fails only on no event.
    fn insert_claim(
        &mut self,
        claim: Claim,
        explanation: NodeIndex,
        events: &[(EventId, NodeIndex)],
    ) -> Result<ClaimId> {
        if events.is_empty() {
            return Err(Error::NoEvent {
                key: claim.key().to_owned(),
            });
        }
        let (id, node) = self.issue(claim);
        self.link(node, explanation, Relation::Invokes);
        for &(_, event) in events {
            self.link(node, event, Relation::Concerns);
        }
        Ok(id)
    }

    /// Replaces an entity's data (its key may change too) and returns the old data.
    ///
    /// # Errors
    /// [`Error::UnknownId`] for an id that is not live; the checks of the
    /// `add_*` methods for the new data.
    pub fn replace<I: EntityId>(&mut self, id: I, data: I::Entity) -> Result<I::Entity> {
        self.live(id)?;
        self.check_entity(&data, Some(id))?;
        self.swap(id, data).ok_or(Error::UnknownId {
            kind: I::KIND,
            id: id.raw(),
        })
    }

    /// Removes an entity and every relation it takes part in; returns the
    /// entity with every change the removal made, which
    /// [`undo`](Corpus::undo) puts back (the entity under its own id, its
    /// relations, positions moved out of a removed work). Other ids stay
    /// valid, and no new entity is ever issued the removed id.
    ///
    /// Evidence found in a removed work stays, with no work. Positions taken
    /// in a removed work keep their year and lose the work (unless the
    /// scholar already takes a position on that claim outside any work: then
    /// it is dropped). Events within a
    /// removed event, and variants of a removed explanation, become top-level.
    ///
    /// # Errors
    /// [`Error::UnknownId`] for an id that is not live; [`Error::InUse`] for an
    /// explanation a claim invokes, or an event that is the only event of a claim.
    ///
    /// ```
    /// use historiograph::{Corpus, Scholar};
    ///
    /// let mut corpus = Corpus::new();
    /// let a = corpus.add_scholar(Scholar::new("a", "A"))?;
    /// corpus.remove(a)?;
    /// let b = corpus.add_scholar(Scholar::new("a", "A again"))?;
    /// assert_ne!(a, b);
    /// assert!(corpus.get(a).is_none());
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn remove<I: EntityId>(&mut self, id: I) -> Result<Removed<I>> {
        let node = self.live(id)?;
        // The claim named in an error is the one with the smallest id, so the
        // message does not depend on how petgraph orders edges.
        let needy = match I::KIND {
            Kind::Explanation => self
                .edges(node, Incoming, is::invokes)
                .map(|(claim, _, _)| claim)
                .min_by_key(|&claim| self.id_at::<ClaimId>(claim)),
            Kind::Event => self
                .edges(node, Incoming, is::concerns)
                .map(|(claim, _, _)| claim)
                .filter(|&claim| self.edges(claim, Outgoing, is::concerns).nth(1).is_none())
                .min_by_key(|&claim| self.id_at::<ClaimId>(claim)),
            _ => None,
        };
        if let Some(claim) = needy {
            return Err(self.in_use(node, claim));
        }
        let mut tx = self.transaction();
        if I::KIND == Kind::Work {
            tx.forget_work(WorkId(id.raw()));
        }
        tx.unlink_all(node);
        let entity = tx.retire(id);
        let changes = tx.commit();
        let entity = entity.ok_or(Error::UnknownId {
            kind: I::KIND,
            id: id.raw(),
        })?;
        Ok(Removed {
            id,
            entity,
            changes,
        })
    }

    fn in_use(&self, node: NodeIndex, claim: NodeIndex) -> Error {
        Error::InUse {
            kind: self.graph[node].kind(),
            key: self.key_at(node).to_owned(),
            claim: self.key_at(claim).to_owned(),
        }
    }

    /// Positions taken in `work` lose the work and keep its year. Where the
    /// scholar already takes a position on the claim outside any work, the
    /// one from the removed work is dropped, so positions stay unique per
    /// scholar, claim and work.
    fn forget_work(&mut self, work: WorkId) {
        let year = self.get(work).and_then(Work::year);
        let in_work: Vec<EdgeIndex> = self
            .positions
            .iter()
            .flatten()
            .copied()
            .filter(|&e| matches!(self.graph[e], Relation::Takes(_, p) if p.work() == Some(work)))
            .collect();
        for edge in in_work {
            let Some((scholar, claim)) = self.graph.edge_endpoints(edge) else {
                continue;
            };
            if self.position_edge(scholar, claim, None).is_some() {
                self.unlink(edge);
            } else if let Relation::Takes(id, position) = self.graph[edge] {
                self.relink(edge, Relation::Takes(id, position.without_work(year)));
            }
        }
    }

    /// Sets a work's authors, in order, replacing the old list.
    ///
    /// # Errors
    /// [`Error::UnknownId`]; [`Error::DuplicateRelation`] for an author listed twice.
    pub fn set_authors(
        &mut self,
        work: WorkId,
        authors: impl IntoIterator<Item = ScholarId>,
    ) -> Result<()> {
        self.set_contributors(work, Role::Author, authors)
    }

    /// Sets a work's contributors in one role (its editors, its
    /// translators), in order, replacing the old list of that role; the
    /// other roles are kept. A scholar may hold several roles in a work.
    ///
    /// ```
    /// use historiograph::{Corpus, Role, Scholar, Work};
    ///
    /// let mut corpus = Corpus::new();
    /// let westad = corpus.add_scholar(Scholar::new("westad", "Odd Arne Westad"))?;
    /// let volume = corpus.add_work(Work::new("westad-1998", "Brothers in Arms"), [])?;
    /// corpus.set_contributors(volume, Role::Editor, [westad])?;
    /// assert_eq!(corpus.contributors(volume).collect::<Vec<_>>(), [(Role::Editor, westad)]);
    /// assert_eq!(corpus.authors(volume).count(), 0);
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownId`]; [`Error::DuplicateRelation`] for a scholar
    /// listed twice.
    pub fn set_contributors(
        &mut self,
        work: WorkId,
        role: Role,
        scholars: impl IntoIterator<Item = ScholarId>,
    ) -> Result<()> {
        let node = self.live(work)?;
        let scholars = distinct_live(self, &self.name_of(work), role.as_str(), scholars)?;
        let old: Vec<EdgeIndex> = self
            .edges(node, Outgoing, is::contributor)
            .filter(|(_, r, _)| matches!(r, Relation::ContributedBy { role: other, .. } if *other == role))
            .map(|(_, _, edge)| edge)
            .collect();
        for edge in old {
            self.unlink(edge);
        }
        self.link_contributors(node, role, &scholars);
        Ok(())
    }

    /// Sets or clears the work a piece of evidence is found in.
    ///
    /// # Errors
    /// [`Error::UnknownId`].
    pub fn set_evidence_work(&mut self, evidence: EvidenceId, work: Option<WorkId>) -> Result<()> {
        let node = self.live(evidence)?;
        let work = work.map(|w| self.live(w)).transpose()?;
        self.drop_edges(node, Outgoing, is::found_in);
        if let Some(work) = work {
            self.link(node, work, Relation::FoundIn);
        }
        Ok(())
    }

    /// Sets or clears the event that encloses `event`.
    ///
    /// # Errors
    /// [`Error::UnknownId`]; [`Error::Cycle`] when `within` is `event` or lies
    /// within it.
    pub fn set_within(&mut self, event: EventId, within: Option<EventId>) -> Result<()> {
        self.set_parent(event, within, is::within, Relation::Within)
    }

    /// Makes `explanation` a variant of `variant_of`, or a family when `None`.
    ///
    /// # Errors
    /// [`Error::UnknownId`]; [`Error::Cycle`] when `variant_of` is the
    /// explanation itself or one of its variants.
    pub fn set_variant_of(
        &mut self,
        explanation: ExplanationId,
        variant_of: Option<ExplanationId>,
    ) -> Result<()> {
        self.set_parent(explanation, variant_of, is::variant_of, Relation::VariantOf)
    }

    fn set_parent<I: EntityId>(
        &mut self,
        child: I,
        parent: Option<I>,
        keep: fn(&Relation) -> bool,
        relation: Relation,
    ) -> Result<()> {
        let node = self.live(child)?;
        let parent = parent.map(|p| self.live(p)).transpose()?;
        if let Some(parent) = parent {
            // Walk up from the new parent; meeting the child would close a cycle.
            let mut at = Some(parent);
            while let Some(current) = at {
                if current == node {
                    return Err(Error::Cycle {
                        kind: I::KIND,
                        key: self.key_at(node).to_owned(),
                        parent: self.key_at(parent).to_owned(),
                    });
                }
                at = self
                    .edges(current, Outgoing, keep)
                    .next()
                    .map(|(p, _, _)| p);
            }
        }
        self.drop_edges(node, Outgoing, keep);
        if let Some(parent) = parent {
            self.link(node, parent, relation);
        }
        Ok(())
    }

    /// Links each child to its parent (events within events, explanations
    /// as variants), for loading: the cycle check runs once over all links,
    /// each node visited once, instead of a walk up per link. On a cycle,
    /// returns the position in `links` of a link on it, with the error;
    /// nothing is linked then.
    pub(super) fn link_parents<I: EntityId>(
        &mut self,
        links: &[(I, I)],
        relation: Relation,
        keep: fn(&Relation) -> bool,
    ) -> std::result::Result<(), (usize, Error)> {
        use std::collections::HashMap;
        let mut parent_of: HashMap<NodeIndex, (NodeIndex, usize)> = HashMap::new();
        let mut children = Vec::with_capacity(links.len());
        for (at, &(child, parent)) in links.iter().enumerate() {
            let child_node = self.live(child).map_err(|e| (at, e))?;
            let parent_node = self.live(parent).map_err(|e| (at, e))?;
            parent_of.insert(child_node, (parent_node, at));
            children.push(child_node);
        }
        let parent = |corpus: &Corpus, node: NodeIndex| -> Option<NodeIndex> {
            match parent_of.get(&node) {
                Some(&(p, _)) => Some(p),
                None => corpus.edges(node, Outgoing, keep).next().map(|(p, _, _)| p),
            }
        };
        // 1: on the current walk; 2: known to reach a root.
        let mut state: HashMap<NodeIndex, u8> = HashMap::new();
        for &start in &children {
            let mut path = Vec::new();
            let mut at = Some(start);
            while let Some(node) = at {
                match state.get(&node) {
                    Some(2) => break,
                    Some(_) => {
                        // A cycle: name its link that comes first in `links`.
                        let on_cycle = path.iter().skip_while(|&&n| n != node);
                        let (child, (parent, index)) = on_cycle
                            .filter_map(|&n| parent_of.get(&n).map(|&p| (n, p)))
                            .min_by_key(|&(_, (_, index))| index)
                            .unwrap_or((node, (node, 0)));
                        return Err((
                            index,
                            Error::Cycle {
                                kind: I::KIND,
                                key: self.key_at(child).to_owned(),
                                parent: self.key_at(parent).to_owned(),
                            },
                        ));
                    }
                    None => {
                        state.insert(node, 1);
                        path.push(node);
                        at = parent(self, node);
                    }
                }
            }
            for node in path {
                state.insert(node, 2);
            }
        }
        for child in children {
            if let Some(&(parent, _)) = parent_of.get(&child) {
                self.drop_edges(child, Outgoing, keep);
                self.link(child, parent, relation);
            }
        }
        Ok(())
    }

    /// Sets the explanation a claim invokes.
    ///
    /// # Errors
    /// [`Error::UnknownId`].
    pub fn set_explanation(&mut self, claim: ClaimId, explanation: ExplanationId) -> Result<()> {
        let node = self.live(claim)?;
        let explanation = self.live(explanation)?;
        self.drop_edges(node, Outgoing, is::invokes);
        self.link(node, explanation, Relation::Invokes);
        Ok(())
    }

    /// Adds an event to those a claim concerns.
    ///
    /// # Errors
    /// [`Error::UnknownId`]; [`Error::DuplicateRelation`] if the claim concerns it already.
    pub fn add_concern(&mut self, claim: ClaimId, event: EventId) -> Result<()> {
        let (from, to) = (self.live(claim)?, self.live(event)?);
        self.check_absent(from, to, is::concerns, "event")?;
        self.link(from, to, Relation::Concerns);
        Ok(())
    }

    /// Removes an event from those a claim concerns.
    ///
    /// # Errors
    /// [`Error::UnknownId`]; [`Error::NoRelation`]; [`Error::InUse`] if it is
    /// the claim's only event.
    pub fn remove_concern(&mut self, claim: ClaimId, event: EventId) -> Result<()> {
        let (from, to) = (self.live(claim)?, self.live(event)?);
        let edge = self.find_edge(from, to, is::concerns, "event")?;
        if self.edges(from, Outgoing, is::concerns).nth(1).is_none() {
            return Err(self.in_use(to, from));
        }
        self.unlink(edge);
        Ok(())
    }

    pub(super) fn position_edge(
        &self,
        from: NodeIndex,
        to: NodeIndex,
        work: Option<WorkId>,
    ) -> Option<EdgeIndex> {
        self.edge_between(
            from,
            to,
            |relation| matches!(relation, Relation::Takes(_, p) if p.work() == work),
        )
    }

    /// Records that a claim cites a piece of evidence.
    ///
    /// # Errors
    /// [`Error::UnknownId`]; [`Error::DuplicateRelation`] if it cites it already.
    pub fn cite(&mut self, claim: ClaimId, evidence: EvidenceId, bearing: Bearing) -> Result<()> {
        let (from, to) = (self.live(claim)?, self.live(evidence)?);
        self.check_absent(from, to, is::cites, "citation")?;
        self.link(from, to, Relation::Cites(bearing));
        Ok(())
    }

    /// Removes a citation and returns its bearing.
    ///
    /// # Errors
    /// [`Error::UnknownId`]; [`Error::NoRelation`].
    pub fn uncite(&mut self, claim: ClaimId, evidence: EvidenceId) -> Result<Bearing> {
        let (from, to) = (self.live(claim)?, self.live(evidence)?);
        let edge = self.find_edge(from, to, is::cites, "citation")?;
        match self.unlink(edge) {
            Some(Relation::Cites(bearing)) => Ok(bearing),
            _ => Err(self.missing("citation", from, to)),
        }
    }

    /// Records that one claim attacks another.
    ///
    /// # Errors
    /// [`Error::UnknownId`]; [`Error::SelfRelation`] when `attacker == target`;
    /// [`Error::DuplicateRelation`] if it attacks it already.
    pub fn attack(&mut self, attacker: ClaimId, target: ClaimId, kind: AttackKind) -> Result<()> {
        let (from, to) = self.claim_pair(attacker, target, "attack")?;
        self.check_absent(from, to, is::attacks, "attack")?;
        self.link(from, to, Relation::Attacks(kind));
        Ok(())
    }

    /// Removes an attack and returns its kind.
    ///
    /// # Errors
    /// [`Error::UnknownId`]; [`Error::NoRelation`].
    pub fn remove_attack(&mut self, attacker: ClaimId, target: ClaimId) -> Result<AttackKind> {
        let (from, to) = (self.live(attacker)?, self.live(target)?);
        let edge = self.find_edge(from, to, is::attacks, "attack")?;
        match self.unlink(edge) {
            Some(Relation::Attacks(kind)) => Ok(kind),
            _ => Err(self.missing("attack", from, to)),
        }
    }

    /// Records that one claim supports another.
    ///
    /// # Errors
    /// [`Error::UnknownId`]; [`Error::SelfRelation`] when `supporter == target`;
    /// [`Error::DuplicateRelation`] if it supports it already.
    pub fn support(&mut self, supporter: ClaimId, target: ClaimId) -> Result<()> {
        let (from, to) = self.claim_pair(supporter, target, "support")?;
        self.check_absent(from, to, is::supports, "support")?;
        self.link(from, to, Relation::Supports);
        Ok(())
    }

    /// Removes a support.
    ///
    /// # Errors
    /// [`Error::UnknownId`]; [`Error::NoRelation`].
    pub fn remove_support(&mut self, supporter: ClaimId, target: ClaimId) -> Result<()> {
        let (from, to) = (self.live(supporter)?, self.live(target)?);
        let edge = self.find_edge(from, to, is::supports, "support")?;
        self.unlink(edge);
        Ok(())
    }

    fn claim_pair(
        &self,
        from: ClaimId,
        to: ClaimId,
        relation: &'static str,
    ) -> Result<(NodeIndex, NodeIndex)> {
        let (a, b) = (self.live(from)?, self.live(to)?);
        if a == b {
            return Err(Error::SelfRelation {
                key: self.key_at(a).to_owned(),
                relation,
            });
        }
        Ok((a, b))
    }

    fn find_edge(
        &self,
        from: NodeIndex,
        to: NodeIndex,
        keep: fn(&Relation) -> bool,
        relation: &'static str,
    ) -> Result<EdgeIndex> {
        self.edge_between(from, to, keep)
            .ok_or_else(|| self.missing(relation, from, to))
    }

    /// The edge from `from` to `to` whose relation passes `keep`, found in
    /// O(min(out-degree of `from`, in-degree of `to`)): both lists are walked
    /// in step, and the shorter one ending settles it. A much-cited scholar
    /// or piece of evidence thus costs no more than the claim beside it.
    pub(super) fn edge_between(
        &self,
        from: NodeIndex,
        to: NodeIndex,
        keep: impl Fn(&Relation) -> bool,
    ) -> Option<EdgeIndex> {
        let mut outgoing = self.graph.edges_directed(from, Outgoing);
        let mut incoming = self.graph.edges_directed(to, Incoming);
        loop {
            let edge = outgoing.next()?;
            if edge.target() == to && keep(edge.weight()) {
                return Some(edge.id());
            }
            let edge = incoming.next()?;
            if edge.source() == from && keep(edge.weight()) {
                return Some(edge.id());
            }
        }
    }

    fn check_absent(
        &self,
        from: NodeIndex,
        to: NodeIndex,
        keep: fn(&Relation) -> bool,
        relation: &'static str,
    ) -> Result<()> {
        match self.find_edge(from, to, keep, relation) {
            Ok(_) => Err(self.duplicate(relation, from, to)),
            Err(_) => Ok(()),
        }
    }

    pub(super) fn duplicate(
        &self,
        relation: &'static str,
        from: NodeIndex,
        to: NodeIndex,
    ) -> Error {
        Error::DuplicateRelation {
            relation,
            from: self.key_at(from).to_owned(),
            to: self.key_at(to).to_owned(),
        }
    }

    fn missing(&self, relation: &'static str, from: NodeIndex, to: NodeIndex) -> Error {
        Error::NoRelation {
            relation,
            from: self.key_at(from).to_owned(),
            to: self.key_at(to).to_owned(),
        }
    }

    fn drop_edges(
        &mut self,
        node: NodeIndex,
        direction: petgraph::Direction,
        keep: fn(&Relation) -> bool,
    ) {
        let edges: Vec<EdgeIndex> = self
            .edges(node, direction, keep)
            .map(|(_, _, e)| e)
            .collect();
        for edge in edges {
            self.unlink(edge);
        }
    }
}
