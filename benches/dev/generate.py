#!/usr/bin/env python3
"""Writes seeded random frameworks in the ICCMA 2023 format.

    python3 benches/dev/generate.py N DEGREE SEED OUT.af
    python3 benches/dev/generate.py --family FAMILY [options] N SEED OUT.af

Arguments are numbered 1..N. The same command (and Python 3 version of
`random`) writes the same file byte for byte.

Uniform random (no --family, the original command): each argument attacks
DEGREE others on average, chosen uniformly (a directed Erdős–Rényi graph
with N·DEGREE attacks; self-attacks allowed, repeats kept once).

Structured families, after the generators whose frameworks make up the
ICCMA benchmark sets:

`ba` — Barabási–Albert, as AFBenchGen2 (Cerutti, Giacomin, Vallati 2016)
    builds it. Arguments arrive one at a time; each new argument is joined
    to --links M existing ones (default 1, GraphStream's default and so
    AFBenchGen2's: the undirected graph is then a tree), chosen with
    probability proportional to their degree (preferential attachment).
    Direction: each edge points from the new argument to the old one or
    the other way with probability 1/2 (AFBenchGen2 asks GraphStream for
    randomly directed edges). Cycles: then, as AFBenchGen2's
    `probCycles`, random attacks get their reverse added (the pair then
    attacks both ways) until there are fewer than N·(1 − --cycles P)
    strongly connected components (default P = 0.5). AFBenchGen2 adds one
    reverse at a time and recounts; we find the same stopping point by
    bisection over a shuffled order of the one-way attacks.

`ws` — Watts–Strogatz, as AFBenchGen2 builds it: a ring where each argument
    is joined to its --k K nearest neighbours (K/2 each side; default 4),
    each edge rewired with probability --beta B (default 0.2) to a uniform
    random other end (no self-loops, no repeats). Directions and the
    --cycles P loop (default 0.5) as for `ba`; at K ≥ 4 the random
    directions alone often leave fewer SCCs than the bound, and the loop
    then adds nothing (as in AFBenchGen2).

`er-scc` — Erdős–Rényi with SCC structure, in the manner of the
    SccGenerator of ICCMA 2015's benchmark set: the arguments are split
    into --blocks B consecutive blocks of (nearly) equal size (default 10);
    inside each block, a G(n, m) random digraph with --degree D attacks per
    argument (default 3; ordered pairs drawn uniformly, no self-attacks,
    repeats kept once), which at D > 1 has one giant strongly connected
    component; between blocks, --cross C attacks per argument (default 1),
    each from a uniform argument of an earlier block to a uniform argument
    of a later one. Attacks only run forward between blocks, so the
    blocks' components form a DAG and grow no larger. AFBenchGen2's own
    Erdős–Rényi draws each ordered pair with a probability; we fix the
    count instead, which at these sizes is the same graph family up to the
    (tiny) spread of the attack count.

`grid` — a grid of arguments as in the grid-shaped benchmark frameworks of
    the ICCMA sets: N arguments in rows of --width W (default ⌈√N⌉), each
    joined to its right and lower neighbour (and, with --diagonals, its two
    lower diagonal neighbours). Direction: each edge points either way with
    probability 1/2, and with probability --both P (default 0.3) both ways.
    Cycles run around the squares and along two-way edges, so the SCC
    structure is the percolation of a lattice: small components for small
    P, one spanning component as P grows.

`small-sccs` — many small SCCs: the arguments are cut into consecutive
    blocks of 2..--size S arguments (uniform, default S = 8); each block is
    made strongly connected by a directed cycle through its arguments in a
    random order, plus --degree D extra attacks per argument (default 1)
    inside the block; between blocks, --links L attacks per block (default
    2), each from a block to one of the next --window W blocks (default 50),
    so the condensation is a DAG of N/5 or so small components with long
    paths of attacks between them.

Directions are drawn after the undirected graph, so a family's attack
graph and its orientation come from one stream of the seeded generator.
"""
import argparse
import random
import sys


def uniform(n, degree, rng):
    m = int(n * degree)
    attacks = set()
    while len(attacks) < m:
        attacks.add((rng.randrange(n), rng.randrange(n)))
    return attacks


def scc_count(n, attacks):
    """Number of strongly connected components."""
    return len(set(scc_ids(n, attacks)))


def scc_ids(n, attacks):
    """Each argument's strongly connected component (iterative Tarjan)."""
    succ = [[] for _ in range(n)]
    for a, b in attacks:
        succ[a].append(b)
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack = []
    comp = [-1] * n
    count = 0
    counter = 0
    for root in range(n):
        if index[root] != -1:
            continue
        work = [(root, 0)]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            v, i = work[-1]
            edges = succ[v]
            if i < len(edges):
                work[-1] = (v, i + 1)
                w = edges[i]
                if index[w] == -1:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, 0))
                elif on_stack[w] and index[w] < low[v]:
                    low[v] = index[w]
            else:
                work.pop()
                if work:
                    u = work[-1][0]
                    if low[v] < low[u]:
                        low[u] = low[v]
                if low[v] == index[v]:
                    while True:
                        w = stack.pop()
                        on_stack[w] = False
                        comp[w] = count
                        if w == v:
                            break
                    count += 1
    return comp


def orient(edges, rng, both=0.0):
    """Each undirected edge gets a direction with probability 1/2 each way,
    and with probability `both` both directions."""
    attacks = set()
    for a, b in edges:
        if rng.random() < both:
            attacks.add((a, b))
            attacks.add((b, a))
        elif rng.random() < 0.5:
            attacks.add((a, b))
        else:
            attacks.add((b, a))
    return attacks


def enforce_cycles(n, attacks, p, rng):
    """AFBenchGen2's probCycles: add the reverse of random one-way attacks,
    one at a time, until fewer than n·(1 − p) strongly connected components
    remain. The count only falls as reverses are added, so the shortest
    prefix of a shuffled order that gets there is found by bisection."""
    target = n * (1.0 - p)
    if scc_count(n, attacks) < target:
        return attacks
    one_way = sorted(a for a in attacks if (a[1], a[0]) not in attacks)
    rng.shuffle(one_way)
    reverses = [(b, a) for a, b in one_way]

    def below(k):
        return scc_count(n, attacks | set(reverses[:k])) < target

    lo, hi = 0, len(reverses)  # below(lo) is false; below(hi) may be
    if not below(hi):
        return attacks | set(reverses)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if below(mid):
            hi = mid
        else:
            lo = mid
    return attacks | set(reverses[:hi])


def barabasi_albert(n, links, rng):
    edges = []
    ends = []  # every edge end once: uniform choice = degree-proportional
    for new in range(1, n):
        chosen = set()
        want = min(links, new)
        while len(chosen) < want:
            old = rng.choice(ends) if ends else rng.randrange(new)
            chosen.add(old)
        for old in sorted(chosen):
            edges.append((new, old))
            ends.append(new)
            ends.append(old)
    return edges


def watts_strogatz(n, k, beta, rng):
    half = max(1, k // 2)
    present = set()
    edges = []
    for i in range(n):
        for j in range(1, half + 1):
            a, b = i, (i + j) % n
            if rng.random() < beta:
                for _ in range(100):
                    c = rng.randrange(n)
                    if c != a and (min(a, c), max(a, c)) not in present:
                        b = c
                        break
            key = (min(a, b), max(a, b))
            if a != b and key not in present:
                present.add(key)
                edges.append((a, b))
    return edges


def split(n, blocks):
    size, extra = divmod(n, blocks)
    starts, at = [], 0
    for i in range(blocks):
        starts.append(at)
        at += size + (1 if i < extra else 0)
    starts.append(n)
    return starts


def er_scc(n, blocks, degree, cross, rng):
    starts = split(n, blocks)
    attacks = set()
    for i in range(blocks):
        lo, hi = starts[i], starts[i + 1]
        size = hi - lo
        if size < 2:
            continue
        want = len(attacks) + min(int(size * degree), size * (size - 1))
        while len(attacks) < want:
            a, b = lo + rng.randrange(size), lo + rng.randrange(size)
            if a != b:
                attacks.add((a, b))
    if blocks > 1:
        want = len(attacks) + int(n * cross)
        while len(attacks) < want:
            a, b = rng.randrange(n), rng.randrange(n)
            ba, bb = block_of(starts, a), block_of(starts, b)
            if ba < bb:
                attacks.add((a, b))
            elif bb < ba:
                attacks.add((b, a))
    return attacks


def block_of(starts, x):
    lo, hi = 0, len(starts) - 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if starts[mid] <= x:
            lo = mid
        else:
            hi = mid
    return lo


def grid(n, width, both, diagonals, rng):
    edges = []
    for v in range(n):
        r, c = divmod(v, width)
        if c + 1 < width and v + 1 < n:
            edges.append((v, v + 1))
        if v + width < n:
            edges.append((v, v + width))
        if diagonals:
            if c + 1 < width and v + width + 1 < n:
                edges.append((v, v + width + 1))
            if c > 0 and v + width - 1 < n:
                edges.append((v, v + width - 1))
    return orient(edges, rng, both)


def small_sccs(n, size, degree, links, window, rng):
    starts, at = [], 0
    while at < n:
        starts.append(at)
        at += rng.randint(2, max(2, size))
    starts.append(n)
    attacks = set()
    blocks = len(starts) - 1
    for i in range(blocks):
        members = list(range(starts[i], starts[i + 1]))
        rng.shuffle(members)
        k = len(members)
        if k > 1:
            for j in range(k):
                attacks.add((members[j], members[(j + 1) % k]))
            for _ in range(int(round(k * degree))):
                a, b = rng.choice(members), rng.choice(members)
                if a != b:
                    attacks.add((a, b))
    for i in range(blocks - 1):
        for _ in range(links):
            j = rng.randint(i + 1, min(blocks - 1, i + window))
            a = rng.randrange(starts[i], starts[i + 1])
            b = rng.randrange(starts[j], starts[j + 1])
            attacks.add((a, b))
    return attacks


def family(name, n, seed, **p):
    """The attacks (0-based pairs) of family `name` with N = n arguments."""
    rng = random.Random(seed)
    if name == "uniform":
        return uniform(n, p.get("degree", 4), rng)
    if name == "ba":
        attacks = orient(barabasi_albert(n, p.get("links") or 1, rng), rng)
        return enforce_cycles(n, attacks, p.get("cycles", 0.5), rng)
    if name == "ws":
        attacks = orient(watts_strogatz(n, p.get("k") or 4, p.get("beta", 0.2), rng), rng)
        return enforce_cycles(n, attacks, p.get("cycles", 0.5), rng)
    if name == "er-scc":
        return er_scc(n, p.get("blocks") or 10, p.get("degree") or 3, p.get("cross", 1.0), rng)
    if name == "grid":
        width = p.get("width") or max(1, int(-(-n ** 0.5 // 1)))
        return grid(n, width, p.get("both", 0.3), p.get("diagonals", False), rng)
    if name == "small-sccs":
        return small_sccs(n, p.get("size") or 8, p.get("degree", 1.0), p.get("links") or 2,
                          p.get("window") or 50, rng)
    raise ValueError(f"unknown family {name}")


def write(path, n, attacks):
    with open(path, "w") as f:
        f.write(f"p af {n}\n")
        f.write("".join(f"{a + 1} {b + 1}\n" for a, b in sorted(attacks)))


def grounded_undecided(n, attacks):
    """Arguments (1-based) neither in nor out in the grounded labelling."""
    succ = [[] for _ in range(n)]
    attackers = [0] * n
    for a, b in attacks:
        succ[a].append(b)
        attackers[b] += 1
    label = [0] * n  # 0 undecided, 1 in, 2 out
    queue = [v for v in range(n) if attackers[v] == 0]
    for v in queue:
        label[v] = 1
    while queue:
        v = queue.pop()
        for w in succ[v]:
            if label[w] == 0:
                label[w] = 2
                for x in succ[w]:
                    attackers[x] -= 1
                    if attackers[x] == 0 and label[x] == 0:
                        label[x] = 1
                        queue.append(x)
    return [v + 1 for v in range(n) if label[v] == 0]


def describe(n, attacks):
    """Attacks, SCCs, largest SCC, and grounded-undecided arguments."""
    comp = scc_ids(n, attacks)
    sizes = {}
    for c in comp:
        sizes[c] = sizes.get(c, 0) + 1
    return {"attacks": len(attacks), "sccs": len(sizes), "largest": max(sizes.values()),
            "undecided": len(grounded_undecided(n, attacks))}


def main():
    if "--family" not in sys.argv[1:]:
        n, degree, seed, out = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
        rng = random.Random(seed)
        write(out, n, uniform(n, degree, rng))
        return
    p = argparse.ArgumentParser(description="structured families; see the module docstring")
    p.add_argument("--family", required=True,
                   choices=["uniform", "ba", "ws", "er-scc", "grid", "small-sccs"])
    p.add_argument("n", type=int)
    p.add_argument("seed", type=int)
    p.add_argument("out")
    p.add_argument("--links", type=int, help="ba: edges per new argument; small-sccs: attacks per block to later blocks")
    p.add_argument("--cycles", type=float, default=0.5, help="ba, ws: AFBenchGen2's probCycles")
    p.add_argument("--k", type=int, help="ws: ring degree")
    p.add_argument("--beta", type=float, default=0.2, help="ws: rewiring probability")
    p.add_argument("--blocks", type=int, help="er-scc: number of blocks")
    p.add_argument("--degree", type=float, help="uniform, er-scc, small-sccs: attacks per argument inside a block")
    p.add_argument("--cross", type=float, default=1.0, help="er-scc: forward attacks per argument between blocks")
    p.add_argument("--width", type=int, help="grid: row length")
    p.add_argument("--both", type=float, default=0.3, help="grid: probability an edge attacks both ways")
    p.add_argument("--diagonals", action="store_true", help="grid: join diagonal neighbours too")
    p.add_argument("--size", type=int, help="small-sccs: largest block")
    p.add_argument("--window", type=int, help="small-sccs: blocks ahead a link may reach")
    o = p.parse_args()
    params = {k: v for k, v in vars(o).items() if k not in ("family", "n", "seed", "out")}
    if o.family in ("small-sccs",) and params["degree"] is None:
        params["degree"] = 1.0
    if params["degree"] is None:
        params.pop("degree")
    write(o.out, o.n, family(o.family, o.n, o.seed, **params))


if __name__ == "__main__":
    main()
