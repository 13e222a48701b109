//! The layout of a graph picture (the argument map, a comparison): boxes,
//! arrows, groups and the legend, with coordinates.

use serde::{Deserialize, Serialize};

use super::geometry::{Rect, Xy, tenth};
use super::label::Label;
use super::legend::Legend;
use super::style::{Arrowhead, Shape, Stroke};
use crate::graph::Node;
use crate::model::{AttackKind, Bearing, EventId, Stance};
use crate::query::Verdict;
use crate::render::text::Rgb;

/// The layout of a graph picture: the argument map or a comparison.
///
/// The picture is [`width`](Self::width) × [`height`](Self::height) px:
/// the title at the top left, the graph in its [`area`](Self::area) below,
/// the legend to its right. Node boxes and edge paths are given relative
/// to the area's top-left corner (the SVG draws them in a group moved
/// there); the title and the legend in picture coordinates.
///
/// The layout is layered (Sugiyama-style): ranks run top to bottom, or
/// left to right in a comparison ([`is_left_to_right`](Self::is_left_to_right));
/// weakly connected components are laid out apart and packed in rows.
/// No two boxes overlap; every edge starts on its source's border and
/// ends on its target's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphLayout {
    #[serde(serialize_with = "tenth")]
    pub(crate) width: f64,
    #[serde(serialize_with = "tenth")]
    pub(crate) height: f64,
    pub(crate) title: Label,
    pub(crate) area: Rect,
    pub(crate) left_to_right: bool,
    pub(crate) nodes: Vec<NodeBox>,
    pub(crate) edges: Vec<EdgePath>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) clusters: Vec<Cluster>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) legend: Option<Legend>,
}

impl GraphLayout {
    /// The width of the picture, in whole px.
    pub fn width(&self) -> f64 {
        self.width
    }

    /// The height of the picture, in whole px.
    pub fn height(&self) -> f64 {
        self.height
    }

    /// The title, at the top left (18 px, bold).
    pub fn title(&self) -> &Label {
        &self.title
    }

    /// Where the graph lies in the picture; node boxes and edge paths are
    /// relative to its top-left corner, and lie within its width and
    /// height.
    pub fn area(&self) -> Rect {
        self.area
    }

    /// Whether ranks run left to right (a comparison: claims, then
    /// explanations, then the event) rather than top to bottom.
    pub fn is_left_to_right(&self) -> bool {
        self.left_to_right
    }

    /// The boxes, each entity once; edges refer to them by index.
    pub fn nodes(&self) -> &[NodeBox] {
        &self.nodes
    }

    /// The arrows, drawn under the boxes.
    pub fn edges(&self) -> &[EdgePath] {
        &self.edges
    }

    /// The groups of boxes (the argument map's groups by event); nodes
    /// refer to them by index. The SVG draws no groups; DOT does.
    pub fn clusters(&self) -> &[Cluster] {
        &self.clusters
    }

    /// The legend, to the right of the graph.
    pub fn legend(&self) -> Option<&Legend> {
        self.legend.as_ref()
    }

    /// The box of an entity, by its index in [`nodes`](Self::nodes).
    pub fn node_of(&self, entity: Node) -> Option<usize> {
        self.nodes.iter().position(|n| n.entity == entity)
    }
}

/// A box with text: one entity of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeBox {
    pub(crate) entity: Node,
    pub(crate) key: String,
    pub(crate) element_id: String,
    pub(crate) rect: Rect,
    pub(crate) shape: Shape,
    pub(crate) fill: Rgb,
    pub(crate) border: Stroke,
    pub(crate) border_colour: Rgb,
    pub(crate) border_width: f64,
    #[serde(default)]
    pub(crate) faded: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) caption: Option<Label>,
    pub(crate) lines: Vec<Label>,
    pub(crate) tooltip: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) cluster: Option<usize>,
}

impl NodeBox {
    /// The entity: a claim, an explanation, an event, a scholar or a piece
    /// of evidence. Serialized as its id is written, `claim#12`.
    pub fn entity(&self) -> Node {
        self.entity
    }

    /// The entity's key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The id of the node in SVG and DOT (`claim12`): letters, digits and
    /// `_`.
    pub fn element_id(&self) -> &str {
        &self.element_id
    }

    /// The box, relative to the graph's [`area`](GraphLayout::area).
    pub fn rect(&self) -> Rect {
        self.rect
    }

    /// The outline.
    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// The fill: the colour of a claim's or an explanation's family, paler
    /// for a defeated claim; light grey or white for the rest.
    pub fn fill(&self) -> Rgb {
        self.fill
    }

    /// How the border is stroked: a claim's acceptance, an explanation's
    /// verdict.
    pub fn border(&self) -> Stroke {
        self.border
    }

    /// The border's colour.
    pub fn border_colour(&self) -> Rgb {
        self.border_colour
    }

    /// The border's width, in px.
    pub fn border_width(&self) -> f64 {
        self.border_width
    }

    /// Whether the box is faded: a defeated claim, its text grey.
    pub fn is_faded(&self) -> bool {
        self.faded
    }

    /// The small first line (explanation, polarity, status; a rank and
    /// verdict; a locator), if any.
    pub fn caption(&self) -> Option<&Label> {
        self.caption.as_ref()
    }

    /// The text, wrapped, a label per line, centred in the box.
    pub fn lines(&self) -> &[Label] {
        &self.lines
    }

    /// The whole text, for a tooltip.
    pub fn tooltip(&self) -> &str {
        &self.tooltip
    }

    /// The group the box belongs to, by index in
    /// [`clusters`](GraphLayout::clusters).
    pub fn cluster(&self) -> Option<usize> {
        self.cluster
    }
}

/// What an arrow stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EdgeKind {
    /// Claim → claim: an attack (red, ending in a bar).
    Attack(AttackKind),
    /// Claim → claim: a support (dashed green).
    Support,
    /// Scholar → claim: the scholar's latest stance in view.
    Stance(Stance),
    /// Evidence → claim: the claim cites the evidence, which bears on it
    /// this way.
    Evidence(Bearing),
    /// Claim → explanation, in a comparison: a claim among those for it.
    Supporting,
    /// Claim → explanation, in a comparison: a claim among those against it.
    Opposing,
    /// Explanation → event, in a comparison: the explanation's verdict.
    Verdict(Verdict),
}

/// An arrow from one box to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EdgePath {
    pub(crate) from: usize,
    pub(crate) to: usize,
    pub(crate) kind: EdgeKind,
    pub(crate) points: Vec<Xy>,
    pub(crate) colour: Rgb,
    pub(crate) stroke: Stroke,
    pub(crate) width: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) head: Option<Arrowhead>,
    pub(crate) tooltip: String,
}

impl EdgePath {
    /// The source, by index in [`GraphLayout::nodes`].
    pub fn from(&self) -> usize {
        self.from
    }

    /// The target, by index in [`GraphLayout::nodes`].
    pub fn to(&self) -> usize {
        self.to
    }

    /// What the arrow stands for.
    pub fn kind(&self) -> EdgeKind {
        self.kind
    }

    /// The polyline, from a point on the source's border to a point on the
    /// target's, relative to the graph's [`area`](GraphLayout::area); at
    /// least two points. The head is drawn over its end.
    pub fn points(&self) -> &[Xy] {
        &self.points
    }

    /// The colour of line and head.
    pub fn colour(&self) -> Rgb {
        self.colour
    }

    /// How the line is stroked.
    pub fn stroke(&self) -> Stroke {
        self.stroke
    }

    /// The line's width, in px.
    pub fn width(&self) -> f64 {
        self.width
    }

    /// The head at the target's end.
    pub fn head(&self) -> Option<&Arrowhead> {
        self.head.as_ref()
    }

    /// What the arrow says, for a tooltip. The SVG draws no label on an
    /// edge; a tool that wants one may put it at
    /// [`midpoint`](Self::midpoint).
    pub fn tooltip(&self) -> &str {
        &self.tooltip
    }

    /// The point halfway along the path, if it has one.
    pub fn midpoint(&self) -> Option<Xy> {
        let length = |a: Xy, b: Xy| (b.x - a.x).hypot(b.y - a.y);
        let total: f64 = self.points.windows(2).map(|w| length(w[0], w[1])).sum();
        let mut left = total / 2.0;
        for w in self.points.windows(2) {
            let step = length(w[0], w[1]);
            if step > 0.0 && left <= step {
                let t = left / step;
                return Some(Xy::new(
                    w[0].x + (w[1].x - w[0].x) * t,
                    w[0].y + (w[1].y - w[0].y) * t,
                ));
            }
            left -= step;
        }
        self.points.first().copied()
    }
}

/// A group of boxes: the claims about one event, on the argument map
/// with groups by event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    pub(crate) event: EventId,
    pub(crate) label: String,
}

impl Cluster {
    /// The event.
    pub fn event(&self) -> EventId {
        self.event
    }

    /// Its name, the group's label.
    pub fn label(&self) -> &str {
        &self.label
    }
}
