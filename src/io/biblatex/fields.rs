//! What a BibLaTeX entry's type and fields become: the work kind of each
//! entry type, the work texts of each field, names, dates, and the line of
//! a place in the file.

use biblatex::{ChunksExt, ChunksRef, Person};

use crate::io::bibliography::Name;
use crate::model::{Date, NameParts, Role, Work, WorkKind};

/// Sets one optional text of a work.
pub(super) type Setter = fn(Work, String) -> Work;

/// The work kind of a BibLaTeX entry type (lower case), and whether the
/// type is mapped; an unknown type is `other`, unmapped. BibTeX's types
/// are BibLaTeX's aliases.
pub(super) fn kind_of(entry_type: &str, subtype: Option<&str>) -> (WorkKind, bool) {
    let kind = match entry_type {
        "article" => match subtype {
            Some("magazine") => WorkKind::ArticleMagazine,
            Some("newspaper") => WorkKind::ArticleNewspaper,
            _ => WorkKind::ArticleJournal,
        },
        "book" | "mvbook" | "collection" | "mvcollection" | "proceedings" | "mvproceedings"
        | "booklet" | "reference" | "mvreference" => WorkKind::Book,
        "inbook" | "incollection" | "bookinbook" | "suppbook" | "suppcollection"
        | "inreference" => WorkKind::Chapter,
        "inproceedings" | "conference" => WorkKind::PaperConference,
        "thesis" | "phdthesis" | "mastersthesis" => WorkKind::Thesis,
        "report" | "techreport" => WorkKind::Report,
        "unpublished" => WorkKind::Manuscript,
        "online" | "electronic" | "www" => WorkKind::Webpage,
        "manual" => WorkKind::Document,
        "misc" => WorkKind::Other,
        _ => return (WorkKind::Other, false),
    };
    (kind, true)
}

/// The name lists a work holds, by field.
pub(super) const NAME_FIELDS: [(&str, Role); 3] = [
    ("author", Role::Author),
    ("editor", Role::Editor),
    ("translator", Role::Translator),
];

/// The fields that are a work's texts (besides the title), with the text
/// each sets (named as in the corpus document) and its setter: the first
/// of several fields for one text wins, and the others are unmapped.
pub(super) const TEXT_FIELDS: [(&str, &str, Setter); 12] = [
    (
        "journaltitle",
        "container_title",
        Work::with_container_title,
    ),
    ("journal", "container_title", Work::with_container_title),
    ("booktitle", "container_title", Work::with_container_title),
    ("volume", "volume", Work::with_volume),
    ("number", "issue", Work::with_issue),
    ("pages", "page", Work::with_page),
    ("publisher", "publisher", Work::with_publisher),
    ("institution", "publisher", Work::with_publisher),
    ("school", "publisher", Work::with_publisher),
    ("location", "publisher_place", Work::with_publisher_place),
    ("address", "publisher_place", Work::with_publisher_place),
    ("note", "note", Work::with_note),
];

/// The fields read for the date and the type, besides the names and
/// texts.
pub(super) const OTHER_FIELDS: [&str; 7] = [
    "title",
    "subtitle",
    "date",
    "year",
    "month",
    "day",
    "entrysubtype",
];

/// A field's text: TeX resolved, line breaks made spaces, runs of white
/// space one space, trimmed; a list field (`publisher`, `location`:
/// `A and B`) joined with `; `. Pages are written with a hyphen
/// (`156--179` → `156-179`).
pub(super) fn text(field: &str, chunks: ChunksRef<'_>) -> String {
    let raw = chunks.format_verbatim();
    let raw = match field {
        "publisher" | "location" | "address" | "institution" | "school" => {
            split_and(&raw).join("; ")
        }
        _ => raw,
    };
    let text = squeeze(&raw);
    if field == "pages" {
        text.replace("--", "-").replace('–', "-")
    } else {
        text
    }
}

/// Runs of white space as one space, trimmed.
pub(super) fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A list field split at ` and ` (any case, between words).
fn split_and(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = vec![Vec::new()];
    for word in words {
        if word.eq_ignore_ascii_case("and") {
            out.push(Vec::new());
        } else if let Some(last) = out.last_mut() {
            last.push(word);
        }
    }
    out.into_iter()
        .filter(|w| !w.is_empty())
        .map(|w| w.join(" "))
        .collect()
}

/// A BibLaTeX name: cited as written when it is a family name alone of
/// several words (a name in braces, `{Central Committee of the CCP}`);
/// else its parts, the `von` part a particle kept with the family name.
/// `None` for a name with no family or given part.
pub(super) fn name(person: &Person) -> Option<Name> {
    let [family, given, prefix, suffix] = [
        &person.name,
        &person.given_name,
        &person.prefix,
        &person.suffix,
    ]
    .map(|part| squeeze(part));
    if family.is_empty() {
        return (!given.is_empty()).then_some(Name::Literal(given));
    }
    if given.is_empty() && prefix.is_empty() && suffix.is_empty() && family.contains(' ') {
        return Some(Name::Literal(family));
    }
    let mut parts = NameParts::new(family);
    if !given.is_empty() {
        parts = parts.with_given(given);
    }
    if !prefix.is_empty() {
        parts = parts.with_non_dropping_particle(prefix);
    }
    if !suffix.is_empty() {
        parts = parts.with_suffix(suffix);
    }
    Some(Name::Parts(parts))
}

/// The month of a BibTeX `month` field: a number, or an English name or
/// its first three letters (`aug`, which BibTeX's macro makes `August`).
pub(super) fn month(text: &str) -> Option<u8> {
    if let Ok(n) = text.parse::<u8>() {
        return (1..=12).contains(&n).then_some(n);
    }
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = text.to_lowercase();
    let position = MONTHS
        .iter()
        .position(|m| lower.len() >= 3 && m.starts_with(lower.trim_end_matches('.')))?;
    u8::try_from(position + 1).ok()
}

/// A date as BibLaTeX writes it (ISO 8601 with EDTF's `~` and `X`): the
/// date, and the end of a range (`1958/1960`), which a work has no place
/// for.
pub(super) fn date(text: &str) -> Result<(Date, Option<&str>), String> {
    let (start, end) = match text.split_once('/') {
        Some((start, end)) => (start, Some(end)),
        None => (text, None),
    };
    let date: Date = start.parse().map_err(|e: crate::Error| e.to_string())?;
    Ok((date, end))
}

/// The 1-based line of a byte offset of `text`.
pub(super) fn line_of(text: &str, offset: usize) -> usize {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    bytes[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The 1-based line and column (in characters) of a byte offset of
/// `text`, the offset moved back to a character boundary.
pub(super) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    crate::io::locate::line_column(text, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_lists() {
        assert_eq!(month("August"), Some(8));
        assert_eq!(month("aug"), Some(8));
        assert_eq!(month("8"), Some(8));
        assert_eq!(month("13"), None);
        assert_eq!(month("ma"), None);
        assert_eq!(
            split_and("Stanford University Press and Woodrow Wilson Center Press"),
            ["Stanford University Press", "Woodrow Wilson Center Press"]
        );
        assert_eq!(split_and("and"), Vec::<String>::new());
    }

    #[test]
    fn lines_and_columns() {
        assert_eq!(line_of("a\nb\nc", 4), 3);
        assert_eq!(line_column("é\nüx", 5), (2, 2));
        assert_eq!(line_column("é", 1), (1, 1));
    }
}
