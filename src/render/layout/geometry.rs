//! Points and rectangles, and how their coordinates are written: to a
//! tenth of a pixel, as the SVG writes them.

use serde::{Deserialize, Serialize};

/// A point in a picture, in pixels: `x` to the right and `y` down.
///
/// Serialized, each coordinate is rounded to a tenth of a pixel, as the
/// SVG writes it.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Xy {
    /// Pixels to the right.
    #[serde(serialize_with = "tenth")]
    pub x: f64,
    /// Pixels down.
    #[serde(serialize_with = "tenth")]
    pub y: f64,
}

impl Xy {
    /// The point (`x`, `y`).
    pub fn new(x: f64, y: f64) -> Xy {
        Xy { x, y }
    }
}

/// A rectangle: its top-left corner and its size, in pixels.
///
/// Serialized, each number is rounded to a tenth of a pixel, as the SVG
/// writes it.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Rect {
    /// The left edge.
    #[serde(serialize_with = "tenth")]
    pub x: f64,
    /// The top edge.
    #[serde(serialize_with = "tenth")]
    pub y: f64,
    /// The width.
    #[serde(serialize_with = "tenth")]
    pub width: f64,
    /// The height.
    #[serde(serialize_with = "tenth")]
    pub height: f64,
}

impl Rect {
    /// The rectangle with its top-left corner at (`x`, `y`).
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    /// The right edge.
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// The bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// The centre.
    pub fn centre(&self) -> Xy {
        Xy::new(self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// Whether the point lies inside or on the border: what a tool asks
    /// to find the box under the pointer.
    pub fn contains(&self, point: Xy) -> bool {
        point.x >= self.x
            && point.x <= self.right()
            && point.y >= self.y
            && point.y <= self.bottom()
    }

    /// Whether the two rectangles share more than a border.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
}

/// Formats a coordinate as the SVG writes it: one decimal, no `-0.0`, `0.0`
/// for a number that is not finite.
pub(crate) fn num(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{x:.1}");
    if s == "-0.0" { "0.0".to_owned() } else { s }
}

/// A coordinate rounded as [`num`] writes it.
pub(crate) fn rounded(x: f64) -> f64 {
    num(x).parse().unwrap_or(0.0)
}

/// Serializes a coordinate rounded to a tenth, as the SVG writes it.
pub(crate) fn tenth<S: serde::Serializer>(x: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(rounded(*x))
}

/// Serializes a value that is not a coordinate (a score) to six decimals,
/// few enough digits for any JSON reader to read back exactly.
pub(crate) fn six_places<S: serde::Serializer>(
    x: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) if x.is_finite() => {
            serializer.serialize_some(&format!("{x:.6}").parse::<f64>().unwrap_or(0.0))
        }
        _ => serializer.serialize_none(),
    }
}
