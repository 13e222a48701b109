#!/usr/bin/env python3
"""Checks `Corpus::to_argdown` and `Corpus::from_argdown_json` against the
real Argdown tool, @argdown/cli (installed as a tool, never a dependency):

    mkdir -p /work/tools/argdown && (cd /work/tools/argdown && npm install @argdown/cli@1.7.5)
    cargo build --example argdown
    CARGO_TARGET_DIR=target python3 tests/dev/argdown_check.py \
        --argdown /work/tools/argdown/node_modules/.bin/argdown --corpora 100 --maps 400

For the built-in corpus and seeded random corpora (keys and texts with
quotes, backslashes, braces, markup characters, non-ASCII, control
characters; claims' markup; nested events and variants; stances,
citations, attacks of every kind, supports) it
1. writes the corpus as .argdown with the `argdown` example (`export`),
2. runs `argdown json` on it and fails on any error or warning it prints,
3. reads the JSON back with the example (`import`), fails on anything
   unmapped, and compares the corpus document with the original's;
4. reads the .argdown natively (`read`) and checks it agrees with 3.
With `--maps N` it also writes N random hand-written-style maps (front
matter, headings with data, comments, untitled statements, escapes, tags,
data inline and on the next line, relation trees with every operator,
arguments with and without premise-conclusion structures) and checks that
the native reader gives exactly what the tool's JSON gives (corpus and
unmapped list, or the same error); maps the tool itself refuses are
counted apart.
With `--goldens check` it runs `argdown json` on every hand-written map in
tests/data/argdown/styles/ and fails if the tool's JSON differs from the
golden file beside it, or if the native reader disagrees with it; with
`--goldens write` it writes the tool's JSON there instead (after a change
to a map, or to the tool's version).
Exits 1 on any failure; prints the counts.
"""

import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

STYLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "argdown", "styles")

ALPHABET = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
ODD = list(" ,.;:'\"?!()-/&%$+~=*_#@[]{}<>\\|`^") + [
    "é", "日", "ü", "😀", "\t", "\n", "\x01", "\x7f", "\u2028", "} x", "//", ".x.", ":x:",
    " #tag", "[a]: b", "<a>", "{k: v}", "===", "--", "->", "+>", "\\n",
]
PREFIXES = ["", "é", "k\"", "b\\", "日本-", "a/b.", "x~", "😀", "a b"[:1], "{"]


def text(rng, plain):
    if plain:
        words = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 8))) for _ in range(rng.randint(1, 6))]
        return " ".join(words) + rng.choice(["", ".", "?", "!"])
    out = rng.choice(ALPHABET)
    for _ in range(rng.randint(0, 10)):
        out += rng.choice(ALPHABET + ODD)
    return out


def markup(rng, words, t):
    """A claim's markup: its text emphasised or linked (all of it, or its
    first word) as the reader writes it, or any other text."""
    first, _, rest = words.partition(" ")
    wrap = rng.choice([lambda w: f"*{w}*", lambda w: f"**{w}**",
                       lambda w: f"[{w}](https://example.org/a?b=1)"])
    return rng.choice([wrap(words), wrap(first) + (" " + rest if rest else ""), t()])


def year(rng):
    return rng.choice([rng.randint(1900, 2030), rng.randint(-2**31, 2**31 - 1)])


def date(rng):
    y = rng.randint(1, 9999) if rng.random() < 0.9 else rng.randint(-9999, 9999)
    ys = f"-{-y:04d}" if y < 0 else f"{y:04d}"
    p = rng.randint(0, 4)
    if p == 3:  # a decade or a century: `196X`, `19XX`
        s = ys[:-1] + "X" if rng.random() < 0.7 else ys[:-2] + "XX"
    else:
        s = ys if p in (0, 4) else f"{ys}-{rng.randint(1, 12):02d}" if p == 1 else f"{ys}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return s + ("~" if rng.random() < 0.2 else "")


def maybe(rng, f, p=0.4):
    return f() if rng.random() < p else None


def corpus(rng):
    plain = rng.random() < 0.4
    prefix = "" if plain else rng.choice(PREFIXES)
    key = lambda letter, i: f"{prefix}{letter}{i}"
    t = lambda: text(rng, plain)
    doc = {"version": 1}
    if rng.random() < 0.5:
        doc["title"] = t()
    scholars = [key("s", i) for i in range(rng.randint(0, 4))]
    doc["scholars"] = []
    for k in scholars:
        s = {"key": k, "name": t()}
        for f, g in [("born", lambda: year(rng)), ("died", lambda: year(rng)), ("affiliation", t)]:
            v = maybe(rng, g)
            if v is not None:
                s[f] = v
        doc["scholars"].append(s)
    kinds = ["book", "chapter", "article-journal", "thesis", "report", "manuscript", "document", "webpage", "other"]
    works = [key("w", i) for i in range(rng.randint(0, 4))]
    doc["works"] = []
    for k in works:
        w = {"key": k, "title": t(), "type": rng.choice(kinds)}
        if rng.random() < 0.6:
            w["issued"] = date(rng)
        if scholars:
            w["authors"] = rng.sample(scholars, rng.randint(0, len(scholars)))
        for f in ["container_title", "publisher", "publisher_place", "archive", "archive_location", "note"]:
            v = maybe(rng, t, 0.3)
            if v is not None:
                w[f] = v
        doc["works"].append(w)
    events = [key("e", i) for i in range(rng.randint(1, 5))]
    doc["events"] = []
    for i, k in enumerate(events):
        e = {"key": k, "name": t()}
        if rng.random() < 0.5:
            a, b = sorted([date(rng)[:4].lstrip("-").zfill(4), date(rng)[:4].lstrip("-").zfill(4)])
            e["when"] = rng.choice([date(rng), f"{a}/{b}", f"{a}/.."])
        if i and rng.random() < 0.4:
            e["within"] = rng.choice(events[:i])
        v = maybe(rng, t)
        if v is not None:
            e["description"] = v
        doc["events"].append(e)
    explanations = [key("x", i) for i in range(rng.randint(1, 4))]
    doc["explanations"] = []
    for i, k in enumerate(explanations):
        x = {"key": k, "name": t()}
        if i and rng.random() < 0.4:
            x["variant_of"] = rng.choice(explanations[:i])
        v = maybe(rng, t)
        if v is not None:
            x["description"] = v
        doc["explanations"].append(x)
    evidence = [key("v", i) for i in range(rng.randint(0, 4))]
    ekinds = ["archival_document", "published_primary_source", "memoir", "interview", "secondary_study", "statistic", "press_report", "other"]
    doc["evidence"] = []
    for k in evidence:
        v = {"key": k, "kind": rng.choice(ekinds), "description": t()}
        if works and rng.random() < 0.5:
            v["work"] = rng.choice(works)
        loc = maybe(rng, t)
        if loc is not None:
            v["locator"] = loc
        if rng.random() < 0.4:
            v["date"] = date(rng)
        doc["evidence"].append(v)
    claims = [key("c", i) for i in range(rng.randint(1, 7))]
    doc["claims"] = []
    for k in claims:
        c = {"key": k, "text": t(), "explanation": rng.choice(explanations),
             "events": rng.sample(events, rng.randint(1, len(events)))}
        if rng.random() < 0.3:
            c["markup"] = markup(rng, c["text"], t)
        if rng.random() < 0.3:
            c["polarity"] = "denies"
        if rng.random() < 0.3:
            c["date"] = date(rng)
        elif rng.random() < 0.1:
            c["year"] = rng.randint(-9999, 9999)  # the legacy spelling of `date`
        stances, seen = [], set()
        for _ in range(rng.randint(0, 3)):
            if not scholars:
                break
            s = {"scholar": rng.choice(scholars), "stance": rng.choice(["advances", "endorses", "qualifies", "rejects"])}
            if works and rng.random() < 0.5:
                s["work"] = rng.choice(works)
            if (s["scholar"], s.get("work")) in seen:
                continue
            seen.add((s["scholar"], s.get("work")))
            if rng.random() < 0.3:
                s["year"] = year(rng)
            stances.append(s)
        if stances:
            c["stances"] = stances
        if evidence and rng.random() < 0.5:
            c["cites"] = [{"evidence": e, "bearing": rng.choice(["supports", "undermines"])}
                          for e in rng.sample(evidence, rng.randint(1, len(evidence)))]
        others = [o for o in claims if o != k]
        if others and rng.random() < 0.6:
            c["attacks"] = [{"claim": o, "kind": rng.choice(["rebuts", "undercuts", "undermines"])}
                            for o in rng.sample(others, rng.randint(1, min(3, len(others))))]
        if others and rng.random() < 0.4:
            c["supports"] = rng.sample(others, rng.randint(1, min(2, len(others))))
        doc["claims"].append(c)
    for section in ["scholars", "works", "evidence"]:
        if not doc[section]:
            del doc[section]
    return doc


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def check(example, argdown, source, workdir, name):
    """Returns None when the corpus survives, else what went wrong."""
    canonical = run([example, "canonical", source] if source else [example, "canonical"])
    if canonical.returncode:
        return f"canonical failed: {canonical.stderr}"
    export = run([example, "export", source] if source else [example, "export"])
    if export.returncode:
        return f"export failed: {export.stderr}"
    path = os.path.join(workdir, name + ".argdown")
    with open(path, "w", encoding="utf-8") as f:
        f.write(export.stdout)
    out = os.path.join(workdir, "out")
    tool = run([argdown, "json", path, out])
    said = (tool.stdout + tool.stderr).strip()
    json_path = os.path.join(out, name + ".json")
    if tool.returncode or "Successfully export" not in said or said.count("\n") > 0 or not os.path.exists(json_path):
        return f"argdown json said: {said}"
    back = run([example, "import", json_path])
    if back.returncode:
        return f"import failed: {back.stderr}"
    if back.stderr.strip():
        return f"unmapped: {back.stderr}"
    native = run([example, "read", path])
    if native.returncode or native.stderr.strip() or native.stdout != back.stdout:
        return f"the native reader disagrees with the tool: {native.stderr}"
    if back.stdout != canonical.stdout:
        return "the corpus changed:\n" + "".join(
            f"  - {a}\n  + {b}\n" for a, b in zip(canonical.stdout.splitlines(), back.stdout.splitlines()) if a != b
        )[:2000]
    os.remove(json_path)
    return None


WORDS = ["mao", "moscow", "split", "alliance", "leap", "border", "navy", "interest", "ideology",
         "crisis", "Khrushchev", "Beijing", "1958", "détente", "Lüthi", "power", "fear"]
TITLES = ["Alpha", "Beta", "Gamma claim", "Delta", "Epsilon view", "Zeta", "Eta", "Theta"]
ARGS = ["Arg one", "Arg two", "Rebuttal", "Sceptic"]


def map_text(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 7))]
    if rng.random() < 0.2:
        words.insert(rng.randint(0, len(words)), rng.choice(["\\#not-a-tag", "a\\*b", "x,", "y;", "(z)", "it's", "q?"]))
    if rng.random() < 0.2:
        i = rng.randrange(len(words))
        words[i] = rng.choice(["**{}**", "__{}__", "*{}*", "_{}_", "[{}](https://x.org/a)", "{} :+1:", "{} /* c */"]).format(words[i])
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(["", ".", "!"])


def map_tags(rng):
    out = ""
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        out += " " + rng.choice(["#ideology", "#national-interest", "#(strategic triangle)", "#security", "#x1"])
    return out


def map_data(rng):
    if rng.random() < 0.5:
        return ""
    fields = []
    if rng.random() < 0.7:
        fields.append(f"event: {rng.choice(['split', 'leap', 'crisis-1958'])}")
    if rng.random() < 0.4:
        fields.append(f"scholar: {rng.choice(['luthi', '[luthi, chen]', 'zagoria'])}")
    if rng.random() < 0.3:
        fields.append(f"year: {rng.randint(1960, 2010)}")
    elif rng.random() < 0.2:
        fields.append(f'date: "{rng.choice(["1958", "1958-08", "1960-05-01", "1921~", "-0044-03-15"])}"')
    elif rng.random() < 0.1:
        fields.append(f"date: {rng.randint(1960, 2010)}")
    if rng.random() < 0.1:
        fields.append("polarity: denies")
    if rng.random() < 0.1:
        fields.append('note: "n.24"' if rng.random() < 0.5 else "mood: grim")
    return "{" + ", ".join(fields) + "}"


def map_element(rng, kind, define):
    if kind == "s":
        title = rng.choice(TITLES)
        head = f"[{title}]" + (f": {map_text(rng)}" if define else "")
    else:
        title = rng.choice(ARGS)
        head = f"<{title}>" + (f": {map_text(rng)}" if define else "")
    return head + map_tags(rng), kind


def random_map(rng):
    """A hand-written-style map in the subset both readers share."""
    lines = []
    if rng.random() < 0.3:
        lines += ["===", "model:", "    mode: strict", "===", ""]
    for _ in range(rng.randint(2, 8)):
        block = rng.random()
        if block < 0.15:
            lines.append("#" * rng.randint(1, 3) + " " + map_text(rng) + " " + map_data(rng))
        elif block < 0.25:
            lines.append(rng.choice(["// {}", "/* {} */", "<!-- {} -->", "/*\n  {}\n*/", "<!--\n{}\n-->"]).format(map_text(rng)))
        elif block < 0.4:
            if rng.random() < 0.6:
                lines += [map_element(rng, "a", rng.random() < 0.5)[0], ""]
            steps = rng.randint(2, 5)
            for i in range(steps):
                if i > 0 and (i == steps - 1 or rng.random() < 0.25):
                    lines.append(rng.choice(["----", "-- Modus ponens --", "-- rule, other {uses: [1]} --"]))
                body = map_element(rng, "s", True)[0] if rng.random() < 0.7 else map_text(rng)
                lines.append(f"({i + 1}) {body} {map_data(rng)}".rstrip())
        else:
            text, kind = map_element(rng, rng.choice("ssa"), rng.random() < 0.6)
            data = map_data(rng)
            lines.append(text + (" " + data if data and rng.random() < 0.5 else ""))
            if data and not lines[-1].endswith("}"):
                if rng.random() < 0.3:
                    # The same data in YAML block style, across lines.
                    fields = data[1:-1].split(", ") if data != "{}" else []
                    lines += ["  {"] + ["    " + f for f in fields] + ["  }"]
                else:
                    lines.append("  " + data)
            stack = [(0, kind)]
            for _ in range(rng.randint(0, 5)):
                depth = rng.randint(1, len(stack))
                stack = stack[:depth]
                parent = stack[-1][1]
                ops = ["+", "-", "+>", "->", "<+", "<-"]
                child_kind = rng.choice("ssa")
                if parent == "s" and child_kind == "s":
                    ops.append("><")
                if child_kind == "a":
                    ops.append("_>")
                if parent == "a":
                    ops.append("<_")
                op = rng.choice(ops)
                text, kind = map_element(rng, child_kind, rng.random() < 0.5)
                lines.append("  " * depth + op + " " + text + " " + map_data(rng))
                stack.append((depth, kind))
        lines.append("")
    return "\n".join(lines) + "\n"


def check_map(example, argdown, workdir, name, text):
    """Returns None when the native reader agrees with the tool, else why."""
    path = os.path.join(workdir, name + ".argdown")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    out = os.path.join(workdir, "out")
    tool = run([argdown, "json", path, out])
    said = (tool.stdout + tool.stderr).strip()
    json_path = os.path.join(out, name + ".json")
    if tool.returncode or "Successfully export" not in said or not os.path.exists(json_path):
        return "tool-refused"
    via_tool = run([example, "import", json_path])
    native = run([example, "read", path])
    os.remove(json_path)
    strip = lambda r: (r.returncode, r.stdout, r.stderr.replace(json_path, "F").replace(path, "F").replace("argdown-json", "argdown"))
    if strip(via_tool) != strip(native):
        return f"disagree:\n tool:   {strip(via_tool)[2][:800]}\n native: {strip(native)[2][:800]}\n same corpus: {via_tool.stdout == native.stdout}"
    return None


def check_goldens(example, argdown, workdir, write):
    """Runs the tool on every hand-written map; returns (passed, failed)."""
    passed, failed = 0, 0
    out = os.path.join(workdir, "goldens")
    for path in sorted(glob.glob(os.path.join(STYLES, "*.argdown"))):
        name = os.path.basename(path)[: -len(".argdown")]
        tool = run([argdown, "json", path, out])
        made = os.path.join(out, name + ".json")
        golden = os.path.join(STYLES, name + ".json")
        if tool.returncode or not os.path.exists(made):
            failed += 1
            print(f"styles/{name}: argdown json said: {(tool.stdout + tool.stderr).strip()}")
            continue
        if write:
            shutil.copyfile(made, golden)
        elif not os.path.exists(golden) or open(made, "rb").read() != open(golden, "rb").read():
            failed += 1
            print(f"styles/{name}: the tool's JSON differs from the golden file (rerun with --goldens write)")
            continue
        via_tool = run([example, "import", golden])
        native = run([example, "read", path])
        strip = lambda r: (r.returncode, r.stdout, r.stderr.replace(golden, "F").replace(path, "F").replace("argdown-json", "argdown"))
        if strip(via_tool) != strip(native):
            failed += 1
            print(f"styles/{name}: the native reader disagrees with the tool:\n tool:   {strip(via_tool)[2][:800]}\n native: {strip(native)[2][:800]}")
            continue
        passed += 1
    return passed, failed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--argdown", default="/work/tools/argdown/node_modules/.bin/argdown")
    parser.add_argument("--example", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "debug/examples/argdown"))
    parser.add_argument("--corpora", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--maps", type=int, default=0, help="random hand-written-style maps: native reader vs the tool")
    parser.add_argument("--goldens", choices=["check", "write"], help="the hand-written maps in tests/data/argdown/styles/ against the tool")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    passed, failed = 0, 0
    with tempfile.TemporaryDirectory() as workdir:
        if args.goldens:
            p, f = check_goldens(args.example, args.argdown, workdir, args.goldens == "write")
            passed += p
            failed += f
        cases = [("builtin", None)]
        for i in range(args.corpora):
            path = os.path.join(workdir, f"random{i}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(corpus(rng), f, ensure_ascii=False)
            cases.append((f"random{i}", path))
        for name, source in cases:
            problem = check(args.example, args.argdown, source, workdir, name)
            if problem is None:
                passed += 1
            else:
                failed += 1
                print(f"{name}: {problem}")
                if source:
                    print(open(source, encoding="utf-8").read()[:3000])
        refused = 0
        for i in range(args.maps):
            text = random_map(rng)
            problem = check_map(args.example, args.argdown, workdir, f"map{i}", text)
            if problem is None:
                passed += 1
            elif problem == "tool-refused":
                refused += 1
            else:
                failed += 1
                print(f"map{i}: {problem}\n{text}")
        if args.maps:
            print(f"maps the tool refused (not counted): {refused}")
    print(f"argdown: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
