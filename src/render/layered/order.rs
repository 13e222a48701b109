//! The order of the vertices within each layer: a first order breadth
//! first, then barycentre sweeps keeping the order with the fewest
//! crossings.

use super::component::Layered;

/// Rounds of crossing reduction.
const SWEEPS: usize = 10;

/// The first order: breadth first from the top, in index order.
pub(super) fn initial(graph: &Layered) -> Vec<Vec<usize>> {
    let total = graph.layer_of.len();
    let depth = graph.layer_of.iter().copied().max().unwrap_or(0) + 1;
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); depth];
    let mut placed = vec![false; total];
    let mut queue = std::collections::VecDeque::new();
    for start in 0..total {
        if placed[start] {
            continue;
        }
        placed[start] = true;
        queue.push_back(start);
        while let Some(v) = queue.pop_front() {
            rows[graph.layer_of[v]].push(v);
            for &w in graph.up[v].iter().chain(&graph.down[v]) {
                if !placed[w] {
                    placed[w] = true;
                    queue.push_back(w);
                }
            }
        }
    }
    rows
}

/// Crossing reduction by barycentre sweeps; returns the best order found.
pub(super) fn order(
    mut rows: Vec<Vec<usize>>,
    up: &[Vec<usize>],
    down: &[Vec<usize>],
    total: usize,
) -> Vec<Vec<usize>> {
    let mut pos = vec![0usize; total];
    for row in &rows {
        for (k, &v) in row.iter().enumerate() {
            pos[v] = k;
        }
    }
    let mut best = rows.clone();
    let mut best_crossings = crossings(&rows, down, &pos);
    for sweep in 0..SWEEPS {
        let downward = sweep % 2 == 0;
        let layer_order: Vec<usize> = if downward {
            (1..rows.len()).collect()
        } else {
            (0..rows.len().saturating_sub(1)).rev().collect()
        };
        for l in layer_order {
            let neighbours = if downward { up } else { down };
            let mut keyed: Vec<(f64, usize, usize)> = rows[l]
                .iter()
                .map(|&v| {
                    let list = &neighbours[v];
                    let key = if list.is_empty() {
                        pos[v] as f64
                    } else {
                        list.iter().map(|&w| pos[w] as f64).sum::<f64>() / list.len() as f64
                    };
                    (key, pos[v], v)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            rows[l] = keyed.into_iter().map(|(_, _, v)| v).collect();
            for (k, &v) in rows[l].iter().enumerate() {
                pos[v] = k;
            }
        }
        let c = crossings(&rows, down, &pos);
        if c < best_crossings {
            best_crossings = c;
            best = rows.clone();
        }
        if best_crossings == 0 {
            break;
        }
    }
    best
}

/// Edge crossings between consecutive layers: for each pair, the
/// inversions among the lower ends of edges sorted by their upper ends.
fn crossings(rows: &[Vec<usize>], down: &[Vec<usize>], pos: &[usize]) -> usize {
    let mut total = 0;
    for l in 0..rows.len().saturating_sub(1) {
        let mut pairs: Vec<(usize, usize)> = rows[l]
            .iter()
            .flat_map(|&u| down[u].iter().map(move |&v| (u, v)))
            .map(|(u, v)| (pos[u], pos[v]))
            .collect();
        pairs.sort_unstable();
        let size = rows[l + 1].len();
        let mut tree = vec![0usize; size + 1];
        for (seen, &(_, lower)) in pairs.iter().enumerate() {
            // Edges seen so far whose lower end lies right of this one.
            let mut at = lower + 1;
            let mut not_greater = 0;
            while at > 0 {
                not_greater += tree[at];
                at -= at & at.wrapping_neg();
            }
            total += seen - not_greater;
            let mut at = lower + 1;
            while at <= size {
                tree[at] += 1;
                at += at & at.wrapping_neg();
            }
        }
    }
    total
}
