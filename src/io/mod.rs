//! Formats. The versioned JSON document is the corpus's own format; its
//! specification is the [`format`](crate::format) page. ICCMA, APX and TGF
//! are the argumentation community's formats for abstract frameworks.

mod aif;
mod apx;
mod argdown;
mod csl;
mod foreign;
mod iccma;
mod import;
mod json;
mod locate;
mod tgf;

pub use aif::AifOptions;
pub use import::{Imported, Unmapped};
