//! What the graph stores, and the sealed trait that lets one generic method
//! serve all six kinds of entity.

use crate::model::{
    AttackKind, Bearing, Claim, ClaimId, Event, EventId, Evidence, EvidenceId, Explanation,
    ExplanationId, Kind, Position, Scholar, ScholarId, Work, WorkId,
};

/// A node of the corpus graph: one entity with its id.
///
/// Only seen through [`Corpus::as_petgraph`](crate::Corpus::as_petgraph).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A scholar.
    Scholar(ScholarId, Scholar),
    /// A work.
    Work(WorkId, Work),
    /// A piece of evidence.
    Evidence(EvidenceId, Evidence),
    /// An event.
    Event(EventId, Event),
    /// An explanation.
    Explanation(ExplanationId, Explanation),
    /// A claim.
    Claim(ClaimId, Claim),
}

impl Node {
    /// The entity's key.
    pub fn key(&self) -> &str {
        match self {
            Node::Scholar(_, e) => e.key(),
            Node::Work(_, e) => e.key(),
            Node::Evidence(_, e) => e.key(),
            Node::Event(_, e) => e.key(),
            Node::Explanation(_, e) => e.key(),
            Node::Claim(_, e) => e.key(),
        }
    }

    /// The kind of entity.
    pub fn kind(&self) -> Kind {
        match self {
            Node::Scholar(..) => Kind::Scholar,
            Node::Work(..) => Kind::Work,
            Node::Evidence(..) => Kind::Evidence,
            Node::Event(..) => Kind::Event,
            Node::Explanation(..) => Kind::Explanation,
            Node::Claim(..) => Kind::Claim,
        }
    }
}

/// An edge of the corpus graph. Each runs in one direction, given here as
/// source → target.
///
/// Only seen through [`Corpus::as_petgraph`](crate::Corpus::as_petgraph).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Work → scholar: the scholar is an author, `position` (0-based) in the list.
    AuthoredBy {
        /// Place in the author list, from 0.
        position: u32,
    },
    /// Evidence → work: the evidence is found in the work.
    FoundIn,
    /// Event → event: the first lies within the second.
    Within,
    /// Explanation → explanation: the first is a variant of the second.
    VariantOf,
    /// Claim → explanation: the claim invokes the explanation.
    Invokes,
    /// Claim → event: the claim concerns the event.
    Concerns,
    /// Scholar → claim: the scholar takes a position on the claim.
    Takes(Position),
    /// Claim → evidence: the claim cites the evidence.
    Cites(Bearing),
    /// Claim → claim: the first attacks the second.
    Attacks(AttackKind),
    /// Claim → claim: the first supports the second.
    Supports,
}

/// Predicates on relations, for filtering edges.
pub(crate) mod is {
    use super::Relation;

    pub(crate) fn author(r: &Relation) -> bool {
        matches!(r, Relation::AuthoredBy { .. })
    }

    pub(crate) fn found_in(r: &Relation) -> bool {
        matches!(r, Relation::FoundIn)
    }

    pub(crate) fn within(r: &Relation) -> bool {
        matches!(r, Relation::Within)
    }

    pub(crate) fn variant_of(r: &Relation) -> bool {
        matches!(r, Relation::VariantOf)
    }

    pub(crate) fn invokes(r: &Relation) -> bool {
        matches!(r, Relation::Invokes)
    }

    pub(crate) fn concerns(r: &Relation) -> bool {
        matches!(r, Relation::Concerns)
    }

    pub(crate) fn takes(r: &Relation) -> bool {
        matches!(r, Relation::Takes(_))
    }

    pub(crate) fn cites(r: &Relation) -> bool {
        matches!(r, Relation::Cites(_))
    }

    pub(crate) fn attacks(r: &Relation) -> bool {
        matches!(r, Relation::Attacks(_))
    }

    pub(crate) fn supports(r: &Relation) -> bool {
        matches!(r, Relation::Supports)
    }
}

/// An id of one of the six kinds of entity; lets generic methods such as
/// [`Corpus::get`](crate::Corpus::get) and [`Corpus::remove`](crate::Corpus::remove)
/// serve every kind.
///
/// Sealed: implemented by [`ScholarId`], [`WorkId`], [`EvidenceId`],
/// [`EventId`], [`ExplanationId`] and [`ClaimId`] only.
pub trait EntityId:
    Copy + Eq + Ord + std::hash::Hash + std::fmt::Debug + std::fmt::Display + sealed::Sealed
{
    /// The entity type the id names.
    type Entity: Clone + std::fmt::Debug + 'static;
}

pub(crate) mod sealed {
    use super::{EntityId, Node};
    use crate::model::Kind;

    type Data<I> = <I as EntityId>::Entity;

    /// The methods behind [`EntityId`]; not for use outside the crate.
    pub trait Sealed: Sized {
        /// The kind of entity.
        const KIND: Kind;
        /// The raw number.
        fn raw(self) -> u32;
        /// From a raw number.
        fn from_raw(raw: u32) -> Self;
        /// The entity in a node of this kind.
        fn data(node: &Node) -> Option<&Data<Self>>
        where
            Self: EntityId;
        /// The entity in a node of this kind, mutably.
        fn data_mut(node: &mut Node) -> Option<&mut Data<Self>>
        where
            Self: EntityId;
        /// The node holding an entity.
        fn wrap(self, data: Data<Self>) -> Node
        where
            Self: EntityId;
        /// The entity's key.
        fn key_of(data: &Data<Self>) -> &str
        where
            Self: EntityId;
        /// A required text field that is empty, if any.
        fn empty_field(data: &Data<Self>) -> Option<&'static str>
        where
            Self: EntityId;
    }
}

macro_rules! entity_ids {
    ($($id:ident => $variant:ident($entity:ident);)*) => {$(
        impl EntityId for $id {
            type Entity = $entity;
        }

        impl sealed::Sealed for $id {
            const KIND: Kind = Kind::$variant;
            fn raw(self) -> u32 {
                self.0
            }
            fn from_raw(raw: u32) -> Self {
                $id(raw)
            }
            fn data(node: &Node) -> Option<&$entity> {
                match node {
                    Node::$variant(_, data) => Some(data),
                    _ => None,
                }
            }
            fn data_mut(node: &mut Node) -> Option<&mut $entity> {
                match node {
                    Node::$variant(_, data) => Some(data),
                    _ => None,
                }
            }
            fn wrap(self, data: $entity) -> Node {
                Node::$variant(self, data)
            }
            fn key_of(data: &$entity) -> &str {
                data.key()
            }
            fn empty_field(data: &$entity) -> Option<&'static str> {
                data.empty_field()
            }
        }
    )*};
}

entity_ids! {
    ScholarId => Scholar(Scholar);
    WorkId => Work(Work);
    EvidenceId => Evidence(Evidence);
    EventId => Event(Event);
    ExplanationId => Explanation(Explanation);
    ClaimId => Claim(Claim);
}
