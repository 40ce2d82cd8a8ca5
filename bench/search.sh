#!/usr/bin/env bash
# Search against hostile sizes: a 100 KB query against a 1 MB company file of ~9,000 facts,
# and against one 900 KB fact whose words the query repeats (where substring search cost
# query times text). Compares this build with another rolecmp binary when one is given.
#
#   bash bench/search.sh                          # this build only
#   bash bench/search.sh /path/to/old/rolecmp     # this build and an older one, side by side
#
# Generated files go to bench/target/search/ (git-ignored). Needs hyperfine and python3.
set -euo pipefail

cd "$(dirname "$0")/.."
WORK=$PWD/bench/target/search
OLD=${1:-}
cargo build --release --locked
NEW=${CARGO_TARGET_DIR:-$PWD/target}/release/rolecmp
mkdir -p "$WORK/xdg"
export XDG_DATA_HOME=$WORK/xdg COLUMNS=100
unset ROLECMP_DATA

python3 - "$WORK" <<'PY'
import os, sys
work = sys.argv[1]
sources = ("sources:\n  - id: handbook\n    title: Our handbook\n    kind: internal\n"
           "    description: How we organise.\n")
words = ["platform", "delivery", "budget", "cloud", "vendor", "security", "team", "roadmap",
         "customer", "data", "record", "operations", "quality", "release", "incident"]
def company(name, role):
    os.makedirs(f"{work}/{name}/roles", exist_ok=True)
    open(f"{work}/{name}/sources.yaml", "w").write(sources)
    open(f"{work}/{name}/roles/cto.yaml", "w").write(role)
role, n = "id: cto\nsummary:\n", 0
while len(role) < 1_000_000:
    text = " ".join(words[(n * 7 + k * 3) % len(words)] for k in range(12))
    role += f"  - text: Fact {n} on {text}.\n    sources: [handbook]\n"
    n += 1
company("many", role)
company("huge", "id: cto\nsummary:\n  - text: cloud" + " data" * 180_000
        + "\n    sources: [handbook]\n")
def query(name, vocabulary, last=""):
    q, i = "", 0
    while len(q) < 100_000:
        q += vocabulary[i % len(vocabulary)] + " "
        i += 1
    open(f"{work}/{name}.txt", "w").write(q + last)
query("words", ["platform", "cloud", "records", "vendors", "data", "teams", "quality"])
query("repeated", ["data"], "cloud")
PY

words=$(<"$WORK/words.txt")
repeated=$(<"$WORK/repeated.txt")
args=()
for binary in "$NEW" ${OLD:+"$OLD"}; do
    label=$([[ $binary == "$NEW" ]] && echo new || echo old)
    args+=(-n "$label: built-in, supply chain" "$binary search 'supply chain'")
    args+=(-n "$label: 1 MB, short query" "$binary search 'cloud platform' --data $WORK/many -f csv")
    args+=(-n "$label: 1 MB, 100 KB query" "$binary search '$words' --data $WORK/many -f csv")
    args+=(-n "$label: 900 KB fact, short query" "$binary search 'cloud data' --data $WORK/huge -f csv")
    args+=(-n "$label: 900 KB fact, 100 KB query" "$binary search '$repeated' --data $WORK/huge -f csv")
done
hyperfine -N --warmup 1 --runs 5 --style basic "${args[@]}" --export-markdown "$WORK/results.md"
echo "results: $WORK/results.md"
