//! The parser's side of streaming: the top-level object read key by key,
//! each section parsed whole and each claim parsed alone, handed on as a
//! [`Piece`] to a [`Sink`] in document order. Anything the parser finds
//! wrong (JSON syntax, a value of the wrong shape, an unknown or repeated
//! field) is the parser's error; what the document's rules forbid is the
//! builder's.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::document::{ClaimDoc, EventDoc, EvidenceDoc, ExplanationDoc, ScholarDoc, WorkDoc};
use super::sink::Sink;
use super::text::Text;

const FIELDS: &[&str] = &[
    "version",
    "title",
    "scholars",
    "works",
    "events",
    "explanations",
    "evidence",
    "claims",
];

/// What the parser hands on to whoever builds the corpus, in document
/// order.
// A piece is made and taken one at a time, never stored in bulk (the
// channel carries claims in batches, as `Claims`): boxing each claim to
// shrink `Claim` would cost an allocation per claim.
#[allow(clippy::large_enum_variant)]
pub(super) enum Piece<'a> {
    Version(u64),
    Title(Option<Text<'a>>),
    Scholars(Vec<ScholarDoc<'a>>),
    Works(Vec<WorkDoc<'a>>),
    Events(Vec<EventDoc<'a>>),
    Explanations(Vec<ExplanationDoc<'a>>),
    Evidence(Vec<EvidenceDoc<'a>>),
    /// The parser has reached the `claims` key.
    ClaimsBegin,
    Claim(ClaimDoc<'a>),
    /// Consecutive claims, handed on together to another thread.
    Claims(Vec<ClaimDoc<'a>>),
    /// The document's top-level object is closed.
    End,
}

/// Parses `text` into `sink`, piece by piece.
pub(super) fn parse_into<'a, S: Sink<'a>>(text: &'a str, sink: &mut S) -> serde_json::Result<()> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde::de::DeserializeSeed::deserialize(Stream { sink }, &mut deserializer)?;
    deserializer.end()
}

/// The parser's error when the builder has stopped; the builder's failure
/// is what the caller reports.
fn stopped<E: de::Error>() -> E {
    E::custom("the document breaks a rule of the format")
}

/// Reads a document from the parser and hands it on, piece by piece, to a
/// [`Sink`]. Anything the parser finds wrong is the parser's error.
struct Stream<'s, S> {
    sink: &'s mut S,
}

impl<'de, S: Sink<'de>> DeserializeSeed<'de> for Stream<'_, S> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, S: Sink<'de>> Visitor<'de> for Stream<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a corpus document")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<(), M::Error> {
        let sink = self.sink;
        let mut fields = [false; FIELDS.len()];
        while let Some(name) = map.next_key::<Text<'de>>()? {
            let Some(field) = FIELDS.iter().position(|&f| f == &*name) else {
                return Err(de::Error::unknown_field(&name, FIELDS));
            };
            if std::mem::replace(&mut fields[field], true) {
                return Err(de::Error::duplicate_field(FIELDS[field]));
            }
            let piece = match FIELDS[field] {
                "version" => Piece::Version(map.next_value()?),
                "title" => Piece::Title(map.next_value()?),
                "scholars" => Piece::Scholars(map.next_value()?),
                "works" => Piece::Works(map.next_value()?),
                "events" => Piece::Events(map.next_value()?),
                "explanations" => Piece::Explanations(map.next_value()?),
                "evidence" => Piece::Evidence(map.next_value()?),
                _ => {
                    if !sink.put(Piece::ClaimsBegin) {
                        return Err(stopped());
                    }
                    map.next_value_seed(Claims { sink: &mut *sink })?;
                    continue;
                }
            };
            if !sink.put(piece) {
                return Err(stopped());
            }
        }
        if !fields[0] {
            return Err(de::Error::missing_field("version"));
        }
        match sink.put(Piece::End) {
            true => Ok(()),
            false => Err(stopped()),
        }
    }
}

/// The `claims` array, each claim handed on as it is parsed.
struct Claims<'s, S> {
    sink: &'s mut S,
}

impl<'de, S: Sink<'de>> DeserializeSeed<'de> for Claims<'_, S> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, S: Sink<'de>> Visitor<'de> for Claims<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of claims")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(claim) = seq.next_element::<ClaimDoc<'de>>()? {
            if !self.sink.put(Piece::Claim(claim)) {
                return Err(stopped());
            }
        }
        Ok(())
    }
}
