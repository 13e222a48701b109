//! The APX (ASPARTIX) format for abstract frameworks: facts `arg(a).` and
//! `att(a,b).`, one or more per line; `%` starts a comment. Names that are
//! not plain identifiers are written in double quotes.

use super::iccma::syntax;
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
    pub fn from_apx(text: impl AsRef<[u8]>) -> Result<Framework> {
        let text = crate::io::foreign::utf8(text.as_ref())?;
        let mut framework = Framework::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
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
                        framework.push_attack(a, b);
                    }
                    _ => return Err(bad()),
                }
            }
        }
        framework.dedup();
        Ok(framework)
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
