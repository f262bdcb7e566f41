#!/usr/bin/env bash
# Runs each cargo-fuzz target for a bounded time (default 60 s) and prints how
# many inputs it executed. cargo-fuzz needs nightly flags; on the stable
# toolchain RUSTC_BOOTSTRAP=1 allows them.
#
#   scripts/fuzz.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
export RUSTC_BOOTSTRAP=1
for target in parse_dataset read_sheet query_string; do
  mkdir -p "fuzz/corpus/$target"
  [ "$target" = parse_dataset ] && cp -n public/data/partnerships.json tests/fixtures/*.json "fuzz/corpus/$target/" 2>/dev/null || true
  # The spreadsheet reader starts from the real-world exports (examples/exports.rs).
  [ "$target" = read_sheet ] && cargo run --quiet --locked --example exports -- "fuzz/corpus/$target"
  echo "==> fuzzing $target for $seconds s"
  cargo fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -max_len=65536 2>&1 | tee "/tmp/fuzz-$target.log" | grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs|ERROR|panicked" || true
done
