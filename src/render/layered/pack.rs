//! The entry point: the graph split into weakly connected components, each
//! laid out on its own, and the cells packed in rows; the types going in
//! and coming out.

use super::component::Component;
use crate::render::layout::{Rect, Xy};

/// The size of a node's box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Block {
    pub(crate) width: f64,
    pub(crate) height: f64,
}

/// The result: a box per node, a polyline per edge (empty for a self-loop
/// or an edge to a missing node), and the size of the whole.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Laid {
    pub(crate) nodes: Vec<Rect>,
    pub(crate) edges: Vec<Vec<Xy>>,
    pub(crate) width: f64,
    pub(crate) height: f64,
}

/// Gap between components.
const COMPONENT_GAP: f64 = 34.0;

/// Lays out `blocks` with `edges` (from, to): ranks top to bottom, or left
/// to right when `left_to_right`.
pub(crate) fn layout(blocks: &[Block], edges: &[(usize, usize)], left_to_right: bool) -> Laid {
    if !left_to_right {
        return layout_down(blocks, edges);
    }
    let turned: Vec<Block> = blocks
        .iter()
        .map(|b| Block {
            width: b.height,
            height: b.width,
        })
        .collect();
    let laid = layout_down(&turned, edges);
    Laid {
        nodes: laid
            .nodes
            .iter()
            .map(|r| Rect {
                x: r.y,
                y: r.x,
                width: r.height,
                height: r.width,
            })
            .collect(),
        edges: laid
            .edges
            .iter()
            .map(|p| p.iter().map(|q| Xy { x: q.y, y: q.x }).collect())
            .collect(),
        width: laid.height,
        height: laid.width,
    }
}

/// The weakly connected components: for each, its nodes and the indices
/// of its edges (self-loops and edges to missing nodes belong to none),
/// larger components first, ties by their first node.
struct Components {
    members: Vec<Vec<usize>>,
    edges: Vec<Vec<usize>>,
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Components by union-find.
fn components(n: usize, edges: &[(usize, usize)]) -> Components {
    let valid = |&(u, v): &(usize, usize)| u < n && v < n && u != v;
    let mut parent: Vec<usize> = (0..n).collect();
    for &(u, v) in edges.iter().filter(|e| valid(e)) {
        let (a, b) = (find(&mut parent, u), find(&mut parent, v));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
    for i in 0..n {
        let root = find(&mut parent, i);
        members[root].push(i);
    }
    let mut component_edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (e, edge) in edges.iter().enumerate() {
        if valid(edge) {
            let root = find(&mut parent, edge.0);
            component_edges[root].push(e);
        }
    }
    let mut roots: Vec<usize> = (0..n).filter(|&i| !members[i].is_empty()).collect();
    roots.sort_by_key(|&c| (std::cmp::Reverse(members[c].len()), c));
    Components {
        members: roots
            .iter()
            .map(|&c| std::mem::take(&mut members[c]))
            .collect(),
        edges: roots
            .iter()
            .map(|&c| std::mem::take(&mut component_edges[c]))
            .collect(),
    }
}

fn layout_down(blocks: &[Block], edges: &[(usize, usize)]) -> Laid {
    let n = blocks.len();
    let parts = components(n, edges);
    let mut nodes = vec![
        Rect {
            x: 0.0,
            y: 0.0,
            width: 0.0,
            height: 0.0,
        };
        n
    ];
    let mut paths: Vec<Vec<Xy>> = vec![Vec::new(); edges.len()];
    let cells: Vec<_> = parts
        .members
        .iter()
        .zip(&parts.edges)
        .map(|(members, own)| Component::new(blocks, edges, members, own).solve())
        .collect();

    // Pack the components in rows of a width fitting the largest and
    // giving the whole a landscape shape.
    let area: f64 = cells
        .iter()
        .map(|cell| (cell.width + COMPONENT_GAP) * (cell.height + COMPONENT_GAP))
        .sum();
    let widest = cells.iter().map(|c| c.width).fold(0.0, f64::max);
    let row_width = widest.max(area.sqrt() * 1.5).max(600.0);
    let (mut x, mut y, mut row_height, mut total_width) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for (c, cell) in cells.into_iter().enumerate() {
        if x > 0.0 && x + cell.width > row_width {
            x = 0.0;
            y += row_height + COMPONENT_GAP;
            row_height = 0.0;
        }
        for (k, &i) in parts.members[c].iter().enumerate() {
            let r = cell.nodes[k];
            nodes[i] = Rect {
                x: r.x + x,
                y: r.y + y,
                ..r
            };
        }
        for (k, &e) in parts.edges[c].iter().enumerate() {
            paths[e] = cell.paths[k]
                .iter()
                .map(|p| Xy {
                    x: p.x + x,
                    y: p.y + y,
                })
                .collect();
        }
        total_width = total_width.max(x + cell.width);
        row_height = row_height.max(cell.height);
        x += cell.width + COMPONENT_GAP;
    }
    Laid {
        nodes,
        edges: paths,
        width: total_width,
        height: if n == 0 { 0.0 } else { y + row_height },
    }
}
