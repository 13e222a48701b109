//! CSL-JSON, the bibliography format of citation processors (citeproc,
//! pandoc, Zotero): works in, works out.

mod read;
mod write;
