#!/usr/bin/env python3
"""Times the `iccma` example against crustabri on the same generated
frameworks and prints a Markdown table of medians and ratios.

    cargo install crustabri --version 1.1.1 --root /tmp/crustabri-bin
    cargo build --release --example iccma                      # batsat
    cp target/release/examples/iccma /tmp/iccma-batsat
    cargo build --release --example iccma --features cadical   # CaDiCaL
    cp target/release/examples/iccma /tmp/iccma-cadical
    python3 benches/dev/versus_crustabri.py \\
        --solver batsat=/tmp/iccma-batsat --solver cadical=/tmp/iccma-cadical \\
        --reference /tmp/crustabri-bin/bin/crustabri_iccma23

Whole-process wall time (reading the file included), median of --runs runs
(one run where the reference needs over 5 s). Ratio = ours / crustabri, so
below 1 is faster. Instances are seeded (benches/dev/generate.py), so the
same command measures the same frameworks on any machine; the machines are
shared and noisy, so compare ratios from one session, not absolute times.
"""

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))


def write(path, n, degree, seed):
    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "generate.py"),
                    str(n), str(degree), str(seed), path], check=True)


def timed(cmd, timeout):
    """Wall time and first output line; (timeout, None) if it ran out of time."""
    start = time.perf_counter()
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return float(timeout), None
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise RuntimeError(f"{cmd} failed: {out.stderr.strip()}")
    return elapsed, out.stdout.split("\n")[0].strip()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--solver", action="append", default=[], help="NAME=BINARY (repeatable)")
    p.add_argument("--reference", default=os.environ.get("CRUSTABRI", "crustabri_iccma23"))
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--timeout", type=int, default=300)
    p.add_argument("--quick", action="store_true", help="skip the hardest instances")
    p.add_argument("--only", choices=["SE-GR", "SE-ST", "SE-PR"], help="one task only")
    o = p.parse_args()
    solvers = [s.split("=", 1) for s in o.solver] or [["ours", "target/release/examples/iccma"]]
    instances = [("SE-GR", 1_000_000, 1, 1), ("SE-GR", 1_000_000, 2, 1)]
    degrees = [3, 4, 4.5] if o.quick else [3, 4, 4.5, 5]
    for task in ("SE-ST", "SE-PR"):
        for degree in degrees:
            for seed in (1, 2):
                instances.append((task, 1000, degree, seed))
    if o.only:
        instances = [i for i in instances if i[0] == o.only]
    ratios = {name: {} for name, _ in solvers}
    header = "| task | arguments | attacks per argument | seed | crustabri (s) | " + " | ".join(
        f"{name} (s) | {name} ratio" for name, _ in solvers) + " |"
    print(header)
    print("|" + "---|" * (5 + 2 * len(solvers)))
    with tempfile.TemporaryDirectory() as tmp:
        made = {}
        for task, n, degree, seed in instances:
            key = (n, degree, seed)
            if key not in made:
                made[key] = os.path.join(tmp, f"r{n}_d{degree}_s{seed}.af")
                write(made[key], n, degree, seed)
            path = made[key]
            ref_times, answers = [], set()
            runs = o.runs
            for i in range(runs):
                t, answer = timed([o.reference, "-p", task, "-f", path], o.timeout)
                ref_times.append(t)
                if answer is not None:
                    answers.add(answer == "NO")
                if t > 5:
                    break
            ref = statistics.median(ref_times)
            late = ">" if ref >= o.timeout else ""
            row = f"| {task} | {n:,} | {degree} | {seed} | {late}{ref:.3f} |"
            for name, binary in solvers:
                times = []
                for i in range(len(ref_times)):
                    t, answer = timed([binary, "-p", task, "-f", path], o.timeout)
                    times.append(t)
                    if answer is not None and answers and (answer == "NO") not in answers:
                        print(f"answers differ on {path} {task}", file=sys.stderr)
                        sys.exit(1)
                ours = statistics.median(times)
                ratios[name].setdefault(task, []).append(ours / ref)
                late = ">" if ours >= o.timeout else ""
                row += f" {late}{ours:.3f} | {late}{ours / ref:.2f} |"
            print(row, flush=True)
    print()
    print("A `>` marks a run stopped at the timeout: the ratio is then a lower bound.")
    print()
    for name, by_task in ratios.items():
        for task, rs in by_task.items():
            geo = math.exp(sum(math.log(r) for r in rs) / len(rs))
            print(f"{name} {task}: geometric mean ratio {geo:.2f} over {len(rs)} instances, worst {max(rs):.2f}")


if __name__ == "__main__":
    main()
