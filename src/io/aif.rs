//! AIF, the Argument Interchange Format, in the JSON that AIFdb, OVA and
//! xAIF write: reading it into a corpus ([`Corpus::from_aif`]) and writing a
//! corpus as AIF ([`Corpus::to_aif`]). The mapping and the `historiograph`
//! extension are specified on the [`format`](crate::format) page.

mod build;
mod ext;
mod parse;
mod write;

use crate::error::{Error, Result};
use crate::graph::Corpus;
use crate::io::import::Imported;
use crate::io::locate::{line_column, locate};
use crate::model::{Event, Explanation};

/// The event and the explanation given to claims that an AIF file does not
/// place: plain AIF has neither, and every claim needs both.
///
/// By default they are the event `aif-debate` ("The debate the AIF file
/// records") and the explanation `aif-unclassified` ("Unclassified"). Each
/// is added to the corpus only if some claim needs it.
///
/// ```
/// use historiograph::{AifOptions, Corpus, Event, EventId, Explanation};
///
/// let aif = br#"{"nodes": [{"nodeID": "1", "text": "Mao wanted the bomb", "type": "I"}], "edges": []}"#;
/// let options = AifOptions::new()
///     .with_event(Event::new("split", "The Sino-Soviet split"))
///     .with_explanation(Explanation::new("national-interest", "National interest"));
/// let imported = Corpus::from_aif_with(aif, &options)?;
/// let split = imported.corpus.lookup::<EventId>("split").expect("the default event");
/// assert_eq!(imported.corpus.claims_about(split).count(), 1);
/// # Ok::<(), historiograph::Error>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct AifOptions {
    event: Event,
    explanation: Explanation,
}

impl AifOptions {
    /// The default event `aif-debate` and explanation `aif-unclassified`.
    pub fn new() -> AifOptions {
        AifOptions {
            event: Event::new("aif-debate", "The debate the AIF file records"),
            explanation: Explanation::new("aif-unclassified", "Unclassified"),
        }
    }

    /// Claims the file does not place concern this event (used as it is if
    /// the file's extension has an event with its key).
    #[must_use]
    pub fn with_event(mut self, event: Event) -> AifOptions {
        self.event = event;
        self
    }

    /// Claims the file does not place invoke this explanation (used as it
    /// is if the file's extension has an explanation with its key).
    #[must_use]
    pub fn with_explanation(mut self, explanation: Explanation) -> AifOptions {
        self.explanation = explanation;
        self
    }

    /// The event for claims the file does not place.
    pub fn event(&self) -> &Event {
        &self.event
    }

    /// The explanation for claims the file does not place.
    pub fn explanation(&self) -> &Explanation {
        &self.explanation
    }
}

impl Default for AifOptions {
    fn default() -> AifOptions {
        AifOptions::new()
    }
}

/// An [`Error::Import`] of the AIF format.
fn import(at: impl Into<String>, message: impl Into<String>) -> Error {
    Error::Import {
        format: "aif",
        at: at.into(),
        message: message.into(),
    }
}

impl Corpus {
    /// Reads an AIF file: AIFdb's JSON (`nodes`, `edges`, `locutions`),
    /// OVA's (with `participants`) or xAIF (the same under `AIF`), with
    /// the default [`AifOptions`].
    ///
    /// I-nodes become claims; RA-nodes supports and CA-nodes attacks
    /// between them; MA-nodes merge the I-nodes they rephrase; locutions
    /// with their illocutions (YA) become positions of the scholars who
    /// speak them. What has no place in a corpus (transitions,
    /// preferences, schemes, questions, timestamps, ...) is listed in
    /// [`Imported::unmapped`]. A file written by [`to_aif`](Corpus::to_aif)
    /// reads back whole. The [`format`](crate::format) page has the details.
    ///
    /// # Errors
    /// [`Error::Utf8`] for input that is not UTF-8 and [`Error::Json`] for
    /// input that is not JSON, with the line and column; [`Error::Import`]
    /// for JSON that is not AIF (no `nodes` array, a member of the wrong
    /// type, a node of unknown type), naming the key, node or edge;
    /// [`Error::Document`] or [`Error::Json`] for a broken `historiograph`
    /// extension. What refers to something the file leaves out (an edge or
    /// a locution naming a missing node, an RA-node that loses its
    /// conclusion with it) is no error: it is listed in
    /// [`Imported::unmapped`], and the rest loads.
    ///
    /// ```
    /// use historiograph::{ClaimId, Corpus};
    ///
    /// let aif = br#"{
    ///   "nodes": [
    ///     {"nodeID": "1", "text": "The Leap needed a crisis", "type": "I"},
    ///     {"nodeID": "2", "text": "Mao shelled Jinmen in 1958", "type": "I"},
    ///     {"nodeID": "3", "text": "Default Inference", "type": "RA"},
    ///     {"nodeID": "4", "text": "Default Transition", "type": "TA"}
    ///   ],
    ///   "edges": [
    ///     {"edgeID": "1", "fromID": "2", "toID": "3"},
    ///     {"edgeID": "2", "fromID": "3", "toID": "1"}
    ///   ],
    ///   "locutions": []
    /// }"#;
    /// let imported = Corpus::from_aif(aif)?;
    /// let corpus = &imported.corpus;
    /// let (leap, shelling) = (corpus.resolve::<ClaimId>("1")?, corpus.resolve::<ClaimId>("2")?);
    /// assert_eq!(corpus.supporters_of(leap).collect::<Vec<_>>(), [shelling]);
    /// assert_eq!(imported.unmapped[0].to_string(), "node 4: a transition between locutions (the course of the dialogue) has no place in the corpus");
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn from_aif(bytes: impl AsRef<[u8]>) -> Result<Imported> {
        Corpus::from_aif_with(bytes, &AifOptions::new())
    }

    /// Reads an AIF file as [`from_aif`](Corpus::from_aif) does, giving
    /// the claims the file does not place the event and explanation of
    /// `options`.
    ///
    /// # Errors
    /// As [`from_aif`](Corpus::from_aif); [`Error::InvalidOption`] for an
    /// event or explanation in `options` that the corpus refuses (an
    /// invalid key, an empty name).
    pub fn from_aif_with(bytes: impl AsRef<[u8]>, options: &AifOptions) -> Result<Imported> {
        let (text, value) = parse::json(bytes.as_ref())?;
        let mut unmapped = Vec::new();
        let graph = parse::graph(&value, &mut unmapped)?;
        let extension = match value.get("historiograph") {
            Some(extension) => Some(serde_path_to_error::deserialize(extension).map_err(|e| {
                let inner = e.path().to_string();
                let path = if inner == "." {
                    "historiograph".to_owned()
                } else {
                    format!("historiograph.{inner}")
                };
                let (line, column) =
                    locate(text, &path).unwrap_or_else(|| line_column(text, text.len()));
                let message = e.into_inner().to_string();
                Error::Json {
                    line,
                    column,
                    path,
                    message,
                }
            })?),
            None => None,
        };
        build::build(&graph, extension, options, text, unmapped)
    }

    /// Writes the corpus as AIF: pretty-printed JSON that AIF tools read as
    /// an argument map (claims, supports, attacks, who holds what), with
    /// everything else in the `historiograph` member, so that
    /// [`from_aif`](Corpus::from_aif) gives back a corpus that writes the
    /// same document as this one.
    ///
    /// ```
    /// let corpus = historiograph::sino_soviet_split();
    /// let aif = corpus.to_aif();
    /// let back = historiograph::Corpus::from_aif(aif.as_bytes())?;
    /// assert!(back.is_lossless());
    /// assert_eq!(back.corpus.to_json(), corpus.to_json());
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn to_aif(&self) -> String {
        let mut text = serde_json::to_string_pretty(&self.to_aif_file())
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        text.push('\n');
        text
    }

    /// Writes the corpus as AIF to `writer`, without indentation.
    ///
    /// # Errors
    /// An [`std::io::Error`] from the writer.
    pub fn write_aif<W: std::io::Write>(&self, writer: W) -> std::io::Result<()> {
        serde_json::to_writer(writer, &self.to_aif_file()).map_err(std::io::Error::from)
    }
}
