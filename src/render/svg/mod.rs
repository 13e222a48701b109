//! Writing SVG from a [`Layout`](crate::render::Layout): a small writer
//! that escapes every text and attribute (`writer.rs`), and one drawing
//! per kind of picture (`graph.rs`, `timeline.rs`, `heat.rs`; `legend.rs`
//! for their legends), each drawing its layout's data and nothing else.

mod graph;
mod heat;
mod legend;
mod timeline;
mod writer;

pub(crate) use graph::graph;
pub(crate) use heat::heat_map;
pub(crate) use timeline::timeline;
