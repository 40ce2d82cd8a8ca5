#!/usr/bin/env bash
# Hostile input sizes against normal inputs of about the same size, on the release build: each
# hostile input once cost time growing with the square of its size. Reports each hostile
# input's time as a multiple of its normal one, measured in the same run, and exits 1 when one
# is over LIMIT (default 20, the margin the size tests had when they were timed in the suite).
# A hostile input is also run at half its size: doubling it may cost at most GROWTH (default
# 3) times as much, where linear work gives 2 and quadratic 4.
# The test suite checks the same growth by counting instructions at small sizes
# (tests/cli/costs.rs); search's hostile sizes are in bench/search.sh.
#
#   bash bench/hostile.sh              # build, generate, measure (about 2 minutes on 2 cores)
#   LIMIT=10 bash bench/hostile.sh     # a tighter margin
#
# Generated files go to bench/target/hostile/ (git-ignored). Needs hyperfine and python3.
set -euo pipefail

cd "$(dirname "$0")/.."
WORK=$PWD/bench/target/hostile
LIMIT=${LIMIT:-20}
GROWTH=${GROWTH:-3}
cargo build --release --locked
BIN=${CARGO_TARGET_DIR:-$PWD/target}/release/rolecmp
rm -rf "$WORK"
mkdir -p "$WORK/xdg"
# Nothing of the user's may change what is measured.
export XDG_DATA_HOME=$WORK/xdg COLUMNS=100
unset ROLECMP_DATA

python3 - "$WORK" <<'PY'
import os, sys
work = sys.argv[1]
handbook = ("sources:\n  - id: handbook\n    title: Our handbook\n    kind: internal\n"
            "    description: How we organise.\n")
def folder(name, files):
    os.makedirs(f"{work}/{name}", exist_ok=True)
    for path, text in files.items():
        open(f"{work}/{name}/{path}", "w").write(text)

# 8,000 sources with 60-character ids, and a role citing 8,000 of them (normal) or 8,000
# unknown ones (hostile): each unknown id once got a did-you-mean against every known id.
ident = lambda prefix, i: f"{prefix}{i:0>59}"
sources = "sources:\n" + "".join(
    f"  - {{id: {ident('s', i)}, title: t, kind: article, description: d}}\n" for i in range(8000))
citing = lambda prefix: "id: x\ntitle: X\nsummary:\n" + "".join(
    f"  - {{text: t, sources: [{ident(prefix, i)}]}}\n" for i in range(8000))
folder("ids-normal", {"sources.yaml": sources, "x.yaml": citing("s")})
folder("ids-hostile", {"sources.yaml": sources, "x.yaml": citing("u")})

# A role with 60,000 responsibilities, one per area (hostile: they merge by area, which once
# searched a list for each), against a role with as many aliases, which nothing merges.
half = 30_000
areas = lambda start: "areas:\n" + "".join(
    f"  - {{id: a{i}, label: L}}\n" for i in range(start, start + half))
listed = lambda key: "".join(f"  - {key}a{i}\n" for i in range(2 * half))
folder("areas-vocabulary", {"sources.yaml": handbook, "areas.yaml": areas(0)})
folder("areas-normal", {"areas.yaml": areas(half), "x.yaml": "id: x\ntitle: X\naliases:\n" + listed("")})
folder("areas-hostile", {"areas.yaml": areas(half),
                         "x.yaml": "id: x\ntitle: X\nresponsibilities:\n" + listed("area: ")})
# The same at half the size, for the growth of a doubling.
quarter = half // 2
folder("areas-half-vocabulary", {"sources.yaml": handbook, "areas.yaml": "areas:\n" + "".join(
    f"  - {{id: a{i}, label: L}}\n" for i in range(quarter))})
folder("areas-half", {"areas.yaml": "areas:\n" + "".join(
    f"  - {{id: a{i}, label: L}}\n" for i in range(quarter, half)),
    "x.yaml": "id: x\ntitle: X\nresponsibilities:\n" + "".join(f"  - area: a{i}\n" for i in range(half))})

# A table cell holding one word of 800,000 characters (comfy-table once copied the rest of a
# long word for every line), against as many characters of short words.
fact = lambda text: ("id: x\ntitle: X\nsummary:\n  - text: S.\n    sources: [handbook]\n"
                     "industries:\n  - industry: healthcare\n    facts:\n"
                     f"      - text: {text}\n        sources: [handbook]\n")
folder("word-normal", {"sources.yaml": handbook, "x.yaml": fact("word " * 160_000)})
folder("word-hostile", {"sources.yaml": handbook, "x.yaml": fact("w" * 800_000)})
folder("word-half", {"sources.yaml": handbook, "x.yaml": fact("w" * 400_000)})
PY

W=$WORK
pairs=(
    "8,000 unknown ids|$BIN validate $W/ids-normal|$BIN validate $W/ids-hostile"
    "60,000 areas, validate|$BIN validate $W/areas-vocabulary $W/areas-normal|$BIN validate $W/areas-vocabulary $W/areas-hostile"
    "60,000 areas, compare|$BIN compare x cto -f json --data $W/areas-vocabulary --data $W/areas-normal|$BIN compare x cto -f json --data $W/areas-vocabulary --data $W/areas-hostile"
    "800,000-character word|$BIN show x -s industries --data $W/word-normal|$BIN show x -s industries --data $W/word-hostile"
)
# Half the hostile size, then the hostile size: the growth of one doubling.
doublings=(
    "60,000 areas, validate|$BIN validate $W/areas-half-vocabulary $W/areas-half|$BIN validate $W/areas-vocabulary $W/areas-hostile"
    "60,000 areas, compare|$BIN compare x cto -f json --data $W/areas-half-vocabulary --data $W/areas-half|$BIN compare x cto -f json --data $W/areas-vocabulary --data $W/areas-hostile"
    "800,000-character word|$BIN show x -s industries --data $W/word-half|$BIN show x -s industries --data $W/word-hostile"
)
args=()
for pair in "${pairs[@]}"; do
    IFS='|' read -r name normal hostile <<<"$pair"
    # validate exits 1 on the problems it reports; only the time matters here.
    args+=(-n "$name: normal" "$normal" -n "$name: hostile" "$hostile")
done
for pair in "${doublings[@]}"; do
    IFS='|' read -r name half full <<<"$pair"
    args+=(-n "$name: half" "$half" -n "$name: doubled" "$full")
done
hyperfine -N -i --warmup 1 --runs 5 --style basic "${args[@]}" \
    --export-json "$WORK/results.json" --export-markdown "$WORK/results.md"

python3 - "$WORK/results.json" "$LIMIT" "$GROWTH" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
limits = {"hostile": float(sys.argv[2]), "doubled": float(sys.argv[3])}
over = False
print(f"\n{'input':<28} {'baseline':>10} {'measured':>10} {'ratio':>7}  against")
for base, measured in zip(results[::2], results[1::2]):
    name, kind = measured["command"].rsplit(": ", 1)
    ratio = measured["median"] / base["median"]
    limit = limits[kind]
    over |= ratio > limit
    against = "a normal input" if kind == "hostile" else "half the size"
    flag = f"  OVER {limit:g}x" if ratio > limit else ""
    print(f"{name:<28} {base['median'] * 1000:>8.1f}ms {measured['median'] * 1000:>8.1f}ms "
          f"{ratio:>6.2f}x  {against}{flag}")
print(f"\nlimits: {limits['hostile']:g}x a normal input, {limits['doubled']:g}x half the size; "
      f"raw results: {sys.argv[1]}")
sys.exit(1 if over else 0)
PY
