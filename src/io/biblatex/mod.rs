//! BibLaTeX and BibTeX bibliographies (what Zotero and JabRef export),
//! read through the `biblatex` crate: works, their contributors as
//! scholars, and what has no place.

mod fields;
mod read;
