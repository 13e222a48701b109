//! Drawing a [`GraphLayout`]: arrows under boxes, in a group moved to the
//! graph's area; the title and the legend around them.

use std::fmt::Write as _;

use super::writer::{Svg, dash};
use crate::render::layout::{EdgePath, GraphLayout, NodeBox, Rect, Shape, num};
use crate::render::text::xml;

/// The SVG of a graph picture.
pub(crate) fn graph(g: &GraphLayout) -> String {
    let mut svg = Svg::new(g.width(), g.height(), g.title());
    let area = g.area();
    svg.raw(&format!(
        "<g transform=\"translate({},{})\">\n",
        num(area.x),
        num(area.y)
    ));
    // Edges under the boxes.
    for edge in g.edges() {
        let (Some(from), Some(to)) = (g.nodes().get(edge.from()), g.nodes().get(edge.to())) else {
            continue;
        };
        draw_edge(&mut svg, edge, from, to);
    }
    for node in g.nodes() {
        draw_node(&mut svg, node);
    }
    svg.raw("</g>\n");
    if let Some(legend) = g.legend() {
        super::legend::draw(&mut svg, legend);
    }
    svg.finish()
}

/// An edge: its path from border to border, the head drawn over its end.
fn draw_edge(svg: &mut Svg, edge: &EdgePath, from: &NodeBox, to: &NodeBox) {
    let points = edge.points();
    let Some((first, rest)) = points.split_first() else {
        return;
    };
    if rest.is_empty() {
        return;
    }
    let colour = edge.colour().hex();
    let id = format!("edge_{}_{}", from.element_id(), to.element_id());
    svg.open_group("edge", Some(&id), Some(edge.tooltip()));
    let mut d = format!("M{},{}", num(first.x), num(first.y));
    for p in rest {
        let _ = write!(d, " L{},{}", num(p.x), num(p.y));
    }
    svg.raw(&format!(
        "<path d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\" stroke-linejoin=\"round\" {} data-from=\"{}\" data-to=\"{}\"/>\n",
        num(edge.width()),
        dash(edge.stroke()),
        xml(from.element_id()),
        xml(to.element_id())
    ));
    if let Some(head) = edge.head() {
        svg.head(head, &colour);
    }
    svg.close_group();
}

/// A box: its outline, then its caption and lines.
fn draw_node(svg: &mut Svg, node: &NodeBox) {
    svg.open_group("node", Some(node.element_id()), Some(node.tooltip()));
    let border = format!(
        "stroke=\"{}\" stroke-width=\"{}\" {} class=\"box\"",
        node.border_colour().hex(),
        num(node.border_width()),
        dash(node.border())
    );
    let fill = node.fill().hex();
    let r = node.rect();
    let (x, y, w, h) = (r.x, r.y, r.width, r.height);
    match node.shape() {
        Shape::Rounded => svg.rect(r, 6.0, &fill, &border),
        Shape::Ellipse => svg.rect(r, h / 2.0, &fill, &border),
        Shape::Note => {
            svg.rect(r, 0.0, &fill, &border);
            svg.raw(&format!(
                "<polyline points=\"{},{} {},{} {},{}\" fill=\"none\" stroke=\"#222222\"/>\n",
                num(x + w - 8.0),
                num(y),
                num(x + w - 8.0),
                num(y + 8.0),
                num(x + w),
                num(y + 8.0)
            ));
        }
        Shape::Double => {
            svg.rect(r, 0.0, &fill, &border);
            let inner = Rect::new(x + 3.0, y + 3.0, w - 6.0, h - 6.0);
            svg.rect(inner, 0.0, "none", "stroke=\"#222222\"");
        }
    }
    if let Some(caption) = node.caption() {
        svg.label(caption);
    }
    for line in node.lines() {
        svg.label(line);
    }
    svg.close_group();
}
