#!/usr/bin/env bash
# Fuzz loading and rendering for a bounded time (default 120 s): bash fuzz/run.sh [SECONDS]
# Needs a nightly toolchain and cargo-fuzz (installed from crates.io if missing), and bash,
# zsh and fish, which the target hands the completion scripts it generates to.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-120}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for shell in bash zsh fish; do
  command -v "$shell" >/dev/null || { echo "fuzz/run.sh: $shell is needed" >&2; exit 1; }
done
mkdir -p corpus/load
# Seed the corpus with the real data files, each prefixed with the byte for its kind.
for f in ../data/roles/*.yaml; do { printf '\x03'; cat "$f"; } > "corpus/load/seed-$(basename "$f")"; done
{ printf '\x00'; cat ../data/sources.yaml; } > corpus/load/seed-sources.yaml
{ printf '\x01'; cat ../data/industries.yaml; } > corpus/load/seed-industries.yaml
{ printf '\x02'; cat ../data/areas.yaml; } > corpus/load/seed-areas.yaml
cargo +nightly fuzz run load corpus/load -- -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 2>&1 | tee fuzz.log | tail -n 20
