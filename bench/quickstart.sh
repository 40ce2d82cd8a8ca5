#!/usr/bin/env bash
# The README's quick start from a fresh clone, against one cold `cargo build --release` of the
# same clone: is a newcomer's first run and test (two commands) at most 1.3× the one build a
# packager does? Each side gets an empty target folder of its own; crates already downloaded
# to ~/.cargo are reused by both. Expensive (two builds from nothing, one test suite): about
# 15 minutes on an idle 2-core machine, so it is not part of run.sh.
#
#   bash bench/quickstart.sh           # the measurement
#   bash bench/quickstart.sh --check   # seconds: does `cargo test` build anything of
#                                      # `cargo run`'s again? (cargo tree, no build)
#
# Writes bench/target/quickstart.md and prints it; the clone's target folders are removed.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD

# A crate that the test build needs with other features than the run build is compiled again,
# with every crate above it: a test-only crate turning on a feature of a shared one is enough.
if [[ ${1:-} = --check ]]; then
    tree() { cargo tree --locked -e "$1" --prefix none -f '{p} [{f}]'; }
    python3 - <(tree normal,build) <(tree normal,build,dev) <<'PY'
import re, sys
def features(path):
    found = {}
    for line in open(path):
        if m := re.match(r"(\S+ v\S+).*? \[(.*)\]", line.strip()):
            found.setdefault(m.group(1), set()).add(m.group(2))
    return found
run, test = features(sys.argv[1]), features(sys.argv[2])
differ = [name for name in run if name in test and run[name] != test[name]]
for name in differ:
    print(f"{name}: cargo run builds it with {sorted(run[name])}, cargo test with {sorted(test[name])}")
if differ:
    sys.exit("error: cargo test would build these again; ask for the same features in [dependencies]")
print("cargo test reuses every crate cargo run builds")
PY
    exit
fi
WORK=$ROOT/bench/target/quickstart
rm -rf "$WORK"
mkdir -p "$WORK"
git clone --quiet --no-hardlinks "$ROOT" "$WORK/clone"
cd "$WORK/clone"
export CARGO_TERM_COLOR=never
unset ROLECMP_DATA

# GNU time: wall seconds, user and system CPU seconds.
timed() {
    local name=$1
    shift
    /usr/bin/time -f "%e %U %S" -o "$WORK/$name.time" "$@" >"$WORK/$name.log" 2>&1
    printf '%s\t%s\t%s\n' "$name" "$(cat "$WORK/$name.time")" \
        "$(grep -c '^ *Compiling ' "$WORK/$name.log" || true)" >>"$WORK/times.tsv"
}

export CARGO_TARGET_DIR=$WORK/target-release
timed release cargo build --release --locked
# Each target folder is large (0.3 and 1.2 GB): each goes once measured.
rm -rf "$CARGO_TARGET_DIR"

export CARGO_TARGET_DIR=$WORK/target-quickstart
# The README's two commands; the test command in two steps, so that its compiling and its
# running are told apart.
timed run cargo run --locked -- compare cto cio
timed test-build cargo test --locked --no-run
timed test-run cargo test --locked
rm -rf "$CARGO_TARGET_DIR"

python3 - "$WORK" <<'PY'
import sys
from pathlib import Path
work = Path(sys.argv[1])
rows = {}
for line in (work / "times.tsv").read_text().splitlines():
    name, times, compiled = line.split("\t")
    wall, user, system = (float(x) for x in times.split())
    rows[name] = (wall, user + system, int(compiled))
release = rows["release"]
lines = ["| step | wall (s) | CPU (s) | crates compiled |", "| --- | ---: | ---: | ---: |"]
for name, label in [("release", "`cargo build --release --locked`"),
                    ("run", "`cargo run --locked -- compare cto cio`"),
                    ("test-build", "`cargo test --locked`, compiling (`--no-run`)"),
                    ("test-run", "`cargo test --locked`, running the suite")]:
    wall, cpu, compiled = rows[name]
    lines.append(f"| {label} | {wall:.0f} | {cpu:.0f} | {compiled} |")
build = [rows["run"][i] + rows["test-build"][i] for i in (0, 1)]
total = [build[i] + rows["test-run"][i] for i in (0, 1)]
lines += ["",
          f"Quick start, building only (run + test compile) ÷ release build: wall "
          f"{build[0] / release[0]:.2f}×, CPU {build[1] / release[1]:.2f}× (target ≤ 1.3×).",
          f"Quick start with the suite's run ÷ release build: wall {total[0] / release[0]:.2f}×, "
          f"CPU {total[1] / release[1]:.2f}×."]
text = "\n".join(lines) + "\n"
(work.parent / "quickstart.md").write_text(text)
print(text)
PY
