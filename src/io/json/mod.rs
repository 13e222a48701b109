//! The versioned JSON document: reading it into a corpus, writing a corpus
//! as one. The document is built from the graph, never the graph itself, so
//! petgraph's storage never leaks into the format.
//!
//! `document.rs` is the document's serde shape and `text.rs` its string;
//! `read.rs` and `write.rs` are the entry points, `options.rs` their
//! options. Reading streams: `stream.rs` parses, `sink.rs` hands the pieces
//! to the builder of `load.rs` on one thread or two, which adds the
//! sections (`sections.rs`) and the claims (`claims.rs`); a document that
//! fails is read again, tracking paths, by `error.rs`.

mod claims;
pub(crate) mod document;
pub(crate) mod error;
mod load;
mod options;
mod read;
mod sections;
mod sink;
mod stream;
mod text;
mod write;

pub use options::{JsonOptions, Threads};
