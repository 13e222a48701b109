//! What an edit changed, in ids: the records a transaction returns, that
//! undo plays backwards and [`Corpus::apply`](crate::Corpus::apply)
//! replays.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::entity::{EntityId, Node, Relation};
use crate::model::{
    Claim, ClaimId, Event, EventId, Evidence, EvidenceId, Explanation, ExplanationId, Kind,
    Scholar, ScholarId, Work, WorkId,
};

/// An entity with its id, as a change records it.
///
/// Serialized as `{"claim": ["claim#3", {"key": ..., "text": ...}]}`: the
/// kind, then the id and the entity (see [`Changes`] for the format).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Record {
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

impl Record {
    /// The node naming the entity's id.
    pub fn node(&self) -> Node {
        match self {
            Record::Scholar(id, _) => Node::Scholar(*id),
            Record::Work(id, _) => Node::Work(*id),
            Record::Evidence(id, _) => Node::Evidence(*id),
            Record::Event(id, _) => Node::Event(*id),
            Record::Explanation(id, _) => Node::Explanation(*id),
            Record::Claim(id, _) => Node::Claim(*id),
        }
    }

    /// The kind of entity.
    pub fn kind(&self) -> Kind {
        self.node().kind()
    }

    /// The entity's key.
    pub fn key(&self) -> &str {
        match self {
            Record::Scholar(_, d) => d.key(),
            Record::Work(_, d) => d.key(),
            Record::Evidence(_, d) => d.key(),
            Record::Event(_, d) => d.key(),
            Record::Explanation(_, d) => d.key(),
            Record::Claim(_, d) => d.key(),
        }
    }

    /// The id and entity, when the record is of kind `I`.
    ///
    /// ```
    /// use historiograph::{ClaimId, Record, ScholarId, Scholar};
    ///
    /// let mut corpus = historiograph::Corpus::new();
    /// let mut tx = corpus.transaction();
    /// let id = tx.add_scholar(Scholar::new("chen-jian", "Chen Jian"))?;
    /// let changes = tx.commit();
    /// let historiograph::Change::Added(record) = &changes[0] else { unreachable!() };
    /// assert_eq!(record.get::<ScholarId>().map(|(i, s)| (i, s.name())), Some((id, "Chen Jian")));
    /// assert!(record.get::<ClaimId>().is_none());
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn get<I: EntityId>(&self) -> Option<(I, &I::Entity)> {
        I::from_record(self)
    }
}

impl fmt::Display for Record {
    /// `claim#3 (ideology-first)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.node(), self.key())
    }
}

/// A relation between two entities, named by their ids, as a change
/// records it.
///
/// Serialized as `{"from": "claim#3", "to": "event#0", "relation":
/// "concerns"}` (see [`Changes`] for the format).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    from: Node,
    to: Node,
    relation: Relation,
}

impl Link {
    /// The relation `relation` from `from` to `to`.
    pub fn new(from: Node, to: Node, relation: Relation) -> Link {
        Link { from, to, relation }
    }

    /// Where the relation starts (see [`Relation`] for each direction).
    pub fn from(&self) -> Node {
        self.from
    }

    /// Where the relation ends.
    pub fn to(&self) -> Node {
        self.to
    }

    /// The relation.
    pub fn relation(&self) -> Relation {
        self.relation
    }
}

impl fmt::Display for Link {
    /// `claim#3 -[attacks: rebuts]-> claim#5`, `work#0 -[author 1]->
    /// scholar#2`: the relations by the names a change log gives them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.relation {
            // Counted from 1, widened: a log read from elsewhere may say u32::MAX.
            Relation::ContributedBy { role, position } => {
                format!("{role} {}", u64::from(position) + 1)
            }
            Relation::FoundIn => "found_in".to_owned(),
            Relation::Within => "within".to_owned(),
            Relation::VariantOf => "variant_of".to_owned(),
            Relation::Invokes => "invokes".to_owned(),
            Relation::Concerns => "concerns".to_owned(),
            Relation::Takes(id, p) => format!("{id}: {}", p.stance()),
            Relation::Cites(b) => format!("cites: {b}"),
            Relation::Attacks(k) => format!("attacks: {k}"),
            Relation::Supports => "supports".to_owned(),
        };
        write!(f, "{} -[{label}]-> {}", self.from, self.to)
    }
}

/// One change to a corpus: the smallest step an edit is made of.
///
/// Every edit of a [`Corpus`](crate::Corpus) is a sequence of these, in
/// ids. A [`Transaction`](crate::Transaction) returns the sequence it
/// made; [`Corpus::undo`](crate::Corpus::undo) plays it backwards and
/// [`Corpus::apply`](crate::Corpus::apply) replays it, on this corpus
/// (redo) or on another that holds the same ids (a copy that follows this
/// one). Each change carries both sides, so it is its own undo record:
/// [`inverse`](Change::inverse) swaps them.
///
/// Serialized by the variant's name in snake case:
/// `{"linked": {"from": "claim#3", "to": "event#0", "relation": "concerns"}}`
/// (see [`Changes`] for the format).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Change {
    /// An entity entered the corpus under this id (issued new, or brought
    /// back under the id it had).
    Added(Record),
    /// An entity left the corpus; it had no relations left (each was
    /// [`Unlinked`](Change::Unlinked) before).
    Removed(Record),
    /// An entity's data changed; the id stays.
    Replaced {
        /// Before.
        old: Record,
        /// After.
        new: Record,
    },
    /// A relation was added.
    Linked(Link),
    /// A relation was removed.
    Unlinked(Link),
    /// A relation's label changed (a position's stance, work or year, an
    /// author's place); its ends and its kind stay.
    Relinked {
        /// Before.
        old: Link,
        /// After.
        new: Link,
    },
    /// The corpus's title changed.
    Titled {
        /// Before.
        old: Option<String>,
        /// After.
        new: Option<String>,
    },
}

impl Change {
    /// The change that undoes this one.
    #[must_use]
    pub fn inverse(&self) -> Change {
        match self {
            Change::Added(r) => Change::Removed(r.clone()),
            Change::Removed(r) => Change::Added(r.clone()),
            Change::Replaced { old, new } => Change::Replaced {
                old: new.clone(),
                new: old.clone(),
            },
            Change::Linked(l) => Change::Unlinked(*l),
            Change::Unlinked(l) => Change::Linked(*l),
            Change::Relinked { old, new } => Change::Relinked {
                old: *new,
                new: *old,
            },
            Change::Titled { old, new } => Change::Titled {
                old: new.clone(),
                new: old.clone(),
            },
        }
    }
}

impl fmt::Display for Change {
    /// `add claim#3 (ideology-first)`, `unlink claim#3 -[concerns]-> event#0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Added(r) => write!(f, "add {r}"),
            Change::Removed(r) => write!(f, "remove {r}"),
            Change::Replaced { old, new } if old.key() == new.key() => write!(f, "replace {new}"),
            Change::Replaced { old, new } => write!(f, "replace {old} with {new}"),
            Change::Linked(l) => write!(f, "link {l}"),
            Change::Unlinked(l) => write!(f, "unlink {l}"),
            Change::Relinked { old, new } => write!(f, "relabel {old} as {new}"),
            Change::Titled { new: Some(t), .. } => write!(f, "set the title to {t:?}"),
            Change::Titled { new: None, .. } => f.write_str("clear the title"),
        }
    }
}

/// The changes one edit, transaction or import made, in order.
///
/// Keep them to undo the edit ([`Corpus::undo`](crate::Corpus::undo)),
/// to redo it or to replay it on a copy ([`Corpus::apply`](crate::Corpus::apply)),
/// or to follow what changed (a map UI redraws the nodes and links they name).
///
/// ```
/// use historiograph::{Change, Corpus, Scholar};
///
/// let mut corpus = Corpus::new();
/// let before = corpus.clone();
/// let mut tx = corpus.transaction();
/// tx.add_scholar(Scholar::new("lüthi", "Lorenz M. Lüthi"))?;
/// tx.set_title(Some("The split".to_owned()));
/// let changes = tx.commit();
/// assert_eq!(changes.len(), 2);
/// assert!(matches!(changes[0], Change::Added(_)));
///
/// corpus.undo(&changes)?;
/// assert_eq!(corpus, before);
/// corpus.apply(&changes)?; // redo
/// assert_eq!(corpus.title(), Some("The split"));
/// # Ok::<(), historiograph::Error>(())
/// ```
///
/// # Serialization
///
/// A change log is part of the API: `Changes` and everything in it are
/// `Serialize` and `Deserialize` (serde is a dependency of the crate in
/// any case, for the document, so there is no feature to turn on). The
/// format is on the [format page](crate::format#change-logs):
/// `{"version": 1, "changes": [...]}`, each change `{"added": record}`,
/// `{"linked": link}`, ..., entities named by id (`claim#3`) and written
/// with their document fields, relations as links. Reading checks every
/// entity as a corpus would, so a bad key or a blank name fails there,
/// with its place; [`apply`](crate::Corpus::apply) then checks that the
/// log fits the corpus.
///
/// ```
/// use historiograph::{Changes, Claim, Corpus, Position, Stance};
///
/// let mut corpus = historiograph::sino_soviet_split();
/// let start = corpus.clone();
/// let (ideology, split) = (corpus.resolve("ideology")?, corpus.resolve("sino-soviet-split")?);
/// let luthi = corpus.resolve("luthi")?;
/// let mut tx = corpus.transaction();
/// let claim = tx.add_claim(Claim::new("new-reading", "A new reading"), ideology, [split])?;
/// tx.add_position(luthi, claim, Position::new(Stance::Advances).in_year(2008))?;
/// let changes = tx.commit();
///
/// let text = serde_json::to_string(&changes).expect("a log serializes");
/// assert!(text.starts_with(r#"{"version":1,"changes":[{"added":{"claim":["claim#"#));
/// let read: Changes = serde_json::from_str(&text).expect("and reads back");
/// assert_eq!(read, changes);
///
/// let mut copy = start.clone(); // elsewhere, the same corpus
/// copy.apply(&read)?;
/// assert_eq!(copy, corpus);
/// copy.undo(&read)?;
/// assert_eq!(copy, start);
/// # Ok::<(), historiograph::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub(crate) changes: Vec<Change>,
    /// The corpus's versions before and after, when the changes were made
    /// by one transaction: what lets [`LiveVerdicts`](crate::LiveVerdicts)
    /// know they are all that changed.
    pub(crate) versions: Option<(u64, u64)>,
}

impl PartialEq for Changes {
    /// The same changes in the same order.
    fn eq(&self, other: &Changes) -> bool {
        self.changes == other.changes
    }
}

impl Eq for Changes {}

impl Changes {
    /// No changes.
    pub fn new() -> Changes {
        Changes::default()
    }

    /// How many changes.
    pub fn len(&self) -> usize {
        self.changes.len()
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The changes, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Change> {
        self.changes.iter()
    }

    /// The changes that undo these: each inverted, last first.
    #[must_use]
    pub fn inverse(&self) -> Changes {
        self.changes.iter().rev().map(Change::inverse).collect()
    }

    /// Appends the changes of a later edit.
    pub fn extend(&mut self, later: Changes) {
        self.versions = match (self.versions, later.versions) {
            (Some((from, middle)), Some((again, to))) if middle == again => Some((from, to)),
            _ => None,
        };
        self.changes.extend(later.changes);
    }
}

impl std::ops::Deref for Changes {
    type Target = [Change];

    fn deref(&self) -> &[Change] {
        &self.changes
    }
}

impl From<Vec<Change>> for Changes {
    fn from(changes: Vec<Change>) -> Changes {
        Changes {
            changes,
            versions: None,
        }
    }
}

impl FromIterator<Change> for Changes {
    fn from_iter<T: IntoIterator<Item = Change>>(iter: T) -> Changes {
        Changes::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl IntoIterator for Changes {
    type Item = Change;
    type IntoIter = std::vec::IntoIter<Change>;

    fn into_iter(self) -> Self::IntoIter {
        self.changes.into_iter()
    }
}

impl<'a> IntoIterator for &'a Changes {
    type Item = &'a Change;
    type IntoIter = std::slice::Iter<'a, Change>;

    fn into_iter(self) -> Self::IntoIter {
        self.changes.iter()
    }
}

/// What [`Corpus::remove`](crate::Corpus::remove) took out: the entity,
/// and every change the removal made (its relations unlinked, positions
/// in a removed work moved out of it), enough to put it all back.
///
/// ```
/// use historiograph::{ClaimId, Corpus};
///
/// let mut corpus = historiograph::sino_soviet_split();
/// let before = corpus.clone();
/// let claim: ClaimId = corpus.resolve("luthi-ideology-central")?;
/// let removed = corpus.remove(claim)?;
/// assert_eq!(removed.entity().key(), "luthi-ideology-central");
/// assert!(removed.relations().count() > 2);
/// corpus.undo(removed.changes())?;
/// assert_eq!(corpus, before); // the same ids, data and relations
/// # Ok::<(), historiograph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Removed<I: EntityId> {
    pub(crate) id: I,
    pub(crate) entity: I::Entity,
    pub(crate) changes: Changes,
}

impl<I: EntityId> Removed<I> {
    /// The id the entity had.
    pub fn id(&self) -> I {
        self.id
    }

    /// The entity.
    pub fn entity(&self) -> &I::Entity {
        &self.entity
    }

    /// The entity, owned.
    pub fn into_entity(self) -> I::Entity {
        self.entity
    }

    /// The relations the entity took part in, as they were.
    pub fn relations(&self) -> impl Iterator<Item = &Link> + '_ {
        self.changes.iter().filter_map(|c| match c {
            Change::Unlinked(l) => Some(l),
            _ => None,
        })
    }

    /// Every change the removal made, for [`Corpus::undo`](crate::Corpus::undo).
    pub fn changes(&self) -> &Changes {
        &self.changes
    }
}
