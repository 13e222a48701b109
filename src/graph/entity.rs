//! What the graph stores, and the sealed trait that lets one generic method
//! serve all six kinds of entity.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::change::Record;
use crate::error::Error;
use crate::graph::table::{Table, Tables};
use crate::model::{
    AttackKind, Bearing, Claim, ClaimId, Event, EventId, Evidence, EvidenceId, Explanation,
    ExplanationId, Kind, Position, PositionId, Role, Scholar, ScholarId, Work, WorkId, by_text,
    split_id,
};

/// A node of the corpus graph: the id of one entity. The entity itself is
/// kept beside the graph, in a table per kind; read it with
/// [`Corpus::get`](crate::Corpus::get).
///
/// Only seen through [`Corpus::as_petgraph`](crate::Corpus::as_petgraph).
///
/// ```
/// use historiograph::{ClaimId, Node};
///
/// let corpus = historiograph::sino_soviet_split();
/// let graph = corpus.as_petgraph();
/// let claims = graph
///     .node_weights()
///     .filter_map(|node| match *node {
///         Node::Claim(id) => corpus.get(id),
///         _ => None,
///     })
///     .count();
/// assert_eq!(claims, corpus.count::<ClaimId>());
/// ```
///
/// A node is written as the id it holds (`claim#12`), in `Display`,
/// `FromStr` and serde alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node {
    /// A scholar.
    Scholar(ScholarId),
    /// A work.
    Work(WorkId),
    /// A piece of evidence.
    Evidence(EvidenceId),
    /// An event.
    Event(EventId),
    /// An explanation.
    Explanation(ExplanationId),
    /// A claim.
    Claim(ClaimId),
}

impl Node {
    /// The kind of entity.
    pub fn kind(self) -> Kind {
        match self {
            Node::Scholar(_) => Kind::Scholar,
            Node::Work(_) => Kind::Work,
            Node::Evidence(_) => Kind::Evidence,
            Node::Event(_) => Kind::Event,
            Node::Explanation(_) => Kind::Explanation,
            Node::Claim(_) => Kind::Claim,
        }
    }

    /// The raw number of the id, unique within its kind.
    pub(crate) fn raw(self) -> u32 {
        match self {
            Node::Scholar(id) => id.0,
            Node::Work(id) => id.0,
            Node::Evidence(id) => id.0,
            Node::Event(id) => id.0,
            Node::Explanation(id) => id.0,
            Node::Claim(id) => id.0,
        }
    }
}

impl fmt::Display for Node {
    /// The id: `claim#12`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.kind(), self.raw())
    }
}

impl FromStr for Node {
    type Err = Error;

    /// Reads an id of any kind, as `Display` writes it (`claim#12`).
    fn from_str(text: &str) -> Result<Node, Error> {
        let (kind, n) = split_id(text)?;
        let kind: Kind = kind.parse().map_err(|_| Error::InvalidId {
            value: text.to_owned(),
            reason: format!(
                "`{kind}` is not a kind of entity: expected one of {}",
                Kind::ALL.map(Kind::as_str).join(", ")
            ),
        })?;
        Ok(match kind {
            Kind::Scholar => Node::Scholar(ScholarId(n)),
            Kind::Work => Node::Work(WorkId(n)),
            Kind::Evidence => Node::Evidence(EvidenceId(n)),
            Kind::Event => Node::Event(EventId(n)),
            Kind::Explanation => Node::Explanation(ExplanationId(n)),
            Kind::Claim => Node::Claim(ClaimId(n)),
        })
    }
}

by_text!(Node, "an id written `kind#number`, as `claim#12`");

/// An edge of the corpus graph. Each runs in one direction, given here as
/// source → target.
///
/// Seen through [`Corpus::as_petgraph`](crate::Corpus::as_petgraph), and
/// in the [`Link`](crate::Link)s of a change log. Serialized by the names
/// of its variants in snake case (`"invokes"`, `{"attacks": "rebuts"}`,
/// `{"takes": ["position#3", {"stance": "advances"}]}`; see
/// [`Changes`](crate::Changes) for the whole format).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Relation {
    /// Work → scholar: the scholar contributes to the work in `role` (an
    /// author, an editor, a translator), `position` (0-based) in that
    /// role's list.
    ContributedBy {
        /// What the scholar did for the work.
        role: Role,
        /// Place in the role's list, from 0.
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
    /// Scholar → claim: the scholar takes a position on the claim; the
    /// position's id names this relation.
    Takes(PositionId, Position),
    /// Claim → evidence: the claim cites the evidence.
    Cites(Bearing),
    /// Claim → claim: the first attacks the second.
    Attacks(AttackKind),
    /// Claim → claim: the first supports the second.
    Supports,
}

impl Relation {
    /// The kinds of entity the relation runs from and to, in the direction
    /// of its edge.
    ///
    /// ```
    /// use historiograph::{Kind, Relation};
    ///
    /// assert_eq!(Relation::FoundIn.ends(), (Kind::Evidence, Kind::Work));
    /// assert_eq!(Relation::Supports.ends(), (Kind::Claim, Kind::Claim));
    /// ```
    pub fn ends(&self) -> (Kind, Kind) {
        match self {
            Relation::ContributedBy { .. } => (Kind::Work, Kind::Scholar),
            Relation::FoundIn => (Kind::Evidence, Kind::Work),
            Relation::Within => (Kind::Event, Kind::Event),
            Relation::VariantOf => (Kind::Explanation, Kind::Explanation),
            Relation::Invokes => (Kind::Claim, Kind::Explanation),
            Relation::Concerns => (Kind::Claim, Kind::Event),
            Relation::Takes(..) => (Kind::Scholar, Kind::Claim),
            Relation::Cites(_) => (Kind::Claim, Kind::Evidence),
            Relation::Attacks(_) | Relation::Supports => (Kind::Claim, Kind::Claim),
        }
    }
}

/// Predicates on relations, for filtering edges.
pub(crate) mod is {
    use super::Relation;

    pub(crate) fn author(r: &Relation) -> bool {
        matches!(
            r,
            Relation::ContributedBy {
                role: crate::model::Role::Author,
                ..
            }
        )
    }

    pub(crate) fn contributor(r: &Relation) -> bool {
        matches!(r, Relation::ContributedBy { .. })
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
        matches!(r, Relation::Takes(..))
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
    type Entity: Clone + PartialEq + std::fmt::Debug + 'static;
}

pub(crate) mod sealed {
    use super::{EntityId, Node};
    use crate::graph::change::Record;
    use crate::graph::table::{Table, Tables};
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
        /// The graph node naming this id.
        fn node(self) -> Node;
        /// The table of this kind.
        fn table(tables: &Tables) -> &Table<Data<Self>>
        where
            Self: EntityId;
        /// The table of this kind, mutably.
        fn table_mut(tables: &mut Tables) -> &mut Table<Data<Self>>
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
        /// The year the entity enters the debate by a date of its own (the
        /// calculus, §1), if it has one.
        fn own_year(data: &Data<Self>) -> Option<i32>
        where
            Self: EntityId;
        /// The entity with its id, as a record of a change.
        fn into_record(self, data: Data<Self>) -> Record
        where
            Self: EntityId;
        /// The id and entity of a record of this kind.
        fn from_record(record: &Record) -> Option<(Self, &Data<Self>)>
        where
            Self: EntityId;
    }
}

macro_rules! entity_ids {
    ($($id:ident => $variant:ident($entity:ident), $field:ident, $year:expr;)*) => {$(
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
            fn node(self) -> Node {
                Node::$variant(self)
            }
            fn table(tables: &Tables) -> &Table<$entity> {
                &tables.$field
            }
            fn table_mut(tables: &mut Tables) -> &mut Table<$entity> {
                &mut tables.$field
            }
            fn key_of(data: &$entity) -> &str {
                data.key()
            }
            fn empty_field(data: &$entity) -> Option<&'static str> {
                data.empty_field()
            }
            fn own_year(data: &$entity) -> Option<i32> {
                let year: fn(&$entity) -> Option<i32> = $year;
                year(data)
            }
            fn into_record(self, data: $entity) -> Record {
                Record::$variant(self, data)
            }
            fn from_record(record: &Record) -> Option<(Self, &$entity)> {
                match record {
                    Record::$variant(id, data) => Some((*id, data)),
                    _ => None,
                }
            }
        }
    )*};
}

entity_ids! {
    ScholarId => Scholar(Scholar), scholars, |_| None;
    WorkId => Work(Work), works, |w| w.issued().map(|d| d.last_year());
    EvidenceId => Evidence(Evidence), evidence, |e| e.date().map(|d| d.last_year());
    EventId => Event(Event), events, |_| None;
    ExplanationId => Explanation(Explanation), explanations, |_| None;
    ClaimId => Claim(Claim), claims, |c| c.date().map(|d| d.last_year());
}
