//! Drawing a [`HeatMapLayout`]: the column headers, the rows of cells, the
//! grid's outline and the legend.

use super::writer::Svg;
use crate::render::layout::HeatMapLayout;

/// The SVG of the heat map.
pub(crate) fn heat_map(h: &HeatMapLayout) -> String {
    let mut svg = Svg::new(h.width(), h.height(), h.title());
    // Column headers: the family colour, the name slanted.
    for column in h.columns() {
        svg.open_group("column", None, Some(column.name()));
        svg.rect(
            column.strip(),
            0.0,
            &column.colour().hex(),
            "stroke=\"#555555\" stroke-width=\"0.5\"",
        );
        svg.label(column.header());
        svg.close_group();
    }
    for row in h.rows() {
        svg.open_group("row", None, Some(row.name()));
        svg.label(row.label());
        for cell in row.cells() {
            match cell.text() {
                Some(text) => {
                    svg.rect(
                        cell.rect(),
                        0.0,
                        &cell.fill().hex(),
                        "stroke=\"#ffffff\" stroke-width=\"1\"",
                    );
                    svg.label(text);
                }
                None => svg.rect(
                    cell.rect(),
                    0.0,
                    &cell.fill().hex(),
                    "stroke=\"#eeeeee\" stroke-width=\"1\"",
                ),
            }
        }
        svg.close_group();
    }
    svg.rect(h.grid(), 0.0, "none", "stroke=\"#bbbbbb\"");
    super::legend::draw(&mut svg, h.legend());
    svg.finish()
}
