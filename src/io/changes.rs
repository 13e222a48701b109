//! The change log as JSON text: [`Changes::to_json`] and
//! [`Changes::from_json`], the serde form of `graph/change.rs` with the
//! errors located as a document's are.

use super::foreign::{parse_json, utf8};
use crate::error::Result;
use crate::graph::Changes;

impl Changes {
    /// Writes the changes as a JSON change log (see the
    /// [format](crate::format#change-logs)), pretty-printed, ending in a
    /// newline; `serde_json::to_string(&changes)` writes the same without
    /// indentation.
    ///
    /// Reading the text back with [`from_json`](Changes::from_json) gives
    /// equal changes, which [`Corpus::apply`](crate::Corpus::apply)
    /// replays on a copy of the corpus in another process.
    ///
    /// ```
    /// use historiograph::{Changes, Scholar, sino_soviet_split};
    ///
    /// let mut mine = sino_soviet_split();
    /// let mut theirs = mine.clone(); // in another process: the same document, read
    /// let mut tx = mine.transaction();
    /// tx.add_scholar(Scholar::new("jersild", "Austin Jersild"))?;
    /// let text = tx.commit().to_json();
    /// assert!(text.contains(r#""added": {"#));
    ///
    /// let changes = Changes::from_json(&text)?;
    /// theirs.apply(&changes)?;
    /// assert_eq!(mine, theirs);
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        text.push('\n');
        text
    }

    /// Reads a JSON change log (see the [format](crate::format#change-logs)).
    ///
    /// Every entity is checked as a corpus checks it alone (a valid key,
    /// no blank name, title or text), every id is checked for its kind and
    /// every date for its range, so what reads is a log
    /// [`Corpus::apply`](crate::Corpus::apply) can judge; whether it fits a
    /// corpus is `apply`'s question ([`Error::Conflict`](crate::Error::Conflict)).
    ///
    /// # Errors
    /// [`Error::Utf8`](crate::Error::Utf8) for bytes that are not UTF-8;
    /// [`Error::Json`](crate::Error::Json) for malformed JSON, a value of the
    /// wrong shape (an unknown change, a missing field, a string where a
    /// number belongs), a log of another version, or an entity, id or date
    /// that breaks the rules, with the line, column and path of the value.
    ///
    /// ```
    /// use historiograph::Changes;
    ///
    /// let err = Changes::from_json(r#"{"version": 1, "changes": [
    ///   {"added": {"claim": ["claim#0", {"key": "a b", "text": "A claim"}]}}
    /// ]}"#).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "line 2, column 35 (changes[0].added.claim[1]): \
    ///      invalid claim key `a b`: a key may not contain white space or control characters"
    /// );
    /// ```
    pub fn from_json(text: impl AsRef<[u8]>) -> Result<Changes> {
        parse_json(utf8(text.as_ref())?)
    }
}
