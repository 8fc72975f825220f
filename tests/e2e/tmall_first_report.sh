#!/usr/bin/env bash
# From a Tmall order export to a first report, as a new user goes, without editing any file:
# `kpi init --from` the export, then every `kpi` step init prints, then `kpi report` of the
# export's month. It prints how long each step took (not a test of speed: the machine may be
# busy) and checks the report's sales, orders and average ticket against the sums the
# generator made.
#
# The export is generated here in the shape of a 天猫 order report (订单编号, 总金额,
# 买家实际支付金额, 收货地址, 订单创建时间, 订单付款时间, 退款金额; UTF-8 without a BOM, CRLF,
# two header names with a trailing space, whole amounts written "21.0", an empty 付款时间 for
# an unpaid order, a fully refunded order paid 0.0), newest order first, in February 2020.
#
#   tmall_first_report.sh KPI_BINARY [ORDERS]      (ORDERS: 28010 by default, as the real one)
set -uo pipefail
kpi=$(realpath "$1")  # the script works in a folder of its own
orders=${2:-28010}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "tmall_first_report: $*" >&2; exit 1; }
cd "$work" || fail "cannot enter $work"

# Writes the export and prints "PAID_CENTS" (the sum of 买家实际支付金额, in cents).
generate_export() {
  awk -v orders="$orders" 'BEGIN {
    split("上海 北京 天津 重庆 广东省 浙江省 江苏省 四川省 湖南省 湖北省 安徽省 福建省 " \
          "山东省 河南省 河北省 山西省 陕西省 辽宁省 吉林省 黑龙江省 江西省 云南省 贵州省 " \
          "广西壮族自治区 内蒙古自治区 宁夏回族自治区 新疆维吾尔自治区 西藏自治区 " \
          "甘肃省 青海省 海南省", provinces, " ")
    state = 20200201
    printf "订单编号,总金额,买家实际支付金额,收货地址 ,订单创建时间,订单付款时间 ,退款金额\r\n" > "tmall_order_report.csv"
    # Creation times go down from 2020-02-29 23:59:18 by 0 to 178 s an order (28010 orders
    # span about 29 days).
    seconds = 29 * 86400 - 42
    paid_total = 0
    for (id = 1; id <= orders; ++id) {
      total = 500 + next_random() % 30000            # cents: 5.00 to 304.99
      kind = next_random() % 20                      # 0-2 unpaid, 3 refunded, else paid
      created = stamp(seconds)
      if (kind <= 2) {
        paid = 0; paid_at = ""; refund = 0
      } else {
        paid_at = stamp(seconds + 5 + next_random() % 300)
        paid = kind == 3 ? 0 : total
        refund = kind == 3 ? total : 0
      }
      paid_total += paid
      province = provinces[1 + next_random() % 31]
      printf "%d,%s,%s,%s,%s,%s,%s\r\n", id, amount(total), amount(paid), province, created,
             paid_at, amount(refund) > "tmall_order_report.csv"
      seconds -= next_random() % 179
      if (seconds < 0) seconds = 0
    }
    print paid_total
  }
  # The minimal standard generator (Park and Miller): the same export every run, and exact in
  # the doubles awk computes with.
  function next_random() {
    state = (state * 16807) % 2147483647
    return int(state / 64)
  }
  # As the export writes them: 21.0, 178.8, 12.34.
  function amount(cents) {
    if (cents % 10 == 0) return sprintf("%d.%d", int(cents / 100), int(cents % 100 / 10))
    return sprintf("%d.%02d", int(cents / 100), cents % 100)
  }
  # Seconds since 2020-02-01 00:00:00, as "2020-02-DD HH:MM:SS"; a payment after the month
  # ends stays in it (the last order is paid within the day).
  function stamp(s) {
    if (s > 29 * 86400 - 1) s = 29 * 86400 - 1
    return sprintf("2020-02-%02d %02d:%02d:%02d", 1 + int(s / 86400), int(s % 86400 / 3600),
                   int(s % 3600 / 60), s % 60)
  }'
}

now() { echo "${EPOCHREALTIME/,/.}"; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

paid_cents=$(generate_export) || fail "the export could not be generated"
[ "$(wc -l < tmall_order_report.csv)" -eq $((orders + 1)) ] || fail "the export has the wrong number of lines"
size=$(wc -c < tmall_order_report.csv)

start=$(now)
step_start=$(now)
"$kpi" init --from tmall_order_report.csv shop > init.out 2> init.err ||
  fail "kpi init --from failed: $(cat init.out init.err)"
timings="init $(seconds_since "$step_start") s"

# The steps init prints, "  N. kpi ARGS   what it does", each run as printed.
steps=$(sed -n 's/^  [0-9]\. \(kpi [^ ].*\)$/\1/p' init.out | sed 's/   *.*$//')
[ -n "$steps" ] || fail "init printed no next steps: $(cat init.out)"
while IFS= read -r step; do
  read -r -a words <<< "${step#kpi }"
  step_start=$(now)
  (cd shop && "$kpi" "${words[@]}" > ../step.out 2> ../step.err) ||
    fail "\`$step\` failed: $(cat step.out step.err)"
  timings+=", ${words[0]} $(seconds_since "$step_start") s"
done <<< "$steps"

step_start=$(now)
(cd shop && "$kpi" report --period 2020-02 --format csv > ../report.csv 2> ../report.err) ||
  fail "kpi report --period 2020-02 failed: $(cat report.err)"
timings+=", report 2020-02 $(seconds_since "$step_start") s"
total=$(seconds_since "$start")

# The report's actual per KPI (column 7), against the generator's sums.
actual() { awk -F, -v kpi="$1" '$4 == kpi { print $7 }' report.csv; }
expected_sales=$(awk -v c="$paid_cents" 'BEGIN { s = sprintf("%d.%02d", int(c / 100), c % 100); sub(/\.?0+$/, "", s); print s }')
# Millionths, rounded half up, as kpi shows six decimals at most.
expected_ticket=$(awk -v c="$paid_cents" -v n="$orders" 'BEGIN {
  t = c * 10000; q = int(t / n); if (2 * (t - q * n) >= n) ++q
  s = sprintf("%d.%06d", int(q / 1000000), q % 1000000); sub(/\.?0+$/, "", s); print s }')
[ "$(actual sales)" = "$expected_sales" ] ||
  fail "sales: the report says $(actual sales), the export sums to $expected_sales"
[ "$(actual orders)" = "$orders" ] || fail "orders: the report says $(actual orders), not $orders"
[ "$(actual avg_ticket)" = "$expected_ticket" ] ||
  fail "average ticket: the report says $(actual avg_ticket), not $expected_ticket"

echo "tmall_first_report: $orders orders ($size bytes) → kpi init --from → kpi report in $total s ($timings)"
echo "tmall_first_report: sales $expected_sales, $orders orders, average ticket $expected_ticket"
