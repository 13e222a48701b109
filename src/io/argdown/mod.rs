//! Argdown: export as `.argdown` text, import of the JSON `argdown json`
//! makes of a map. The conventions are in `argdown.md`.

mod claim;
mod export;
mod flow;
mod import;
mod json;
mod line;
mod parse;
mod relations;
mod yaml;
