//! A scene laid out: the size of each box from its text, the layered
//! layout, the title, the lines of text in the boxes, the arrowheads and
//! the legend.

use crate::render::layered::{self, Block};
use crate::render::layout::geometry::{Rect, Xy};
use crate::render::layout::graph::{Cluster, EdgePath, GraphLayout, NodeBox};
use crate::render::layout::label::{ADVANCE, Anchor, LINE, Label, PAD, SMALL, TEXT};
use crate::render::layout::legend::{Legend, Sample};
use crate::render::layout::style::{Arrowhead, Stroke, shorten};
use crate::render::scene::{Key, Node, Scene};
use crate::render::text::{Rgb, width};

/// Margin round the picture.
const MARGIN: f64 = 20.0;
/// Height of the title's band.
const TITLE_HEIGHT: f64 = 36.0;

impl GraphLayout {
    /// Lays a scene out.
    pub(crate) fn of(scene: &Scene) -> GraphLayout {
        let blocks: Vec<Block> = scene
            .nodes
            .iter()
            .map(|n| {
                let (w, h) = node_size(n.caption.as_deref(), &n.lines);
                Block {
                    width: w,
                    height: h,
                }
            })
            .collect();
        let edges: Vec<(usize, usize)> = scene.edges.iter().map(|e| (e.from, e.to)).collect();
        let laid = layered::layout(&blocks, &edges, scene.left_to_right);
        let (lw, lh) = if scene.legend.is_empty() {
            (0.0, 0.0)
        } else {
            legend_size(&scene.legend)
        };
        let graph_w = laid.width;
        let title = Label::new(
            scene.title.clone(),
            Xy::new(MARGIN, MARGIN + 16.0),
            Anchor::Start,
            18.0,
        )
        .in_bold();
        // As wide as the title, too.
        let width = (MARGIN * 2.0 + graph_w + if lw > 0.0 { lw + MARGIN } else { 0.0 })
            .max(MARGIN * 2.0 + title.estimated_width());
        let height = MARGIN * 2.0 + TITLE_HEIGHT + laid.height.max(lh);
        let top = MARGIN + TITLE_HEIGHT;
        let paths = scene.edges.iter().zip(laid.edges);
        GraphLayout {
            width: width.ceil(),
            height: height.ceil(),
            title,
            area: Rect::new(MARGIN, top, laid.width, laid.height),
            left_to_right: scene.left_to_right,
            nodes: scene
                .nodes
                .iter()
                .zip(laid.nodes)
                .map(|(node, rect)| node_box(node, rect))
                .collect(),
            edges: paths
                .filter(|(edge, path)| {
                    path.len() >= 2 && edge.from < scene.nodes.len() && edge.to < scene.nodes.len()
                })
                .map(|(edge, path)| {
                    let n = path.len();
                    let head = Arrowhead::place(edge.head, path[n - 2], path[n - 1]);
                    EdgePath {
                        from: edge.from,
                        to: edge.to,
                        kind: edge.kind,
                        colour: edge.colour,
                        stroke: edge.stroke,
                        width: if edge.stroke == Stroke::Bold {
                            2.4
                        } else {
                            1.4
                        },
                        head,
                        tooltip: edge.tooltip.clone(),
                        points: path,
                    }
                })
                .collect(),
            clusters: scene
                .clusters
                .iter()
                .map(|c| Cluster {
                    event: c.event,
                    label: c.label.clone(),
                })
                .collect(),
            legend: (!scene.legend.is_empty())
                .then(|| legend(&scene.legend, MARGIN * 2.0 + graph_w, top)),
        }
    }
}

/// The size of a scene node's box: its widest line at [`ADVANCE`] px a
/// column, its lines [`LINE`] px apart, padded; whole px.
fn node_size(caption: Option<&str>, lines: &[String]) -> (f64, f64) {
    let mut columns = lines.iter().map(|l| width(l) as f64).fold(0.0, f64::max);
    if let Some(c) = caption {
        columns = columns.max(width(c) as f64 * SMALL / TEXT);
    }
    let w = (columns * ADVANCE + 2.0 * PAD).max(48.0);
    let rows = lines.len() as f64 + if caption.is_some() { 0.9 } else { 0.0 };
    let h = rows * LINE + 2.0 * PAD - 3.0;
    (w.ceil(), h.ceil())
}

/// A box at `rect`: its caption and lines centred, from the top down.
fn node_box(node: &Node, rect: Rect) -> NodeBox {
    let cx = rect.x + rect.width / 2.0;
    let mut baseline = rect.y + PAD + 10.0;
    let caption = node.caption.as_ref().map(|caption| {
        let label = Label::new(
            caption.clone(),
            Xy::new(cx, baseline - 1.0),
            Anchor::Middle,
            SMALL,
        )
        .in_colour(Rgb(0x33, 0x33, 0x33));
        baseline += LINE * 0.9;
        label
    });
    let ink = if node.faded {
        Rgb(0x55, 0x55, 0x55)
    } else {
        Rgb(0, 0, 0)
    };
    let mut lines = Vec::with_capacity(node.lines.len());
    for line in &node.lines {
        lines.push(
            Label::new(line.clone(), Xy::new(cx, baseline), Anchor::Middle, TEXT).in_colour(ink),
        );
        baseline += LINE;
    }
    NodeBox {
        entity: node.entity,
        key: node.key.clone(),
        element_id: node.id.clone(),
        rect,
        shape: node.shape,
        fill: node.fill,
        border: node.border,
        border_colour: if node.faded {
            Rgb(0x66, 0x66, 0x66)
        } else {
            Rgb(0x22, 0x22, 0x22)
        },
        border_width: node.border.border_width(),
        faded: node.faded,
        caption,
        lines,
        tooltip: node.tooltip.clone(),
        cluster: node.cluster,
    }
}

/// The size of a legend of these keys.
fn legend_size(legend: &[Key]) -> (f64, f64) {
    let columns = legend
        .iter()
        .map(|k| match k {
            Key::Fill(_, l) | Key::Border(_, l) | Key::Arrow(_, _, _, l) => width(l),
        })
        .max()
        .unwrap_or(0) as f64;
    (
        columns * ADVANCE + 60.0 + 2.0 * PAD,
        legend.len() as f64 * 20.0 + 28.0 + PAD,
    )
}

/// The legend with its top-left corner at (x, y): a line per key, 20 px
/// apart, a 40 px sample and its label.
fn legend(keys: &[Key], x: f64, y: f64) -> Legend {
    let (w, h) = legend_size(keys);
    let mut legend = Legend::new(
        Some(Rect::new(x, y, w, h)),
        Label::new("Legend", Xy::new(x + PAD, y + 18.0), Anchor::Start, TEXT).in_bold(),
    );
    for (i, key) in keys.iter().enumerate() {
        let top = y + 28.0 + i as f64 * 20.0;
        let mid = top + 9.0;
        let swatch = Rect::new(x + PAD, top + 2.0, 40.0, 14.0);
        let (sample, label) = match key {
            Key::Fill(colour, label) => (
                Sample::Fill {
                    rect: swatch,
                    radius: 3.0,
                    colour: *colour,
                    outline: Rgb(0x55, 0x55, 0x55),
                },
                label,
            ),
            Key::Border(stroke, label) => (
                Sample::Border {
                    rect: swatch,
                    radius: 4.0,
                    stroke: *stroke,
                    width: stroke.border_width(),
                },
                label,
            ),
            Key::Arrow(colour, stroke, head, label) => {
                let a = Xy::new(x + PAD, mid);
                let b = Xy::new(x + PAD + 40.0, mid);
                (
                    Sample::Arrow {
                        line: [a, shorten(a, b, 4.0)],
                        colour: *colour,
                        stroke: *stroke,
                        width: 1.5,
                        head: Arrowhead::place(*head, a, b),
                    },
                    label,
                )
            }
        };
        let label = Label::new(
            label.clone(),
            Xy::new(x + PAD + 50.0, mid + 4.0),
            Anchor::Start,
            TEXT,
        );
        legend.push(Some(sample), Some(label));
    }
    legend
}
