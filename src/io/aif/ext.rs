//! The `historiograph` member: what AIF cannot hold, so that a corpus
//! written as AIF reads back whole. Specified on the `format` page.

use serde::{Deserialize, Serialize};

use crate::io::json::document::{CiteDoc, Document, LegacyYear, claim_date};
use crate::model::{AttackKind, Date, Polarity};

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// The extension: a corpus document without its claims, and per node what
/// the node's AIF cannot say.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Extension<'a> {
    /// Scholars, works, events, explanations, evidence and the title, as in
    /// the corpus document (which has the version); no claims.
    #[serde(borrow)]
    pub(super) document: Document<'a>,
    /// Which scholar each participant is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) participants: Vec<ParticipantExt>,
    /// What each I-node's claim has beyond its text.
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub(super) claims: Vec<ClaimExt<'a>>,
    /// The kind of each CA-node's attack, where it is not `rebuts`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) attacks: Vec<AttackExt>,
    /// The work and year of each YA-node's stance, where it has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) stances: Vec<StanceExt>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ParticipantExt {
    pub(super) participant: String,
    pub(super) scholar: String,
}

/// What an I-node's claim has beyond its text. Written with `date`; read
/// with `date` or the legacy integer `year`, as in the corpus document.
#[derive(Debug, Serialize)]
pub(super) struct ClaimExt<'a> {
    pub(super) node: String,
    pub(super) key: String,
    /// The claim's text with its formatting (the node's text is plain).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) markup: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) explanation: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) events: Vec<String>,
    #[serde(skip_serializing_if = "is_default")]
    pub(super) polarity: Polarity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) date: Option<Date>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) cites: Vec<CiteDoc<'a>>,
}

/// A [`ClaimExt`] as read, with the legacy `year` beside `date`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimExtFields<'a> {
    node: String,
    key: String,
    #[serde(default)]
    markup: Option<String>,
    #[serde(default)]
    explanation: Option<String>,
    #[serde(default)]
    events: Vec<String>,
    #[serde(default)]
    polarity: Polarity,
    #[serde(default)]
    date: Option<Date>,
    #[serde(default)]
    year: Option<LegacyYear>,
    #[serde(borrow, default)]
    cites: Vec<CiteDoc<'a>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for ClaimExt<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let c = ClaimExtFields::deserialize(deserializer)?;
        let date = claim_date(&c.key, c.date, c.year)?;
        Ok(ClaimExt {
            node: c.node,
            key: c.key,
            markup: c.markup,
            explanation: c.explanation,
            events: c.events,
            polarity: c.polarity,
            date,
            cites: c.cites,
        })
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AttackExt {
    pub(super) node: String,
    pub(super) kind: AttackKind,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StanceExt {
    pub(super) node: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) work: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) year: Option<i32>,
}
