//! Reading CSL-JSON: works, their authors as scholars, and what has no
//! place.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::graph::Corpus;
use crate::io::bibliography::{Contributors, Merged, Name, People};
use crate::io::foreign::{parse_json, utf8};
use crate::io::{Imported, Unmapped};
use crate::model::{Date, NameParts, Role, Work, WorkId, WorkKind};

const FORMAT: &str = "csl-json";

fn csl_error(at: impl Into<String>, message: impl Into<String>) -> Error {
    Error::Import {
        format: FORMAT,
        at: at.into(),
        message: message.into(),
    }
}

/// Sets one optional text of a work.
type Setter = fn(Work, String) -> Work;

/// The CSL variables a work holds besides `id`, `type`, `title`, the
/// names and `issued`, with the setter of each.
const TEXT_FIELDS: [(&str, Setter); 9] = [
    ("container-title", Work::with_container_title),
    ("volume", Work::with_volume),
    ("issue", Work::with_issue),
    ("page", Work::with_page),
    ("publisher", Work::with_publisher),
    ("publisher-place", Work::with_publisher_place),
    ("archive", Work::with_archive),
    ("archive_location", Work::with_archive_location),
    ("note", Work::with_note),
];

/// The CSL name variables a work holds: each role's list.
const NAME_FIELDS: [(&str, Role); 3] = [
    ("author", Role::Author),
    ("editor", Role::Editor),
    ("translator", Role::Translator),
];

impl Corpus {
    /// Reads the works of a CSL-JSON bibliography (an array of CSL items)
    /// into a new corpus, with their authors as scholars.
    ///
    /// See [`merge_csl_json`](Corpus::merge_csl_json) for the mapping; what
    /// has no place in a corpus is listed in
    /// [`Imported::unmapped`](crate::Imported::unmapped).
    ///
    /// ```
    /// use historiograph::{Corpus, WorkId};
    ///
    /// let csl = r#"[{"id": "luthi-2008", "type": "book", "title": "The Sino-Soviet Split",
    ///   "author": [{"family": "Lüthi", "given": "Lorenz M."}],
    ///   "issued": {"date-parts": [[2008]]}, "publisher": "Princeton University Press",
    ///   "ISBN": "9780691135908"}]"#;
    /// let imported = Corpus::from_csl_json(csl.as_bytes())?;
    /// let corpus = &imported.corpus;
    /// let work: WorkId = corpus.resolve("luthi-2008")?;
    /// assert_eq!(corpus.work(work).and_then(|w| w.year()), Some(2008));
    /// let author = corpus.authors(work).next().and_then(|s| corpus.scholar(s));
    /// assert_eq!(author.map(|s| (s.key(), s.name())), Some(("luthi", "Lorenz M. Lüthi")));
    /// assert_eq!(imported.unmapped[0].to_string(), "items[0].ISBN: CSL variable with no place in a work");
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`merge_csl_json`](Corpus::merge_csl_json).
    pub fn from_csl_json(bytes: impl AsRef<[u8]>) -> Result<Imported> {
        let mut corpus = Corpus::new();
        let merged = corpus.merge_csl_json(bytes)?;
        Ok(Imported {
            corpus,
            unmapped: merged.unmapped,
        })
    }

    /// Adds the works of a CSL-JSON bibliography to this corpus and returns
    /// their ids, in the order of the items, with what had no place.
    ///
    /// - `id` is the work's key (a number is read as its digits); `type`
    ///   its [`WorkKind`] (a CSL type the crate does not name is read as
    ///   `other`, and listed as unmapped); `title`, `container-title`,
    ///   `volume`, `issue`, `page`, `publisher`, `publisher-place`,
    ///   `archive`, `archive_location` and `note` the fields of the same
    ///   name.
    /// - `issued` is the date: `date-parts` (`[[1958, 8]]`), or an EDTF
    ///   string in `edtf` or `raw`, with `circa`. The end of a range, a
    ///   `season` and a `literal` date are unmapped.
    /// - Each name in `author`, `editor` and `translator` is a scholar in
    ///   that [`Role`]. A `literal` name is cited as written (an
    ///   institution); otherwise `family`, `given`,
    ///   `non-dropping-particle`, `dropping-particle` and `suffix` are its
    ///   [`NameParts`], family first with `static-ordering`, and its
    ///   display name is the parts joined by spaces in their order
    ///   (`Lorenz M. Lüthi`, `Chen Jian`). A name is the first scholar of
    ///   the corpus with that display name, else (with both family and
    ///   given names) the first with the name written in the other order
    ///   (`Chen Jian` for `Jian Chen`); otherwise a new scholar whose key
    ///   is the family name (or the literal name) in lower case, with
    ///   accents of Latin letters dropped and runs of other characters
    ///   turned into `-` (`Lüthi` → `luthi`); if that key is taken, the
    ///   given name is added (`jian-chen`), then `-2`, `-3`, ... A new
    ///   scholar keeps the parts only where the usual reading of the
    ///   display name ([`NameParts::parse`]) differs (`Chen Jian`).
    /// - Every other variable (`DOI`, `URL`, `ISBN`, ...) is unmapped.
    ///
    /// All or nothing: if the input is refused, the corpus is unchanged.
    ///
    /// # Errors
    /// [`Error::Utf8`] and [`Error::Json`] with line and column for input
    /// that is not UTF-8 or not JSON; [`Error::Import`] naming the item and field (`items[3].id`,
    /// `items[0].issued.date-parts`) for a top level that is not an array,
    /// an item with no id or no title, an id that is not a valid key or is
    /// already a work's key, a name with no family, given or literal
    /// part, or a bad date.
    pub fn merge_csl_json(&mut self, bytes: impl AsRef<[u8]>) -> Result<Merged> {
        let text = utf8(bytes.as_ref())?;
        let value: Value = parse_json(text)?;
        let items = value.as_array().ok_or_else(|| {
            csl_error(
                "top level",
                format!("expected an array of CSL items, found {}", kind_of(&value)),
            )
        })?;
        let mut next = self.bulk_copy();
        let mut people = People::of(&next);
        let mut unmapped = Vec::new();
        let mut works = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            works.push(next.add_csl_item(i, item, &mut people, &mut unmapped)?);
        }
        self.bulk_adopt(next);
        Ok(Merged { works, unmapped })
    }

    fn add_csl_item(
        &mut self,
        i: usize,
        item: &Value,
        people: &mut People,
        unmapped: &mut Vec<Unmapped>,
    ) -> Result<WorkId> {
        let at = format!("items[{i}]");
        let fields = item.as_object().ok_or_else(|| {
            csl_error(&at, format!("expected an object, found {}", kind_of(item)))
        })?;
        let field_at = |field: &str| format!("{at}.{field}");
        let key = match fields.get("id") {
            Some(Value::String(id)) => id.clone(),
            Some(Value::Number(id)) => id.to_string(),
            Some(other) => {
                return Err(csl_error(
                    field_at("id"),
                    format!("expected a text or a number, found {}", kind_of(other)),
                ));
            }
            None => return Err(csl_error(field_at("id"), "an item needs an id")),
        };
        let title = match fields.get("title") {
            Some(value) => {
                text(value).ok_or_else(|| csl_error(field_at("title"), "expected a text"))?
            }
            None => return Err(csl_error(field_at("title"), "a work needs a title")),
        };
        let mut work = Work::new(key, title);
        if let Some(kind) = fields.get("type") {
            let name = kind
                .as_str()
                .ok_or_else(|| csl_error(field_at("type"), "expected a text"))?;
            match serde_json::from_value::<WorkKind>(Value::from(name)) {
                Ok(kind) => work = work.with_kind(kind),
                Err(_) => {
                    work = work.with_kind(WorkKind::Other);
                    unmapped.push(Unmapped::new(
                        field_at("type"),
                        format!("CSL type `{name}` is read as `other`"),
                    ));
                }
            }
        }
        if let Some(issued) = fields.get("issued") {
            if let Some(date) = csl_date(&field_at("issued"), issued, unmapped)? {
                work = work.with_issued(date);
            }
        }
        for (field, set) in TEXT_FIELDS {
            if let Some(value) = fields.get(field) {
                let value =
                    text(value).ok_or_else(|| csl_error(field_at(field), "expected a text"))?;
                work = set(work, value);
            }
        }
        let mut contributors = Contributors::default();
        for (field, role) in NAME_FIELDS {
            let Some(names) = fields.get(field) else {
                continue;
            };
            let names = names
                .as_array()
                .ok_or_else(|| csl_error(field_at(field), "expected a list of names"))?;
            for (j, name) in names.iter().enumerate() {
                let here = format!("{at}.{field}[{j}]");
                let name = csl_name(&here, name, unmapped)?;
                let scholar = people
                    .find_or_add(self, &name)
                    .map_err(|message| csl_error(&here, message))?;
                if !contributors.push(role, scholar) {
                    unmapped.push(Unmapped::new(
                        here,
                        format!("{} named twice in the list is listed once", role),
                    ));
                }
            }
        }
        let known: BTreeSet<&str> = ["id", "type", "title", "issued"]
            .into_iter()
            .chain(NAME_FIELDS.iter().map(|(f, _)| *f))
            .chain(TEXT_FIELDS.iter().map(|(f, _)| *f))
            .collect();
        for field in fields.keys().filter(|f| !known.contains(f.as_str())) {
            unmapped.push(Unmapped::new(
                field_at(field),
                "CSL variable with no place in a work",
            ));
        }
        contributors.add_work(self, work).map_err(|e| {
            let field = match e {
                Error::Empty { .. } => "title",
                _ => "id",
            };
            csl_error(field_at(field), e.to_string())
        })
    }
}

/// A CSL name: `literal`, else its parts.
fn csl_name(at: &str, name: &Value, unmapped: &mut Vec<Unmapped>) -> Result<Name> {
    let parts = name
        .as_object()
        .ok_or_else(|| csl_error(at, "expected a name object"))?;
    let part = |field: &str| -> Result<Option<String>> {
        parts
            .get(field)
            .map(|v| text(v).ok_or_else(|| csl_error(format!("{at}.{field}"), "expected a text")))
            .transpose()
            .map(|v| v.filter(|s| !s.trim().is_empty()))
    };
    let known = [
        "literal",
        "family",
        "given",
        "dropping-particle",
        "non-dropping-particle",
        "suffix",
        "static-ordering",
    ];
    for field in parts.keys().filter(|f| !known.contains(&f.as_str())) {
        unmapped.push(Unmapped::new(
            format!("{at}.{field}"),
            "name part with no place in a scholar",
        ));
    }
    if let Some(literal) = part("literal")? {
        return Ok(Name::Literal(literal));
    }
    let (family, given) = match (part("family")?, part("given")?) {
        (Some(family), given) => (family, given),
        // A given name alone (`Plato`) is cited as written.
        (None, Some(given)) => return Ok(Name::Literal(given)),
        (None, None) => {
            return Err(csl_error(at, "a name needs `family`, `given` or `literal`"));
        }
    };
    let mut out = NameParts::new(family);
    for (value, set) in [
        (
            given,
            NameParts::with_given as fn(NameParts, String) -> NameParts,
        ),
        (
            part("non-dropping-particle")?,
            NameParts::with_non_dropping_particle,
        ),
        (
            part("dropping-particle")?,
            NameParts::with_dropping_particle,
        ),
        (part("suffix")?, NameParts::with_suffix),
    ] {
        if let Some(value) = value {
            out = set(out, value);
        }
    }
    if truthy(
        &format!("{at}.static-ordering"),
        parts.get("static-ordering"),
    )? {
        out = out.with_family_first();
    }
    Ok(Name::Parts(out))
}

/// A CSL flag: `true`, `1`, `"true"`; absent, `false`, `0`, `""`, `"0"`,
/// `"false"` and null are false.
fn truthy(at: &str, value: Option<&Value>) -> Result<bool> {
    match value {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(Value::Number(n)) => Ok(n.as_f64() != Some(0.0)),
        Some(Value::String(s)) => Ok(!s.is_empty() && s != "0" && s != "false"),
        Some(_) => Err(csl_error(at, "expected true or false")),
    }
}

/// A CSL date: `date-parts`, else `edtf` or `raw` as EDTF.
fn csl_date(at: &str, value: &Value, unmapped: &mut Vec<Unmapped>) -> Result<Option<Date>> {
    let fields = value
        .as_object()
        .ok_or_else(|| csl_error(at, "expected a date object"))?;
    let circa = truthy(&format!("{at}.circa"), fields.get("circa"))?;
    let mut date = None;
    if let Some(parts) = fields.get("date-parts") {
        let here = format!("{at}.date-parts");
        let ranges = parts
            .as_array()
            .ok_or_else(|| csl_error(&here, "expected a list of dates"))?;
        if let Some(first) = ranges.first() {
            date = Some(date_parts(&format!("{here}[0]"), first)?);
        }
        if ranges.len() > 1 {
            unmapped.push(Unmapped::new(
                format!("{here}[1]"),
                "the end of a date range has no place: a work has one date",
            ));
        }
    }
    for field in ["edtf", "raw"] {
        let Some(value) = fields.get(field) else {
            continue;
        };
        let here = format!("{at}.{field}");
        let text = text(value).ok_or_else(|| csl_error(&here, "expected a text"))?;
        match text.parse::<Date>() {
            Ok(parsed) if date.is_none() => date = Some(parsed),
            Ok(_) => unmapped.push(Unmapped::new(here, "a second form of the date")),
            Err(e) => return Err(csl_error(here, e.to_string())),
        }
    }
    for field in fields.keys() {
        if !["date-parts", "edtf", "raw", "circa"].contains(&field.as_str()) {
            unmapped.push(Unmapped::new(
                format!("{at}.{field}"),
                "date variable with no place in a work",
            ));
        }
    }
    Ok(date.map(|d| if circa { d.approximate() } else { d }))
}

/// `[year, month?, day?]`, numbers or numeric texts.
fn date_parts(at: &str, value: &Value) -> Result<Date> {
    let parts = value
        .as_array()
        .ok_or_else(|| csl_error(at, "expected [year, month, day]"))?;
    let numbers = parts
        .iter()
        .map(|p| match p {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse::<i64>().ok(),
            _ => None,
        })
        .collect::<Option<Vec<i64>>>()
        .ok_or_else(|| csl_error(at, "date parts must be whole numbers"))?;
    let bad = |e: Error| csl_error(at, e.to_string());
    let year = |y: i64| {
        i32::try_from(y)
            .ok()
            .filter(|y| (-9999..=9999).contains(y))
            .ok_or_else(|| csl_error(at, format!("year {y} is out of range")))
    };
    let small =
        |n: i64| u8::try_from(n).map_err(|_| csl_error(at, format!("{n} is not a month or day")));
    match numbers.as_slice() {
        [y] => Ok(Date::from_year(year(*y)?)),
        [y, m] => Date::from_year_month(year(*y)?, small(*m)?).map_err(bad),
        [y, m, d] => Date::from_ymd(year(*y)?, small(*m)?, small(*d)?).map_err(bad),
        _ => Err(csl_error(
            at,
            "expected [year], [year, month] or [year, month, day]",
        )),
    }
}

/// A text, or a number as its digits (CSL allows both for most variables).
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
