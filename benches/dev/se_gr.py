#!/usr/bin/env python3
"""Times SE-GR, whole process, on one large seeded framework: the `iccma`
example against crustabri and scalop, in the same run, interleaved.

    cargo install crustabri --version 1.1.1 --root /tmp/crustabri-bin
    cargo install scalop --version 2.1.0 --root /tmp/scalop-bin
    cargo build --release --example iccma
    python3 benches/dev/se_gr.py --n 1000000 --degree 3 --runs 5

The framework is written by benches/dev/generate.py (n arguments, n·degree
distinct attacks drawn uniformly). Each round runs the three solvers once,
in turn, so that load on a shared machine falls on all of them alike;
the table gives medians and the ratios ours / crustabri and ours / scalop.
The answers are checked to be the same extension.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd):
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(f"{cmd[0]} failed: {out.stderr.strip()[-500:]}")
    witness = next((l for l in out.stdout.splitlines() if l.startswith("w")), None)
    return elapsed, frozenset(witness.split()[1:]) if witness is not None else None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=1_000_000)
    p.add_argument("--degree", type=float, default=3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--ours", default="target/release/examples/iccma")
    p.add_argument("--crustabri", default="/tmp/crustabri-bin/bin/crustabri_iccma23")
    p.add_argument("--scalop", default="/tmp/scalop-bin/bin/scalop")
    o = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "af.af")
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(o.n), str(o.degree),
                        str(o.seed), path], check=True)
        size = os.path.getsize(path)
        solvers = {
            "ours": [o.ours, "-p", "SE-GR", "-f", path],
            "crustabri": [o.crustabri, "-p", "SE-GR", "-f", path],
            "scalop": [o.scalop, "solve", "-p", "SE-GR", "-f", path, "-r", "iccma23",
                       "--logging-level", "off"],
        }
        times = {name: [] for name in solvers}
        answers = {}
        for _ in range(o.runs):
            for name, cmd in solvers.items():
                t, answer = timed(cmd)
                times[name].append(t)
                answers[name] = answer
        if len(set(answers.values())) != 1:
            sys.exit(f"the extensions differ: sizes {[len(a or ()) for a in answers.values()]}")
    med = {name: statistics.median(ts) for name, ts in times.items()}
    print(f"SE-GR, {o.n:,} arguments, {int(o.n * o.degree):,} attacks, seed {o.seed}, "
          f"{size / 1e6:.1f} MB, median of {o.runs} interleaved runs; "
          f"{len(answers['ours'])} arguments in the grounded extension")
    print()
    print("| solver | median (s) | runs (s) | ours / this |")
    print("|---|---|---|---|")
    for name in solvers:
        runs = ", ".join(f"{t:.3f}" for t in times[name])
        print(f"| {name} | {med[name]:.3f} | {runs} | {med['ours'] / med[name]:.2f} |")


if __name__ == "__main__":
    main()
