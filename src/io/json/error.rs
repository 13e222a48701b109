//! The errors of a document that does not parse, located: it is read
//! again, tracking paths, only once reading has failed, so the stream pays
//! nothing for them.

use super::document::{Document, Probe, VERSION};
use crate::error::{Error, Result};
use crate::io::locate::{line_column, locate};

/// The error of a document that does not parse, located.
pub(super) fn parse_error(text: &str) -> Error {
    match parse_tracked(text) {
        Ok(_) => Error::Json {
            line: 0,
            column: 0,
            path: String::new(),
            message: "the document could not be read".to_owned(),
        },
        Err(error) => error,
    }
}

fn parse_tracked(text: &str) -> Result<Document<'_>> {
    let probe: Probe =
        serde_json::from_str(text).map_err(|e| json_error(text, e, String::new()))?;
    match probe.version.as_ref().map(serde_json::Value::as_u64) {
        None => {
            let (line, column) = line_column(text, text.find('{').unwrap_or(0));
            return Err(Error::Json {
                line,
                column,
                path: String::new(),
                message: "missing field `version`".to_owned(),
            });
        }
        Some(Some(found)) if found != VERSION => {
            let (line, column) = locate(text, "version").unwrap_or((0, 0));
            return Err(Error::Document {
                line,
                column,
                path: "version".to_owned(),
                rule: Box::new(Error::UnsupportedVersion {
                    found,
                    supported: VERSION,
                }),
            });
        }
        // The right version, or not a number: the full parse says what is wrong.
        Some(_) => {}
    }
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        json_error(text, e.into_inner(), path)
    })
}

pub(crate) fn json_error(text: &str, error: serde_json::Error, path: String) -> Error {
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_owned(),
        None => message,
    };
    let path = if path == "." { String::new() } else { path };
    // A value of the wrong shape is pointed at where it starts; serde_json
    // points at where it stopped reading, which may be the value's end.
    let located = match error.classify() {
        // An unknown field is reported at its name, where serde_json stands.
        serde_json::error::Category::Data
            if !path.is_empty() && !message.starts_with("unknown field") =>
        {
            locate(text, &path)
        }
        _ => None,
    };
    let (line, column) = match located {
        Some(at) => at,
        None if error.line() == 0 => line_column(text, text.len()),
        None => (error.line(), error.column()),
    };
    Error::Json {
        line,
        column,
        path,
        message,
    }
}
