//! The layout of the heat map: a grid of events × explanations, each cell
//! coloured by score, under slanted column headers.

use serde::{Deserialize, Serialize};

use super::geometry::{Rect, six_places, tenth};
use super::label::Label;
use super::legend::Legend;
use crate::model::{EventId, ExplanationId};
use crate::query::Verdict;
use crate::render::text::Rgb;

/// The layout of the heat map, in picture coordinates.
///
/// The picture is [`width`](Self::width) × [`height`](Self::height) px:
/// the title, the column headers (a strip of the family's colour and the
/// explanation's name rising at 50°), a row per event (its name right
/// aligned before the grid, a cell per explanation), the grid's outline
/// and the legend (the scale and the key) beneath.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeatMapLayout {
    #[serde(serialize_with = "tenth")]
    pub(crate) width: f64,
    #[serde(serialize_with = "tenth")]
    pub(crate) height: f64,
    pub(crate) title: Label,
    pub(crate) columns: Vec<HeatColumn>,
    pub(crate) rows: Vec<HeatRow>,
    pub(crate) grid: Rect,
    pub(crate) legend: Legend,
}

impl HeatMapLayout {
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

    /// The columns, left to right: one per explanation.
    pub fn columns(&self) -> &[HeatColumn] {
        &self.columns
    }

    /// The rows, top to bottom: one per event.
    pub fn rows(&self) -> &[HeatRow] {
        &self.rows
    }

    /// The grid of cells (outlined in `#bbbbbb`).
    pub fn grid(&self) -> Rect {
        self.grid
    }

    /// The legend: the scale of scores, the colour of an unaddressed cell
    /// and the key to the letters.
    pub fn legend(&self) -> &Legend {
        &self.legend
    }
}

/// A column: one explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeatColumn {
    pub(crate) explanation: ExplanationId,
    pub(crate) key: String,
    pub(crate) name: String,
    pub(crate) colour: Rgb,
    #[serde(default)]
    pub(crate) variant: bool,
    pub(crate) strip: Rect,
    pub(crate) header: Label,
}

impl HeatColumn {
    /// The explanation.
    pub fn explanation(&self) -> ExplanationId {
        self.explanation
    }

    /// Its key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Its whole name, for a tooltip.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its family's colour.
    pub fn colour(&self) -> Rgb {
        self.colour
    }

    /// Whether it is a variant of another (its header in grey italics).
    pub fn is_variant(&self) -> bool {
        self.variant
    }

    /// The strip of the family's colour above the column (outlined 0.5 px
    /// in `#555555`).
    pub fn strip(&self) -> Rect {
        self.strip
    }

    /// The header: the name, cut to fit, rising from above the column.
    pub fn header(&self) -> &Label {
        &self.header
    }
}

/// A row: one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeatRow {
    pub(crate) event: EventId,
    pub(crate) key: String,
    pub(crate) name: String,
    pub(crate) label: Label,
    pub(crate) cells: Vec<HeatCell>,
}

impl HeatRow {
    /// The event.
    pub fn event(&self) -> EventId {
        self.event
    }

    /// Its key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Its whole name, for a tooltip.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The name, cut to fit, right aligned before the grid.
    pub fn label(&self) -> &Label {
        &self.label
    }

    /// The cells, one per column, left to right.
    pub fn cells(&self) -> &[HeatCell] {
        &self.cells
    }
}

/// A cell: what the comparison of the row's event says of the column's
/// explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeatCell {
    pub(crate) rect: Rect,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) verdict: Option<Verdict>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "six_places"
    )]
    pub(crate) score: Option<f64>,
    pub(crate) fill: Rgb,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) text: Option<Label>,
}

impl HeatCell {
    /// The cell.
    pub fn rect(&self) -> Rect {
        self.rect
    }

    /// The verdict; `None` for a blank cell, where no claim about the
    /// event invokes the explanation.
    pub fn verdict(&self) -> Option<Verdict> {
        self.verdict
    }

    /// The score, from −1 to +1; `None` for a blank cell. Serialized to
    /// six decimals.
    pub fn score(&self) -> Option<f64> {
        self.score
    }

    /// The fill: the score on the red–white–blue scale, light grey when
    /// unaddressed, white when blank (a filled cell is outlined in white,
    /// a blank one in `#eeeeee`).
    pub fn fill(&self) -> Rgb {
        self.fill
    }

    /// The verdict's letter and the score (`S +0.42`), or `?` when
    /// unaddressed; `None` for a blank cell.
    pub fn text(&self) -> Option<&Label> {
        self.text.as_ref()
    }
}
