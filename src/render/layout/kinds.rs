//! [`Layout`]: the layout of any picture, one variant per kind.

use serde::{Deserialize, Serialize};

use super::graph::GraphLayout;
use super::heat::HeatMapLayout;
use super::label::Label;
use super::timeline::TimelineLayout;

/// A picture laid out: everything the SVG shows, as data, so that a tool
/// can draw the picture itself (in a canvas, a desktop widget, a web page)
/// and know what each box, arrow, row and cell stands for.
///
/// Get one from [`Picture::layout`](crate::render::Picture::layout). The
/// graph pictures (the argument map, a comparison) are laid out as boxes
/// and arrows ([`GraphLayout`]); the timeline as rows on a time axis
/// ([`TimelineLayout`]); the heat map as a grid of cells
/// ([`HeatMapLayout`]). [`Picture::to_svg`](crate::render::Picture::to_svg)
/// writes exactly this data, and so does [`to_svg`](Self::to_svg).
///
/// Coordinates are in pixels, x to the right and y down; texts are single
/// lines, already cut and wrapped to fit, for a sans-serif font (see
/// [`Label`]). The layout serializes (serde) to an object with a `kind`
/// (`graph`, `timeline`, `heat_map`) and that kind's fields; serialized,
/// coordinates are rounded to a tenth of a pixel, as in the SVG, and
/// entities are written as their ids are (`claim#12`), with their keys
/// beside them.
///
/// ```
/// use historiograph::render::{self, MapOptions};
///
/// let corpus = historiograph::sino_soviet_split();
/// let layout = render::argument_map(&corpus, &MapOptions::new()).layout();
/// let graph = layout.as_graph().ok_or("a graph picture")?;
/// // Draw each arrow under the boxes, then each box with its lines of
/// // text; the graph's coordinates start at the corner of its area.
/// let area = graph.area();
/// for edge in graph.edges() {
///     let points: Vec<(f64, f64)> = edge
///         .points()
///         .iter()
///         .map(|p| (area.x + p.x, area.y + p.y))
///         .collect();
///     assert!(points.len() >= 2);
///     let _style = (edge.colour(), edge.stroke(), edge.width(), edge.head());
///     let _meaning = (edge.kind(), edge.tooltip());
/// }
/// for node in graph.nodes() {
///     let r = node.rect();
///     let _outline = (area.x + r.x, area.y + r.y, r.width, r.height, node.shape());
///     for line in node.caption().into_iter().chain(node.lines()) {
///         let _text = (line.text(), line.at(), line.anchor(), line.size());
///     }
/// }
/// // Which box is under the pointer, and what it stands for.
/// let first = &graph.nodes()[0];
/// let pointer = first.rect().centre();
/// let hit = graph.nodes().iter().find(|n| n.rect().contains(pointer));
/// assert_eq!(hit.map(|n| n.entity()), Some(first.entity()));
/// // Or hand the whole layout to a web page as JSON.
/// let json = serde_json::to_string(&layout)?;
/// assert!(json.starts_with(r#"{"kind":"graph""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Layout {
    /// The argument map or a comparison: boxes and arrows.
    Graph(GraphLayout),
    /// The timeline: rows on a time axis.
    Timeline(TimelineLayout),
    /// The heat map: a grid of cells.
    HeatMap(HeatMapLayout),
}

impl Layout {
    /// The width of the picture, in whole px.
    pub fn width(&self) -> f64 {
        match self {
            Layout::Graph(g) => g.width(),
            Layout::Timeline(t) => t.width(),
            Layout::HeatMap(h) => h.width(),
        }
    }

    /// The height of the picture, in whole px.
    pub fn height(&self) -> f64 {
        match self {
            Layout::Graph(g) => g.height(),
            Layout::Timeline(t) => t.height(),
            Layout::HeatMap(h) => h.height(),
        }
    }

    /// The title, at the top left.
    pub fn title(&self) -> &Label {
        match self {
            Layout::Graph(g) => g.title(),
            Layout::Timeline(t) => t.title(),
            Layout::HeatMap(h) => h.title(),
        }
    }

    /// The layout of a graph picture, if this is one.
    pub fn as_graph(&self) -> Option<&GraphLayout> {
        match self {
            Layout::Graph(g) => Some(g),
            _ => None,
        }
    }

    /// The layout of the timeline, if this is one.
    pub fn as_timeline(&self) -> Option<&TimelineLayout> {
        match self {
            Layout::Timeline(t) => Some(t),
            _ => None,
        }
    }

    /// The layout of the heat map, if this is one.
    pub fn as_heat_map(&self) -> Option<&HeatMapLayout> {
        match self {
            Layout::HeatMap(h) => Some(h),
            _ => None,
        }
    }

    /// The picture as a standalone SVG document, drawn from this data
    /// alone: every text escaped, well-formed whatever the layout holds.
    /// For a layout from [`Picture::layout`](crate::render::Picture::layout),
    /// the bytes of [`Picture::to_svg`](crate::render::Picture::to_svg).
    #[cfg(feature = "svg")]
    pub fn to_svg(&self) -> String {
        match self {
            Layout::Graph(g) => crate::render::svg::graph(g),
            Layout::Timeline(t) => crate::render::svg::timeline(t),
            Layout::HeatMap(h) => crate::render::svg::heat_map(h),
        }
    }
}
