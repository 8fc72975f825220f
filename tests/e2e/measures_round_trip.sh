#!/usr/bin/env bash
# The measures table holds everything the formulas read: for each example and period, kpi's own
# table (--emit-measures) read back with --measures gives `kpi values --format json` byte for
# byte (whole and by store), and `kpi report --format json` byte for byte the JSON
# measures_report_expected.sh says: the native report's, but for the files read (the table, and
# the exports of the sales example's alerts). The table goes through standard input once
# (--measures -).
#
#   measures_round_trip.sh KPI_BINARY REPOSITORY_ROOT
set -uo pipefail
kpi=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "measures_round_trip: $*" >&2; exit 1; }
# shellcheck source=tests/e2e/measures_report_expected.sh
source "$(dirname "$0")/measures_report_expected.sh"

checked=0
for example in clinic beauty sales; do
  cd "$root/examples/$example" || fail "no example $example"
  for period in 2025-06 2025-Q2 2025-06-15; do
    by_options=("" "--by store")
    [ "$example" = sales ] && by_options=("" "--by region")
    for by in "${by_options[@]}"; do
      # shellcheck disable=SC2086  # $by is one option and its value, or nothing
      "$kpi" values --period "$period" $by --format json >"$work/native.json" 2>/dev/null ||
        fail "$example $period $by: kpi values failed"
      # shellcheck disable=SC2086
      "$kpi" values --period "$period" $by --emit-measures -o "$work/measures.csv" ||
        fail "$example $period $by: --emit-measures failed"
      # shellcheck disable=SC2086
      "$kpi" values --period "$period" $by --format json --measures - <"$work/measures.csv" \
        >"$work/table.json" || fail "$example $period $by: --measures - failed"
      cmp -s "$work/native.json" "$work/table.json" ||
        fail "$example values $period $by: differs: $(diff "$work/native.json" "$work/table.json" | head -5)"
      checked=$((checked + 1))
    done
    "$kpi" report --period "$period" --format json >"$work/native.json" 2>/dev/null ||
      fail "$example $period: kpi report failed"
    "$kpi" report --period "$period" --emit-measures -o "$work/measures.csv" ||
      fail "$example $period: report --emit-measures failed"
    "$kpi" report --period "$period" --format json --measures "$work/measures.csv" \
      >"$work/table.json" || fail "$example $period: report --measures failed"
    grep -q '"scorecards":\[$' "$work/native.json" || fail "$example $period: no scorecards"
    alert_sources=""
    [ "$example" = sales ] && alert_sources="customers orders leads"  # region is a lookup
    expected_measures_report "$work/native.json" "$work/measures.csv" "$alert_sources" \
      >"$work/expected.json"
    cmp -s "$work/expected.json" "$work/table.json" ||
      fail "$example report $period: differs: $(diff "$work/expected.json" "$work/table.json" | head -5)"
    checked=$((checked + 1))
  done
done
[ "$checked" -eq 27 ] || fail "checked $checked runs, expected 27"
echo "measures_round_trip: $checked runs identical"
