#!/usr/bin/env bash
# Cross-checks the part-two capabilities of `kpi values` against sqlite3 on exports made by
# gen_exports.py, with a stores master table and a manual-figures file made here: repeat rate,
# new members, churn, arrival delay, sales per m² by store, inventory turnover and a manual
# score, for 2025-06. Not part of CI (it needs the generator).
#
#   tests/crosscheck/run_part_two_check.sh KPI_BINARY GEN_EXPORTS_PY [ROWS]
set -euo pipefail
kpi=$1 generator=$2 rows=${3:-200000}
here=$(cd "$(dirname "$0")/part_two" && pwd)
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
python3 "$generator" --rows "$rows" --out "$data" --tables pos,crm,erp >/dev/null
# A stores master: every store of the POS export with an area of its own.
awk -F, 'NR > 1 { print $3 }' "$data/pos_transactions.csv" | sort -u |
  awk 'BEGIN { print "门店编码,面积" } { printf "%s,%d\n", $1, 120 + NR * 7 }' >"$data/stores.csv"
printf '月份,指标,数值\n2025-06,神秘顾客得分,88\n2025-06,神秘顾客得分,93.5\n2025-05,神秘顾客得分,70\n' \
  >"$data/manual.csv"

"$kpi" values "$here/kpi.toml" --period 2025-06 --format csv \
  --data "pos=$data/pos_transactions.csv" --data "crm=$data/crm_visits.csv" \
  --data "stock=$data/erp_inventory.csv" --data "stores=$data/stores.csv" \
  --data "manual=$data/manual.csv" | awk -F, 'NR > 1 { print $1 "," $4 "," $5 }' | sort >"$data/kpi.csv"
sed -e "s|POS_FILE|$data/pos_transactions.csv|" -e "s|CRM_FILE|$data/crm_visits.csv|" \
  -e "s|ERP_FILE|$data/erp_inventory.csv|" -e "s|STORES_FILE|$data/stores.csv|" \
  -e "s|MANUAL_FILE|$data/manual.csv|" "$here/sqlite_kpis.sql" | sqlite3 :memory: |
  tr -d '"' | sort >"$data/sqlite.csv"

python3 - "$data/kpi.csv" "$data/sqlite.csv" <<'PY'
import sys
def load(path):
    return {(k, b): float(v) for k, b, v in (line.strip().split(",") for line in open(path))}
ours, theirs = load(sys.argv[1]), load(sys.argv[2])
assert ours.keys() == theirs.keys(), (sorted(set(ours) ^ set(theirs)))
bad = [(key, ours[key], theirs[key]) for key in sorted(ours) if abs(ours[key] - theirs[key]) > 1e-6]
for key, a, b in bad:
    print(f"DIFFERENT {key}: kpi {a} sqlite3 {b}")
print(f"{len(ours)} values compared: {'MATCH' if not bad else 'MISMATCH'}")
sys.exit(1 if bad else 0)
PY
