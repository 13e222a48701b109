//! Writing a corpus's works as CSL-JSON.

use serde::Serialize;

use crate::graph::Corpus;
use crate::model::{Date, Precision, Role, Scholar, WorkId, WorkKind};

/// A CSL name: its parts for a person, `literal` for an institution or a
/// name cited as written.
#[derive(Serialize, Default)]
struct NameOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    family: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    given: Option<String>,
    #[serde(
        rename = "non-dropping-particle",
        skip_serializing_if = "Option::is_none"
    )]
    non_dropping_particle: Option<String>,
    #[serde(rename = "dropping-particle", skip_serializing_if = "Option::is_none")]
    dropping_particle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suffix: Option<String>,
    #[serde(rename = "static-ordering", skip_serializing_if = "std::ops::Not::not")]
    static_ordering: bool,
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    editor: Vec<NameOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    translator: Vec<NameOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<DateOut>,
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    container_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    volume: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<&'a str>,
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
    /// Each work's key is its `id`; its authors, editors and translators
    /// are the name lists `author`, `editor` and `translator`. A name is
    /// written in the parts styles print ([`Scholar::to_name_parts`]):
    /// `family`, `given`, `non-dropping-particle`, `dropping-particle`,
    /// `suffix`, and `static-ordering` for a family-first name (`Chen
    /// Jian`: family `Chen`, given `Jian`); the explicit parts where the
    /// scholar has them, else the usual reading of the name (`Lorenz M.
    /// Lüthi` → given `Lorenz M.`, family `Lüthi`; `Jan van der Berg` →
    /// `van der` a non-dropping particle). A name cited as written (an
    /// institution), or one the usual reading cannot divide, is
    /// `literal`. [`merge_csl_json`](Corpus::merge_csl_json) joins the
    /// parts again and finds the scholar by that name. `volume`, `issue`
    /// and `page` are the work's fields of those names. The date is `date-parts` with
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
                author: self.csl_names(id, Role::Author),
                editor: self.csl_names(id, Role::Editor),
                translator: self.csl_names(id, Role::Translator),
                issued: work.issued().map(date_out),
                container_title: work.container_title(),
                volume: work.volume(),
                issue: work.issue(),
                page: work.page(),
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

    /// A work's scholars in one role as CSL names.
    fn csl_names(&self, work: WorkId, role: Role) -> Vec<NameOut> {
        self.contributors_as(work, role)
            .filter_map(|s| self.scholar(s))
            .map(csl_name)
            .collect()
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

/// A scholar's name as a CSL name: its parts, or `literal`.
fn csl_name(scholar: &Scholar) -> NameOut {
    let text = |part: Option<&str>| part.map(str::to_owned);
    match scholar.to_name_parts() {
        Some(parts) => NameOut {
            family: Some(parts.family().to_owned()),
            given: text(parts.given()),
            non_dropping_particle: text(parts.non_dropping_particle()),
            dropping_particle: text(parts.dropping_particle()),
            suffix: text(parts.suffix()),
            static_ordering: parts.is_family_first(),
            literal: None,
        },
        None => NameOut {
            literal: Some(scholar.name().to_owned()),
            ..NameOut::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_written_in_parts() {
        let json = |scholar: Scholar| serde_json::to_string(&csl_name(&scholar)).expect("json");
        assert_eq!(
            json(Scholar::new("l", "Lorenz M. Lüthi")),
            r#"{"family":"Lüthi","given":"Lorenz M."}"#
        );
        assert_eq!(
            json(Scholar::new("b", "Jan van der Berg")),
            r#"{"family":"Berg","given":"Jan","non-dropping-particle":"van der"}"#
        );
        assert_eq!(json(Scholar::new("p", "Plato")), r#"{"family":"Plato"}"#);
        assert_eq!(json(Scholar::new("a", "a  b")), r#"{"literal":"a  b"}"#);
        assert_eq!(json(Scholar::new("a", "a \t")), r#"{"literal":"a \t"}"#);
        assert_eq!(
            json(Scholar::new("c", "Central Committee of the CCP").with_literal_name()),
            r#"{"literal":"Central Committee of the CCP"}"#
        );
        let chen = Scholar::new("chen-jian", "Chen Jian").with_parts(
            crate::model::NameParts::new("Chen")
                .with_given("Jian")
                .with_family_first(),
        );
        assert_eq!(
            json(chen),
            r#"{"family":"Chen","given":"Jian","static-ordering":true}"#
        );
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
