#!/usr/bin/env python3
"""Formats `Corpus::to_csl_json` with a real CSL processor, citeproc-py,
and compares the bibliography and citations with the committed golden
output, so that a change to the CSL export that changes what a style
prints shows up as a diff a person can read ("Jian, C." instead of
"Chen, J.", editors printed as authors, "[Preprint]" for an article
whose volume was only in its note).

Run it (citeproc-py installed as a tool, never a dependency):

    python3 -m venv /tmp/citeproc && /tmp/citeproc/bin/pip install citeproc-py==0.11.1
    /tmp/citeproc/bin/python tests/dev/csl_citeproc_check.py          # check
    /tmp/citeproc/bin/python tests/dev/csl_citeproc_check.py --bless  # rewrite the goldens

For each corpus (the built-in one, and tests/data/csl/bibliography.corpus.json
with family-first names, particles, an institution, editors and
translators) it writes the CSL-JSON with `cargo run --example csl --
export`, formats every item's bibliography entry and citation in each
style, and compares the text with tests/data/csl/citeproc/<corpus>.<style>.txt.
citeproc-py does not know CSL-JSON's `static-ordering` (a family-first
name): it prints such a name inverted like any other (`Chen, J.`, the
family name right), and its warning about the field is silenced here.
The styles are those bundled with citeproc-py (harvard-cite-them-right,
the style once called harvard1; the package bundles no APA or Chicago),
and any given with --style PATH.CSL. Exits 1 on any difference, and
prints it.
"""

import argparse
import difflib
import glob
import json
import os
import subprocess
import sys
import warnings

from citeproc import (Citation, CitationItem, CitationStylesBibliography,
                      CitationStylesStyle, formatter)
from citeproc.source.json import CiteProcJSON
import citeproc

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(ROOT, "tests", "data", "csl", "citeproc")
CORPORA = {
    "sino-soviet-split": None,
    "bibliography": os.path.join("tests", "data", "csl", "bibliography.corpus.json"),
}


def export(corpus):
    """The CSL-JSON of a corpus, through the crate's example."""
    args = ["cargo", "run", "-q", "--example", "csl", "--", "export"]
    if corpus:
        args.append(corpus)
    out = subprocess.run(args, cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def bundled_styles():
    data = os.path.join(os.path.dirname(citeproc.__file__), "data", "styles")
    return sorted(glob.glob(os.path.join(data, "*.csl")))


def render(items, style_path):
    """Each item's citation, then the bibliography, as plain text."""
    source = CiteProcJSON(items)
    style = CitationStylesStyle(style_path, validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    citations = [Citation([CitationItem(item["id"])]) for item in items]
    for citation in citations:
        bibliography.register(citation)
    lines = ["# citations"]
    for item, citation in zip(items, citations):
        text = bibliography.cite(citation, lambda _item: None)
        lines.append(f"{item['id']}: {text}")
    lines.append("")
    lines.append("# bibliography")
    lines.extend(str(entry) for entry in bibliography.bibliography())
    return "\n".join(lines) + "\n"


def main():
    warnings.filterwarnings("ignore", message=".*unsupported: static-ordering")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bless", action="store_true", help="rewrite the golden files")
    parser.add_argument("--style", action="append", default=[], help="another CSL style file")
    args = parser.parse_args()
    styles = bundled_styles() + args.style
    if not styles:
        sys.exit("citeproc-py bundles no style: give one with --style")
    os.makedirs(GOLDEN, exist_ok=True)
    failures = 0
    for name, corpus in CORPORA.items():
        items = export(corpus)
        for style in styles:
            style_name = os.path.splitext(os.path.basename(style))[0]
            path = os.path.join(GOLDEN, f"{name}.{style_name}.txt")
            text = render(items, style)
            if args.bless:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                print(f"wrote {os.path.relpath(path, ROOT)}")
                continue
            try:
                with open(path, encoding="utf-8") as f:
                    expected = f.read()
            except FileNotFoundError:
                print(f"{os.path.relpath(path, ROOT)}: missing (run with --bless)")
                failures += 1
                continue
            if text != expected:
                failures += 1
                sys.stdout.writelines(difflib.unified_diff(
                    expected.splitlines(True), text.splitlines(True),
                    os.path.relpath(path, ROOT), "citeproc-py"))
            else:
                print(f"ok {os.path.relpath(path, ROOT)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
