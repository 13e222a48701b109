//! Evidence: what a claim rests on.

use serde::{Deserialize, Serialize};

use crate::model::{Date, Kind, check_entity, non_empty};

/// What sort of source a piece of evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum EvidenceKind {
    /// A document from an archive (party, government, personal papers).
    ArchivalDocument,
    /// A primary source in print: a document collection, a speech, a newspaper of record.
    PublishedPrimarySource,
    /// A participant's memoir.
    Memoir,
    /// An interview with a participant.
    Interview,
    /// Scholarship: a monograph, an article.
    SecondaryStudy,
    /// Numbers: trade figures, production statistics.
    Statistic,
    /// A press report.
    PressReport,
    /// Anything else.
    Other,
}

names!(EvidenceKind, "evidence kind", [
    ArchivalDocument => "archival_document",
    PublishedPrimarySource => "published_primary_source",
    Memoir => "memoir",
    Interview => "interview",
    SecondaryStudy => "secondary_study",
    Statistic => "statistic",
    PressReport => "press_report",
    Other => "other",
]);

/// A piece of evidence: a document, a memoir passage, a note in a study.
///
/// The work it is found in is a relation in the corpus, see
/// [`Corpus::add_evidence`](crate::Corpus::add_evidence).
///
/// ```
/// use historiograph::{Evidence, EvidenceKind};
///
/// let note = Evidence::new("luthi-2008-n24", EvidenceKind::SecondaryStudy, "Christensen on the 1958 crisis")
///     .with_locator("n.24");
/// assert_eq!(note.locator(), Some("n.24"));
/// ```
///
/// Serialized with the names of its entry in the corpus document
/// ([the format](crate::format)), without the relations the document
/// lists beside the entity's own data (`work`): in a change log they are
/// [`Link`](crate::Link)s. Deserializing checks what a corpus checks of
/// the entity alone (a valid key, a description not blank), so no entity a corpus would
/// refuse deserializes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Evidence {
    key: String,
    kind: EvidenceKind,
    description: String,
    locator: Option<String>,
    date: Option<Date>,
}

impl Evidence {
    /// Evidence with a key, a kind and a short description.
    pub fn new(
        key: impl Into<String>,
        kind: EvidenceKind,
        description: impl Into<String>,
    ) -> Evidence {
        Evidence {
            key: key.into(),
            kind,
            description: description.into(),
            locator: None,
            date: None,
        }
    }

    /// Sets where in its work the evidence is: a page, an endnote (`n.24`), a folio.
    #[must_use]
    pub fn with_locator(mut self, locator: impl Into<String>) -> Evidence {
        self.locator = Some(locator.into());
        self
    }

    /// Sets when the evidence entered the debate (was published or opened
    /// to researchers), when that is not the date of its work. The date may
    /// be approximate (`1996~`). Without one, the evidence takes the date of
    /// its work (see [the calculus](crate::calculus)).
    #[must_use]
    pub fn with_date(mut self, date: Date) -> Evidence {
        self.date = Some(date);
        self
    }

    /// When the evidence entered the debate, if given.
    pub fn date(&self) -> Option<Date> {
        self.date
    }

    /// The key, unique among evidence.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The kind of source.
    pub fn kind(&self) -> EvidenceKind {
        self.kind
    }

    /// The short description.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Where in its work the evidence is.
    pub fn locator(&self) -> Option<&str> {
        self.locator.as_deref()
    }

    pub(crate) fn empty_field(&self) -> Option<&'static str> {
        (!non_empty(&self.description)).then_some("description")
    }
}

/// Evidence's fields as the corpus document names them.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceFields<S> {
    key: S,
    kind: EvidenceKind,
    description: S,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    locator: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
}

impl Serialize for Evidence {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        EvidenceFields {
            key: self.key(),
            kind: self.kind,
            description: self.description(),
            locator: self.locator(),
            date: self.date,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Evidence, D::Error> {
        let e = EvidenceFields::<String>::deserialize(deserializer)?;
        let evidence = Evidence {
            key: e.key,
            kind: e.kind,
            description: e.description,
            locator: e.locator,
            date: e.date,
        };
        check_entity(Kind::Evidence, &evidence.key, evidence.empty_field())
            .map_err(serde::de::Error::custom)?;
        Ok(evidence)
    }
}

#[cfg(test)]
mod tests {
    use super::EvidenceKind;

    /// A new kind breaks this match until it is placed in `ALL` too.
    fn place(kind: EvidenceKind) -> usize {
        match kind {
            EvidenceKind::ArchivalDocument => 0,
            EvidenceKind::PublishedPrimarySource => 1,
            EvidenceKind::Memoir => 2,
            EvidenceKind::Interview => 3,
            EvidenceKind::SecondaryStudy => 4,
            EvidenceKind::Statistic => 5,
            EvidenceKind::PressReport => 6,
            EvidenceKind::Other => 7,
        }
    }

    #[test]
    fn all_lists_every_kind_once_in_order() {
        for (i, kind) in EvidenceKind::ALL.into_iter().enumerate() {
            assert_eq!(place(kind), i);
        }
    }
}
