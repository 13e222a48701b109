//! A layered (Sugiyama-style) layout of a directed graph, in pure Rust:
//!
//! 1. weakly connected components are laid out apart, then packed in rows;
//! 2. cycle removal: the back edges of an iterative depth-first search are
//!    reversed;
//! 3. layering by longest path (each node one layer below its lowest
//!    predecessor), then sources pulled down next to their successors;
//! 4. edges spanning several layers get a dummy node on each layer between;
//! 5. crossing reduction: alternating down and up sweeps that sort each
//!    layer by the barycentre of its neighbours, keeping the order with the
//!    fewest crossings (counted with a Fenwick tree);
//! 6. coordinates: each layer's nodes are moved toward the mean of their
//!    neighbours, subject to their order and a minimum gap (an isotonic
//!    regression, solved by pooling adjacent violators), alternately
//!    against the layer above and below;
//! 7. edges leave the bottom of their upper end and enter the top of their
//!    lower end at ports spread along the side, through their dummies.
//!
//! No recursion anywhere: long chains cost time, never stack. Boxes never
//! overlap: within a layer the gap holds by construction, layers occupy
//! disjoint bands, components disjoint cells.

/// A point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Point {
    pub(crate) x: f64,
    pub(crate) y: f64,
}

/// The size of a node's box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Block {
    pub(crate) width: f64,
    pub(crate) height: f64,
}

/// A placed box: top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) width: f64,
    pub(crate) height: f64,
}

/// The result: a box per node, a polyline per edge (empty for a self-loop
/// or an edge to a missing node), and the size of the whole.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Laid {
    pub(crate) nodes: Vec<Rect>,
    pub(crate) edges: Vec<Vec<Point>>,
    pub(crate) width: f64,
    pub(crate) height: f64,
}

/// Gap between neighbouring boxes of a layer.
const NODE_GAP: f64 = 22.0;
/// Gap next to a dummy (a bend of a long edge).
const DUMMY_GAP: f64 = 14.0;
/// Width reserved for a dummy.
const DUMMY_WIDTH: f64 = 6.0;
/// Gap between layers.
const LAYER_GAP: f64 = 46.0;
/// Gap between components.
const COMPONENT_GAP: f64 = 34.0;
/// Rounds of crossing reduction.
const SWEEPS: usize = 10;
/// Rounds of coordinate balancing.
const BALANCE: usize = 12;

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
            .map(|p| p.iter().map(|q| Point { x: q.y, y: q.x }).collect())
            .collect(),
        width: laid.height,
        height: laid.width,
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn layout_down(blocks: &[Block], edges: &[(usize, usize)]) -> Laid {
    let n = blocks.len();
    let valid = |&(u, v): &(usize, usize)| u < n && v < n && u != v;
    // Components, by union-find.
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
    let mut components: Vec<usize> = (0..n).filter(|&i| !members[i].is_empty()).collect();
    // Larger components first; ties by their first node.
    components.sort_by_key(|&c| (std::cmp::Reverse(members[c].len()), c));

    let mut nodes = vec![
        Rect {
            x: 0.0,
            y: 0.0,
            width: 0.0,
            height: 0.0,
        };
        n
    ];
    let mut paths: Vec<Vec<Point>> = vec![Vec::new(); edges.len()];
    let mut cells = Vec::with_capacity(components.len());
    for &c in &components {
        let cell = Component::new(blocks, edges, &members[c], &component_edges[c]).solve();
        cells.push((c, cell));
    }

    // Pack the components in rows of a width fitting the largest and
    // giving the whole a landscape shape.
    let area: f64 = cells
        .iter()
        .map(|(_, cell)| (cell.width + COMPONENT_GAP) * (cell.height + COMPONENT_GAP))
        .sum();
    let widest = cells.iter().map(|(_, c)| c.width).fold(0.0, f64::max);
    let row_width = widest.max(area.sqrt() * 1.5).max(600.0);
    let (mut x, mut y, mut row_height, mut total_width) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for (c, cell) in cells {
        if x > 0.0 && x + cell.width > row_width {
            x = 0.0;
            y += row_height + COMPONENT_GAP;
            row_height = 0.0;
        }
        for (k, &i) in members[c].iter().enumerate() {
            let r = cell.nodes[k];
            nodes[i] = Rect {
                x: r.x + x,
                y: r.y + y,
                ..r
            };
        }
        for (k, &e) in component_edges[c].iter().enumerate() {
            paths[e] = cell.paths[k]
                .iter()
                .map(|p| Point {
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

/// One connected component, in local numbering: real nodes `0..real`,
/// then dummies.
struct Component {
    /// Width and height of every vertex (dummies: a thin sliver).
    sizes: Vec<(f64, f64)>,
    real: usize,
    /// The original edges, local: (from, to).
    edges: Vec<(usize, usize)>,
}

/// A laid out component, local coordinates from (0, 0).
struct Cell {
    nodes: Vec<Rect>,
    paths: Vec<Vec<Point>>,
    width: f64,
    height: f64,
}

impl Component {
    fn new(
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

    fn solve(mut self) -> Cell {
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
        let reversed = self.acyclic();
        // The DAG's edges, each pointing down.
        let dag: Vec<(usize, usize)> = self
            .edges
            .iter()
            .zip(&reversed)
            .map(|(&(u, v), &r)| if r { (v, u) } else { (u, v) })
            .collect();
        let layer = layers(n, &dag);

        // Chains through dummies, one per edge, top to bottom.
        let mut layer_of = layer.clone();
        let mut chains: Vec<Vec<usize>> = Vec::with_capacity(dag.len());
        for &(u, v) in &dag {
            let mut chain = vec![u];
            for l in layer[u] + 1..layer[v] {
                self.sizes.push((DUMMY_WIDTH, 0.0));
                layer_of.push(l);
                chain.push(self.sizes.len() - 1);
            }
            chain.push(v);
            chains.push(chain);
        }
        let total = self.sizes.len();
        let depth = layer_of.iter().copied().max().unwrap_or(0) + 1;
        let mut up: Vec<Vec<usize>> = vec![Vec::new(); total];
        let mut down: Vec<Vec<usize>> = vec![Vec::new(); total];
        for chain in &chains {
            for pair in chain.windows(2) {
                down[pair[0]].push(pair[1]);
                up[pair[1]].push(pair[0]);
            }
        }

        // Initial order: breadth first from the top, in index order.
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
                rows[layer_of[v]].push(v);
                for &w in up[v].iter().chain(&down[v]) {
                    if !placed[w] {
                        placed[w] = true;
                        queue.push_back(w);
                    }
                }
            }
        }
        let rows = order(rows, &up, &down, total);
        let xs = coordinates(&rows, &self.sizes, &up, &down, self.real);

        // Layer bands.
        let mut tops = Vec::with_capacity(depth);
        let mut y = 0.0;
        for row in &rows {
            let h = row.iter().map(|&v| self.sizes[v].1).fold(0.0, f64::max);
            tops.push((y, h));
            y += h + LAYER_GAP;
        }
        let height = (y - LAYER_GAP).max(0.0);
        let centre_y = |v: usize| {
            let (top, h) = tops[layer_of[v]];
            top + h / 2.0
        };
        let nodes: Vec<Rect> = (0..n)
            .map(|v| {
                let (w, h) = self.sizes[v];
                Rect {
                    x: xs[v] - w / 2.0,
                    y: centre_y(v) - h / 2.0,
                    width: w,
                    height: h,
                }
            })
            .collect();
        let width = (0..total)
            .map(|v| xs[v] + self.sizes[v].0 / 2.0)
            .fold(0.0, f64::max);

        // Ports: each node's lower ends spread along its bottom in the order
        // of where they go, its upper ends along its top likewise.
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
        let paths = chains
            .iter()
            .enumerate()
            .map(|(e, chain)| {
                let (u, v) = (chain[0], chain[chain.len() - 1]);
                let mut points = Vec::with_capacity(chain.len());
                points.push(Point {
                    x: start_x[e],
                    y: nodes[u].y + nodes[u].height,
                });
                // Through each layer it crosses, a long edge runs straight
                // down its dummy's lane, clear of the boxes beside it.
                for &d in &chain[1..chain.len() - 1] {
                    let (top, h) = tops[layer_of[d]];
                    points.push(Point { x: xs[d], y: top });
                    if h > 0.0 {
                        points.push(Point {
                            x: xs[d],
                            y: top + h,
                        });
                    }
                }
                points.push(Point {
                    x: end_x[e],
                    y: nodes[v].y,
                });
                if reversed[e] {
                    points.reverse();
                }
                points
            })
            .collect();
        Cell {
            nodes,
            paths,
            width,
            height,
        }
    }

    /// Marks the edges to reverse so that the graph has no cycle: the back
    /// edges of an iterative depth-first search, from nodes in index order.
    fn acyclic(&self) -> Vec<bool> {
        let n = self.real;
        let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
        for (e, &(u, v)) in self.edges.iter().enumerate() {
            out[u].push((v, e));
        }
        // 0 unvisited, 1 on the stack, 2 done.
        let mut state = vec![0u8; n];
        let mut reversed = vec![false; self.edges.len()];
        for start in 0..n {
            if state[start] != 0 {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            state[start] = 1;
            while let Some(&mut (v, ref mut next)) = stack.last_mut() {
                if let Some(&(w, e)) = out[v].get(*next) {
                    *next += 1;
                    match state[w] {
                        0 => {
                            state[w] = 1;
                            stack.push((w, 0));
                        }
                        1 => reversed[e] = true,
                        _ => {}
                    }
                } else {
                    state[v] = 2;
                    stack.pop();
                }
            }
        }
        reversed
    }
}

/// Longest-path layering of a DAG on `0..n`, then each source moved down
/// to just above its highest successor.
fn layers(n: usize, dag: &[(usize, usize)]) -> Vec<usize> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    for &(u, v) in dag {
        out[u].push(v);
        indegree[v] += 1;
    }
    let mut layer = vec![0usize; n];
    let mut queue: std::collections::VecDeque<usize> =
        (0..n).filter(|&v| indegree[v] == 0).collect();
    let mut topological = Vec::with_capacity(n);
    while let Some(u) = queue.pop_front() {
        topological.push(u);
        for &v in &out[u] {
            layer[v] = layer[v].max(layer[u] + 1);
            indegree[v] -= 1;
            if indegree[v] == 0 {
                queue.push_back(v);
            }
        }
    }
    let mut has_in = vec![false; n];
    for &(_, v) in dag {
        has_in[v] = true;
    }
    for &u in topological.iter().rev() {
        if !has_in[u] {
            if let Some(lowest) = out[u].iter().map(|&v| layer[v]).min() {
                layer[u] = lowest.saturating_sub(1).max(layer[u]);
            }
        }
    }
    layer
}

/// Crossing reduction by barycentre sweeps; returns the best order found.
fn order(
    mut rows: Vec<Vec<usize>>,
    up: &[Vec<usize>],
    down: &[Vec<usize>],
    total: usize,
) -> Vec<Vec<usize>> {
    let mut pos = vec![0usize; total];
    let index = |rows: &Vec<Vec<usize>>, pos: &mut Vec<usize>| {
        for row in rows {
            for (k, &v) in row.iter().enumerate() {
                pos[v] = k;
            }
        }
    };
    index(&rows, &mut pos);
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

/// Horizontal centres: balanced toward neighbours, keeping each layer's
/// order and gaps.
fn coordinates(
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
