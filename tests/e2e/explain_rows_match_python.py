#!/usr/bin/env python3
"""kpi explain --rows shows the right rows: for measures of the clinic and sales examples, the
rows behind each measure that `kpi explain KPI --period P [--by F=V] --rows N --format json`
gives are the first N, in file order, of those this script finds itself in the raw exports
(their own CSV reading, the period by hand, each filter written again in Python, and for a
per-entity measure the keys `kpi list` gives), with the same file and line (where the record
starts, the header being line 1) and the same text cells. Their number is the explanation's
count: all the rows passing the filter (with what it needs), or the rows of the keys listed.

    explain_rows_match_python.py KPI_BINARY REPOSITORY_ROOT
"""
import calendar
import csv
import datetime
import glob
import json
import os
import re
import subprocess
import sys
import tomllib

kpi, root = os.path.abspath(sys.argv[1]), sys.argv[2]


def number(cell):
    """A money cell as the exports write it: ¥1,280.00, (1,234.00) for a negative."""
    text = cell.replace("¥", "").replace(",", "").strip()
    if text.startswith("(") and text.endswith(")"):
        text = "-" + text[1:-1]
    return float(text) if text else None


# Each measure's filter and value, written again from the libraries (a row is a dict of field
# texts, "" for an empty cell).
FILTERS = {
    ("clinic", "sales"): lambda r: True,
    ("clinic", "buyers"): lambda r: number(r["amount"]) is not None and number(r["amount"]) > 0,
    ("clinic", "repeat_members"): lambda r: number(r["amount"]) > 0,
    ("clinic", "lost_buyers"): lambda r: number(r["amount"]) > 0,
    ("clinic", "package_sales"): lambda r: r["category"] == "套餐卡项",
    ("clinic", "walk_in_sales"): lambda r: r["member"] == "",
    ("sales", "gross_sales"): lambda r: number(r["amount"]) > 0,
    ("sales", "returns"): lambda r: number(r["amount"]) < 0,
    ("sales", "buyers"): lambda r: number(r["amount"]) > 0,
    ("sales", "retained_customers"): lambda r: number(r["amount"]) > 0,
    ("sales", "new_customers"): lambda r: number(r["amount"]) > 0,
    ("sales", "leads"): lambda r: r["status"] != "无效",
    ("sales", "converted_leads"): lambda r: r["status"] == "已转化",
}

RUNS = [  # example, KPI, period, --by, --rows
    ("clinic", "repeat_rate", "2025-06", "store=SH01", 3),
    ("clinic", "churn_rate", "2025-06", None, 10),
    ("clinic", "package_share", "2025-05", "store=BJ02", 5),
    ("clinic", "walk_in_sales", "2025-06", None, 1000),
    ("sales", "return_rate", "2025-06", None, 3),
    ("sales", "retention_rate", "2025-06", None, 2),
    ("sales", "new_customers", "2025-06", None, 10),
    ("sales", "rep_lead_conversion", "2025-06", "rep=罗宇", 5),
]


def month_days(label):
    """The first and last day of a month labelled 2025-06."""
    year, month = map(int, label.split("-"))
    return datetime.date(year, month, 1), datetime.date(year, month,
                                                         calendar.monthrange(year, month)[1])


def day_of(cell):
    """The day of a date or date-time cell: 2025-06-01, 2025-06-01 10:43:21, 2023/10/6 15:57."""
    year, month, day = map(int, re.match(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", cell).groups())
    return datetime.date(year, month, day)


def columns_of(fields):
    """Per field with a column of its own (not a lookup): its column names."""
    columns = {}
    for name, field in fields.items():
        if isinstance(field, dict):
            if "lookup" in field:
                continue
            field = field["column"]
        columns[name] = field if isinstance(field, list) else [field]
    return columns


def records(path):
    """The records of an export with the line each starts on (the header is line 1)."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    reader = csv.reader(text.splitlines(keepends=True))
    header = next(reader)
    start = reader.line_num + 1
    for record in reader:
        yield start, dict(zip(header, record))
        start = reader.line_num + 1


def source_rows(folder, source):
    """Every row of a source in file order: (file, line, fields as text)."""
    files = source["files"]
    columns = columns_of(source["fields"])
    for path in sorted(glob.glob(os.path.join(folder, files))):
        shown = os.path.relpath(path, folder)
        for line, record in records(path):
            row = {}
            for name, names in columns.items():
                row[name] = next((record[n].strip() for n in names if n in record), "")
            yield shown, line, row


def run(folder, *args):
    done = subprocess.run([kpi, *args], cwd=folder, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"kpi {' '.join(args)} failed in {folder}: {done.stderr}")
    return json.loads(done.stdout)


checked_rows = 0
checked_measures = 0
for example, name, period, by, limit in RUNS:
    folder = os.path.join(root, "examples", example)
    with open(os.path.join(folder, "kpi.toml"), "rb") as f:
        library = tomllib.load(f)
    by_args = ["--by", by] if by else []
    explained = run(folder, "explain", name, "--period", period, *by_args, "--rows", str(limit),
                    "--format", "json")
    for measure in explained["measures"]:
        where = f"{example} {name} {period} {by or ''} {measure['measure']}"
        measure_name = re.sub(r"^prev\((\w+)\)$", r"\1", measure["measure"])
        definition = library["measures"][measure_name]
        source = library["sources"][definition["source"]]
        keep = FILTERS[(example, measure_name)]
        first, last = month_days(measure.get("keys_judged_from", measure["period"]))
        keys = None
        if "per" in definition:
            field = by.split("=")[0] if by else None
            listed = run(folder, "list", measure_name, "--period", period,
                         *(["--by", field] if field else []), "--format", "json")
            value = by.split("=", 1)[1] if by else None
            keys = {k[definition["per"]] for k in listed if not field or k[field] == value}
            expected_total = sum(k["rows"] for k in listed if not field or k[field] == value)
        else:
            expected_total = measure["rows_passing"]
        needs_value = measure.get("rows_passing_with") == "value"
        of = definition.get("count_distinct") or definition.get("sum")
        found = []
        for file, line, row in source_rows(folder, source):
            if not first <= day_of(row[source["time"]]) <= last or not keep(row):
                continue
            if by and row[by.split("=")[0]] != by.split("=", 1)[1]:
                continue
            if needs_value and row[of] == "":
                continue
            if keys is not None and row[definition["per"]] not in keys:
                continue
            found.append((file, line, row))
        if len(found) != expected_total:
            sys.exit(f"{where}: {len(found)} rows found, the explanation counts {expected_total}")
        shown = [(r["file"], r["line"]) for r in measure["rows"]]
        wanted = [(file, line) for file, line, _ in found[:limit]]
        if shown != wanted:
            sys.exit(f"{where}: kpi shows rows {shown}, expected {wanted}")
        for shown_row, (file, line, row) in zip(measure["rows"], found):
            for field, cell in shown_row["fields"].items():
                plain = source["fields"].get(field)
                if isinstance(plain, (str, list)) and (cell or "") != row[field]:
                    sys.exit(f"{where}: {file}:{line} field {field} is {cell!r}, the export has "
                             f"{row[field]!r}")
        checked_rows += len(shown)
        checked_measures += 1
if checked_measures < 14 or checked_rows < 60:
    sys.exit(f"only {checked_measures} measures and {checked_rows} rows checked")
print(f"explain --rows: {checked_measures} measures, {checked_rows} rows as found in the exports")
