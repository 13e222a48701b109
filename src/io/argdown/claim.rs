//! Claims from Argdown statements and arguments: drafts, the data
//! conventions, defaults, and one claim of the corpus document.

use std::collections::HashSet;

use serde_json::{Map, Value, json};

use super::json::MemberJson;
use super::markup::marked_up;
use crate::error::{Error, Result};
use crate::io::Unmapped;
use crate::model::AttackKind;

pub(super) const FORMAT: &str = "argdown-json";

/// The record lists a section's data may hold, as in the corpus document.
pub(super) const RECORDS: [&str; 5] = ["scholars", "works", "events", "explanations", "evidence"];

/// The default explanation and event of a claim that names none.
pub(super) const UNSPECIFIED: &str = "unspecified";

pub(super) fn import_error(at: impl Into<String>, message: impl Into<String>) -> Error {
    Error::Import {
        format: FORMAT,
        at: at.into(),
        message: message.into(),
    }
}

/// A claim in the making: a statement, or an argument without premises.
pub(super) struct Draft {
    /// `statement `T`` or `argument `T``: where errors point.
    pub origin: String,
    pub key: String,
    pub text: String,
    /// The text with its inline formatting, as Markdown, where it has any.
    pub markup: Option<String>,
    pub tags: Vec<String>,
    pub data: Map<String, Value>,
}

/// A claim's attacks (target draft, kind) and supports (target drafts).
pub(super) type Outgoing<'a> = (&'a [(usize, AttackKind)], &'a [usize]);

/// A scholar, event or explanation a claim names: (list, key, name, where).
pub(super) type Named = (&'static str, String, String, String);

fn note(unmapped: &mut Vec<Unmapped>, at: impl Into<String>, reason: impl Into<String>) {
    unmapped.push(Unmapped::new(at, reason));
}

/// One claim of the corpus document, from a draft and its relations.
pub(super) fn claim_document(
    index: usize,
    drafts: &[Draft],
    outgoing: Outgoing<'_>,
    named: &mut Vec<Named>,
    unmapped: &mut Vec<Unmapped>,
) -> Result<Value> {
    let (attacks_out, supports_out) = outgoing;
    let Some(draft) = drafts.get(index) else {
        return Ok(Value::Null);
    };
    let data = &draft.data;
    let mut claim = Map::new();
    claim.insert("key".to_owned(), Value::from(draft.key.clone()));
    claim.insert("text".to_owned(), Value::from(draft.text.clone()));
    if let Some(markup) = &draft.markup {
        claim.insert("markup".to_owned(), Value::from(markup.clone()));
    }
    let explanation = explanation(draft, named, unmapped)?;
    claim.insert("explanation".to_owned(), Value::from(explanation));
    let events = events(draft, named)?;
    claim.insert("events".to_owned(), json!(events));
    let (stances, year) = stances(draft, named, unmapped)?;
    if !stances.is_empty() {
        claim.insert("stances".to_owned(), Value::Array(stances));
    }
    if let Some(year) = year {
        claim.insert("year".to_owned(), year);
    }
    if let Some(date) = data.get("date") {
        claim.insert("date".to_owned(), date_field(date));
    }
    let cites = cites(draft)?;
    if !cites.is_empty() {
        claim.insert("cites".to_owned(), Value::Array(cites));
    }
    if let Some(polarity) = data.get("polarity") {
        claim.insert("polarity".to_owned(), polarity.clone());
    }
    for field in data.keys().filter(|f| !CLAIM_FIELDS.contains(&f.as_str())) {
        note(
            unmapped,
            &draft.origin,
            format!("data field `{field}` has no place in a claim"),
        );
    }
    let attacks = attacks(draft, drafts, attacks_out, unmapped)?;
    if !attacks.is_empty() {
        claim.insert("attacks".to_owned(), Value::Array(attacks));
    }
    let supports: Vec<Value> = supports_out
        .iter()
        .map(|&to| Value::from(draft_key(drafts, to)))
        .collect();
    if !supports.is_empty() {
        claim.insert("supports".to_owned(), Value::Array(supports));
    }
    Ok(Value::Object(claim))
}

/// The data fields a claim reads; others are listed as unmapped.
const CLAIM_FIELDS: [&str; 18] = [
    "key",
    "text",
    "markup",
    "explanation",
    "event",
    "events",
    "stances",
    "scholar",
    "scholars",
    "year",
    "date",
    "work",
    "cites",
    "evidence",
    "note",
    "polarity",
    "undercuts",
    "undermines",
];

/// The key of the draft at `index`, empty if there is none.
fn draft_key(drafts: &[Draft], index: usize) -> &str {
    drafts.get(index).map_or("", |d| d.key.as_str())
}

/// The key of the claim's explanation: from the data's `explanation`, else
/// its first tag, else the unspecified explanation. Tags it does not use
/// are listed as unmapped.
fn explanation(
    draft: &Draft,
    named: &mut Vec<Named>,
    unmapped: &mut Vec<Unmapped>,
) -> Result<String> {
    let at = &draft.origin;
    Ok(match draft.data.get("explanation") {
        Some(value) => {
            let key = text_field(at, "explanation", value)?;
            for tag in &draft.tags {
                note(
                    unmapped,
                    at,
                    format!("tag `{tag}`: the data names the explanation"),
                );
            }
            named.push(("explanations", key.clone(), key.clone(), at.clone()));
            key
        }
        None => match draft.tags.split_first() {
            Some((first, rest)) => {
                for tag in rest {
                    note(
                        unmapped,
                        at,
                        format!("tag `{tag}`: a claim invokes one explanation, `{first}`"),
                    );
                }
                let key = tag_key(first);
                named.push(("explanations", key.clone(), first.clone(), at.clone()));
                key
            }
            None => {
                let name = "Unspecified explanation".to_owned();
                named.push(("explanations", UNSPECIFIED.to_owned(), name, at.clone()));
                UNSPECIFIED.to_owned()
            }
        },
    })
}

/// The keys of the claim's events, from the data's `event` and `events`;
/// the unspecified event when there are none.
fn events(draft: &Draft, named: &mut Vec<Named>) -> Result<Vec<String>> {
    let at = &draft.origin;
    let mut events = Vec::new();
    for field in ["event", "events"] {
        if let Some(value) = draft.data.get(field) {
            events.extend(text_list(at, field, value)?);
        }
    }
    if events.is_empty() {
        named.push((
            "events",
            UNSPECIFIED.to_owned(),
            "Unspecified event".to_owned(),
            at.clone(),
        ));
        events.push(UNSPECIFIED.to_owned());
    }
    for event in &events {
        named.push(("events", event.clone(), event.clone(), at.clone()));
    }
    Ok(events)
}

/// The claim's stances: the data's `stances`, then one `advances` per
/// scholar of the shorthand `scholar`/`scholars` (with the data's `work`
/// and `year`); and the claim's own `year`, which the data's `year` is
/// unless the shorthand took it.
fn stances(
    draft: &Draft,
    named: &mut Vec<Named>,
    unmapped: &mut Vec<Unmapped>,
) -> Result<(Vec<Value>, Option<Value>)> {
    let at = &draft.origin;
    let data = &draft.data;
    let mut stances = match data.get("stances") {
        Some(Value::Array(items)) => items.clone(),
        Some(_) => {
            return Err(import_error(
                format!("{at} data.stances"),
                "expected a list",
            ));
        }
        None => Vec::new(),
    };
    let mut shorthand = Vec::new();
    for field in ["scholar", "scholars"] {
        if let Some(value) = data.get(field) {
            shorthand.extend(text_list(at, field, value)?);
        }
    }
    let year = data.get("year").cloned();
    let work = data
        .get("work")
        .map(|w| text_field(at, "work", w))
        .transpose()?;
    for scholar in shorthand.iter() {
        let mut stance = json!({"scholar": scholar, "stance": "advances"});
        if let (Some(work), Some(fields)) = (&work, stance.as_object_mut()) {
            fields.insert("work".to_owned(), Value::from(work.clone()));
        }
        if let (Some(year), Some(fields)) = (&year, stance.as_object_mut()) {
            fields.insert("year".to_owned(), year.clone());
        }
        stances.push(stance);
    }
    if work.is_some() && shorthand.is_empty() {
        note(
            unmapped,
            at,
            "data field `work` applies only with `scholar`",
        );
    }
    for stance in &stances {
        if let Some(scholar) = stance.get("scholar").and_then(Value::as_str) {
            named.push((
                "scholars",
                scholar.to_owned(),
                scholar.to_owned(),
                at.clone(),
            ));
        }
    }
    let year = year.filter(|_| shorthand.is_empty());
    Ok((stances, year))
}

/// The claim's citations: the data's `cites`, then one per key of
/// `evidence` and `note`.
fn cites(draft: &Draft) -> Result<Vec<Value>> {
    let at = &draft.origin;
    let mut cites = match draft.data.get("cites") {
        Some(Value::Array(items)) => items.clone(),
        Some(_) => return Err(import_error(format!("{at} data.cites"), "expected a list")),
        None => Vec::new(),
    };
    for field in ["evidence", "note"] {
        if let Some(value) = draft.data.get(field) {
            for key in text_list(at, field, value)? {
                cites.push(json!({"evidence": key}));
            }
        }
    }
    Ok(cites)
}

/// The claim's attacks as the map draws them; the `undercuts` and
/// `undermines` of the data that name no attack of the map are listed as
/// unmapped.
fn attacks(
    draft: &Draft,
    drafts: &[Draft],
    attacks_out: &[(usize, AttackKind)],
    unmapped: &mut Vec<Unmapped>,
) -> Result<Vec<Value>> {
    let attacks = attacks_out
        .iter()
        .map(|&(to, kind)| json!({"claim": draft_key(drafts, to), "kind": kind}))
        .collect();
    // Kinds listed for attacks the map does not draw.
    for kind in [AttackKind::Undercuts, AttackKind::Undermines] {
        let field = kind.as_str();
        let Some(value) = draft.data.get(field) else {
            continue;
        };
        for target in text_list(&draft.origin, field, value)? {
            let drawn = attacks_out
                .iter()
                .any(|&(to, k)| k == kind && draft_key(drafts, to) == target);
            if !drawn {
                note(
                    unmapped,
                    &draft.origin,
                    format!("`{field}: {target}` names no attack of the map"),
                );
            }
        }
    }
    Ok(attacks)
}

/// A draft from a statement's or an argument's members, tags and data.
pub(super) fn draft(
    origin: String,
    title: &str,
    members: &[MemberJson],
    tags: &[String],
    data: Option<&Value>,
    unmapped: &mut Vec<Unmapped>,
) -> Result<Draft> {
    let data = match data {
        None => Map::new(),
        Some(Value::Object(fields)) => fields.clone(),
        Some(_) => {
            unmapped.push(Unmapped::new(
                &origin,
                "data that is not a mapping has no place",
            ));
            Map::new()
        }
    };
    let key = match data.get("key") {
        Some(value) => text_field(&origin, "key", value)?,
        None => tag_key(title),
    };
    let (text, markup) = match data.get("text") {
        Some(value) => (text_field(&origin, "text", value)?, None),
        None => {
            let markup = canonical_member(members)
                .and_then(|m| marked_up(m.text.as_deref().unwrap_or_default(), m));
            let text = canonical_text(members).unwrap_or_else(|| title.to_owned());
            (text, markup)
        }
    };
    let markup = match data.get("markup") {
        Some(value) => Some(text_field(&origin, "markup", value)?),
        None => markup,
    };
    let mut seen = HashSet::new();
    let tags = tags
        .iter()
        .filter(|t| seen.insert(t.as_str()))
        .cloned()
        .collect();
    Ok(Draft {
        origin,
        key,
        text,
        markup,
        tags,
        data,
    })
}

/// A claim's `date` for the corpus document: a text as it is (the
/// document's reader checks it), and a bare integer, which YAML makes of an
/// unquoted year (`date: 1958`), as that year in EDTF.
fn date_field(value: &Value) -> Value {
    match value.as_i64() {
        Some(year) if year < 0 => Value::from(format!("-{:04}", year.unsigned_abs())),
        Some(year) => Value::from(format!("{year:04}")),
        None => value.clone(),
    }
}

pub(super) fn wrong_type(at: &str, expected: &str, found: &str) -> Error {
    import_error(
        format!("{at}.type"),
        format!("expected `{expected}`, found `{found}`: not the JSON export of Argdown 1.x"),
    )
}

/// A key from a title or tag: white space becomes `-`.
pub(super) fn tag_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join("-")
}

pub(super) fn text_field(at: &str, field: &str, value: &Value) -> Result<String> {
    value
        .as_str()
        .map(ToOwned::to_owned)
        .ok_or_else(|| import_error(format!("{at} data.{field}"), "expected text"))
}

/// A text or a list of texts.
pub(super) fn text_list(at: &str, field: &str, value: &Value) -> Result<Vec<String>> {
    match value {
        Value::String(text) => Ok(vec![text.clone()]),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| text_field(at, &format!("{field}[{i}]"), item))
            .collect(),
        _ => Err(import_error(
            format!("{at} data.{field}"),
            "expected a text or a list of texts",
        )),
    }
}

/// The text of the last member that has one, without its tags.
pub(super) fn canonical_text(members: &[MemberJson]) -> Option<String> {
    let member = canonical_member(members)?;
    Some(without_tags(member.text.as_deref()?, member))
}

/// The last member that has a text besides its tags.
fn canonical_member(members: &[MemberJson]) -> Option<&MemberJson> {
    members.iter().rev().find(|m| {
        m.text
            .as_deref()
            .is_some_and(|t| !without_tags(t, m).is_empty())
    })
}

/// The text with its tag ranges (UTF-16 offsets, end included) cut out.
pub(super) fn without_tags(text: &str, member: &MemberJson) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut cuts: Vec<(usize, usize)> = member
        .ranges
        .iter()
        .filter(|r| r.kind == "tag")
        .filter_map(|r| Some((r.start?, r.stop?.saturating_add(1).min(units.len()))))
        .filter(|(start, stop)| start < stop)
        .collect();
    cuts.sort_unstable();
    let mut out = String::new();
    let mut at = 0;
    for (start, stop) in cuts.into_iter().chain([(units.len(), units.len())]) {
        if start >= at {
            let piece = String::from_utf16_lossy(units.get(at..start).unwrap_or_default());
            if out.ends_with(char::is_whitespace) {
                out.push_str(piece.trim_start());
            } else {
                out.push_str(&piece);
            }
        }
        at = at.max(stop);
    }
    out.trim().to_owned()
}
