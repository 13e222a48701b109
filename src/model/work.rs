//! Works: publications and documents, shaped after CSL-JSON.

use crate::model::{Date, non_empty};

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
