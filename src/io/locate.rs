//! Finds the line and column of a value in JSON text, given its path
//! (`claims[3].events[0]`). Used only after an error, so the happy path of
//! loading pays nothing for exact error positions.

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step<'a> {
    Field(&'a str),
    Index(usize),
}

/// Splits `claims[3].events[0]` into steps; `.` or an empty path is the root.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (field, mut rest) = match part.find('[') {
            Some(at) => (&part[..at], &part[at..]),
            None => (part, ""),
        };
        if !field.is_empty() {
            out.push(Step::Field(field));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let close = inner.find(']')?;
            out.push(Step::Index(inner[..close].parse().ok()?));
            rest = &inner[close + 1..];
        }
    }
    Some(out)
}

/// The 1-based (line, column) where the value at `path` starts, if the text
/// is well-formed up to it and the path exists.
pub(crate) fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let steps = steps(path)?;
    let bytes = text.as_bytes();
    let mut at = skip_ws(bytes, 0);
    for step in &steps {
        at = match step {
            Step::Field(name) => find_field(bytes, at, name)?,
            Step::Index(index) => find_index(bytes, at, *index)?,
        };
    }
    Some(line_column(text, at))
}

/// The 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn skip_ws(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r') {
        at += 1;
    }
    at
}

/// `at` is on the opening quote; returns the offset after the closing quote.
fn skip_string(bytes: &[u8], mut at: usize) -> Option<usize> {
    at += 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return Some(at + 1),
            _ => at += 1,
        }
    }
    None
}

/// `at` is on the first byte of a value; returns the offset after it.
fn skip_value(bytes: &[u8], mut at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => skip_string(bytes, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            while at < bytes.len() {
                match bytes[at] {
                    b'"' => {
                        at = skip_string(bytes, at)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(at + 1);
                        }
                    }
                    _ => {}
                }
                at += 1;
            }
            None
        }
        _ => {
            while at < bytes.len()
                && !matches!(bytes[at], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            {
                at += 1;
            }
            Some(at)
        }
    }
}

fn find_field(bytes: &[u8], at: usize, name: &str) -> Option<usize> {
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    let mut at = skip_ws(bytes, at + 1);
    loop {
        if bytes.get(at)? != &b'"' {
            return None;
        }
        let end = skip_string(bytes, at)?;
        let key = &bytes[at + 1..end - 1];
        at = skip_ws(bytes, end);
        if bytes.get(at)? != &b':' {
            return None;
        }
        at = skip_ws(bytes, at + 1);
        if key == name.as_bytes() {
            return Some(at);
        }
        at = skip_ws(bytes, skip_value(bytes, at)?);
        if bytes.get(at)? != &b',' {
            return None;
        }
        at = skip_ws(bytes, at + 1);
    }
}

fn find_index(bytes: &[u8], at: usize, index: usize) -> Option<usize> {
    if bytes.get(at) != Some(&b'[') {
        return None;
    }
    let mut at = skip_ws(bytes, at + 1);
    for _ in 0..index {
        if bytes.get(at)? == &b']' {
            return None;
        }
        at = skip_ws(bytes, skip_value(bytes, at)?);
        if bytes.get(at)? != &b',' {
            return None;
        }
        at = skip_ws(bytes, at + 1);
    }
    (bytes.get(at)? != &b']').then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\\\"y\"}],\n  \"c\": {\"d\": [true, \"here\"]}\n}";
        assert_eq!(locate(text, "c.d[1]"), Some((3, 21)));
        assert_eq!(locate(text, "a[1].b"), Some((2, 18)));
        assert_eq!(locate(text, "."), Some((1, 1)));
        assert_eq!(locate(text, "a[2]"), None);
        assert_eq!(locate(text, "e"), None);
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_column("{\"é\": 1}", 7), (1, 7));
    }
}
