//! Formats. The versioned JSON document is the corpus's own format; its
//! specification is the [`format`](crate::format) page. ICCMA, APX and TGF
//! are the argumentation community's formats for abstract frameworks. The
//! Neo4j bulk-import CSV files and GraphML are exports for graph databases.
//! [`Format`] names them all; `Corpus::read` and `Corpus::write` read and
//! write any of them. AIF, Argdown, CSL-JSON, BibLaTeX, Neo4j and GraphML
//! each sit behind a cargo feature of their name (on by default).

#[cfg(feature = "aif")]
mod aif;
mod apx;
#[cfg(feature = "argdown")]
mod argdown;
#[cfg(feature = "biblatex")]
mod biblatex;
#[cfg(any(feature = "csl", feature = "biblatex"))]
mod bibliography;
mod changes;
#[cfg(feature = "csl")]
mod csl;
mod foreign;
mod format;
#[cfg(feature = "graphml")]
mod graphml;
mod iccma;
mod import;
mod json;
mod locate;
#[cfg(feature = "neo4j")]
mod neo4j;
mod scan;
mod tgf;

#[cfg(feature = "aif")]
pub use aif::AifOptions;
#[cfg(any(feature = "csl", feature = "biblatex"))]
pub use bibliography::Merged;
pub use format::{Format, ReadOptions, WriteOptions};
pub use import::{Imported, Unmapped};
pub use json::{JsonOptions, Threads};
#[cfg(feature = "neo4j")]
pub use neo4j::{Neo4jFile, Neo4jFiles, Neo4jWritten};
