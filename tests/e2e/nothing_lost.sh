#!/usr/bin/env bash
# A report written with -o is complete or absent: a run killed while it reads its exports
# leaves the previous report as it was and no temporary file beside it; two runs on the same
# inputs write byte-identical reports; inputs are not modified.
#
#   nothing_lost.sh KPI_BINARY SOURCE_DIR
set -euo pipefail
kpi=$1
example="$2/examples/clinic"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "nothing_lost: $*" >&2; exit 1; }

# 1. Killed mid-run: the export comes through a pipe that never ends.
echo "the previous report" >"$work/report.csv"
mkfifo "$work/pos.fifo"
"$kpi" report "$example/kpi.toml" --period 2025-06 --format csv \
  --data "pos=$work/pos.fifo" -o "$work/report.csv" 2>/dev/null &
runner=$!
exec 3>"$work/pos.fifo"
head -n 20 "$example/data/pos_2025-06.csv" >&3
sleep 0.5
kill -KILL "$runner"
wait "$runner" 2>/dev/null || true
exec 3>&-
[ "$(cat "$work/report.csv")" = "the previous report" ] || fail "a killed run changed report.csv"
leftovers=$(find "$work" -name '.report.csv.*' | wc -l)
[ "$leftovers" -eq 0 ] || fail "a killed run left $leftovers temporary files"

# 2. A failing run (a missing export) leaves the previous report too.
if "$kpi" report "$example/kpi.toml" --period 2025-06 --data pos=/nonexistent.csv \
  -o "$work/report.csv" 2>/dev/null; then
  fail "a run with a missing export succeeded"
fi
[ "$(cat "$work/report.csv")" = "the previous report" ] || fail "a failed run changed report.csv"

# 3. Complete runs replace it, byte for byte the same each time, and leave the inputs alone.
before=$(cat "$example"/data/* "$example/kpi.toml" "$example/plan.csv" | cksum)
"$kpi" report "$example/kpi.toml" --period 2025-06 --format json -o "$work/first.json"
"$kpi" report "$example/kpi.toml" --period 2025-06 --format json -o "$work/second.json"
cmp -s "$work/first.json" "$work/second.json" || fail "two runs wrote different reports"
after=$(cat "$example"/data/* "$example/kpi.toml" "$example/plan.csv" | cksum)
[ "$before" = "$after" ] || fail "a run modified its inputs"
grep -q '"scorecards"' "$work/first.json" || fail "the report is not complete"
echo "nothing_lost: ok"
