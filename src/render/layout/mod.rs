//! Layouts as data: every picture's boxes, arrows, rows, cells, texts and
//! legend with their coordinates, serializable, so that a tool can draw a
//! picture itself. The SVG writer draws from them.
//!
//! `kinds.rs` holds [`Layout`], one variant per kind of picture, whose data
//! is in `graph.rs`, `timeline.rs` and `heat.rs`; they share `geometry.rs`
//! (points, rectangles), `label.rs` (text and its metrics), `style.rs`
//! (outlines, strokes, arrowheads) and `legend.rs`; an entity is written
//! by its id's own serde form (`claim#12`). `place/` computes each kind's
//! layout from the picture's data.

mod geometry;
mod graph;
mod heat;
mod kinds;
mod label;
mod legend;
mod place;
mod style;
mod timeline;

pub use geometry::{Rect, Xy};
pub use graph::{Cluster, EdgeKind, EdgePath, GraphLayout, NodeBox};
pub use heat::{HeatCell, HeatColumn, HeatMapLayout, HeatRow};
pub use kinds::Layout;
pub use label::{Anchor, Label};
pub use legend::{Legend, LegendEntry, Sample, Stop, Tick};
pub use style::{Arrowhead, Shape, Stroke};
pub use timeline::{AxisYear, DateMark, TimeAxis, TimelineLayout, TimelineRow};

#[cfg(feature = "svg")]
pub(crate) use geometry::num;
#[cfg(feature = "svg")]
pub(crate) use label::{FONT, TEXT};
pub(crate) use style::Head;
