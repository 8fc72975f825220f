#!/usr/bin/env bash
# kpi list is exact: for each per-entity measure of the clinic example that counts its keys
# (lost, new and repeat buyers), in several periods, whole and by store, the number of keys
# `kpi list` gives equals the measure's value from `kpi values`.
#
#   list_matches_values.sh KPI_BINARY REPOSITORY_ROOT
set -uo pipefail
kpi=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "list_matches_values: $*" >&2; exit 1; }

# The clinic's library with a KPI for each measure, reading the example's exports.
ln -s "$root/examples/clinic/data" "$work/data"
{
  cat "$root/examples/clinic/kpi.toml"
  for measure in lost_buyers repeat_members new_buyers; do
    printf '\n[kpis.count_%s]\nname = "count_%s"\nformula = "%s"\n' "$measure" "$measure" "$measure"
  done
} > "$work/kpi.toml"
cd "$work" || exit 1

checked=0
for period in 2024-12 2025-03 2025-06 2025-Q2; do
  for by in "" store; do
    by_option=()
    [[ -n $by ]] && by_option=(--by "$by")
    values=$("$kpi" values --period "$period" "${by_option[@]}" --format csv) ||
      fail "kpi values --period $period ${by_option[*]} failed"
    for measure in lost_buyers repeat_members new_buyers; do
      listed=$("$kpi" list "$measure" --period "$period" "${by_option[@]}" --format csv) ||
        fail "kpi list $measure --period $period ${by_option[*]} failed"
      # values: kpi,name,period,by,value,unit; list: [store,]member,rows,…
      expected=$(awk -F, -v kpi="count_$measure" '$1 == kpi && $5 != "" {
          print ($4 == "" ? "" : $4) "=" $5 }' <<<"$values" | sort)
      if [[ -n $by ]]; then
        actual=$(tail -n +2 <<<"$listed" | cut -d, -f1 | sort | uniq -c |
          awk '{ print $2 "=" $1 }' | sort)
        # Stores where the measure is 0 list no key.
        expected=$(grep -v '=0$' <<<"$expected")
      else
        actual="=$(tail -n +2 <<<"$listed" | grep -c .)"
      fi
      [[ $actual == "$expected" ]] ||
        fail "$measure, $period ${by_option[*]}: kpi list gives [$actual], kpi values [$expected]"
      checked=$((checked + 1))
    done
  done
done
echo "list_matches_values: $checked lists match their measure's value"
