#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer and UBSan on) and runs each for
# SECONDS on a copy of its corpus in tests/fuzz/corpus/, so the committed seeds stay as they
# are. A crash or a hang fails the script and leaves the input in BUILD_DIR/artifacts/.
#
#   tests/fuzz/run_fuzzers.sh [SECONDS] [BUILD_DIR]     (needs clang-14, libclang-rt-14-dev)
set -euo pipefail
seconds=${1:-60}
build=${2:-build-fuzz}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -DKPI_FUZZ=ON -DKPI_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets="csv_reader cell_parsers library_loader expression plan_loader scores_loader report_run"
# The fuzz targets alone: the command-line tool and its generated pages are not fuzzed.
# shellcheck disable=SC2046
cmake --build "$build" -j2 --target $(printf 'fuzz_%s ' $targets)
mkdir -p "$build/artifacts"
for target in $targets; do
  work="$build/corpus/$target"
  rm -rf "$work" && mkdir -p "$work" && cp "$here/corpus/$target/"* "$work/"
  echo "fuzz_$target: ${seconds}s"
  "$build/tests/fuzz/fuzz_$target" "$work" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=4096 -max_len=65536 -artifact_prefix="$build/artifacts/$target-" \
    -print_final_stats=1 2>&1 | grep -E "^(stat::number_of_executed_units|stat::new_units_added|#[0-9]+ +DONE)|ERROR|SUMMARY" || true
  if ls "$build/artifacts/$target-"* >/dev/null 2>&1; then
    echo "fuzz_$target found a failing input: $(ls "$build/artifacts/$target-"*)" >&2
    exit 1
  fi
done
