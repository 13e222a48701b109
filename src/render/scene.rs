//! The scene a graph picture is drawn from: boxes with text, arrows, groups
//! and a legend. The argument map and the comparison build one; the DOT
//! writer and the layout ([`GraphLayout`](super::GraphLayout), which the
//! SVG writer draws) read it, so all show the same thing.

pub(crate) use super::layout::{EdgeKind, Head, Shape, Stroke};
use super::text::Rgb;
use crate::graph::Node as Entity;
use crate::model::EventId;

/// A box with text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// The entity drawn.
    pub(crate) entity: Entity,
    /// Its key.
    pub(crate) key: String,
    /// The DOT id and SVG id: letters, digits and `_` only.
    pub(crate) id: String,
    /// A small first line (family, status), if any.
    pub(crate) caption: Option<String>,
    /// The main text, wrapped.
    pub(crate) lines: Vec<String>,
    pub(crate) fill: Rgb,
    pub(crate) shape: Shape,
    pub(crate) border: Stroke,
    /// Text in grey rather than black (defeated claims).
    pub(crate) faded: bool,
    /// The whole text, for tooltips.
    pub(crate) tooltip: String,
    /// The group the node is drawn in (DOT only), by index.
    pub(crate) cluster: Option<usize>,
}

/// An arrow.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Edge {
    pub(crate) from: usize,
    pub(crate) to: usize,
    /// What the arrow stands for.
    pub(crate) kind: EdgeKind,
    pub(crate) colour: Rgb,
    pub(crate) stroke: Stroke,
    pub(crate) head: Head,
    pub(crate) tooltip: String,
}

/// A group of nodes (DOT clusters).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cluster {
    /// The event whose claims the group holds.
    pub(crate) event: EventId,
    pub(crate) label: String,
}

/// One line of a legend.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Key {
    /// A filled swatch.
    Fill(Rgb, String),
    /// A node border.
    Border(Stroke, String),
    /// An arrow.
    Arrow(Rgb, Stroke, Head, String),
}

/// A graph picture: nodes, edges, groups, a legend and a title.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Scene {
    pub(crate) title: String,
    pub(crate) nodes: Vec<Node>,
    pub(crate) edges: Vec<Edge>,
    pub(crate) clusters: Vec<Cluster>,
    pub(crate) legend: Vec<Key>,
    /// Lay ranks out left to right rather than top to bottom.
    pub(crate) left_to_right: bool,
}

impl Scene {
    pub(crate) fn node(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.nodes.len() - 1
    }
}
