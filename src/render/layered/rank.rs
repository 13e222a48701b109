//! Ranks: the edges to reverse so that the graph has no cycle, and the
//! layer of every node.

/// Marks the edges to reverse so that the graph on `0..n` has no cycle:
/// the back edges of an iterative depth-first search, from nodes in index
/// order.
pub(super) fn acyclic(n: usize, edges: &[(usize, usize)]) -> Vec<bool> {
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (e, &(u, v)) in edges.iter().enumerate() {
        out[u].push((v, e));
    }
    // 0 unvisited, 1 on the stack, 2 done.
    let mut state = vec![0u8; n];
    let mut reversed = vec![false; edges.len()];
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

/// Longest-path layering of a DAG on `0..n`, then each source moved down
/// to just above its highest successor.
pub(super) fn layers(n: usize, dag: &[(usize, usize)]) -> Vec<usize> {
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
