//! The timeline laid out: the columns of names and dates, an axis on
//! which years with something happening are wide and quiet stretches
//! narrow, a row per event with its mark, and the legend.

use std::collections::BTreeSet;

use crate::model::{Date, Precision};
use crate::render::layout::geometry::{Rect, Xy};
use crate::render::layout::label::{ADVANCE, Anchor, Label, TEXT};
use crate::render::layout::legend::{Legend, Sample};
use crate::render::layout::timeline::{AxisYear, DateMark, TimeAxis, TimelineLayout, TimelineRow};
use crate::render::text::{Rgb, truncate, width};
use crate::render::timeline::{Row, Timeline, position};

const MARGIN: f64 = 20.0;
const TITLE: f64 = 40.0;
/// Height of a row.
const ROW: f64 = 22.0;
/// Indent per level of nesting.
const INDENT: f64 = 16.0;
/// Font size of the date column.
const DATE: f64 = 11.0;
/// Height of the legend.
const LEGEND: f64 = 60.0;
/// Width of a year in which an event starts or ends.
const BUSY: f64 = 46.0;
/// Width of a year in which nothing does.
const QUIET: f64 = 9.0;
/// The widest span of years drawn; a wider one is clipped at both ends.
const MAX_YEARS: i64 = 2000;

/// Bar fills by depth of nesting (Tol "bright").
const DEPTH: [Rgb; 5] = [
    Rgb(0x44, 0x77, 0xaa),
    Rgb(0x66, 0xcc, 0xee),
    Rgb(0x22, 0x88, 0x33),
    Rgb(0xcc, 0xbb, 0x44),
    Rgb(0xaa, 0x33, 0x77),
];

/// A time axis on which years with something happening are wide and
/// quiet stretches narrow, from x = 0.
struct Axis {
    first: i32,
    /// The left edge of each year from `first`, and the right edge of the last.
    edges: Vec<f64>,
    busy: Vec<bool>,
}

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

    /// The years in which an event starts or ends: a decade or century
    /// (`196X`) spans its years, so both its ends are busy, as for a period.
    fn busy_years(t: &Timeline) -> BTreeSet<i32> {
        let mut busy = BTreeSet::new();
        for row in &t.rows {
            if let Some(w) = row.when {
                busy.insert(w.start().year());
                busy.insert(w.start().last_year());
                if let Some(end) = w.end() {
                    busy.insert(end.year());
                    busy.insert(end.last_year());
                }
            }
        }
        busy
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

    /// The axis placed with its left edge at `left`, its lines from `top`
    /// to `bottom`.
    fn placed(&self, left: f64, top: f64, bottom: f64) -> TimeAxis {
        let years = self
            .busy
            .iter()
            .enumerate()
            .map(|(k, &busy)| {
                let x = left + self.edges[k];
                let year = i64::from(self.first) + k as i64;
                AxisYear {
                    year,
                    x,
                    width: self.edges[k + 1] - self.edges[k],
                    busy,
                    label: busy.then(|| {
                        Label::new(
                            year.to_string(),
                            Xy::new(x + BUSY / 2.0, top - 8.0),
                            Anchor::Middle,
                            10.0,
                        )
                    }),
                }
            })
            .collect();
        TimeAxis {
            top,
            bottom,
            years,
            end: left + self.width(),
        }
    }
}

/// Where the columns lie.
struct Columns {
    /// The left edge of the dates.
    date: f64,
    /// The left edge of the axis.
    chart: f64,
    /// The width of the picture.
    width: f64,
    /// The top of the first row.
    top: f64,
}

impl TimelineLayout {
    /// Lays the timeline out.
    pub(crate) fn of(t: &Timeline) -> TimelineLayout {
        let axis = Axis::new(&Axis::busy_years(t));
        let names: Vec<String> = t.rows.iter().map(|r| truncate(&r.name, 56)).collect();
        let details: Vec<String> = t.rows.iter().map(Row::detail).collect();
        let name_w = t
            .rows
            .iter()
            .zip(&names)
            .map(|(r, n)| (r.depth.min(12) as f64) * INDENT + width(n) as f64 * ADVANCE)
            .fold(120.0, f64::max)
            + 24.0;
        let detail_w = details
            .iter()
            .map(|d| width(d) as f64 * ADVANCE * DATE / TEXT)
            .fold(60.0, f64::max)
            + 16.0;
        let chart_x = MARGIN + name_w + detail_w;
        let chart_w = axis.as_ref().map_or(0.0, Axis::width);
        let top = MARGIN + TITLE + 24.0;
        let bottom = top + t.rows.len() as f64 * ROW;
        let title = Label::new(
            t.title.clone(),
            Xy::new(MARGIN, MARGIN + 16.0),
            Anchor::Start,
            18.0,
        )
        .in_bold();
        // At least as wide as the title, and as the legend with its texts
        // inside its frame.
        let (_, legend_end) = legend(bottom + 16.0, 0.0);
        let width_total = (chart_x + chart_w + MARGIN)
            .max(640.0)
            .max(MARGIN * 2.0 + title.estimated_width())
            .max(legend_end + 10.0 + MARGIN);
        let (legend, _) = legend(bottom + 16.0, width_total);
        let columns = Columns {
            date: MARGIN + name_w,
            chart: chart_x,
            width: width_total,
            top,
        };
        let height = top + t.rows.len() as f64 * ROW + 16.0 + LEGEND + MARGIN;
        let heading = |text: &str, x: f64| {
            Label::new(text, Xy::new(x, top - 8.0), Anchor::Start, TEXT).in_bold()
        };
        TimelineLayout {
            width: columns.width.ceil(),
            height: height.ceil(),
            title,
            headings: vec![heading("event", MARGIN), heading("date", columns.date)],
            rows: (0..t.rows.len())
                .map(|i| row(t, i, &names[i], &details[i], axis.as_ref(), &columns))
                .collect(),
            axis: axis.as_ref().map(|a| a.placed(chart_x, top, bottom)),
            legend,
        }
    }
}

/// The `i`-th row: its band, the branch from its parent, its name and
/// date, its mark on the axis.
fn row(
    t: &Timeline,
    i: usize,
    name: &str,
    detail: &str,
    axis: Option<&Axis>,
    columns: &Columns,
) -> TimelineRow {
    let row = &t.rows[i];
    let y = columns.top + i as f64 * ROW;
    let mid = y + ROW / 2.0;
    let indent = MARGIN + row.depth.min(12) as f64 * INDENT;
    let branch = row
        .parent
        .and_then(|p| t.rows.get(p).map(|parent| (p, parent)))
        .map(|(p, parent)| {
            let px = MARGIN + parent.depth.min(12) as f64 * INDENT + 5.0;
            let py = columns.top + p as f64 * ROW + ROW / 2.0 + 6.0;
            [
                Xy::new(px, py),
                Xy::new(px, mid),
                Xy::new(indent - 2.0, mid),
            ]
        });
    let mut name_label = Label::new(name, Xy::new(indent + 2.0, mid + 4.0), Anchor::Start, TEXT);
    if row.depth == 0 {
        name_label = name_label.in_bold();
    }
    TimelineRow {
        event: row.event,
        key: row.key.clone(),
        element_id: row.id.clone(),
        depth: row.depth,
        parent: row.parent,
        band: Rect::new(MARGIN, y, columns.width - 2.0 * MARGIN, ROW),
        striped: i % 2 == 1,
        branch,
        name: name_label,
        date: Label::new(
            detail,
            Xy::new(columns.date, mid + 4.0),
            Anchor::Start,
            DATE,
        )
        .in_colour(Rgb(0x44, 0x44, 0x44)),
        mark: axis.and_then(|axis| mark(row, axis, columns.chart, mid)),
        tooltip: format!("{} ({detail})", row.name),
    }
}

/// The mark of a row's date on the axis: a bar from its start to its end,
/// or a diamond when that is shorter than 5 px.
fn mark(row: &Row, axis: &Axis, chart_x: f64, mid: f64) -> Option<DateMark> {
    let when = row.when?;
    let fill = DEPTH[row.depth % DEPTH.len()];
    let start = when.start();
    // Approximate (`~`) or known only to the decade or century (`196X`):
    // a faded bar over the whole range.
    let vague = |d: Date| d.is_circa() || d.precision() < Precision::Year;
    let approximate = vague(start) || when.end().is_some_and(vague);
    let x0 = chart_x + axis.x(position(start, false));
    let x1 = match when.end() {
        Some(end) => chart_x + axis.x(position(end, true)),
        None if when.is_open() => chart_x + axis.width(),
        None => chart_x + axis.x(position(start, true)),
    };
    Some(if x1 - x0 < 5.0 {
        let c = (x0 + x1) / 2.0;
        DateMark::Diamond {
            points: [
                Xy::new(c, mid - 6.0),
                Xy::new(c + 6.0, mid),
                Xy::new(c, mid + 6.0),
                Xy::new(c - 6.0, mid),
            ],
            fill,
            approximate,
        }
    } else {
        DateMark::Bar {
            rect: Rect::new(x0, mid - 6.0, x1 - x0, 12.0),
            fill,
            approximate,
            open: when
                .is_open()
                .then(|| Label::new("→", Xy::new(x1 + 2.0, mid + 4.0), Anchor::Start, TEXT)),
        }
    })
}

/// Space between a sample and its text, and between a text and the next
/// entry.
const GAP: f64 = 6.0;

/// A line of the legend, filled from the left: each entry's sample, its
/// text [`GAP`] px after it, and the next entry [`GAP`] px after the text,
/// as wide as the layout estimates it ([`Label::estimated_width`]), so
/// that no text runs into the next sample.
struct Line {
    x: f64,
    y: f64,
}

impl Line {
    /// Adds an entry: `sample` drawn at the line's x (`width` px wide; none
    /// when 0), then `text`.
    fn push(
        &mut self,
        legend: &mut Legend,
        width: f64,
        sample: impl FnOnce(f64, f64) -> Option<Sample>,
        text: &str,
    ) {
        let sample = sample(self.x, self.y);
        if width > 0.0 {
            self.x += width + GAP;
        }
        let label = Label::new(text, Xy::new(self.x, self.y + 4.0), Anchor::Start, TEXT);
        self.x += label.estimated_width() + GAP;
        legend.push(sample, Some(label));
    }

    /// The right end of the last text.
    fn end(&self) -> f64 {
        self.x - GAP
    }
}

/// The legend at `ly`, its frame across a picture `width_total` px wide:
/// the fills by depth on one line; a diamond, a faded bar, an open end and
/// quiet years on the next. Returns it with the x of its rightmost text's
/// end.
fn legend(ly: f64, width_total: f64) -> (Legend, f64) {
    let x = MARGIN + 10.0;
    let mut legend = Legend::new(
        Some(Rect::new(MARGIN, ly, width_total - 2.0 * MARGIN, LEGEND)),
        Label::new("Legend", Xy::new(x, ly + 26.0), Anchor::Start, TEXT).in_bold(),
    );
    let bar = |fill: Rgb, approximate: bool| {
        move |x: f64, y: f64| {
            Some(Sample::Bar {
                rect: Rect::new(x, y - 6.0, 30.0, 12.0),
                fill,
                approximate,
            })
        }
    };
    let mut first = Line {
        x: x + 64.0,
        y: ly + 22.0,
    };
    for (depth, label) in ["outermost event", "within one", "within two", "deeper"]
        .iter()
        .enumerate()
    {
        first.push(&mut legend, 30.0, bar(DEPTH[depth], false), label);
    }
    let mut second = Line {
        x: x + 64.0,
        y: ly + 44.0,
    };
    let diamond = |x: f64, y: f64| {
        Some(Sample::Diamond {
            points: [
                Xy::new(x + 6.0, y - 6.0),
                Xy::new(x + 12.0, y),
                Xy::new(x + 6.0, y + 6.0),
                Xy::new(x, y),
            ],
            fill: DEPTH[0],
        })
    };
    second.push(&mut legend, 12.0, diamond, "a day or a month");
    second.push(&mut legend, 30.0, bar(DEPTH[0], true), "approximate (~)");
    second.push(&mut legend, 0.0, |_, _| None, "→ open end");
    let quiet = |x: f64, y: f64| {
        Some(Sample::Quiet {
            rect: Rect::new(x, y - 6.0, 30.0, 12.0),
        })
    };
    second.push(&mut legend, 30.0, quiet, "years without events, narrowed");
    let end = first.end().max(second.end());
    (legend, end)
}
