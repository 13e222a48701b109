//! The Trivial Graph Format as used for frameworks: one argument name per
//! line, a line `#`, then one attack `a b` per line.

use super::iccma::syntax;
use super::scan::Cursor;
use crate::argument::{Framework, Named};
use crate::error::Result;

/// What the reader has so far.
struct Reader {
    /// The arguments: the framework is made at the end, with the attacks.
    names: Named,
    attacks: Vec<(u32, u32)>,
    /// Whether the `#` separator has been read.
    in_attacks: bool,
    /// From the separator on, the prefix of the names made of a prefix
    /// and a number, if any (see [`Reader::numbered_line`]).
    prefix: Option<Vec<u8>>,
}

/// A name's bytes on the fast path: printable ASCII but the space.
fn graphic(b: u8) -> bool {
    b.is_ascii_graphic()
}

impl Reader {
    /// The fastest path, for the attack lines of a large file: `pa pb`
    /// and a line feed, both names the prefix and a number that the name
    /// index finds without reading the name. `None`, with nothing changed
    /// but the cursor, for anything else.
    #[inline]
    fn numbered_line(&mut self, cursor: &mut Cursor<'_>) -> Option<()> {
        let (a, b) = cursor.numbered_pair(self.prefix.as_deref()?)?;
        let (a, b) = (self.names.numbered(a)?, self.names.numbered(b)?);
        self.attacks.push((a, b));
        Some(())
    }

    /// The fast path: one new name, or an attack between two listed names,
    /// in printable ASCII. `None`, with nothing changed, for anything else
    /// (the separator included).
    fn plain_line(&mut self, cursor: &mut Cursor<'_>) -> Option<()> {
        cursor.blanks();
        let first = cursor.token(graphic)?;
        if !self.in_attacks {
            (first != "#" && cursor.end_of_line()).then_some(())?;
            return self.names.push(first).map(|_| ());
        }
        cursor.separator().then_some(())?;
        let second = cursor.token(graphic)?;
        cursor.end_of_line().then_some(())?;
        let (a, b) = (self.names.get(first)?, self.names.get(second)?);
        self.attacks.push((a, b));
        Some(())
    }

    /// One line, in any form the format allows.
    fn line(&mut self, raw: &str, line: usize) -> Result<()> {
        let content = raw.trim();
        if content.is_empty() {
            return Ok(());
        }
        if content == "#" {
            if self.in_attacks {
                return Err(syntax("tgf", line, "a second `#` separator"));
            }
            self.in_attacks = true;
            self.prefix = self.names.prefix().map(|p| p.as_bytes().to_vec());
            return Ok(());
        }
        let tokens: Vec<&str> = content.split_ascii_whitespace().collect();
        if !self.in_attacks {
            let [name] = tokens.as_slice() else {
                return Err(syntax(
                    "tgf",
                    line,
                    format!("expected one argument name, found `{content}`"),
                ));
            };
            // Refused as `Framework::add_argument` refuses it.
            if !Framework::valid_name(name) || self.names.push(name).is_none() {
                return Err(syntax(
                    "tgf",
                    line,
                    format!("argument `{name}` listed twice"),
                ));
            }
            return Ok(());
        }
        let [a, b] = tokens.as_slice() else {
            return Err(syntax(
                "tgf",
                line,
                format!("expected an attack `a b`, found `{content}`"),
            ));
        };
        let find = |name: &str| {
            self.names.get(name).ok_or_else(|| {
                syntax(
                    "tgf",
                    line,
                    format!("attack names unlisted argument `{name}`"),
                )
            })
        };
        let (a, b) = (find(a)?, find(b)?);
        self.attacks.push((a, b));
        Ok(())
    }
}

impl Framework {
    /// Reads a framework in the TGF format.
    ///
    /// ```text
    /// a
    /// b
    /// #
    /// a b
    /// ```
    ///
    /// # Errors
    /// [`Error::Utf8`](crate::Error::Utf8) for bytes that are not UTF-8;
    /// [`Error::Syntax`](crate::Error::Syntax) with the line: a name with
    /// spaces, an argument listed twice, an attack that is not two names or
    /// names an unlisted argument.
    ///
    /// # Complexity
    /// O(size of the text + attacks). A line that is one new name or an
    /// attack between two listed names, in printable ASCII, takes a
    /// byte-level fast path (an attack between names of one prefix and a
    /// number, `a12 a345`, is read eight bytes at a time and looked up by
    /// its numbers); any other line is read in full, so both give the
    /// same framework and errors.
    pub fn from_tgf(text: impl AsRef<[u8]>) -> Result<Framework> {
        read(crate::io::foreign::utf8(text.as_ref())?, true)
    }

    /// Writes the framework in the TGF format.
    pub fn to_tgf(&self) -> String {
        let mut out = String::new();
        let names: Vec<String> = self
            .arguments()
            .map(|a| self.name(a).unwrap_or_default())
            .collect();
        for name in &names {
            out.push_str(name);
            out.push('\n');
        }
        out.push_str("#\n");
        for (a, b) in self.attacks() {
            out.push_str(&format!("{} {}\n", names[a.index()], names[b.index()]));
        }
        out
    }
}

/// Reads the text; `fast` takes the fast path where it can (off only in
/// the tests that check it changes nothing).
fn read(text: &str, fast: bool) -> Result<Framework> {
    let mut reader = Reader {
        names: Named::default(),
        attacks: Vec::with_capacity(super::scan::lines(text)),
        in_attacks: false,
        prefix: None,
    };
    let mut cursor = Cursor::new(text);
    let mut line = 0;
    while !cursor.is_done() {
        line += 1;
        let mark = cursor.mark();
        if fast && reader.numbered_line(&mut cursor).is_some() {
            continue;
        }
        cursor.reset(mark);
        if fast && reader.plain_line(&mut cursor).is_some() {
            continue;
        }
        cursor.reset(mark);
        reader.line(cursor.rest_of_line(text), line)?;
    }
    Ok(reader.names.into_framework(&reader.attacks))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    const FORMS: &[&str] = &[
        "a{a}",
        "{s}a{b}{s}",
        "#",
        "{s}#{s}",
        "a{a} a{b}",
        "a{a}\ta{b}",
        "{s}a{a}{s}a{b}{s}",
        "",
        "a{a} a{b} a{a}",
        "é{a}",
        "a{a}\u{a0}",
        "#x{a}",
        "{a}",
        "{a} {b}",
        // Names by a prefix and a number, and near misses: leading zeros,
        // another prefix, numbers far beyond the names so far (kept apart
        // from the others) or of eight digits and more, two spaces.
        "a{a}{b}",
        "a0{a}",
        "b{a}",
        "a{a}00000",
        "a{a}0000000",
        "a0{a} a{b}",
        "b{a} a{b}",
        "a{a}00000 a{b}",
        "a{a} a{b}0000000",
        "a{a}  a{b}",
        "a{a}{b} a{b}{a}",
        "{a}{b} {b}",
    ];

    /// Name lines other than `a{a}`: out of order, far beyond the
    /// others, of eight digits, with a leading zero, another prefix, no
    /// prefix, and lines that are not one name.
    const NAMES: &[&str] = &[
        "a{a}",
        "a{a}{a}",
        "{s}a{a}{s}",
        "a0{a}",
        "b{a}",
        "{a}",
        "a{a}00000",
        "a{a}0000000",
        "é{a}",
        "",
        "a{a} a{a}",
    ];

    const SEPARATORS: &[&str] = &["#", "#", "#", " # ", "#\r", "", "#x"];

    /// Attack lines, most the plain form, and near misses.
    const ATTACKS: &[&str] = &[
        "a{a} a{b}",
        "a{a} a{b}",
        "a{a} a{b}",
        "a{a} a{b}",
        "a{a} a{b}",
        "a{a} a{b}",
        "a{a}{b} a{b}",
        "a0{a} a{b}",
        "a{a} a0{b}",
        "b{a} a{b}",
        "a{a} b{b}",
        "{a} {b}",
        "a{a}00000 a{b}",
        "a{a} a{b}0000000",
        "a{a}  a{b}",
        "a{a}\ta{b}",
        "{s}a{a} a{b}{s}",
        "a{a} a{b}\r",
        "é{a} a{b}",
        "a{a} a{b} a{a}",
        "a{a}",
        "",
        "#",
    ];

    /// Files in the format's shape: names `a{first}`, `a{first + 1}`, …
    /// in order (a run) or reversed (the table), with a few names of
    /// other forms among them, a separator, then attacks, most between
    /// listed names, a few near misses; then blank lines or not, so
    /// that the last lines are also near the end of the text.
    fn files() -> impl Strategy<Value = String> {
        use proptest::collection::vec;
        let names = (
            0u32..3,
            0u32..24,
            any::<bool>(),
            vec((0..NAMES.len(), 0u32..30, 0usize..24), 0..3),
        );
        let attacks = vec((0..ATTACKS.len(), 0u32..26, 0u32..26), 0..24);
        let ends = (0usize..3, proptest::bool::weighted(0.2));
        (names, 0..SEPARATORS.len(), attacks, ends).prop_map(
            |((first, count, reversed, extra), separator, attacks, (blank, crlf))| {
                let mut lines: Vec<String> =
                    (first..first + count).map(|k| format!("a{k}")).collect();
                if reversed {
                    lines.reverse();
                }
                for (form, k, at) in extra {
                    let line = NAMES[form]
                        .replace("{a}", &k.to_string())
                        .replace("{s}", " ");
                    lines.insert(at.min(lines.len()), line);
                }
                lines.push(SEPARATORS[separator].to_owned());
                for (form, a, b) in attacks {
                    lines.push(
                        (ATTACKS[form].replace("{a}", &a.to_string()))
                            .replace("{b}", &b.to_string())
                            .replace("{s}", "\t"),
                    );
                }
                lines.extend(std::iter::repeat_n(String::new(), blank));
                lines.join(if crlf { "\r\n" } else { "\n" })
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The fast path changes nothing: the same framework, or the same
        /// error, as the general line parser alone.
        #[test]
        fn the_fast_path_reads_as_the_line_parser(text in crate::io::scan::texts(FORMS)) {
            prop_assert_eq!(super::read(&text, true), super::read(&text, false), "{:?}", text);
        }

        /// The same on files in the format's shape, names, separator,
        /// attacks, as large files are (where lines of any form stop most
        /// texts at their first misplaced line).
        #[test]
        fn the_fast_path_reads_files_as_the_line_parser(text in files()) {
            prop_assert_eq!(super::read(&text, true), super::read(&text, false), "{:?}", text);
        }
    }
}
