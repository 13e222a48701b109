#!/usr/bin/env python3
"""Cross-checks the AIF reader against arguebuf on the AIF test files.

arguebuf (PyPI `arguebuf`, MIT, ReCAP Trier; needs Python 3.13) is an
independent reader of AIFdb files that loads files naming nodes they leave
out. It is installed as a tool, never a dependency:

    python3.13 -m venv /tmp/arguebuf && /tmp/arguebuf/bin/pip install arguebuf==3.0.0
    cargo build --example convert
    /tmp/arguebuf/bin/python tests/dev/aif_check.py [FILE.json ...]

With no files it checks every `tests/data/aif/*.json` that is an input
(not a golden output) and that arguebuf reads; the files it refuses are
listed and skipped. For each file it reads the file with the `convert`
example (AIF to the corpus document, the unmapped list on standard error)
and with arguebuf, and checks that
- arguebuf's I-nodes are the corpus's claims plus the I-nodes merged by
  rephrase (`rephrases node` in the unmapped list);
- the supports are the same: each premise and each conclusion of an
  arguebuf Support scheme, both I-nodes, as rephrase classes;
- the attacks are the same: an Attack scheme's attacking I-nodes on its
  target I-node, or on each conclusion of the Support scheme it targets.
Participants are printed, not compared: arguebuf makes one of every person
a locution names, even of a locution whose L-node the file leaves out,
where the corpus has the speakers of the L-nodes it holds.
Exits 1 on any disagreement.
"""

import json
import pathlib
import subprocess
import sys
import tempfile

import arguebuf as ab

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "aif"
EXAMPLE = ROOT / "target" / "debug" / "examples" / "convert"


def inputs():
    for path in sorted(DATA.glob("*.json")):
        if not path.name.endswith((".corpus.json", ".aif.json")):
            yield path


def ours(path):
    """The corpus document and the unmapped lines of the reader."""
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "corpus.json"
        run = subprocess.run(
            [str(EXAMPLE), "--from", "aif", "--to", "json", str(path), str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode != 0:
            raise RuntimeError(f"convert failed: {run.stderr.strip()}")
        return json.loads(out.read_text()), run.stderr.splitlines()


class Classes:
    """Rephrase classes of I-node ids (union-find)."""

    def __init__(self):
        self.parent = {}

    def find(self, node):
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def theirs(graph):
    """I-nodes, supports and attacks of arguebuf's graph, in rephrase classes."""
    atoms = set(graph.atom_nodes)
    classes = Classes()
    for node in atoms:
        classes.find(node)

    def around(scheme):
        ins = [n.id for n in graph.incoming_nodes(scheme)]
        outs = [n.id for n in graph.outgoing_nodes(scheme)]
        return ins, outs

    schemes = list(graph.scheme_nodes.values())
    for scheme in schemes:
        if isinstance(scheme.scheme, ab.Rephrase):
            ins, outs = around(scheme)
            ends = [n for n in ins + outs if n in atoms]
            if ins and outs:
                for a, b in zip(ends, ends[1:]):
                    classes.join(a, b)
    supports, attacks = set(), set()
    for scheme in schemes:
        ins, outs = around(scheme)
        premises = [classes.find(n) for n in ins if n in atoms]
        if isinstance(scheme.scheme, ab.Support):
            for p in premises:
                for c in outs:
                    if c in atoms and classes.find(c) != p:
                        supports.add((p, classes.find(c)))
        elif isinstance(scheme.scheme, ab.Attack):
            for t in outs:
                if t in atoms:
                    targets = [classes.find(t)]
                elif t in graph.scheme_nodes and isinstance(
                    graph.scheme_nodes[t].scheme, ab.Support
                ):
                    _, conclusions = around(graph.scheme_nodes[t])
                    targets = [classes.find(c) for c in conclusions if c in atoms]
                else:
                    targets = []
                for p in premises:
                    attacks.update((p, t) for t in targets if t != p)
    return atoms, classes, supports, attacks


def check(path):
    try:
        graph = ab.load.file(path)
    except Exception as error:  # arguebuf refuses it: nothing to compare
        print(f"{path.name}: arguebuf refuses it ({type(error).__name__}: {error}); skipped")
        return True
    document, unmapped = ours(path)
    atoms, classes, supports, attacks = theirs(graph)
    claims = document.get("claims", [])
    merged = sum("rephrases node" in line for line in unmapped)
    # A claim's key is its node id, unless the extension gives it one.
    text = json.loads(path.read_text())
    entries = (text.get("historiograph") or {}).get("claims", [])
    node_of = {e["key"]: e["node"] for e in entries}
    by_key = {c["key"]: classes.find(node_of.get(c["key"], c["key"])) for c in claims}
    our_supports = {
        (by_key[c["key"]], by_key[s]) for c in claims for s in c.get("supports", [])
    }
    our_attacks = {
        (by_key[c["key"]], by_key[a["claim"]])
        for c in claims
        for a in c.get("attacks", [])
    }
    problems = []
    if len(atoms) != len(claims) + merged:
        problems.append(
            f"{len(atoms)} I-nodes, {len(claims)} claims and {merged} merged by rephrase"
        )
    if supports != our_supports:
        problems.append(f"supports: arguebuf {sorted(supports)}, ours {sorted(our_supports)}")
    if attacks != our_attacks:
        problems.append(f"attacks: arguebuf {sorted(attacks)}, ours {sorted(our_attacks)}")
    print(
        f"{path.name}: {len(atoms)} I-nodes, {len(claims)} claims, "
        f"{len(supports)} supports, {len(attacks)} attacks, "
        f"{len(graph.participants)} arguebuf participants, "
        f"{len(document.get('scholars', []))} scholars, {len(unmapped)} unmapped"
        + ("" if not problems else "\n  " + "\n  ".join(problems))
    )
    return not problems


def main():
    if not EXAMPLE.exists():
        sys.exit(f"{EXAMPLE} is missing: run `cargo build --example convert` first")
    paths = [pathlib.Path(p) for p in sys.argv[1:]] or list(inputs())
    results = [check(p) for p in paths]
    if not all(results):
        sys.exit(1)


if __name__ == "__main__":
    main()
