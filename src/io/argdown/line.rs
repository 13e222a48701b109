//! What one line of `.argdown` says: its kind, and the title, text, tags
//! and data of an element on it, for the native reader.

use serde_json::Value;

use super::flow::parse_flow;
use super::json::RangeJson;
use crate::error::{Error, Result};

pub(super) const FORMAT: &str = "argdown";

pub(super) fn syntax(line: usize, message: impl Into<String>) -> Error {
    Error::Syntax {
        format: FORMAT,
        line,
        message: message.into(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Statement,
    Argument,
}

/// What follows a title on a line: its text (tags kept, escapes resolved),
/// the tags' ranges, the tags and the data.
#[derive(Debug, Default)]
pub(super) struct Rest {
    pub(super) text: String,
    pub(super) ranges: Vec<RangeJson>,
    pub(super) tags: Vec<String>,
    pub(super) data: Option<Value>,
}

/// An element whose line has been read and whose indented lines may follow.
pub(super) struct Open {
    pub(super) indent: usize,
    pub(super) kind: Kind,
    /// `None` for an untitled statement until it is given `Untitled N`.
    pub(super) title: Option<String>,
    pub(super) rest: Rest,
    /// The relation to the element below it on the stack, if any.
    pub(super) relation: Option<&'static str>,
    /// Whether a relation below it has been met (its entry exists then).
    pub(super) has_relations: bool,
    /// The step of a premise–conclusion structure this line is.
    pub(super) step: bool,
}

/// Skips a front matter block (`===` to `===`): settings of the tool.
pub(super) fn skip_front_matter(lines: &[&str]) -> Result<usize> {
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let Some(first) = first.filter(|&at| lines[at].trim().starts_with("===")) else {
        return Ok(0);
    };
    match lines
        .iter()
        .enumerate()
        .skip(first + 1)
        .find(|(_, l)| l.trim().starts_with("==="))
    {
        Some((end, _)) => Ok(end + 1),
        None => Err(syntax(first + 1, "front matter `===` is never closed")),
    }
}

pub(super) fn is_heading(t: &str) -> bool {
    let rest = t.trim_start_matches('#');
    rest.len() < t.len() && rest.starts_with([' ', '\t'])
}

/// `(3) content` → `content`.
pub(super) fn pcs_step(t: &str) -> Option<&str> {
    let inner = t.strip_prefix('(')?;
    let close = inner.find(')')?;
    let number = &inner[..close];
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
        .then(|| inner[close + 1..].trim())
}

/// `-> content` → (`->`, `content`).
pub(super) fn relation(t: &str) -> Option<(&'static str, &str)> {
    for op in ["+>", "->", "<+", "<-", "<_", "_>", "><", "+", "-"] {
        if let Some(rest) = t.strip_prefix(op) {
            if rest.starts_with([' ', '\t']) {
                return Some((op, rest.trim()));
            }
        }
    }
    None
}

/// Reads `[T]: text`, `[T]`, `<T>: text`, `<T>` or plain text (an untitled
/// statement) with its tags and data.
pub(super) fn element(line: usize, t: &str) -> Result<Open> {
    let (kind, after_title, title) = match t.chars().next() {
        Some(open @ ('[' | '<')) => {
            let close = if open == '[' { ']' } else { '>' };
            let Some(end) = t.find(close) else {
                return Err(syntax(line, format!("unclosed title in `{t}`")));
            };
            let title = t[1..end].trim();
            if title.is_empty() {
                return Err(syntax(line, "an empty title"));
            }
            let after = &t[end + 1..];
            let kind = if open == '[' {
                Kind::Statement
            } else {
                Kind::Argument
            };
            (
                kind,
                after.strip_prefix(':').unwrap_or(after),
                Some(title.to_owned()),
            )
        }
        _ => (Kind::Statement, t, None),
    };
    Ok(Open {
        indent: 0,
        kind,
        title,
        rest: rest(line, after_title)?,
        relation: None,
        has_relations: false,
        step: false,
    })
}

/// Splits what follows a title into text (escapes resolved, tags kept with
/// their ranges, trimmed), tags and data (from the first `{` to the end).
pub(super) fn rest(line: usize, text: &str) -> Result<Rest> {
    let (body, data) = match text.find('{') {
        Some(at) => (
            &text[..at],
            Some(parse_flow(text[at..].trim()).map_err(|m| syntax(line, m))?),
        ),
        None => (text, None),
    };
    let chars: Vec<char> = body.trim().chars().collect();
    let mut out = String::new();
    let mut units = 0usize;
    let mut ranges = Vec::new();
    let mut tags = Vec::new();
    let mut at = 0;
    let push = |out: &mut String, units: &mut usize, piece: &str| {
        out.push_str(piece);
        *units += piece.encode_utf16().count();
    };
    while let Some(&c) = chars.get(at) {
        at += 1;
        match c {
            '\\' => {
                if let Some(&next) = chars.get(at) {
                    push(&mut out, &mut units, &next.to_string());
                    at += 1;
                }
            }
            '#' => {
                let (tag, len) = if chars.get(at) == Some(&'(') {
                    match chars[at..].iter().position(|&c| c == ')') {
                        Some(close) => (
                            chars[at + 1..at + close].iter().collect::<String>(),
                            close + 1,
                        ),
                        None => (String::new(), 0),
                    }
                } else {
                    let len = chars[at..].iter().take_while(|&&c| is_tag_char(c)).count();
                    (chars[at..at + len].iter().collect(), len)
                };
                let written: String = chars[at - 1..at + len].iter().collect();
                if len > 0 && !tag.trim().is_empty() {
                    let start = units;
                    push(&mut out, &mut units, &written);
                    ranges.push(RangeJson {
                        kind: "tag".to_owned(),
                        start: Some(start),
                        stop: Some(units.saturating_sub(1)),
                    });
                    tags.push(tag.trim().to_owned());
                } else {
                    push(&mut out, &mut units, &written);
                }
                at += len;
            }
            c => push(&mut out, &mut units, &c.to_string()),
        }
    }
    Ok(Rest {
        text: out,
        ranges,
        tags,
        data,
    })
}

/// The text of a heading or inference without its tags.
pub(super) fn without_ranges(rest: &Rest) -> String {
    let units: Vec<u16> = rest.text.encode_utf16().collect();
    let mut out = Vec::new();
    let mut at = 0;
    for range in &rest.ranges {
        let (Some(start), Some(stop)) = (range.start, range.stop) else {
            continue;
        };
        out.extend_from_slice(units.get(at..start).unwrap_or_default());
        at = stop + 1;
    }
    out.extend_from_slice(units.get(at..).unwrap_or_default());
    String::from_utf16_lossy(&out).trim().to_owned()
}

/// The characters of a tag without brackets, as in Argdown's lexer.
fn is_tag_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '-' | '_' | '[' | '\\' | ']' | '^' | '`')
        || matches!(c as u32, 0xA0..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF)
}
