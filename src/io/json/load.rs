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

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::{
    AttackDoc, CiteDoc, ClaimDoc, Document, EventDoc, EvidenceDoc, ExplanationDoc, ScholarDoc,
    StanceDoc, Text, VERSION, WorkDoc,
};
use crate::error::Error;
use crate::graph::entity::is;
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

/// A document being read into a corpus.
pub(super) struct Loading<'c, 'a> {
    corpus: &'c mut Corpus,
    read: Read,
    version: bool,
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
            version: false,
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

    /// Reads a whole parsed document: the same steps as streaming, in the
    /// canonical order.
    pub(super) fn document(mut self, doc: Document<'a>) -> Outcome {
        self.version(doc.version)?;
        self.title(doc.title);
        self.scholars = Some(doc.scholars);
        self.works = Some(doc.works);
        self.events = Some(doc.events);
        self.explanations = Some(doc.explanations);
        self.evidence = Some(doc.evidence);
        self.before_claims()?;
        self.corpus.reserve::<ClaimId>(doc.claims.len(), 0);
        for claim in doc.claims {
            self.claim(claim)?;
        }
        self.finish()
    }

    fn version(&mut self, version: u64) -> Outcome {
        if version != VERSION {
            let error = Error::UnsupportedVersion {
                found: version,
                supported: VERSION,
            };
            return Err(("version".to_owned(), error));
        }
        self.version = true;
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
        let i = self.claims;
        self.claims += 1;
        if !self.waiting.is_empty() {
            self.waiting.push((i, claim));
            return Ok(());
        }
        if let Some(claim) = self
            .corpus
            .absorb_claim(i, claim, self.read, &mut self.later)?
        {
            self.waiting.push((i, claim));
        }
        Ok(())
    }

    /// Adds what waited, now that the whole document has been parsed: a
    /// section it does not have is empty.
    pub(super) fn finish(mut self) -> Outcome {
        self.scholars.get_or_insert_with(Vec::new);
        self.works.get_or_insert_with(Vec::new);
        self.events.get_or_insert_with(Vec::new);
        self.explanations.get_or_insert_with(Vec::new);
        self.evidence.get_or_insert_with(Vec::new);
        self.before_claims()?;
        for (i, claim) in std::mem::take(&mut self.waiting) {
            let unplaced = self
                .corpus
                .absorb_claim(i, claim, self.read, &mut self.later)?;
            debug_assert!(unplaced.is_none(), "every section but claims is read");
        }
        for later in std::mem::take(&mut self.later) {
            self.corpus.settle(later)?;
        }
        Ok(())
    }
}

impl Corpus {
    fn absorb_scholars(&mut self, docs: Vec<ScholarDoc<'_>>) -> Outcome {
        self.reserve::<ScholarId>(docs.len(), 0);
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
        self.reserve::<WorkId>(docs.len(), authors);
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
        self.reserve::<EventId>(docs.len(), docs.len());
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
        self.reserve::<ExplanationId>(docs.len(), docs.len());
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
        self.reserve::<EvidenceId>(docs.len(), docs.len());
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
            self.add_evidence(evidence, work)
                .map_err(at_entity(|| format!("evidence[{i}]")))?;
        }
        Ok(())
    }

    /// Adds the claim at `claims[i]` and those of its relations whose
    /// targets are in sections already read; the others go to `later`.
    /// Returns the claim unadded when its explanation or an event lies in
    /// a section not yet read.
    ///
    /// A new claim's relations can repeat only within its own lists, so
    /// repeats are caught there, by key, and each relation is added without
    /// searching the graph.
    fn absorb_claim<'a>(
        &mut self,
        i: usize,
        c: ClaimDoc<'a>,
        read: Read,
        later: &mut Vec<Later<'a>>,
    ) -> Outcome<Option<ClaimDoc<'a>>> {
        let explanation = match self.resolve::<ExplanationId>(&c.explanation) {
            Ok(x) => x,
            Err(_) if !read.explanations => return Ok(Some(c)),
            Err(e) => return Err((format!("claims[{i}].explanation"), e)),
        };
        let mut events = Vec::with_capacity(c.events.len());
        for (j, k) in c.events.iter().enumerate() {
            match self.resolve::<EventId>(k) {
                Ok(e) => events.push(e),
                Err(_) if !read.events => return Ok(Some(c)),
                Err(e) => return Err((format!("claims[{i}].events[{j}]"), e)),
            }
        }
        let key = c.key.clone();
        let mut claim = Claim::new(c.key, c.text).with_polarity(c.polarity);
        if let Some(year) = c.year {
            claim = claim.with_year(year);
        }
        let id = self
            .add_claim(claim, explanation, events)
            .map_err(at_entity(|| format!("claims[{i}]")))?;

        let mut seen = Repeats::new(c.stances.len());
        for (j, s) in c.stances.into_iter().enumerate() {
            if seen.again((s.scholar.clone(), s.work.clone())) {
                return Err((
                    format!("claims[{i}].stances[{j}]"),
                    repeated("stance", &s.scholar, &key),
                ));
            }
            if !self.stance(id, i, j, &s, read)? {
                later.push(Later::Stance(id, i, j, s));
            }
        }
        let mut seen = Repeats::new(c.cites.len());
        for (j, cite) in c.cites.into_iter().enumerate() {
            if seen.again(cite.evidence.clone()) {
                return Err((
                    format!("claims[{i}].cites[{j}].evidence"),
                    repeated("citation", &key, &cite.evidence),
                ));
            }
            if !self.cite_doc(id, i, j, &cite, read)? {
                later.push(Later::Cite(id, i, j, cite));
            }
        }
        let mut seen = Repeats::new(c.attacks.len());
        for (j, a) in c.attacks.into_iter().enumerate() {
            if seen.again(a.claim.clone()) {
                return Err((
                    format!("claims[{i}].attacks[{j}].claim"),
                    repeated("attack", &key, &a.claim),
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
                later.push(Later::Attack(id, i, j, a));
            }
        }
        let mut seen = Repeats::new(c.supports.len());
        for (j, target) in c.supports.into_iter().enumerate() {
            if seen.again(target.clone()) {
                return Err((
                    format!("claims[{i}].supports[{j}]"),
                    repeated("support", &key, &target),
                ));
            }
            let path = || format!("claims[{i}].supports[{j}]");
            if !self.claim_link(id, &target, Relation::Supports, "support", read, path)? {
                later.push(Later::Support(id, i, j, target));
            }
        }
        Ok(None)
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
        let Some((_, scholar)) = self.locate::<ScholarId>(&s.scholar) else {
            if !read.scholars {
                return Ok(false);
            }
            let path = format!("claims[{i}].stances[{j}].scholar");
            return Err((path, unknown::<ScholarId>(&s.scholar)));
        };
        let mut position = Position::new(s.stance);
        if let Some(work) = &s.work {
            match self.locate::<WorkId>(work) {
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
        self.add_new_edge(scholar, claim, Relation::Takes(position));
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
        let Some((_, evidence)) = self.locate::<EvidenceId>(&c.evidence) else {
            if !read.evidence {
                return Ok(false);
            }
            return Err((here(), unknown::<EvidenceId>(&c.evidence)));
        };
        let claim = self.live(claim).map_err(at(here))?;
        self.add_new_edge(claim, evidence, Relation::Cites(c.bearing));
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
        let Some((target_id, target_node)) = self.locate::<ClaimId>(target) else {
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
        self.add_new_edge(claim, target_node, relation);
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
        self.link_parents(&links, relation, keep)
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

/// Finds repeats in one list: a scan for short lists, a set for long ones,
/// so a claim with a hundred thousand citations costs linear time.
struct Repeats<T> {
    few: Vec<T>,
    many: Option<HashSet<T>>,
}

impl<T: Eq + std::hash::Hash> Repeats<T> {
    const FEW: usize = 16;

    fn new(len: usize) -> Repeats<T> {
        Repeats {
            few: Vec::with_capacity(len.min(Self::FEW)),
            many: (len > Self::FEW).then(|| HashSet::with_capacity(len)),
        }
    }

    /// Whether `item` came before; records it.
    fn again(&mut self, item: T) -> bool {
        match &mut self.many {
            Some(set) => !set.insert(item),
            None if self.few.contains(&item) => true,
            None => {
                self.few.push(item);
                false
            }
        }
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

/// Reads a document from the parser straight into a corpus. A rule the
/// document breaks is kept in `failure` (the parser then stops with an
/// error that says only that); anything else wrong is the parser's error.
pub(super) struct Stream<'c, 'f> {
    pub(super) corpus: &'c mut Corpus,
    pub(super) failure: &'f mut Option<Failure>,
}

impl<'de, 'c, 'f> DeserializeSeed<'de> for Stream<'c, 'f> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, 'c, 'f> Visitor<'de> for Stream<'c, 'f> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a corpus document")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<(), M::Error> {
        let failure = self.failure;
        let mut loading: Loading<'_, 'de> = Loading::new(self.corpus);
        let mut fields = [false; FIELDS.len()];
        let fail = |failure: &mut Option<Failure>, f: Failure| {
            *failure = Some(f);
            de::Error::custom("the document breaks a rule of the format")
        };
        while let Some(name) = map.next_key::<Text<'de>>()? {
            let Some(field) = FIELDS.iter().position(|&f| f == &*name) else {
                return Err(de::Error::unknown_field(&name, FIELDS));
            };
            if std::mem::replace(&mut fields[field], true) {
                return Err(de::Error::duplicate_field(FIELDS[field]));
            }
            let done = match FIELDS[field] {
                "version" => loading.version(map.next_value()?),
                "title" => {
                    loading.title(map.next_value()?);
                    Ok(())
                }
                "scholars" => {
                    loading.scholars = Some(map.next_value()?);
                    Ok(())
                }
                "works" => {
                    loading.works = Some(map.next_value()?);
                    Ok(())
                }
                "events" => {
                    loading.events = Some(map.next_value()?);
                    Ok(())
                }
                "explanations" => {
                    loading.explanations = Some(map.next_value()?);
                    Ok(())
                }
                "evidence" => {
                    loading.evidence = Some(map.next_value()?);
                    Ok(())
                }
                _ => match loading.before_claims() {
                    Ok(()) => {
                        map.next_value_seed(Claims {
                            loading: &mut loading,
                            failure: &mut *failure,
                        })?;
                        Ok(())
                    }
                    Err(f) => Err(f),
                },
            };
            done.map_err(|f| fail(failure, f))?;
        }
        if !loading.version {
            return Err(de::Error::missing_field("version"));
        }
        loading.finish().map_err(|f| fail(failure, f))
    }
}

/// The `claims` array, each claim added as it is parsed.
struct Claims<'l, 'c, 'a, 'f> {
    loading: &'l mut Loading<'c, 'a>,
    failure: &'f mut Option<Failure>,
}

impl<'de, 'l, 'c, 'f> DeserializeSeed<'de> for Claims<'l, 'c, 'de, 'f> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, 'l, 'c, 'f> Visitor<'de> for Claims<'l, 'c, 'de, 'f> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of claims")
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<(), S::Error> {
        while let Some(claim) = seq.next_element::<ClaimDoc<'de>>()? {
            if let Err(f) = self.loading.claim(claim) {
                *self.failure = Some(f);
                return Err(de::Error::custom(
                    "the document breaks a rule of the format",
                ));
            }
        }
        Ok(())
    }
}
