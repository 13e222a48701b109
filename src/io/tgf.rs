//! The Trivial Graph Format as used for frameworks: one argument name per
//! line, a line `#`, then one attack `a b` per line.

use super::iccma::syntax;
use crate::argument::Framework;
use crate::error::Result;

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
    pub fn from_tgf(text: impl AsRef<[u8]>) -> Result<Framework> {
        let text = crate::io::foreign::utf8(text.as_ref())?;
        let mut framework = Framework::new();
        let mut attacks = false;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let content = raw.trim();
            if content.is_empty() {
                continue;
            }
            if content == "#" {
                if attacks {
                    return Err(syntax("tgf", line, "a second `#` separator"));
                }
                attacks = true;
                continue;
            }
            let tokens: Vec<&str> = content.split_ascii_whitespace().collect();
            if !attacks {
                let [name] = tokens.as_slice() else {
                    return Err(syntax(
                        "tgf",
                        line,
                        format!("expected one argument name, found `{content}`"),
                    ));
                };
                framework
                    .add_argument(*name)
                    .map_err(|_| syntax("tgf", line, format!("argument `{name}` listed twice")))?;
                continue;
            }
            let [a, b] = tokens.as_slice() else {
                return Err(syntax(
                    "tgf",
                    line,
                    format!("expected an attack `a b`, found `{content}`"),
                ));
            };
            let find = |name: &str| {
                framework.argument(name).ok_or_else(|| {
                    syntax(
                        "tgf",
                        line,
                        format!("attack names unlisted argument `{name}`"),
                    )
                })
            };
            let (a, b) = (find(a)?, find(b)?);
            framework.push_attack(a, b);
        }
        framework.dedup();
        Ok(framework)
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
