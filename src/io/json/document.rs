//! The serde shape of the document: [`Document`] and one type per record
//! (`ScholarDoc`, `WorkDoc`, ..., `ClaimDoc` with its `StanceDoc`,
//! `CiteDoc` and `AttackDoc`), the legacy `year` of a claim, and the
//! version probe. The document is built from the graph, never the graph
//! itself, so petgraph's storage never leaks into the format.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::text::Text;
use crate::error::Error;
use crate::model::{
    AttackKind, Bearing, Date, EvidenceKind, NameParts, Polarity, Stance, When, WorkKind,
};

/// The format version this crate reads and writes.
pub(super) const VERSION: u64 = 1;

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Document<'a> {
    pub(super) version: u64,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) title: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub(super) scholars: Vec<ScholarDoc<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub(super) works: Vec<WorkDoc<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub(super) events: Vec<EventDoc<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub(super) explanations: Vec<ExplanationDoc<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub(super) evidence: Vec<EvidenceDoc<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) claims: Vec<ClaimDoc<'a>>,
}

/// A scholar of the document. Read through [`ScholarFields`], which
/// refuses a name with both `parts` and `literal`.
#[derive(Debug, Serialize)]
pub(super) struct ScholarDoc<'a> {
    pub(super) key: Text<'a>,
    pub(super) name: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) born: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) died: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) affiliation: Option<Text<'a>>,
    /// With the names of [`NameParts`]' own serde form, defined there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) parts: Option<Cow<'a, NameParts>>,
    #[serde(skip_serializing_if = "is_default")]
    pub(super) literal: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScholarFields<'a> {
    #[serde(borrow)]
    key: Text<'a>,
    #[serde(borrow)]
    name: Text<'a>,
    #[serde(default)]
    born: Option<i32>,
    #[serde(default)]
    died: Option<i32>,
    #[serde(borrow, default)]
    affiliation: Option<Text<'a>>,
    #[serde(default)]
    parts: Option<Cow<'a, NameParts>>,
    #[serde(default)]
    literal: bool,
}

impl<'de: 'a, 'a> Deserialize<'de> for ScholarDoc<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let s = ScholarFields::deserialize(deserializer)?;
        if s.literal && s.parts.is_some() {
            return Err(serde::de::Error::custom(format!(
                "scholar `{}` has both `parts` and `literal` (a name cited as written has no parts): give one",
                &*s.key
            )));
        }
        Ok(ScholarDoc {
            key: s.key,
            name: s.name,
            born: s.born,
            died: s.died,
            affiliation: s.affiliation,
            parts: s.parts,
            literal: s.literal,
        })
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WorkDoc<'a> {
    #[serde(borrow)]
    pub(super) key: Text<'a>,
    #[serde(rename = "type", default, skip_serializing_if = "is_default")]
    pub(super) kind: WorkKind,
    #[serde(borrow)]
    pub(super) title: Text<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) issued: Option<Date>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub(super) authors: Vec<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub(super) editors: Vec<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub(super) translators: Vec<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) container_title: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) volume: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) issue: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) page: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) publisher: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) publisher_place: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) archive: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) archive_location: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) note: Option<Text<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EventDoc<'a> {
    #[serde(borrow)]
    pub(super) key: Text<'a>,
    #[serde(borrow)]
    pub(super) name: Text<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) when: Option<When>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) within: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) description: Option<Text<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ExplanationDoc<'a> {
    #[serde(borrow)]
    pub(super) key: Text<'a>,
    #[serde(borrow)]
    pub(super) name: Text<'a>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) variant_of: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) description: Option<Text<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EvidenceDoc<'a> {
    #[serde(borrow)]
    pub(super) key: Text<'a>,
    pub(super) kind: EvidenceKind,
    #[serde(borrow)]
    pub(super) description: Text<'a>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) work: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) locator: Option<Text<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) date: Option<Date>,
}

/// A claim of the document. Written with `date`; read with `date` or the
/// legacy integer `year` (see [`ClaimFields`]).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ClaimDoc<'a> {
    pub(super) key: Text<'a>,
    pub(super) text: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) markup: Option<Text<'a>>,
    pub(super) explanation: Text<'a>,
    pub(super) events: Vec<Text<'a>>,
    #[serde(skip_serializing_if = "is_default")]
    pub(super) polarity: Polarity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) date: Option<Date>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) stances: Vec<StanceDoc<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) cites: Vec<CiteDoc<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) attacks: Vec<AttackDoc<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) supports: Vec<Text<'a>>,
}

/// A claim as read: [`ClaimDoc`] with the legacy `year` beside `date`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimFields<'a> {
    #[serde(borrow)]
    key: Text<'a>,
    #[serde(borrow)]
    text: Text<'a>,
    #[serde(borrow, default)]
    markup: Option<Text<'a>>,
    #[serde(borrow)]
    explanation: Text<'a>,
    #[serde(borrow)]
    events: Vec<Text<'a>>,
    #[serde(default)]
    polarity: Polarity,
    #[serde(default)]
    date: Option<Date>,
    #[serde(default)]
    year: Option<LegacyYear>,
    #[serde(borrow, default)]
    stances: Vec<StanceDoc<'a>>,
    #[serde(borrow, default)]
    cites: Vec<CiteDoc<'a>>,
    #[serde(borrow, default)]
    attacks: Vec<AttackDoc<'a>>,
    #[serde(borrow, default)]
    supports: Vec<Text<'a>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for ClaimDoc<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let c = ClaimFields::deserialize(deserializer)?;
        let date = claim_date(&c.key, c.date, c.year)?;
        Ok(ClaimDoc {
            key: c.key,
            text: c.text,
            markup: c.markup,
            explanation: c.explanation,
            events: c.events,
            polarity: c.polarity,
            date,
            stances: c.stances,
            cites: c.cites,
            attacks: c.attacks,
            supports: c.supports,
        })
    }
}

/// The legacy spelling of a claim's date: an integer year, as documents
/// written before claims had EDTF dates give it. A year outside the range
/// of [`Date`] is refused, not clamped, so nothing is silently changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LegacyYear(Date);

impl<'de> Deserialize<'de> for LegacyYear {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let year = i32::deserialize(deserializer)?;
        // `from_year` clamps a year out of range: a changed year was out of it.
        let date = Date::from_year(year);
        if date.year() != year {
            return Err(serde::de::Error::custom(Error::InvalidDate {
                value: year.to_string(),
                reason: "year must be from -9999 to 9999",
            }));
        }
        Ok(LegacyYear(date))
    }
}

/// A claim's date from its `date` and its legacy `year`, of which it may
/// have one: both is an error naming the claim.
pub(crate) fn claim_date<E: serde::de::Error>(
    key: &str,
    date: Option<Date>,
    year: Option<LegacyYear>,
) -> std::result::Result<Option<Date>, E> {
    match (date, year) {
        (Some(_), Some(_)) => Err(E::custom(format!(
            "claim `{key}` has both `date` and `year` (the legacy spelling of `date`): give only `date`"
        ))),
        (date, year) => Ok(date.or(year.map(|LegacyYear(date)| date))),
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StanceDoc<'a> {
    #[serde(borrow)]
    pub(super) scholar: Text<'a>,
    pub(super) stance: Stance,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(super) work: Option<Text<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) year: Option<i32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CiteDoc<'a> {
    #[serde(borrow)]
    pub(crate) evidence: Text<'a>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub(crate) bearing: Bearing,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AttackDoc<'a> {
    #[serde(borrow)]
    pub(super) claim: Text<'a>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub(super) kind: AttackKind,
}

/// Only the version, read first so that a document of another version is
/// refused for its version, not for the fields it has.
#[derive(Deserialize)]
pub(super) struct Probe {
    pub(super) version: Option<serde_json::Value>,
}
