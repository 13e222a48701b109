//! Coordinates: the horizontal centre of every vertex, balanced toward its
//! neighbours, and the band of every layer.

use crate::render::layout::Rect;

/// Gap between neighbouring boxes of a layer.
const NODE_GAP: f64 = 22.0;
/// Gap next to a dummy (a bend of a long edge).
const DUMMY_GAP: f64 = 14.0;
/// Gap between layers.
const LAYER_GAP: f64 = 46.0;
/// Rounds of coordinate balancing.
const BALANCE: usize = 12;

/// The bands the layers occupy, top to bottom.
pub(super) struct Bands {
    /// The top and height of each layer's band.
    pub(super) tops: Vec<(f64, f64)>,
    /// The height of the whole.
    pub(super) height: f64,
}

/// Each layer as high as its highest box, with a gap between layers.
pub(super) fn bands(rows: &[Vec<usize>], sizes: &[(f64, f64)]) -> Bands {
    let mut tops = Vec::with_capacity(rows.len());
    let mut y = 0.0;
    for row in rows {
        let h = row.iter().map(|&v| sizes[v].1).fold(0.0, f64::max);
        tops.push((y, h));
        y += h + LAYER_GAP;
    }
    Bands {
        tops,
        height: (y - LAYER_GAP).max(0.0),
    }
}

/// The boxes of the real vertices `0..n`: centred on their x and on their
/// layer's band.
pub(super) fn boxes(
    n: usize,
    xs: &[f64],
    sizes: &[(f64, f64)],
    bands: &Bands,
    layer_of: &[usize],
) -> Vec<Rect> {
    let centre_y = |v: usize| {
        let (top, h) = bands.tops[layer_of[v]];
        top + h / 2.0
    };
    (0..n)
        .map(|v| {
            let (w, h) = sizes[v];
            Rect {
                x: xs[v] - w / 2.0,
                y: centre_y(v) - h / 2.0,
                width: w,
                height: h,
            }
        })
        .collect()
}

/// Horizontal centres: balanced toward neighbours, keeping each layer's
/// order and gaps.
pub(super) fn coordinates(
    rows: &[Vec<usize>],
    sizes: &[(f64, f64)],
    up: &[Vec<usize>],
    down: &[Vec<usize>],
    real: usize,
) -> Vec<f64> {
    let mut x = vec![0.0; sizes.len()];
    let gap = |a: usize, b: usize| {
        if a < real && b < real {
            NODE_GAP
        } else {
            DUMMY_GAP
        }
    };
    for row in rows {
        let mut at = 0.0;
        for (k, &v) in row.iter().enumerate() {
            if k > 0 {
                at += gap(row[k - 1], v);
            }
            x[v] = at + sizes[v].0 / 2.0;
            at += sizes[v].0;
        }
    }
    for round in 0..BALANCE {
        let downward = round % 2 == 0;
        let layer_order: Vec<usize> = if downward {
            (1..rows.len()).collect()
        } else {
            (0..rows.len().saturating_sub(1)).rev().collect()
        };
        for l in layer_order {
            let row = &rows[l];
            let neighbours = if downward { up } else { down };
            let wanted: Vec<(f64, f64)> = row
                .iter()
                .map(|&v| {
                    let list = &neighbours[v];
                    if list.is_empty() {
                        (x[v], 0.3)
                    } else {
                        let mean = list.iter().map(|&w| x[w]).sum::<f64>() / list.len() as f64;
                        (mean, if v < real { 1.0 } else { 1.5 })
                    }
                })
                .collect();
            let placed = fit(row, sizes, &wanted, &gap);
            for (&v, c) in row.iter().zip(placed) {
                x[v] = c;
            }
        }
    }
    // Shift so that the leftmost box starts at 0.
    let left = (0..sizes.len())
        .map(|v| x[v] - sizes[v].0 / 2.0)
        .fold(f64::INFINITY, f64::min);
    if left.is_finite() {
        for c in &mut x {
            *c -= left;
        }
    }
    x
}

/// Centres for one layer as close as possible (least squares, weighted) to
/// `wanted`, in order, each at least its gap right of the one before: pool
/// adjacent violators on the offsets from the packed positions.
fn fit(
    row: &[usize],
    sizes: &[(f64, f64)],
    wanted: &[(f64, f64)],
    gap: &dyn Fn(usize, usize) -> f64,
) -> Vec<f64> {
    let mut offset = Vec::with_capacity(row.len());
    let mut at = 0.0;
    for (k, &v) in row.iter().enumerate() {
        if k > 0 {
            at += sizes[row[k - 1]].0 / 2.0 + gap(row[k - 1], v) + sizes[v].0 / 2.0;
        }
        offset.push(at);
    }
    // Blocks of (total weight, weighted sum, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(row.len());
    for (k, &(target, weight)) in wanted.iter().enumerate() {
        let target = if target.is_finite() { target } else { 0.0 };
        blocks.push((weight, weight * (target - offset[k]), 1));
        while blocks.len() > 1 {
            let last = blocks[blocks.len() - 1];
            let prev = blocks[blocks.len() - 2];
            if prev.1 / prev.0 <= last.1 / last.0 {
                break;
            }
            blocks.pop();
            if let Some(merged) = blocks.last_mut() {
                merged.0 += last.0;
                merged.1 += last.1;
                merged.2 += last.2;
            }
        }
    }
    let mut out = Vec::with_capacity(row.len());
    for (weight, sum, count) in blocks {
        let shift = sum / weight;
        for _ in 0..count {
            let k = out.len();
            out.push(offset[k] + shift);
        }
    }
    out
}
