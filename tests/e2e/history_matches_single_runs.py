#!/usr/bin/env python3
"""One pass over many periods gives what one run per period gives.

    history_matches_single_runs.py KPI_BINARY REPOSITORY_ROOT

For the examples (clinic, beauty, sales) and several plans, steps and breakdowns:
- every column of `kpi trend --format json` equals `kpi values --period P --format json` for
  that period, value for value (the whole and each breakdown value);
- every period of `kpi report --from --to --format json` equals `kpi report --period P` for that
  period: each scorecard's total, and each KPI line's period, actual, target, achievement,
  score and status.
Prints the number of values compared, or each difference and exits 1.
"""
import json
import os
import subprocess
import sys

TRENDS = [
    ("sales", ["--from", "2025-01", "--to", "2025-06"]),
    ("sales", ["--from", "2025-01", "--to", "2025-12", "--every", "quarter"]),
    ("clinic", ["--from", "2025-05", "--to", "2025-06", "--every", "half-month", "--by", "store"]),
    ("clinic", ["--from", "2025-06", "--to", "2025-06", "--every", "week"]),
    ("beauty", ["--from", "2025-04", "--to", "2025-06"]),
]
HISTORIES = [
    ("clinic", ["--from", "2025-01", "--to", "2025-06"]),
    ("clinic", ["--plan", "plan-departments.csv", "--from", "2025-01", "--to", "2025-09", "--every",
                "quarter"]),
    ("clinic", ["--plan", "plan-progress.csv", "--by", "consultant", "--from", "2025-05", "--to",
                "2025-06", "--every", "half-month"]),
    ("sales", ["--from", "2025-01", "--to", "2025-12"]),
    ("sales", ["--plan", "plan_quarterly.csv", "--from", "2025-Q1", "--to", "2025-Q4"]),
    ("beauty", ["--from", "2025-01", "--to", "2025-06"]),
]


def run(kpi, folder, args):
    result = subprocess.run([kpi, *args, "--format", "json"], cwd=folder, capture_output=True,
                            text=True, env=dict(os.environ, LANG="C.UTF-8", LC_ALL=""))
    if result.returncode != 0:
        sys.exit(f"kpi {' '.join(args)} (in {folder}): exit {result.returncode}\n{result.stderr}")
    return json.loads(result.stdout)


def without_range(args):
    """The arguments without --from, --to and --every (and their values)."""
    kept, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg in ("--from", "--to", "--every"):
            skip = True
        else:
            kept.append(arg)
    return kept


def main():
    kpi, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    compared, differences = 0, []
    for example, args in TRENDS:
        folder = os.path.join(root, "examples", example)
        trend = run(kpi, folder, ["trend", *args])
        lines = {(k["kpi"], json.dumps(k["by"], sort_keys=True)): k["values"] for k in trend["kpis"]}
        for column, period in enumerate(trend["periods"]):
            values = run(kpi, folder, ["values", *without_range(args), "--period", period["period"]])
            for row in values:
                key = (row["kpi"], json.dumps(row["by"], sort_keys=True))
                compared += 1
                shown = lines.get(key, [None] * len(trend["periods"]))[column]
                if shown != row["value"]:
                    differences.append(f"{example} trend {args}: {key} {period['period']}: trend "
                                       f"{shown}, values {row['value']}")
    for example, args in HISTORIES:
        folder = os.path.join(root, "examples", example)
        history = run(kpi, folder, ["report", *args])
        for column, period in enumerate(history["periods"]):
            report = run(kpi, folder, ["report", *without_range(args), "--period", period,
                                       "--allow-empty"])
            for card in report["scorecards"]:
                found = [c for c in history["scorecards"]
                         if c["name"] == card["name"] and c["entity"] == card["entity"]]
                where = f"{example} report {args}: {period} {card['name']} {card['entity'] or ''}"
                if not found:
                    differences.append(f"{where}: not in the history")
                    continue
                compared += 1
                if found[0]["totals"][column] != card["score"]:
                    differences.append(f"{where}: total {found[0]['totals'][column]}, report "
                                       f"{card['score']}")
                lines = {}
                for line in found[0]["kpis"]:
                    lines.setdefault(line["kpi"], []).append(line)
                seen = {}
                for line in card["kpis"]:
                    nth = seen.get(line["id"], 0)
                    seen[line["id"]] = nth + 1
                    kept = lines.get(line["id"], [])[nth]
                    for field, key in [("kpi_period", "period"), ("actual", "actual"),
                                       ("target", "target"), ("achievement", "achievement"),
                                       ("score", "score"), ("status", "status")]:
                        compared += 1
                        if kept[field][column] != line[key]:
                            differences.append(f"{where} {line['id']} {field}: history "
                                               f"{kept[field][column]}, report {line[key]}")
    for line in differences:
        print(line)
    print(f"{compared} values compared: {'SAME' if not differences else f'{len(differences)} DIFFER'}")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
