#!/usr/bin/env bash
# Search against hostile sizes: a 100 KB query against a 1 MB company file of ~9,000 facts,
# and against one 900 KB fact whose words the query repeats (where substring search cost
# query times text); a glossary entry with 3,000 expansions and a role with 3,000 aliases
# (whose synonyms once cost their cube); 12,000 quoted phrases over 3 MB of facts that each
# hold them all (a substring search per phrase per fact). Compares this build with another
# rolecmp binary when one is given; a binary from before `search WORDS…` gets the phrases as
# one argument, which the kernel refuses past 128 KB, so it skips the 12,000 phrases.
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
role, n = "id: cto\nextends: builtin\nsummary:\n", 0
while len(role) < 1_000_000:
    text = " ".join(words[(n * 7 + k * 3) % len(words)] for k in range(12))
    role += f"  - text: Fact {n} on {text}.\n    sources: [handbook]\n"
    n += 1
company("many", role)
company("huge", "id: cto\nextends: builtin\nsummary:\n  - text: cloud" + " data" * 180_000
        + "\n    sources: [handbook]\n")
def query(name, vocabulary, last=""):
    q, i = "", 0
    while len(q) < 100_000:
        q += vocabulary[i % len(vocabulary)] + " "
        i += 1
    open(f"{work}/{name}.txt", "w").write(q + last)
query("words", ["platform", "cloud", "records", "vendors", "data", "teams", "quality"])
query("repeated", ["data"], "cloud")
small = "id: cto\ntitle: X\nsummary:\n  - text: The KPI of the platform head.\n    sources: [handbook]\n"
expansions = ", ".join(f"key performance indicator {i}" for i in range(3000))
company("glossary", small)
open(f"{work}/glossary/glossary.yaml", "w").write(
    f"glossary:\n  - id: kpi\n    term: KPI\n    expansions: [{expansions}]\n    sources: [handbook]\n")
aliases = ", ".join(f"Platform head {i}" for i in range(3000))
company("aliases", small.replace("title: X\n", f"title: X\naliases: [{aliases}]\n"))
def phrases(name, count, facts):
    phrases = [f"w{i} w{i + 1}" for i in range(count)]
    text = " ".join(phrases)
    per_file = max(1, 900_000 // (len(text) + 40))
    os.makedirs(f"{work}/{name}", exist_ok=True)
    open(f"{work}/{name}/sources.yaml", "w").write(sources)
    for start in range(0, facts, per_file):
        body = "".join(f"  - text: {text}\n    sources: [handbook]\n"
                       for _ in range(start, min(facts, start + per_file)))
        open(f"{work}/{name}/r{start}.yaml", "w").write(f"id: r{start}\ntitle: R{start}\nsummary:\n{body}")
    # One argument per phrase, its quote marks kept, in a script: a command line of 12,000
    # phrases is too long for one argument of hyperfine's.
    arguments = " ".join(f"'\"{p}\"'" for p in phrases)
    open(f"{work}/{name}.sh", "w").write(
        f'exec "$1" search {arguments} --no-builtin --data {work}/{name} -f csv\n')
    open(f"{work}/{name}.one", "w").write(" ".join(f'"{p}"' for p in phrases))
phrases("phrases3k", 3000, 20)
phrases("phrases12k", 12000, 20)
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

# The hostile vocabularies and phrases: few runs, since an older binary takes tens of seconds.
args=()
for binary in "$NEW" ${OLD:+"$OLD"}; do
    label=$([[ $binary == "$NEW" ]] && echo new || echo old)
    args+=(-n "$label: glossary entry, 3,000 expansions" "$binary search KPI --data $WORK/glossary -f csv")
    args+=(-n "$label: role, 3,000 aliases" "$binary search 'platform head' --data $WORK/aliases -f csv")
    if [[ $binary == "$NEW" ]]; then
        args+=(-n "$label: 3,000 phrases over 0.7 MB" "bash $WORK/phrases3k.sh $binary")
        args+=(-n "$label: 12,000 phrases over 3 MB" "bash $WORK/phrases12k.sh $binary")
    else
        args+=(-n "$label: 3,000 phrases over 0.7 MB" "$binary search '$(<"$WORK/phrases3k.one")' --no-builtin --data $WORK/phrases3k -f csv")
    fi
done
hyperfine -N --warmup 0 --runs 2 --style basic "${args[@]}" --export-markdown "$WORK/hostile.md"
echo "results: $WORK/results.md $WORK/hostile.md"
