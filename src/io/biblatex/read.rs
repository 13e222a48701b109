//! Reading BibLaTeX and BibTeX: entries into works, their name lists into
//! scholars, and what has no place.

use biblatex::{Bibliography, ChunksExt, Entry, Person, RawBibliography};

use super::fields::{
    NAME_FIELDS, OTHER_FIELDS, TEXT_FIELDS, date, kind_of, line_column, line_of, month, name,
    squeeze, text,
};
use crate::error::{Error, Result};
use crate::graph::Corpus;
use crate::io::bibliography::{Contributors, Merged, People};
use crate::io::foreign::utf8;
use crate::io::{Imported, Unmapped};
use crate::model::{Date, Work, WorkId};

const FORMAT: &str = "biblatex";

fn bib_error(at: impl Into<String>, message: impl Into<String>) -> Error {
    Error::Import {
        format: FORMAT,
        at: at.into(),
        message: message.into(),
    }
}

impl Corpus {
    /// Reads the works of a BibLaTeX or BibTeX file (what Zotero, JabRef
    /// and most reference managers export) into a new corpus, with their
    /// authors, editors and translators as scholars.
    ///
    /// See [`merge_biblatex`](Corpus::merge_biblatex) for the mapping;
    /// what has no place in a corpus is listed in
    /// [`Imported::unmapped`](crate::Imported::unmapped).
    ///
    /// ```
    /// use historiograph::{Corpus, Role, WorkId};
    ///
    /// let bib = r#"@collection{westad1998,
    ///   title = {Brothers in Arms},
    ///   editor = {Westad, Odd Arne},
    ///   date = {1998},
    ///   publisher = {Stanford University Press},
    ///   isbn = {978-0-8047-3498-4},
    /// }"#;
    /// let imported = Corpus::from_biblatex(bib.as_bytes())?;
    /// let corpus = &imported.corpus;
    /// let work: WorkId = corpus.resolve("westad1998")?;
    /// let editors: Vec<&str> = corpus
    ///     .contributors_as(work, Role::Editor)
    ///     .filter_map(|s| corpus.scholar(s))
    ///     .map(|s| s.name())
    ///     .collect();
    /// assert_eq!(editors, ["Odd Arne Westad"]);
    /// assert_eq!(imported.unmapped[0].to_string(),
    ///            "line 6 (`westad1998`.isbn): BibLaTeX field with no place in a work");
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`merge_biblatex`](Corpus::merge_biblatex).
    pub fn from_biblatex(bytes: impl AsRef<[u8]>) -> Result<Imported> {
        let mut corpus = Corpus::new();
        let merged = corpus.merge_biblatex(bytes)?;
        Ok(Imported {
            corpus,
            unmapped: merged.unmapped,
        })
    }

    /// Adds the works of a BibLaTeX or BibTeX file to this corpus and
    /// returns their ids, in the order of the entries, with what had no
    /// place. `@string` abbreviations, the month macros (`aug`) and
    /// `crossref` are resolved as BibLaTeX does (an entry inherits its
    /// parent's fields); TeX accents (`L{\"u}thi`) are read as the letters
    /// they stand for.
    ///
    /// - The citation key is the work's key; the entry type its
    ///   [`WorkKind`](crate::WorkKind): `article` an `article-journal`
    ///   (`article-magazine`, `article-newspaper` with that
    ///   `entrysubtype`), `book`, `collection`, `proceedings` (and their
    ///   `mv` forms), `booklet` and `reference` a `book`; `inbook`,
    ///   `incollection`, `bookinbook` and `inreference` a `chapter`;
    ///   `inproceedings` a `paper-conference`; `thesis`, `phdthesis` and
    ///   `mastersthesis` a `thesis`; `report` and `techreport` a `report`;
    ///   `unpublished` a `manuscript`; `online` a `webpage`; `manual` a
    ///   `document`; `misc` `other`. Any other type is read as `other`
    ///   and listed as unmapped.
    /// - `title` is the title (with `subtitle` after a colon); `date`, or
    ///   BibTeX's `year` with `month` and `day`, the date (the end of a
    ///   range is unmapped); `journaltitle` (BibTeX `journal`) or
    ///   `booktitle` the container title; `volume`, `number` (the issue),
    ///   `pages` (`156--179` is written `156-179`), `publisher` (or the
    ///   `institution` or `school` of a thesis or report), `location`
    ///   (BibTeX `address`) and `note` the fields of those names. A list
    ///   (`publisher = {A and B}`) is joined with `; `.
    /// - Each name in `author`, `editor` and `translator` is a scholar in
    ///   that [`Role`](crate::Role), found or added as
    ///   [`merge_csl_json`](Corpus::merge_csl_json) does: by display name,
    ///   or written in the other order (`Chen, Jian` finds the scholar
    ///   `Chen Jian`), else a new scholar keyed by the family name. A name
    ///   of several words in braces (`{Central Committee of the CCP}`) is
    ///   cited as written; BibTeX's `von` part is a particle kept with the
    ///   family name. BibLaTeX cannot say that a name is written family
    ///   first, so a new scholar `Chen, Jian` is displayed `Jian Chen`.
    /// - Every other field (`doi`, `url`, `isbn`, `abstract`, `keywords`,
    ///   `file`, `crossref`, ...) is unmapped, as are a second field for
    ///   one text (`booktitle` beside `journaltitle`) and `editora`-style
    ///   name lists.
    ///
    /// Unmapped places are `line 12 (`key`.field)`. All or nothing: if the
    /// input is refused, the corpus is unchanged.
    ///
    /// # Errors
    /// [`Error::Utf8`] for input that is not UTF-8; [`Error::Import`] at
    /// `line L, column C` for text the `biblatex` crate cannot parse (an
    /// unclosed brace, an unknown `@string` abbreviation, a citation key
    /// used twice), and at `line L (`key`.field)` for an entry with no
    /// title, a key that is not a valid key or is already a work's key, a
    /// name with no part, or a date that is not one.
    pub fn merge_biblatex(&mut self, bytes: impl AsRef<[u8]>) -> Result<Merged> {
        let text = utf8(bytes.as_ref())?;
        let parse_error = |e: biblatex::ParseError| {
            let (line, column) = line_column(text, e.span.start);
            bib_error(format!("line {line}, column {column}"), e.kind.to_string())
        };
        let raw = RawBibliography::parse(text).map_err(parse_error)?;
        let starts: Vec<(String, usize)> = raw
            .entries
            .iter()
            .map(|e| (e.v.key.v.to_owned(), e.span.start))
            .collect();
        let bibliography = Bibliography::from_raw(raw).map_err(parse_error)?;
        let mut next = self.bulk_copy();
        let mut people = People::of(&next);
        let mut unmapped = Vec::new();
        let mut works = Vec::with_capacity(bibliography.len());
        for entry in bibliography.iter() {
            let start = starts
                .iter()
                .find(|(key, _)| *key == entry.key)
                .map_or(0, |(_, start)| *start);
            let place = Place {
                text,
                key: &entry.key,
                line: line_of(text, start),
            };
            works.push(next.add_bib_entry(&place, entry, &mut people, &mut unmapped)?);
        }
        self.bulk_adopt(next);
        Ok(Merged { works, unmapped })
    }

    fn add_bib_entry(
        &mut self,
        place: &Place<'_>,
        entry: &Entry,
        people: &mut People,
        unmapped: &mut Vec<Unmapped>,
    ) -> Result<WorkId> {
        let at = |field: &str| place.field(entry, field);
        let entry_type = entry.entry_type.to_string().to_lowercase();
        let subtype = entry
            .get("entrysubtype")
            .map(|c| squeeze(&c.format_verbatim()));
        let (kind, mapped) = kind_of(&entry_type, subtype.as_deref());
        if !mapped {
            unmapped.push(Unmapped::new(
                place.entry(),
                format!("BibLaTeX type `{entry_type}` is read as `other`"),
            ));
        }
        let title = entry
            .get("title")
            .map(|c| squeeze(&c.format_verbatim()))
            .filter(|t| !t.is_empty())
            .ok_or_else(|| bib_error(place.entry(), "an entry needs a `title`"))?;
        let title = match entry.get("subtitle").map(|c| squeeze(&c.format_verbatim())) {
            Some(subtitle) if !subtitle.is_empty() => format!("{title}: {subtitle}"),
            _ => title,
        };
        let mut work = Work::new(entry.key.clone(), title).with_kind(kind);
        if let Some(date) = bib_date(place, entry, unmapped)? {
            work = work.with_issued(date);
        }
        let mut set_by: Vec<&str> = Vec::new();
        for (field, slot, set) in TEXT_FIELDS {
            let Some(chunks) = entry.get(field) else {
                continue;
            };
            let value = text(field, chunks);
            if value.is_empty() {
                continue;
            }
            if set_by.contains(&slot) {
                unmapped.push(Unmapped::new(
                    at(field),
                    "a second field for the same text of a work",
                ));
                continue;
            }
            set_by.push(slot);
            work = set(work, value);
        }
        let mut contributors = Contributors::default();
        for (field, role) in NAME_FIELDS {
            let Some(persons) = names(place, entry, field)? else {
                continue;
            };
            for person in persons {
                let name = name(&person)
                    .ok_or_else(|| bib_error(at(field), "a name needs a family or given part"))?;
                let scholar = people
                    .find_or_add(self, &name)
                    .map_err(|message| bib_error(at(field), message))?;
                if !contributors.push(role, scholar) {
                    unmapped.push(Unmapped::new(
                        at(field),
                        format!("{role} named twice in the list is listed once"),
                    ));
                }
            }
        }
        // In the order of the file.
        let mut others: Vec<(usize, &str)> = entry
            .fields
            .iter()
            .filter(|(field, _)| {
                !(NAME_FIELDS.iter().any(|(f, _)| f == field)
                    || TEXT_FIELDS.iter().any(|(f, _, _)| f == field)
                    || OTHER_FIELDS.contains(&field.as_str()))
            })
            .map(|(field, chunks)| (chunks.span().start, field.as_str()))
            .collect();
        others.sort_unstable();
        for (_, field) in others {
            unmapped.push(Unmapped::new(
                at(field),
                "BibLaTeX field with no place in a work",
            ));
        }
        contributors.add_work(self, work).map_err(|e| {
            let field = match e {
                Error::Empty { .. } => at("title"),
                _ => place.entry(),
            };
            bib_error(field, e.to_string())
        })
    }
}

/// Where an entry is: the file, its key and the line it starts on.
struct Place<'a> {
    text: &'a str,
    key: &'a str,
    line: usize,
}

impl Place<'_> {
    /// `line 12 (`key`)`: the entry.
    fn entry(&self) -> String {
        format!("line {} (`{}`)", self.line, self.key)
    }

    /// `line 14 (`key`.title)`: a field, at the line its value starts on
    /// (the entry's line for a field with no place in the file).
    fn field(&self, entry: &Entry, field: &str) -> String {
        let line = entry
            .get(field)
            .and_then(|chunks| chunks.first())
            .filter(|chunk| !chunk.is_detached())
            .map_or(self.line, |chunk| line_of(self.text, chunk.span.start));
        format!("line {line} (`{}`.{field})", self.key)
    }
}

/// The persons of a name list, `None` when the entry has none.
fn names(place: &Place<'_>, entry: &Entry, field: &str) -> Result<Option<Vec<Person>>> {
    if entry.get(field).is_none() {
        return Ok(None);
    }
    entry
        .get_as::<Vec<Person>>(field)
        .map(Some)
        .map_err(|e| bib_error(place.field(entry, field), e.to_string()))
}

/// The date of an entry: `date`, else `year` with `month` and `day`.
fn bib_date(
    place: &Place<'_>,
    entry: &Entry,
    unmapped: &mut Vec<Unmapped>,
) -> Result<Option<Date>> {
    let field = |name: &str| {
        entry
            .get(name)
            .map(|c| squeeze(&c.format_verbatim()))
            .filter(|t| !t.is_empty())
    };
    if let Some(text) = field("date") {
        let (date, end) =
            date(&text).map_err(|message| bib_error(place.field(entry, "date"), message))?;
        if end.is_some() {
            unmapped.push(Unmapped::new(
                place.field(entry, "date"),
                "the end of a date range has no place: a work has one date",
            ));
        }
        for name in ["year", "month", "day"] {
            if entry.get(name).is_some() {
                unmapped.push(Unmapped::new(
                    place.field(entry, name),
                    "`date` gives the date; this field is not read",
                ));
            }
        }
        return Ok(Some(date));
    }
    let Some(year) = field("year") else {
        for name in ["month", "day"] {
            if entry.get(name).is_some() {
                unmapped.push(Unmapped::new(
                    place.field(entry, name),
                    "a month or day with no year has no place",
                ));
            }
        }
        return Ok(None);
    };
    let mut text = year;
    if let Some(m) = field("month") {
        let m = month(&m).ok_or_else(|| {
            bib_error(place.field(entry, "month"), format!("`{m}` is not a month"))
        })?;
        text = format!("{text}-{m:02}");
        if let Some(day) = field("day") {
            text = format!("{text}-{day:0>2}");
        }
    } else if entry.get("day").is_some() {
        unmapped.push(Unmapped::new(
            place.field(entry, "day"),
            "a day with no month has no place",
        ));
    }
    let (date, _) =
        date(&text).map_err(|message| bib_error(place.field(entry, "year"), message))?;
    Ok(Some(date))
}
