//! The bulk-import layout of Neo4j's `neo4j-admin database import`: one CSV
//! file per kind of entity and one per relation type, each with a typed
//! header row. Written row by row to any writer, so a corpus of any size
//! exports in constant memory besides the corpus itself.
//!
//! `file.rs` names the files (`Neo4jFile`: names, headers, labels);
//! `rows.rs` writes one file's rows through the CSV writer of `csv.rs`;
//! `files.rs` writes them all to a directory and gives the load command.

mod csv;
mod file;
mod files;
mod rows;

pub use file::Neo4jFile;
pub use files::{Neo4jFiles, Neo4jWritten};
