//! Reading foreign files: bytes to text with the place of bad UTF-8, and
//! JSON to typed values with the line, column and path of a bad value.

use serde::de::DeserializeOwned;

use super::json::error::json_error;
use super::locate::line_column;
use crate::error::{Error, Result};

/// The bytes as text, without a leading byte-order mark; bad UTF-8 is an
/// [`Error::Utf8`] at its line and column. Every reader takes its input
/// through here.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let text = std::str::from_utf8(valid).unwrap_or_default();
        let (line, column) = line_column(text, text.len());
        Error::Utf8 {
            line,
            column,
            byte: bytes.get(e.valid_up_to()).copied().unwrap_or(0),
        }
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Parses JSON text into `T`; errors name the line, column and path.
pub(crate) fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        at_end(json_error(text, e.into_inner(), path), text)
    })?;
    deserializer
        .end()
        .map_err(|e| at_end(json_error(text, e, String::new()), text))?;
    Ok(value)
}

/// serde_json reports the end of empty input as column 0; point at the end.
fn at_end(error: Error, text: &str) -> Error {
    match error {
        Error::Json {
            column: 0,
            path,
            message,
            ..
        } => {
            let (line, column) = line_column(text, text.len());
            Error::Json {
                line,
                column,
                path,
                message,
            }
        }
        other => other,
    }
}
