//! Writing SVG: a small writer that escapes every text and attribute, and
//! the drawing of a graph [`Scene`] from its layered layout.

use std::fmt::Write as _;

use super::layered::{self, Block, Point};
use super::scene::{Head, Key, Scene, Shape, Stroke};
use super::text::{Rgb, width, xml};

pub(crate) const FONT: &str = "Helvetica, Arial, sans-serif";
/// Font size of box text, in px.
pub(crate) const TEXT: f64 = 12.0;
/// Font size of captions.
pub(crate) const SMALL: f64 = 10.0;
/// Estimated advance of one column of text at [`TEXT`] px; generous, so
/// text stays inside its box in any common sans-serif font.
pub(crate) const ADVANCE: f64 = 6.9;
/// Line height of box text.
pub(crate) const LINE: f64 = 15.0;
/// Padding inside a box.
pub(crate) const PAD: f64 = 8.0;

/// Formats a coordinate: one decimal, no `-0.0`.
pub(crate) fn num(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{x:.1}");
    if s == "-0.0" { "0.0".to_owned() } else { s }
}

/// An SVG document being written.
pub(crate) struct Svg {
    out: String,
}

impl Svg {
    pub(crate) fn new(width: f64, height: f64, title: &str) -> Svg {
        let mut out = String::new();
        let _ = write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\" font-size=\"{TEXT}\">\n\
             <title>{}</title>\n\
             <rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
            xml(title),
            w = num(width.ceil()),
            h = num(height.ceil()),
        );
        Svg { out }
    }

    /// Raw markup from this module (never user text).
    pub(crate) fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    pub(crate) fn open_group(&mut self, class: &str, id: Option<&str>, tooltip: Option<&str>) {
        let _ = write!(self.out, "<g class=\"{}\"", xml(class));
        if let Some(id) = id {
            let _ = write!(self.out, " id=\"{}\"", xml(id));
        }
        self.out.push('>');
        if let Some(tip) = tooltip {
            let _ = write!(self.out, "<title>{}</title>", xml(tip));
        }
        self.out.push('\n');
    }

    pub(crate) fn close_group(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// A rectangle; `extra` is further attributes from this module.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, r: f64, fill: &str, extra: &str) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{fill}\" {extra}/>",
            num(x),
            num(y),
            num(w.max(0.0)),
            num(h.max(0.0)),
            num(r)
        );
    }

    pub(crate) fn line(&mut self, a: Point, b: Point, colour: &str, width: f64, extra: &str) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"{}\" {extra}/>",
            num(a.x),
            num(a.y),
            num(b.x),
            num(b.y),
            num(width)
        );
    }

    /// Text at (x, y); `anchor` is start, middle or end; `extra` is further
    /// attributes from this module.
    pub(crate) fn text(&mut self, x: f64, y: f64, text: &str, anchor: &str, extra: &str) {
        let _ = writeln!(
            self.out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" {extra}>{}</text>",
            num(x),
            num(y),
            xml(text)
        );
    }

    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

/// The dash pattern of a stroke, as attributes.
pub(crate) fn dash(stroke: Stroke) -> &'static str {
    match stroke {
        Stroke::Dashed => "stroke-dasharray=\"6 3\"",
        Stroke::Dotted => "stroke-dasharray=\"1.5 2.5\" stroke-linecap=\"round\"",
        Stroke::Bold | Stroke::Solid => "",
    }
}

pub(crate) fn border_width(stroke: Stroke) -> f64 {
    match stroke {
        Stroke::Bold => 2.6,
        Stroke::Solid => 1.0,
        Stroke::Dashed => 1.4,
        Stroke::Dotted => 2.0,
    }
}

/// The size of a scene node's box.
pub(crate) fn node_size(caption: Option<&str>, lines: &[String]) -> (f64, f64) {
    let mut columns = lines.iter().map(|l| width(l) as f64).fold(0.0, f64::max);
    if let Some(c) = caption {
        columns = columns.max(width(c) as f64 * SMALL / TEXT);
    }
    let w = (columns * ADVANCE + 2.0 * PAD).max(48.0);
    let rows = lines.len() as f64 + if caption.is_some() { 0.9 } else { 0.0 };
    let h = rows * LINE + 2.0 * PAD - 3.0;
    (w.ceil(), h.ceil())
}

/// Draws an arrowhead at `tip`, pointing away from `from`.
fn head(svg: &mut Svg, head: Head, from: Point, tip: Point, colour: &str) {
    let (dx, dy) = (tip.x - from.x, tip.y - from.y);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1e-6 {
        return;
    }
    let (ux, uy) = (dx / len, dy / len);
    let (px, py) = (-uy, ux);
    let p = |a: f64, b: f64| {
        format!(
            "{},{}",
            num(tip.x - ux * a + px * b),
            num(tip.y - uy * a + py * b)
        )
    };
    match head {
        Head::Normal => {
            let _ = writeln!(
                svg.out,
                "<polygon points=\"{} {} {}\" fill=\"{colour}\"/>",
                p(0.0, 0.0),
                p(9.0, 4.0),
                p(9.0, -4.0)
            );
        }
        Head::Tee => {
            let _ = writeln!(
                svg.out,
                "<polyline points=\"{} {}\" stroke=\"{colour}\" stroke-width=\"2.8\" fill=\"none\"/>",
                p(1.6, 7.0),
                p(1.6, -7.0)
            );
        }
        Head::Dot => {
            let c = (tip.x - ux * 4.5, tip.y - uy * 4.5);
            let _ = writeln!(
                svg.out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"1.4\"/>",
                num(c.0),
                num(c.1)
            );
        }
    }
}

/// Where a line drawn up to a head ends: short of the tip by the head's length.
fn shorten(from: Point, tip: Point, by: f64) -> Point {
    let (dx, dy) = (tip.x - from.x, tip.y - from.y);
    let len = (dx * dx + dy * dy).sqrt();
    if len <= by {
        return from;
    }
    Point {
        x: tip.x - dx / len * by,
        y: tip.y - dy / len * by,
    }
}

/// Draws a legend with its top-left corner at (x, y); returns its size.
pub(crate) fn legend_size(legend: &[Key]) -> (f64, f64) {
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

pub(crate) fn draw_legend(svg: &mut Svg, legend: &[Key], x: f64, y: f64) {
    let (w, h) = legend_size(legend);
    svg.open_group("legend", Some("legend"), None);
    svg.rect(x, y, w, h, 4.0, "#ffffff", "stroke=\"#999999\"");
    svg.text(x + PAD, y + 18.0, "Legend", "start", "font-weight=\"bold\"");
    for (i, key) in legend.iter().enumerate() {
        let top = y + 28.0 + i as f64 * 20.0;
        let mid = top + 9.0;
        let label = match key {
            Key::Fill(colour, label) => {
                svg.rect(
                    x + PAD,
                    top + 2.0,
                    40.0,
                    14.0,
                    3.0,
                    &colour.hex(),
                    "stroke=\"#555555\"",
                );
                label
            }
            Key::Border(stroke, label) => {
                let extra = format!(
                    "stroke=\"#222222\" stroke-width=\"{}\" {}",
                    num(border_width(*stroke)),
                    dash(*stroke)
                );
                svg.rect(x + PAD, top + 2.0, 40.0, 14.0, 4.0, "#ffffff", &extra);
                label
            }
            Key::Arrow(colour, stroke, h, label) => {
                let a = Point { x: x + PAD, y: mid };
                let b = Point {
                    x: x + PAD + 40.0,
                    y: mid,
                };
                let hex = colour.hex();
                svg.line(a, shorten(a, b, 4.0), &hex, 1.5, dash(*stroke));
                head(svg, *h, a, b, &hex);
                label
            }
        };
        svg.text(x + PAD + 50.0, mid + 4.0, label, "start", "");
    }
    svg.close_group();
}

/// Draws a scene: lays it out, then boxes, arrows, title and legend.
pub(crate) fn write(scene: &Scene) -> String {
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
    let margin = 20.0;
    let title_h = 36.0;
    let (lw, lh) = if scene.legend.is_empty() {
        (0.0, 0.0)
    } else {
        legend_size(&scene.legend)
    };
    let graph_w = laid.width;
    let width = margin * 2.0 + graph_w + if lw > 0.0 { lw + margin } else { 0.0 };
    let height = margin * 2.0 + title_h + laid.height.max(lh);
    let mut svg = Svg::new(width, height, &scene.title);
    svg.text(
        margin,
        margin + 16.0,
        &scene.title,
        "start",
        "font-size=\"18\" font-weight=\"bold\"",
    );
    let ox = margin;
    let oy = margin + title_h;
    svg.raw(&format!(
        "<g transform=\"translate({},{})\">\n",
        num(ox),
        num(oy)
    ));
    // Edges under the boxes.
    for (edge, path) in scene.edges.iter().zip(&laid.edges) {
        if path.len() < 2 {
            continue;
        }
        let (Some(from), Some(to)) = (scene.nodes.get(edge.from), scene.nodes.get(edge.to)) else {
            continue;
        };
        let colour = edge.colour.hex();
        let id = format!("edge_{}_{}", from.id, to.id);
        svg.open_group("edge", Some(&id), Some(&edge.tooltip));
        let n = path.len();
        let tip = path[n - 1];
        let before = path[n - 2];
        // The path runs from border to border; the head is drawn over its end.
        let mut d = format!("M{},{}", num(path[0].x), num(path[0].y));
        for p in &path[1..] {
            let _ = write!(d, " L{},{}", num(p.x), num(p.y));
        }
        let stroke_w = if edge.stroke == Stroke::Bold {
            2.4
        } else {
            1.4
        };
        let _ = writeln!(
            svg.out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\" stroke-linejoin=\"round\" {} data-from=\"{}\" data-to=\"{}\"/>",
            num(stroke_w),
            dash(edge.stroke),
            xml(&from.id),
            xml(&to.id)
        );
        head(&mut svg, edge.head, before, tip, &colour);
        svg.close_group();
    }
    for (node, rect) in scene.nodes.iter().zip(&laid.nodes) {
        draw_node(&mut svg, node, rect.x, rect.y, rect.width, rect.height);
    }
    svg.raw("</g>\n");
    if !scene.legend.is_empty() {
        draw_legend(&mut svg, &scene.legend, margin * 2.0 + graph_w, oy);
    }
    svg.finish()
}

fn draw_node(svg: &mut Svg, node: &super::scene::Node, x: f64, y: f64, w: f64, h: f64) {
    svg.open_group("node", Some(&node.id), Some(&node.tooltip));
    let border = format!(
        "stroke=\"{}\" stroke-width=\"{}\" {} class=\"box\"",
        if node.faded { "#666666" } else { "#222222" },
        num(border_width(node.border)),
        dash(node.border)
    );
    let fill = node.fill.hex();
    match node.shape {
        Shape::Rounded => svg.rect(x, y, w, h, 6.0, &fill, &border),
        Shape::Ellipse => svg.rect(x, y, w, h, h / 2.0, &fill, &border),
        Shape::Note => {
            svg.rect(x, y, w, h, 0.0, &fill, &border);
            let _ = writeln!(
                svg.out,
                "<polyline points=\"{},{} {},{} {},{}\" fill=\"none\" stroke=\"#222222\"/>",
                num(x + w - 8.0),
                num(y),
                num(x + w - 8.0),
                num(y + 8.0),
                num(x + w),
                num(y + 8.0)
            );
        }
        Shape::Double => {
            svg.rect(x, y, w, h, 0.0, &fill, &border);
            svg.rect(
                x + 3.0,
                y + 3.0,
                w - 6.0,
                h - 6.0,
                0.0,
                "none",
                "stroke=\"#222222\"",
            );
        }
    }
    let cx = x + w / 2.0;
    let mut baseline = y + PAD + 10.0;
    if let Some(caption) = &node.caption {
        svg.text(
            cx,
            baseline - 1.0,
            caption,
            "middle",
            "font-size=\"10\" fill=\"#333333\"",
        );
        baseline += LINE * 0.9;
    }
    let colour = if node.faded { "#555555" } else { "#000000" };
    let extra = format!("fill=\"{colour}\"");
    for line in &node.lines {
        svg.text(cx, baseline, line, "middle", &extra);
        baseline += LINE;
    }
    svg.close_group();
}

/// Black or white text on a fill.
pub(crate) fn ink_on(fill: Rgb) -> &'static str {
    if fill.is_dark() { "#ffffff" } else { "#000000" }
}
