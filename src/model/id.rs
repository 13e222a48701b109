//! Typed ids and the kinds of entity, and their one spelling as text:
//! `claim#12`, `position#3`, which `Display`, `FromStr` and serde share.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

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

/// Serializes a type as its `Display` text and deserializes it through its
/// `FromStr`, so that serde and text share one spelling.
macro_rules! by_text {
    ($ty:ty, $expecting:expr) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                struct Text;
                impl serde::de::Visitor<'_> for Text {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$ty, E> {
                        text.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(Text)
            }
        }
    };
}
pub(crate) use by_text;

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident => $kind:ident;)*) => {$(
        $(#[$doc])*
        ///
        /// Ids are issued by a [`Corpus`](crate::Corpus) and never reused: once
        /// the entity is removed, its id names nothing, and no later entity
        /// gets it.
        ///
        /// An id is written `kind#number` (`claim#12`) by `Display`,
        /// `FromStr` and serde alike, as change logs name entities. An id
        /// read from text is checked for its kind, not for naming anything:
        /// the corpus's methods answer [`Error::UnknownId`](crate::Error::UnknownId)
        /// (or `None`) for one that does not.
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
            /// `claim#12`: the kind's name, `#`, the number.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}#{}", Kind::$kind, self.0)
            }
        }

        impl FromStr for $name {
            type Err = Error;

            /// Reads the id as `Display` writes it (`claim#12`); an id of
            /// another kind is an error.
            fn from_str(text: &str) -> Result<$name, Error> {
                typed_id(text, Kind::$kind.as_str()).map($name)
            }
        }

        by_text!($name, "an id written `kind#number`, as `claim#12`");
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
///
/// Written `position#3` by `Display`, `FromStr` and serde alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PositionId(pub(crate) u32);

impl PositionId {
    /// The raw number, for use as a dense index or in messages.
    pub fn index(self) -> u32 {
        self.0
    }
}

impl fmt::Display for PositionId {
    /// `position#3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "position#{}", self.0)
    }
}

impl FromStr for PositionId {
    type Err = Error;

    /// Reads the id as `Display` writes it (`position#3`).
    fn from_str(text: &str) -> Result<PositionId, Error> {
        typed_id(text, "position").map(PositionId)
    }
}

by_text!(
    PositionId,
    "an id written `position#number`, as `position#3`"
);

/// Splits an id written `kind#number` into the kind's name and the number.
/// The number is below `u32::MAX`, which no corpus issues (it stands for
/// "none" inside a [`Position`](crate::Position)), so a text that reads
/// gives an id that could have been issued.
pub(crate) fn split_id(text: &str) -> Result<(&str, u32), Error> {
    let invalid = |reason: String| Error::InvalidId {
        value: text.to_owned(),
        reason,
    };
    let (kind, number) = text
        .split_once('#')
        .ok_or_else(|| invalid("an id is written kind#number, as `claim#12`".to_owned()))?;
    let number = number
        .parse::<u32>()
        .ok()
        .filter(|n| *n < u32::MAX && !number.starts_with('+'))
        .ok_or_else(|| {
            invalid(format!(
                "`{number}` is not a number from 0 to {}",
                u32::MAX - 1
            ))
        })?;
    Ok((kind, number))
}

/// `an` before a vowel, else `a`.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The number of an id of the kind named `kind`.
fn typed_id(text: &str, kind: &str) -> Result<u32, Error> {
    let (found, number) = split_id(text)?;
    if found != kind {
        return Err(Error::InvalidId {
            value: text.to_owned(),
            reason: format!("expected {} {kind} id, as `{kind}#12`", article(kind)),
        });
    }
    Ok(number)
}
