#!/usr/bin/env bash
# Writes every picture of the built-in corpus (examples/render.rs), checks
# that Graphviz's dot accepts every DOT file and that every SVG (ours and
# dot's) is well-formed XML, and converts them all to PNG for looking at.
# Not run by CI (it needs Graphviz and librsvg):
#   apt-get install -y graphviz librsvg2-bin
#   tests/dev/render_check.sh [DIRECTORY]        # default target/pictures
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="${1:-target/pictures}"

for tool in dot rsvg-convert python3; do
    command -v "$tool" > /dev/null || { echo "render_check: $tool is missing" >&2; exit 2; }
done

rm -rf "$dir"
cargo run --quiet --example render -- "$dir" > /dev/null

well_formed() {
    python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$1"
}

status=0
count=0
for file in "$dir"/*.dot; do
    out="${file%.dot}.dot.svg"
    if ! dot -Tsvg "$file" -o "$out" 2> "$out.log"; then
        echo "FAIL dot rejects $file:"; cat "$out.log"; status=1; continue
    fi
    if [ -s "$out.log" ]; then
        echo "WARN dot on $file:"; cat "$out.log"
    fi
    rm -f "$out.log"
    well_formed "$out" || { echo "FAIL dot's SVG of $file is not well-formed"; status=1; }
    count=$((count + 1))
done
for file in "$dir"/*.svg; do
    well_formed "$file" || { echo "FAIL $file is not well-formed XML"; status=1; continue; }
    rsvg-convert "$file" -o "${file%.svg}.png" || { echo "FAIL rsvg-convert on $file"; status=1; }
done
[ "$count" -gt 0 ] || { echo "FAIL no DOT file written"; exit 1; }
[ "$status" -eq 0 ] && echo "render_check: $count DOT files accepted by dot; every SVG well-formed; PNGs in $dir"
exit "$status"
