//! The heat map laid out: the column headers slanted above the grid, a
//! row per event, and the scale and key beneath.

use crate::render::heat::{HeatMap, KEY, cell_fill, cell_text};
use crate::render::layout::geometry::{Rect, Xy};
use crate::render::layout::heat::{HeatCell, HeatColumn, HeatMapLayout, HeatRow};
use crate::render::layout::label::{ADVANCE, Anchor, Label, TEXT};
use crate::render::layout::legend::{Legend, Sample, Stop, Tick};
use crate::render::text::{Rgb, score_colour, signed, truncate, width};

const MARGIN: f64 = 20.0;
const TITLE: f64 = 40.0;
const CELL_W: f64 = 54.0;
const CELL_H: f64 = 22.0;
/// The angle the column headers rise at.
const ANGLE: f64 = 50.0;

impl HeatMapLayout {
    /// Lays the heat map out.
    pub(crate) fn of(h: &HeatMap) -> HeatMapLayout {
        let names: Vec<String> = h.rows.iter().map(|r| truncate(&r.name, 52)).collect();
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
        let title = Label::new(
            h.title.clone(),
            Xy::new(MARGIN, MARGIN + 16.0),
            Anchor::Start,
            18.0,
        )
        .in_bold();
        let legend = legend(MARGIN, grid_y + grid_h + 24.0);
        // As wide as the grid with its headers, the title and the legend's
        // texts.
        let legend_w = legend
            .entries()
            .iter()
            .filter_map(|e| e.label())
            .map(|l| l.at().x - MARGIN + l.estimated_width())
            .fold(420.0, f64::max);
        let width_total = (grid_x + grid_w + longest * cos + MARGIN)
            .max(MARGIN * 2.0 + legend_w.max(name_w + 60.0))
            .max(MARGIN * 2.0 + title.estimated_width());
        let height = grid_y + grid_h + 100.0 + MARGIN;
        let columns = h
            .columns
            .iter()
            .zip(headers)
            .enumerate()
            .map(|(k, (column, header))| {
                let x = grid_x + k as f64 * CELL_W;
                let (tx, ty) = (x + CELL_W / 2.0, grid_y - 14.0);
                let mut header =
                    Label::new(header, Xy::new(tx, ty), Anchor::Start, TEXT).turned(-ANGLE);
                if column.variant {
                    header = header.in_italics().in_colour(Rgb(0x33, 0x33, 0x33));
                }
                HeatColumn {
                    explanation: column.explanation,
                    key: column.key.clone(),
                    name: column.name.clone(),
                    colour: column.colour,
                    variant: column.variant,
                    strip: Rect::new(x + 1.0, grid_y - 10.0, CELL_W - 2.0, 8.0),
                    header,
                }
            })
            .collect();
        let rows = names
            .into_iter()
            .zip(&h.rows)
            .zip(&h.cells)
            .enumerate()
            .map(|(i, ((name, row), cells))| {
                let y = grid_y + i as f64 * CELL_H;
                HeatRow {
                    event: row.event,
                    key: row.key.clone(),
                    name: row.name.clone(),
                    label: Label::new(
                        name,
                        Xy::new(grid_x - 8.0, y + CELL_H / 2.0 + 4.0),
                        Anchor::End,
                        TEXT,
                    ),
                    cells: cells
                        .iter()
                        .enumerate()
                        .map(|(k, cell)| heat_cell(*cell, grid_x + k as f64 * CELL_W, y))
                        .collect(),
                }
            })
            .collect();
        HeatMapLayout {
            width: width_total.ceil(),
            height: height.ceil(),
            title,
            columns,
            rows,
            grid: Rect::new(grid_x, grid_y, grid_w, grid_h),
            legend,
        }
    }
}

/// A cell with its top-left corner at (x, y).
fn heat_cell(cell: Option<(crate::query::Verdict, f64)>, x: f64, y: f64) -> HeatCell {
    let rect = Rect::new(x, y, CELL_W, CELL_H);
    match cell {
        Some((verdict, score)) => {
            let fill = cell_fill(verdict, score);
            let ink = if fill.is_dark() {
                Rgb(0xff, 0xff, 0xff)
            } else {
                Rgb(0, 0, 0)
            };
            let text = Label::new(
                cell_text(verdict, score),
                Xy::new(x + CELL_W / 2.0, y + CELL_H / 2.0 + 4.0),
                Anchor::Middle,
                10.0,
            )
            .in_colour(ink);
            HeatCell {
                rect,
                verdict: Some(verdict),
                score: Some(score),
                fill,
                text: Some(text),
            }
        }
        None => HeatCell {
            rect,
            verdict: None,
            score: None,
            fill: Rgb(0xff, 0xff, 0xff),
            text: None,
        },
    }
}

/// The legend with its top-left corner at (lx, ly): the scale as a
/// gradient with ticks, its ends named, the colour of an unaddressed cell,
/// and the key to the letters.
fn legend(lx: f64, ly: f64) -> Legend {
    let small =
        |text: &str, x: f64, y: f64, anchor: Anchor| Label::new(text, Xy::new(x, y), anchor, 10.0);
    let mut legend = Legend::new(
        None,
        Label::new("score", Xy::new(lx, ly + 12.0), Anchor::Start, TEXT).in_bold(),
    );
    let bar_x = lx + 50.0;
    let stops = (0..=8)
        .map(|step| Stop {
            offset: f64::from(step) / 8.0,
            colour: score_colour(-1.0 + f64::from(step) * 0.25),
        })
        .collect();
    let ticks = (0..=4)
        .map(|step| {
            let score = -1.0 + f64::from(step) * 0.5;
            let x = bar_x + f64::from(step) * 60.0;
            Tick {
                line: [Xy::new(x, ly + 14.0), Xy::new(x, ly + 19.0)],
                label: small(&signed(score), x, ly + 30.0, Anchor::Middle),
            }
        })
        .collect();
    let scale = Sample::Scale {
        rect: Rect::new(bar_x, ly, 240.0, 14.0),
        stops,
        ticks,
    };
    legend.push(Some(scale), None);
    let rejected = small("rejected", bar_x - 4.0, ly + 48.0, Anchor::Start);
    legend.push(None, Some(rejected.in_colour(Rgb(0xb2, 0x18, 0x2b))));
    let supported = small("supported", bar_x + 244.0, ly + 48.0, Anchor::End);
    legend.push(None, Some(supported.in_colour(Rgb(0x21, 0x66, 0xac))));
    let unaddressed = Sample::Fill {
        rect: Rect::new(bar_x + 270.0, ly, 24.0, 14.0),
        radius: 0.0,
        colour: Rgb(0xe4, 0xe4, 0xe4),
        outline: Rgb(0x99, 0x99, 0x99),
    };
    let label = small("unaddressed", bar_x + 300.0, ly + 12.0, Anchor::Start);
    legend.push(Some(unaddressed), Some(label));
    let key = small(KEY, lx, ly + 68.0, Anchor::Start).in_colour(Rgb(0x33, 0x33, 0x33));
    legend.push(None, Some(key));
    legend
}
