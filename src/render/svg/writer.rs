//! A small SVG writer: every text and attribute from data is escaped,
//! every number written as the layout's coordinates are serialized.

use std::fmt::Write as _;

use crate::render::layout::{Arrowhead, FONT, Label, Rect, Stroke, TEXT, Xy, num};
use crate::render::text::xml;

/// An SVG document being written.
pub(super) struct Svg {
    out: String,
}

/// A number of style (a size, a width, an angle) as written plainly:
/// `12`, `2.8`, `-50`; `0` for a number that is not finite.
pub(super) fn plain(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        "0".to_owned()
    }
}

/// A point as `x,y`.
pub(super) fn point(p: Xy) -> String {
    format!("{},{}", num(p.x), num(p.y))
}

/// The dash pattern of a stroke, as attributes.
pub(super) fn dash(stroke: Stroke) -> &'static str {
    match stroke {
        Stroke::Dashed => "stroke-dasharray=\"6 3\"",
        Stroke::Dotted => "stroke-dasharray=\"1.5 2.5\" stroke-linecap=\"round\"",
        Stroke::Bold | Stroke::Solid => "",
    }
}

impl Svg {
    /// The document's start: its size (in whole px), title and white
    /// background.
    pub(super) fn new(width: f64, height: f64, title: &Label) -> Svg {
        let mut out = String::new();
        let _ = write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\" font-size=\"{TEXT}\">\n\
             <title>{}</title>\n\
             <rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
            xml(title.text()),
            w = num(width.ceil()),
            h = num(height.ceil()),
        );
        let mut svg = Svg { out };
        svg.label(title);
        svg
    }

    /// Raw markup from this module (never data).
    pub(super) fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    pub(super) fn open_group(&mut self, class: &str, id: Option<&str>, tooltip: Option<&str>) {
        let _ = write!(self.out, "<g class=\"{}\"", xml(class));
        if let Some(id) = id {
            let _ = write!(self.out, " id=\"{}\"", xml(id));
        }
        self.out.push('>');
        if let Some(tip) = tooltip {
            let _ = write!(self.out, "<title>{}</title>", xml(tip));
        }
        self.out.push('\n');
    }

    pub(super) fn close_group(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// A rectangle with corners rounded `r`; `extra` is further attributes
    /// from this module.
    pub(super) fn rect(&mut self, rect: Rect, r: f64, fill: &str, extra: &str) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{fill}\" {extra}/>",
            num(rect.x),
            num(rect.y),
            num(rect.width.max(0.0)),
            num(rect.height.max(0.0)),
            num(r)
        );
    }

    pub(super) fn line(&mut self, a: Xy, b: Xy, colour: &str, width: f64, extra: &str) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"{}\" {extra}/>",
            num(a.x),
            num(a.y),
            num(b.x),
            num(b.y),
            num(width)
        );
    }

    /// A label: its style as attributes, in a fixed order (rotation, size
    /// unless the default, weight, style, colour).
    pub(super) fn label(&mut self, label: &Label) {
        let at = label.at();
        let mut style: Vec<String> = Vec::new();
        if label.size() != TEXT {
            style.push(format!("font-size=\"{}\"", plain(label.size())));
        }
        if label.is_bold() {
            style.push("font-weight=\"bold\"".to_owned());
        }
        if label.is_italic() {
            style.push("font-style=\"italic\"".to_owned());
        }
        if let Some(colour) = label.colour() {
            style.push(format!("fill=\"{}\"", colour.hex()));
        }
        let mut extra = style.join(" ");
        if let Some(angle) = label.rotation() {
            extra = format!(
                "transform=\"rotate({} {} {})\" {extra}",
                plain(angle),
                num(at.x),
                num(at.y)
            );
        }
        let _ = writeln!(
            self.out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" {extra}>{}</text>",
            num(at.x),
            num(at.y),
            label.anchor().as_str(),
            xml(label.text())
        );
    }

    /// An arrowhead in `colour`.
    pub(super) fn head(&mut self, head: &Arrowhead, colour: &str) {
        match head {
            Arrowhead::Normal { points } => {
                let _ = writeln!(
                    self.out,
                    "<polygon points=\"{} {} {}\" fill=\"{colour}\"/>",
                    point(points[0]),
                    point(points[1]),
                    point(points[2])
                );
            }
            Arrowhead::Tee { ends } => {
                let _ = writeln!(
                    self.out,
                    "<polyline points=\"{} {}\" stroke=\"{colour}\" stroke-width=\"2.8\" fill=\"none\"/>",
                    point(ends[0]),
                    point(ends[1])
                );
            }
            Arrowhead::Dot { centre, radius } => {
                let _ = writeln!(
                    self.out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"1.4\"/>",
                    num(centre.x),
                    num(centre.y),
                    plain(*radius)
                );
            }
        }
    }

    pub(super) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}
