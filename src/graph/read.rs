//! Reading entities and their direct relations. Every list comes sorted by
//! id (authors in their order), so results never depend on how petgraph
//! stores edges.

use petgraph::Direction::{Incoming, Outgoing};

use super::entity::is;
use super::{Corpus, Relation};
use crate::model::{
    AttackKind, Bearing, Claim, ClaimId, Date, Event, EventId, Evidence, EvidenceId, Explanation,
    ExplanationId, Polarity, Position, PositionId, Role, Scholar, ScholarId, Work, WorkId,
};

impl Corpus {
    /// The scholar with this id.
    pub fn scholar(&self, id: ScholarId) -> Option<&Scholar> {
        self.get(id)
    }

    /// The work with this id.
    pub fn work(&self, id: WorkId) -> Option<&Work> {
        self.get(id)
    }

    /// The piece of evidence with this id.
    pub fn evidence(&self, id: EvidenceId) -> Option<&Evidence> {
        self.get(id)
    }

    /// The event with this id.
    pub fn event(&self, id: EventId) -> Option<&Event> {
        self.get(id)
    }

    /// The explanation with this id.
    pub fn explanation(&self, id: ExplanationId) -> Option<&Explanation> {
        self.get(id)
    }

    /// The claim with this id.
    pub fn claim(&self, id: ClaimId) -> Option<&Claim> {
        self.get(id)
    }

    /// A work's authors, in order.
    pub fn authors(&self, work: WorkId) -> impl Iterator<Item = ScholarId> + '_ {
        self.contributors(work)
            .filter(|(role, _)| *role == Role::Author)
            .map(|(_, id)| id)
    }

    /// A work's contributors in one role, in order.
    pub fn contributors_as(
        &self,
        work: WorkId,
        role: Role,
    ) -> impl Iterator<Item = ScholarId> + '_ {
        self.contributors(work)
            .filter(move |(r, _)| *r == role)
            .map(|(_, id)| id)
    }

    /// A work's contributors with their roles: the authors in order, then
    /// the editors, then the translators.
    pub fn contributors(&self, work: WorkId) -> impl Iterator<Item = (Role, ScholarId)> + '_ {
        let mut all: Vec<(Role, u32, ScholarId)> = match self.node(work) {
            Some(node) => self
                .edges(node, Outgoing, is::contributor)
                .map(|(scholar, relation, _)| {
                    let (role, position) = match relation {
                        Relation::ContributedBy { role, position } => (*role, *position),
                        _ => (Role::Author, u32::MAX),
                    };
                    (role, position, self.id_at(scholar))
                })
                .collect(),
            None => Vec::new(),
        };
        all.sort_unstable();
        all.into_iter().map(|(role, _, id)| (role, id))
    }

    /// The works a scholar is an author of.
    pub fn works_by(&self, scholar: ScholarId) -> impl Iterator<Item = WorkId> + '_ {
        self.linked(scholar, Incoming, is::author)
    }

    /// The works a scholar contributed to in any role (author, editor,
    /// translator), each with the role; a work appears once per role.
    pub fn contributions(&self, scholar: ScholarId) -> impl Iterator<Item = (Role, WorkId)> + '_ {
        self.node(scholar).into_iter().flat_map(move |node| {
            self.edges(node, Incoming, is::contributor)
                .filter_map(|(work, relation, _)| match relation {
                    Relation::ContributedBy { role, .. } => Some((*role, self.id_at(work))),
                    _ => None,
                })
        })
    }

    /// The work a piece of evidence is found in.
    pub fn evidence_work(&self, evidence: EvidenceId) -> Option<WorkId> {
        self.the_one(evidence, is::found_in)
    }

    /// The evidence found in a work.
    pub fn evidence_in(&self, work: WorkId) -> impl Iterator<Item = EvidenceId> + '_ {
        self.linked(work, Incoming, is::found_in)
    }

    /// The event that directly encloses `event`.
    pub fn enclosing(&self, event: EventId) -> Option<EventId> {
        self.the_one(event, is::within)
    }

    /// The events directly within `event`.
    pub fn enclosed(&self, event: EventId) -> impl Iterator<Item = EventId> + '_ {
        self.linked(event, Incoming, is::within)
    }

    /// The explanation that `explanation` is a direct variant of; `None` for a family.
    pub fn variant_of(&self, explanation: ExplanationId) -> Option<ExplanationId> {
        self.the_one(explanation, is::variant_of)
    }

    /// The direct variants of an explanation.
    pub fn variants(&self, explanation: ExplanationId) -> impl Iterator<Item = ExplanationId> + '_ {
        self.linked(explanation, Incoming, is::variant_of)
    }

    /// The family an explanation belongs to: the top of its chain of
    /// [`variant_of`](Corpus::variant_of); a family is its own family.
    ///
    /// # Complexity
    /// O(depth of the variant chain).
    pub fn family(&self, explanation: ExplanationId) -> Option<ExplanationId> {
        let mut at = self.node(explanation)?;
        while let Some((parent, _, _)) = self.edges(at, Outgoing, is::variant_of).next() {
            at = parent;
        }
        Some(self.id_at(at))
    }

    /// The explanation a claim invokes.
    pub fn explanation_of(&self, claim: ClaimId) -> Option<ExplanationId> {
        self.the_one(claim, is::invokes)
    }

    /// The claims that invoke an explanation (not its variants).
    pub fn claims_invoking(
        &self,
        explanation: ExplanationId,
    ) -> impl Iterator<Item = ClaimId> + '_ {
        self.linked(explanation, Incoming, is::invokes)
    }

    /// The events a claim concerns.
    pub fn events_of(&self, claim: ClaimId) -> impl Iterator<Item = EventId> + '_ {
        self.linked(claim, Outgoing, is::concerns)
    }

    /// The claims that concern an event directly.
    pub fn claims_about(&self, event: EventId) -> impl Iterator<Item = ClaimId> + '_ {
        self.linked(event, Incoming, is::concerns)
    }

    /// The positions scholars take on a claim, with their ids, by scholar
    /// then work.
    pub fn positions_on(
        &self,
        claim: ClaimId,
    ) -> impl Iterator<Item = (PositionId, ScholarId, Position)> + '_ {
        let mut positions: smallvec::SmallVec<[(PositionId, ScholarId, Position); 8]> =
            match self.node(claim) {
                Some(node) => self
                    .edges(node, Incoming, is::takes)
                    .filter_map(|(scholar, relation, _)| match relation {
                        Relation::Takes(id, p) => Some((*id, self.id_at(scholar), *p)),
                        _ => None,
                    })
                    .collect(),
                None => smallvec::SmallVec::new(),
            };
        positions.sort_unstable_by_key(|(_, scholar, p)| (*scholar, p.work()));
        positions.into_iter()
    }

    /// The positions a scholar takes, with their ids, by claim then work.
    pub fn positions_of(
        &self,
        scholar: ScholarId,
    ) -> impl Iterator<Item = (PositionId, ClaimId, Position)> + '_ {
        let mut positions: Vec<(PositionId, ClaimId, Position)> = match self.node(scholar) {
            Some(node) => self
                .edges(node, Outgoing, is::takes)
                .filter_map(|(claim, relation, _)| match relation {
                    Relation::Takes(id, p) => Some((*id, self.id_at(claim), *p)),
                    _ => None,
                })
                .collect(),
            None => Vec::new(),
        };
        positions.sort_unstable_by_key(|(_, claim, p)| (*claim, p.work()));
        positions.into_iter()
    }

    /// The year of a position: its own year, else the year its work
    /// entered the debate (the last year the work's `issued` date allows:
    /// 1969 for `196X`; see [the calculus](crate::calculus), §1).
    pub fn position_year(&self, position: &Position) -> Option<i32> {
        position.year().or_else(|| {
            position
                .work()
                .and_then(|w| Some(self.work(w)?.issued()?.last_year()))
        })
    }

    /// The evidence a claim cites, with how it bears on the claim.
    pub fn citations(&self, claim: ClaimId) -> impl Iterator<Item = (EvidenceId, Bearing)> + '_ {
        self.labelled(claim, Outgoing, is::cites, |r| match r {
            Relation::Cites(b) => Some(*b),
            _ => None,
        })
    }

    /// The claims that cite a piece of evidence, with its bearing on each.
    pub fn citing(&self, evidence: EvidenceId) -> impl Iterator<Item = (ClaimId, Bearing)> + '_ {
        self.labelled(evidence, Incoming, is::cites, |r| match r {
            Relation::Cites(b) => Some(*b),
            _ => None,
        })
    }

    /// The claims a claim attacks, with the kind of each attack.
    pub fn attacks_by(&self, claim: ClaimId) -> impl Iterator<Item = (ClaimId, AttackKind)> + '_ {
        self.labelled(claim, Outgoing, is::attacks, attack_kind)
    }

    /// The claims that attack a claim, with the kind of each attack.
    pub fn attackers_of(&self, claim: ClaimId) -> impl Iterator<Item = (ClaimId, AttackKind)> + '_ {
        self.labelled(claim, Incoming, is::attacks, attack_kind)
    }

    /// The claims a claim supports.
    pub fn supports_by(&self, claim: ClaimId) -> impl Iterator<Item = ClaimId> + '_ {
        self.linked(claim, Outgoing, is::supports)
    }

    /// The claims that support a claim.
    pub fn supporters_of(&self, claim: ClaimId) -> impl Iterator<Item = ClaimId> + '_ {
        self.linked(claim, Incoming, is::supports)
    }

    /// The other end of the one outgoing edge of this relation, if any
    /// (for relations an entity has at most one of), without collecting.
    fn the_one<I: super::EntityId, J: super::EntityId>(
        &self,
        id: I,
        keep: fn(&Relation) -> bool,
    ) -> Option<J> {
        let node = self.node(id)?;
        let (other, _, _) = self.edges(node, Outgoing, keep).next()?;
        Some(self.id_at(other))
    }

    fn labelled<I, J, L>(
        &self,
        id: I,
        direction: petgraph::Direction,
        keep: fn(&Relation) -> bool,
        label: fn(&Relation) -> Option<L>,
    ) -> smallvec::IntoIter<[(J, L); 8]>
    where
        I: super::EntityId,
        J: super::EntityId,
    {
        let mut out: smallvec::SmallVec<[(J, L); 8]> = match self.node(id) {
            Some(node) => self
                .edges(node, direction, keep)
                .filter_map(|(other, relation, _)| Some((self.id_at(other), label(relation)?)))
                .collect(),
            None => smallvec::SmallVec::new(),
        };
        out.sort_unstable_by_key(|(other, _)| *other);
        out.into_iter()
    }
}

fn attack_kind(relation: &Relation) -> Option<AttackKind> {
    match relation {
        Relation::Attacks(kind) => Some(*kind),
        _ => None,
    }
}

/// What a debate reads of one claim's direct relations, gathered in one
/// walk over its incoming edges and one over its outgoing ones: the
/// accessors of the same names walk a claim's edges once each, and on a
/// large corpus each walk is a run of cache misses. Every list is sorted as
/// its accessor sorts it.
#[derive(Debug, Clone, Default)]
pub(crate) struct ClaimLinks {
    /// As [`Corpus::positions_on`], without the position ids.
    pub(crate) positions: smallvec::SmallVec<[(ScholarId, Position); 4]>,
    /// As [`Corpus::attackers_of`].
    pub(crate) attackers: smallvec::SmallVec<[(ClaimId, AttackKind); 4]>,
    /// As [`Corpus::attacks_by`].
    pub(crate) attacks: smallvec::SmallVec<[(ClaimId, AttackKind); 4]>,
    /// As [`Corpus::supporters_of`].
    pub(crate) supporters: smallvec::SmallVec<[ClaimId; 2]>,
    /// As [`Corpus::citations`].
    pub(crate) citations: smallvec::SmallVec<[(EvidenceId, Bearing); 4]>,
    /// As [`Corpus::explanation_of`].
    pub(crate) explanation: Option<ExplanationId>,
    /// The claim's own polarity and date, which a debate reads with its
    /// relations (from the claim's record: one more place in memory).
    pub(crate) polarity: Polarity,
    pub(crate) date: Option<Date>,
}

impl Corpus {
    /// A claim's positions, attackers, attacks, supporters and citations
    /// (see [`ClaimLinks`]); all empty for a claim not in the corpus.
    pub(crate) fn claim_links(&self, claim: ClaimId) -> ClaimLinks {
        let mut links = ClaimLinks::default();
        let Some(slot) = self.table::<ClaimId>().slot(claim.index()) else {
            return links;
        };
        let node = slot.node;
        links.polarity = slot.data.polarity();
        links.date = slot.data.date();
        let mut positions: smallvec::SmallVec<[(PositionId, ScholarId, Position); 4]> =
            smallvec::SmallVec::new();
        for (other, relation, _) in self.edges(node, Incoming, |_| true) {
            match relation {
                Relation::Takes(id, p) => positions.push((*id, self.id_at(other), *p)),
                Relation::Attacks(kind) => links.attackers.push((self.id_at(other), *kind)),
                Relation::Supports => links.supporters.push(self.id_at(other)),
                _ => {}
            }
        }
        for (other, relation, _) in self.edges(node, Outgoing, |_| true) {
            match relation {
                Relation::Attacks(kind) => links.attacks.push((self.id_at(other), *kind)),
                Relation::Cites(bearing) => links.citations.push((self.id_at(other), *bearing)),
                Relation::Invokes => links.explanation = Some(self.id_at(other)),
                _ => {}
            }
        }
        positions.sort_unstable_by_key(|(_, scholar, p)| (*scholar, p.work()));
        links.positions = positions.into_iter().map(|(_, s, p)| (s, p)).collect();
        links.attackers.sort_unstable_by_key(|(other, _)| *other);
        links.attacks.sort_unstable_by_key(|(other, _)| *other);
        links.supporters.sort_unstable();
        links.citations.sort_unstable_by_key(|(other, _)| *other);
        links
    }
}
