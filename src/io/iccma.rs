//! The ICCMA 2023 format for abstract frameworks: a header `p af N`, then
//! one attack `a b` per line (arguments numbered 1 to N); lines starting
//! with `#` are comments.

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
    /// O(size of the text + attacks log degree).
    pub fn from_iccma(text: impl AsRef<[u8]>) -> Result<Framework> {
        let text = crate::io::foreign::utf8(text.as_ref())?;
        let mut framework: Option<Framework> = None;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let content = raw.trim();
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            let mut tokens = content.split_ascii_whitespace();
            let first = tokens.next().unwrap_or_default();
            if first == "p" {
                if framework.is_some() {
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
                framework = Some(Framework::with_arguments(n as usize));
                continue;
            }
            let Some(af) = framework.as_mut() else {
                return Err(syntax(
                    "iccma",
                    line,
                    "an attack before the `p af N` header",
                ));
            };
            let n = af.len();
            let (second, extra) = (tokens.next(), tokens.next());
            match (second, extra) {
                (Some(second), None) => {
                    let (a, b) = (number(first, line, n)?, number(second, line, n)?);
                    af.push_attack(a, b);
                }
                _ => {
                    return Err(syntax(
                        "iccma",
                        line,
                        format!("expected an attack `a b`, found `{content}`"),
                    ));
                }
            }
        }
        let mut framework = framework.ok_or_else(|| syntax("iccma", 0, "no `p af N` header"))?;
        framework.dedup();
        Ok(framework)
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
