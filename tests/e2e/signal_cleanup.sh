#!/usr/bin/env bash
# A run stopped by SIGTERM or SIGHUP while it writes -o FILE removes its temporary file
# (.FILE.XXXXXX) and dies of the signal; FILE keeps its previous content. The io_faults shim
# slows fsync down so that the signal lands inside the write. (SIGKILL cannot be caught: its
# temporary file stays, as docs/commands/report.md says.)
#
#   signal_cleanup.sh KPI_BINARY IO_FAULTS_SHIM
set -uo pipefail
kpi=$1
shim=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "signal_cleanup: $*" >&2; exit 1; }

cat > kpi.toml <<'TOML'
[sources.pos]
files = "pos.csv"
time = "day"
[sources.pos.fields]
day = { column = "date", type = "date" }
amount = { column = "amount", type = "money" }
[measures.sales]
source = "pos"
sum = "amount"
[kpis.sales]
name = "销售额"
formula = "sales"
unit = "money"
TOML
printf 'date,amount\n2025-06-01,1\n' > pos.csv
printf '岗位,KPI,目标值,权重\n店长,sales,1,100\n' > plan.csv

for signal in TERM HUP; do
  echo "the previous report" > report.csv
  LD_PRELOAD=$shim ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 KPI_TEST_FSYNC_DELAY=30 "$kpi" report --period 2025-06 --format csv \
    -o report.csv 2> err.txt &
  pid=$!
  # Wait until the temporary file exists: the run is then inside the write (in fsync).
  for _ in $(seq 1 600); do
    compgen -G '.report.csv.*' > /dev/null && break
    sleep 0.05
  done
  compgen -G '.report.csv.*' > /dev/null || { kill -KILL $pid; fail "SIG$signal: no temporary file appeared"; }
  kill -$signal $pid
  wait $pid
  status=$?
  expected=$((128 + $(kill -l $signal)))
  [ "$status" = "$expected" ] || fail "SIG$signal: exit $status, expected $expected (death by the signal)"
  left=$(ls -A | grep '^\.report' | tr '\n' ' ')
  [ -z "$left" ] || fail "SIG$signal: left beside report.csv: $left"
  [ "$(cat report.csv)" = "the previous report" ] || fail "SIG$signal: report.csv changed: $(cat report.csv)"
done

# Without a signal the same run writes the report and leaves nothing else.
LD_PRELOAD=$shim ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 KPI_TEST_FSYNC_DELAY=0 "$kpi" report --period 2025-06 --format csv -o report.csv ||
  fail "the run without a signal failed"
head -1 report.csv | grep -q '^period,' || fail "report.csv is not the report: $(head -1 report.csv)"
[ -z "$(ls -A | grep '^\.report')" ] || fail "a temporary file was left after a complete run"
echo "signal_cleanup: ok"
