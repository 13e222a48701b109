//! Reading a document into a corpus as it is parsed.
//!
//! The sections before `claims` (scholars, works, events, explanations,
//! evidence) are parsed whole and added when their turn comes; claims are
//! added one by one as the parser reaches them, with each claim's stances,
//! citations, attacks and supports, so a large document is never held
//! twice in memory. A reference to a section not yet read (a document
//! written in another order, or an attack on a later claim) waits in a
//! short list and is settled at the end; an unknown key in a section
//! already read is an error at once. Either way the corpus ends as if the
//! sections had been read in their canonical order.
//!
//! This file holds the builder, [`Loading`], which takes the pieces in
//! order; `sections.rs` adds the sections before `claims`, `claims.rs` each
//! claim and the references that wait.

use super::claims::Later;
use super::document::{
    ClaimDoc, Document, EventDoc, EvidenceDoc, ExplanationDoc, ScholarDoc, VERSION, WorkDoc,
};
use super::stream::Piece;
use super::text::Text;
use crate::error::Error;
use crate::graph::{Corpus, EntityId};
use crate::model::ClaimId;

/// A rule the document broke, with the path of the offending value.
pub(super) type Failure = (String, Error);

pub(super) type Outcome<T = ()> = std::result::Result<T, Failure>;

/// Which sections have been added to the corpus in full.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Read {
    pub(super) scholars: bool,
    pub(super) works: bool,
    pub(super) events: bool,
    pub(super) explanations: bool,
    pub(super) evidence: bool,
    pub(super) claims: bool,
}

impl Read {
    pub(super) fn all() -> Read {
        Read {
            scholars: true,
            works: true,
            events: true,
            explanations: true,
            evidence: true,
            claims: true,
        }
    }
}

/// A document being read into a corpus.
pub(super) struct Loading<'c, 'a> {
    corpus: &'c mut Corpus,
    read: Read,
    scholars: Option<Vec<ScholarDoc<'a>>>,
    works: Option<Vec<WorkDoc<'a>>>,
    events: Option<Vec<EventDoc<'a>>>,
    explanations: Option<Vec<ExplanationDoc<'a>>>,
    evidence: Option<Vec<EvidenceDoc<'a>>>,
    /// Claims that could not be added yet, with their index.
    waiting: Vec<(usize, ClaimDoc<'a>)>,
    /// How many claims the document has shown so far.
    claims: usize,
    later: Vec<Later<'a>>,
}

impl<'c, 'a> Loading<'c, 'a> {
    pub(super) fn new(corpus: &'c mut Corpus) -> Loading<'c, 'a> {
        Loading {
            corpus,
            read: Read::default(),
            scholars: None,
            works: None,
            events: None,
            explanations: None,
            evidence: None,
            waiting: Vec::new(),
            claims: 0,
            later: Vec::new(),
        }
    }

    /// Takes the next piece of a document being parsed.
    pub(super) fn take(&mut self, piece: Piece<'a>) -> Outcome {
        match piece {
            Piece::Version(version) => self.version(version),
            Piece::Title(title) => {
                self.title(title);
                Ok(())
            }
            Piece::Scholars(docs) => {
                self.scholars = Some(docs);
                Ok(())
            }
            Piece::Works(docs) => {
                self.works = Some(docs);
                Ok(())
            }
            Piece::Events(docs) => {
                self.events = Some(docs);
                Ok(())
            }
            Piece::Explanations(docs) => {
                self.explanations = Some(docs);
                Ok(())
            }
            Piece::Evidence(docs) => {
                self.evidence = Some(docs);
                Ok(())
            }
            Piece::ClaimsBegin => self.before_claims(),
            Piece::Claim(claim) => self.claim(claim),
            Piece::Claims(claims) => claims.into_iter().try_for_each(|c| self.claim(c)),
            Piece::End => self.finish(),
        }
    }

    /// Reads a whole parsed document: the same steps as streaming, in the
    /// canonical order.
    #[cfg_attr(not(feature = "aif"), allow(dead_code))]
    pub(super) fn document(mut self, doc: Document<'a>) -> Outcome {
        self.version(doc.version)?;
        self.title(doc.title);
        self.scholars = Some(doc.scholars);
        self.works = Some(doc.works);
        self.events = Some(doc.events);
        self.explanations = Some(doc.explanations);
        self.evidence = Some(doc.evidence);
        self.before_claims()?;
        self.corpus.bulk_reserve::<ClaimId>(doc.claims.len(), 0);
        for claim in doc.claims {
            self.claim(claim)?;
        }
        self.finish()
    }

    fn version(&self, version: u64) -> Outcome {
        if version != VERSION {
            let error = Error::UnsupportedVersion {
                found: version,
                supported: VERSION,
            };
            return Err(("version".to_owned(), error));
        }
        Ok(())
    }

    fn title(&mut self, title: Option<Text<'a>>) {
        if self.corpus.title().is_none() {
            self.corpus.set_title(title.map(String::from));
        }
    }

    /// Adds the sections parsed so far whose references can resolve: a
    /// section waits for the sections it refers to.
    fn before_claims(&mut self) -> Outcome {
        if let Some(docs) = self.scholars.take() {
            self.corpus.absorb_scholars(docs)?;
            self.read.scholars = true;
        }
        if self.read.scholars {
            if let Some(docs) = self.works.take() {
                self.corpus.absorb_works(docs)?;
                self.read.works = true;
            }
        }
        if let Some(docs) = self.events.take() {
            self.corpus.absorb_events(docs)?;
            self.read.events = true;
        }
        if let Some(docs) = self.explanations.take() {
            self.corpus.absorb_explanations(docs)?;
            self.read.explanations = true;
        }
        if self.read.works {
            if let Some(docs) = self.evidence.take() {
                self.corpus.absorb_evidence(docs)?;
                self.read.evidence = true;
            }
        }
        Ok(())
    }

    /// The next claim of the document: added now if it can be, else kept
    /// (with every claim after it, so that ids follow the document) until
    /// the end.
    fn claim(&mut self, claim: ClaimDoc<'a>) -> Outcome {
        if let Some(i) = self.place(&claim)? {
            self.waiting.push((i, claim));
        }
        Ok(())
    }

    /// Like [`claim`](Loading::claim) for a claim the caller keeps: copied
    /// only if it must wait.
    fn claim_shared(&mut self, claim: &ClaimDoc<'a>) -> Outcome {
        if let Some(i) = self.place(claim)? {
            self.waiting.push((i, claim.clone()));
        }
        Ok(())
    }

    /// Adds the next claim if it can be added now; otherwise returns its
    /// index, for the caller to keep it until the end.
    fn place(&mut self, claim: &ClaimDoc<'a>) -> Outcome<Option<usize>> {
        let i = self.claims;
        self.claims += 1;
        if !self.waiting.is_empty() {
            return Ok(Some(i));
        }
        let added = self
            .corpus
            .absorb_claim(i, claim, self.read, &mut self.later)?;
        Ok((!added).then_some(i))
    }

    /// Takes a batch of claims from `sink::Channel` and hands the batch back
    /// for the parser's thread to reuse, so that what the parser allocated
    /// is freed there.
    pub(super) fn take_batch(
        &mut self,
        piece: Piece<'a>,
        returns: &std::sync::mpsc::Sender<Vec<ClaimDoc<'a>>>,
    ) -> Outcome {
        match piece {
            Piece::Claims(batch) => {
                for claim in &batch {
                    self.claim_shared(claim)?;
                }
                // The parser may have finished and gone: then the batch is
                // simply dropped here.
                let _ = returns.send(batch);
                Ok(())
            }
            piece => self.take(piece),
        }
    }

    /// Adds what waited, now that the whole document has been parsed: a
    /// section it does not have is empty.
    pub(super) fn finish(&mut self) -> Outcome {
        self.scholars.get_or_insert_with(Vec::new);
        self.works.get_or_insert_with(Vec::new);
        self.events.get_or_insert_with(Vec::new);
        self.explanations.get_or_insert_with(Vec::new);
        self.evidence.get_or_insert_with(Vec::new);
        self.before_claims()?;
        for (i, claim) in std::mem::take(&mut self.waiting) {
            let added = self
                .corpus
                .absorb_claim(i, &claim, self.read, &mut self.later)?;
            debug_assert!(added, "every section but claims is read");
        }
        for later in std::mem::take(&mut self.later) {
            self.corpus.settle(later)?;
        }
        Ok(())
    }
}

/// The error for a key that names no entity of kind `I`.
pub(super) fn unknown<I: EntityId>(key: &str) -> Error {
    Error::UnknownKey {
        kind: I::KIND,
        key: key.to_owned(),
    }
}

/// Attaches the path `path()` to an error; the path is formatted only then.
pub(super) fn at(path: impl FnOnce() -> String) -> impl FnOnce(Error) -> Failure {
    move |error| (path(), error)
}

/// Like [`at`] for adding the entity at `path`: points the error at the
/// field it is about (`claims[3].key`, `claims[3].events`).
pub(super) fn at_entity(path: impl FnOnce() -> String) -> impl FnOnce(Error) -> Failure {
    move |error| {
        let path = path();
        let field = match &error {
            Error::DuplicateKey { .. } | Error::InvalidKey { .. } => Some("key"),
            Error::Empty { field, .. } => Some(*field),
            Error::NoEvent { .. } => Some("events"),
            Error::DuplicateRelation {
                relation: "event", ..
            } => Some("events"),
            Error::DuplicateRelation {
                relation: "author", ..
            } => Some("authors"),
            Error::DuplicateRelation {
                relation: "editor", ..
            } => Some("editors"),
            Error::DuplicateRelation {
                relation: "translator",
                ..
            } => Some("translators"),
            _ => None,
        };
        match field {
            Some(field) => (format!("{path}.{field}"), error),
            None => (path, error),
        }
    }
}
