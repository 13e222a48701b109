#!/usr/bin/env python3
"""Writes seeded random frameworks in the ICCMA 2023 format.

    python3 benches/dev/generate.py N DEGREE SEED OUT.af

Each argument attacks DEGREE others on average, chosen uniformly (a directed
Erdős–Rényi graph with n·DEGREE attacks; self-attacks allowed, repeats kept
once).
"""
import random
import sys


def main():
    n, degree, seed, out = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rng = random.Random(seed)
    m = int(n * degree)
    attacks = set()
    while len(attacks) < m:
        attacks.add((rng.randrange(n) + 1, rng.randrange(n) + 1))
    with open(out, "w") as f:
        f.write(f"p af {n}\n")
        f.write("".join(f"{a} {b}\n" for a, b in sorted(attacks)))


if __name__ == "__main__":
    main()
