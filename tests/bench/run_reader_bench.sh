#!/usr/bin/env bash
# Generates a 1 M-row export with gen_exports.py (once) and times the reader on it beside
# `wc -l`, the floor for reading and counting lines, and beside fast-cpp-csv-parser's
# LineReader when libfccp-dev is installed (the reader kpi's replaced). Run through
# `cmake --build build --target bench_reader`.
set -euo pipefail
: "${KPI_BENCH_GENERATOR:?path to gen_exports.py}" "${KPI_BENCH_DIR:?output folder}"
: "${READER_BENCH:?path to the reader_bench binary}"
data="$KPI_BENCH_DIR/1m"
if [ ! -f "$data/pos_transactions.csv" ]; then
  mkdir -p "$data"
  python3 "$KPI_BENCH_GENERATOR" --rows 1000000 --out "$data" --jobs 2 --gbk-rows 1000000
fi
for file in pos_transactions.csv pos_gbk.csv; do
  path="$data/$file"
  cat "$path" >/dev/null  # warm the page cache so both runs read from memory
  start=$(date +%s.%N)
  lines=$(wc -l <"$path")
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v l="$lines" -v f="$path" \
    'BEGIN { printf "wc -l:  %s, %d lines in %.3f s\n", f, l, e - s }'
  "$READER_BENCH" "$path"
  # The baseline reads UTF-8 lines without quoted line breaks: the UTF-8 export only.
  if [ -n "${FCCP_BENCH:-}" ] && [ "$file" = pos_transactions.csv ]; then
    "$FCCP_BENCH" "$path"
  fi
done
