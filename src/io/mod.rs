//! Formats. The versioned JSON document is the corpus's own format; its
//! specification is the [`format`](crate::format) page. ICCMA, APX and TGF
//! are the argumentation community's formats for abstract frameworks. The
//! Neo4j bulk-import CSV files and GraphML are exports for graph databases.

mod aif;
mod apx;
mod argdown;
mod csl;
mod foreign;
mod graphml;
mod iccma;
mod import;
mod json;
mod locate;
mod neo4j;
mod tgf;

pub use aif::AifOptions;
pub use import::{Imported, Unmapped};
pub use json::{JsonOptions, Threads};
pub use neo4j::{Neo4jFile, Neo4jFiles, Neo4jWritten};
