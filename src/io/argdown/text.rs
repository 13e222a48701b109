//! The text of an element, heading or inference as Argdown's lexer and
//! model builder make it: tokens in the lexer's order, markup stripped
//! and recorded as ranges, data blocks taken out.
//!
//! - `**bold**`, `__bold__`, `*italic*`, `_italic_`: the markers go, the
//!   words stay, with a `bold` or `italic` range. A marker opens a range
//!   when no white space follows it; it closes the innermost open range of
//!   its kind when it directly follows a word (no skipped white space) and
//!   white space, the end or one of `)}_.,!?;:-*` comes after it. A range
//!   left open is an error, as it is for the tool.
//! - `[text](url)`: the text stays, with a `link` range and its url.
//! - `.name.`, `:name:`: a shortcode of the tool's default table becomes
//!   its character (`:+1:` → 👍); any other stays as written.
//! - `#tag`, `#(a tag)`: stays in the text, with a `tag` range.
//! - `\x`: the character `x` (and the spaces after it).
//! - `@[T]`, `@<T>` (mentions) stay as written.
//! - White space after a token other than plain words is skipped beyond
//!   the one space some tokens keep, as the lexer skips it.
//! - `{ … }` where a data block may stand is the element's data.
//!
//! In an inference (`-- rule, rule --`) only escapes, shortcodes and data
//! are tokens, as in the lexer's inference mode.

use serde_json::Value;

use super::block::parse_data;
use super::json::RangeJson;
use super::line::syntax;
use super::scan::{data_end, escape_end, link_end, shortcode_end};
use crate::error::Result;

/// What follows a title on a line: its text (markup stripped, tags kept,
/// escapes resolved), the ranges of tags and markup, the tags and the data.
#[derive(Debug, Default)]
pub(super) struct Rest {
    pub(super) text: String,
    pub(super) ranges: Vec<RangeJson>,
    pub(super) tags: Vec<String>,
    pub(super) data: Option<Value>,
}

/// Which tokens the text may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// A statement, argument or heading: all of the above.
    Default,
    /// An inference: escapes, shortcodes and data only.
    Inference,
}

/// The emphasis markers, in the order the lexer tries them.
const MARKERS: [(&str, &str); 4] = [
    ("**", "bold"),
    ("__", "bold"),
    ("*", "italic"),
    ("_", "italic"),
];

/// Reads `text`, which starts on line `line`, into a [`Rest`].
pub(super) fn rest(line: usize, text: &str, mode: Mode) -> Result<Rest> {
    let mut reader = TextReader {
        chars: text.chars().collect(),
        at: 0,
        line,
        out: Rest::default(),
        units: 0,
        open: Vec::new(),
        after_token: false,
        skipped: true,
    };
    reader.run(mode)?;
    if let Some(&(marker, _)) = reader.open.last() {
        return Err(syntax(
            line,
            format!(
                "`{marker}` opens emphasis that is never closed: close it or escape it (`\\{marker}`)"
            ),
        ));
    }
    let trimmed = reader.out.text.trim_end().len();
    reader.out.text.truncate(trimmed);
    Ok(reader.out)
}

struct TextReader {
    chars: Vec<char>,
    at: usize,
    line: usize,
    out: Rest,
    /// The length of the text in UTF-16 units, as the ranges count.
    units: usize,
    /// The open emphasis: its marker and its range.
    open: Vec<(&'static str, usize)>,
    /// Whether a token other than plain words was read last (white space
    /// after it is skipped).
    after_token: bool,
    /// Whether white space was skipped since the last token.
    skipped: bool,
}

impl TextReader {
    fn push(&mut self, piece: &str) {
        self.out.text.push_str(piece);
        self.units += piece.encode_utf16().count();
    }

    fn starts(&self, pattern: &str) -> bool {
        pattern
            .chars()
            .enumerate()
            .all(|(i, c)| self.chars.get(self.at + i) == Some(&c))
    }

    /// Takes one space or tab after a token: whether it was a space (which
    /// the model keeps; a tab it drops).
    fn trailing_space(&mut self) -> bool {
        match self.chars.get(self.at) {
            Some(' ') => {
                self.at += 1;
                true
            }
            Some('\t') => {
                self.at += 1;
                false
            }
            _ => false,
        }
    }

    /// A token was read: white space after it is skipped.
    fn token(&mut self) {
        self.after_token = true;
        self.skipped = false;
    }

    fn run(&mut self, mode: Mode) -> Result<()> {
        while let Some(&c) = self.chars.get(self.at) {
            if (c == ' ' || c == '\t') && (self.after_token || self.at == 0) {
                while matches!(self.chars.get(self.at), Some(' ' | '\t')) {
                    self.at += 1;
                }
                self.skipped = true;
                continue;
            }
            if c == '{' {
                if let Some(end) = data_end(&self.chars, self.at) {
                    self.data(end)?;
                    continue;
                }
            }
            if c == '\\' && escape_end(&self.chars, self.at).is_some() {
                self.escape();
                continue;
            }
            if matches!(c, '.' | ':') {
                if let Some(end) = shortcode_end(&self.chars, self.at) {
                    self.shortcode(end);
                    continue;
                }
            }
            if mode == Mode::Default && self.markup(c) {
                continue;
            }
            self.plain();
        }
        Ok(())
    }

    /// Markup of the default mode at the current place, if any: emphasis,
    /// a link, a mention, a tag.
    fn markup(&mut self, c: char) -> bool {
        match c {
            '*' | '_' => self.emphasis(),
            '[' => match link_end(&self.chars, self.at) {
                Some(end) => {
                    self.link(end);
                    true
                }
                None => false,
            },
            '@' => self.mention(),
            '#' => self.tag(),
            _ => false,
        }
    }

    /// Plain words up to the next character that may start a token, or one
    /// such character (with a space or tab after it) that starts none.
    fn plain(&mut self) {
        let special = |c: char| "\\@#*_[],.:;</>-\r\n(){}".contains(c);
        let start = self.at;
        while self.chars.get(self.at).is_some_and(|&c| !special(c)) {
            self.at += 1;
        }
        if self.at > start {
            let piece: String = self.chars[start..self.at].iter().collect();
            self.push(&piece);
            self.after_token = false;
            self.skipped = false;
            return;
        }
        let mut piece = self.chars[self.at].to_string();
        self.at += 1;
        if let Some(&c @ (' ' | '\t')) = self.chars.get(self.at) {
            piece.push(c);
            self.at += 1;
        }
        self.push(&piece);
        self.token();
    }

    fn data(&mut self, end: usize) -> Result<()> {
        let before = self.chars[..self.at].iter().filter(|&&c| c == '\n').count();
        let token: String = self.chars[self.at..end].iter().collect();
        let line = self.line + before;
        let value = parse_data(&token).map_err(|e| syntax(line + e.line, e.message))?;
        if self.out.data.is_some() && value.is_some() {
            return Err(syntax(line, "a second data block for one element"));
        }
        if value.is_some() {
            self.out.data = value;
        }
        self.at = end;
        self.token();
        Ok(())
    }

    /// `\x`: the character and the spaces after it.
    fn escape(&mut self) {
        let mut piece = self.chars[self.at + 1].to_string();
        self.at += 2;
        while self.chars.get(self.at) == Some(&' ') {
            piece.push(' ');
            self.at += 1;
        }
        self.push(&piece);
        self.token();
    }

    fn shortcode(&mut self, end: usize) {
        let code: String = self.chars[self.at..end].iter().collect();
        self.at = end;
        match shortcode(&code) {
            Some(unicode) => {
                self.push(unicode);
                if self.trailing_space() {
                    self.push(" ");
                }
            }
            None => {
                let mut piece = code;
                if let Some(&c @ (' ' | '\t')) = self.chars.get(self.at) {
                    piece.push(c);
                    self.at += 1;
                }
                self.push(&piece);
            }
        }
        self.token();
    }

    /// A marker that closes or opens emphasis; `false` if none does here.
    fn emphasis(&mut self) -> bool {
        for (marker, _) in MARKERS {
            let closes = self.open.last().is_some_and(|&(m, _)| m == marker)
                && !self.skipped
                && self.starts(marker)
                && self.chars.get(self.at + marker.len()).is_none_or(|&c| {
                    matches!(
                        c,
                        ' ' | '\t'
                            | '\n'
                            | '\r'
                            | ')'
                            | '}'
                            | '_'
                            | '.'
                            | ','
                            | '!'
                            | '?'
                            | ';'
                            | ':'
                            | '-'
                            | '*'
                    )
                });
            if closes {
                self.at += marker.len();
                if let Some((_, index)) = self.open.pop() {
                    if let Some(range) = self.out.ranges.get_mut(index) {
                        range.stop = Some(self.units.saturating_sub(1));
                    }
                }
                if self.trailing_space() {
                    self.push(" ");
                }
                self.token();
                return true;
            }
        }
        for (marker, kind) in MARKERS {
            let opens = self.starts(marker)
                && self
                    .chars
                    .get(self.at + marker.len())
                    .is_none_or(|c| !c.is_whitespace());
            if opens {
                self.at += marker.len();
                self.open.push((marker, self.out.ranges.len()));
                self.out
                    .ranges
                    .push(range(kind, self.units, self.units, None));
                self.token();
                return true;
            }
        }
        false
    }

    /// `[text](url)`: the text, with a link range.
    fn link(&mut self, end: usize) {
        let token = &self.chars[self.at..end];
        let close = token.iter().position(|&c| c == ']').unwrap_or(0);
        let text: String = token[1..close].iter().collect();
        let url: String = token[close + 2..token.len() - 1].iter().collect();
        self.at = end;
        let start = self.units;
        self.push(&text);
        let stop = self.units.saturating_sub(1);
        self.out.ranges.push(range("link", start, stop, Some(url)));
        if self.trailing_space() {
            self.push(" ");
        }
        self.token();
    }

    /// `@[title]` or `@<title>` on one line, with a space or tab after it:
    /// as written.
    fn mention(&mut self) -> bool {
        let close = match self.chars.get(self.at + 1) {
            Some('[') => ']',
            Some('<') => '>',
            _ => return false,
        };
        let from = self.at + 2;
        let Some(length) = self.chars[from..]
            .iter()
            .take_while(|&&c| c != '\n' && c != '\r')
            .skip(1)
            .position(|&c| c == close)
        else {
            return false;
        };
        let mut end = from + 1 + length + 1;
        if matches!(self.chars.get(end), Some(' ' | '\t')) {
            end += 1;
        }
        let piece: String = self.chars[self.at..end].iter().collect();
        self.at = end;
        self.push(&piece);
        self.token();
        true
    }

    /// `#tag` or `#(a tag)` (with a space or tab after it): kept in the text
    /// with a range, and listed.
    fn tag(&mut self) -> bool {
        let after = self.at + 1;
        let (tag, len) = if self.chars.get(after) == Some(&'(') {
            match self.chars[after..].iter().position(|&c| c == ')') {
                Some(close) if close > 1 => (
                    self.chars[after + 1..after + close]
                        .iter()
                        .collect::<String>(),
                    close + 1,
                ),
                _ => return false,
            }
        } else {
            let len = self.chars[after..]
                .iter()
                .take_while(|&&c| is_tag_char(c))
                .count();
            (self.chars[after..after + len].iter().collect(), len)
        };
        if len == 0 {
            return false;
        }
        let mut end = after + len;
        if matches!(self.chars.get(end), Some(' ' | '\t')) {
            end += 1;
        }
        let written: String = self.chars[self.at..end].iter().collect();
        self.at = end;
        let start = self.units;
        self.push(&written);
        self.out
            .ranges
            .push(range("tag", start, self.units.saturating_sub(1), None));
        let tag = tag.trim().to_owned();
        if !tag.is_empty() && !self.out.tags.contains(&tag) {
            self.out.tags.push(tag);
        }
        self.token();
        true
    }
}

fn range(kind: &str, start: usize, stop: usize, url: Option<String>) -> RangeJson {
    RangeJson {
        kind: kind.to_owned(),
        start: Some(start),
        stop: Some(stop),
        url,
    }
}

/// The characters of a tag without brackets, as in Argdown's lexer.
fn is_tag_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '-' | '_' | '[' | '\\' | ']' | '^' | '`')
        || matches!(c as u32, 0xA0..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF)
}

/// The character of a shortcode in the tool's default table.
fn shortcode(code: &str) -> Option<&'static str> {
    // The one name whose two forms differ.
    match code {
        ":smile:" => return Some("\u{263a}\u{fe0f}"),
        ".smile." => return Some("\u{263a}"),
        _ => {}
    }
    let name = code.get(1..code.len().saturating_sub(1))?;
    SHORTCODES
        .iter()
        .find(|(names, _)| names.split(' ').any(|n| n == name))
        .map(|&(_, unicode)| unicode)
}

/// The default shortcodes of `@argdown/core` 1.7 (`plugins/shortcodes.js`):
/// names (each usable as `.name.` and `:name:`, except where the table
/// gives one form only, below) and their characters.
const SHORTCODES: [(&str, &str); 33] = [
    ("A", "∀"),
    ("E", "∃"),
    ("O", "𝗢"),
    ("P", "𝗣"),
    ("->", "→"),
    ("<->", "↔"),
    ("~", "¬"),
    ("^", "∧"),
    ("v", "∨"),
    ("v_", "⊻"),
    ("<>", "◇"),
    ("[]", "◻"),
    ("happy", "😀"),
    ("smiley", "☺"),
    ("laugh lol", "😆"),
    ("rofl", "🤣"),
    ("joy", "😂"),
    ("heart", "❤"),
    ("? question", "❓"),
    ("love", "😍"),
    ("wink", "😉"),
    ("shush", "🤫"),
    ("meh", "😐"),
    ("eye-roll", "🙄"),
    ("sad", "😢"),
    ("disappointed", "😞"),
    ("scream", "😱"),
    ("+1 up", "👍"),
    ("-1 down", "👎"),
    ("think", "🤔"),
    ("star", "⭐"),
    ("y agree", "✔"),
    ("n disagree", "❌"),
];
