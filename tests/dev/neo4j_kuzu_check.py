#!/usr/bin/env python3
"""Loads a corpus's Neo4j CSV export into Kùzu (an embedded graph database
that speaks Cypher and reads the same CSV files) and asks it three
questions whose answers the corpus document gives. Not run by CI (it needs
the `kuzu` package and builds the `convert` example).

    python3 -m pip install --user kuzu          # or in a venv
    python3 tests/dev/neo4j_kuzu_check.py [CORPUS.json] [DIRECTORY]

CORPUS.json defaults to the built-in corpus (src/corpus/sino_soviet_split.json),
DIRECTORY to target/neo4j-kuzu. The script runs

    cargo run --example convert -- --from json --to neo4j CORPUS.json DIRECTORY

and loads exactly the files named by the `neo4j-admin` command that convert
prints on standard output (so the command is checked too: every file it
names loads, and no file with rows is missing from it). The Kùzu schema is
read from the files' Neo4j headers: a node table per `key:ID(Label)` file,
keyed by `key`; a relationship table per `:TYPE`, from the start id space
to the end one; `name:int` columns as INT64, `name:boolean` as BOOL, the
rest as STRING.

Then it checks, against the document:
  - nodes per label and relationships per type;
  - the corpus node, found by its key `corpus`, holds the title;
  - the scholars whose names are written family name first, and those cited
    as written (booleans), and each work's editors in order;
and runs three Cypher queries, each answer derived from the document:
  1. how many claims Lüthi (`luthi`) advances (in any of his works);
  2. which explanations the claims about the split itself
     (`sino-soviet-split`) invoke;
  3. which claims attack the claim attacked most (`national-interest-clash`
     in the built-in corpus), and how.
For another corpus, give its scholar, event and claim with --scholar,
--event and --claim (defaults: the first scholar, the first event, the
claim with the most attackers).

Exits 1 on any difference.
"""

import argparse
import collections
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import kuzu

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def export(corpus, directory, database):
    """Runs convert --to neo4j; returns the files its command names, as
    (option, path) pairs, in the command's order."""
    command = [
        "cargo", "run", "--quiet", "--example", "convert", "--",
        "--from", "json", "--to", "neo4j", "--database", database, corpus, directory,
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    printed = done.stdout.strip()
    print(f"convert printed: {printed[:100]}...")
    words = shlex.split(printed)
    expected = ["neo4j-admin", "database", "import", "full", database]
    if words[:5] != expected:
        sys.exit(f"the command does not start with {' '.join(expected)}: {printed}")
    files = []
    for word in words[5:]:
        option, _, path = word.partition("=")
        if option == "--multiline-fields":
            continue
        if option not in ("--nodes", "--relationships"):
            sys.exit(f"unexpected option {word} in {printed}")
        files.append((option, path))
    return files, "--multiline-fields=true" in words


def columns(header):
    """The columns of a Neo4j header: (name, kind, extra) with kind one of
    id, label, type, start, end, int, string, and extra the id space."""
    out = []
    for field in header.split(","):
        name, _, kind = field.partition(":")
        match = re.fullmatch(r"(ID|START_ID|END_ID)\((\w+)\)", kind)
        if match:
            out.append((name, {"ID": "id", "START_ID": "start", "END_ID": "end"}[match[1]], match[2]))
        elif kind in ("LABEL", "TYPE"):
            out.append((name, kind.lower(), None))
        elif kind in ("int", "long"):
            out.append((name, "int", None))
        elif kind == "boolean":
            out.append((name, "bool", None))
        elif kind in ("", "string"):
            out.append((name, "string", None))
        else:
            sys.exit(f"a header type this script does not know: {field}")
    return out


def load(connection, option, path, labels):
    """Creates the table for one file and copies its rows in; returns the
    table's name."""
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n")
    cols = columns(header)
    # Every column typed as the header says, named c0, c1, ... for Kùzu.
    types = {"int": "INT64", "bool": "BOOL"}
    typed = ", ".join(f"c{i} {types.get(kind, 'STRING')}" for i, (_, kind, _) in enumerate(cols))
    properties = [(i, name, kind) for i, (name, kind, _) in enumerate(cols) if kind in ("int", "bool", "string")]
    # Names in backquotes: `when` is a Cypher word.
    schema = ", ".join(f"`{name}` {types.get(kind, 'STRING')}" for _, name, kind in properties)
    keep = [i for i, (_, kind, _) in enumerate(cols) if kind in ("id", "start", "end")]
    keep += [i for i, _, _ in properties]
    if option == "--nodes":
        (key, _, label), = [c for c in cols if c[1] == "id"]
        connection.execute(
            f"CREATE NODE TABLE {label}(`{key}` STRING{', ' + schema if schema else ''}, PRIMARY KEY (`{key}`))"
        )
        table = label
    else:
        start = next(c[2] for c in cols if c[1] == "start")
        end = next(c[2] for c in cols if c[1] == "end")
        table = labels[path]
        connection.execute(f"CREATE REL TABLE {table}(FROM {start} TO {end}{', ' + schema if schema else ''})")
    returned = ", ".join(f"c{i}" for i in keep)
    connection.execute(
        f"COPY {table} FROM (LOAD WITH HEADERS ({typed}) FROM '{path}' "
        f"(header=true, parallel=false) RETURN {returned})"
    )
    return table


def rel_type(path):
    """The relationship type of a relationship file, from its first row."""
    with open(path, encoding="utf-8") as f:
        f.readline()
        row = f.readline()
    match = re.search(r",([A-Z_]+)(,|$)", row)
    if not match:
        sys.exit(f"{path}: no :TYPE in {row!r}")
    return match[1]


def rows(connection, query, **parameters):
    result = connection.execute(query, parameters)
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def expected_counts(document):
    sections = {
        "scholars": "Scholar", "works": "Work", "evidence": "Evidence",
        "events": "Event", "explanations": "Explanation", "claims": "Claim",
    }
    nodes = collections.Counter({label: len(document.get(s, [])) for s, label in sections.items()})
    if document.get("title") is not None:
        nodes["Corpus"] = 1
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
    return +nodes, +edges


def target_of(reference):
    """An attack or support names its target claim as a key or in an object."""
    return reference["claim"] if isinstance(reference, dict) else reference


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=os.path.join(ROOT, "src/corpus/sino_soviet_split.json"))
    parser.add_argument("directory", nargs="?", default=os.path.join(ROOT, "target/neo4j-kuzu"))
    parser.add_argument("--scholar", default="luthi")
    parser.add_argument("--event", default="sino-soviet-split")
    parser.add_argument("--claim", default=None)
    args = parser.parse_args()
    corpus = os.path.abspath(args.corpus)
    directory = os.path.abspath(args.directory)
    with open(corpus, encoding="utf-8") as f:
        document = json.load(f)
    scholars = [s["key"] for s in document.get("scholars", [])]
    events = [e["key"] for e in document.get("events", [])]
    scholar = args.scholar if args.scholar in scholars else (scholars or [None])[0]
    event = args.event if args.event in events else (events or [None])[0]
    attackers = collections.defaultdict(list)
    for claim in document.get("claims", []):
        for attack in claim.get("attacks", []):
            kind = attack.get("kind", "rebuts") if isinstance(attack, dict) else "rebuts"
            attackers[target_of(attack)].append((claim["key"], kind))
    attacked = args.claim or max(sorted(attackers), key=lambda k: len(attackers[k]), default=None)

    files, multiline = export(corpus, directory, "hist")
    database = os.path.join(directory, "kuzu.db")
    if os.path.isdir(database):
        shutil.rmtree(database)
    elif os.path.exists(database):
        os.remove(database)
    connection = kuzu.Connection(kuzu.Database(database))
    problems = []

    # Every file with rows is in the command; every file in it loads.
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if name.endswith(".csv"):
            with open(path, encoding="utf-8") as f:
                has_rows = sum(1 for _ in f) > 1
            if has_rows and path not in {p for _, p in files}:
                problems.append(f"{name} has rows but the command leaves it out")
    labels = {path: rel_type(path) for option, path in files if option == "--relationships"}
    tables = [load(connection, option, path, labels) for option, path in files]
    print(f"loaded {len(tables)} files into Kùzu{' (multiline fields)' if multiline else ''}")

    # Counts per label and type.
    want_nodes, want_edges = expected_counts(document)
    for table, want in sorted(want_nodes.items()):
        got = rows(connection, f"MATCH (n:{table}) RETURN count(n)")[0][0] if table in tables else 0
        if got != want:
            problems.append(f"{table} nodes: {got}, expected {want}")
    for table, want in sorted(want_edges.items()):
        got = rows(connection, f"MATCH ()-[r:{table}]->() RETURN count(r)")[0][0] if table in tables else 0
        if got != want:
            problems.append(f"{table} relationships: {got}, expected {want}")
    print(f"nodes {sum(want_nodes.values())}, relationships {sum(want_edges.values())}: counted per label and type")
    if "Corpus" in tables:
        title = rows(connection, "MATCH (n:Corpus {key: 'corpus'}) RETURN n.title")
        if title != [[document.get("title")]]:
            problems.append(f"the corpus node keyed `corpus` holds {title}")

    # The flags of names, and the editors of each work in order.
    if "Scholar" in tables:
        scholars_of = document.get("scholars", [])
        want = (
            sorted(s["key"] for s in scholars_of if s.get("parts", {}).get("family_first")),
            sorted(s["key"] for s in scholars_of if s.get("literal")),
            len(scholars_of),
        )
        got = (
            [r[0] for r in rows(connection, "MATCH (s:Scholar) WHERE s.family_first RETURN s.key ORDER BY s.key")],
            [r[0] for r in rows(connection, "MATCH (s:Scholar) WHERE s.literal RETURN s.key ORDER BY s.key")],
            rows(
                connection,
                "MATCH (s:Scholar) WHERE NOT s.literal OR s.literal RETURN count(s)",
            )[0][0],
        )
        print(f"family first: {', '.join(got[0]) or 'none'}; cited as written: {', '.join(got[1]) or 'none'}")
        if got != want:
            problems.append(f"name flags: {got}, expected {want}")
    want = {w["key"]: w["editors"] for w in document.get("works", []) if w.get("editors")}
    got = {}
    if "EDITED_BY" in tables:
        query = "MATCH (w:Work)-[r:EDITED_BY]->(s:Scholar) RETURN w.key, s.key ORDER BY w.key, r.position"
        for work, scholar in rows(connection, query):
            got.setdefault(work, []).append(scholar)
    print(f"editors: {got or 'none'}")
    if got != want:
        problems.append(f"editors: {got}, expected {want}")

    # 1. The claims a scholar advances.
    if scholar is not None:
        want = len({
            c["key"] for c in document.get("claims", [])
            for s in c.get("stances", []) if s["scholar"] == scholar and s["stance"] == "advances"
        })
        query = (
            "MATCH (s:Scholar {key: $scholar})-[p:TAKES_POSITION]->(c:Claim) "
            "WHERE p.stance = 'advances' RETURN count(DISTINCT c.key)"
        )
        # A corpus without claims has no Claim table to ask.
        got = rows(connection, query, scholar=scholar)[0][0] if "Claim" in tables else 0
        print(f"1. claims {scholar} advances: {got} (document: {want})")
        if got != want:
            problems.append(f"query 1: {got}, expected {want}")

    # 2. The explanations the claims about an event invoke.
    if event is not None:
        explanation = {c["key"]: c["explanation"] for c in document.get("claims", [])}
        want = sorted({explanation[c["key"]] for c in document.get("claims", []) if event in c["events"]})
        query = (
            "MATCH (x:Explanation)<-[:INVOKES]-(c:Claim)-[:CONCERNS]->(e:Event {key: $event}) "
            "RETURN DISTINCT x.key ORDER BY x.key"
        )
        got = [r[0] for r in rows(connection, query, event=event)] if "Claim" in tables else []
        print(f"2. explanations at {event}: {', '.join(got)} (document: {len(want)})")
        if got != want:
            problems.append(f"query 2: {got}, expected {want}")

    # 3. The attackers of a claim, and how each attacks.
    if attacked is not None:
        want = sorted(attackers[attacked])
        query = (
            "MATCH (a:Claim)-[r:ATTACKS]->(c:Claim {key: $claim}) "
            "RETURN a.key, r.kind ORDER BY a.key"
        )
        got = [tuple(r) for r in rows(connection, query, claim=attacked)]
        shown = ", ".join(f"{key} ({kind})" for key, kind in got)
        print(f"3. attackers of {attacked}: {shown} (document: {len(want)})")
        if got != want:
            problems.append(f"query 3: {got}, expected {want}")

    for problem in problems[:20]:
        print("  " + problem)
    if problems:
        print(f"{len(problems)} problems")
        sys.exit(1)
    print("ok: Kùzu loaded what the command names and answers as the document does")


if __name__ == "__main__":
    main()
