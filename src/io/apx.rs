//! The APX (ASPARTIX) format for abstract frameworks: facts `arg(a).` and
//! `att(a,b).`, one or more per line; `%` starts a comment. Names that are
//! not plain identifiers are written in double quotes.

use super::iccma::syntax;
use super::scan::Cursor;
use crate::argument::Framework;
use crate::error::Result;

/// Splits a line into statements at `.` outside quotes and parentheses, and
/// drops a `%` comment outside quotes.
fn statements(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut depth, mut quoted, mut escaped) = (0, 0i32, false, false);
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth -= 1,
            '%' if !quoted => {
                out.push(&line[start..i]);
                return out
                    .into_iter()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
            }
            '.' if !quoted && depth == 0 => {
                out.push(&line[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&line[start..]);
    out.into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Splits `att(a,b)` into its predicate and terms, unquoting quoted terms.
fn fact(text: &str) -> Option<(&str, Vec<String>)> {
    let open = text.find('(')?;
    let inner = text[open + 1..].strip_suffix(')')?;
    let mut terms = Vec::new();
    let mut current = String::new();
    let (mut quoted, mut escaped, mut was_quoted) = (false, false, false);
    for c in inner.chars() {
        match c {
            _ if escaped => {
                current.push(c);
                escaped = false;
            }
            '\\' if quoted => escaped = true,
            '"' => {
                quoted = !quoted;
                was_quoted = true;
            }
            ',' if !quoted => {
                terms.push(finish(&mut current, &mut was_quoted)?);
            }
            _ => current.push(c),
        }
    }
    if quoted {
        return None;
    }
    terms.push(finish(&mut current, &mut was_quoted)?);
    Some((text[..open].trim(), terms))
}

/// A finished term: trimmed if bare; a bare term may not contain spaces.
fn finish(current: &mut String, was_quoted: &mut bool) -> Option<String> {
    let term = std::mem::take(current);
    let term = if *was_quoted {
        term
    } else {
        term.trim().to_owned()
    };
    *was_quoted = false;
    (!term.is_empty() && !term.chars().any(char::is_whitespace)).then_some(term)
}

/// A name as an APX term: bare if it is a plain identifier, else quoted.
fn term(name: &str) -> String {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        name.to_owned()
    } else {
        format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// A bare identifier's bytes.
fn ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The fast path: a line that is one `arg(x).` or `att(x,y).` with bare
/// identifiers and nothing else, naming a new argument or two declared
/// ones. `None`, with nothing changed, for anything else.
fn plain_fact(
    cursor: &mut Cursor<'_>,
    framework: &mut Framework,
    attacks: &mut Vec<(u32, u32)>,
) -> Option<()> {
    cursor.blanks();
    if cursor.literal(b"att(") {
        let a = cursor.token(ident)?;
        cursor.literal(b",").then_some(())?;
        let b = cursor.token(ident)?;
        (cursor.literal(b").") && cursor.end_of_line()).then_some(())?;
        let (a, b) = (framework.argument(a)?, framework.argument(b)?);
        attacks.push((a.index() as u32, b.index() as u32));
        return Some(());
    }
    cursor.literal(b"arg(").then_some(())?;
    let name = cursor.token(ident)?;
    (cursor.literal(b").") && cursor.end_of_line()).then_some(())?;
    framework.push_argument(name).map(|_| ())
}

/// One line, in any form the format allows.
fn read_line(
    raw: &str,
    line: usize,
    framework: &mut Framework,
    attacks: &mut Vec<(u32, u32)>,
) -> Result<()> {
    for statement in statements(raw) {
        let bad = || {
            syntax(
                "apx",
                line,
                format!("expected `arg(x)` or `att(x,y)`, found `{statement}`"),
            )
        };
        let (predicate, terms) = fact(statement).ok_or_else(bad)?;
        match (predicate, terms.as_slice()) {
            ("arg", [name]) => {
                if framework.argument(name).is_some() {
                    return Err(syntax(
                        "apx",
                        line,
                        format!("argument `{name}` declared twice"),
                    ));
                }
                framework.add_argument(name.as_str()).map_err(|_| bad())?;
            }
            ("att", [a, b]) => {
                let find = |name: &str| {
                    framework.argument(name).ok_or_else(|| {
                        syntax(
                            "apx",
                            line,
                            format!("attack names undeclared argument `{name}`"),
                        )
                    })
                };
                let (a, b) = (find(a)?, find(b)?);
                attacks.push((a.index() as u32, b.index() as u32));
            }
            _ => return Err(bad()),
        }
    }
    Ok(())
}

impl Framework {
    /// Reads a framework in the APX format.
    ///
    /// ```text
    /// arg(a). arg(b). arg("n.24").
    /// att(a,b).
    /// ```
    ///
    /// # Errors
    /// [`Error::Utf8`](crate::Error::Utf8) for bytes that are not UTF-8;
    /// [`Error::Syntax`](crate::Error::Syntax) with the line: a statement that
    /// is not `arg(x).` or `att(x,y).`, an argument declared twice, an attack
    /// naming an undeclared argument.
    ///
    /// # Complexity
    /// O(size of the text + attacks). A line that is one `arg(x).` or
    /// `att(x,y).` with bare identifiers takes a byte-level fast path; any
    /// other line is read in full, so both give the same framework and
    /// errors.
    pub fn from_apx(text: impl AsRef<[u8]>) -> Result<Framework> {
        read(crate::io::foreign::utf8(text.as_ref())?, true)
    }

    /// Writes the framework in the APX format, one fact per line. Unnamed
    /// arguments are written as their numbers; names that are not plain
    /// identifiers are quoted.
    pub fn to_apx(&self) -> String {
        let mut out = String::new();
        let names: Vec<String> = self
            .arguments()
            .map(|a| term(&self.name(a).unwrap_or_default()))
            .collect();
        for name in &names {
            out.push_str(&format!("arg({name}).\n"));
        }
        for (a, b) in self.attacks() {
            out.push_str(&format!(
                "att({},{}).\n",
                names[a.index()],
                names[b.index()]
            ));
        }
        out
    }
}

/// Reads the text; `fast` takes the fast path where it can (off only in
/// the tests that check it changes nothing).
fn read(text: &str, fast: bool) -> Result<Framework> {
    let mut framework = Framework::new();
    let mut attacks: Vec<(u32, u32)> = Vec::with_capacity(super::scan::lines(text));
    let mut cursor = Cursor::new(text);
    let mut line = 0;
    while !cursor.is_done() {
        line += 1;
        let mark = cursor.mark();
        if fast && plain_fact(&mut cursor, &mut framework, &mut attacks).is_some() {
            continue;
        }
        cursor.reset(mark);
        let raw = cursor.rest_of_line(text);
        read_line(raw, line, &mut framework, &mut attacks)?;
    }
    framework.set_attacks(&attacks);
    Ok(framework)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    const FORMS: &[&str] = &[
        "arg(a{a}).",
        "arg(a{b}).",
        "att(a{a},a{b}).",
        "{s}att(a{a},a{b}).{s}",
        "arg(a{a}). arg(a{b}).",
        "att( a{a} , a{b} ).",
        "% a comment",
        "arg(\"a{a}\").",
        "att(a{a},a{b})",
        "arg({a}).",
        "att({a},{b}).",
        "att(a{a},a{b}). % c",
        "att(a{a},a{b},a{a}).",
        "arg(a{a}",
        "",
        "arg(a b).",
        "arg(é{a}).",
        "att(a{a},a{b}).x",
        "arg(a{a})..",
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
