#!/usr/bin/env bash
# Fuzz the loader for a bounded time (default 120 s): bash fuzz/run.sh [SECONDS]
# Needs the nightly toolchain and cargo-fuzz (installed from crates.io if missing).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-120}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p corpus/load
# Seed the corpus with the real data files, each prefixed with the byte for its kind.
for f in ../data/roles/*.yaml; do { printf '\x03'; cat "$f"; } > "corpus/load/seed-$(basename "$f")"; done
{ printf '\x00'; cat ../data/sources.yaml; } > corpus/load/seed-sources.yaml
{ printf '\x01'; cat ../data/industries.yaml; } > corpus/load/seed-industries.yaml
{ printf '\x02'; cat ../data/areas.yaml; } > corpus/load/seed-areas.yaml
cargo +nightly fuzz run load corpus/load -- -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 2>&1 | tee fuzz.log | tail -n 20
