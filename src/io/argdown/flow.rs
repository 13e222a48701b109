//! Reads the YAML flow collections of Argdown data blocks (`{key: value,
//! list: [1, "two"]}`, on one line or several) into JSON values: the
//! subset of YAML that the native parser accepts. Scalars follow js-yaml's
//! core schema: integers, floats, `true`/`false`, `null`/`~`, and text
//! (plain, single- or double-quoted, folded across lines as YAML folds
//! them); `#` comments are skipped; a key given twice is an error, as in
//! js-yaml.

use serde_json::{Map, Number, Value};

/// What is wrong with a data block, and on which of its lines (from 0).
#[derive(Debug, PartialEq)]
pub(super) struct DataError {
    pub(super) line: usize,
    pub(super) message: String,
}

/// Parses one flow collection or scalar.
pub(super) fn parse_flow(text: &str) -> Result<Value, DataError> {
    let mut reader = Reader::new(text);
    let value = reader.document().map_err(|m| reader.error(m))?;
    Ok(value)
}

pub(super) struct Reader {
    pub(super) chars: Vec<char>,
    pub(super) at: usize,
}

/// Deeper nesting is refused rather than risking the stack.
pub(super) const MAX_DEPTH: usize = 64;

impl Reader {
    pub(super) fn new(text: &str) -> Reader {
        Reader {
            chars: text.chars().collect(),
            at: 0,
        }
    }

    /// The error `message` at the line of the place read.
    pub(super) fn error(&self, message: String) -> DataError {
        let end = self.at.min(self.chars.len());
        DataError {
            line: self.chars[..end].iter().filter(|&&c| c == '\n').count(),
            message,
        }
    }

    /// The whole text as one value, with nothing but white space and
    /// comments around it.
    fn document(&mut self) -> Result<Value, String> {
        self.skip_ws();
        let value = self.value(0)?;
        self.skip_ws();
        if self.at < self.chars.len() {
            return Err(format!(
                "unexpected `{}` after the data",
                self.chars[self.at..].iter().collect::<String>().trim()
            ));
        }
        Ok(value)
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    /// Skips white space, line breaks and comments (`#` at the start or
    /// after white space, to the end of the line).
    pub(super) fn skip_ws(&mut self) {
        loop {
            let after_space = self.at == 0 || self.chars[self.at - 1].is_whitespace();
            match self.peek() {
                Some(c) if c.is_whitespace() => self.at += 1,
                Some('#') if after_space => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.at += 1;
                    }
                }
                _ => return,
            }
        }
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        if self.peek() == Some(c) {
            self.at += 1;
            Ok(())
        } else {
            Err(match self.peek() {
                Some(found) => format!("expected `{c}`, found `{found}`"),
                None => format!("expected `{c}`, found the end of the data"),
            })
        }
    }

    pub(super) fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err("data nested too deep".to_owned());
        }
        match self.peek() {
            Some('{') => self.mapping(depth + 1),
            Some('[') => self.sequence(depth + 1),
            Some('"') => self.double_quoted().map(Value::String),
            Some('\'') => self.single_quoted().map(Value::String),
            Some(c @ ('&' | '*' | '!' | '|' | '>' | '%' | '@' | '`')) => Err(format!(
                "a value starting with `{c}` (an anchor, alias, tag, block scalar or reserved character) is not read"
            )),
            Some(_) => Ok(scalar(&self.plain(false))),
            None => Err("expected a value, found the end of the data".to_owned()),
        }
    }

    fn mapping(&mut self, depth: usize) -> Result<Value, String> {
        self.expect('{')?;
        let mut map = Map::new();
        loop {
            self.skip_ws();
            if self.peek() == Some('}') {
                self.at += 1;
                return Ok(Value::Object(map));
            }
            let key = match self.peek() {
                Some('"') => self.double_quoted()?,
                Some('\'') => self.single_quoted()?,
                _ => self.plain(true),
            };
            if key.is_empty() {
                return Err("expected a key".to_owned());
            }
            if map.contains_key(&key) {
                return Err(format!("the key `{key}` is given twice"));
            }
            self.skip_ws();
            let value = if self.peek() == Some(':') {
                self.at += 1;
                self.skip_ws();
                if matches!(self.peek(), Some(',' | '}')) {
                    Value::Null
                } else {
                    self.value(depth)?
                }
            } else {
                Value::Null
            };
            map.insert(key, value);
            self.skip_ws();
            match self.peek() {
                Some(',') => self.at += 1,
                Some('}') => {}
                Some(found) => return Err(format!("expected `,` or `}}`, found `{found}`")),
                None => return Err("unclosed `{`".to_owned()),
            }
        }
    }

    fn sequence(&mut self, depth: usize) -> Result<Value, String> {
        self.expect('[')?;
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            if self.peek() == Some(']') {
                self.at += 1;
                return Ok(Value::Array(items));
            }
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(',') => self.at += 1,
                Some(']') => {}
                Some(found) => return Err(format!("expected `,` or `]`, found `{found}`")),
                None => return Err("unclosed `[`".to_owned()),
            }
        }
    }

    /// A plain scalar: up to `,`, `]`, `}`, or (for a key) `: `/`:` at the end.
    fn plain(&mut self, key: bool) -> String {
        let start = self.at;
        while let Some(c) = self.peek() {
            let next = self.chars.get(self.at + 1).copied();
            let ends = match c {
                ',' | ']' | '}' | '[' | '{' => true,
                ':' => {
                    key || next.is_none_or(|n| n.is_whitespace() || matches!(n, ',' | ']' | '}'))
                }
                '#' => self.at > start && self.chars[self.at - 1].is_whitespace(),
                _ => false,
            };
            if ends {
                break;
            }
            self.at += 1;
        }
        fold(&self.chars[start..self.at].iter().collect::<String>())
    }

    fn single_quoted(&mut self) -> Result<String, String> {
        self.expect('\'')?;
        let mut out = String::new();
        loop {
            match self.peek() {
                Some('\'') if self.chars.get(self.at + 1) == Some(&'\'') => {
                    out.push('\'');
                    self.at += 2;
                }
                Some('\'') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some('\n') => self.fold_break(&mut out),
                Some(c) => {
                    out.push(c);
                    self.at += 1;
                }
                None => return Err("unclosed `'`".to_owned()),
            }
        }
    }

    fn double_quoted(&mut self) -> Result<String, String> {
        self.expect('"')?;
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err("unclosed `\"`".to_owned());
            };
            self.at += 1;
            match c {
                '"' => return Ok(out),
                '\n' => {
                    self.at -= 1;
                    self.fold_break(&mut out);
                }
                '\\' if self.peek() == Some('\n') => {
                    // An escaped line break: the lines join without a space.
                    self.skip_blanks();
                }
                '\\' => {
                    let Some(e) = self.peek() else {
                        return Err("unclosed `\"`".to_owned());
                    };
                    self.at += 1;
                    let simple = match e {
                        '0' => Some('\0'),
                        'a' => Some('\u{7}'),
                        'b' => Some('\u{8}'),
                        't' | '\t' => Some('\t'),
                        'n' => Some('\n'),
                        'v' => Some('\u{b}'),
                        'f' => Some('\u{c}'),
                        'r' => Some('\r'),
                        'e' => Some('\u{1b}'),
                        ' ' => Some(' '),
                        '"' => Some('"'),
                        '/' => Some('/'),
                        '\\' => Some('\\'),
                        'N' => Some('\u{85}'),
                        '_' => Some('\u{a0}'),
                        'L' => Some('\u{2028}'),
                        'P' => Some('\u{2029}'),
                        _ => None,
                    };
                    match (simple, e) {
                        (Some(c), _) => out.push(c),
                        (None, 'x') => out.push(self.hex(2)?),
                        (None, 'u') => out.push(self.hex(4)?),
                        (None, 'U') => out.push(self.hex(8)?),
                        (None, other) => return Err(format!("unknown escape `\\{other}`")),
                    }
                }
                c => out.push(c),
            }
        }
    }

    /// At a line break inside quotes: the white space around it goes, and
    /// the break becomes a space, or the empty lines after it line breaks.
    fn fold_break(&mut self, out: &mut String) {
        while out.ends_with([' ', '\t']) {
            out.pop();
        }
        let empty = self.skip_blanks().saturating_sub(1);
        if empty == 0 {
            out.push(' ');
        } else {
            out.extend(std::iter::repeat_n('\n', empty));
        }
    }

    /// Skips white space and line breaks; returns the number of breaks.
    fn skip_blanks(&mut self) -> usize {
        let mut breaks = 0;
        while let Some(c) = self.peek().filter(|&c| c == ' ' || c == '\t' || c == '\n') {
            breaks += usize::from(c == '\n');
            self.at += 1;
        }
        breaks
    }

    fn hex(&mut self, digits: usize) -> Result<char, String> {
        let text: String = self
            .chars
            .get(self.at..self.at + digits)
            .unwrap_or_default()
            .iter()
            .collect();
        self.at += digits;
        u32::from_str_radix(&text, 16)
            .ok()
            .filter(|_| text.len() == digits)
            .and_then(char::from_u32)
            .ok_or_else(|| format!("bad escape `{text}`"))
    }
}

/// A plain scalar's lines folded as YAML folds them: each line trimmed,
/// one line break a space, further empty lines line breaks.
pub(super) fn fold(raw: &str) -> String {
    let mut lines = raw.split('\n').map(|l| l.trim_matches([' ', '\t', '\r']));
    let mut out = lines.next().unwrap_or_default().to_owned();
    let mut empty = 0;
    for line in lines {
        if line.is_empty() {
            empty += 1;
            continue;
        }
        if empty == 0 {
            out.push(' ');
        } else {
            out.extend(std::iter::repeat_n('\n', empty));
        }
        empty = 0;
        out.push_str(line);
    }
    out.trim().to_owned()
}

/// The value of a plain scalar under js-yaml's core schema.
pub(super) fn scalar(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let radix = [("0x", 16), ("0o", 8), ("0b", 2)]
        .iter()
        .find_map(|&(prefix, radix)| Some((digits.strip_prefix(prefix)?, radix)));
    if let Some((number, radix)) = radix {
        if let Ok(n) = i64::from_str_radix(number, radix) {
            let n = if text.starts_with('-') { -n } else { n };
            return Value::Number(n.into());
        }
    }
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = text.parse::<i64>() {
            return Value::Number(n.into());
        }
    }
    let float_like = digits.bytes().any(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && digits.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if float_like {
        if let Some(n) = text.parse::<f64>().ok().and_then(Number::from_f64) {
            return Value::Number(n);
        }
    }
    Value::String(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_flow_collections() {
        assert_eq!(
            parse_flow(
                r#"{key: a/b, n: 3, list: [1, "two\u007d", 'it''s'], yes: true, none: ~, f: 2.5, date: 1958-08}"#
            ),
            Ok(
                json!({"key": "a/b", "n": 3, "list": [1, "two}", "it's"], "yes": true, "none": null, "f": 2.5, "date": "1958-08"})
            )
        );
        assert!(parse_flow("{a: [1, 2}").is_err());
        assert!(parse_flow("{a: \"x").is_err());
        assert!(parse_flow("{a: 1} b").is_err());
        assert!(parse_flow(&"[".repeat(100)).is_err());
        assert_eq!(
            parse_flow("{a: one\n  two, # c\n b: \"x\n\n y\", c: 0x1f}"),
            Ok(json!({"a": "one two", "b": "x\ny", "c": 31}))
        );
        assert_eq!(parse_flow("{a: 1,\n a: 2}").map_err(|e| e.line), Err(1));
    }
}
