//! Writing a corpus's works as CSL-JSON.

use serde::Serialize;

use crate::graph::Corpus;
use crate::model::{Date, Precision, WorkId, WorkKind};

/// A CSL name: `family` and `given` for a person, `literal` for anything
/// else.
#[derive(Serialize)]
struct NameOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    family: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    given: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    literal: Option<String>,
}

/// A CSL date: `date-parts`, or for a decade or century (`196X`), which
/// `date-parts` cannot write, the EDTF text in `raw`.
#[derive(Serialize)]
struct DateOut {
    #[serde(rename = "date-parts", skip_serializing_if = "Option::is_none")]
    parts: Option<Vec<Vec<i32>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    raw: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    circa: bool,
}

#[derive(Serialize)]
struct ItemOut<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: WorkKind,
    title: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<NameOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<DateOut>,
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    container_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(rename = "publisher-place", skip_serializing_if = "Option::is_none")]
    publisher_place: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archive: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archive_location: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

impl Corpus {
    /// Writes the corpus's works as CSL-JSON: an array of CSL items, in the
    /// order the works were added, pretty-printed.
    ///
    /// Each work's key is its `id`; authors are names split at the last
    /// space of the scholar's name (`Lorenz M. Lüthi` → given `Lorenz M.`,
    /// family `Lüthi`), or a `literal` name when the name has no space;
    /// [`merge_csl_json`](Corpus::merge_csl_json) joins them again and
    /// finds the scholar by that name. The date is `date-parts` with
    /// `circa`; a decade or century (`196X`, `19XX`), which `date-parts`
    /// cannot write, is its EDTF text in `raw` (`"raw": "196X"`), which
    /// [`merge_csl_json`](Corpus::merge_csl_json) reads back. Evidence, claims and the rest of the corpus are not
    /// bibliography and are not written.
    ///
    /// ```
    /// let corpus = historiograph::sino_soviet_split();
    /// let csl = corpus.to_csl_json();
    /// assert!(csl.contains(r#""id": "luthi-2008""#));
    /// ```
    pub fn to_csl_json(&self) -> String {
        let items: Vec<ItemOut<'_>> = self
            .entities::<WorkId>()
            .map(|(id, work)| ItemOut {
                id: work.key(),
                kind: work.kind(),
                title: work.title(),
                author: self
                    .authors(id)
                    .filter_map(|s| self.scholar(s))
                    .map(|s| csl_name(s.name()))
                    .collect(),
                issued: work.issued().map(date_out),
                container_title: work.container_title(),
                publisher: work.publisher(),
                publisher_place: work.publisher_place(),
                archive: work.archive(),
                archive_location: work.archive_location(),
                note: work.note(),
            })
            .collect();
        let mut text =
            serde_json::to_string_pretty(&items).unwrap_or_else(|e| format!("[\"error: {e}\"]"));
        text.push('\n');
        text
    }

    /// Writes [`to_csl_json`](Corpus::to_csl_json)'s text to `writer`.
    ///
    /// # Errors
    /// What the writer returns.
    pub fn write_csl_json<W: std::io::Write>(&self, mut writer: W) -> std::io::Result<()> {
        writer.write_all(self.to_csl_json().as_bytes())
    }
}

/// A date as CSL: `date-parts`, or `raw` EDTF for a decade or century.
fn date_out(date: Date) -> DateOut {
    let (parts, raw) = if date.precision() < Precision::Year {
        let text = date.to_string();
        (None, Some(text.trim_end_matches('~').to_owned()))
    } else {
        let parts = [
            Some(date.year()),
            date.month().map(i32::from),
            date.day().map(i32::from),
        ]
        .into_iter()
        .flatten()
        .collect();
        (Some(vec![parts]), None)
    };
    DateOut {
        parts,
        raw,
        circa: date.is_circa(),
    }
}

/// A scholar's name as a CSL name that joins back to the same text.
///
/// The reader drops blank parts and joins `given` and `family` with one
/// space, so a split is used only when both parts are words with no white
/// space at their ends; anything else is written `literal`.
fn csl_name(name: &str) -> NameOut {
    let clean = |part: &str| !part.is_empty() && part.trim() == part;
    match name.rsplit_once(' ') {
        Some((given, family)) if clean(given) && clean(family) => NameOut {
            family: Some(family.to_owned()),
            given: Some(given.to_owned()),
            literal: None,
        },
        _ => NameOut {
            family: None,
            given: None,
            literal: Some(name.to_owned()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_and_join() {
        let name = csl_name("Lorenz M. Lüthi");
        assert_eq!(
            (name.given.as_deref(), name.family.as_deref()),
            (Some("Lorenz M."), Some("Lüthi"))
        );
        assert_eq!(csl_name("Plato").literal.as_deref(), Some("Plato"));
        assert_eq!(csl_name("a  b").literal.as_deref(), Some("a  b"));
        assert_eq!(csl_name("a \t").literal.as_deref(), Some("a \t"));
        assert_eq!(csl_name(" a").literal.as_deref(), Some(" a"));
    }

    #[test]
    fn dates_are_parts_or_raw() {
        let json = |text: &str| {
            let date: Date = text.parse().expect("date");
            serde_json::to_string(&date_out(date)).expect("json")
        };
        assert_eq!(json("1958-08"), r#"{"date-parts":[[1958,8]]}"#);
        assert_eq!(json("1921~"), r#"{"date-parts":[[1921]],"circa":true}"#);
        assert_eq!(json("196X"), r#"{"raw":"196X"}"#);
        assert_eq!(json("-00XX~"), r#"{"raw":"-00XX","circa":true}"#);
    }
}
