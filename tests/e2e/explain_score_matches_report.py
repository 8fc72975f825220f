#!/usr/bin/env python3
"""kpi explain --plan reproduces kpi report's scores exactly: for every scored KPI line of the
examples' reports (over the report's own period), the score, achievement and status that
`kpi explain KPI --plan PLAN [--by FIELD=VALUE] --format json` gives for that scorecard's row
are those of `kpi report --format json`, number for number.

    explain_score_matches_report.py KPI_BINARY REPOSITORY_ROOT
"""
import json
import os
import subprocess
import sys
import tomllib

kpi, root = os.path.abspath(sys.argv[1]), sys.argv[2]
RUNS = [  # example, plan, period, --by
    ("clinic", "plan.csv", "2025-06", None),
    ("clinic", "plan-departments.csv", "2025-06", None),
    ("clinic", "plan-progress.csv", "2025-05", "consultant"),
    ("sales", "plan.csv", "2025-06", None),
    ("beauty", "plan.csv", "2025-06", None),
]


def run(folder, *args):
    done = subprocess.run([kpi, *args], cwd=folder, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"kpi {' '.join(args)} failed in {folder}: {done.stderr}")
    return json.loads(done.stdout)


checked = 0
for example, plan, period, by in RUNS:
    folder = os.path.join(root, "examples", example)
    with open(os.path.join(folder, "kpi.toml"), "rb") as f:
        kpis = tomllib.load(f)["kpis"]
    report = run(folder, "report", "--period", period, "--plan", plan, "--format", "json",
                 *(["--by", by] if by else []))
    for card in report["scorecards"]:
        for line in card["kpis"]:
            # a 下级 line (docs/hierarchy.md) is the mean of the children's totals, no KPI
            if line["id"] not in kpis:
                continue
            if line["period"] != period or kpis[line["id"]].get("qualitative"):
                continue
            field = by or kpis[line["id"]].get("by")
            args = ["explain", line["id"], "--period", period, "--plan", plan, "--format", "json"]
            if card["entity"]:
                args += ["--by", f"{field}={card['entity']}"]
            explained = run(folder, *args)
            rows = [r for r in explained["plan"] if r["scorecard"] == card["name"]]
            where = f"{example} {plan} {card['name']} {card['entity'] or ''} {line['id']}"
            if len(rows) != 1:
                sys.exit(f"{where}: {len(rows)} plan rows explained, expected 1")
            for key in ("achievement", "score", "status"):
                if rows[0][key] != line[key]:
                    sys.exit(f"{where}: explain's {key} {rows[0][key]} is not the report's "
                             f"{line[key]}")
            if explained["value"] != line["actual"]:
                sys.exit(f"{where}: explain's value {explained['value']} is not the report's "
                         f"actual {line['actual']}")
            checked += 1
if checked < 40:
    sys.exit(f"only {checked} lines checked")
print(f"{checked} scores of kpi report reproduced by kpi explain --plan")
