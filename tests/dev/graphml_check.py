#!/usr/bin/env python3
"""Loads a corpus's GraphML export with networkx and checks it against the
corpus document it came from: nodes and edges per label, and a few typed
properties. Not run by CI (it needs networkx).

    python3 -m pip install --user networkx     # or in a venv
    cargo run --example export -- --graphml /tmp/corpus.graphml
    python3 tests/dev/graphml_check.py /tmp/corpus.graphml src/corpus/sino_soviet_split.json

    cargo run --release --example synthetic -- --claims 10000 --seed 1 /tmp/big.json
    cargo run --release --example export -- --corpus /tmp/big.json --graphml /tmp/big.graphml
    python3 tests/dev/graphml_check.py /tmp/big.graphml /tmp/big.json

Exits 1 on any difference.
"""

import collections
import json
import sys

import networkx


def expected(document):
    """Nodes per label and edges per relationship type, from the document."""
    sections = {
        "scholars": "Scholar",
        "works": "Work",
        "evidence": "Evidence",
        "events": "Event",
        "explanations": "Explanation",
        "claims": "Claim",
    }
    nodes = collections.Counter()
    for section, label in sections.items():
        nodes[label] = len(document.get(section, []))
    edges = collections.Counter()
    for work in document.get("works", []):
        edges["AUTHORED_BY"] += len(work.get("authors", []))
        edges["EDITED_BY"] += len(work.get("editors", []))
        edges["TRANSLATED_BY"] += len(work.get("translators", []))
    edges["FOUND_IN"] = sum("work" in e for e in document.get("evidence", []))
    edges["WITHIN"] = sum("within" in e for e in document.get("events", []))
    edges["VARIANT_OF"] = sum("variant_of" in x for x in document.get("explanations", []))
    for claim in document.get("claims", []):
        edges["INVOKES"] += 1
        edges["CONCERNS"] += len(claim["events"])
        edges["TAKES_POSITION"] += len(claim.get("stances", []))
        edges["CITES"] += len(claim.get("cites", []))
        edges["ATTACKS"] += len(claim.get("attacks", []))
        edges["SUPPORTS"] += len(claim.get("supports", []))
    return nodes, edges


def year_of(date):
    """The year the writer derives from an EDTF date, the first it can mean:
    `-0044-03~` gives -44, `196X` 1960, `-004X` -49."""
    digits = date.lstrip("-")[:4]
    if date.startswith("-"):
        return -int(digits.replace("X", "9"))
    return int(digits.replace("X", "0"))


def check_date(problems, what, data, record):
    """`date` as in the document, and `year` derived from it."""
    date = record.get("date")
    if date is None and "year" in record:
        # A claim's legacy spelling: the year, written as an EDTF date.
        year = record["year"]
        date = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    if data.get("date") != date:
        problems.append(f"{what}: date {data.get('date')!r}, expected {date!r}")
    year = year_of(date) if date is not None else None
    if data.get("year") != year:
        problems.append(f"{what}: year {data.get('year')!r}, expected {year!r}")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: graphml_check.py CORPUS.graphml CORPUS.json")
    graph = networkx.read_graphml(sys.argv[1], force_multigraph=True)
    with open(sys.argv[2], encoding="utf-8") as f:
        document = json.load(f)
    want_nodes, want_edges = expected(document)
    got_nodes = collections.Counter(data["labelV"] for _, data in graph.nodes(data=True))
    got_edges = collections.Counter(data["labelE"] for _, _, data in graph.edges(data=True))
    problems = []
    for label in sorted(set(want_nodes) | set(got_nodes)):
        if want_nodes[label] != got_nodes[label]:
            problems.append(f"{label} nodes: {got_nodes[label]}, expected {want_nodes[label]}")
    for label in sorted(set(want_edges) | set(got_edges)):
        if want_edges[label] != got_edges[label]:
            problems.append(f"{label} edges: {got_edges[label]}, expected {want_edges[label]}")
    if graph.number_of_nodes() != sum(want_nodes.values()):
        problems.append(f"{graph.number_of_nodes()} nodes in all")
    if graph.number_of_edges() != sum(want_edges.values()):
        problems.append(f"{graph.number_of_edges()} edges in all")
    if graph.graph.get("title") != document.get("title"):
        problems.append(f"title {graph.graph.get('title')!r}")

    # Every node is `kind:key`, and carries its key; years are ints.
    for node, data in graph.nodes(data=True):
        if node != f"{data['labelV'].lower()}:{data['key']}":
            problems.append(f"node {node} has key {data['key']!r}")
        for field in ("born", "died", "year"):
            if field in data and not isinstance(data[field], int):
                problems.append(f"node {node}: {field} {data[field]!r} is not an int")
    # Spot-check properties against the document.
    for claim in document.get("claims", []):
        data = graph.nodes[f"claim:{claim['key']}"]
        if (
            data["text"] != claim["text"]
            or data.get("markup") != claim.get("markup")
            or data["polarity"] != claim.get("polarity", "affirms")
        ):
            problems.append(f"claim {claim['key']}: {data}")
        check_date(problems, f"claim {claim['key']}", data, claim)
    for evidence in document.get("evidence", []):
        data = graph.nodes[f"evidence:{evidence['key']}"]
        check_date(problems, f"evidence {evidence['key']}", data, evidence)
    for scholar in document.get("scholars", []):
        data = graph.nodes[f"scholar:{scholar['key']}"]
        for field in ("name", "born", "died", "affiliation"):
            if data.get(field) != scholar.get(field):
                problems.append(f"scholar {scholar['key']}: {field} {data.get(field)!r}")
        # Name parts as flat properties; both flags booleans on every scholar.
        parts = scholar.get("parts", {})
        for field in ("family", "given", "non_dropping_particle", "dropping_particle", "suffix"):
            if data.get(field) != parts.get(field):
                problems.append(f"scholar {scholar['key']}: {field} {data.get(field)!r}")
        for field, want in (("family_first", parts.get("family_first", False)), ("literal", scholar.get("literal", False))):
            if data.get(field) is not want:
                problems.append(f"scholar {scholar['key']}: {field} {data.get(field)!r}, expected {want}")
    for work in document.get("works", []):
        data = graph.nodes[f"work:{work['key']}"]
        for field in ("title", "volume", "issue", "page"):
            if data.get(field) != work.get(field):
                problems.append(f"work {work['key']}: {field} {data.get(field)!r}")
        for role, label in (("authors", "AUTHORED_BY"), ("editors", "EDITED_BY"), ("translators", "TRANSLATED_BY")):
            got = sorted(
                (d["position"], target.split(":", 1)[1])
                for _, target, d in graph.out_edges(f"work:{work['key']}", data=True)
                if d["labelE"] == label
            )
            if [k for _, k in got] != work.get(role, []) or [p for p, _ in got] != list(range(len(got))):
                problems.append(f"work {work['key']}: {role} {got}")

    print(
        f"{sys.argv[1]}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges "
        f"({', '.join(f'{k} {v}' for k, v in sorted(got_edges.items()))})"
    )
    for problem in problems[:20]:
        print("  " + problem)
    if problems:
        print(f"{len(problems)} problems")
        sys.exit(1)
    print("ok: counts, labels, ids and spot-checked properties agree with the document")


if __name__ == "__main__":
    main()
