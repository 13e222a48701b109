#!/usr/bin/env python3
"""Times the `iccma` example against crustabri and scalop on the structured
benchmark families of benches/dev/generate.py (Barabási–Albert,
Watts–Strogatz, Erdős–Rényi with SCC structure, grids, many small SCCs)
for SE-PR, SE-ST, DS-PR and DC-CO, and prints a Markdown table per family
and a summary of ratios.

    cargo install crustabri --version 1.1.1 --root /tmp/crustabri-bin
    cargo install scalop --version 2.1.0 --root /tmp/scalop-bin
    cargo build --release --example iccma
    python3 benches/dev/families.py --ours target/release/examples/iccma \\
        --crustabri /tmp/crustabri-bin/bin/crustabri_iccma23 \\
        --scalop /tmp/scalop-bin/bin/scalop

scalop 2.1 runs as `scalop solve -r iccma23 --logging-level off -p TASK -f
FILE [-a ARG]` (its ICCMA-style interface is a subcommand).

Whole-process wall time (reading the file included). The three solvers run
in turn, round after round, so load on a shared machine falls on all of
them alike; each time is the median of --runs rounds (one round when the
first takes over 5 s for any solver). Ratio = ours / reference: below 1 is
faster. The answers must agree (YES/NO for DC and DS, whether an extension
exists for SE); the script exits with status 1 when they do not.

The query argument of DS-PR and DC-CO is drawn (seeded) from the arguments
the grounded labelling leaves undecided, so it is not settled by the
grounded core alone; when there are none, from all arguments.

--list prints each instance's structure (arguments, attacks, SCCs, largest
SCC, grounded-undecided arguments) without running anything; --family and
--task pick a subset.
"""

import argparse
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import generate  # noqa: E402

TASKS = ["SE-PR", "SE-ST", "DS-PR", "DC-CO"]

# (family, arguments, generator parameters, seed). Sizes are chosen so that
# the references take about 0.05–5 s on SE-PR and DS-PR on the project's
# machine (SE-ST and DC-CO are faster at the same sizes).
INSTANCES = [
    ("ba", 100_000, {"cycles": 0.5}, 1),
    ("ba", 100_000, {"cycles": 0.5}, 2),
    ("ba", 100_000, {"links": 2, "cycles": 0.7}, 1),
    ("ba", 100_000, {"links": 2, "cycles": 0.7}, 2),
    ("ws", 30_000, {"k": 4, "beta": 0.2, "cycles": 0.7}, 1),
    ("ws", 30_000, {"k": 4, "beta": 0.2, "cycles": 0.7}, 2),
    ("ws", 20_000, {"k": 6, "beta": 0.5, "cycles": 0.9}, 1),
    ("ws", 20_000, {"k": 6, "beta": 0.5, "cycles": 0.9}, 2),
    ("er-scc", 20_000, {"blocks": 20, "degree": 3, "cross": 1}, 1),
    ("er-scc", 20_000, {"blocks": 20, "degree": 3, "cross": 1}, 2),
    ("er-scc", 5_000, {"blocks": 5, "degree": 4, "cross": 1}, 1),
    ("er-scc", 5_000, {"blocks": 5, "degree": 4, "cross": 1}, 2),
    ("grid", 30_000, {"both": 0.1}, 1),
    ("grid", 30_000, {"both": 0.1}, 2),
    ("grid", 40_000, {"both": 0.3}, 1),
    ("grid", 40_000, {"both": 0.3}, 2),
    ("small-sccs", 20_000, {"size": 8, "degree": 1, "links": 2}, 1),
    ("small-sccs", 20_000, {"size": 8, "degree": 1, "links": 2}, 2),
    ("small-sccs", 10_000, {"size": 16, "degree": 2, "links": 4}, 1),
    ("small-sccs", 10_000, {"size": 16, "degree": 2, "links": 4}, 2),
]


def params_text(params):
    return " ".join(f"{k}={v}" for k, v in params.items())


def timed(cmd, timeout):
    """Wall time and the answer: 'YES'/'NO' for DC/DS, True/False (an
    extension exists) for SE; (timeout, None) if it ran out of time."""
    start = time.perf_counter()
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return float(timeout), None
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({out.returncode}): {out.stderr.strip()[:500]}")
    first = out.stdout.strip().split("\n")[0].strip() if out.stdout.strip() else ""
    return elapsed, first


def answer_of(task, line):
    if line is None:
        return None
    if task.startswith("SE"):
        return line != "NO"
    return line.split()[0] if line else line


def geo(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ours", default="target/release/examples/iccma")
    p.add_argument("--crustabri", default="/tmp/crustabri-bin/bin/crustabri_iccma23")
    p.add_argument("--scalop", default="/tmp/scalop-bin/bin/scalop",
                   help="scalop's binary; run as `scalop solve -r iccma23 --logging-level off -p ...`")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--timeout", type=int, default=60)
    p.add_argument("--family", action="append", help="only these families (repeatable)")
    p.add_argument("--task", action="append", choices=TASKS, help="only these tasks (repeatable)")
    p.add_argument("--keep", help="write the instances into this directory and keep them")
    p.add_argument("--list", action="store_true", help="print the instances' structure and stop")
    o = p.parse_args()
    tasks = o.task or TASKS
    instances = [i for i in INSTANCES if not o.family or i[0] in o.family]
    solvers = [("crustabri", [o.crustabri]),
               ("scalop", [o.scalop, "solve", "-r", "iccma23", "--logging-level", "off"]),
               ("ours", [o.ours])]
    tmp = tempfile.TemporaryDirectory()
    directory = o.keep or tmp.name
    os.makedirs(directory, exist_ok=True)
    ratios = {}  # (family, task, reference) -> [ratio]
    disagreements = []
    current = None
    for fam, n, params, seed in instances:
        name = f"{fam}_{n}_{params_text(params).replace(' ', '_').replace('=', '')}_s{seed}.af"
        path = os.path.join(directory, name)
        attacks = generate.family(fam, n, seed, **params)
        undecided = generate.grounded_undecided(n, attacks)
        if not os.path.exists(path):
            generate.write(path, n, attacks)
        arg = random.Random(seed).choice(undecided or list(range(1, n + 1)))
        shape = generate.describe(n, attacks)
        if o.list:
            print(f"{fam} n={n} {params_text(params)} seed={seed}: {shape}, query {arg}", flush=True)
            continue
        if fam != current:
            current = fam
            print(f"\n### {fam}\n")
            print("| arguments | parameters | seed | attacks | SCCs | largest SCC | undecided | task "
                  "| answer | crustabri (s) | scalop (s) | ours (s) | / crustabri | / scalop |")
            print("|" + "---|" * 14)
        for task in tasks:
            cmd_tail = ["-p", task, "-f", path] + (["-a", str(arg)] if task[:2] in ("DC", "DS") else [])
            times = {s: [] for s, _ in solvers}
            answers = {}
            for r in range(o.runs):
                for s, binary in solvers:
                    t, line = timed(binary + cmd_tail, o.timeout)
                    times[s].append(t)
                    a = answer_of(task, line)
                    if a is not None:
                        answers.setdefault(s, a)
                if max(max(ts) for ts in times.values()) > 5:
                    break
            if len(set(answers.values())) > 1:
                disagreements.append(f"{path} {task} -a {arg}: {answers}")
                print(f"answers differ on {path} {task}: {answers}", file=sys.stderr)
            med = {s: statistics.median(ts) for s, ts in times.items()}
            late = {s: ">" if med[s] >= o.timeout else "" for s in med}
            shown = next(iter(answers.values()), None)
            shown = {True: "yes", False: "none"}.get(shown, shown) if task.startswith("SE") else shown
            shown = "?" if shown is None else shown
            row = (f"| {n:,} | {params_text(params)} | {seed} | {shape['attacks']:,} | {shape['sccs']:,} "
                   f"| {shape['largest']:,} | {shape['undecided']:,} | {task} | {shown} |")
            for s in ("crustabri", "scalop", "ours"):
                row += f" {late[s]}{med[s]:.3f} |"
            for ref in ("crustabri", "scalop"):
                ratio = med["ours"] / med[ref]
                if late["ours"] and late[ref]:
                    # Both ran out: no ratio, and the summary leaves the row out (marked *).
                    ratios.setdefault((fam, task, ref), []).append((None, "–"))
                    row += " – |"
                    continue
                # A timeout makes the ratio a bound: ≥ when ours ran out, ≤ when the reference did.
                bound = "≥" if late["ours"] else "≤" if late[ref] else ""
                ratios.setdefault((fam, task, ref), []).append((ratio, bound))
                row += f" {bound}{ratio:.2f} |"
            print(row, flush=True)
    if o.list:
        return
    print("\n### Summary: ours / reference, geometric mean (worst) per family and task\n")
    fams = list(dict.fromkeys(i[0] for i in instances))
    print("| family | " + " | ".join(f"{t} / crustabri | {t} / scalop" for t in tasks) + " |")
    print("|" + "---|" * (1 + 2 * len(tasks)))
    for fam in fams:
        row = f"| {fam} |"
        for task in tasks:
            for ref in ("crustabri", "scalop"):
                rs = ratios.get((fam, task, ref))
                if not rs:
                    row += " – |"
                    continue
                values = [r for r, _ in rs if r is not None]
                mark = "*" if any(b for _, b in rs) else ""
                row += f" {geo(values):.2f} ({max(values):.2f}){mark} |" if values else f" –{mark} |"
        print(row)
    print("\nA `>` marks a median at the timeout; the ratios on that row are then bounds (≥, ≤),")
    print("or `–` when both solvers ran out. A `*` marks a summary cell that includes a bound")
    print("or leaves out a row where both ran out.")
    if disagreements:
        print("\nDISAGREEMENTS:\n" + "\n".join(disagreements), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
