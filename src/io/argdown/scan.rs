//! The first pass of the native reader: `.argdown` text to logical lines,
//! as Argdown's lexer sees them.
//!
//! Comments (`// …` to the end of the line, `/* … */` and `<!-- … -->`,
//! both across lines) are removed where the lexer skips them: wherever a
//! token may start, so not inside a title, tag, link, mention, escape,
//! shortcode or data block. A comment alone on its line (or lines) removes
//! the line, as the lexer takes its line break with it; a comment after
//! text removes itself and the spaces after it, which the lexer skips. A
//! data block (`{ … }`), an inference (`-- … --`) and the front matter
//! (`=== … ===`) are kept whole, line breaks and all, in the logical line
//! they start on.

/// One logical line: a physical line, or several joined by a data block,
/// an inference or the front matter that spans them.
#[derive(Debug)]
pub(super) struct Logical {
    /// The number of the physical line it starts on (from 1).
    pub(super) number: usize,
    pub(super) text: String,
}

/// The text as logical lines, comments removed.
pub(super) fn logical_lines(text: &str) -> Vec<Logical> {
    let mut scanner = Scanner {
        chars: text.chars().collect(),
        at: 0,
        line: 1,
        out: Vec::new(),
        current: String::new(),
        current_number: 1,
        previous_blank: true,
        seen_content: false,
    };
    scanner.run();
    scanner.out
}

struct Scanner {
    chars: Vec<char>,
    at: usize,
    /// The physical line of `at`.
    line: usize,
    out: Vec<Logical>,
    current: String,
    current_number: usize,
    /// Whether the last logical line was blank (Argdown's `Emptyline`).
    previous_blank: bool,
    /// Whether anything but white space has been read (front matter comes
    /// first or not at all).
    seen_content: bool,
}

fn is_break(c: char) -> bool {
    c == '\n' || c == '\r'
}

/// The line breaks in `chars` (`\r\n`, `\n` or `\r`).
fn breaks(chars: &[char]) -> usize {
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| c == '\n' || (c == '\r' && chars.get(i + 1) != Some(&'\n')))
        .count()
}

/// What JavaScript's `.` does not match.
fn is_js_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

impl Scanner {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn starts(&self, at: usize, pattern: &str) -> bool {
        (at..)
            .zip(pattern.chars())
            .all(|(i, c)| self.chars.get(i) == Some(&c))
    }

    /// Whether only spaces and tabs precede `at` on its physical line.
    fn at_line_start(&self) -> bool {
        self.current
            .rsplit('\n')
            .next()
            .is_none_or(|l| l.chars().all(|c| c == ' ' || c == '\t'))
    }

    fn run(&mut self) {
        while let Some(c) = self.peek(0) {
            if is_break(c) {
                self.line_break();
                continue;
            }
            if let Some(end) = comment_end(&self.chars, self.at) {
                self.comment(end);
                continue;
            }
            let line_start = self.at_line_start();
            if line_start && !self.seen_content && self.starts(self.at, "===") {
                if let Some(end) = front_matter_end(&self.chars, self.at) {
                    self.seen_content = true;
                    self.copy_to(end);
                    continue;
                }
            }
            if c != ' ' && c != '\t' {
                self.seen_content = true;
            }
            if line_start && c != ' ' && c != '\t' {
                if let Some(len) = self.relation_operator() {
                    self.copy_to(self.at + len);
                    continue;
                }
                if !self.previous_blank && self.starts(self.at, "--") {
                    self.inference();
                    continue;
                }
            }
            let end = opaque_end(&self.chars, self.at).unwrap_or(self.at + 1);
            self.copy_to(end);
        }
        self.finish_line();
    }

    /// Copies the characters up to `end`, counting the line breaks inside.
    fn copy_to(&mut self, end: usize) {
        let end = end.min(self.chars.len());
        let mut i = self.at;
        while i < end {
            let c = self.chars[i];
            if c == '\r' && self.chars.get(i + 1) == Some(&'\n') && i + 1 < end {
                self.current.push('\n');
                i += 2;
                self.line += 1;
                continue;
            }
            if is_break(c) {
                self.current.push('\n');
                self.line += 1;
            } else {
                self.current.push(c);
            }
            i += 1;
        }
        self.at = end;
    }

    fn line_break(&mut self) {
        let c = self.chars[self.at];
        self.at += 1;
        if c == '\r' && self.peek(0) == Some('\n') {
            self.at += 1;
        }
        self.finish_line();
        self.line += 1;
        self.current_number = self.line;
    }

    fn finish_line(&mut self) {
        self.previous_blank = self.current.trim().is_empty();
        self.out.push(Logical {
            number: self.current_number,
            text: std::mem::take(&mut self.current),
        });
    }

    /// Skips the comment ending at `end`. Alone on its line(s), it takes the
    /// spaces before it and, if nothing but spaces follows it, its line
    /// break; after text, it takes the spaces after it.
    fn comment(&mut self, end: usize) {
        let line_start = self.at_line_start();
        self.line += breaks(&self.chars[self.at..end]);
        self.at = end;
        if !line_start {
            while matches!(self.peek(0), Some(' ' | '\t')) {
                self.at += 1;
            }
            return;
        }
        let kept = self.current.rfind('\n').map_or(0, |at| at + 1);
        self.current.truncate(kept);
        let mut after = self.at;
        while matches!(self.chars.get(after), Some(' ' | '\t')) {
            after += 1;
        }
        match self.chars.get(after) {
            None => self.at = after,
            Some(&c) if is_break(c) => {
                // The line goes, break and all.
                self.at = after + 1;
                if c == '\r' && self.chars.get(self.at) == Some(&'\n') {
                    self.at += 1;
                }
                self.line += 1;
                if self.current.is_empty() {
                    self.current_number = self.line;
                }
            }
            Some(_) => {}
        }
    }

    /// A relation operator at the start of a line, which Argdown reads
    /// before anything else there (`<-` is no argument title).
    fn relation_operator(&self) -> Option<usize> {
        for op in ["+>", "->", "<+", "<-", "><", "_>", "<_"] {
            if self.starts(self.at, op) {
                return Some(2);
            }
        }
        None
    }

    /// `--` at the start of a line after a non-blank one: the inference,
    /// to the `--` that ends it, is one logical line (comments removed).
    /// Without an end, the line is read as it is.
    fn inference(&mut self) {
        let Some(close) = inference_end(&self.chars, self.at + 2) else {
            let end = self.at + 2;
            self.copy_to(end);
            return;
        };
        self.copy_to(self.at + 2);
        while self.at < close {
            if let Some(end) = comment_end(&self.chars, self.at) {
                if end <= close {
                    self.comment(end);
                    continue;
                }
            }
            let end = inference_opaque_end(&self.chars, self.at)
                .unwrap_or(self.at + 1)
                .min(close);
            self.copy_to(end);
        }
        let mut end = close;
        while self.chars.get(end) == Some(&'-') {
            end += 1;
        }
        self.copy_to(end);
    }
}

/// The end of a comment starting at `at`: `<!-- … -->` and `/* … */` (no
/// U+2028 or U+2029 inside, as in the lexer's pattern) or `// …` up to a
/// line break (at the end of the text without one, it is no comment).
pub(super) fn comment_end(chars: &[char], at: usize) -> Option<usize> {
    let starts = |pattern: &str| {
        pattern
            .chars()
            .enumerate()
            .all(|(i, c)| chars.get(at + i) == Some(&c))
    };
    let block = |open: usize, close: &str| {
        let close: Vec<char> = close.chars().collect();
        let mut i = at + open;
        while i + close.len() <= chars.len() {
            if chars[i..i + close.len()] == close[..] {
                return Some(i + close.len());
            }
            if matches!(chars[i], '\u{2028}' | '\u{2029}') {
                return None;
            }
            i += 1;
        }
        None
    };
    if starts("<!--") {
        block(4, "-->")
    } else if starts("/*") {
        block(2, "*/")
    } else if starts("//") {
        let mut i = at + 2;
        while let Some(&c) = chars.get(i) {
            if is_break(c) {
                return Some(i);
            }
            if is_js_terminator(c) {
                return None;
            }
            i += 1;
        }
        None
    } else {
        None
    }
}

/// The end of the front matter (`===+` … `===+`) starting at `at`.
fn front_matter_end(chars: &[char], at: usize) -> Option<usize> {
    let mut i = at;
    while chars.get(i) == Some(&'=') {
        i += 1;
    }
    while i + 3 <= chars.len() {
        if chars[i..i + 3] == ['=', '=', '='] {
            let mut end = i + 3;
            while chars.get(end) == Some(&'=') {
                end += 1;
            }
            return Some(end);
        }
        i += 1;
    }
    None
}

/// Where the `--` (or longer) that ends an inference begins, from `at`.
fn inference_end(chars: &[char], at: usize) -> Option<usize> {
    let mut i = at;
    while i < chars.len() {
        if comment_end(chars, i).is_some() {
            i = comment_end(chars, i).unwrap_or(i + 1);
            continue;
        }
        if chars[i] == '-' && chars.get(i + 1) == Some(&'-') {
            return Some(i);
        }
        i = inference_opaque_end(chars, i).unwrap_or(i + 1);
    }
    None
}

/// The end of a token of Argdown's inference mode that may hold comment or
/// dash characters: an escape, a shortcode, a data block.
fn inference_opaque_end(chars: &[char], at: usize) -> Option<usize> {
    match chars.get(at)? {
        '\\' => escape_end(chars, at),
        '.' | ':' => shortcode_end(chars, at),
        '{' => data_end(chars, at),
        _ => None,
    }
}

/// The end of a token of Argdown's default mode starting at `at` inside
/// which no comment starts: a data block, an escape, a shortcode, a link,
/// a statement or argument title, a mention, a tag in brackets.
fn opaque_end(chars: &[char], at: usize) -> Option<usize> {
    match chars.get(at)? {
        '{' => data_end(chars, at),
        '\\' => escape_end(chars, at),
        '.' | ':' => shortcode_end(chars, at),
        '[' => link_end(chars, at)
            .or_else(|| definition_end(chars, at, ']'))
            .or_else(|| reference_end(chars, at, ']')),
        '<' => definition_end(chars, at, '>').or_else(|| reference_end(chars, at, '>')),
        '@' => match chars.get(at + 1)? {
            '[' => lazy_close(chars, at + 2, ']').map(|end| end + 1),
            '<' => lazy_close(chars, at + 2, '>').map(|end| end + 1),
            _ => None,
        },
        '#' if chars.get(at + 1) == Some(&'(') => {
            let close = chars[at + 2..].iter().position(|&c| c == ')')?;
            (close > 0).then_some(at + 2 + close + 1)
        }
        _ => None,
    }
}

/// `\x`: the escape of one character (not a line break).
pub(super) fn escape_end(chars: &[char], at: usize) -> Option<usize> {
    match chars.get(at + 1) {
        Some(&c) if !is_js_terminator(c) => Some(at + 2),
        _ => None,
    }
}

/// `.name.` or `:name:` (no white space inside, at least one character).
pub(super) fn shortcode_end(chars: &[char], at: usize) -> Option<usize> {
    let mark = *chars.get(at)?;
    let mut i = at + 1;
    while let Some(&c) = chars.get(i) {
        if c.is_whitespace() {
            return None;
        }
        if c == mark && i > at + 1 {
            return Some(i + 1);
        }
        i += 1;
    }
    None
}

/// `[text](url)`: text and url non-empty, on one line.
pub(super) fn link_end(chars: &[char], at: usize) -> Option<usize> {
    if chars.get(at) != Some(&'[') {
        return None;
    }
    let close = at + 1 + chars[at + 1..].iter().position(|&c| c == ']')?;
    if close == at + 1 || chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let open = close + 1;
    let end = open + 1 + chars[open + 1..].iter().position(|&c| c == ')')?;
    if end == open + 1 || chars[at..end].iter().any(|&c| is_break(c)) {
        return None;
    }
    Some(end + 1)
}

/// The first `close` from `from` on the same line, if at least one
/// character lies before it.
fn lazy_close(chars: &[char], from: usize, close: char) -> Option<usize> {
    let mut i = from;
    while let Some(&c) = chars.get(i) {
        if is_js_terminator(c) {
            return None;
        }
        if c == close && i > from {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// `[title]:` or `<title>:`: the first closing bracket followed by `:`.
pub(super) fn definition_end(chars: &[char], at: usize, close: char) -> Option<usize> {
    let mut i = at + 2;
    while let Some(&c) = chars.get(i) {
        if is_js_terminator(c) {
            return None;
        }
        if c == close && chars.get(i + 1) == Some(&':') {
            return Some(i + 2);
        }
        i += 1;
    }
    None
}

/// `[title]` or `<title>` whose title does not start with `-`.
pub(super) fn reference_end(chars: &[char], at: usize, close: char) -> Option<usize> {
    match chars.get(at + 1) {
        Some('-') | None => None,
        Some(&c) if c == close => Some(at + 2),
        Some(_) => {
            let mut i = at + 2;
            while let Some(&c) = chars.get(i) {
                if is_js_terminator(c) {
                    return None;
                }
                if c == close {
                    return Some(i + 1);
                }
                i += 1;
            }
            None
        }
    }
}

/// The end of a data block starting with the `{` at `at`, as the lexer's
/// pattern `{((?!}\s[^,}])(.|\n))*}(?!\s*(,|}))` finds it: its content
/// runs to the last `}` that no `,` or `}` follows, before any `}` followed
/// by white space and another character, and before any line break but
/// `\n`.
pub(super) fn data_end(chars: &[char], at: usize) -> Option<usize> {
    if chars.get(at) != Some(&'{') {
        return None;
    }
    // The content may not pass `limit`.
    let mut limit = at + 1;
    while let Some(&c) = chars.get(limit) {
        let blocked = c == '}'
            && chars.get(limit + 1).is_some_and(|c| c.is_whitespace())
            && chars.get(limit + 2).is_some_and(|&c| c != ',' && c != '}');
        if blocked || (c != '\n' && is_js_terminator(c)) {
            break;
        }
        limit += 1;
    }
    let last = limit.min(chars.len().saturating_sub(1));
    (at + 1..=last).rev().find_map(|close| {
        if chars.get(close) != Some(&'}') {
            return None;
        }
        let next = chars[close + 1..].iter().find(|c| !c.is_whitespace());
        (!matches!(next, Some(',' | '}'))).then_some(close + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(usize, String)> {
        logical_lines(text)
            .into_iter()
            .map(|l| (l.number, l.text))
            .collect()
    }

    #[test]
    fn comments_go_as_the_lexer_skips_them() {
        assert_eq!(
            lines("/* a\n b */\n[A]: a // c\n  + [B]: b <!-- x --> c\n"),
            [
                (3, "[A]: a ".to_owned()),
                (4, "  + [B]: b c".to_owned()),
                (5, String::new())
            ]
        );
        // Inside a title, a link or data, no comment starts.
        assert_eq!(
            lines("[A // x]: [l](http://x) {u: \"http://y\"}"),
            [(1, "[A // x]: [l](http://x) {u: \"http://y\"}".to_owned())]
        );
        // At the end without a line break, `//` is text.
        assert_eq!(lines("a // b"), [(1, "a // b".to_owned())]);
        // A comment before a relation: the spaces after it indent it.
        assert_eq!(lines("/* c */ + [B]"), [(1, " + [B]".to_owned())]);
    }

    #[test]
    fn data_and_inferences_keep_their_lines() {
        assert_eq!(
            lines("[A]: a\n  {\n    k: v\n  }\n  + [B]"),
            [
                (1, "[A]: a".to_owned()),
                (2, "  {\n    k: v\n  }".to_owned()),
                (5, "  + [B]".to_owned())
            ]
        );
        assert_eq!(
            lines("(1) p\n--\nRule // c\n{uses: [1]}\n--\n(2) q"),
            [
                (1, "(1) p".to_owned()),
                (2, "--\nRule \n{uses: [1]}\n--".to_owned()),
                (6, "(2) q".to_owned())
            ]
        );
    }

    #[test]
    fn data_ends_as_the_lexer_pattern_does() {
        let end = |s: &str| data_end(&s.chars().collect::<Vec<_>>(), 0);
        assert_eq!(end("{a: 1} b"), Some(6));
        assert_eq!(end("{a: {b: 1}}"), Some(11));
        assert_eq!(end("{a: 1"), None);
        assert_eq!(end("{a: 1}\n  + [B]"), Some(6));
        assert_eq!(end("{\n a: 1\n}\n"), Some(9));
    }
}
