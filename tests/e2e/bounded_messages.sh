#!/usr/bin/env bash
# Error messages stay short whatever the input's size: a missing column in a 100 000-column
# export once printed every header name (989 KB on one line), a cycle through 10 000 KPIs every
# KPI (99 KB). Lists stop after 20 names with "… and N more"; any longer message keeps its start
# and its end.
#
#   bounded_messages.sh KPI_BINARY
set -uo pipefail
kpi=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "bounded_messages: $*" >&2; exit 1; }

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
TOML
python3 -c "
cols = ['c%d' % i for i in range(100000)]
open('pos.csv', 'w').write(','.join(cols) + '\n' + ','.join(['x'] * 100000) + '\n')"
"$kpi" values --period 2025-06 > out.txt 2> err.txt
status=$?
[ "$status" = 4 ] || fail "missing column: exit $status, expected 4"
[ "$(wc -l < err.txt)" = 1 ] || fail "missing column: $(wc -l < err.txt) lines"
[ "$(wc -c < err.txt)" -le 5000 ] || fail "missing column: $(wc -c < err.txt) bytes"
grep -q '^kpi: error: pos.csv: no column for field "day" of source "pos": tried "date"; the file has "c0", "c1", ' err.txt ||
  fail "missing column: the start is lost: $(head -c 300 err.txt)"
grep -q '"c19", … and 99980 more$' err.txt || fail "missing column: not elided after 20 names: $(tail -c 300 err.txt)"

printf 'date,amount\n2025-06-01,1\n' > pos.csv
python3 -c "print(''.join('[kpis.k%d]\nformula = \"k%d\"\n' % (i, (i + 1) % 10000) for i in range(10000)))" >> kpi.toml
"$kpi" check > out.txt 2> err.txt
status=$?
[ "$status" = 3 ] || fail "cycle: exit $status, expected 3"
expected='kpi: error: kpi.toml:14:11: KPI "k0" depends on itself: k0 → k1 → k2 → k3 → k4 → k5 → k6 → k7 → k8 → k9 → k10 → k11 → k12 → k13 → k14 → k15 → k16 → k17 → k18 → k19 → … and 9980 more → k0'
[ "$(cat err.txt)" = "$expected" ] || fail "cycle: stderr: $(head -c 400 err.txt)"

# A plan without a weight column, in a file of 5 000 columns.
python3 -c "
cols = ['岗位', 'KPI'] + ['c%d' % i for i in range(5000)]
open('plan.csv', 'w').write(','.join(cols) + '\n')"
sed -i '/^\[kpis.k/,$d' kpi.toml
"$kpi" check > out.txt 2> err.txt
[ $? = 3 ] || fail "plan: exit not 3"
expected='kpi: error: plan.csv:1: no weight column (权重 or weight); the header has 岗位, KPI, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, … and 4982 more'
[ "$(cat err.txt)" = "$expected" ] || fail "plan: stderr: $(head -c 400 err.txt)"
echo "bounded_messages: ok"
