#!/usr/bin/env bash
# What `kpi init --from` writes runs as written: `kpi check` passes on it, `kpi report --period
# all` scores its plan, and `kpi values --period all` gives the KPIs it wrote, computed by hand
# from the small exports of the init-from-* cases: one library per export, and one library for
# two of them.
#
#   init_from_runs.sh KPI_BINARY CASES_FOLDER
set -uo pipefail
kpi=$1
cases=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "init_from_runs: $*" >&2; exit 1; }

cp "$cases/init-from-utf8-bom/pos.csv" "$cases/init-from-gbk-semicolon/门店销售.csv" \
  "$cases/init-from-unclear-columns/ventas.csv" "$work/"
cd "$work"

# Runs init, check and values for one library folder and compares values with the expectation
# on standard input.
check_library() {
  local folder=$1
  shift
  "$kpi" init "$@" "$folder" > init.out 2> init.err || fail "$folder: init failed: $(cat init.err)"
  (cd "$folder" && "$kpi" check > ../check.out 2> ../check.err) ||
    fail "$folder: kpi check failed: $(cat check.out check.err)"
  (cd "$folder" && "$kpi" values --period all --format csv > ../values.out 2> ../values.err) ||
    fail "$folder: kpi values failed: $(cat values.err)"
  diff -u - values.out || fail "$folder: kpi values differs"
  # The third next step it prints: the starter plan scores as written.
  (cd "$folder" && "$kpi" report --period all > ../report.out 2> ../report.err) ||
    fail "$folder: kpi report --period all failed: $(cat report.err)"
}

# pos.csv: 8 lines of 7 orders, 884.00 in all; members M01 and M02 came back (M02's order A002
# has two lines, which count once), M03 and M04 did not, one line has no member.
check_library pos --from pos.csv <<'EXPECTED' || exit 1
kpi,name,period,by,value,unit
sales,销售额,all,,884,money
orders,订单数,all,,7,count
avg_ticket,客单价,all,,126.285714,money
customers,客户数,all,,4,count
repeat_rate,复购率,all,,0.5,percent
EXPECTED

# 门店销售.csv (GBK, ';', decimal comma): 5 rows, 12,50 + 8,75 + 25,00 + 1.099,90 + 6,25.
check_library shops --from 门店销售.csv <<'EXPECTED' || exit 1
kpi,name,period,by,value,unit
sales,销售额,all,,1152.4,money
row_count,记录数,all,,5,count
avg_per_row,每行平均金额,all,,230.48,money
EXPECTED

# ventas.csv: dates that read both ways (day first is written), "1,250" read with a decimal
# point (1250 + 2500 + 1125), an empty column; C01 has two rows, C02 one.
check_library ventas --from ventas.csv <<'EXPECTED' || exit 1
kpi,name,period,by,value,unit
sales,销售额,all,,4875,money
row_count,记录数,all,,3,count
avg_per_row,每行平均金额,all,,1625,money
customers,客户数,all,,2,count
repeat_rate,复购率,all,,0.5,percent
EXPECTED

check_library both --from pos.csv --from 门店销售.csv <<'EXPECTED' || exit 1
kpi,name,period,by,value,unit
sales_pos,销售额 (pos),all,,884,money
orders_pos,订单数 (pos),all,,7,count
avg_ticket_pos,客单价 (pos),all,,126.285714,money
customers_pos,客户数 (pos),all,,4,count
repeat_rate_pos,复购率 (pos),all,,0.5,percent
sales_store_sales,销售额 (store_sales),all,,1152.4,money
row_count_store_sales,记录数 (store_sales),all,,5,count
avg_per_row_store_sales,每行平均金额 (store_sales),all,,230.48,money
EXPECTED
echo "init_from_runs: ok"
