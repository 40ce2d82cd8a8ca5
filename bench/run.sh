#!/usr/bin/env bash
# Benchmark rolecmp against the floor (a hello-world built the same way), the peer (tealdeer)
# and what a user would otherwise reach for (grep, a bare YAML parse), on the built-in data, on
# a built-in knowledge base three times its size (a second binary) and on synthetic company
# knowledge bases of 100, 1,000 and 10,000 roles; then write the results into BENCHMARKS.md
# between its marker comments and print the targets, met or not. See BENCHMARKS.md.
#
#   bash bench/run.sh            # the full run (about 10 minutes on 2 cores, plus the builds)
#   bash bench/run.sh --quick    # fewer runs per command, for a first look (about 5 minutes)
#   bash bench/run.sh --sizes "100 1000"   # other knowledge-base sizes (default 100 1000 10000)
#
# Everything it builds or generates goes to bench/target/ (git-ignored).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/target
RESULTS=$WORK/results

quick=0
sizes="100 1000 10000"
while (($#)); do
    case $1 in
        --quick) quick=1 ;;
        --sizes) sizes=${2:?--sizes needs a list such as \"100 1000\"}; shift ;;
        -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "error: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done

# Runs per command. Start-up-sized commands (~1 ms) get many runs, since their noise is
# relative to a tiny median; the 10,000-role commands take seconds each, so fewer runs keep
# the whole benchmark within ~15 minutes on a 2-core machine. hyperfine runs each command for
# at least 3 s anyway, so fast commands get hundreds of runs.
if ((quick)); then
    small_runs=(--warmup 3 --min-runs 30)
    large_runs=(--warmup 1 --runs 3)
    rss_runs=3
else
    small_runs=(--warmup 10 --min-runs 100)
    large_runs=(--warmup 2 --min-runs 10)
    rss_runs=5
fi

log() { printf '\n== %s\n' "$*" >&2; }

# --- tools --------------------------------------------------------------------------------
# hyperfine for wall time, GNU time for peak RSS (bash's `time` keyword cannot report memory),
# tealdeer (`tldr`) as the peer: the nearest offline reference CLI, rendering a small page.
# valgrind counts instructions, which load on the machine does not change.
if ! command -v hyperfine >/dev/null || [[ ! -x /usr/bin/time ]] || ! command -v tldr >/dev/null ||
    ! command -v valgrind >/dev/null; then
    if ((EUID != 0)); then
        echo "error: hyperfine, GNU time, tealdeer and valgrind are needed:" \
            "apt-get install -y hyperfine time tealdeer valgrind" >&2
        exit 1
    fi
    log "installing hyperfine, GNU time, tealdeer and valgrind"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine time tealdeer valgrind >/dev/null
fi

mkdir -p "$RESULTS"
rm -f "$RESULTS"/*

# --- builds -------------------------------------------------------------------------------
# One build at a time: on 2 cores a parallel build would only slow both down. The floor and
# the bare parser have their own target dirs so they never invalidate rolecmp's build cache.
log "building rolecmp, the floor and the bare parser (release profile: lto, codegen-units=1, strip)"
cargo build --release --locked
cargo build --release --locked --manifest-path bench/floor/Cargo.toml --target-dir "$WORK/floor"
cargo build --release --locked --manifest-path bench/bare-parse/Cargo.toml \
    --target-dir "$WORK/bare-parse"
target_dir=${CARGO_TARGET_DIR:-target}
[[ $target_dir = /* ]] || target_dir=$ROOT/$target_dir
ROLECMP=$target_dir/release/rolecmp
FLOOR=$WORK/floor/release/floor
BARE=$WORK/bare-parse/release/bare-parse

# The same rolecmp built over a knowledge base three times today's (every role, source and
# stored source text three times, under other names): the data grows, the targets stay.
# build.rs reads ROLECMP_BUILTIN_DATA; its own target dir keeps rolecmp's build untouched.
log "building rolecmp over a built-in knowledge base three times the size of data/"
python3 bench/builtin_copies.py --copies 3 "$WORK/builtin-3x" >"$RESULTS/builtin-3x.meta.json"
ROLECMP_BUILTIN_DATA=$WORK/builtin-3x cargo build --release --locked --target-dir "$WORK/rolecmp-3x"
ROLECMP_3X=$WORK/rolecmp-3x/release/rolecmp

# --- environment --------------------------------------------------------------------------
# Measure only the data we pass: no personal roles folder, no ROLECMP_DATA. Fixed width so
# table layout (and so the work done) is the same whatever terminal runs the script.
mkdir -p "$WORK/empty-xdg"
export XDG_DATA_HOME=$WORK/empty-xdg
unset ROLECMP_DATA
export COLUMNS=100
# Other jobs on the machine skew every number; record the load so the report can say so.
cut -d' ' -f1-3 /proc/loadavg >"$RESULTS/load-before.txt"
if awk -v cpus="$(nproc)" '{ exit !($1 > cpus / 2) }' /proc/loadavg; then
    echo "warning: load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) CPUs:" \
        "other jobs are running, expect noisy numbers" >&2
fi

q() { printf '%q' "$1"; } # quote a path for hyperfine's and eval's word splitting

# --- measuring ----------------------------------------------------------------------------
# A set of benchmarks is collected with `add NAME COMMAND`, then `measure SET RUNS...` times
# them side by side in one hyperfine run (so ratios between them come from the same moment)
# and takes each one's peak RSS with GNU time, keeping the median of several runs.
names=()
commands=()
add() { names+=("$1"); commands+=("$2"); }

measure() {
    local set=$1
    shift
    local args=() i
    for i in "${!names[@]}"; do
        args+=(-n "${names[$i]}" "${commands[$i]}")
        printf '%s\t%s\n' "${names[$i]}" "${commands[$i]}" >>"$RESULTS/$set.commands.tsv"
    done
    log "timing $set (${#names[@]} commands)"
    # -N: no intermediate shell, so a ~1 ms command is not measured through a shell's start-up.
    # Output goes to /dev/null (hyperfine's default). A failing command fails the benchmark.
    hyperfine -N --style basic "$@" --export-json "$RESULTS/$set.json" "${args[@]}" >&2
    log "peak RSS of $set ($rss_runs runs each)"
    local kb file=$WORK/rss.tmp
    for i in "${!names[@]}"; do
        kb=()
        for ((run = 0; run < rss_runs; run++)); do
            eval "/usr/bin/time -f %M -o $(q "$file") ${commands[$i]}" >/dev/null 2>&1
            kb+=("$(tail -1 "$file")")
        done
        printf '%s\t%s\n' "${names[$i]}" "${kb[*]}" >>"$RESULTS/$set.rss.tsv"
    done
    # Instructions, which other jobs on the machine do not change (cachegrind, one run each;
    # a few seconds per command, so only for the start-up-sized set).
    if [[ $set = builtin ]]; then
        log "instructions of $set (cachegrind)"
        for i in "${!names[@]}"; do
            eval "valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
                --log-file=$(q "$file") ${commands[$i]}" >/dev/null 2>&1
            printf '%s\t%s\n' "${names[$i]}" \
                "$(sed -n 's/.*I *refs: *//p' "$file" | tr -d ,)" >>"$RESULTS/$set.instructions.tsv"
        done
    fi
    names=()
    commands=()
}

# --- 1. the built-in knowledge base against the floor and the peer ------------------------
# The peer renders a small page from a file, so it reads no cache and touches no network.
PAGE=$WORK/peer-page.md
cat >"$PAGE" <<'PAGE'
# tar

> Archiving utility.
> More information: <https://www.gnu.org/software/tar>.

- Create an archive from files:

`tar cf {{target.tar}} {{file1}} {{file2}}`

- Extract an archive in the current directory:

`tar xf {{source.tar}}`

- List the contents of an archive:

`tar tvf {{source.tar}}`
PAGE
add "floor (hello world)" "$(q "$FLOOR")"
add "peer: tealdeer tldr --render page.md" "tldr --render $(q "$PAGE")"
add "rolecmp compare cto cio" "$(q "$ROLECMP") compare cto cio"
# Once `compare` has a short default, `--full` is what `compare` printed before: time both.
if "$ROLECMP" compare cto cio --full >/dev/null 2>&1; then
    add "rolecmp compare cto cio --full" "$(q "$ROLECMP") compare cto cio --full"
fi
add "rolecmp show cio --industry healthcare" "$(q "$ROLECMP") show cio --industry healthcare"
add "rolecmp search security" "$(q "$ROLECMP") search security"
add "rolecmp list" "$(q "$ROLECMP") list"
# The same queries over three times the data, in the same run, so they share its floor and peer.
add "rolecmp-3x compare cto cio" "$(q "$ROLECMP_3X") compare cto cio"
if "$ROLECMP_3X" compare cto cio --full >/dev/null 2>&1; then
    add "rolecmp-3x compare cto cio --full" "$(q "$ROLECMP_3X") compare cto cio --full"
fi
add "rolecmp-3x show cio --industry healthcare" "$(q "$ROLECMP_3X") show cio --industry healthcare"
add "rolecmp-3x search security" "$(q "$ROLECMP_3X") search security"
add "rolecmp-3x list" "$(q "$ROLECMP_3X") list"
measure builtin "${small_runs[@]}"

# Sizes on disk of what was timed: the binaries as built (stripped, as the release profile
# says), and the peer's as Debian ships it.
{
    printf 'floor (hello world)\t%s\n' "$(stat -c %s "$FLOOR")"
    printf 'peer: tealdeer\t%s\n' "$(stat -c %s "$(command -v tldr)")"
    printf 'rolecmp\t%s\n' "$(stat -c %s "$ROLECMP")"
    printf 'rolecmp-3x\t%s\n' "$(stat -c %s "$ROLECMP_3X")"
} >"$RESULTS/sizes.tsv"

# --- 2. company knowledge bases of growing size -------------------------------------------
# What the generator wrote (ids to query, planted terms), one field of its JSON line.
meta() {
    python3 -c 'import json, sys
value = json.load(open(sys.argv[1]))[sys.argv[2]]
print(" ".join(value) if isinstance(value, list) else value)' "$RESULTS/kb-$n.meta.json" "$1"
}

for n in $sizes; do
    kb=$WORK/kb-$n
    log "generating $n roles into ${kb#"$ROOT"/}"
    python3 bench/generate.py --roles "$n" --seed 5 "$kb" >"$RESULTS/kb-$n.meta.json"
    show=$(meta show)
    compare=$(meta compare)
    rare=$(meta rare_term)
    common=$(meta common_term)
    rare_roles=$(meta rare_roles)

    # The benchmark is only meaningful on valid data that holds what the generator promised.
    "$ROLECMP" validate "$kb" >/dev/null
    found=$({ grep -ril "$rare" "$kb" || true; } | wc -l) # no match is reported below, not by set -e
    listed=$("$ROLECMP" search "$rare" --data "$kb" --format json |
        python3 -c 'import json,sys; print(len(json.load(sys.stdin)["roles"]))')
    if [[ $found != "$rare_roles" || $listed != "$rare_roles" ]]; then
        echo "error: '$rare' should be in $rare_roles roles; grep finds $found, rolecmp $listed" >&2
        exit 1
    fi

    # Names are the same at every size (RARE, COMMON, ROLE, DIR stand for this size's values)
    # so the report can line the sizes up; commands.tsv keeps the exact command lines.
    data="--data $(q "$kb")"
    add "rolecmp show cio (built-in data only)" "$(q "$ROLECMP") show cio"
    add "rolecmp show cio --data DIR" "$(q "$ROLECMP") show cio $data"
    add "rolecmp show ROLE --data DIR" "$(q "$ROLECMP") show $show $data"
    add "rolecmp compare ROLE x10 --data DIR" "$(q "$ROLECMP") compare $compare $data"
    add "rolecmp search RARE --data DIR" "$(q "$ROLECMP") search $rare $data"
    add "rolecmp search COMMON --data DIR" "$(q "$ROLECMP") search $common $data"
    add "rolecmp validate DIR" "$(q "$ROLECMP") validate $(q "$kb")"
    add "grep -ril RARE DIR" "grep -ril $rare $(q "$kb")"
    add "grep -ril COMMON DIR" "grep -ril $common $(q "$kb")"
    add "bare-parse DIR" "$(q "$BARE") $(q "$kb")"
    if ((n >= 10000)); then
        measure "kb-$n" "${large_runs[@]}"
    else
        measure "kb-$n" "${small_runs[@]}"
    fi
done

cut -d' ' -f1-3 /proc/loadavg >"$RESULTS/load-after.txt"

# --- 3. the report ------------------------------------------------------------------------
log "writing the report"
# report.py prints the targets, each met or not, and writes every table.
python3 bench/report.py --results "$RESULTS" --root "$ROOT" --quick "$quick" \
    --out "$WORK/results.md" --splice BENCHMARKS.md
echo "results: ${WORK#"$ROOT"/}/results.md, spliced into BENCHMARKS.md" >&2
