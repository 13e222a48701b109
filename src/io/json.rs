//! The versioned JSON document: reading it into a corpus, writing a corpus
//! as one. The document is built from the graph, never the graph itself, so
//! petgraph's storage never leaks into the format.

use serde::{Deserialize, Serialize};

use super::locate::{line_column, locate};
use crate::error::{Error, Result};
use crate::graph::entity::is;
use crate::graph::{Corpus, EntityId, Relation};
use crate::model::{
    AttackKind, Bearing, Claim, ClaimId, Date, Event, EventId, Evidence, EvidenceId, EvidenceKind,
    Explanation, ExplanationId, Polarity, Position, Scholar, ScholarId, Stance, When, Work, WorkId,
    WorkKind,
};

/// The format version this crate reads and writes.
const VERSION: u64 = 1;

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    scholars: Vec<ScholarDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    works: Vec<WorkDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    events: Vec<EventDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    explanations: Vec<ExplanationDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    evidence: Vec<EvidenceDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    claims: Vec<ClaimDoc>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScholarDoc {
    key: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    born: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    died: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    affiliation: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkDoc {
    key: String,
    #[serde(rename = "type", default, skip_serializing_if = "is_default")]
    kind: WorkKind,
    title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    issued: Option<Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    authors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    container_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    publisher_place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    archive: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    archive_location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventDoc {
    key: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    when: Option<When>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    within: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExplanationDoc {
    key: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    variant_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceDoc {
    key: String,
    kind: EvidenceKind,
    description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    work: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    locator: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimDoc {
    key: String,
    text: String,
    explanation: String,
    events: Vec<String>,
    #[serde(default, skip_serializing_if = "is_default")]
    polarity: Polarity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    stances: Vec<StanceDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    cites: Vec<CiteDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    attacks: Vec<AttackDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    supports: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StanceDoc {
    scholar: String,
    stance: Stance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    work: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CiteDoc {
    evidence: String,
    #[serde(default, skip_serializing_if = "is_default")]
    bearing: Bearing,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AttackDoc {
    claim: String,
    #[serde(default, skip_serializing_if = "is_default")]
    kind: AttackKind,
}

/// Only the version, read first so that a document of another version is
/// refused for its version, not for the fields it has.
#[derive(Deserialize)]
struct Probe {
    version: Option<serde_json::Value>,
}

impl Corpus {
    /// Reads a corpus from a JSON document (see the [`format`](crate::format) page).
    ///
    /// # Errors
    /// [`Error::Json`] for malformed JSON or a value of the wrong shape;
    /// [`Error::Document`] for a well-formed document that breaks a rule
    /// (an unknown version, a duplicate or dangling key, a self-attack, ...).
    /// Both carry the line, the column and the path of the offending value.
    ///
    /// ```
    /// use historiograph::{Corpus, Error, EventId};
    ///
    /// let corpus = Corpus::from_json(r#"{
    ///   "version": 1,
    ///   "events": [{ "key": "split", "name": "The split", "when": "1956/1966" }]
    /// }"#)?;
    /// assert!(corpus.lookup::<EventId>("split").is_some());
    ///
    /// let err = Corpus::from_json(r#"{ "version": 1, "events": [{ "key": "x", "name": "X", "within": "y" }] }"#)
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "line 1, column 65 (events[0].within): unknown event key `y`");
    /// # Ok::<(), Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Corpus> {
        let mut corpus = Corpus::new();
        corpus.merge_json(text)?;
        Ok(corpus)
    }

    /// Adds the contents of a JSON document to this corpus. References may
    /// name entities already in the corpus; keys may not collide with them.
    ///
    /// All or nothing: if the document is refused, the corpus is unchanged.
    ///
    /// # Errors
    /// As [`from_json`](Corpus::from_json), and [`Error::DuplicateKey`] (in an
    /// [`Error::Document`]) for a key the corpus already has.
    pub fn merge_json(&mut self, text: &str) -> Result<()> {
        let document = parse(text)?;
        // Build on a copy and swap it in on success: all or nothing.
        let mut next = self.clone();
        next.absorb(document).map_err(|(path, source)| {
            let (line, column) = locate(text, &path).unwrap_or((0, 0));
            Error::Document {
                line,
                column,
                path,
                source: Box::new(source),
            }
        })?;
        *self = next;
        Ok(())
    }

    /// Writes the corpus as a JSON document, pretty-printed, entities in the
    /// order their ids were issued and relation lists sorted by target id.
    ///
    /// Reading the text back with [`from_json`](Corpus::from_json) gives a
    /// corpus that writes the same text.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(&self.to_document())
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        text.push('\n');
        text
    }

    /// Writes the corpus as a JSON document to `writer`, without indentation.
    ///
    /// # Errors
    /// An [`std::io::Error`] from the writer.
    pub fn write_json<W: std::io::Write>(&self, writer: W) -> std::io::Result<()> {
        serde_json::to_writer(writer, &self.to_document()).map_err(std::io::Error::from)
    }

    fn to_document(&self) -> Document {
        let key = |id| self.name_of(id);
        Document {
            version: VERSION,
            title: self.title().map(ToOwned::to_owned),
            scholars: self
                .entities::<ScholarId>()
                .map(|(_, s)| ScholarDoc {
                    key: s.key().to_owned(),
                    name: s.name().to_owned(),
                    born: s.born(),
                    died: s.died(),
                    affiliation: s.affiliation().map(ToOwned::to_owned),
                })
                .collect(),
            works: self
                .entities::<WorkId>()
                .map(|(id, w)| WorkDoc {
                    key: w.key().to_owned(),
                    kind: w.kind(),
                    title: w.title().to_owned(),
                    issued: w.issued(),
                    authors: self.authors(id).map(key).collect(),
                    container_title: w.container_title().map(ToOwned::to_owned),
                    publisher: w.publisher().map(ToOwned::to_owned),
                    publisher_place: w.publisher_place().map(ToOwned::to_owned),
                    archive: w.archive().map(ToOwned::to_owned),
                    archive_location: w.archive_location().map(ToOwned::to_owned),
                    note: w.note().map(ToOwned::to_owned),
                })
                .collect(),
            events: self
                .entities::<EventId>()
                .map(|(id, e)| EventDoc {
                    key: e.key().to_owned(),
                    name: e.name().to_owned(),
                    when: e.when(),
                    within: self.enclosing(id).map(|p| self.name_of(p)),
                    description: e.description().map(ToOwned::to_owned),
                })
                .collect(),
            explanations: self
                .entities::<ExplanationId>()
                .map(|(id, x)| ExplanationDoc {
                    key: x.key().to_owned(),
                    name: x.name().to_owned(),
                    variant_of: self.variant_of(id).map(|p| self.name_of(p)),
                    description: x.description().map(ToOwned::to_owned),
                })
                .collect(),
            evidence: self
                .entities::<EvidenceId>()
                .map(|(id, e)| EvidenceDoc {
                    key: e.key().to_owned(),
                    kind: e.kind(),
                    description: e.description().to_owned(),
                    work: self.evidence_work(id).map(|w| self.name_of(w)),
                    locator: e.locator().map(ToOwned::to_owned),
                })
                .collect(),
            claims: self
                .entities::<ClaimId>()
                .map(|(id, c)| self.claim_doc(id, c))
                .collect(),
        }
    }

    fn claim_doc(&self, id: ClaimId, claim: &Claim) -> ClaimDoc {
        ClaimDoc {
            key: claim.key().to_owned(),
            text: claim.text().to_owned(),
            explanation: self
                .explanation_of(id)
                .map(|x| self.name_of(x))
                .unwrap_or_default(),
            events: self.events_of(id).map(|e| self.name_of(e)).collect(),
            polarity: claim.polarity(),
            year: claim.year(),
            stances: self
                .positions_on(id)
                .map(|(scholar, p)| StanceDoc {
                    scholar: self.name_of(scholar),
                    stance: p.stance(),
                    work: p.work().map(|w| self.name_of(w)),
                    year: p.year(),
                })
                .collect(),
            cites: self
                .citations(id)
                .map(|(evidence, bearing)| CiteDoc {
                    evidence: self.name_of(evidence),
                    bearing,
                })
                .collect(),
            attacks: self
                .attacks_by(id)
                .map(|(target, kind)| AttackDoc {
                    claim: self.name_of(target),
                    kind,
                })
                .collect(),
            supports: self.supports_by(id).map(|t| self.name_of(t)).collect(),
        }
    }

    /// Adds a parsed document; on error returns the path of the offending
    /// value. Callers run it on a scratch corpus, so a failure loses nothing.
    fn absorb(&mut self, doc: Document) -> std::result::Result<(), (String, Error)> {
        if doc.version != VERSION {
            let error = Error::UnsupportedVersion {
                found: doc.version,
                supported: VERSION,
            };
            return Err(("version".to_owned(), error));
        }
        if self.title().is_none() {
            self.set_title(doc.title);
        }
        for (i, s) in doc.scholars.into_iter().enumerate() {
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
                .map_err(at_entity(format!("scholars[{i}]")))?;
        }
        for (i, w) in doc.works.into_iter().enumerate() {
            let here = format!("works[{i}]");
            let authors = w
                .authors
                .iter()
                .enumerate()
                .map(|(j, k)| {
                    self.resolve::<ScholarId>(k)
                        .map_err(at(format!("{here}.authors[{j}]")))
                })
                .collect::<std::result::Result<Vec<_>, _>>()?;
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
                    work = set(work, value);
                }
            }
            self.add_work(work, authors).map_err(at_entity(here))?;
        }
        let mut nesting = Vec::new();
        for (i, e) in doc.events.into_iter().enumerate() {
            let mut event = Event::new(e.key, e.name);
            if let Some(when) = e.when {
                event = event.with_when(when);
            }
            if let Some(description) = e.description {
                event = event.with_description(description);
            }
            let id = self
                .add_event(event, None)
                .map_err(at_entity(format!("events[{i}]")))?;
            if let Some(parent) = e.within {
                nesting.push((i, id, parent));
            }
        }
        self.nest(&nesting, "events", "within", Relation::Within, is::within)?;
        let mut nesting = Vec::new();
        for (i, x) in doc.explanations.into_iter().enumerate() {
            let mut explanation = Explanation::new(x.key, x.name);
            if let Some(description) = x.description {
                explanation = explanation.with_description(description);
            }
            let id = self
                .add_explanation(explanation, None)
                .map_err(at_entity(format!("explanations[{i}]")))?;
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
        )?;
        for (i, e) in doc.evidence.into_iter().enumerate() {
            let here = format!("evidence[{i}]");
            let work = e
                .work
                .as_deref()
                .map(|k| self.resolve::<WorkId>(k))
                .transpose()
                .map_err(at(format!("{here}.work")))?;
            let mut evidence = Evidence::new(e.key, e.kind, e.description);
            if let Some(locator) = e.locator {
                evidence = evidence.with_locator(locator);
            }
            self.add_evidence(evidence, work).map_err(at_entity(here))?;
        }
        let mut relations = Vec::new();
        for (i, c) in doc.claims.into_iter().enumerate() {
            let here = format!("claims[{i}]");
            let explanation = self
                .resolve::<ExplanationId>(&c.explanation)
                .map_err(at(format!("{here}.explanation")))?;
            let events = c
                .events
                .iter()
                .enumerate()
                .map(|(j, k)| {
                    self.resolve::<EventId>(k)
                        .map_err(at(format!("{here}.events[{j}]")))
                })
                .collect::<std::result::Result<Vec<_>, _>>()?;
            let mut claim = Claim::new(c.key, c.text).with_polarity(c.polarity);
            if let Some(year) = c.year {
                claim = claim.with_year(year);
            }
            let id = self
                .add_claim(claim, explanation, events)
                .map_err(at_entity(here))?;
            relations.push((i, id, c.stances, c.cites, c.attacks, c.supports));
        }
        for (i, id, stances, cites, attacks, supports) in relations {
            let here = format!("claims[{i}]");
            for (j, s) in stances.into_iter().enumerate() {
                let at_stance = format!("{here}.stances[{j}]");
                let scholar = self
                    .resolve::<ScholarId>(&s.scholar)
                    .map_err(at(format!("{at_stance}.scholar")))?;
                let mut position = Position::new(s.stance);
                if let Some(work) = s.work {
                    let work = self
                        .resolve::<WorkId>(&work)
                        .map_err(at(format!("{at_stance}.work")))?;
                    position = position.in_work(work);
                }
                if let Some(year) = s.year {
                    position = position.in_year(year);
                }
                self.add_position(scholar, id, position)
                    .map_err(at(at_stance))?;
            }
            for (j, c) in cites.into_iter().enumerate() {
                let here = format!("{here}.cites[{j}].evidence");
                let evidence = self
                    .resolve::<EvidenceId>(&c.evidence)
                    .map_err(at(here.clone()))?;
                self.cite(id, evidence, c.bearing).map_err(at(here))?;
            }
            for (j, a) in attacks.into_iter().enumerate() {
                let here = format!("{here}.attacks[{j}].claim");
                let target = self
                    .resolve::<ClaimId>(&a.claim)
                    .map_err(at(here.clone()))?;
                self.attack(id, target, a.kind).map_err(at(here))?;
            }
            for (j, key) in supports.iter().enumerate() {
                let here = format!("{here}.supports[{j}]");
                let target = self.resolve::<ClaimId>(key).map_err(at(here.clone()))?;
                self.support(id, target).map_err(at(here))?;
            }
        }
        Ok(())
    }
}

impl Corpus {
    /// Links the `(document index, child, parent key)` triples of one
    /// section, with one cycle check for all of them.
    fn nest<I: EntityId>(
        &mut self,
        nesting: &[(usize, I, String)],
        section: &str,
        field: &str,
        relation: Relation,
        keep: fn(&Relation) -> bool,
    ) -> std::result::Result<(), (String, Error)> {
        let mut links = Vec::with_capacity(nesting.len());
        for (i, child, parent) in nesting {
            let parent = self
                .resolve::<I>(parent)
                .map_err(at(format!("{section}[{i}].{field}")))?;
            links.push((*child, parent));
        }
        self.link_parents(&links, relation, keep)
            .map_err(|(at, error)| (format!("{section}[{}].{field}", nesting[at].0), error))
    }
}

fn at(path: String) -> impl FnOnce(Error) -> (String, Error) {
    move |error| (path, error)
}

/// Like [`at`] for adding the entity at `path`: points the error at the
/// field it is about (`claims[3].key`, `claims[3].events`).
fn at_entity(path: String) -> impl FnOnce(Error) -> (String, Error) {
    move |error| {
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

/// Parses the text into a document: the version first, then the rest.
fn parse(text: &str) -> Result<Document> {
    let probe: Probe =
        serde_json::from_str(text).map_err(|e| json_error(text, e, String::new()))?;
    match probe.version.as_ref().map(serde_json::Value::as_u64) {
        None => {
            let (line, column) = line_column(text, text.find('{').unwrap_or(0));
            return Err(Error::Json {
                line,
                column,
                path: String::new(),
                message: "missing field `version`".to_owned(),
            });
        }
        Some(Some(found)) if found != VERSION => {
            let (line, column) = locate(text, "version").unwrap_or((0, 0));
            return Err(Error::Document {
                line,
                column,
                path: "version".to_owned(),
                source: Box::new(Error::UnsupportedVersion {
                    found,
                    supported: VERSION,
                }),
            });
        }
        // The right version, or not a number: the full parse says what is wrong.
        Some(_) => {}
    }
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        json_error(text, e.into_inner(), path)
    })
}

pub(crate) fn json_error(text: &str, error: serde_json::Error, path: String) -> Error {
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_owned(),
        None => message,
    };
    let path = if path == "." { String::new() } else { path };
    // A value of the wrong shape is pointed at where it starts; serde_json
    // points at where it stopped reading, which may be the value's end.
    let located = match error.classify() {
        // An unknown field is reported at its name, where serde_json stands.
        serde_json::error::Category::Data
            if !path.is_empty() && !message.starts_with("unknown field") =>
        {
            locate(text, &path)
        }
        _ => None,
    };
    let (line, column) = match located {
        Some(at) => at,
        None if error.line() == 0 => line_column(text, text.len()),
        None => (error.line(), error.column()),
    };
    Error::Json {
        line,
        column,
        path,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_version_is_refused_before_fields() {
        let err = Corpus::from_json("{\"version\": 2, \"future\": []}").unwrap_err();
        assert!(
            matches!(
                err,
                Error::Document { ref source, .. } if matches!(**source, Error::UnsupportedVersion { found: 2, supported: 1 })
            ),
            "{err}"
        );
    }
}
