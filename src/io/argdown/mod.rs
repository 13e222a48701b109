//! Argdown: export as `.argdown` text, import of the JSON `argdown json`
//! makes of a map. The conventions are in `argdown.md`.

mod block;
mod claim;
mod export;
mod flow;
mod import;
mod json;
mod line;
mod markup;
mod parse;
mod relations;
mod scan;
mod text;
mod yaml;
