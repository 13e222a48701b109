//! Byte-level scanning for the framework readers (ICCMA, APX, TGF): the
//! fast path for the lines that make up nearly all of a large file.
//!
//! A reader first offers each line to its fast path, which takes only the
//! plainest form of the commonest line (two numbers; `att(a,b).`; two
//! names) and leaves the cursor where it was on anything else. Such a line
//! goes to the reader's general line parser, which handles every form the
//! format allows and words every error. So the fast path changes neither
//! what is read nor what an error says, only how fast a plain file reads.

/// A position in the text, at the start of a line between calls.
pub(crate) struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// Spaces and tabs, which separate tokens within a line.
fn blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(text: &'a str) -> Cursor<'a> {
        Cursor {
            bytes: text.as_bytes(),
            at: 0,
        }
    }

    /// Whether the whole text has been read.
    pub(crate) fn is_done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    /// Where the cursor is, to come back to.
    pub(crate) fn mark(&self) -> usize {
        self.at
    }

    pub(crate) fn reset(&mut self, mark: usize) {
        self.at = mark;
    }

    /// Skips spaces and tabs.
    pub(crate) fn blanks(&mut self) {
        while self.at < self.bytes.len() && blank(self.bytes[self.at]) {
            self.at += 1;
        }
    }

    /// Skips at least one space or tab; `false` if there is none.
    pub(crate) fn separator(&mut self) -> bool {
        let start = self.at;
        self.blanks();
        self.at > start
    }

    /// A number of 1 to 9 decimal digits (so it fits in `u32`), and no
    /// sign.
    pub(crate) fn number(&mut self) -> Option<u32> {
        let start = self.at;
        let mut value: u32 = 0;
        while self.at < self.bytes.len() && self.at - start < 9 {
            let digit = self.bytes[self.at].wrapping_sub(b'0');
            if digit > 9 {
                break;
            }
            value = value * 10 + digit as u32;
            self.at += 1;
        }
        let followed_by_digit = self.bytes.get(self.at).is_some_and(u8::is_ascii_digit);
        (self.at > start && !followed_by_digit).then_some(value)
    }

    /// A run of bytes that satisfy `keep`, at least one.
    pub(crate) fn token(&mut self, keep: impl Fn(u8) -> bool) -> Option<&'a str> {
        let start = self.at;
        while self.at < self.bytes.len() && keep(self.bytes[self.at]) {
            self.at += 1;
        }
        // The callers keep only ASCII bytes, so the run is valid UTF-8 on
        // its own; the check is a formality that never fails.
        (self.at > start)
            .then(|| std::str::from_utf8(&self.bytes[start..self.at]).ok())
            .flatten()
    }

    /// These exact bytes.
    pub(crate) fn literal(&mut self, expected: &[u8]) -> bool {
        let found = self.bytes[self.at..].starts_with(expected);
        if found {
            self.at += expected.len();
        }
        found
    }

    /// The end of the line: spaces, tabs and carriage returns, then a line
    /// feed (consumed) or the end of the text.
    pub(crate) fn end_of_line(&mut self) -> bool {
        while self.at < self.bytes.len()
            && (blank(self.bytes[self.at]) || self.bytes[self.at] == b'\r')
        {
            self.at += 1;
        }
        match self.bytes.get(self.at) {
            None => true,
            Some(b'\n') => {
                self.at += 1;
                true
            }
            Some(_) => false,
        }
    }

    /// The rest of the line as `str::lines` gives it (without the line
    /// feed and one carriage return before it); the cursor moves to the
    /// next line.
    pub(crate) fn rest_of_line(&mut self, text: &'a str) -> &'a str {
        let start = self.at;
        let end = self.bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.bytes.len(), |i| start + i);
        self.at = (end + 1).min(self.bytes.len());
        let line = &text[start..end];
        line.strip_suffix('\r').unwrap_or(line)
    }
}

/// Texts for checking a reader's fast path against its general line
/// parser: lines of the given forms, with `{a}` and `{b}` replaced by small
/// numbers and `{s}` by a run of blanks, joined by `\n` or `\r\n`.
#[cfg(test)]
pub(crate) fn texts(
    forms: &'static [&'static str],
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    const BLANKS: [&str; 5] = ["", " ", "\t", "  ", " \t"];
    let line = (
        0..forms.len(),
        0u32..12,
        0u32..12,
        0..BLANKS.len(),
        any::<bool>(),
    );
    (proptest::collection::vec(line, 0..40), any::<bool>()).prop_map(move |(lines, last)| {
        let mut text = String::new();
        for (i, (form, a, b, s, crlf)) in lines.iter().enumerate() {
            text.push_str(
                &forms[*form]
                    .replace("{a}", &a.to_string())
                    .replace("{b}", &b.to_string())
                    .replace("{s}", BLANKS[*s]),
            );
            if i + 1 < lines.len() || last {
                text.push_str(if *crlf { "\r\n" } else { "\n" });
            }
        }
        text
    })
}
