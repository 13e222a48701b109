//! A line of text placed in a picture, and the text metrics every picture
//! is laid out with.

use serde::{Deserialize, Serialize};

use super::geometry::Xy;
use crate::render::text::{Rgb, width};

/// The font family the pictures are laid out for (CSS font-family).
#[cfg(feature = "svg")]
pub(crate) const FONT: &str = "Helvetica, Arial, sans-serif";
/// Font size of box text, in px: the pictures' default.
pub(crate) const TEXT: f64 = 12.0;
/// Font size of captions.
pub(crate) const SMALL: f64 = 10.0;
/// Estimated advance of one column of text at [`TEXT`] px; generous, so
/// text stays inside its box in any common sans-serif font.
pub(crate) const ADVANCE: f64 = 6.9;
/// Line height of box text.
pub(crate) const LINE: f64 = 15.0;
/// Padding inside a box.
pub(crate) const PAD: f64 = 8.0;

/// Where a label's point lies on its line of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The text starts at the point.
    Start,
    /// The text is centred on the point.
    Middle,
    /// The text ends at the point.
    End,
}

names!(Anchor, "text anchor", [
    Start => "start",
    Middle => "middle",
    End => "end",
]);

/// One line of text placed in a picture, as the SVG draws it: the text
/// (already cleaned and cut to fit; a tool escapes it for its own output),
/// the point on its baseline, how the text sits on that point, and its
/// style. The pictures are laid out for Helvetica, Arial or another
/// sans-serif font, with about 6.9 px per character at 12 px.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Label {
    text: String,
    at: Xy,
    anchor: Anchor,
    size: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    colour: Option<Rgb>,
    #[serde(default, skip_serializing_if = "is_false")]
    bold: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    italic: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rotation: Option<f64>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Label {
    /// Plain text of `size` px in the default colour.
    pub(crate) fn new(text: impl Into<String>, at: Xy, anchor: Anchor, size: f64) -> Label {
        Label {
            text: text.into(),
            at,
            anchor,
            size,
            colour: None,
            bold: false,
            italic: false,
            rotation: None,
        }
    }

    pub(crate) fn in_colour(mut self, colour: Rgb) -> Label {
        self.colour = Some(colour);
        self
    }

    pub(crate) fn in_bold(mut self) -> Label {
        self.bold = true;
        self
    }

    pub(crate) fn in_italics(mut self) -> Label {
        self.italic = true;
        self
    }

    pub(crate) fn turned(mut self, degrees: f64) -> Label {
        self.rotation = Some(degrees);
        self
    }

    /// The text, one line.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The point on the text's baseline that [`anchor`](Self::anchor)
    /// refers to.
    pub fn at(&self) -> Xy {
        self.at
    }

    /// Where the point lies on the text.
    pub fn anchor(&self) -> Anchor {
        self.anchor
    }

    /// The font size, in px.
    pub fn size(&self) -> f64 {
        self.size
    }

    /// The width the layout reserves for the text, in px: 6.9 px a column
    /// at 12 px and in proportion at other sizes, where a wide character
    /// (CJK, most emoji) takes two columns and a combining mark none. The
    /// estimate every picture is laid out with, so that no two texts, and
    /// no text and legend sample, overlap; a tool that measures text in
    /// its own font may do better.
    ///
    /// ```
    /// use historiograph::render::{self, PictureOptions};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let layout = render::timeline(&corpus, &PictureOptions::new()).layout();
    /// let title = layout.title();
    /// assert_eq!(title.size(), 18.0);
    /// let columns = title.text().chars().count() as f64;
    /// assert!((title.estimated_width() - columns * 6.9 * 18.0 / 12.0).abs() < 1e-9);
    /// ```
    pub fn estimated_width(&self) -> f64 {
        width(&self.text) as f64 * ADVANCE * self.size / TEXT
    }

    /// The colour of the text; `None` for the picture's default, black.
    pub fn colour(&self) -> Option<Rgb> {
        self.colour
    }

    /// Whether the text is bold.
    pub fn is_bold(&self) -> bool {
        self.bold
    }

    /// Whether the text is in italics.
    pub fn is_italic(&self) -> bool {
        self.italic
    }

    /// The rotation about [`at`](Self::at), in degrees, clockwise as SVG
    /// turns (the heat map's column headers are at −50: they rise to the
    /// right); `None` for level text.
    pub fn rotation(&self) -> Option<f64> {
        self.rotation
    }
}
