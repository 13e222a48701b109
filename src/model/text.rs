//! Rules for texts the model holds: required texts, and keys.

use crate::error::{Error, Result};
use crate::model::Kind;

/// Whether a required text has something besides white space.
pub(crate) fn non_empty(text: &str) -> bool {
    !text.trim().is_empty()
}

const MAX_KEY_CHARS: usize = 200;

/// A key is 1 to 200 characters, with no white space or control characters.
pub(crate) fn check_key(kind: Kind, key: &str) -> Result<()> {
    let reason = if key.is_empty() {
        Some("a key may not be empty")
    } else if key.chars().count() > MAX_KEY_CHARS {
        Some("a key may have at most 200 characters")
    } else if key.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Some("a key may not contain white space or control characters")
    } else {
        None
    };
    match reason {
        Some(reason) => Err(Error::InvalidKey {
            kind,
            key: key.to_owned(),
            reason,
        }),
        None => Ok(()),
    }
}

/// What a corpus checks of an entity on its own, whatever else it holds:
/// the key is valid and no required text is empty. Deserialized entities
/// go through here, so that no entity a corpus would refuse deserializes.
pub(crate) fn check_entity(kind: Kind, key: &str, empty_field: Option<&'static str>) -> Result<()> {
    check_key(kind, key)?;
    match empty_field {
        Some(field) => Err(Error::Empty {
            kind,
            key: key.to_owned(),
            field,
        }),
        None => Ok(()),
    }
}
