//! Text and colour helpers shared by the DOT and SVG writers: wrapping,
//! escaping, the family palette and the diverging score scale.

use std::fmt::Write as _;

/// Text with every character XML cannot hold removed (control characters
/// other than tab and newline, U+FFFE, U+FFFF) and every run of white space
/// (newlines too) turned into one space.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' {
            continue;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// How many columns a character takes: two for wide (CJK, most emoji),
/// none for combining marks, one otherwise. An estimate, for box sizes.
pub(crate) fn columns(c: char) -> usize {
    let u = c as u32;
    let combining = matches!(u, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200B..=0x200F);
    let wide = matches!(u, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF | 0x20000..=0x3FFFD);
    if combining {
        0
    } else if wide {
        2
    } else {
        1
    }
}

/// The width of a line in columns (see [`columns`]).
pub(crate) fn width(line: &str) -> usize {
    line.chars().map(columns).sum()
}

/// Cleans `text` and breaks it into lines of at most `limit` columns,
/// at spaces where possible; a word longer than a line is cut.
pub(crate) fn wrap(text: &str, limit: usize) -> Vec<String> {
    let limit = limit.max(8);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in clean(text).split(' ') {
        let mut word = word;
        loop {
            let need = width(word);
            let gap = usize::from(used > 0);
            if used + gap + need <= limit {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                used += gap + need;
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
                continue;
            }
            // A word longer than a whole line: cut it.
            let mut taken = 0;
            let mut cut = word.len();
            for (at, c) in word.char_indices() {
                if taken + columns(c) > limit {
                    cut = at;
                    break;
                }
                taken += columns(c);
            }
            let cut = if cut == 0 {
                word.chars().next().map_or(word.len(), char::len_utf8)
            } else {
                cut
            };
            lines.push(word[..cut].to_owned());
            word = &word[cut..];
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Shortens a cleaned text to `limit` columns with an ellipsis.
pub(crate) fn truncate(text: &str, limit: usize) -> String {
    let text = clean(text);
    if width(&text) <= limit {
        return text;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + columns(c) + 1 > limit {
            break;
        }
        used += columns(c);
        out.push(c);
    }
    out.push('…');
    out
}

/// Escapes text for XML character data and attribute values (SVG, and
/// Graphviz's HTML-like labels). Expects [`clean`]ed text; removes what
/// XML cannot hold all the same.
pub(crate) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for a Graphviz double-quoted string used as an escString
/// (a tooltip): quotes and backslashes escaped, `&` written as an entity
/// (Graphviz reads entities in strings), no line breaks.
pub(crate) fn dot_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in clean(text).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A colour: red, green and blue from 0 to 255, written `#rrggbb` (as
/// SVG and CSS write it) by `Display` and serde.
///
/// ```
/// use historiograph::render::Rgb;
///
/// let red = Rgb(0xcc, 0x33, 0x11);
/// assert_eq!(red.to_string(), "#cc3311");
/// assert_eq!(serde_json::to_string(&red)?, "\"#cc3311\"");
/// assert_eq!(serde_json::from_str::<Rgb>("\"#CC3311\"")?, red);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub(crate) fn hex(self) -> String {
        let mut s = String::with_capacity(7);
        let _ = write!(s, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2);
        s
    }

    /// Reads `#rrggbb` (either case).
    fn from_hex(text: &str) -> Option<Rgb> {
        let digits = text.strip_prefix('#')?;
        if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |at: usize| u8::from_str_radix(digits.get(at..at + 2)?, 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    fn mix(self, other: Rgb, t: f64) -> Rgb {
        let t = if t.is_finite() {
            t.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }

    /// Relative luminance (sRGB, approximate), to choose black or white text.
    pub(crate) fn is_dark(self) -> bool {
        let l =
            0.2126 * f64::from(self.0) + 0.7152 * f64::from(self.1) + 0.0722 * f64::from(self.2);
        l < 128.0
    }
}

impl std::fmt::Display for Rgb {
    /// `#rrggbb`, in lower case.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

impl serde::Serialize for Rgb {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.hex())
    }
}

impl<'de> serde::Deserialize<'de> for Rgb {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Rgb, D::Error> {
        struct Hex;
        impl serde::de::Visitor<'_> for Hex {
            type Value = Rgb;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a colour written #rrggbb")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Rgb, E> {
                Rgb::from_hex(text)
                    .ok_or_else(|| E::custom(format!("`{text}` is not a colour written #rrggbb")))
            }
        }
        deserializer.deserialize_str(Hex)
    }
}

/// Fills for explanation families: Paul Tol's "light" scheme (made for
/// labelled cells, distinct under the common colour-vision deficiencies),
/// then paler tones of his "muted" scheme for debates with more families.
/// Colour is never the only cue: every node names its family too.
pub(crate) const PALETTE: [Rgb; 12] = [
    Rgb(0x77, 0xAA, 0xDD), // light blue
    Rgb(0xEE, 0x88, 0x66), // orange
    Rgb(0xEE, 0xDD, 0x88), // light yellow
    Rgb(0xFF, 0xAA, 0xBB), // pink
    Rgb(0x99, 0xDD, 0xFF), // light cyan
    Rgb(0x44, 0xBB, 0x99), // mint
    Rgb(0xBB, 0xCC, 0x33), // pear
    Rgb(0xAA, 0xAA, 0x00), // olive
    Rgb(0xCC, 0xAA, 0xDD), // lilac (Tol muted purple, paler)
    Rgb(0xDD, 0xCC, 0x77), // sand
    Rgb(0x88, 0xCC, 0xEE), // cyan
    Rgb(0xE0, 0x99, 0xAA), // rose (Tol muted rose, paler)
];

/// The fill for the `index`-th family.
pub(crate) fn family_colour(index: usize) -> Rgb {
    PALETTE[index % PALETTE.len()]
}

/// Grey for things that are not claims (scholars, evidence, cells with no claim).
pub(crate) const GREY: Rgb = Rgb(0xDD, 0xDD, 0xDD);
/// Attacks: Tol "vibrant" red.
pub(crate) const ATTACK: Rgb = Rgb(0xCC, 0x33, 0x11);
/// Supports: Tol "vibrant" teal-green.
pub(crate) const SUPPORT: Rgb = Rgb(0x00, 0x99, 0x88);
/// Lines that are neither: scholars' stances, citations, nesting.
pub(crate) const INK: Rgb = Rgb(0x55, 0x55, 0x55);

/// The diverging scale for scores from -1 to +1: Tol's blue–white–red
/// ("BuRd", colour-blind safe), red for -1, white for 0, blue for +1.
pub(crate) fn score_colour(score: f64) -> Rgb {
    const RED: Rgb = Rgb(0xB2, 0x18, 0x2B);
    const WHITE: Rgb = Rgb(0xF7, 0xF7, 0xF7);
    const BLUE: Rgb = Rgb(0x21, 0x66, 0xAC);
    let s = if score.is_finite() {
        score.clamp(-1.0, 1.0)
    } else {
        0.0
    };
    if s < 0.0 {
        WHITE.mix(RED, -s)
    } else {
        WHITE.mix(BLUE, s)
    }
}

/// A number with two decimals and a sign, as in the text reports.
pub(crate) fn signed(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{x:+.2}");
    if s == "-0.00" { "+0.00".to_owned() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("one two three", 8), ["one two", "three"]);
        assert_eq!(wrap("abcdefghijkl", 8), ["abcdefgh", "ijkl"]);
        assert_eq!(wrap("  a\n\tb  ", 8), ["a b"]);
        assert_eq!(wrap("", 8), [""]);
        assert_eq!(wrap("漢字漢字漢字", 8), ["漢字漢字", "漢字"]);
    }

    #[test]
    fn escapes() {
        assert_eq!(xml("a<b & \"c\"'"), "a&lt;b &amp; &quot;c&quot;&#39;");
        assert_eq!(dot_string("a\"b\\c\nd"), "\"a\\\"b\\\\c d\"");
        assert_eq!(clean("a\u{0}b\u{7}\u{FFFF}c"), "abc");
    }

    #[test]
    fn score_scale_runs_red_white_blue() {
        assert_eq!(score_colour(-1.0), Rgb(0xB2, 0x18, 0x2B));
        assert_eq!(score_colour(0.0), Rgb(0xF7, 0xF7, 0xF7));
        assert_eq!(score_colour(1.0), Rgb(0x21, 0x66, 0xAC));
        assert_eq!(score_colour(f64::NAN), Rgb(0xF7, 0xF7, 0xF7));
        assert_eq!(signed(-0.0001), "+0.00");
    }
}
