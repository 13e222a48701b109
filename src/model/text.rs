//! Rules for texts the model holds.

/// Whether a required text has something besides white space.
pub(crate) fn non_empty(text: &str) -> bool {
    !text.trim().is_empty()
}
