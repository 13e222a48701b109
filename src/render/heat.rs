//! The events × explanations matrix as a heat map: a diverging scale from
//! red (−1, rejected) through white (0) to blue (+1, supported).

use std::fmt::Write as _;

use super::dot::header;
use super::map::Families;
use super::text::{Rgb, clean, dot_string, score_colour, signed, wrap, xml};
use crate::graph::Corpus;
use crate::model::{EventId, ExplanationId};
use crate::query::{Matrix, Verdict};

/// A column: an explanation, its key, name and family colour, and whether
/// it is a variant.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    pub(crate) explanation: ExplanationId,
    pub(crate) key: String,
    pub(crate) name: String,
    pub(crate) colour: Rgb,
    pub(crate) variant: bool,
}

/// A row: an event, its key and name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub(crate) event: EventId,
    pub(crate) key: String,
    pub(crate) name: String,
}

/// The matrix, as text and numbers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeatMap {
    pub(crate) title: String,
    pub(crate) rows: Vec<Row>,
    pub(crate) columns: Vec<Column>,
    pub(crate) cells: Vec<Vec<Option<(Verdict, f64)>>>,
}

pub(crate) fn build(corpus: &Corpus, matrix: &Matrix) -> HeatMap {
    let families = Families::new(corpus);
    let rows = matrix
        .events()
        .iter()
        .map(|&e| Row {
            event: e,
            key: corpus.name_of(e),
            name: corpus
                .event(e)
                .map_or_else(|| corpus.name_of(e), |x| clean(x.name())),
        })
        .collect();
    let columns = matrix
        .explanations()
        .iter()
        .map(|&x| Column {
            explanation: x,
            key: corpus.name_of(x),
            name: corpus
                .explanation(x)
                .map_or_else(|| corpus.name_of(x), |d| clean(d.name())),
            colour: families.colour(corpus, x),
            variant: corpus.variant_of(x).is_some(),
        })
        .collect();
    let cells = matrix
        .events()
        .iter()
        .map(|&e| {
            matrix.row(e).map_or_else(Vec::new, |row| {
                row.iter()
                    .map(|c| c.map(|c| (c.verdict(), c.score())))
                    .collect()
            })
        })
        .collect();
    let title = corpus.title().map_or_else(
        || "Events × explanations".to_owned(),
        |t| format!("Events × explanations: {}", clean(t)),
    );
    HeatMap {
        title,
        rows,
        columns,
        cells,
    }
}

/// The letter of a verdict in a cell.
pub(crate) fn letter(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Supported => "S",
        Verdict::Contested => "C",
        Verdict::Rejected => "R",
        Verdict::Unaddressed => "?",
    }
}

/// What a cell says: verdict letter and score, `?` if unaddressed.
pub(crate) fn cell_text(verdict: Verdict, score: f64) -> String {
    if verdict == Verdict::Unaddressed {
        "?".to_owned()
    } else {
        format!("{} {}", letter(verdict), signed(score))
    }
}

/// The fill of a cell: the score's colour; light grey when unaddressed.
pub(crate) fn cell_fill(verdict: Verdict, score: f64) -> Rgb {
    if verdict == Verdict::Unaddressed {
        Rgb(0xE4, 0xE4, 0xE4)
    } else {
        score_colour(score)
    }
}

pub(crate) const KEY: &str = "S supported, C contested, R rejected, with the score from −1 to +1; ? unaddressed; blank: no claim";

impl HeatMap {
    /// DOT: one node holding an HTML table, the scale beneath it.
    pub(crate) fn to_dot(&self) -> String {
        let mut out = String::new();
        header(&mut out, &self.title, "TB");
        let mut table = String::from(
            "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\" COLOR=\"#bbbbbb\">",
        );
        table.push_str("<TR><TD BORDER=\"0\"></TD>");
        for column in &self.columns {
            let lines: Vec<String> = wrap(&column.name, 12).iter().map(|l| xml(l)).collect();
            let _ = write!(
                table,
                "<TD BGCOLOR=\"{}\" VALIGN=\"BOTTOM\"><FONT POINT-SIZE=\"9\">{}{}</FONT></TD>",
                column.colour.hex(),
                if column.variant {
                    "<I>variant</I><BR/>"
                } else {
                    ""
                },
                lines.join("<BR/>")
            );
        }
        table.push_str("</TR>");
        for (row, cells) in self.rows.iter().zip(&self.cells) {
            let _ = write!(
                table,
                "<TR><TD ALIGN=\"RIGHT\" BORDER=\"0\" CELLPADDING=\"6\">{}</TD>",
                xml(&row.name)
            );
            for cell in cells {
                match cell {
                    Some((verdict, score)) => {
                        let fill = cell_fill(*verdict, *score);
                        let _ = write!(
                            table,
                            "<TD BGCOLOR=\"{}\"><FONT POINT-SIZE=\"9\" COLOR=\"{}\">{}</FONT></TD>",
                            fill.hex(),
                            if fill.is_dark() { "#ffffff" } else { "#000000" },
                            xml(&cell_text(*verdict, *score))
                        );
                    }
                    None => table.push_str("<TD></TD>"),
                }
            }
            table.push_str("</TR>");
        }
        table.push_str("</TABLE>");
        let _ = writeln!(
            out,
            "  matrix [shape=plain, label=<{table}>, tooltip={}];",
            dot_string(&self.title)
        );
        // The scale.
        let mut scale = String::from(
            "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\" COLOR=\"#bbbbbb\"><TR>",
        );
        for step in 0..=8 {
            let score = -1.0 + f64::from(step) * 0.25;
            let fill = score_colour(score);
            let _ = write!(
                scale,
                "<TD BGCOLOR=\"{}\" WIDTH=\"36\"><FONT POINT-SIZE=\"9\" COLOR=\"{}\">{}</FONT></TD>",
                fill.hex(),
                if fill.is_dark() { "#ffffff" } else { "#000000" },
                signed(score)
            );
        }
        let _ = write!(
            scale,
            "</TR><TR><TD COLSPAN=\"9\" BORDER=\"0\"><FONT POINT-SIZE=\"9\">{}</FONT></TD></TR></TABLE>",
            xml(KEY)
        );
        let _ = writeln!(
            out,
            "  legend [shape=plain, label=<{scale}>, tooltip=\"legend\"];"
        );
        out.push_str("  matrix -> legend [style=invis];\n}\n");
        out
    }
}
