#!/usr/bin/env bash
# The report's table on a terminal (a pseudo-terminal from script(1)): coloured by status and
# direction, fitting COLUMNS by leaving out columns; no colour with NO_COLOR, TERM=dumb or
# --color never; in a pipe neither colour nor a width, unless --color always.
set -euo pipefail
kpi=$1
clinic=$2/examples/clinic
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v script >/dev/null || { echo "note: script(1) is not installed: no terminal to test on"; exit 0; }
esc=$'\033'
report="$kpi report $clinic/kpi.toml --period 2025-06 --plan $clinic/plan-departments.csv --lang zh"

on_terminal() { script -qec "$report $*" /dev/null | tr -d '\r'; }

shown=$(COLUMNS=200 on_terminal)
grep -q "${esc}\[32m达标${esc}\[0m" <<<"$shown" || fail "met is not green on a terminal"
grep -q "${esc}\[33m预警${esc}\[0m" <<<"$shown" || fail "at risk is not amber on a terminal"
grep -q "${esc}\[31m未达标${esc}\[0m" <<<"$shown" || fail "missed is not red on a terminal"
# The complaint rate rose 27.1 % and lower is better: bad news, red.
grep "客户投诉率" <<<"$shown" | grep -q "${esc}\[31m+27.1%${esc}\[0m" || fail "a rising complaint rate is not red"
grep -q "环比" <<<"$shown" || fail "a wide terminal lost 环比"

for quiet in "NO_COLOR=1" "TERM=dumb"; do
  plain=$(env "$quiet" COLUMNS=200 script -qec "$report" /dev/null | tr -d '\r')
  ! grep -q "$esc" <<<"$plain" || fail "colour with $quiet"
done
! grep -q "$esc" <<<"$(COLUMNS=200 on_terminal --color never)" || fail "colour with --color never"
grep -q "$esc" <<<"$(NO_COLOR=1 COLUMNS=200 on_terminal --color always)" ||
  fail "--color always is not coloured under NO_COLOR"

narrow=$(COLUMNS=60 on_terminal --color never)
python3 - "$narrow" <<'PY' || fail "a line is wider than 60 columns on a 60-column terminal"
import sys, unicodedata
for line in sys.argv[1].splitlines():
    if not line.startswith("  ") or "：" in line:  # the data quality's prose lines may wrap
        continue
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if width > 60:
        sys.exit(f"{width}: {line}")
PY
! grep -q "环比" <<<"$narrow" || fail "60 columns still show 环比"
grep -q "  指标                     实际  达成率  状态" <<<"$narrow" || fail "no compact header: $narrow"

piped=$(COLUMNS=60 $report)
! grep -q "$esc" <<<"$piped" || fail "colour in a pipe"
grep -q "环比" <<<"$piped" || fail "a pipe got the terminal's width"
grep -q "$esc" <<<"$($report --color always)" || fail "--color always is not coloured in a pipe"
echo "terminal table: coloured by status and direction, fitted to COLUMNS, plain in pipes and with NO_COLOR"
