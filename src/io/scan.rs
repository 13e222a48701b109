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
    text: &'a str,
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
            text,
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

    /// The plainest attack line, `a b` and a line feed: two numbers of 1
    /// to 7 digits and one space between them, read eight bytes at a time.
    /// `None`, with the cursor where it was, for any other line (which
    /// [`number`](Cursor::number) and the others then read).
    #[inline]
    pub(crate) fn number_pair(&mut self) -> Option<(u32, u32)> {
        let (a, i) = short_number(self.bytes, self.at)?;
        if self.bytes[i] != b' ' {
            return None;
        }
        let (b, j) = short_number(self.bytes, i + 1)?;
        if self.bytes[j] != b'\n' {
            return None;
        }
        self.at = j + 1;
        Some((a, b))
    }

    /// The plainest attack between named arguments, `pa pb` and a line
    /// feed: `prefix` and a number of 1 to 7 digits without a leading zero
    /// (as the framework's name index splits a name), twice, one space between them, the numbers read eight bytes
    /// at a time. `None`, with the cursor where it was, for any other line.
    #[inline]
    pub(crate) fn numbered_pair(&mut self, prefix: &[u8]) -> Option<(u32, u32)> {
        let (a, i) = numbered_name(self.bytes, self.at, prefix)?;
        if self.bytes[i] != b' ' {
            return None;
        }
        let (b, j) = numbered_name(self.bytes, i + 1, prefix)?;
        if self.bytes[j] != b'\n' {
            return None;
        }
        self.at = j + 1;
        Some((a, b))
    }

    /// A run of bytes that satisfy `keep`, at least one.
    pub(crate) fn token(&mut self, keep: impl Fn(u8) -> bool) -> Option<&'a str> {
        let start = self.at;
        while self.at < self.bytes.len() && keep(self.bytes[self.at]) {
            self.at += 1;
        }
        // The callers keep only ASCII bytes, and a byte after an ASCII
        // byte starts a character, so the run is a slice of the text; the
        // check is a formality that never fails.
        (self.at > start)
            .then(|| self.text.get(start..self.at))
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

/// How many lines the text has (line feeds, and one more for a last line
/// without one): what a reader reserves for its attacks, so that the list
/// never grows and copies itself.
pub(crate) fn lines(text: &str) -> usize {
    // Counted in bytes over runs of 255, which the compiler turns into
    // sixteen comparisons at a time.
    let feeds: usize = (text.as_bytes().chunks(255))
        .map(|run| usize::from(run.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n'))))
        .sum();
    feeds + usize::from(!text.ends_with('\n'))
}

/// Eight `b` bytes.
const fn splat(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The number of 1 to 7 decimal digits at `at`, and where it ends; `None`
/// if there are no digits, eight or more, or fewer than eight bytes left.
///
/// The eight bytes from `at` are read as one little-endian word (the first
/// byte lowest). A byte is a digit when its high nibble is 3 and adding 6
/// leaves it 3 (low nibble at most 9); the text is UTF-8, which has no
/// byte above 0xF7, so adding 6 to a byte never carries into the next.
/// The digits are then shifted to the top of the word, behind zeros, and
/// combined in three multiplications: pairs, then fours, then all eight.
#[inline]
fn short_number(bytes: &[u8], at: usize) -> Option<(u32, usize)> {
    let chunk: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    let word = u64::from_le_bytes(chunk);
    let high = splat(0xF0);
    let not_digit =
        ((word & high) ^ splat(0x30)) | ((word.wrapping_add(splat(0x06)) & high) ^ splat(0x30));
    let len = (not_digit.trailing_zeros() / 8) as usize;
    if len == 0 || len == 8 {
        return None;
    }
    let digits = (word & splat(0x0F)) << (8 * (8 - len));
    let pairs = (digits.wrapping_mul(10 << 8 | 1) >> 8) & 0x00FF_00FF_00FF_00FF;
    let fours = (pairs.wrapping_mul(100 << 16 | 1) >> 16) & 0x0000_FFFF_0000_FFFF;
    let all = fours.wrapping_mul(10_000 << 32 | 1) >> 32;
    Some((all as u32, at + len))
}

/// `prefix` and a number of 1 to 7 digits at `at` (see
/// [`short_number`]), without a leading zero but for `0` itself; the
/// number and where it ends.
#[inline]
fn numbered_name(bytes: &[u8], at: usize, prefix: &[u8]) -> Option<(u32, usize)> {
    let digits = at + prefix.len();
    // Byte by byte: the prefix is short, shorter than a call to `memcmp`.
    let found = bytes.get(at..digits)?;
    if !found.iter().zip(prefix).all(|(a, b)| a == b) {
        return None;
    }
    let (k, end) = short_number(bytes, digits)?;
    (bytes[digits] != b'0' || end == digits + 1).then_some((k, end))
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// What `short_number` gives, read one byte at a time.
    fn one_by_one(bytes: &[u8], at: usize) -> Option<(u32, usize)> {
        let window = bytes.get(at..at + 8)?;
        let len = window.iter().take_while(|b| b.is_ascii_digit()).count();
        let digits = std::str::from_utf8(&window[..len]).ok()?;
        (1..8)
            .contains(&len)
            .then(|| (digits.parse().expect("digits"), at + len))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        /// Eight bytes at a time read the same numbers as one at a time,
        /// next to the bytes around the digits (`/`, `:`, `?`, `@`) and
        /// multi-byte characters.
        #[test]
        fn short_numbers_read_as_one_byte_at_a_time(
            text in "[0-9 /:?@\\t\\r\\néа€😀]{0,24}",
            at in 0usize..24,
        ) {
            let bytes = text.as_bytes();
            prop_assert_eq!(super::short_number(bytes, at), one_by_one(bytes, at), "{:?} at {}", text, at);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        /// A prefix and a number read as the prefix, then the number one
        /// byte at a time, refused with a leading zero.
        #[test]
        fn numbered_names_read_as_one_byte_at_a_time(
            text in "[0-9 ab/:é\n]{0,24}",
            prefix in "(|a|b|ab|é)",
            at in 0usize..24,
        ) {
            let (bytes, prefix) = (text.as_bytes(), prefix.as_bytes());
            let expected = bytes
                .get(at..)
                .filter(|rest| rest.starts_with(prefix))
                .and_then(|_| one_by_one(bytes, at + prefix.len()))
                .filter(|&(_, end)| bytes[at + prefix.len()] != b'0' || end == at + prefix.len() + 1);
            prop_assert_eq!(super::numbered_name(bytes, at, prefix), expected, "{:?} at {}", text, at);
        }
    }

    #[test]
    fn lines_are_counted_as_str_lines_gives_them() {
        for text in ["", "\n", "a", "a\n", "a\nb", "\n\n", "a\r\nb\r\n"] {
            assert_eq!(super::lines(text), text.lines().count().max(1), "{text:?}");
        }
        let long = "12 34\n".repeat(1000);
        assert_eq!(super::lines(&long), 1000);
    }

    #[test]
    fn short_numbers_at_their_limits() {
        assert_eq!(super::short_number(b"9999999 x", 0), Some((9_999_999, 7)));
        assert_eq!(super::short_number(b"0000001\n", 0), Some((1, 7)));
        assert_eq!(super::short_number(b"x5 12345678", 1), Some((5, 2)));
        assert_eq!(super::short_number(b"12345678", 0), None);
        assert_eq!(super::short_number(b"1234567", 0), None);
    }
}
