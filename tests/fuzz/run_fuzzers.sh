#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer and UBSan on) and runs each for
# SECONDS on a copy of its corpus in tests/fuzz/corpus/, so the committed seeds stay as they
# are, two at a time (one per core). A crash or a hang fails the script and leaves the input in
# BUILD_DIR/artifacts/. A BUILD_DIR already configured with -DKPI_FUZZ=ON (CI's sanitizer
# build, which also holds the tests) is used as it is.
#
#   tests/fuzz/run_fuzzers.sh [SECONDS] [BUILD_DIR]     (needs clang-14, libclang-rt-14-dev)
set -euo pipefail
seconds=${1:-60}
build=${2:-build-fuzz}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if ! grep -qs '^KPI_FUZZ:BOOL=ON$' "$build/CMakeCache.txt"; then
  CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -DKPI_FUZZ=ON -DKPI_BUILD_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
targets="csv_reader cell_parsers library_loader expression plan_loader scores_loader report_run"
# The fuzz targets alone: the command-line tool and its generated pages are not fuzzed.
# shellcheck disable=SC2046
cmake --build "$build" -j2 --target $(printf 'fuzz_%s ' $targets)
mkdir -p "$build/artifacts" "$build/fuzz-logs"

fuzz() {
  local target=$1 work="$build/corpus/$1"
  rm -rf "$work" && mkdir -p "$work" && cp "$here/corpus/$target/"* "$work/"
  "$build/tests/fuzz/fuzz_$target" "$work" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=4096 -max_len=65536 -artifact_prefix="$build/artifacts/$target-" \
    -print_final_stats=1 >"$build/fuzz-logs/$target.log" 2>&1 || true
}

# Two at a time; each one's summary is printed when its pair is done, so lines do not interleave.
set -- $targets
while [ $# -gt 0 ]; do
  pair="$1" && shift
  if [ $# -gt 0 ]; then pair="$pair $1" && shift; fi
  for target in $pair; do fuzz "$target" & done
  wait
  for target in $pair; do
    echo "fuzz_$target: ${seconds}s"
    grep -E "^(stat::number_of_executed_units|stat::new_units_added|#[0-9]+ +DONE)|ERROR|SUMMARY" \
      "$build/fuzz-logs/$target.log" || true
  done
done

failed=0
for target in $targets; do
  if ls "$build/artifacts/$target-"* >/dev/null 2>&1; then
    echo "fuzz_$target found a failing input: $(ls "$build/artifacts/$target-"*)" >&2
    cat "$build/fuzz-logs/$target.log" >&2  # the sanitizer's report, which only the log holds
    failed=1
  fi
done
exit "$failed"
