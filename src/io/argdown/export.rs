//! Writes a corpus as `.argdown` text (see `argdown.md`).

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::yaml::write_flow;
use crate::graph::Corpus;
use crate::model::{AttackKind, ClaimId};

/// The record sections, in the order they are written: (heading, data key).
const RECORDS: [(&str, &str); 5] = [
    ("Scholars", "scholars"),
    ("Works", "works"),
    ("Events", "events"),
    ("Explanations", "explanations"),
    ("Evidence", "evidence"),
];

impl Corpus {
    /// Writes the corpus as an [Argdown](https://argdown.org) document.
    ///
    /// Every claim is a statement titled by its key, with its text and its
    /// explanation as a tag (`#ideology`). A claim with
    /// [`markup`](crate::Claim::markup) shows it as the statement's text
    /// (`It was *not* ideology`), so the formatting reads back; where
    /// Argdown would not read it back as written, the markup travels in the
    /// metadata instead, as a text Argdown would change does. Its attacks
    /// and supports are Argdown relations (`->`, `+>`). Whatever Argdown
    /// has no syntax for —
    /// scholars, works, events, explanations, evidence, stances, citations,
    /// the kind of an attack — travels as YAML metadata in `{...}` blocks, in
    /// the field names of the corpus document (see the
    /// [`format`](crate::format) page). The conventions are those of
    /// [`from_argdown_json`](Corpus::from_argdown_json), so the JSON that
    /// `argdown json` makes of this text reads back as the same corpus.
    ///
    /// ```
    /// let corpus = historiograph::sino_soviet_split();
    /// let text = corpus.to_argdown();
    /// assert!(text.contains("[luthi-ideology-central]: Ideology was central"));
    /// ```
    pub fn to_argdown(&self) -> String {
        // The corpus document already names everything by key, in id order.
        let document: Value = serde_json::from_str(&self.to_json()).unwrap_or(Value::Null);
        let mut out = String::new();
        let heading = self
            .title()
            .filter(|t| is_plain_text(t))
            .unwrap_or("Historiograph corpus");
        out.push_str("# ");
        out.push_str(heading);
        let mut head = Map::new();
        head.insert("historiograph".to_owned(), Value::from(1));
        if let Some(title) = self.title() {
            head.insert("title".to_owned(), Value::from(title));
        }
        out.push(' ');
        write_flow(&mut out, &Value::Object(head));
        out.push_str("\n\n");
        for (heading, field) in RECORDS {
            let Some(records) = document.get(field).filter(|v| !is_empty(v)) else {
                continue;
            };
            out.push_str("## ");
            out.push_str(heading);
            out.push(' ');
            let mut data = Map::new();
            data.insert(field.to_owned(), records.clone());
            write_flow(&mut out, &Value::Object(data));
            out.push_str("\n\n");
        }
        let titles = self.claim_titles();
        let claims = document
            .get("claims")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        if !claims.is_empty() {
            out.push_str("## Claims\n\n");
        }
        for ((id, title), doc) in titles.iter().zip(claims) {
            self.write_claim(&mut out, *id, title, doc);
        }
        let related: Vec<_> = titles
            .iter()
            .filter(|(id, _)| {
                self.attacks_by(*id).next().is_some() || self.supports_by(*id).next().is_some()
            })
            .collect();
        if !related.is_empty() {
            out.push_str("## Attacks and supports\n\n");
        }
        let by_id: HashMap<ClaimId, &str> =
            titles.iter().map(|(id, t)| (*id, t.as_str())).collect();
        let title_of = |target: ClaimId| by_id.get(&target).copied().unwrap_or_default();
        for (id, title) in related {
            out.push('[');
            out.push_str(title);
            out.push_str("]\n");
            for (target, _) in self.attacks_by(*id) {
                out.push_str("  -> [");
                out.push_str(title_of(target));
                out.push_str("]\n");
            }
            for target in self.supports_by(*id) {
                out.push_str("  +> [");
                out.push_str(title_of(target));
                out.push_str("]\n");
            }
            out.push('\n');
        }
        out
    }

    /// Writes [`to_argdown`](Corpus::to_argdown)'s text to `writer`.
    ///
    /// # Errors
    /// What the writer returns.
    pub fn write_argdown<W: std::io::Write>(&self, mut writer: W) -> std::io::Result<()> {
        writer.write_all(self.to_argdown().as_bytes())
    }

    /// Each claim's Argdown title: its key where Argdown reads it back
    /// unchanged, else `claim-N` for the first free N.
    fn claim_titles(&self) -> Vec<(ClaimId, String)> {
        let used: HashSet<&str> = self
            .entities::<ClaimId>()
            .map(|(_, c)| c.key())
            .filter(|k| is_plain_title(k))
            .collect();
        let mut next = 1usize;
        self.entities::<ClaimId>()
            .map(|(id, claim)| {
                if is_plain_title(claim.key()) {
                    return (id, claim.key().to_owned());
                }
                loop {
                    let title = format!("claim-{next}");
                    next += 1;
                    if !used.contains(title.as_str()) {
                        return (id, title);
                    }
                }
            })
            .collect()
    }

    fn write_claim(&self, out: &mut String, id: ClaimId, title: &str, doc: &Value) {
        let mut data = Map::new();
        let key = doc.get("key").and_then(Value::as_str).unwrap_or_default();
        let text = doc.get("text").and_then(Value::as_str).unwrap_or_default();
        let explanation = doc
            .get("explanation")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if key != title {
            data.insert("key".to_owned(), Value::from(key));
        }
        let tag = is_plain_tag(explanation).then_some(explanation);
        let markup = doc.get("markup").and_then(Value::as_str);
        let shown = match markup {
            Some(markup) if is_plain_text(text) && reads_back(markup, tag, text) => {
                markup.to_owned()
            }
            _ => {
                let shown = if is_plain_text(text) {
                    text.to_owned()
                } else {
                    data.insert("text".to_owned(), Value::from(text));
                    plain_version(text)
                };
                if let Some(markup) = markup {
                    data.insert("markup".to_owned(), Value::from(markup));
                }
                shown
            }
        };
        if tag.is_none() {
            data.insert("explanation".to_owned(), Value::from(explanation));
        }
        if let Some(fields) = doc.as_object() {
            for (field, value) in fields {
                if !matches!(
                    field.as_str(),
                    "key" | "text" | "markup" | "explanation" | "attacks" | "supports"
                ) {
                    data.insert(field.clone(), value.clone());
                }
            }
        }
        for kind in [AttackKind::Undercuts, AttackKind::Undermines] {
            let field = kind.as_str();
            let targets: Vec<Value> = self
                .attacks_by(id)
                .filter(|(_, k)| *k == kind)
                .map(|(target, _)| Value::from(self.name_of(target)))
                .collect();
            if !targets.is_empty() {
                data.insert(field.to_owned(), Value::Array(targets));
            }
        }
        out.push('[');
        out.push_str(title);
        out.push_str("]: ");
        out.push_str(&shown);
        if let Some(tag) = tag {
            out.push_str(" #");
            out.push_str(tag);
        }
        out.push_str("\n  ");
        write_flow(out, &Value::Object(data));
        out.push_str("\n\n");
    }
}

/// Whether `markup`, written as a statement's text (with the explanation's
/// tag after it), reads back as a claim with exactly this plain `text` and
/// this markup, and nothing unmapped: then the statement shows the
/// formatting itself, in the Markdown Argdown reads. Otherwise the markup
/// travels in the metadata. The native reader agrees with the tool.
///
/// Markup with a block comment marker (`/*`, `*/`, `<!--`, `-->`) never
/// shows as the text: alone on its line it reads back, but a comment on a
/// later line would join it (`*A/*` then `/* … */` opens a comment at
/// `/*`), which reading the line alone cannot see. (A `//` comment ends
/// with its line, so reading the line is enough.)
fn reads_back(markup: &str, tag: Option<&str>, text: &str) -> bool {
    if ["/*", "*/", "<!--", "-->"]
        .iter()
        .any(|marker| markup.contains(marker))
    {
        return false;
    }
    let mut line = format!("[claim]: {markup}");
    if let Some(tag) = tag {
        line.push_str(" #");
        line.push_str(tag);
    }
    line.push('\n');
    let Ok(imported) = Corpus::from_argdown(line.as_bytes()) else {
        return false;
    };
    let mut claims = imported.corpus.entities::<ClaimId>().map(|(_, c)| c);
    match (claims.next(), claims.next()) {
        (Some(claim), None) => {
            imported.is_lossless() && claim.text() == text && claim.markup() == Some(markup)
        }
        _ => false,
    }
}

fn is_empty(value: &Value) -> bool {
    value.as_array().is_some_and(Vec::is_empty)
}

/// A title Argdown reads back as written and the importer takes as the key:
/// ASCII letters, digits and `-`, starting with a letter or digit.
fn is_plain_title(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// A tag Argdown reads back as written (`#national-interest`).
fn is_plain_tag(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Punctuation that Argdown keeps as it is in the middle of a statement.
const PLAIN_PUNCTUATION: &str = " ,;'\"?!()%&$+~-/.:";

/// Text that Argdown reports unchanged: letters, digits, single spaces and
/// plain punctuation, no markup. `.` and `:` may not start a run like
/// `.x.` or `:x:` (Argdown's shortcodes), `/` may not start a comment.
pub(super) fn is_plain_text(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let Some((&first, &last)) = chars.first().zip(chars.last()) else {
        return false;
    };
    if !first.is_alphanumeric() || last == ' ' {
        return false;
    }
    chars.iter().enumerate().all(|(i, &c)| {
        let next = chars.get(i + 1).copied();
        if c.is_alphanumeric() {
            return c.is_ascii_alphanumeric() || is_letter_or_digit(c);
        }
        if !PLAIN_PUNCTUATION.contains(c) {
            return false;
        }
        match c {
            ' ' => next != Some(' '),
            '/' => !matches!(next, Some('/' | '*')),
            '.' | ':' => !starts_shortcode(&chars[i..]),
            _ => true,
        }
    })
}

/// Whether a letter or digit outside ASCII lies in the ranges Argdown's own
/// patterns treat as word characters.
fn is_letter_or_digit(c: char) -> bool {
    matches!(c as u32, 0xA0..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF)
}

/// Whether `.x.` or `:x:` starts here: the same mark again before white space.
fn starts_shortcode(rest: &[char]) -> bool {
    let Some((&mark, after)) = rest.split_first() else {
        return false;
    };
    match after.iter().position(|&c| c == mark || c.is_whitespace()) {
        Some(at) => at > 0 && after[at] == mark,
        None => false,
    }
}

/// A version of `text` that Argdown reads as written, for show: the exact
/// text travels in the metadata.
fn plain_version(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = if c.is_alphanumeric() && (c.is_ascii() || is_letter_or_digit(c)) {
            c
        } else {
            ' '
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    let out = out.trim_end().to_owned();
    if out.is_empty() {
        "see data".to_owned()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_excludes_markup() {
        assert!(is_plain_text("Mao's (1958) view; the split: 1956/1966."));
        assert!(is_plain_text("Lüthi é 日本"));
        for text in [
            "a_b", "a*b", "#tag", "a  b", " a", "a ", "U.S.", "a :x: b", "a // b", "a{b}", "[a]",
            "a<b", "a\\b", "",
        ] {
            assert!(!is_plain_text(text), "{text:?}");
        }
    }
}
