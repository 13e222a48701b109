//! Reading a document: [`Corpus::from_json`], `from_json_with`,
//! `merge_json` and `merge_json_with`, built on a copy of the corpus that
//! is swapped in only when the whole document is read.

use super::document::Document;
use super::error::parse_error;
use super::load::Loading;
use super::options::JsonOptions;
use super::sink;
use crate::error::{Error, Result};
use crate::graph::Corpus;
use crate::io::locate::locate;

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
        match sink::read(text, &mut next, options.threads()) {
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

    /// Adds a parsed document; on error returns the path of the offending
    /// value. Callers run it on a scratch corpus, so a failure loses nothing.
    #[cfg_attr(not(feature = "aif"), allow(dead_code))]
    pub(crate) fn absorb(&mut self, doc: Document<'_>) -> std::result::Result<(), (String, Error)> {
        Loading::new(self).document(doc)
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
