//! Reads an Argdown data block into a JSON value as Argdown does: a block
//! whose `{` ends its line is YAML in block style (the braces removed), any
//! other is one YAML flow collection (`flow.rs`).
//!
//! The block subset: mappings (`key: value`) and sequences (`- item`)
//! nested by indentation (spaces), compact forms (`- key: value`, `key:` then
//! `- item` at the key's indentation), flow collections and quoted scalars
//! as values (across lines too), plain scalars continued on more indented
//! lines, literal and folded block scalars (`|`, `>`, with `-` or `+`),
//! `#` comments. Anchors, aliases, tags, explicit keys (`?`) and tabs in
//! indentation are errors, as what the subset does not read.

use serde_json::{Map, Value};

use super::flow::{DataError, MAX_DEPTH, Reader, fold, parse_flow, scalar};

/// The value of a data block (`{` to `}`); `None` for an empty block,
/// which Argdown leaves without data.
pub(super) fn parse_data(token: &str) -> Result<Option<Value>, DataError> {
    let inner = token.strip_prefix('{').unwrap_or(token);
    let first_break = inner.find('\n');
    let block = first_break.filter(|&at| inner[..at].chars().all(|c| c == ' ' || c == '\t'));
    let Some(at) = block else {
        return parse_flow(token).map(Some);
    };
    let body = inner[at + 1..].trim_end();
    let body = body.strip_suffix('}').unwrap_or(body);
    let mut block = Block::new(body);
    let value = block.document().map_err(|message| DataError {
        line: block.line_number() + 1,
        message,
    })?;
    Ok(value)
}

struct Line {
    indent: usize,
    /// The text after the indentation.
    text: String,
    /// The line in the block (from 0).
    number: usize,
}

struct Block {
    lines: Vec<Line>,
    at: usize,
}

/// Whether `text` is empty or a comment.
fn insignificant(text: &str) -> bool {
    let t = text.trim();
    t.is_empty() || t.starts_with('#')
}

/// The text without a trailing comment (`#` after white space), trimmed.
fn without_comment(text: &str) -> &str {
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        if c == '#' && previous.is_whitespace() {
            return text[..at].trim();
        }
        previous = c;
    }
    text.trim()
}

/// `key: rest` → (key, rest): a plain or quoted key, then `:` before white
/// space or the end.
fn entry(text: &str) -> Result<Option<(String, &str)>, String> {
    if text.starts_with(['"', '\'']) {
        let mut reader = Reader::new(text);
        let key = match reader.value(0) {
            Ok(Value::String(key)) => key,
            _ => return Ok(None),
        };
        let after: String = reader.chars[reader.at..].iter().collect();
        let after = after.trim_start();
        return Ok(after
            .strip_prefix(':')
            .filter(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
            .map(|rest| (key, &text[text.len() - rest.len()..])));
    }
    if text.starts_with(['[', '{', '?', '&', '*', '!', '|', '>', '%', '@', '`']) {
        if text.starts_with('?') {
            return Err("explicit keys (`?`) are not read".to_owned());
        }
        return Ok(None);
    }
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        if c == '#' && previous.is_whitespace() {
            return Ok(None);
        }
        if c == ':' {
            let rest = &text[at + 1..];
            if rest.is_empty() || rest.starts_with([' ', '\t']) {
                let key = text[..at].trim();
                return Ok((!key.is_empty()).then(|| (key.to_owned(), rest)));
            }
        }
        previous = c;
    }
    Ok(None)
}

/// Whether `text` is a sequence item (`-` then white space or the end).
fn is_item(text: &str) -> bool {
    text == "-" || text.starts_with("- ") || text.starts_with("-\t")
}

impl Block {
    fn new(body: &str) -> Block {
        let lines = body
            .split('\n')
            .enumerate()
            .map(|(number, raw)| {
                let text = raw.trim_start_matches(' ');
                Line {
                    indent: raw.len() - text.len(),
                    text: text.trim_end_matches('\r').to_owned(),
                    number,
                }
            })
            .collect();
        Block { lines, at: 0 }
    }

    fn line_number(&self) -> usize {
        self.lines
            .get(self.at)
            .or(self.lines.last())
            .map_or(0, |l| l.number)
    }

    /// The next line that is neither empty nor a comment; tabs in its
    /// indentation are an error.
    fn next(&mut self) -> Result<Option<&Line>, String> {
        while self
            .lines
            .get(self.at)
            .is_some_and(|l| insignificant(&l.text))
        {
            self.at += 1;
        }
        match self.lines.get(self.at) {
            Some(line) if line.text.starts_with('\t') => Err("tabs may not indent YAML".to_owned()),
            line => Ok(line),
        }
    }

    fn document(&mut self) -> Result<Option<Value>, String> {
        if self.next()?.is_none() {
            return Ok(None);
        }
        let value = self.node(None, 0)?;
        if let Some(line) = self.next()? {
            return Err(format!("unexpected `{}`: check its indentation", line.text));
        }
        Ok(Some(value))
    }

    /// The value on the lines indented more than `parent` (any, for the
    /// document).
    fn node(&mut self, parent: Option<usize>, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err("data nested too deep".to_owned());
        }
        let Some(line) = self.next()? else {
            return Ok(Value::Null);
        };
        if parent.is_some_and(|p| line.indent <= p) {
            return Ok(Value::Null);
        }
        let indent = line.indent;
        if is_item(&line.text) {
            return self.sequence(indent, depth + 1);
        }
        if entry(&line.text)?.is_some() {
            return self.mapping(indent, depth + 1);
        }
        let text = line.text.clone();
        self.scalar(&text, parent, depth)
    }

    fn mapping(&mut self, indent: usize, depth: usize) -> Result<Value, String> {
        let mut map = Map::new();
        while let Some(line) = self.next()? {
            if line.indent < indent {
                break;
            }
            if line.indent > indent {
                return Err(format!(
                    "`{}` is indented more than the keys before it",
                    line.text
                ));
            }
            let text = line.text.clone();
            let Some((key, rest)) = entry(&text)? else {
                return Err(format!("expected `key: value`, found `{text}`"));
            };
            if map.contains_key(&key) {
                return Err(format!("the key `{key}` is given twice"));
            }
            let rest = rest.trim();
            let value = if insignificant(rest) {
                self.at += 1;
                match self.next()? {
                    Some(next) if next.indent == indent && is_item(&next.text) => {
                        self.sequence(indent, depth + 1)?
                    }
                    _ => self.node(Some(indent), depth + 1)?,
                }
            } else {
                self.scalar(rest, Some(indent), depth)?
            };
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }

    fn sequence(&mut self, indent: usize, depth: usize) -> Result<Value, String> {
        let mut items = Vec::new();
        while let Some(line) = self.next()? {
            if line.indent < indent || (line.indent == indent && !is_item(&line.text)) {
                break;
            }
            if line.indent > indent {
                return Err(format!(
                    "`{}` is indented more than the items before it",
                    line.text
                ));
            }
            let rest = &line.text[1..];
            let content = rest.trim_start_matches([' ', '\t']);
            let column = indent + 1 + (rest.len() - content.len());
            let content = content.to_owned();
            let item = if insignificant(&content) {
                self.at += 1;
                self.node(Some(indent), depth + 1)?
            } else if is_item(&content) || entry(&content)?.is_some() {
                // `- - x`, `- key: value`: the rest of the line is a node
                // indented where its text starts.
                let number = self.lines[self.at].number;
                self.lines[self.at] = Line {
                    indent: column,
                    text: content,
                    number,
                };
                self.node(Some(indent), depth + 1)?
            } else {
                self.scalar(&content, Some(indent), depth)?
            };
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    /// A scalar or flow collection starting with `text` on the current
    /// line, continued on lines indented more than `parent`.
    fn scalar(&mut self, text: &str, parent: Option<usize>, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err("data nested too deep".to_owned());
        }
        match text.chars().next() {
            Some('[' | '{' | '"' | '\'') => self.flow(text),
            Some('|' | '>') => self.block_scalar(text, parent),
            Some(c @ ('&' | '*' | '!' | '%' | '@' | '`')) => Err(format!(
                "a value starting with `{c}` (an anchor, alias, tag or reserved character) is not read"
            )),
            _ => {
                let mut raw = without_comment(text).to_owned();
                let first = self.at;
                self.at += 1;
                // Continuation lines: more indented than the parent, up to a
                // comment or a line that is not.
                let mut end = self.at;
                while let Some(line) = self.lines.get(end) {
                    let blank = line.text.trim().is_empty();
                    if !blank
                        && (parent.is_some_and(|p| line.indent <= p) || line.text.starts_with('#'))
                    {
                        break;
                    }
                    if !blank
                        && (entry(&line.text)?.is_some() || parent.is_none() && is_item(&line.text))
                    {
                        return Err(format!(
                            "`{}` continues a value but reads as a key or item: check its indentation",
                            line.text
                        ));
                    }
                    end += 1;
                }
                while end > self.at && self.lines[end - 1].text.trim().is_empty() {
                    end -= 1;
                }
                for line in &self.lines[self.at..end] {
                    raw.push('\n');
                    raw.push_str(without_comment(&line.text));
                }
                self.at = end;
                if raw.contains(": ") || raw.ends_with(':') {
                    self.at = first;
                    return Err(format!("a value may not hold `: ` (`{raw}`): quote it"));
                }
                Ok(scalar(&fold(&raw)))
            }
        }
    }

    /// A flow collection or quoted scalar, which may run over the lines
    /// below; after it, only a comment may follow on its last line.
    fn flow(&mut self, text: &str) -> Result<Value, String> {
        let mut joined = text.to_owned();
        for line in &self.lines[self.at + 1..] {
            joined.push('\n');
            joined.push_str(&" ".repeat(line.indent));
            joined.push_str(&line.text);
        }
        let mut reader = Reader::new(&joined);
        let value = reader.value(0)?;
        let consumed: String = reader.chars[..reader.at].iter().collect();
        self.at += consumed.matches('\n').count();
        let rest: String = reader.chars[reader.at..]
            .iter()
            .take_while(|&&c| c != '\n')
            .collect();
        if !insignificant(&rest) {
            return Err(format!("unexpected `{}` after the value", rest.trim()));
        }
        self.at += 1;
        Ok(value)
    }

    /// `|` (literal) or `>` (folded), with `-` (strip) or `+` (keep) and an
    /// indentation digit: the lines indented more than `parent`.
    fn block_scalar(&mut self, header: &str, parent: Option<usize>) -> Result<Value, String> {
        let header = without_comment(header);
        let folded = header.starts_with('>');
        let mut chomp = ' ';
        let mut explicit = None;
        for c in header.chars().skip(1) {
            match c {
                '-' | '+' if chomp == ' ' => chomp = c,
                '1'..='9' if explicit.is_none() => explicit = c.to_digit(10),
                _ => return Err(format!("a bad block scalar header `{header}`")),
            }
        }
        self.at += 1;
        let parent = parent.map_or(0, |p| p + 1);
        let first = self.lines[self.at..]
            .iter()
            .find(|l| !l.text.trim().is_empty());
        let indent = match (explicit, first) {
            (Some(n), _) => parent.saturating_sub(1) + n as usize,
            (None, Some(line)) => line.indent,
            (None, None) => parent,
        };
        if indent < parent {
            return Ok(Value::String(String::new()));
        }
        let mut lines: Vec<String> = Vec::new();
        while let Some(line) = self.lines.get(self.at) {
            let blank = line.text.trim().is_empty();
            if !blank && line.indent < indent {
                break;
            }
            lines.push(if blank {
                String::new()
            } else {
                format!("{}{}", " ".repeat(line.indent - indent), line.text)
            });
            self.at += 1;
        }
        let trailing = lines.iter().rev().take_while(|l| l.is_empty()).count();
        let content = &lines[..lines.len() - trailing];
        let mut out = String::new();
        for (i, line) in content.iter().enumerate() {
            if i > 0 {
                let previous = &content[i - 1];
                let joins = folded
                    && !line.is_empty()
                    && !previous.is_empty()
                    && !line.starts_with([' ', '\t'])
                    && !previous.starts_with([' ', '\t']);
                out.push(if joins { ' ' } else { '\n' });
            }
            out.push_str(line);
        }
        if folded {
            // Folding: an empty line between text lines is the break itself.
            out = out.replace("\n\n", "\n");
        }
        match chomp {
            '-' => {}
            '+' => {
                out.push('\n');
                out.extend(std::iter::repeat_n('\n', trailing));
            }
            _ if !content.is_empty() => out.push('\n'),
            _ => {}
        }
        Ok(Value::String(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(text: &str) -> Result<Option<Value>, DataError> {
        parse_data(text)
    }

    #[test]
    fn reads_block_data_as_js_yaml_does() {
        assert_eq!(
            read(
                "{\n  event: split\n  scholar: [luthi,\n    chen]  # two\n  note: a long\n    plain\n}"
            ),
            Ok(Some(
                json!({"event": "split", "scholar": ["luthi", "chen"], "note": "a long plain"})
            ))
        );
        assert_eq!(
            read("{\n  a:\n  - x\n  - y: 1\n    z: 2\n  b:\n    c: \"q\n      r\"\n  d: 1,\n}"),
            Ok(Some(
                json!({"a": ["x", {"y": 1, "z": 2}], "b": {"c": "q r"}, "d": "1,"})
            ))
        );
        assert_eq!(
            read("{\n  a: |\n    line\n    two\n  b: >-\n    f\n    g\n}"),
            Ok(Some(json!({"a": "line\ntwo\n", "b": "f g"})))
        );
        assert_eq!(read("{\n  # nothing\n}"), Ok(None));
        assert_eq!(read("{a: 1}"), Ok(Some(json!({"a": 1}))));
    }

    #[test]
    fn block_errors_name_their_line() {
        let line = |text: &str| read(text).map_err(|e| e.line);
        assert_eq!(line("{\n  a: 1\n  a: 2\n}"), Err(2));
        assert_eq!(line("{\n  a: 1\n   b: 2\n}"), Err(2));
        assert_eq!(line("{\n  a: x: y\n}"), Err(1));
        assert_eq!(line("{\n  a: &x 1\n}"), Err(1));
        assert_eq!(line("{\n\ta: 1\n}"), Err(1));
    }
}
