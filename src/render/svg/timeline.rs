//! Drawing a [`TimelineLayout`]: the headings, the axis of years, the rows
//! with their marks, the legend and the hatching of quiet years.

use super::writer::{Svg, point};
use crate::render::layout::{DateMark, Rect, TimeAxis, TimelineLayout, TimelineRow, Xy};

/// The SVG of the timeline.
pub(crate) fn timeline(t: &TimelineLayout) -> String {
    let mut svg = Svg::new(t.width(), t.height(), t.title());
    for heading in t.headings() {
        svg.label(heading);
    }
    if let Some(axis) = t.axis() {
        draw_axis(&mut svg, axis);
    }
    for row in t.rows() {
        draw_row(&mut svg, row);
    }
    super::legend::draw(&mut svg, t.legend());
    svg.raw(
        "<defs><pattern id=\"quiet\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fafafa\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#e0e0e0\" stroke-width=\"2\"/></pattern></defs>\n",
    );
    svg.finish()
}

/// The year grid and labels: a line at each busy year and at the start of
/// each run of quiet years, each run hatched, a line at the end.
fn draw_axis(svg: &mut Svg, axis: &TimeAxis) {
    let (top, bottom) = (axis.top(), axis.bottom());
    let grid = |svg: &mut Svg, x: f64| {
        svg.line(
            Xy { x, y: top - 4.0 },
            Xy { x, y: bottom },
            "#dddddd",
            1.0,
            "",
        );
    };
    let quiet = |svg: &mut Svg, x0: f64, x1: f64| {
        let rect = Rect::new(x0, top - 4.0, x1 - x0, bottom - top + 4.0);
        svg.rect(rect, 0.0, "url(#quiet)", "");
    };
    svg.open_group("axis", None, None);
    let mut quiet_start: Option<f64> = None;
    for year in axis.years() {
        let x = year.x();
        if year.is_busy() {
            if let Some(q) = quiet_start.take() {
                quiet(svg, q, x);
            }
            grid(svg, x);
            if let Some(label) = year.label() {
                svg.label(label);
            }
        } else if quiet_start.is_none() {
            grid(svg, x);
            quiet_start = Some(x);
        }
    }
    let end = axis.end();
    if let Some(q) = quiet_start {
        quiet(svg, q, end);
    }
    grid(svg, end);
    svg.close_group();
}

/// A row: its stripe, then in its group the branch, name, date and mark.
fn draw_row(svg: &mut Svg, row: &TimelineRow) {
    if row.is_striped() {
        svg.rect(row.band(), 0.0, "#f4f4f4", "opacity=\"0.8\"");
    }
    svg.open_group("event", Some(row.element_id()), Some(row.tooltip()));
    if let Some([a, b, c]) = row.branch() {
        svg.raw(&format!(
            "<polyline points=\"{} {} {}\" fill=\"none\" stroke=\"#999999\"/>\n",
            point(a),
            point(b),
            point(c)
        ));
    }
    svg.label(row.name());
    svg.label(row.date());
    match row.mark() {
        Some(DateMark::Diamond {
            points,
            fill,
            approximate,
        }) => svg.raw(&format!(
            "<polygon points=\"{} {} {} {}\" fill=\"{}\" {} stroke=\"#222222\" stroke-width=\"0.8\"/>\n",
            point(points[0]),
            point(points[1]),
            point(points[2]),
            point(points[3]),
            fill.hex(),
            opacity(*approximate)
        )),
        Some(DateMark::Bar {
            rect,
            fill,
            approximate,
            open,
        }) => {
            let extra = format!(
                "{} stroke=\"#222222\" stroke-width=\"0.8\"",
                opacity(*approximate)
            );
            svg.rect(*rect, 3.0, &fill.hex(), &extra);
            if let Some(arrow) = open {
                svg.label(arrow);
            }
        }
        None => {}
    }
    svg.close_group();
}

/// The fading of an approximate date.
fn opacity(approximate: bool) -> &'static str {
    if approximate {
        "fill-opacity=\"0.55\""
    } else {
        ""
    }
}
