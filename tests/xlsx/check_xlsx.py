#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Reads back the workbooks of `kpi report --format xlsx` and `kpi values --format xlsx` with
openpyxl (Debian's python3-openpyxl) and checks what a reader of the clinic example's pack
relies on: the sheets, typed cells equal to the JSON report's numbers, number formats, status
colours by direction, the charts, frozen headers and filters, and that the same run gives the
same bytes.

Usage: check_xlsx.py KPI REPO_ROOT
"""
import json
import os
import pty
import subprocess
import sys
import tempfile
import time
import unicodedata

import openpyxl

GOOD, WARNING, BAD = "FFC6EFCE", "FFFFEB9C", "FFFFC7CE"
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


def equal(actual, expected, what):
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def run(kpi, folder, *args, lang="C.UTF-8"):
    result = subprocess.run([kpi, *args], cwd=folder, capture_output=True,
                            env=dict(os.environ, LANG=lang, LC_ALL="", LC_MESSAGES=""))
    return result.returncode, result.stdout, result.stderr.decode()


def write_xlsx(kpi, folder, out, *args):
    code, _, err = run(kpi, folder, *args, "--format", "xlsx", "-o", out)
    equal(code, 0, f"kpi {' '.join(args)} --format xlsx: exit ({err})")
    return openpyxl.load_workbook(out)


def row_values(sheet, row):
    return [cell.value for cell in sheet[row]]


def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def rules(sheet):
    """{cell range: [(type, operator, formula, fill colour)]} of the sheet's conditional formats."""
    found = {}
    for cells, cell_rules in sheet.conditional_formatting._cf_rules.items():
        found[str(cells.sqref)] = [
            (rule.type, rule.operator, rule.formula, rule.dxf.fill.bgColor.rgb) for rule in cell_rules]
    return found


def check_scorecard_sheet(sheet, scorecard):
    """Each KPI row holds the JSON report's numbers, exactly; none is an empty cell."""
    for row, kpi in enumerate(scorecard["kpis"], start=2):
        cells = row_values(sheet, row)
        what = f"{sheet.title}!row {row} ({kpi['name']})"
        equal(cells[0], kpi["name"], what + " name")
        equal(cells[1], kpi["period"], what + " period")
        for column, key in [(2, "actual"), (3, "target"), (4, "achievement"), (6, "score"),
                            (8, "change_previous"), (9, "change_last_year")]:
            equal(cells[column], kpi[key], f"{what} {key}")
        equal(cells[5], kpi["weight"] / 100, what + " weight")
    total_row = len(scorecard["kpis"]) + 3
    equal(sheet.cell(total_row, 7).value, scorecard["score"], f"{sheet.title} total")


def check_report(kpi, root, folder):
    clinic = os.path.join(root, "examples", "clinic")
    path = os.path.join(folder, "report.xlsx")
    book = write_xlsx(kpi, clinic, path, "report", "--period", "2025-06")
    report = json.loads(run(kpi, clinic, "report", "--period", "2025-06", "--format", "json")[1])

    equal(book.sheetnames, ["Summary", "美容顾问", "客户服务专员", "市场推广主管", "运营总监",
                            "财务专员", "Data quality"], "sheet names")

    summary = book["Summary"]
    equal(row_values(summary, 1), ["scorecard", "entity", "score"], "summary header")
    equal(row_values(summary, 2), ["美容顾问", None, 95.806229], "summary first row")
    for row, scorecard in enumerate(report["scorecards"], start=2):
        equal(summary.cell(row, 3).value, scorecard["score"], f"summary score of {scorecard['name']}")
        equal(summary.cell(row, 3).number_format, "0.0", "summary score format")
    equal(row_values(summary, 8), ["plan total (weights across scorecards)", None, 96.027998],
          "summary plan total")
    equal(len(summary._charts), 1, "summary chart")
    equal(summary.freeze_panes, "A2", "summary frozen header")
    equal(summary.auto_filter.ref, "A1:C6", "summary autofilter")

    sheet = book["美容顾问"]
    equal(row_values(sheet, 1), ["KPI", "period", "actual", "target", "achievement", "weight",
                                 "score", "status", "环比", "同比", "unit"], "scorecard header")
    equal(row_values(sheet, 2), ["月度成交金额", "2025-06", 76644.983333, 80000, 0.958062, 0.3,
                                 95.806229, "at risk", -0.047102, 0.047151, "money"],
          "consultant row")
    equal([c.number_format for c in sheet[2]],
          ["General", "General", '"¥"#,##0.00', '"¥"#,##0.00', "0.0%", "0%", "0.0", "General",
           "+0.0%;-0.0%;0.0%", "+0.0%;-0.0%;0.0%", "General"], "consultant number formats")
    equal(row_values(sheet, 4)[0], "total", "total label")
    equal(sheet.freeze_panes, "A2", "frozen header")
    equal(sheet.auto_filter.ref, "A1:K2", "autofilter")
    equal(rules(sheet), {
        "E2": [("expression", None, ['$H2="met"'], GOOD),
               ("expression", None, ['$H2="at risk"'], WARNING),
               ("expression", None, ['$H2="missed"'], BAD)],
        "H2": [("expression", None, ['$H2="met"'], GOOD),
               ("expression", None, ['$H2="at risk"'], WARNING),
               ("expression", None, ['$H2="missed"'], BAD)],
        "I2": [("cellIs", "greaterThan", ["0"], GOOD), ("cellIs", "lessThan", ["0"], BAD)],
        "J2": [("cellIs", "greaterThan", ["0"], GOOD), ("cellIs", "lessThan", ["0"], BAD)],
    }, "consultant conditional formats")
    charts = sheet._charts
    equal(len(charts), 1, "scorecard chart")
    if charts:
        equal((charts[0].tagname, charts[0].type), ("barChart", "col"), "chart kind")
        equal(charts[0].series[0].val.numRef.f, "'美容顾问'!$E$2", "chart values")
        equal(charts[0].series[0].cat.strRef.f, "'美容顾问'!$A$2", "chart categories")
    # The widest name, 月度成交金额, takes 12 columns: its column is wider.
    check(sheet.column_dimensions["A"].width >= width("月度成交金额") + 2, "CJK column width")

    equal(book["客户服务专员"]["C2"].number_format, "#,##0.0", "score at precision 1")
    equal(book["运营总监"]["C2"].number_format, "0.0%", "percent at precision 1")
    equal(book["市场推广主管"]["C2"].number_format, "#,##0", "count format")
    for scorecard in report["scorecards"]:
        check_scorecard_sheet(book[scorecard["name"]], scorecard)

    quality = book["Data quality"]
    equal(row_values(quality, 1), ["source", "file", "rows read", "rows skipped",
                                   "rows without a valid time"], "data quality header")
    equal(row_values(quality, 2), ["pos", "data/pos_2024-01.csv", 84, 0, 0], "first input")
    equal(quality["C2"].number_format, "#,##0", "row count format")
    inputs = report["inputs"]
    equal(row_values(quality, len(inputs) + 1),
          ["finance", "data/finance_entries.csv", 720, 0, 0], "last input")

    # The same run, later, gives the same bytes.
    time.sleep(2.1)
    again = os.path.join(folder, "again.xlsx")
    run(kpi, clinic, "report", "--period", "2025-06", "--format", "xlsx", "-o", again)
    with open(path, "rb") as first, open(again, "rb") as second:
        check(first.read() == second.read(), "two runs give different bytes")


def check_chinese_and_direction(kpi, root, folder):
    clinic = os.path.join(root, "examples", "clinic")
    book = write_xlsx(kpi, clinic, os.path.join(folder, "zh.xlsx"), "report", "--period",
                      "2025-06", "--plan", "plan-departments.csv", "--lang", "zh")
    equal(book.sheetnames, ["汇总", "销售部", "客服部", "运营部", "市场部", "综合管理部", "总经办",
                            "数据质量"], "Chinese sheet names")
    service = book["客服部"]
    equal(row_values(service, 1), ["指标", "期间", "实际", "目标", "达成率", "权重", "得分", "状态",
                                   "环比", "同比", "单位"], "Chinese header")
    # 客户投诉率 is lower-is-better: its +27.1 % 环比 is bad news, coloured red.
    equal(row_values(service, 4)[:10], ["客户投诉率", "2025-06", 0.016878, 0.02, 1.185, 0.2, 118.5,
                                        "达标", 0.271449, 2.578059], "complaint rate row")
    found = rules(service)
    equal(found.get("I4"), [("cellIs", "greaterThan", ["0"], BAD),
                            ("cellIs", "lessThan", ["0"], GOOD)], "complaint rate 环比 colours")
    equal(found.get("I2"), [("cellIs", "greaterThan", ["0"], GOOD),
                            ("cellIs", "lessThan", ["0"], BAD)], "satisfaction 环比 colours")
    equal(found.get("E2:E6", [None])[0], ("expression", None, ['$H2="达标"'], GOOD),
          "Chinese status rule")
    report = json.loads(run(kpi, clinic, "report", "--period", "2025-06", "--plan",
                            "plan-departments.csv", "--format", "json")[1])
    for scorecard in report["scorecards"]:
        check_scorecard_sheet(book[scorecard["name"]], scorecard)
    # 新客增长率 has a target of 0: no ratio, so no achievement; the cell is empty, not 0.
    market = book["市场部"]
    equal(market["A4"].value, "新客增长率", "growth row")
    equal(market["E4"].value, None, "no achievement is an empty cell")
    equal(book["汇总"]["A1"].value, "考核表", "Chinese summary header")
    equal(book["数据质量"]["A1"].value, "数据源", "Chinese data quality header")
    # Without --lang, a Chinese locale gives the Chinese workbook.
    path = os.path.join(folder, "locale.xlsx")
    code, _, _ = run(kpi, clinic, "report", "--period", "2025-06", "--format", "xlsx", "-o", path,
                     lang="zh_CN.UTF-8")
    equal(code, 0, "LANG=zh_CN.UTF-8: exit")
    equal(openpyxl.load_workbook(path).sheetnames[0], "汇总", "LANG=zh_CN.UTF-8: summary sheet")
    code, _, _ = run(kpi, clinic, "values", "--period", "2025-06", "--format", "xlsx", "-o", path,
                     lang="zh_CN.UTF-8")
    equal(openpyxl.load_workbook(path).sheetnames, ["指标数值"], "LANG=zh_CN.UTF-8: values sheet")


def check_values(kpi, root, folder):
    data = os.path.join(root, "tests", "e2e", "data", "clinic")
    book = write_xlsx(kpi, data, os.path.join(folder, "values.xlsx"), "values", "--period",
                      "2025-05")
    values = json.loads(run(kpi, data, "values", "--period", "2025-05", "--format", "json")[1])["values"]
    equal(book.sheetnames, ["KPI values"], "values sheet")
    sheet = book["KPI values"]
    equal(row_values(sheet, 1), ["kpi", "name", "period", "value", "unit"], "values header")
    equal(row_values(sheet, 2), ["sales", "销售额", "2025-05", 800, "money"], "values first row")
    equal(sheet["D2"].number_format, '"¥"#,##0.00', "values money format")
    for row, value in enumerate(values, start=2):
        equal(sheet.cell(row, 1).value, value["kpi"], f"values row {row} kpi")
        equal(sheet.cell(row, 4).value, value["value"], f"values row {row} value")
    equal(sheet["A5"].value, "sales_mom", "a KPI without a value")
    equal(sheet["D5"].value, None, "no value is an empty cell")
    equal(sheet["D5"].number_format, "General", "an empty cell has no number format")
    equal(sheet.freeze_panes, "A2", "values frozen header")
    equal(sheet.auto_filter.ref, f"A1:E{len(values) + 1}", "values autofilter")

    by_store = write_xlsx(kpi, data, os.path.join(folder, "by.xlsx"), "values", "--period",
                          "2025-05", "--by", "store", "--lang", "zh")
    equal(row_values(by_store["指标数值"], 1), ["指标", "名称", "期间", "store", "数值", "单位"],
          "values by store header")

    # Broken down by two fields: a column for each, holding bare values.
    advisers = os.path.join(root, "docs", "examples", "store-advisers")
    book = write_xlsx(kpi, advisers, os.path.join(folder, "advisers.xlsx"), "values", "--period",
                      "2025-06")
    sheet = book["KPI values"]
    equal(row_values(sheet, 1), ["kpi", "name", "period", "store", "adviser", "value", "unit"],
          "two-field breakdown header")
    equal(row_values(sheet, 3), ["adviser_sales", "顾问业绩", "2025-06", "BJ02", "赵婷", 79873.9,
                                 "money"], "two-field breakdown row")

    dollars = os.path.join(root, "docs", "examples", "dollars")
    book = write_xlsx(kpi, dollars, os.path.join(folder, "dollars.xlsx"), "report", "--period",
                      "2025-06")
    equal(book["Store manager"]["C2"].number_format, '"$"#,##0.00', "a dollar library's money")


def check_refusals(kpi, root, folder):
    clinic = os.path.join(root, "examples", "clinic")
    # On a terminal: refused before any work, with exit 2.
    leader, follower = pty.openpty()
    result = subprocess.run([kpi, "report", "--period", "2025-06", "--format", "xlsx"], cwd=clinic,
                            stdout=follower, stderr=subprocess.PIPE)
    os.close(follower)
    os.close(leader)
    equal(result.returncode, 2, "xlsx to a terminal: exit")
    equal(result.stderr.decode(),
          "kpi: error: --format xlsx writes a binary workbook, not text for a terminal: give -o "
          "FILE.xlsx, or redirect standard output to a file\n", "xlsx to a terminal: message")
    # A failed run leaves the previous workbook in place.
    path = os.path.join(folder, "kept.xlsx")
    write_xlsx(kpi, clinic, path, "report", "--period", "2025-06")
    with open(path, "rb") as handle:
        before = handle.read()
    code, _, _ = run(kpi, clinic, "report", "--period", "2025-13", "--format", "xlsx", "-o", path)
    equal(code, 2, "bad period: exit")
    with open(path, "rb") as handle:
        check(handle.read() == before, "a failed run changed the previous workbook")


def check_exact_cells(kpi, folder):
    """A sum beyond 2^53 is written as the double nearest its exact decimal: 1000 sales of
    9,000,000,000,000 and one of 7,199,254,740,993.0004 make 9007199254740993.0004, just above
    the midpoint between the doubles 2^53 and 2^53 + 2, so its cell is 2^53 + 2; rounded through
    a long double (whose step there is 2^-10) it would be the midpoint, and 2^53."""
    exact = os.path.join(folder, "exact")
    os.makedirs(exact)
    with open(os.path.join(exact, "pos.csv"), "w", encoding="utf-8") as handle:
        handle.write("date,amount\n" + "2025-06-01,9000000000000\n" * 1000
                     + "2025-06-02,7199254740993.0004\n")
    with open(os.path.join(exact, "kpi.toml"), "w", encoding="utf-8") as handle:
        handle.write('[sources.pos]\nfiles = "pos.csv"\ntime = "date"\n[sources.pos.fields]\n'
                     'date = { column = "date", type = "date" }\n'
                     'amount = { column = "amount", type = "money" }\n'
                     '[measures.sales]\nsource = "pos"\nsum = "amount"\n'
                     '[kpis.sales]\nformula = "sales"\nunit = "money"\nprecision = 4\n')
    code, csv, err = run(kpi, exact, "values", "--period", "2025-06", "--format", "csv")
    equal(csv.decode().splitlines()[1], "sales,sales,2025-06,,9007199254740993.0004,money",
          f"the exact sum in csv ({err})")
    book = write_xlsx(kpi, exact, os.path.join(folder, "exact.xlsx"), "values", "--period",
                      "2025-06")
    equal(book["KPI values"]["D2"].value, 9007199254740994, "the exact sum's cell")


def check_paced_report(kpi, root, folder):
    """With --as-of, each scorecard's sheet adds the target to date, the pace and the
    projection after the unit, as numbers equal to the JSON report's, and colours ahead, on
    pace and behind as the table does."""
    clinic = os.path.join(root, "examples", "clinic")
    args = ["report", "--period", "2025-06", "--as-of", "2025-06-15", "--plan",
            "plan-progress.csv", "--by", "consultant"]
    book = write_xlsx(kpi, clinic, os.path.join(folder, "paced.xlsx"), *args)
    report = json.loads(run(kpi, clinic, *args, "--format", "json")[1])
    lines = 0
    for scorecard in report["scorecards"]:
        title = scorecard["name"] + (f" · {scorecard['entity']}" if scorecard["entity"] else "")
        sheet = book[title]
        equal(row_values(sheet, 1)[10:], ["unit", "expected", "pace", "projected"],
              f"{title}: paced header")
        for row, line in enumerate(scorecard["kpis"], start=2):
            cells = row_values(sheet, row)
            what = f"{title}!row {row} ({line['name']})"
            equal(cells[7], line["status"], what + " status")
            for column, key in [(11, "expected"), (12, "pace"), (13, "projection")]:
                equal(cells[column], line["pace"][key], f"{what} {key}")
            lines += 1
        equal(sheet.auto_filter.ref, f"A1:N{len(scorecard['kpis']) + 1}", f"{title}: autofilter")
    check(lines >= 9, f"paced lines checked: {lines}")
    sheet = book["美容顾问 · 刘洋"]
    equal([c.number_format for c in sheet[2]][11:], ['"¥"#,##0.00', "0.0%", '"¥"#,##0.00'],
          "paced number formats")
    equal(rules(sheet)["H2"][3:], [("expression", None, ['$H2="ahead"'], GOOD),
                                   ("expression", None, ['$H2="on pace"'], GOOD),
                                   ("expression", None, ['$H2="behind"'], WARNING)],
          "paced status colours")


def main():
    kpi, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as folder:
        check_report(kpi, root, folder)
        check_paced_report(kpi, root, folder)
        check_chinese_and_direction(kpi, root, folder)
        check_values(kpi, root, folder)
        check_exact_cells(kpi, folder)
        check_refusals(kpi, root, folder)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
