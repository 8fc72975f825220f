#!/usr/bin/env bash
# The progress line: shown on a terminal (a pseudo-terminal from script(1)), then erased before
# the output; never when standard error is a pipe or a file, nor with -q.
set -euo pipefail
kpi=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

python3 - "$work/pos.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("date,amount\n")
    for i in range(200000):
        f.write(f"2025-06-{i % 28 + 1:02d},1.00\n")
PY
cat >"$work/kpi.toml" <<'TOML'
[sources.pos]
files = "pos.csv"
time = "date"
[sources.pos.fields]
date = { column = "date", type = "date" }
amount = { column = "amount", type = "money" }
[measures.sales]
source = "pos"
sum = "amount"
[kpis.sales]
formula = "sales"
unit = "money"
TOML
command -v script >/dev/null || { echo "note: script(1) is not installed: no terminal to test on"; exit 0; }

run_on_terminal() {
  KPI_PROGRESS_AFTER_MS=0 script -qec "$kpi values $work/kpi.toml --period 2025-06 --threads 1 $*" \
    /dev/null | tr -d '\r'
}
shown=$(run_on_terminal)
grep -q "kpi: reading pos: 65 k rows" <<<"$shown" || fail "no progress on a terminal: $shown"
grep -q "sales  2025-06      200000.00  money" <<<"$shown" || fail "no result after it: $shown"
grep -q $'\033\\[K' <<<"$shown" || fail "the line is not erased before the output"

quiet=$(run_on_terminal -q)
! grep -q "reading" <<<"$quiet" || fail "progress shown with -q"

# Rows of a month no period reads are read too, and counted: May alone is asked for here.
may=$(KPI_PROGRESS_AFTER_MS=0 script -qec "$kpi values $work/kpi.toml --period 2025-05 --threads 1" \
  /dev/null | tr -d '\r')
grep -q "kpi: reading pos: 65 k rows" <<<"$may" || fail "rows of other months not counted: $may"

KPI_PROGRESS_AFTER_MS=0 "$kpi" values "$work/kpi.toml" --period 2025-06 --threads 1 \
  >/dev/null 2>"$work/stderr"
[ ! -s "$work/stderr" ] || fail "progress written to a file: $(cat "$work/stderr")"
echo "progress line: shown on a terminal, erased, absent with -q and when not a terminal"
