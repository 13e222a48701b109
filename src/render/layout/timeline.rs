//! The layout of the timeline: a row per event with its name, its date
//! and a bar on a time axis where quiet years are narrowed.

use serde::{Deserialize, Serialize};

use super::geometry::{Rect, Xy, tenth};
use super::label::Label;
use super::legend::Legend;
use crate::model::EventId;
use crate::render::text::Rgb;

/// The layout of the timeline, in picture coordinates.
///
/// The picture is [`width`](Self::width) × [`height`](Self::height) px:
/// the title, the column headings ("event", "date"), then a row per event
/// in tree order (each outermost event by date, followed by the events
/// within it), the [`axis`](Self::axis) of years above the bars, and the
/// legend beneath.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineLayout {
    #[serde(serialize_with = "tenth")]
    pub(crate) width: f64,
    #[serde(serialize_with = "tenth")]
    pub(crate) height: f64,
    pub(crate) title: Label,
    pub(crate) headings: Vec<Label>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) axis: Option<TimeAxis>,
    pub(crate) rows: Vec<TimelineRow>,
    pub(crate) legend: Legend,
}

impl TimelineLayout {
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

    /// The headings of the columns of names and dates.
    pub fn headings(&self) -> &[Label] {
        &self.headings
    }

    /// The axis of years; `None` when no event is dated.
    pub fn axis(&self) -> Option<&TimeAxis> {
        self.axis.as_ref()
    }

    /// The rows, top to bottom.
    pub fn rows(&self) -> &[TimelineRow] {
        &self.rows
    }

    /// The legend, beneath the rows.
    pub fn legend(&self) -> &Legend {
        &self.legend
    }
}

/// The axis of years: a column per year from the first to the last year
/// any event touches, wide for a year in which one starts or ends, narrow
/// for a quiet one.
///
/// The SVG draws a grey (`#dddddd`) line from 4 px above
/// [`top`](Self::top) to [`bottom`](Self::bottom) at the left edge of
/// each busy year, of each run of quiet years and at [`end`](Self::end);
/// it hatches each run of quiet years over the same height, and labels
/// each busy year above its column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeAxis {
    #[serde(serialize_with = "tenth")]
    pub(crate) top: f64,
    #[serde(serialize_with = "tenth")]
    pub(crate) bottom: f64,
    pub(crate) years: Vec<AxisYear>,
    #[serde(serialize_with = "tenth")]
    pub(crate) end: f64,
}

impl TimeAxis {
    /// Where the rows begin.
    pub fn top(&self) -> f64 {
        self.top
    }

    /// Where the rows end.
    pub fn bottom(&self) -> f64 {
        self.bottom
    }

    /// The years, left to right.
    pub fn years(&self) -> &[AxisYear] {
        &self.years
    }

    /// The right edge of the last year.
    pub fn end(&self) -> f64 {
        self.end
    }
}

/// One year's column on the axis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AxisYear {
    pub(crate) year: i64,
    #[serde(serialize_with = "tenth")]
    pub(crate) x: f64,
    #[serde(serialize_with = "tenth")]
    pub(crate) width: f64,
    pub(crate) busy: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) label: Option<Label>,
}

impl AxisYear {
    /// The year.
    pub fn year(&self) -> i64 {
        self.year
    }

    /// The column's left edge.
    pub fn x(&self) -> f64 {
        self.x
    }

    /// The column's width: 46 px for a busy year, 9 px for a quiet one.
    pub fn width(&self) -> f64 {
        self.width
    }

    /// Whether an event starts or ends in the year.
    pub fn is_busy(&self) -> bool {
        self.busy
    }

    /// The year's label above its column (busy years only).
    pub fn label(&self) -> Option<&Label> {
        self.label.as_ref()
    }
}

/// One event's row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineRow {
    pub(crate) event: EventId,
    pub(crate) key: String,
    pub(crate) element_id: String,
    pub(crate) depth: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) parent: Option<usize>,
    pub(crate) band: Rect,
    #[serde(default)]
    pub(crate) striped: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) branch: Option<[Xy; 3]>,
    pub(crate) name: Label,
    pub(crate) date: Label,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) mark: Option<DateMark>,
    pub(crate) tooltip: String,
}

impl TimelineRow {
    /// The event.
    pub fn event(&self) -> EventId {
        self.event
    }

    /// The event's key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The id of the row in SVG and DOT (`event3`).
    pub fn element_id(&self) -> &str {
        &self.element_id
    }

    /// How deep the event lies within others: 0 for an outermost one.
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// The row of the event it lies within.
    pub fn parent(&self) -> Option<usize> {
        self.parent
    }

    /// The row's band across the picture.
    pub fn band(&self) -> Rect {
        self.band
    }

    /// Whether the band is shaded (every other row: `#f4f4f4`, 80 %
    /// opaque).
    pub fn is_striped(&self) -> bool {
        self.striped
    }

    /// The grey (`#999999`) line from under the parent's name to this
    /// one's, a tree's branch.
    pub fn branch(&self) -> Option<[Xy; 3]> {
        self.branch
    }

    /// The event's name, indented by depth, cut to fit; bold for an
    /// outermost event.
    pub fn name(&self) -> &Label {
        &self.name
    }

    /// The date as written (and the number of claims about the event, if
    /// asked for).
    pub fn date(&self) -> &Label {
        &self.date
    }

    /// The mark on the axis; `None` for an undated event.
    pub fn mark(&self) -> Option<&DateMark> {
        self.mark.as_ref()
    }

    /// The name and the date, for a tooltip.
    pub fn tooltip(&self) -> &str {
        &self.tooltip
    }
}

/// An event's mark on the time axis, filled by depth (Paul Tol's "bright"
/// scheme: `#4477aa`, `#66ccee`, `#228833`, `#ccbb44`, `#aa3377`) and
/// outlined 0.8 px in `#222222`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateMark {
    /// A bar from the event's start to its end (corners rounded 3 px).
    Bar {
        /// The bar.
        rect: Rect,
        /// Its fill.
        fill: Rgb,
        /// Whether the date is approximate (`~`) or known only to the
        /// decade or century (`196X`): drawn at 55 % opacity over the
        /// whole range.
        approximate: bool,
        /// For an open period, the arrow (`→`) after the bar.
        open: Option<Label>,
    },
    /// A diamond, for a date too short to draw as a bar (a day, a month).
    Diamond {
        /// Its top, right, bottom and left corners.
        points: [Xy; 4],
        /// Its fill.
        fill: Rgb,
        /// As for a bar.
        approximate: bool,
    },
}
