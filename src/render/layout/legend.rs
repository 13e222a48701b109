//! A picture's legend: a heading and entries, each a sample drawn as the
//! picture draws what it stands for, and a label.

use serde::{Deserialize, Serialize};

use super::geometry::{Rect, Xy};
use super::label::Label;
use super::style::{Arrowhead, Stroke};
use crate::render::text::Rgb;

/// A picture's legend, in picture coordinates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Legend {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    frame: Option<Rect>,
    heading: Label,
    entries: Vec<LegendEntry>,
}

impl Legend {
    pub(crate) fn new(frame: Option<Rect>, heading: Label) -> Legend {
        Legend {
            frame,
            heading,
            entries: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, sample: Option<Sample>, label: Option<Label>) {
        self.entries.push(LegendEntry { sample, label });
    }

    /// The legend's box (white, its corners rounded 4 px, a grey
    /// `#999999` outline), if it has one; the heat map's scale has none.
    pub fn frame(&self) -> Option<Rect> {
        self.frame
    }

    /// The heading ("Legend", or "score" over the heat map's scale).
    pub fn heading(&self) -> &Label {
        &self.heading
    }

    /// The entries, in the order drawn.
    pub fn entries(&self) -> &[LegendEntry] {
        &self.entries
    }
}

/// One entry of a legend: a sample, its label, or both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegendEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sample: Option<Sample>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<Label>,
}

impl LegendEntry {
    /// What the entry shows, drawn as in the picture.
    pub fn sample(&self) -> Option<&Sample> {
        self.sample.as_ref()
    }

    /// What it says.
    pub fn label(&self) -> Option<&Label> {
        self.label.as_ref()
    }
}

/// The sample of a legend entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Sample {
    /// A filled swatch: a family's colour; on the heat map, the colour of
    /// a cell nobody addresses.
    Fill {
        /// The swatch.
        rect: Rect,
        /// The radius of its corners.
        radius: f64,
        /// Its fill.
        colour: Rgb,
        /// Its 1 px outline.
        outline: Rgb,
    },
    /// A node's border: white, its corners rounded, outlined in `#222222`.
    Border {
        /// The swatch.
        rect: Rect,
        /// The radius of its corners.
        radius: f64,
        /// The border's stroke.
        stroke: Stroke,
        /// The border's width, in px.
        width: f64,
    },
    /// An arrow: a line and its head.
    Arrow {
        /// The line's two ends; the head is drawn beyond the second.
        line: [Xy; 2],
        /// The colour of line and head.
        colour: Rgb,
        /// The line's stroke.
        stroke: Stroke,
        /// The line's width, in px.
        width: f64,
        /// The head.
        head: Option<Arrowhead>,
    },
    /// A bar of the timeline (see [`DateMark::Bar`](crate::render::DateMark::Bar)).
    Bar {
        /// The bar.
        rect: Rect,
        /// Its fill.
        fill: Rgb,
        /// Whether it is faded, as for an approximate date.
        approximate: bool,
    },
    /// A diamond of the timeline (see
    /// [`DateMark::Diamond`](crate::render::DateMark::Diamond)).
    Diamond {
        /// Its top, right, bottom and left corners.
        points: [Xy; 4],
        /// Its fill.
        fill: Rgb,
    },
    /// The hatching of the timeline's narrowed quiet years (outlined in
    /// `#cccccc`).
    Quiet {
        /// The swatch.
        rect: Rect,
    },
    /// The heat map's scale: a bar shading from one colour to the next
    /// along its stops, with ticks beneath (outlined in `#999999`).
    Scale {
        /// The bar.
        rect: Rect,
        /// The colours along it, left to right.
        stops: Vec<Stop>,
        /// The ticks beneath it, left to right.
        ticks: Vec<Tick>,
    },
}

/// A colour on a scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Stop {
    /// Where on the bar, from 0 (its left end) to 1 (its right end); the
    /// SVG writes it in whole percent.
    pub offset: f64,
    /// The colour there.
    pub colour: Rgb,
}

/// A tick under a scale: a short grey line and its value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tick {
    /// The line's two ends (1 px, `#555555`).
    pub line: [Xy; 2],
    /// The value.
    pub label: Label,
}
