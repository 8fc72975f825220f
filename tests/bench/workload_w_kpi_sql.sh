#!/usr/bin/env bash
# Workload W through `kpi sql` on DuckDB, the whole pipeline kpi's warehouse route takes
# (docs/warehouse.md), timed as one by run_workload_bench.py:
#   1. kpi sql writes the measures table's query for workload_w.toml (DuckDB dialect);
#   2. DuckDB runs it in memory through workload_w_duckdb.js (@duckdb/node-api, NODE_PATH), on
#      the view workload_w_kpi_sql_pos.sql makes of the export, and writes the table as CSV;
#   3. kpi values --measures evaluates the KPIs from that table (its CSV on standard output).
#
#   workload_w_kpi_sql.sh KPI EXPORT.csv SCRATCH_FOLDER THREADS
set -euo pipefail
kpi=$1
export_file=$2
scratch=$3
threads=$4
bench=$(cd "$(dirname "$0")" && pwd)
periods=(--period 2025-06 --period 2024-01-01..2025-12-31)
mkdir -p "$scratch"
"$kpi" sql "$bench/workload_w.toml" "${periods[@]}" --dialect duckdb -o "$scratch/query.sql"
{
  cat "$bench/workload_w_kpi_sql_pos.sql"
  echo "COPY ("
  sed '$ s/;[[:space:]]*$//' "$scratch/query.sql"
  echo ") TO {{output}} (HEADER, DELIMITER ',');"
} >"$scratch/run.sql"
node "$bench/workload_w_duckdb.js" "$scratch/run.sql" "$export_file" "$scratch/measures.csv" \
  "$threads"
"$kpi" values "$bench/workload_w.toml" "${periods[@]}" --measures "$scratch/measures.csv" \
  --format csv
