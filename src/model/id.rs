//! Typed ids and the kinds of entity.

use std::fmt;

/// The six kinds of entity a corpus holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// A person who writes about the debate, or witnessed it.
    Scholar,
    /// A publication or document.
    Work,
    /// A piece of evidence a claim cites.
    Evidence,
    /// Something that happened, dated.
    Event,
    /// A line of explanation (a family or a variant).
    Explanation,
    /// A claim that an explanation does or does not account for events.
    Claim,
}

names!(Kind, "kind of entity", [
    Scholar => "scholar",
    Work => "work",
    Event => "event",
    Explanation => "explanation",
    Evidence => "evidence",
    Claim => "claim",
]);

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident => $kind:ident;)*) => {$(
        $(#[$doc])*
        ///
        /// Ids are issued by a [`Corpus`](crate::Corpus) and never reused: once
        /// the entity is removed, its id names nothing, and no later entity
        /// gets it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub(crate) u32);

        impl $name {
            /// The raw number, for use as a dense index or in messages.
            pub fn index(self) -> u32 {
                self.0
            }

            /// The kind of entity this id names.
            pub const KIND: Kind = Kind::$kind;
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}#{}", Kind::$kind, self.0)
            }
        }
    )*};
}

ids! {
    /// Names a [`Scholar`](crate::Scholar) in a corpus.
    ScholarId => Scholar;
    /// Names a [`Work`](crate::Work) in a corpus.
    WorkId => Work;
    /// Names a piece of [`Evidence`](crate::Evidence) in a corpus.
    EvidenceId => Evidence;
    /// Names an [`Event`](crate::Event) in a corpus.
    EventId => Event;
    /// Names an [`Explanation`](crate::Explanation) in a corpus.
    ExplanationId => Explanation;
    /// Names a [`Claim`](crate::Claim) in a corpus.
    ClaimId => Claim;
}

/// Names a scholar's [`Position`](crate::Position) on a claim in a corpus:
/// the relation itself, so that a position can be changed or removed by
/// id (its year, its stance, its work) without naming its scholar, claim
/// and work.
///
/// Issued by [`Corpus::add_position`](crate::Corpus::add_position) and
/// never reused: once the position is removed, its id names nothing, and
/// no later position gets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PositionId(pub(crate) u32);

impl PositionId {
    /// The raw number, for use as a dense index or in messages.
    pub fn index(self) -> u32 {
        self.0
    }
}

impl fmt::Display for PositionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "position#{}", self.0)
    }
}
