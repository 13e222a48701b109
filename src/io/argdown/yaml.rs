//! Writes JSON values as one-line YAML flow collections, the form Argdown
//! reads between `{` and `}` after a statement or heading.
//!
//! Argdown ends a data block at a `}` followed by white space and any other
//! character than `,` or `}`, and js-yaml refuses non-printable characters,
//! so strings are always double-quoted with braces, control characters and
//! the line and paragraph separators escaped.

use std::fmt::Write;

use serde_json::Value;

/// Writes `value` as YAML flow: `{key: "text", list: [1, 2]}`.
pub(super) fn write_flow(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_flow(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            // The naming fields first, so that a record reads as it does in
            // the corpus document; the rest in the map's order.
            let mut fields: Vec<(&String, &Value)> = map.iter().collect();
            fields.sort_by_key(|(key, _)| rank(key));
            for (i, (key, item)) in fields.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if is_plain_key(key) {
                    out.push_str(key);
                } else {
                    write_string(out, key);
                }
                out.push_str(": ");
                write_flow(out, item);
            }
            out.push('}');
        }
    }
}

fn rank(key: &str) -> u8 {
    match key {
        "key" => 0,
        "name" | "title" | "text" | "scholar" | "evidence" | "claim" => 1,
        _ => 2,
    }
}

/// A key written bare: ASCII letters, digits and `_`, starting with a letter.
fn is_plain_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A YAML double-quoted string that Argdown's data block and js-yaml both
/// read back as `text`.
pub(super) fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '{' | '}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if c.is_control()
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_argdown_or_yaml_would_misread() {
        let mut out = String::new();
        let value = serde_json::json!({"a": ["x} y", "q\"\\\n\u{1}"], "b c": 3});
        write_flow(&mut out, &value);
        assert_eq!(out, r#"{a: ["x\u007d y", "q\"\\\n\u0001"], "b c": 3}"#);
    }
}
