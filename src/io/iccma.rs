//! The ICCMA 2023 format for abstract frameworks: a header `p af N`, then
//! one attack `a b` per line (arguments numbered 1 to N); lines starting
//! with `#` are comments.

use super::scan::Cursor;
use crate::argument::{Argument, Framework};
use crate::error::{Error, Result};

pub(crate) fn syntax(format: &'static str, line: usize, message: impl Into<String>) -> Error {
    Error::Syntax {
        format,
        line,
        message: message.into(),
    }
}

fn number(token: &str, line: usize, n: usize) -> Result<Argument> {
    let value: usize = token.parse().map_err(|_| {
        syntax(
            "iccma",
            line,
            format!("`{token}` is not an argument number"),
        )
    })?;
    if value == 0 || value > n {
        return Err(syntax(
            "iccma",
            line,
            format!("argument {value} is out of range 1..={n}"),
        ));
    }
    Ok(Argument::new(value as u32 - 1))
}

/// The fast path: `a b` with both in 1..=n, as 0-based arguments.
fn plain_attack(cursor: &mut Cursor<'_>, n: u32) -> Option<(u32, u32)> {
    let in_range = |x: u32| (1..=n).contains(&x);
    if let Some((a, b)) = cursor.number_pair() {
        return (in_range(a) && in_range(b)).then(|| (a - 1, b - 1));
    }
    cursor.blanks();
    let a = cursor.number()?;
    if !cursor.separator() {
        return None;
    }
    let b = cursor.number()?;
    (in_range(a) && in_range(b) && cursor.end_of_line()).then(|| (a - 1, b - 1))
}

/// What the reader has so far: the declared number of arguments and the
/// attacks.
struct Reader {
    n: Option<u32>,
    attacks: Vec<(u32, u32)>,
}

impl Reader {
    /// One line, in any form the format allows (the fast path takes only
    /// the plainest attacks).
    fn line(&mut self, raw: &str, line: usize) -> Result<()> {
        let content = raw.trim();
        if content.is_empty() || content.starts_with('#') {
            return Ok(());
        }
        let mut tokens = content.split_ascii_whitespace();
        let first = tokens.next().unwrap_or_default();
        if first == "p" {
            if self.n.is_some() {
                return Err(syntax("iccma", line, "a second `p af` header"));
            }
            let (kind, count, extra) = (tokens.next(), tokens.next(), tokens.next());
            let n = match (kind, count, extra) {
                (Some("af"), Some(count), None) => count.parse::<u32>().map_err(|_| {
                    syntax(
                        "iccma",
                        line,
                        format!("`{count}` is not a number of arguments"),
                    )
                })?,
                _ => {
                    return Err(syntax(
                        "iccma",
                        line,
                        format!("expected `p af N`, found `{content}`"),
                    ));
                }
            };
            if n as usize > Framework::MAX_DECLARED_ARGUMENTS {
                return Err(syntax(
                    "iccma",
                    line,
                    format!(
                        "`p af {n}` declares more than {} arguments",
                        Framework::MAX_DECLARED_ARGUMENTS
                    ),
                ));
            }
            self.n = Some(n);
            return Ok(());
        }
        let Some(n) = self.n else {
            return Err(syntax(
                "iccma",
                line,
                "an attack before the `p af N` header",
            ));
        };
        let n = n as usize;
        match (tokens.next(), tokens.next()) {
            (Some(second), None) => {
                let (a, b) = (number(first, line, n)?, number(second, line, n)?);
                self.attacks.push((a.0, b.0));
                Ok(())
            }
            _ => Err(syntax(
                "iccma",
                line,
                format!("expected an attack `a b`, found `{content}`"),
            )),
        }
    }
}

impl Framework {
    /// Reads a framework in the ICCMA 2023 format.
    ///
    /// ```text
    /// p af 3
    /// # a comment
    /// 1 2
    /// 2 3
    /// ```
    ///
    /// # Errors
    /// [`Error::Utf8`](crate::Error::Utf8) for bytes that are not UTF-8;
    /// [`Error::Syntax`] with the line: a missing or malformed `p af N`
    /// header, a second header, an argument number out of range or not a
    /// number, a line that is not two numbers. A repeated attack is kept once.
    ///
    /// # Complexity
    /// O(size of the text + attacks). Plain attack lines (two numbers
    /// separated by spaces or tabs) take a byte-level fast path; any other
    /// line is read in full, so both give the same framework and errors.
    pub fn from_iccma(text: impl AsRef<[u8]>) -> Result<Framework> {
        read(crate::io::foreign::utf8(text.as_ref())?, true)
    }

    /// Writes the framework in the ICCMA 2023 format (names, supports and
    /// weights are not part of it).
    pub fn to_iccma(&self) -> String {
        let mut out = String::with_capacity(16 + 12 * self.attack_count());
        out.push_str(&format!("p af {}\n", self.len()));
        for (a, b) in self.attacks() {
            out.push_str(&format!("{} {}\n", a.number(), b.number()));
        }
        out
    }
}

/// Reads the text; `fast` takes the fast path where it can (off only in
/// the tests that check it changes nothing).
fn read(text: &str, fast: bool) -> Result<Framework> {
    let mut reader = Reader {
        n: None,
        attacks: Vec::with_capacity(super::scan::lines(text)),
    };
    let mut cursor = Cursor::new(text);
    let mut line = 0;
    while !cursor.is_done() {
        line += 1;
        if let Some(n) = reader.n.filter(|_| fast) {
            let mark = cursor.mark();
            if let Some(attack) = plain_attack(&mut cursor, n) {
                reader.attacks.push(attack);
                continue;
            }
            cursor.reset(mark);
        }
        reader.line(cursor.rest_of_line(text), line)?;
    }
    let n = reader
        .n
        .ok_or_else(|| syntax("iccma", 0, "no `p af N` header"))?;
    Ok(Framework::with_attacks(n as usize, &reader.attacks))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    const FORMS: &[&str] = &[
        "p af {a}",
        "{s}p af {a}{s}",
        "{a} {b}",
        "{s}{a}{s}{b}{s}",
        "{a}\t{b}",
        "# a comment {a}",
        "",
        "{s}",
        "{a} {b} {a}",
        "+{a} {b}",
        "0{a} {b}",
        "x {b}",
        "{a}\u{a0}{b}",
        "\u{a0}{a} {b}",
        "1234567890 {b}",
        "{a}{b}{a}{b}{a}{b}{a}{b}{a}{b} {b}",
        "p af 99999999999",
        "p af 9999999",
        "{a}00000 {b}{b}",
        "{a}{b}0000{s}{b}000",
        "{b}\t{a}000000",
        "{a}\r{b}",
        "{a}",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The fast path changes nothing: the same framework, or the same
        /// error, as the general line parser alone.
        #[test]
        fn the_fast_path_reads_as_the_line_parser(text in crate::io::scan::texts(FORMS)) {
            prop_assert_eq!(super::read(&text, true), super::read(&text, false), "{:?}", text);
        }
    }
}
