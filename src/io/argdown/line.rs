//! What one line of `.argdown` says: its kind, and the title, text, tags
//! and data of an element on it, for the native reader.

use super::scan::{Logical, link_end};
use super::text::{Mode, Rest, rest};
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

/// The front matter block (`===` to `===`, one logical line) if the text
/// starts with one: settings of the tool. Returns the index of the first
/// logical line after it, and whether it sets `mode: strict`.
pub(super) fn front_matter(lines: &[Logical]) -> Result<(usize, bool)> {
    let first = lines.iter().position(|l| !l.text.trim().is_empty());
    let Some(first) = first.filter(|&at| lines[at].text.trim_start().starts_with("===")) else {
        return Ok((0, false));
    };
    let logical = &lines[first];
    let body = logical.text.trim().trim_start_matches('=');
    if !body.contains("===") {
        return Err(syntax(logical.number, "front matter `===` is never closed"));
    }
    let strict = body
        .lines()
        .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["mode:", "strict"]);
    Ok((first + 1, strict))
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
    // A link (`[text](url)`) is text: the lexer tries it before a title.
    let chars: Vec<char> = t.chars().collect();
    let link = t.starts_with('[') && link_end(&chars, 0).is_some();
    let (kind, after_title, title) = match t.chars().next() {
        Some(open @ ('[' | '<')) if !link => {
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
        rest: rest(line, after_title, Mode::Default)?,
        relation: None,
        has_relations: false,
        step: false,
    })
}
