#!/usr/bin/env bash
# Option values that would silently change what a job does are usage errors (exit 2) with a
# message naming the option:
#   threads  --threads outside 1..256 (-1, 0, 257, 4294967296, 2^64−1, 1e8) once aborted
#            (exit 134) or allocated per thread for 10⁸ threads;
#   empty    --fail-under nan, inf, 1e309, 0x64 or "" never fired; an empty -o, --plan,
#            --scores, --today or --by meant "not given" (-o "" printed to standard output).
#
#   option_values.sh KPI_BINARY threads|empty
set -uo pipefail
kpi=$1
part=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "option_values: $*" >&2; exit 1; }

cat > kpi.toml <<'TOML'
[sources.pos]
files = "pos.csv"
time = "day"
[sources.pos.fields]
day = { column = "date", type = "date" }
store = "store"
amount = { column = "amount", type = "money" }
[measures.sales]
source = "pos"
sum = "amount"
[kpis.sales]
name = "销售额"
formula = "sales"
unit = "money"
TOML
printf 'date,store,amount\n2025-06-01,S,1\n' > pos.csv
printf '岗位,KPI,目标值,权重\n店长,sales,100,100\n' > plan.csv

expect_usage_error() {  # expect_usage_error EXPECTED_STDERR_LINE KPI_ARGS...
  local expected=$1
  shift
  "$kpi" "$@" > out.txt 2> err.txt
  local status=$?
  [ "$status" = 2 ] || fail "kpi $*: exit $status, expected 2; stderr: $(cat err.txt)"
  [ "$(head -1 err.txt)" = "$expected" ] || fail "kpi $*: stderr: $(head -1 err.txt)"
  [ ! -s out.txt ] || fail "kpi $*: wrote to standard output"
}

case $part in
  threads)
    for threads in -1 0 257 4294967296 18446744073709551615 1e8 two ""; do
      expect_usage_error "kpi: error: --threads: Value $threads not in range 1 to 256" \
        values --period 2025-06 --threads "$threads"
    done
    for threads in 1 256; do
      "$kpi" values --period 2025-06 --threads $threads > out.txt || fail "--threads $threads failed"
    done
    ;;
  empty)
    for threshold in nan inf 1e309 0x64 "" " 60" 6O; do
      expect_usage_error \
        "kpi: error: --fail-under: \"$threshold\" is not a score; give a number such as 60 or 85.5" \
        report --period 2025-06 --fail-under "$threshold"
    done
    "$kpi" report --period 2025-06 --fail-under 0.5 > /dev/null || fail "--fail-under 0.5 fired"
    "$kpi" report --period 2025-06 --fail-under 60 > /dev/null 2> err.txt
    [ $? = 1 ] || fail "--fail-under 60 did not fire"
    expect_usage_error "kpi: error: --output: the value is empty; give a file path, or leave the option out" \
      report --period 2025-06 -o ""
    expect_usage_error "kpi: error: --plan: the value is empty; give the plan's path, or leave the option out" \
      report --period 2025-06 --plan ""
    expect_usage_error "kpi: error: --plan: the value is empty; give the plan's path, or leave the option out" \
      check --plan ""
    expect_usage_error "kpi: error: --scores: the value is empty; give the scores file's path, or leave the option out" \
      report --period 2025-06 --scores ""
    expect_usage_error "kpi: error: --today: the value is empty; give a date such as 2025-06-30, or leave the option out" \
      values --period last-month --today ""
    expect_usage_error "kpi: error: --by: the value is empty; give a field name, or leave the option out" \
      values --period 2025-06 --by ""
    ;;
  *) fail "unknown part $part" ;;
esac
echo "option_values $part: ok"
