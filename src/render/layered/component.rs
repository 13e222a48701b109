//! One connected component, laid out step by step: ranks, dummies on long
//! edges, order, coordinates, routes.

use super::pack::Block;
use super::{order, place, rank, route};
use crate::render::layout::{Rect, Xy};

/// Width reserved for a dummy.
const DUMMY_WIDTH: f64 = 6.0;

/// One connected component, in local numbering: real nodes `0..real`,
/// then dummies.
pub(super) struct Component {
    /// Width and height of every vertex (dummies: a thin sliver).
    sizes: Vec<(f64, f64)>,
    real: usize,
    /// The original edges, local: (from, to).
    edges: Vec<(usize, usize)>,
}

/// A laid out component, local coordinates from (0, 0).
pub(super) struct Cell {
    pub(super) nodes: Vec<Rect>,
    pub(super) paths: Vec<Vec<Xy>>,
    pub(super) width: f64,
    pub(super) height: f64,
}

/// The layered graph: every edge as a chain of vertices from its upper to
/// its lower end through a dummy on each layer between, the layer of every
/// vertex, and each vertex's neighbours one layer up and one layer down.
pub(super) struct Layered {
    pub(super) chains: Vec<Vec<usize>>,
    pub(super) layer_of: Vec<usize>,
    pub(super) up: Vec<Vec<usize>>,
    pub(super) down: Vec<Vec<usize>>,
}

impl Component {
    pub(super) fn new(
        blocks: &[Block],
        edges: &[(usize, usize)],
        members: &[usize],
        own: &[usize],
    ) -> Component {
        let mut local = std::collections::HashMap::with_capacity(members.len());
        for (k, &i) in members.iter().enumerate() {
            local.insert(i, k);
        }
        let sizes = members
            .iter()
            .map(|&i| {
                let b = blocks[i];
                let w = if b.width.is_finite() {
                    b.width.max(1.0)
                } else {
                    1.0
                };
                let h = if b.height.is_finite() {
                    b.height.max(1.0)
                } else {
                    1.0
                };
                (w, h)
            })
            .collect();
        let edges = own
            .iter()
            .filter_map(|&e| {
                let (u, v) = edges[e];
                Some((*local.get(&u)?, *local.get(&v)?))
            })
            .collect();
        Component {
            sizes,
            real: members.len(),
            edges,
        }
    }

    pub(super) fn solve(mut self) -> Cell {
        let n = self.real;
        if n == 1 {
            let (w, h) = self.sizes[0];
            return Cell {
                nodes: vec![Rect {
                    x: 0.0,
                    y: 0.0,
                    width: w,
                    height: h,
                }],
                paths: vec![Vec::new(); self.edges.len()],
                width: w,
                height: h,
            };
        }
        let reversed = rank::acyclic(n, &self.edges);
        // The DAG's edges, each pointing down.
        let dag: Vec<(usize, usize)> = self
            .edges
            .iter()
            .zip(&reversed)
            .map(|(&(u, v), &r)| if r { (v, u) } else { (u, v) })
            .collect();
        let layer = rank::layers(n, &dag);
        let graph = self.split_long_edges(&dag, layer);
        let rows = order::initial(&graph);
        let rows = order::order(rows, &graph.up, &graph.down, self.sizes.len());
        let xs = place::coordinates(&rows, &self.sizes, &graph.up, &graph.down, self.real);
        let bands = place::bands(&rows, &self.sizes);
        let nodes = place::boxes(n, &xs, &self.sizes, &bands, &graph.layer_of);
        let width = (0..self.sizes.len())
            .map(|v| xs[v] + self.sizes[v].0 / 2.0)
            .fold(0.0, f64::max);
        let paths = route::paths(&graph, &nodes, &xs, &bands.tops, &reversed);
        Cell {
            nodes,
            paths,
            width,
            height: bands.height,
        }
    }

    /// Chains through dummies, one per edge of the DAG, top to bottom; the
    /// dummies join the vertices.
    fn split_long_edges(&mut self, dag: &[(usize, usize)], layer: Vec<usize>) -> Layered {
        let mut layer_of = layer;
        let mut chains: Vec<Vec<usize>> = Vec::with_capacity(dag.len());
        for &(u, v) in dag {
            let mut chain = vec![u];
            for l in layer_of[u] + 1..layer_of[v] {
                self.sizes.push((DUMMY_WIDTH, 0.0));
                layer_of.push(l);
                chain.push(self.sizes.len() - 1);
            }
            chain.push(v);
            chains.push(chain);
        }
        let total = self.sizes.len();
        let mut up: Vec<Vec<usize>> = vec![Vec::new(); total];
        let mut down: Vec<Vec<usize>> = vec![Vec::new(); total];
        for chain in &chains {
            for pair in chain.windows(2) {
                down[pair[0]].push(pair[1]);
                up[pair[1]].push(pair[0]);
            }
        }
        Layered {
            chains,
            layer_of,
            up,
            down,
        }
    }
}
