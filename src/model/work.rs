//! Works: publications and documents, shaped after CSL-JSON.

use serde::{Deserialize, Serialize};

use crate::model::{Date, Kind, check_entity, non_empty};

/// The type of a work, named as in CSL-JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum WorkKind {
    /// A book (CSL `book`).
    #[default]
    Book,
    /// A chapter in an edited volume (CSL `chapter`).
    Chapter,
    /// A journal article (CSL `article-journal`).
    ArticleJournal,
    /// A magazine article (CSL `article-magazine`).
    ArticleMagazine,
    /// A newspaper article (CSL `article-newspaper`).
    ArticleNewspaper,
    /// A conference paper (CSL `paper-conference`).
    PaperConference,
    /// A thesis (CSL `thesis`).
    Thesis,
    /// A report (CSL `report`).
    Report,
    /// An unpublished manuscript (CSL `manuscript`).
    Manuscript,
    /// An interview (CSL `interview`).
    Interview,
    /// A speech (CSL `speech`).
    Speech,
    /// A letter or conversation (CSL `personal_communication`).
    PersonalCommunication,
    /// A document, such as an archival file (CSL `document`).
    Document,
    /// A web page (CSL `webpage`).
    Webpage,
    /// Anything else.
    Other,
}

names!(WorkKind, "work type", [
    Book => "book",
    Chapter => "chapter",
    ArticleJournal => "article-journal" | "article_journal",
    ArticleMagazine => "article-magazine" | "article_magazine",
    ArticleNewspaper => "article-newspaper" | "article_newspaper",
    PaperConference => "paper-conference" | "paper_conference",
    Thesis => "thesis",
    Report => "report",
    Manuscript => "manuscript",
    Interview => "interview",
    Speech => "speech",
    PersonalCommunication => "personal_communication" | "personal-communication",
    Document => "document",
    Webpage => "webpage",
    Other => "other",
]);

/// A publication or document: a monograph, an article, a memoir, an archival file.
///
/// Fields follow CSL-JSON where it has one (`type`, `issued`,
/// `container-title`, `volume`, `issue`, `page`, `publisher`, `archive`,
/// `archive_location`). The authors, editors and translators are
/// relations in the corpus, see [`Corpus::add_work`](crate::Corpus::add_work)
/// and [`Corpus::set_contributors`](crate::Corpus::set_contributors).
///
/// ```
/// use historiograph::{Date, Work, WorkKind};
///
/// let split = Work::new("luthi-2008", "The Sino-Soviet Split")
///     .with_kind(WorkKind::Book)
///     .with_issued(Date::from_year(2008))
///     .with_publisher("Princeton University Press");
/// assert_eq!(split.year(), Some(2008));
/// ```
///
/// Serialized with the names of its entry in the corpus document
/// ([the format](crate::format)), without the relations the document
/// lists beside the entity's own data (`authors`, `editors`, `translators`): in a change log they are
/// [`Link`](crate::Link)s. Deserializing checks what a corpus checks of
/// the entity alone (a valid key, a title not blank), so no entity a corpus would
/// refuse deserializes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Work {
    key: String,
    title: String,
    kind: WorkKind,
    issued: Option<Date>,
    /// The optional texts, boxed: most works have none, and a work is
    /// stored beside every other node of the graph, so it stays small.
    details: Option<Box<Details>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
struct Details {
    container_title: Option<String>,
    volume: Option<String>,
    issue: Option<String>,
    page: Option<String>,
    publisher: Option<String>,
    publisher_place: Option<String>,
    archive: Option<String>,
    archive_location: Option<String>,
    note: Option<String>,
}

macro_rules! optional_text {
    ($($(#[$doc:meta])* $field:ident, $setter:ident;)*) => {$(
        $(#[$doc])*
        pub fn $field(&self) -> Option<&str> {
            self.details.as_ref().and_then(|d| d.$field.as_deref())
        }

        #[doc = concat!("Sets `", stringify!($field), "`.")]
        #[must_use]
        pub fn $setter(mut self, value: impl Into<String>) -> Work {
            self.details.get_or_insert_default().$field = Some(value.into());
            self
        }
    )*};
}

impl Work {
    /// A book with a key and a title, undated.
    pub fn new(key: impl Into<String>, title: impl Into<String>) -> Work {
        Work {
            key: key.into(),
            title: title.into(),
            kind: WorkKind::Book,
            issued: None,
            details: None,
        }
    }

    /// Sets the type.
    #[must_use]
    pub fn with_kind(mut self, kind: WorkKind) -> Work {
        self.kind = kind;
        self
    }

    /// Sets the date of publication (CSL `issued`).
    #[must_use]
    pub fn with_issued(mut self, issued: Date) -> Work {
        self.issued = Some(issued);
        self
    }

    /// The key, unique among works.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The type.
    pub fn kind(&self) -> WorkKind {
        self.kind
    }

    /// The date of publication.
    pub fn issued(&self) -> Option<Date> {
        self.issued
    }

    /// The year of publication: the year of [`issued`](Work::issued), which
    /// for a decade or century is its first year (1960 for `196X`; see
    /// [`Date::last_year`] for the last).
    pub fn year(&self) -> Option<i32> {
        self.issued.map(|date| date.year())
    }

    optional_text! {
        /// The journal or edited volume that contains the work (CSL `container-title`).
        container_title, with_container_title;
        /// The volume: of a journal, of a multi-volume work (CSL `volume`;
        /// a text, `39` or `II`).
        volume, with_volume;
        /// The issue of a journal (CSL `issue`; BibLaTeX `number`).
        issue, with_issue;
        /// The pages the work covers in its container (CSL `page`:
        /// `156-179`).
        page, with_page;
        /// The publisher.
        publisher, with_publisher;
        /// The place of publication (CSL `publisher-place`).
        publisher_place, with_publisher_place;
        /// The archive that holds the work.
        archive, with_archive;
        /// The location in the archive: fond, file, folio (CSL `archive_location`).
        archive_location, with_archive_location;
        /// A free note.
        note, with_note;
    }

    pub(crate) fn empty_field(&self) -> Option<&'static str> {
        (!non_empty(&self.title)).then_some("title")
    }
}

/// A work's fields as the corpus document names them, with the texts
/// borrowed (`S = &str`) to write or owned (`S = String`) to read.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkFields<S> {
    key: S,
    #[serde(rename = "type", default, skip_serializing_if = "is_book")]
    kind: WorkKind,
    title: S,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    issued: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    container_title: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    volume: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    issue: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    page: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    publisher: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    publisher_place: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    archive: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    archive_location: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<S>,
}

fn is_book(kind: &WorkKind) -> bool {
    *kind == WorkKind::Book
}

impl Serialize for Work {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        WorkFields {
            key: self.key(),
            kind: self.kind,
            title: self.title(),
            issued: self.issued,
            container_title: self.container_title(),
            volume: self.volume(),
            issue: self.issue(),
            page: self.page(),
            publisher: self.publisher(),
            publisher_place: self.publisher_place(),
            archive: self.archive(),
            archive_location: self.archive_location(),
            note: self.note(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Work {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Work, D::Error> {
        let w = WorkFields::<String>::deserialize(deserializer)?;
        let mut work = Work::new(w.key, w.title).with_kind(w.kind);
        work.issued = w.issued;
        for (value, set) in [
            (
                w.container_title,
                Work::with_container_title as fn(Work, String) -> Work,
            ),
            (w.volume, Work::with_volume),
            (w.issue, Work::with_issue),
            (w.page, Work::with_page),
            (w.publisher, Work::with_publisher),
            (w.publisher_place, Work::with_publisher_place),
            (w.archive, Work::with_archive),
            (w.archive_location, Work::with_archive_location),
            (w.note, Work::with_note),
        ] {
            if let Some(value) = value {
                work = set(work, value);
            }
        }
        check_entity(Kind::Work, &work.key, work.empty_field())
            .map_err(serde::de::Error::custom)?;
        Ok(work)
    }
}

#[cfg(test)]
mod all_tests {
    use super::WorkKind;

    /// A new kind breaks this match until it is placed in `ALL` too.
    fn place(kind: WorkKind) -> usize {
        match kind {
            WorkKind::Book => 0,
            WorkKind::Chapter => 1,
            WorkKind::ArticleJournal => 2,
            WorkKind::ArticleMagazine => 3,
            WorkKind::ArticleNewspaper => 4,
            WorkKind::PaperConference => 5,
            WorkKind::Thesis => 6,
            WorkKind::Report => 7,
            WorkKind::Manuscript => 8,
            WorkKind::Interview => 9,
            WorkKind::Speech => 10,
            WorkKind::PersonalCommunication => 11,
            WorkKind::Document => 12,
            WorkKind::Webpage => 13,
            WorkKind::Other => 14,
        }
    }

    #[test]
    fn all_lists_every_kind_once_in_order() {
        for (i, kind) in WorkKind::ALL.into_iter().enumerate() {
            assert_eq!(place(kind), i);
        }
    }
}
