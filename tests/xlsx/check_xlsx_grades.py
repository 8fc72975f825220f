#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Reads back the summary sheet of a graded report with a pay file (`kpi report --format xlsx`
on tests/e2e/data/grades) with openpyxl and checks that grade, 绩效系数, rank, base bonus and
bonus are typed cells equal to the JSON report's values, with their number formats, and that
the chart does not cover them.

Usage: check_xlsx_grades.py KPI REPO_ROOT
"""
import json
import os
import subprocess
import sys
import tempfile

import openpyxl

failures = []


def equal(actual, expected, what):
    if actual != expected:
        failures.append(what)
        print(f"FAIL: {what}: expected {expected!r}, got {actual!r}", file=sys.stderr)


def main():
    kpi, root = sys.argv[1], sys.argv[2]
    folder = os.path.join(root, "tests", "e2e", "data", "grades")
    args = ["report", "kpi.toml", "--period", "2025-06", "--by", "consultant", "--pay", "pay.csv"]
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="", LC_MESSAGES="")
    report = json.loads(subprocess.run([kpi, *args, "--format", "json"], cwd=folder, env=env,
                                       capture_output=True, check=True).stdout)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "report.xlsx")
        subprocess.run([kpi, *args, "--format", "xlsx", "-o", out], cwd=folder, env=env,
                       capture_output=True, check=True)
        book = openpyxl.load_workbook(out)
    sheet = book["Summary"]
    header = [cell.value for cell in sheet[1]]
    equal(header, ["scorecard", "entity", "score", "grade", "coefficient", "rank", "base bonus",
                   "bonus"], "summary header")
    for row, scorecard in enumerate(report["scorecards"], start=2):
        cells = [cell for cell in sheet[row]]
        who = scorecard["entity"]
        equal(cells[1].value, who, f"row {row} entity")
        equal(cells[3].value, scorecard["grade"], f"{who} grade")
        equal(cells[4].value, scorecard["coefficient"], f"{who} coefficient")
        equal(cells[4].number_format, "0.00", f"{who} coefficient format")
        equal(cells[5].value, scorecard["rank"], f"{who} rank")
        equal(cells[6].value, scorecard["base_bonus"], f"{who} base bonus")
        equal(cells[7].value, scorecard["bonus"], f"{who} bonus")
        equal(cells[7].number_format, '"¥"#,##0.00', f"{who} bonus format")
    charts = sheet._charts
    equal(len(charts), 1, "one chart")
    if charts:
        equal(charts[0].anchor._from.col >= len(header), True, "the chart right of the columns")
    if failures:
        sys.exit(1)
    print(f"{len(report['scorecards'])} scorecards: grade, coefficient, rank and bonus MATCH")


main()
