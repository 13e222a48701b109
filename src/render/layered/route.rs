//! Routes: each edge leaves the bottom of its upper end and enters the top
//! of its lower end at ports spread along the side in the order of where
//! the edges go, and runs straight down its dummies' lanes between.

use super::component::Layered;
use crate::render::layout::{Rect, Xy};

/// The polyline of every edge, in the direction of the original edge
/// (reversed edges run bottom to top).
pub(super) fn paths(
    graph: &Layered,
    nodes: &[Rect],
    xs: &[f64],
    tops: &[(f64, f64)],
    reversed: &[bool],
) -> Vec<Vec<Xy>> {
    let chains = &graph.chains;
    let (start_x, end_x) = ports(chains, nodes, xs);
    chains
        .iter()
        .enumerate()
        .map(|(e, chain)| {
            let (u, v) = (chain[0], chain[chain.len() - 1]);
            let mut points = Vec::with_capacity(chain.len());
            points.push(Xy {
                x: start_x[e],
                y: nodes[u].y + nodes[u].height,
            });
            // Through each layer it crosses, a long edge runs straight
            // down its dummy's lane, clear of the boxes beside it.
            for &d in &chain[1..chain.len() - 1] {
                let (top, h) = tops[graph.layer_of[d]];
                points.push(Xy { x: xs[d], y: top });
                if h > 0.0 {
                    points.push(Xy {
                        x: xs[d],
                        y: top + h,
                    });
                }
            }
            points.push(Xy {
                x: end_x[e],
                y: nodes[v].y,
            });
            if reversed[e] {
                points.reverse();
            }
            points
        })
        .collect()
}

/// The x where each chain leaves its upper end and where it enters its
/// lower end: each node's lower ends spread along its bottom in the order
/// of where they go, its upper ends along its top likewise.
fn ports(chains: &[Vec<usize>], nodes: &[Rect], xs: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let n = nodes.len();
    let mut bottom: Vec<Vec<(f64, usize)>> = vec![Vec::new(); n];
    let mut top: Vec<Vec<(f64, usize)>> = vec![Vec::new(); n];
    for (e, chain) in chains.iter().enumerate() {
        let (first, second) = (chain[0], chain[1]);
        let (last, before) = (chain[chain.len() - 1], chain[chain.len() - 2]);
        bottom[first].push((xs[second], e));
        top[last].push((xs[before], e));
    }
    let port = |sides: &mut Vec<Vec<(f64, usize)>>, v: usize| -> Vec<(usize, f64)> {
        let list = &mut sides[v];
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let r = nodes[v];
        let inset = (r.width * 0.15).min(12.0);
        let span = r.width - 2.0 * inset;
        let m = list.len() as f64;
        list.iter()
            .enumerate()
            .map(|(k, &(_, e))| (e, r.x + inset + span * (k as f64 + 1.0) / (m + 1.0)))
            .collect()
    };
    let mut start_x = vec![0.0; chains.len()];
    let mut end_x = vec![0.0; chains.len()];
    for v in 0..n {
        for (e, x) in port(&mut bottom, v) {
            start_x[e] = x;
        }
        for (e, x) in port(&mut top, v) {
            end_x[e] = x;
        }
    }
    (start_x, end_x)
}
