//! The APX (ASPARTIX) format for abstract frameworks: facts `arg(a).` and
//! `att(a,b).`, one or more per line; `%` starts a comment.

use super::iccma::syntax;
use crate::argument::Framework;
use crate::error::Result;

/// Splits `att(a,b)` into its predicate and arguments.
fn fact(text: &str) -> Option<(&str, Vec<&str>)> {
    let open = text.find('(')?;
    let inner = text[open + 1..].strip_suffix(')')?;
    Some((
        text[..open].trim(),
        inner.split(',').map(str::trim).collect(),
    ))
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '"' || c == '\'' || c == '-')
}

impl Framework {
    /// Reads a framework in the APX format.
    ///
    /// ```text
    /// arg(a). arg(b).
    /// att(a,b).
    /// ```
    ///
    /// # Errors
    /// [`Error::Syntax`](crate::Error::Syntax) with the line: a statement that
    /// is not `arg(x).` or `att(x,y).`, an argument declared twice, an attack
    /// naming an undeclared argument.
    pub fn from_apx(text: &str) -> Result<Framework> {
        let mut framework = Framework::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let content = raw.split('%').next().unwrap_or_default();
            for statement in content.split('.').map(str::trim).filter(|s| !s.is_empty()) {
                let bad = || {
                    syntax(
                        "apx",
                        line,
                        format!("expected `arg(x)` or `att(x,y)`, found `{statement}`"),
                    )
                };
                let (predicate, terms) = fact(statement).ok_or_else(bad)?;
                match (predicate, terms.as_slice()) {
                    ("arg", [name]) if valid_name(name) => {
                        framework.add_argument(*name).map_err(|_| {
                            syntax("apx", line, format!("argument `{name}` declared twice"))
                        })?;
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
    /// arguments are written as their numbers.
    pub fn to_apx(&self) -> String {
        let mut out = String::new();
        let names: Vec<String> = self
            .arguments()
            .map(|a| self.name(a).unwrap_or_default())
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
