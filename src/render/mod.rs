//! Pictures of a debate: the argument map, an event's comparison, the
//! timeline and the events × explanations heat map, as Graphviz DOT
//! (always), as layouts a tool can draw itself (always), and as SVG drawn
//! from those layouts in pure Rust (with the `svg` feature).
//!
//! ```
//! use historiograph::render::{self, MapOptions};
//!
//! let corpus = historiograph::sino_soviet_split();
//! let map = render::argument_map(&corpus, &MapOptions::new());
//! std::fs::write(std::env::temp_dir().join("map.dot"), map.to_dot())?;
//! # Ok::<(), std::io::Error>(())
//! ```

mod comparison;
mod dot;
mod heat;
mod layered;
mod layout;
mod map;
mod options;
mod picture;
#[cfg(feature = "svg")]
mod report;
mod scene;
#[cfg(feature = "svg")]
mod svg;
mod text;
mod timeline;

pub use layout::{
    Anchor, Arrowhead, AxisYear, Cluster, DateMark, EdgeKind, EdgePath, GraphLayout, HeatCell,
    HeatColumn, HeatMapLayout, HeatRow, Label, Layout, Legend, LegendEntry, NodeBox, Rect, Sample,
    Shape, Stop, Stroke, Tick, TimeAxis, TimelineLayout, TimelineRow, Xy,
};
pub use options::{MapOptions, PictureOptions};
pub use picture::{Picture, argument_map, comparison, heat_map, timeline};
#[cfg(feature = "svg")]
pub use report::{ReportOptions, report};
pub use text::Rgb;
