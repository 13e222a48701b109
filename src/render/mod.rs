//! Pictures of a debate: the argument map, an event's comparison, the
//! timeline and the events × explanations heat map, as Graphviz DOT
//! (always) and as SVG laid out in pure Rust (with the `svg` feature).
//!
//! ```
//! use historiograph::render::{self, MapOptions};
//!
//! let corpus = historiograph::sino_soviet_split();
//! let map = render::argument_map(&corpus, &MapOptions::new());
//! std::fs::write(std::env::temp_dir().join("map.dot"), map.to_dot())?;
//! # Ok::<(), std::io::Error>(())
//! ```

#[cfg(feature = "svg")]
mod chart;
mod comparison;
mod dot;
mod heat;
#[cfg(feature = "svg")]
mod layered;
mod map;
mod options;
mod picture;
mod scene;
#[cfg(feature = "svg")]
mod svg;
mod text;
mod timeline;

pub use options::{MapOptions, PictureOptions};
pub use picture::{Picture, argument_map, comparison, heat_map, timeline};
