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

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::{
    AttackDoc, CiteDoc, ClaimDoc, Document, EventDoc, EvidenceDoc, ExplanationDoc, ScholarDoc,
    StanceDoc, Text, VERSION, WorkDoc,
};
use crate::error::Error;
use crate::graph::entity::is;
use crate::graph::first_repeat;
use crate::graph::{Corpus, EntityId, Relation};
use crate::model::{
    Claim, ClaimId, Event, EventId, Evidence, EvidenceId, Explanation, ExplanationId, Position,
    Scholar, ScholarId, Work, WorkId,
};

/// A rule the document broke, with the path of the offending value.
pub(super) type Failure = (String, Error);

type Outcome<T = ()> = std::result::Result<T, Failure>;

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

/// Which sections have been added to the corpus in full.
#[derive(Debug, Clone, Copy, Default)]
struct Read {
    scholars: bool,
    works: bool,
    events: bool,
    explanations: bool,
    evidence: bool,
    claims: bool,
}

impl Read {
    fn all() -> Read {
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

/// A relation of a claim already added whose target lies in a section not
/// yet read.
enum Later<'a> {
    Stance(ClaimId, usize, usize, StanceDoc<'a>),
    Cite(ClaimId, usize, usize, CiteDoc<'a>),
    Attack(ClaimId, usize, usize, AttackDoc<'a>),
    Support(ClaimId, usize, usize, Text<'a>),
}

/// What the parser hands on to whoever builds the corpus, in document
/// order.
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

    /// Takes a batch of claims from [`Channel`] and hands the batch back
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

impl Corpus {
    fn absorb_scholars(&mut self, docs: Vec<ScholarDoc<'_>>) -> Outcome {
        self.bulk_reserve::<ScholarId>(docs.len(), 0);
        for (i, s) in docs.into_iter().enumerate() {
            let mut scholar = Scholar::new(s.key, s.name);
            if let Some(year) = s.born {
                scholar = scholar.with_born(year);
            }
            if let Some(year) = s.died {
                scholar = scholar.with_died(year);
            }
            if let Some(affiliation) = s.affiliation {
                scholar = scholar.with_affiliation(affiliation);
            }
            self.add_scholar(scholar)
                .map_err(at_entity(|| format!("scholars[{i}]")))?;
        }
        Ok(())
    }

    fn absorb_works(&mut self, docs: Vec<WorkDoc<'_>>) -> Outcome {
        let authors: usize = docs.iter().map(|w| w.authors.len()).sum();
        self.bulk_reserve::<WorkId>(docs.len(), authors);
        for (i, w) in docs.into_iter().enumerate() {
            let mut authors = Vec::with_capacity(w.authors.len());
            for (j, k) in w.authors.iter().enumerate() {
                authors.push(
                    self.resolve::<ScholarId>(k)
                        .map_err(at(|| format!("works[{i}].authors[{j}]")))?,
                );
            }
            let mut work = Work::new(w.key, w.title).with_kind(w.kind);
            if let Some(issued) = w.issued {
                work = work.with_issued(issued);
            }
            for (value, set) in [
                (
                    w.container_title,
                    Work::with_container_title as fn(Work, String) -> Work,
                ),
                (w.publisher, Work::with_publisher),
                (w.publisher_place, Work::with_publisher_place),
                (w.archive, Work::with_archive),
                (w.archive_location, Work::with_archive_location),
                (w.note, Work::with_note),
            ] {
                if let Some(value) = value {
                    work = set(work, value.into());
                }
            }
            self.add_work(work, authors)
                .map_err(at_entity(|| format!("works[{i}]")))?;
        }
        Ok(())
    }

    fn absorb_events(&mut self, docs: Vec<EventDoc<'_>>) -> Outcome {
        self.bulk_reserve::<EventId>(docs.len(), docs.len());
        let mut nesting = Vec::new();
        for (i, e) in docs.into_iter().enumerate() {
            let mut event = Event::new(e.key, e.name);
            if let Some(when) = e.when {
                event = event.with_when(when);
            }
            if let Some(description) = e.description {
                event = event.with_description(description);
            }
            let id = self
                .add_event(event, None)
                .map_err(at_entity(|| format!("events[{i}]")))?;
            if let Some(parent) = e.within {
                nesting.push((i, id, parent));
            }
        }
        self.nest(&nesting, "events", "within", Relation::Within, is::within)
    }

    fn absorb_explanations(&mut self, docs: Vec<ExplanationDoc<'_>>) -> Outcome {
        self.bulk_reserve::<ExplanationId>(docs.len(), docs.len());
        let mut nesting = Vec::new();
        for (i, x) in docs.into_iter().enumerate() {
            let mut explanation = Explanation::new(x.key, x.name);
            if let Some(description) = x.description {
                explanation = explanation.with_description(description);
            }
            let id = self
                .add_explanation(explanation, None)
                .map_err(at_entity(|| format!("explanations[{i}]")))?;
            if let Some(parent) = x.variant_of {
                nesting.push((i, id, parent));
            }
        }
        self.nest(
            &nesting,
            "explanations",
            "variant_of",
            Relation::VariantOf,
            is::variant_of,
        )
    }

    fn absorb_evidence(&mut self, docs: Vec<EvidenceDoc<'_>>) -> Outcome {
        self.bulk_reserve::<EvidenceId>(docs.len(), docs.len());
        for (i, e) in docs.into_iter().enumerate() {
            let work = e
                .work
                .as_deref()
                .map(|k| self.resolve::<WorkId>(k))
                .transpose()
                .map_err(at(|| format!("evidence[{i}].work")))?;
            let mut evidence = Evidence::new(e.key, e.kind, e.description);
            if let Some(locator) = e.locator {
                evidence = evidence.with_locator(locator);
            }
            if let Some(date) = e.date {
                evidence = evidence.with_date(date);
            }
            self.add_evidence(evidence, work)
                .map_err(at_entity(|| format!("evidence[{i}]")))?;
        }
        Ok(())
    }

    /// Adds the claim at `claims[i]` and those of its relations whose
    /// targets are in sections already read; the others go to `later`.
    /// False, with nothing added, when its explanation or an event lies in
    /// a section not yet read.
    ///
    /// A new claim's relations can repeat only within its own lists, so
    /// repeats are caught there, by key, and each relation is added without
    /// searching the graph.
    fn absorb_claim<'a>(
        &mut self,
        i: usize,
        c: &ClaimDoc<'a>,
        read: Read,
        later: &mut Vec<Later<'a>>,
    ) -> Outcome<bool> {
        let Some((_, explanation)) = self.bulk_locate::<ExplanationId>(&c.explanation) else {
            if !read.explanations {
                return Ok(false);
            }
            let path = format!("claims[{i}].explanation");
            return Err((path, unknown::<ExplanationId>(&c.explanation)));
        };
        let mut events = Vec::with_capacity(c.events.len());
        for (j, k) in c.events.iter().enumerate() {
            match self.bulk_locate::<EventId>(k) {
                Some(event) => events.push(event),
                None if !read.events => return Ok(false),
                None => {
                    let path = format!("claims[{i}].events[{j}]");
                    return Err((path, unknown::<EventId>(k)));
                }
            }
        }
        let key = &c.key;
        let mut claim = Claim::new(&*c.key, &*c.text).with_polarity(c.polarity);
        if let Some(date) = c.date {
            claim = claim.with_date(date);
        }
        let id = self
            .bulk_add_claim(claim, explanation, &events)
            .map_err(at_entity(|| format!("claims[{i}]")))?;

        let repeat = first_repeat(&c.stances, |s| (&s.scholar, &s.work));
        for (j, s) in c.stances.iter().enumerate() {
            if repeat == Some(j) {
                return Err((
                    format!("claims[{i}].stances[{j}]"),
                    repeated("stance", &s.scholar, key),
                ));
            }
            if !self.stance(id, i, j, s, read)? {
                later.push(Later::Stance(id, i, j, s.clone()));
            }
        }
        let repeat = first_repeat(&c.cites, |cite| &cite.evidence);
        for (j, cite) in c.cites.iter().enumerate() {
            if repeat == Some(j) {
                return Err((
                    format!("claims[{i}].cites[{j}].evidence"),
                    repeated("citation", key, &cite.evidence),
                ));
            }
            if !self.cite_doc(id, i, j, cite, read)? {
                later.push(Later::Cite(id, i, j, cite.clone()));
            }
        }
        let repeat = first_repeat(&c.attacks, |a| &a.claim);
        for (j, a) in c.attacks.iter().enumerate() {
            if repeat == Some(j) {
                return Err((
                    format!("claims[{i}].attacks[{j}].claim"),
                    repeated("attack", key, &a.claim),
                ));
            }
            let path = || format!("claims[{i}].attacks[{j}].claim");
            if !self.claim_link(
                id,
                &a.claim,
                Relation::Attacks(a.kind),
                "attack",
                read,
                path,
            )? {
                later.push(Later::Attack(id, i, j, a.clone()));
            }
        }
        let repeat = first_repeat(&c.supports, |target| target);
        for (j, target) in c.supports.iter().enumerate() {
            if repeat == Some(j) {
                return Err((
                    format!("claims[{i}].supports[{j}]"),
                    repeated("support", key, target),
                ));
            }
            let path = || format!("claims[{i}].supports[{j}]");
            if !self.claim_link(id, target, Relation::Supports, "support", read, path)? {
                later.push(Later::Support(id, i, j, target.clone()));
            }
        }
        Ok(true)
    }

    /// Adds a claim's relation that waited for the rest of the document.
    fn settle(&mut self, later: Later<'_>) -> Outcome {
        let read = Read::all();
        let added = match later {
            Later::Stance(id, i, j, s) => self.stance(id, i, j, &s, read)?,
            Later::Cite(id, i, j, c) => self.cite_doc(id, i, j, &c, read)?,
            Later::Attack(id, i, j, a) => {
                let path = || format!("claims[{i}].attacks[{j}].claim");
                self.claim_link(
                    id,
                    &a.claim,
                    Relation::Attacks(a.kind),
                    "attack",
                    read,
                    path,
                )?
            }
            Later::Support(id, i, j, target) => {
                let path = || format!("claims[{i}].supports[{j}]");
                self.claim_link(id, &target, Relation::Supports, "support", read, path)?
            }
        };
        debug_assert!(added, "every section is read");
        Ok(())
    }

    /// Adds the stance at `claims[i].stances[j]`; false when its scholar or
    /// work lies in a section not yet read.
    fn stance(
        &mut self,
        claim: ClaimId,
        i: usize,
        j: usize,
        s: &StanceDoc<'_>,
        read: Read,
    ) -> Outcome<bool> {
        let Some((_, scholar)) = self.bulk_locate::<ScholarId>(&s.scholar) else {
            if !read.scholars {
                return Ok(false);
            }
            let path = format!("claims[{i}].stances[{j}].scholar");
            return Err((path, unknown::<ScholarId>(&s.scholar)));
        };
        let mut position = Position::new(s.stance);
        if let Some(work) = &s.work {
            match self.bulk_locate::<WorkId>(work) {
                Some((work, _)) => position = position.in_work(work),
                None if !read.works => return Ok(false),
                None => {
                    let path = format!("claims[{i}].stances[{j}].work");
                    return Err((path, unknown::<WorkId>(work)));
                }
            }
        }
        if let Some(year) = s.year {
            position = position.in_year(year);
        }
        let claim = self
            .live(claim)
            .map_err(|e| (format!("claims[{i}].stances[{j}]"), e))?;
        self.bulk_add_position(scholar, claim, position);
        Ok(true)
    }

    /// Adds the citation at `claims[i].cites[j]`; false when its evidence
    /// lies in a section not yet read.
    fn cite_doc(
        &mut self,
        claim: ClaimId,
        i: usize,
        j: usize,
        c: &CiteDoc<'_>,
        read: Read,
    ) -> Outcome<bool> {
        let here = || format!("claims[{i}].cites[{j}].evidence");
        let Some((_, evidence)) = self.bulk_locate::<EvidenceId>(&c.evidence) else {
            if !read.evidence {
                return Ok(false);
            }
            return Err((here(), unknown::<EvidenceId>(&c.evidence)));
        };
        let claim = self.live(claim).map_err(at(here))?;
        self.bulk_link(claim, evidence, Relation::Cites(c.bearing));
        Ok(true)
    }

    /// Adds an attack or support from `claim` to the claim keyed `target`;
    /// false when no such claim has been read yet.
    fn claim_link(
        &mut self,
        claim: ClaimId,
        target: &str,
        relation: Relation,
        name: &'static str,
        read: Read,
        path: impl Fn() -> String,
    ) -> Outcome<bool> {
        let Some((target_id, target_node)) = self.bulk_locate::<ClaimId>(target) else {
            if !read.claims {
                return Ok(false);
            }
            return Err((path(), unknown::<ClaimId>(target)));
        };
        if target_id == claim {
            let key = self.key(claim).unwrap_or_default().to_owned();
            let error = Error::SelfRelation {
                key,
                relation: name,
            };
            return Err((path(), error));
        }
        let claim = self.live(claim).map_err(at(path))?;
        self.bulk_link(claim, target_node, relation);
        Ok(true)
    }

    /// Links the `(document index, child, parent key)` triples of one
    /// section, with one cycle check for all of them.
    fn nest<I: EntityId>(
        &mut self,
        nesting: &[(usize, I, Text<'_>)],
        section: &str,
        field: &str,
        relation: Relation,
        keep: fn(&Relation) -> bool,
    ) -> Outcome {
        let mut links = Vec::with_capacity(nesting.len());
        for (i, child, parent) in nesting {
            let parent = self
                .resolve::<I>(parent)
                .map_err(at(|| format!("{section}[{i}].{field}")))?;
            links.push((*child, parent));
        }
        self.bulk_set_parents(&links, relation, keep)
            .map_err(|(at, error)| (format!("{section}[{}].{field}", nesting[at].0), error))
    }
}

/// The error for a key that names no entity of kind `I`.
fn unknown<I: EntityId>(key: &str) -> Error {
    Error::UnknownKey {
        kind: I::KIND,
        key: key.to_owned(),
    }
}

fn repeated(relation: &'static str, from: &str, to: &str) -> Error {
    Error::DuplicateRelation {
        relation,
        from: from.to_owned(),
        to: to.to_owned(),
    }
}

/// Attaches the path `path()` to an error; the path is formatted only then.
pub(super) fn at(path: impl FnOnce() -> String) -> impl FnOnce(Error) -> Failure {
    move |error| (path(), error)
}

/// Like [`at`] for adding the entity at `path`: points the error at the
/// field it is about (`claims[3].key`, `claims[3].events`).
fn at_entity(path: impl FnOnce() -> String) -> impl FnOnce(Error) -> Failure {
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
            _ => None,
        };
        match field {
            Some(field) => (format!("{path}.{field}"), error),
            None => (path, error),
        }
    }
}

/// Where the parser hands its pieces.
pub(super) trait Sink<'a> {
    /// Hands on a piece; false when the builder has stopped on a rule the
    /// document breaks (the builder keeps the failure).
    fn put(&mut self, piece: Piece<'a>) -> bool;
}

/// Builds the corpus on the parser's own thread.
pub(super) struct Direct<'c, 'a, 'f> {
    pub(super) loading: Loading<'c, 'a>,
    pub(super) failure: &'f mut Option<Failure>,
}

impl<'a> Sink<'a> for Direct<'_, 'a, '_> {
    fn put(&mut self, piece: Piece<'a>) -> bool {
        match self.loading.take(piece) {
            Ok(()) => true,
            Err(failure) => {
                *self.failure = Some(failure);
                false
            }
        }
    }
}

/// Hands pieces to a builder on another thread, claims in batches.
pub(super) struct Channel<'a> {
    sender: std::sync::mpsc::SyncSender<Piece<'a>>,
    /// Batches the builder has finished with.
    returns: std::sync::mpsc::Receiver<Vec<ClaimDoc<'a>>>,
    batch: Vec<ClaimDoc<'a>>,
}

impl<'a> Channel<'a> {
    /// Claims per batch: enough that the channel costs little per claim,
    /// few enough that the builder starts at once.
    const BATCH: usize = 256;

    pub(super) fn new(
        sender: std::sync::mpsc::SyncSender<Piece<'a>>,
        returns: std::sync::mpsc::Receiver<Vec<ClaimDoc<'a>>>,
    ) -> Channel<'a> {
        Channel {
            sender,
            returns,
            batch: Vec::with_capacity(Self::BATCH),
        }
    }

    /// Hands on the claims parsed so far, whatever the parser's verdict:
    /// on one thread they would have been added before any later error.
    pub(super) fn close(mut self) {
        self.flush();
    }

    fn flush(&mut self) -> bool {
        if self.batch.is_empty() {
            return true;
        }
        // Reuse a batch the builder is done with: its claims are dropped
        // here, on the thread whose allocator made them.
        let next = match self.returns.try_recv() {
            Ok(mut used) => {
                used.clear();
                used
            }
            Err(_) => Vec::with_capacity(Self::BATCH),
        };
        let batch = std::mem::replace(&mut self.batch, next);
        self.sender.send(Piece::Claims(batch)).is_ok()
    }
}

impl<'a> Sink<'a> for Channel<'a> {
    fn put(&mut self, piece: Piece<'a>) -> bool {
        match piece {
            Piece::Claim(claim) => {
                self.batch.push(claim);
                self.batch.len() < Self::BATCH || self.flush()
            }
            piece => self.flush() && self.sender.send(piece).is_ok(),
        }
    }
}

/// The parser's error when the builder has stopped; the builder's failure
/// is what the caller reports.
fn stopped<E: de::Error>() -> E {
    E::custom("the document breaks a rule of the format")
}

/// Reads a document from the parser and hands it on, piece by piece, to a
/// [`Sink`]. Anything the parser finds wrong is the parser's error.
pub(super) struct Stream<'s, S> {
    pub(super) sink: &'s mut S,
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
