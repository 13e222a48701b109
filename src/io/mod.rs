//! Formats. The versioned JSON document is the corpus's own format; its
//! specification is the [`format`](crate::format) page.

mod json;
mod locate;
