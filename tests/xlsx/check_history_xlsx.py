#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Reads back, with openpyxl, the workbooks of `kpi trend` and `kpi report --from --to`:
sheet names in each language, every cell typed and equal to the json format's number (empty
where json has null), the number formats of each unit, the frozen header and autofilter, and
the native line charts (one per KPI with a value; one line per scorecard's score).

Usage: check_history_xlsx.py KPI REPO_ROOT
"""
import json
import os
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.chart import LineChart

failures = []
FORMATS = {"money": '"¥"#,##0.00', "percent": "0.0%"}


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


def equal(actual, expected, what):
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def kpi_run(kpi, folder, *args):
    result = subprocess.run([kpi, *args], cwd=folder, capture_output=True,
                            env=dict(os.environ, LANG="C.UTF-8", LC_ALL="", LC_MESSAGES=""))
    equal(result.returncode, 0, f"kpi {' '.join(args)}: exit ({result.stderr.decode()})")
    return result.stdout.decode()


def number(value):
    return None if value is None else float(value)


def charts(sheet):
    return sheet._charts  # openpyxl keeps the charts it read here


def check_trend(kpi, root, folder):
    sales = os.path.join(root, "examples", "sales")
    args = ["trend", "--from", "2025-01", "--to", "2025-06"]
    trend = json.loads(kpi_run(kpi, sales, *args, "--format", "json"))
    path = os.path.join(folder, "trend.xlsx")
    kpi_run(kpi, sales, *args, "--format", "xlsx", "-o", path)
    book = openpyxl.load_workbook(path)
    equal(book.sheetnames, ["KPI trend", "Charts"], "trend sheets")
    table = book["KPI trend"]
    periods = [p["period"] for p in trend["periods"]]
    header = [cell.value for cell in table[1]]
    equal(header, ["kpi", "name", "by", "unit", *periods], "trend header")
    equal(table.freeze_panes, "A2", "trend frozen header")
    equal(table.auto_filter.ref, f"A1:J{len(trend['kpis']) + 1}", "trend autofilter")
    for row, line in enumerate(trend["kpis"], start=2):
        where = f"trend row {row} ({line['kpi']})"
        equal(table.cell(row, 1).value, line["kpi"], f"{where} kpi")
        for column, value in enumerate(line["values"], start=5):
            cell = table.cell(row, column)
            equal(cell.value, number(value), f"{where} {periods[column - 5]}")
            if value is not None:
                check(cell.data_type == "n", f"{where}: a number cell")
                if line["unit"] in FORMATS:
                    equal(cell.number_format, FORMATS[line["unit"]], f"{where} number format")
    with_values = {line["kpi"] for line in trend["kpis"] if any(v is not None for v in line["values"])}
    drawn = charts(book["Charts"])
    equal(len(drawn), len(with_values), "trend: a chart per KPI with a value")
    check(all(isinstance(chart, LineChart) for chart in drawn), "trend charts are line charts")
    rep_lines = sum(1 for line in trend["kpis"] if line["kpi"] == "rep_sales")
    equal(max(len(chart.series) for chart in drawn), min(rep_lines, 10), "lines in one chart (capped)")
    # Chinese sheets and headers.
    path = os.path.join(folder, "trend-zh.xlsx")
    kpi_run(kpi, sales, *args, "--format", "xlsx", "--lang", "zh", "-o", path)
    book = openpyxl.load_workbook(path)
    equal(book.sheetnames, ["指标趋势", "图表"], "trend sheets (zh)")
    equal([c.value for c in book["指标趋势"][1]][:4], ["指标", "名称", "维度", "单位"], "zh header")


def check_history(kpi, root, folder):
    clinic = os.path.join(root, "examples", "clinic")
    args = ["report", "--plan", "plan-departments.csv", "--from", "2025-01", "--to", "2025-12"]
    history = json.loads(kpi_run(kpi, clinic, *args, "--format", "json"))
    path = os.path.join(folder, "history.xlsx")
    kpi_run(kpi, clinic, *args, "--format", "xlsx", "-o", path)
    book = openpyxl.load_workbook(path)
    equal(book.sheetnames, ["Scorecard totals", "Achievement per KPI"], "history sheets")
    totals = book["Scorecard totals"]
    equal([c.value for c in totals[1]], ["scorecard", "entity", *history["periods"]], "totals header")
    for row, card in enumerate(history["scorecards"], start=2):
        equal(totals.cell(row, 1).value, card["name"], f"totals row {row}")
        for column, total in enumerate(card["totals"], start=3):
            cell = totals.cell(row, column)
            equal(cell.value, number(total), f"{card['name']} total {history['periods'][column - 3]}")
            equal(cell.number_format, "0.0", f"{card['name']} total format")
    drawn = charts(totals)
    equal(len(drawn), 1, "one chart of the scores")
    check(isinstance(drawn[0], LineChart), "the scores chart is a line chart")
    equal(len(drawn[0].series), len(history["scorecards"]), "a line per scorecard")
    achievements = book["Achievement per KPI"]
    row = 2
    for card in history["scorecards"]:
        for line in card["kpis"]:
            equal(achievements.cell(row, 3).value, line["kpi"], f"achievement row {row}")
            for column, value in enumerate(line["achievement"], start=5):
                cell = achievements.cell(row, column)
                equal(cell.value, number(value), f"{card['name']} {line['kpi']} achievement")
                if value is not None:
                    equal(cell.number_format, "0.0%", f"{card['name']} {line['kpi']} format")
            row += 1
    equal(achievements.max_row, row - 1, "achievement rows")


def main():
    kpi, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as folder:
        check_trend(kpi, root, folder)
        check_history(kpi, root, folder)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
