#!/usr/bin/env bash
# Cross-checks `kpi values` against sqlite3 on exports made by gen_exports.py: sales,
# transactions, average ticket, MoM and YoY growth, gross margin, channel share and the
# appointment show rate of a second source. Not part of CI (it needs the generator).
#
#   tests/crosscheck/run_sqlite_check.sh KPI_BINARY GEN_EXPORTS_PY [ROWS] [MONTH]
set -euo pipefail
kpi=$1 generator=$2 rows=${3:-200000} month=${4:-2025-06}
here=$(cd "$(dirname "$0")" && pwd)
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
python3 "$generator" --rows "$rows" --out "$data" --tables pos,crm >/dev/null
prev=$(date -d "$month-01 -1 month" +%Y-%m)
last_year=$(date -d "$month-01 -1 year" +%Y-%m)

"$kpi" values "$here/kpi.toml" --period "$month" --format csv \
  --data "pos=$data/pos_transactions.csv" --data "crm=$data/crm_visits.csv" |
  awk -F, 'NR > 1 { print $1 "," $4 "," $5 }' | sort >"$data/kpi.csv"
sed -e "s|POS_FILE|$data/pos_transactions.csv|" -e "s|CRM_FILE|$data/crm_visits.csv|" \
  -e "s|LAST_YEAR_MONTH|$last_year|g" -e "s|PREV_MONTH|$prev|g" -e "s|MONTH|$month|g" \
  "$here/sqlite_kpis.sql" | sqlite3 :memory: | tr -d '"' | sort >"$data/sqlite.csv"

python3 - "$data/kpi.csv" "$data/sqlite.csv" <<'PY'
import sys
def load(path):
    return {(k, b): float(v) for k, b, v in (line.strip().split(",") for line in open(path))}
ours, theirs = load(sys.argv[1]), load(sys.argv[2])
assert ours.keys() == theirs.keys(), (sorted(ours), sorted(theirs))
bad = [(key, ours[key], theirs[key]) for key in sorted(ours)
       if abs(ours[key] - theirs[key]) > (0.005 if key[0] == "sales" else 1e-6)]
for key, a, b in bad:
    print(f"DIFFERENT {key}: kpi {a} sqlite3 {b}")
print(f"{len(ours)} values compared: {'MATCH' if not bad else 'MISMATCH'}")
sys.exit(1 if bad else 0)
PY
