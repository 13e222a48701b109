//! The versioned JSON document: reading it into a corpus, writing a corpus
//! as one. The document is built from the graph, never the graph itself, so
//! petgraph's storage never leaks into the format.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::locate::{line_column, locate};
use crate::error::{Error, Result};
use crate::graph::{Corpus, EntityId};
use crate::model::{
    AttackKind, Bearing, Claim, ClaimId, Date, EventId, EvidenceId, EvidenceKind, ExplanationId,
    Polarity, ScholarId, Stance, When, WorkId, WorkKind,
};

mod claims;
mod load;
mod sections;
mod sink;
mod stream;

/// The format version this crate reads and writes.
const VERSION: u64 = 1;

/// A string of the document: borrowed from the text when it has no escapes,
/// so loading allocates only what the corpus keeps.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Text<'a>(pub(crate) Cow<'a, str>);

impl<'a> From<&'a str> for Text<'a> {
    fn from(text: &'a str) -> Text<'a> {
        Text(Cow::Borrowed(text))
    }
}

impl From<String> for Text<'_> {
    fn from(text: String) -> Self {
        Text(Cow::Owned(text))
    }
}

impl From<Text<'_>> for String {
    fn from(text: Text<'_>) -> String {
        text.0.into_owned()
    }
}

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Serialize for Text<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        struct Visitor<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visitor<'a> {
            type Value = Text<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, text: &'de str) -> std::result::Result<Text<'a>, E> {
                Ok(Text(Cow::Borrowed(text)))
            }
            fn visit_str<E>(self, text: &str) -> std::result::Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }
            fn visit_string<E>(self, text: String) -> std::result::Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(Visitor(std::marker::PhantomData))
    }
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Document<'a> {
    version: u64,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    title: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    scholars: Vec<ScholarDoc<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    works: Vec<WorkDoc<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    events: Vec<EventDoc<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    explanations: Vec<ExplanationDoc<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    evidence: Vec<EvidenceDoc<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) claims: Vec<ClaimDoc<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScholarDoc<'a> {
    #[serde(borrow)]
    key: Text<'a>,
    #[serde(borrow)]
    name: Text<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    born: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    died: Option<i32>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    affiliation: Option<Text<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkDoc<'a> {
    #[serde(borrow)]
    key: Text<'a>,
    #[serde(rename = "type", default, skip_serializing_if = "is_default")]
    kind: WorkKind,
    #[serde(borrow)]
    title: Text<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    issued: Option<Date>,
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    authors: Vec<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    container_title: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    publisher: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    publisher_place: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    archive: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    archive_location: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    note: Option<Text<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventDoc<'a> {
    #[serde(borrow)]
    key: Text<'a>,
    #[serde(borrow)]
    name: Text<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    when: Option<When>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    within: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    description: Option<Text<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExplanationDoc<'a> {
    #[serde(borrow)]
    key: Text<'a>,
    #[serde(borrow)]
    name: Text<'a>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    variant_of: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    description: Option<Text<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceDoc<'a> {
    #[serde(borrow)]
    key: Text<'a>,
    kind: EvidenceKind,
    #[serde(borrow)]
    description: Text<'a>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    work: Option<Text<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    locator: Option<Text<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
}

/// A claim of the document. Written with `date`; read with `date` or the
/// legacy integer `year` (see [`ClaimFields`]).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ClaimDoc<'a> {
    key: Text<'a>,
    text: Text<'a>,
    explanation: Text<'a>,
    events: Vec<Text<'a>>,
    #[serde(skip_serializing_if = "is_default")]
    polarity: Polarity,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    stances: Vec<StanceDoc<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cites: Vec<CiteDoc<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    attacks: Vec<AttackDoc<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    supports: Vec<Text<'a>>,
}

/// A claim as read: [`ClaimDoc`] with the legacy `year` beside `date`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimFields<'a> {
    #[serde(borrow)]
    key: Text<'a>,
    #[serde(borrow)]
    text: Text<'a>,
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
struct StanceDoc<'a> {
    #[serde(borrow)]
    scholar: Text<'a>,
    stance: Stance,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    work: Option<Text<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
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
struct AttackDoc<'a> {
    #[serde(borrow)]
    claim: Text<'a>,
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
    /// [`Error::Utf8`] for bytes that are not UTF-8; [`Error::Json`] for
    /// malformed JSON or a value of the wrong shape;
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
    ///
    /// A document of 1 MiB or more is parsed on the calling thread while a
    /// second thread builds the corpus, when the machine has more than one
    /// core; [`from_json_with`](Corpus::from_json_with) chooses.
    pub fn from_json(text: impl AsRef<[u8]>) -> Result<Corpus> {
        Corpus::from_json_with(text, &JsonOptions::new())
    }

    /// Like [`from_json`](Corpus::from_json), with options. The corpus and
    /// the errors are the same whatever the options choose.
    ///
    /// ```
    /// use historiograph::{Corpus, JsonOptions, Threads};
    ///
    /// let text = historiograph::SINO_SOVIET_SPLIT_JSON;
    /// let one = Corpus::from_json_with(text, &JsonOptions::new().with_threads(Threads::One))?;
    /// let two = Corpus::from_json_with(text, &JsonOptions::new().with_threads(Threads::Two))?;
    /// assert_eq!(one.to_json(), two.to_json());
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`from_json`](Corpus::from_json).
    pub fn from_json_with(text: impl AsRef<[u8]>, options: &JsonOptions) -> Result<Corpus> {
        let mut corpus = Corpus::new();
        corpus.merge_json_with(text, options)?;
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
    pub fn merge_json(&mut self, text: impl AsRef<[u8]>) -> Result<()> {
        self.merge_json_with(text, &JsonOptions::new())
    }

    /// Like [`merge_json`](Corpus::merge_json), with options.
    ///
    /// # Errors
    /// As [`merge_json`](Corpus::merge_json).
    pub fn merge_json_with(&mut self, text: impl AsRef<[u8]>, options: &JsonOptions) -> Result<()> {
        self.merge_json_text(crate::io::foreign::utf8(text.as_ref())?, options)
    }

    fn merge_json_text(&mut self, text: &str, options: &JsonOptions) -> Result<()> {
        // Build on a copy and swap it in on success: all or nothing.
        let mut next = self.bulk_copy();
        match sink::read(text, &mut next, options.threads) {
            (_, Some((path, source))) => {
                let (line, column) = locate(text, &path).unwrap_or((0, 0));
                Err(Error::Document {
                    line,
                    column,
                    path,
                    rule: Box::new(source),
                })
            }
            (Ok(()), None) => {
                self.bulk_adopt(next);
                Ok(())
            }
            // Not well-formed, or a value of the wrong shape: read again,
            // tracking paths, to say where.
            (Err(_), None) => Err(parse_error(text)),
        }
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

    pub(crate) fn to_document(&self) -> Document<'_> {
        let key = |id| self.key_text(id);
        Document {
            version: VERSION,
            title: self.title().map(Text::from),
            scholars: self
                .entities::<ScholarId>()
                .map(|(_, s)| ScholarDoc {
                    key: s.key().into(),
                    name: s.name().into(),
                    born: s.born(),
                    died: s.died(),
                    affiliation: s.affiliation().map(Text::from),
                })
                .collect(),
            works: self
                .entities::<WorkId>()
                .map(|(id, w)| WorkDoc {
                    key: w.key().into(),
                    kind: w.kind(),
                    title: w.title().into(),
                    issued: w.issued(),
                    authors: self.authors(id).map(key).collect(),
                    container_title: w.container_title().map(Text::from),
                    publisher: w.publisher().map(Text::from),
                    publisher_place: w.publisher_place().map(Text::from),
                    archive: w.archive().map(Text::from),
                    archive_location: w.archive_location().map(Text::from),
                    note: w.note().map(Text::from),
                })
                .collect(),
            events: self
                .entities::<EventId>()
                .map(|(id, e)| EventDoc {
                    key: e.key().into(),
                    name: e.name().into(),
                    when: e.when(),
                    within: self.enclosing(id).map(|p| self.key_text(p)),
                    description: e.description().map(Text::from),
                })
                .collect(),
            explanations: self
                .entities::<ExplanationId>()
                .map(|(id, x)| ExplanationDoc {
                    key: x.key().into(),
                    name: x.name().into(),
                    variant_of: self.variant_of(id).map(|p| self.key_text(p)),
                    description: x.description().map(Text::from),
                })
                .collect(),
            evidence: self
                .entities::<EvidenceId>()
                .map(|(id, e)| EvidenceDoc {
                    key: e.key().into(),
                    kind: e.kind(),
                    description: e.description().into(),
                    work: self.evidence_work(id).map(|w| self.key_text(w)),
                    locator: e.locator().map(Text::from),
                    date: e.date(),
                })
                .collect(),
            claims: self
                .entities::<ClaimId>()
                .map(|(id, c)| self.claim_doc(id, c))
                .collect(),
        }
    }

    fn claim_doc<'a>(&'a self, id: ClaimId, claim: &'a Claim) -> ClaimDoc<'a> {
        ClaimDoc {
            key: claim.key().into(),
            text: claim.text().into(),
            explanation: self
                .explanation_of(id)
                .map(|x| self.key_text(x))
                .unwrap_or(Text::from("")),
            events: self.events_of(id).map(|e| self.key_text(e)).collect(),
            polarity: claim.polarity(),
            date: claim.date(),
            stances: self
                .positions_on(id)
                .map(|(_, scholar, p)| StanceDoc {
                    scholar: self.key_text(scholar),
                    stance: p.stance(),
                    work: p.work().map(|w| self.key_text(w)),
                    year: p.year(),
                })
                .collect(),
            cites: self
                .citations(id)
                .map(|(evidence, bearing)| CiteDoc {
                    evidence: self.key_text(evidence),
                    bearing,
                })
                .collect(),
            attacks: self
                .attacks_by(id)
                .map(|(target, kind)| AttackDoc {
                    claim: self.key_text(target),
                    kind,
                })
                .collect(),
            supports: self.supports_by(id).map(|t| self.key_text(t)).collect(),
        }
    }

    /// The key of a live entity, borrowed for writing.
    fn key_text<I: EntityId>(&self, id: I) -> Text<'_> {
        Text::from(self.key(id).unwrap_or_default())
    }

    /// Adds a parsed document; on error returns the path of the offending
    /// value. Callers run it on a scratch corpus, so a failure loses nothing.
    #[cfg_attr(not(feature = "aif"), allow(dead_code))]
    pub(crate) fn absorb(&mut self, doc: Document<'_>) -> std::result::Result<(), (String, Error)> {
        load::Loading::new(self).document(doc)
    }
}

/// How to read a JSON document: see [`Corpus::from_json_with`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct JsonOptions {
    threads: Threads,
}

impl JsonOptions {
    /// The defaults: [`Threads::Auto`].
    pub fn new() -> JsonOptions {
        JsonOptions::default()
    }

    /// How many threads reading may use.
    #[must_use]
    pub fn with_threads(mut self, threads: Threads) -> JsonOptions {
        self.threads = threads;
        self
    }

    /// How many threads reading may use.
    pub fn threads(&self) -> Threads {
        self.threads
    }
}

/// How many threads reading a JSON document may use: see [`JsonOptions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Threads {
    /// Two for a document of 1 MiB or more when the machine has more than
    /// one core, otherwise one.
    #[default]
    Auto,
    /// Parse the text and build the corpus on the calling thread.
    One,
    /// Parse the text on the calling thread and build the corpus on a
    /// second, scoped thread that has ended when the call returns. One
    /// thread when no thread can be started.
    Two,
}

impl Threads {
    const AUTO_MIN_BYTES: usize = 1 << 20;

    /// Whether to read a document of `bytes` bytes on two threads.
    fn two_for(self, bytes: usize) -> bool {
        match self {
            Threads::One => false,
            Threads::Two => true,
            Threads::Auto => {
                bytes >= Threads::AUTO_MIN_BYTES
                    && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
            }
        }
    }
}

/// The error of a document that does not parse, located.
fn parse_error(text: &str) -> Error {
    match parse_tracked(text) {
        Ok(_) => Error::Json {
            line: 0,
            column: 0,
            path: String::new(),
            message: "the document could not be read".to_owned(),
        },
        Err(error) => error,
    }
}

fn parse_tracked(text: &str) -> Result<Document<'_>> {
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
                rule: Box::new(Error::UnsupportedVersion {
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
                Error::Document { ref rule, .. } if matches!(**rule, Error::UnsupportedVersion { found: 2, supported: 1 })
            ),
            "{err}"
        );
    }
}
