//! SVG for the pictures that are charts, not graphs: the timeline (rows of
//! bars on a time axis) and the heat map.

use std::collections::BTreeSet;

use super::heat::{HeatMap, KEY, cell_fill, cell_text};
use super::layered::Point;
use super::svg::{ADVANCE, Svg, ink_on, num};
use super::text::{score_colour, signed, truncate, width};
use super::timeline::{Timeline, position};
use crate::model::{Date, Precision};

const MARGIN: f64 = 20.0;
const TITLE: f64 = 40.0;

/// Bar fills by depth of nesting (Tol "bright").
const DEPTH: [&str; 5] = ["#4477aa", "#66ccee", "#228833", "#ccbb44", "#aa3377"];

/// A time axis on which years with something happening are wide and
/// quiet stretches narrow.
struct Axis {
    first: i32,
    /// The left edge of each year from `first`, and the right edge of the last.
    edges: Vec<f64>,
    busy: Vec<bool>,
}

const BUSY: f64 = 46.0;
const QUIET: f64 = 9.0;
/// The widest span of years drawn; a wider one is clipped at both ends.
const MAX_YEARS: i64 = 2000;

impl Axis {
    fn new(busy_years: &BTreeSet<i32>) -> Option<Axis> {
        let first = *busy_years.first()?;
        let last = *busy_years.last()?;
        let span = (i64::from(last) - i64::from(first) + 1).clamp(1, MAX_YEARS);
        let mut edges = Vec::with_capacity(span as usize + 1);
        let mut busy = Vec::with_capacity(span as usize);
        let mut x = 0.0;
        for k in 0..span {
            let year = i64::from(first) + k;
            let is_busy = i32::try_from(year).is_ok_and(|y| busy_years.contains(&y));
            edges.push(x);
            busy.push(is_busy);
            x += if is_busy { BUSY } else { QUIET };
        }
        edges.push(x);
        Some(Axis { first, edges, busy })
    }

    fn width(&self) -> f64 {
        self.edges.last().copied().unwrap_or(0.0)
    }

    /// The x of a fractional year, clamped to the axis.
    fn x(&self, year: f64) -> f64 {
        let k = (year - f64::from(self.first)).floor();
        if !k.is_finite() || k < 0.0 {
            return 0.0;
        }
        let k = k as usize;
        match (self.edges.get(k), self.edges.get(k + 1)) {
            (Some(&a), Some(&b)) => a + (b - a) * (year - year.floor()),
            _ => self.width(),
        }
    }
}

pub(crate) fn timeline(t: &Timeline) -> String {
    const ROW: f64 = 22.0;
    const INDENT: f64 = 16.0;
    let mut busy = BTreeSet::new();
    for row in &t.rows {
        if let Some(w) = row.when {
            // A decade or century (`196X`) spans its years: both ends are
            // busy, as for a period.
            busy.insert(w.start().year());
            busy.insert(w.start().last_year());
            if let Some(end) = w.end() {
                busy.insert(end.year());
                busy.insert(end.last_year());
            }
        }
    }
    let axis = Axis::new(&busy);
    let names: Vec<String> = t.rows.iter().map(|r| truncate(&r.name, 56)).collect();
    let details: Vec<String> = t.rows.iter().map(|r| r.detail()).collect();
    let name_w = t
        .rows
        .iter()
        .zip(&names)
        .map(|(r, n)| (r.depth.min(12) as f64) * INDENT + width(n) as f64 * ADVANCE)
        .fold(120.0, f64::max)
        + 24.0;
    let detail_w = details
        .iter()
        .map(|d| width(d) as f64 * ADVANCE * 0.9)
        .fold(60.0, f64::max)
        + 16.0;
    let chart_x = MARGIN + name_w + detail_w;
    let chart_w = axis.as_ref().map_or(0.0, Axis::width);
    let top = MARGIN + TITLE + 24.0;
    let legend_h = 60.0;
    let width_total = (chart_x + chart_w + MARGIN).max(640.0);
    let height = top + t.rows.len() as f64 * ROW + 16.0 + legend_h + MARGIN;
    let mut svg = Svg::new(width_total, height, &t.title);
    svg.text(
        MARGIN,
        MARGIN + 16.0,
        &t.title,
        "start",
        "font-size=\"18\" font-weight=\"bold\"",
    );
    svg.text(MARGIN, top - 8.0, "event", "start", "font-weight=\"bold\"");
    svg.text(
        MARGIN + name_w,
        top - 8.0,
        "date",
        "start",
        "font-weight=\"bold\"",
    );

    // Year grid and labels.
    let bottom = top + t.rows.len() as f64 * ROW;
    if let Some(axis) = &axis {
        svg.open_group("axis", None, None);
        let mut quiet_start: Option<usize> = None;
        for (k, &is_busy) in axis.busy.iter().enumerate() {
            let x = chart_x + axis.edges[k];
            let year = i64::from(axis.first) + k as i64;
            if is_busy {
                if let Some(q) = quiet_start.take() {
                    quiet(&mut svg, chart_x + axis.edges[q], x, top, bottom);
                }
                svg.line(
                    Point { x, y: top - 4.0 },
                    Point { x, y: bottom },
                    "#dddddd",
                    1.0,
                    "",
                );
                svg.text(
                    x + BUSY / 2.0,
                    top - 8.0,
                    &year.to_string(),
                    "middle",
                    "font-size=\"10\"",
                );
            } else if quiet_start.is_none() {
                svg.line(
                    Point { x, y: top - 4.0 },
                    Point { x, y: bottom },
                    "#dddddd",
                    1.0,
                    "",
                );
                quiet_start = Some(k);
            }
        }
        let end = chart_x + axis.width();
        if let Some(q) = quiet_start {
            quiet(&mut svg, chart_x + axis.edges[q], end, top, bottom);
        }
        svg.line(
            Point {
                x: end,
                y: top - 4.0,
            },
            Point { x: end, y: bottom },
            "#dddddd",
            1.0,
            "",
        );
        svg.close_group();
    }

    // Rows: stripes, tree lines, names, dates, bars.
    for (i, row) in t.rows.iter().enumerate() {
        let y = top + i as f64 * ROW;
        let mid = y + ROW / 2.0;
        if i % 2 == 1 {
            svg.rect(
                MARGIN,
                y,
                width_total - 2.0 * MARGIN,
                ROW,
                0.0,
                "#f4f4f4",
                "opacity=\"0.8\"",
            );
        }
        let indent = MARGIN + row.depth.min(12) as f64 * INDENT;
        svg.open_group(
            "event",
            Some(&row.id),
            Some(&format!("{} ({})", row.name, details[i])),
        );
        if let Some(p) = row.parent {
            let px = MARGIN + t.rows[p].depth.min(12) as f64 * INDENT + 5.0;
            let py = top + p as f64 * ROW + ROW / 2.0 + 6.0;
            svg.raw(&format!(
                "<polyline points=\"{},{} {},{} {},{}\" fill=\"none\" stroke=\"#999999\"/>\n",
                num(px),
                num(py),
                num(px),
                num(mid),
                num(indent - 2.0),
                num(mid)
            ));
        }
        let weight = if row.depth == 0 {
            "font-weight=\"bold\""
        } else {
            ""
        };
        svg.text(indent + 2.0, mid + 4.0, &names[i], "start", weight);
        svg.text(
            MARGIN + name_w,
            mid + 4.0,
            &details[i],
            "start",
            "font-size=\"11\" fill=\"#444444\"",
        );
        if let (Some(axis), Some(when)) = (&axis, row.when) {
            let fill = DEPTH[row.depth % DEPTH.len()];
            let start = when.start();
            // Approximate (`~`) or known only to the decade or century
            // (`196X`): a faded bar over the whole range.
            let vague = |d: Date| d.is_circa() || d.precision() < Precision::Year;
            let circa = vague(start) || when.end().is_some_and(vague);
            let opacity = if circa { "fill-opacity=\"0.55\"" } else { "" };
            let x0 = chart_x + axis.x(position(start, false));
            let x1 = match when.end() {
                Some(end) => chart_x + axis.x(position(end, true)),
                None if when.is_open() => chart_x + axis.width(),
                None => chart_x + axis.x(position(start, true)),
            };
            if x1 - x0 < 5.0 {
                // A short date: a diamond.
                let c = (x0 + x1) / 2.0;
                svg.raw(&format!(
                    "<polygon points=\"{},{} {},{} {},{} {},{}\" fill=\"{fill}\" {opacity} stroke=\"#222222\" stroke-width=\"0.8\"/>\n",
                    num(c),
                    num(mid - 6.0),
                    num(c + 6.0),
                    num(mid),
                    num(c),
                    num(mid + 6.0),
                    num(c - 6.0),
                    num(mid)
                ));
            } else {
                svg.rect(
                    x0,
                    mid - 6.0,
                    x1 - x0,
                    12.0,
                    3.0,
                    fill,
                    &format!("{opacity} stroke=\"#222222\" stroke-width=\"0.8\""),
                );
                if when.is_open() {
                    svg.text(x1 + 2.0, mid + 4.0, "→", "start", "");
                }
            }
        }
        svg.close_group();
    }

    // Legend.
    let ly = bottom + 16.0;
    svg.open_group("legend", Some("legend"), None);
    svg.rect(
        MARGIN,
        ly,
        width_total - 2.0 * MARGIN,
        legend_h,
        4.0,
        "#ffffff",
        "stroke=\"#999999\"",
    );
    let mut x = MARGIN + 10.0;
    let y = ly + 22.0;
    svg.text(x, y + 4.0, "Legend", "start", "font-weight=\"bold\"");
    x += 64.0;
    for (depth, label) in ["outermost event", "within one", "within two", "deeper"]
        .iter()
        .enumerate()
    {
        svg.rect(
            x,
            y - 6.0,
            30.0,
            12.0,
            3.0,
            DEPTH[depth],
            "stroke=\"#222222\" stroke-width=\"0.8\"",
        );
        svg.text(x + 36.0, y + 4.0, label, "start", "");
        x += 42.0 + width(label) as f64 * ADVANCE;
    }
    let y = ly + 44.0;
    let mut x = MARGIN + 74.0;
    svg.raw(&format!(
        "<polygon points=\"{},{} {},{} {},{} {},{}\" fill=\"{}\" stroke=\"#222222\" stroke-width=\"0.8\"/>\n",
        num(x + 6.0), num(y - 6.0), num(x + 12.0), num(y), num(x + 6.0), num(y + 6.0), num(x), num(y), DEPTH[0]
    ));
    svg.text(x + 18.0, y + 4.0, "a day or a month", "start", "");
    x += 110.0;
    svg.rect(
        x,
        y - 6.0,
        30.0,
        12.0,
        3.0,
        DEPTH[0],
        "fill-opacity=\"0.55\" stroke=\"#222222\" stroke-width=\"0.8\"",
    );
    svg.text(x + 36.0, y + 4.0, "approximate (~)", "start", "");
    x += 150.0;
    svg.text(x, y + 4.0, "→ open end", "start", "");
    x += 100.0;
    svg.rect(
        x,
        y - 6.0,
        30.0,
        12.0,
        0.0,
        "url(#quiet)",
        "stroke=\"#cccccc\"",
    );
    svg.text(
        x + 36.0,
        y + 4.0,
        "years without events, narrowed",
        "start",
        "",
    );
    svg.close_group();
    svg.raw(
        "<defs><pattern id=\"quiet\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fafafa\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#e0e0e0\" stroke-width=\"2\"/></pattern></defs>\n",
    );
    svg.finish()
}

/// Shades a narrowed stretch of quiet years.
fn quiet(svg: &mut Svg, x0: f64, x1: f64, top: f64, bottom: f64) {
    svg.rect(
        x0,
        top - 4.0,
        x1 - x0,
        bottom - top + 4.0,
        0.0,
        "url(#quiet)",
        "",
    );
}

pub(crate) fn heat_map(h: &HeatMap) -> String {
    const CELL_W: f64 = 54.0;
    const CELL_H: f64 = 22.0;
    const ANGLE: f64 = 50.0;
    let names: Vec<String> = h.rows.iter().map(|r| truncate(r, 52)).collect();
    let headers: Vec<String> = h.columns.iter().map(|c| truncate(&c.name, 34)).collect();
    let name_w = names
        .iter()
        .map(|n| width(n) as f64 * ADVANCE)
        .fold(80.0, f64::max)
        + 16.0;
    let longest = headers
        .iter()
        .map(|n| width(n) as f64 * ADVANCE)
        .fold(0.0, f64::max);
    let (sin, cos) = ANGLE.to_radians().sin_cos();
    let header_h = longest * sin + 24.0;
    let grid_x = MARGIN + name_w;
    let grid_y = MARGIN + TITLE + header_h;
    let cols = h.columns.len() as f64;
    let grid_w = cols * CELL_W;
    let grid_h = h.rows.len() as f64 * CELL_H;
    let legend_w: f64 = 420.0;
    let width_total =
        (grid_x + grid_w + longest * cos + MARGIN).max(MARGIN * 2.0 + legend_w.max(name_w + 60.0));
    let height = grid_y + grid_h + 100.0 + MARGIN;
    let mut svg = Svg::new(width_total, height, &h.title);
    svg.text(
        MARGIN,
        MARGIN + 16.0,
        &h.title,
        "start",
        "font-size=\"18\" font-weight=\"bold\"",
    );

    // Column headers: the family colour, the name slanted.
    for (k, (column, header)) in h.columns.iter().zip(&headers).enumerate() {
        let x = grid_x + k as f64 * CELL_W;
        svg.open_group("column", None, Some(&column.name));
        svg.rect(
            x + 1.0,
            grid_y - 10.0,
            CELL_W - 2.0,
            8.0,
            0.0,
            &column.colour.hex(),
            "stroke=\"#555555\" stroke-width=\"0.5\"",
        );
        let (tx, ty) = (x + CELL_W / 2.0, grid_y - 14.0);
        let style = if column.variant {
            "font-style=\"italic\" fill=\"#333333\""
        } else {
            ""
        };
        svg.text(
            tx,
            ty,
            header,
            "start",
            &format!(
                "transform=\"rotate(-{ANGLE} {} {})\" {style}",
                num(tx),
                num(ty)
            ),
        );
        svg.close_group();
    }
    // Rows.
    for (i, (name, row)) in names.iter().zip(&h.cells).enumerate() {
        let y = grid_y + i as f64 * CELL_H;
        svg.open_group("row", None, Some(&h.rows[i]));
        svg.text(grid_x - 8.0, y + CELL_H / 2.0 + 4.0, name, "end", "");
        for (k, cell) in row.iter().enumerate() {
            let x = grid_x + k as f64 * CELL_W;
            match cell {
                Some((verdict, score)) => {
                    let fill = cell_fill(*verdict, *score);
                    svg.rect(
                        x,
                        y,
                        CELL_W,
                        CELL_H,
                        0.0,
                        &fill.hex(),
                        "stroke=\"#ffffff\" stroke-width=\"1\"",
                    );
                    svg.text(
                        x + CELL_W / 2.0,
                        y + CELL_H / 2.0 + 4.0,
                        &cell_text(*verdict, *score),
                        "middle",
                        &format!("font-size=\"10\" fill=\"{}\"", ink_on(fill)),
                    );
                }
                None => svg.rect(
                    x,
                    y,
                    CELL_W,
                    CELL_H,
                    0.0,
                    "#ffffff",
                    "stroke=\"#eeeeee\" stroke-width=\"1\"",
                ),
            }
        }
        svg.close_group();
    }
    svg.rect(
        grid_x,
        grid_y,
        grid_w,
        grid_h,
        0.0,
        "none",
        "stroke=\"#bbbbbb\"",
    );

    // Legend: the scale as a gradient with ticks, and the key.
    let ly = grid_y + grid_h + 24.0;
    let lx = MARGIN;
    svg.open_group("legend", Some("legend"), None);
    let mut stops = String::new();
    for step in 0..=8 {
        let score = -1.0 + f64::from(step) * 0.25;
        stops.push_str(&format!(
            "<stop offset=\"{}%\" stop-color=\"{}\"/>",
            step * 100 / 8,
            score_colour(score).hex()
        ));
    }
    svg.raw(&format!(
        "<defs><linearGradient id=\"scale\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">{stops}</linearGradient></defs>\n"
    ));
    svg.text(lx, ly + 12.0, "score", "start", "font-weight=\"bold\"");
    let bar_x = lx + 50.0;
    svg.rect(
        bar_x,
        ly,
        240.0,
        14.0,
        0.0,
        "url(#scale)",
        "stroke=\"#999999\"",
    );
    for step in 0..=4 {
        let score = -1.0 + f64::from(step) * 0.5;
        let x = bar_x + f64::from(step) * 60.0;
        svg.line(
            Point { x, y: ly + 14.0 },
            Point { x, y: ly + 19.0 },
            "#555555",
            1.0,
            "",
        );
        svg.text(x, ly + 30.0, &signed(score), "middle", "font-size=\"10\"");
    }
    svg.text(
        bar_x - 4.0,
        ly + 48.0,
        "rejected",
        "start",
        "font-size=\"10\" fill=\"#b2182b\"",
    );
    svg.text(
        bar_x + 244.0,
        ly + 48.0,
        "supported",
        "end",
        "font-size=\"10\" fill=\"#2166ac\"",
    );
    svg.rect(
        bar_x + 270.0,
        ly,
        24.0,
        14.0,
        0.0,
        "#e4e4e4",
        "stroke=\"#999999\"",
    );
    svg.text(
        bar_x + 300.0,
        ly + 12.0,
        "unaddressed",
        "start",
        "font-size=\"10\"",
    );
    svg.text(
        lx,
        ly + 68.0,
        KEY,
        "start",
        "font-size=\"10\" fill=\"#333333\"",
    );
    svg.close_group();
    svg.finish()
}
