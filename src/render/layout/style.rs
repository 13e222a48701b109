//! How boxes and lines are drawn: outlines, strokes and arrowheads.

use serde::{Deserialize, Serialize};

use super::geometry::Xy;

/// A node's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Shape {
    /// A box with rounded corners, radius 6 px (claims, explanations).
    Rounded,
    /// A box with fully rounded ends, radius half its height (scholars).
    Ellipse,
    /// A box with its top-right corner folded, 8 px (evidence).
    Note,
    /// A box with a second border 3 px inside (the event of a comparison).
    Double,
}

names!(Shape, "shape", [
    Rounded => "rounded",
    Ellipse => "ellipse",
    Note => "note",
    Double => "double",
]);

/// How a node's border or an edge is stroked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Stroke {
    /// A heavy solid line.
    Bold,
    /// A solid line.
    Solid,
    /// A dashed line.
    Dashed,
    /// A dotted line (round caps).
    Dotted,
}

names!(Stroke, "stroke", [
    Bold => "bold",
    Solid => "solid",
    Dashed => "dashed",
    Dotted => "dotted",
]);

impl Stroke {
    /// The dash pattern the SVG draws, in px (dash, gap), as for SVG's
    /// `stroke-dasharray` or a canvas's `setLineDash`: `None` for a solid
    /// line.
    pub fn dashes(self) -> Option<[f64; 2]> {
        match self {
            Stroke::Dashed => Some([6.0, 3.0]),
            Stroke::Dotted => Some([1.5, 2.5]),
            Stroke::Bold | Stroke::Solid => None,
        }
    }

    /// The width of a node's border drawn with this stroke, in px.
    pub(crate) fn border_width(self) -> f64 {
        match self {
            Stroke::Bold => 2.6,
            Stroke::Solid => 1.0,
            Stroke::Dashed => 1.4,
            Stroke::Dotted => 2.0,
        }
    }
}

/// An arrowhead as drawn at the end of a line, in the line's colour and
/// in the coordinates of the line's points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Arrowhead {
    /// A filled triangle: the tip, then the two back corners (9 px back
    /// along the line, 4 px to either side).
    Normal {
        /// The tip and the two back corners.
        points: [Xy; 3],
    },
    /// A bar across the line, 2.8 px thick, 1.6 px back from the tip.
    Tee {
        /// The bar's two ends, 7 px to either side of the line.
        ends: [Xy; 2],
    },
    /// A hollow circle (white inside, its outline 1.4 px) touching the
    /// tip.
    Dot {
        /// The circle's centre.
        centre: Xy,
        /// Its radius, in px.
        radius: f64,
    },
}

/// The kind of an arrowhead, before it is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Head {
    /// A filled triangle.
    Normal,
    /// A bar across the line.
    Tee,
    /// A hollow circle.
    Dot,
}

impl Arrowhead {
    /// A head of this kind at `tip`, pointing away from `from`; `None` when
    /// the two points are one.
    pub(crate) fn place(head: Head, from: Xy, tip: Xy) -> Option<Arrowhead> {
        let (dx, dy) = (tip.x - from.x, tip.y - from.y);
        let len = (dx * dx + dy * dy).sqrt();
        if len < 1e-6 {
            return None;
        }
        let (ux, uy) = (dx / len, dy / len);
        let (px, py) = (-uy, ux);
        let p = |a: f64, b: f64| Xy::new(tip.x - ux * a + px * b, tip.y - uy * a + py * b);
        Some(match head {
            Head::Normal => Arrowhead::Normal {
                points: [p(0.0, 0.0), p(9.0, 4.0), p(9.0, -4.0)],
            },
            Head::Tee => Arrowhead::Tee {
                ends: [p(1.6, 7.0), p(1.6, -7.0)],
            },
            Head::Dot => Arrowhead::Dot {
                centre: Xy::new(tip.x - ux * 4.5, tip.y - uy * 4.5),
                radius: 4.0,
            },
        })
    }
}

/// Where a line drawn up to a head ends: short of the tip by the head's length.
pub(crate) fn shorten(from: Xy, tip: Xy, by: f64) -> Xy {
    let (dx, dy) = (tip.x - from.x, tip.y - from.y);
    let len = (dx * dx + dy * dy).sqrt();
    if len <= by {
        return from;
    }
    Xy::new(tip.x - dx / len * by, tip.y - dy / len * by)
}
