#!/usr/bin/env python3
"""Recomputes every value of the expected `kpi trend` and `kpi report --from --to` (score
history) outputs on the sales example, without kpi.

    python3 tests/examples/check_history.py        (from the repository root)

Reads the expected outputs of tests/e2e/cases/trend-sales-*/expout (json and csv: one column
per period) and recomputes each KPI of each period from examples/sales/data/ with the
independent definitions of check_sales.py (Python's csv module, exact decimals and fractions).
A line broken down by a field (region=华东, rep=林佳怡) is the KPI for that entity. With
--as-of, the period cut at that day is checked for the KPIs that only add up its rows (sales,
new customers: nothing of the period before), and the periods after it must have no value.
The clinic's trends (trend-clinic-*/expout, json and csv) are recomputed the same way with the
definitions of check_clinic.py: each KPI per month, whole or per breakdown value (a value
without rows in a month has no value there).
For the score histories (history-sales-*/expout, json and csv), every scorecard KPI's actual
in every period is recomputed the same way, for the scorecard's entity.
Prints "N values compared: MATCH", or the mismatches and exits 1.
"""
import csv
import datetime as dt
import glob
import io
import json
import os
import sys
import tomllib
from decimal import Decimal
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_clinic  # noqa: E402  (the independent definitions of the clinic example's KPIs)
import check_sales  # noqa: E402  (the same for the sales example)

CASES = os.path.join(check_sales.ROOT, "tests", "e2e", "cases")
# KPIs that only add up the rows of their period: checked on a period cut by --as-of too.
ADDS_UP = {"sales", "region_sales", "rep_sales", "new_customers"}
# KPIs that read the period before theirs.
LOOKS_BACK = {"retention_rate", "sales_deviation", "lead_change"}
# KPIs summed over the orders of one breakdown value, and the order field that holds it.
BY_FIELD = {"region_sales": "region", "rep_sales": "rep"}


class ToDate(check_sales.Period):
    """A month measured up to a day (--as-of): its first day to that day."""

    def __init__(self, name, last_day):
        super().__init__(name)
        self.last_day = last_day

    def last(self):
        return self.last_day


def period_of(label, as_of):
    """"2025-06", "2025-Q2" or "2025-06 to 2025-06-15" as a check_sales period."""
    if " to " in label:
        name, day = label.split(" to ")
        if dt.date.fromisoformat(day) != as_of:
            sys.exit(f"period {label!r} is not cut at --as-of {as_of}")
        return ToDate(name, as_of)
    return check_sales.Period(label)


def entity_of(by):
    """The breakdown value of a line: {"region": "华东"} or "region=华东"; None for the whole."""
    if isinstance(by, dict):
        return next(iter(by.values()), None)
    return by.split("=", 1)[1] if by else None


def lines_of(path):
    """(kpi, entity, [(period label, value or None)]) per line, and the --as-of day."""
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    if text.startswith("{"):
        trend = json.loads(text, parse_float=Decimal)
        labels = [p["period"] for p in trend["periods"]]
        as_of = dt.date.fromisoformat(trend["as_of"]) if trend["as_of"] else None
        return [(k["kpi"], entity_of(k["by"]), list(zip(labels, k["values"]))) for k in trend["kpis"]], as_of
    rows = list(csv.reader(io.StringIO(text)))
    header, lines = rows[0], []
    for row in rows[1:]:
        values = [None if cell == "" else Decimal(cell) for cell in row[4:]]
        lines.append((row[0], entity_of(row[2]), list(zip(header[4:], values))))
    return lines, None


def history_lines(path):
    """(scorecard, entity, kpi, [(period label, KPI period, actual or None)]) per KPI line."""
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    if text.startswith("{"):
        history = json.loads(text, parse_float=Decimal)
        return [(card["name"], card["entity"], kpi["kpi"],
                 list(zip(history["periods"], kpi["kpi_period"], kpi["actual"])))
                for card in history["scorecards"] for kpi in card["kpis"]]
    rows = list(csv.reader(io.StringIO(text)))
    header, lines, measured = rows[0], [], {}
    for row in rows[1:]:
        if row[4] == "kpi_period":
            measured[tuple(row[:3])] = row[5:]
        elif row[4] == "actual":
            actuals = [None if cell == "" else Decimal(cell) for cell in row[5:]]
            lines.append((row[0], row[1] or None, row[2],
                          list(zip(header[5:], measured[tuple(row[:3])], actuals))))
    return lines


def kpi_period_of(label, measured):
    """The period a KPI line was measured over: its own ("2025-06", "2025-Q2"), or a quarter to
    the end of the report's month ("2025-Q2 to date" in 2025-05: 2025-04-01..2025-05-31)."""
    if not measured.endswith(" to date"):
        return check_sales.Period(measured)
    return ToDate(measured[:-len(" to date")], check_sales.Period(label).last())


def check_histories(calc):
    compared, mismatches = 0, []
    cases = [c for c in sorted(glob.glob(os.path.join(CASES, "history-sales-*", "expout")))
             if open(c, encoding="utf-8-sig").read(5) in ('{"sch', "score")]
    if not cases:
        sys.exit("no expected score histories under tests/e2e/cases/history-sales-*")
    for path in cases:
        case = os.path.basename(os.path.dirname(path))
        for scorecard, entity, kpi, cells in history_lines(path):
            for label, measured, shown in cells:
                period = kpi_period_of(label, measured)
                if isinstance(period, ToDate) and kpi in LOOKS_BACK:
                    continue  # what "the period before" a period to date is, check_sales does not model
                if kpi in BY_FIELD and not calc.rows(calc.orders, period, **{BY_FIELD[kpi]: entity}):
                    expected = None  # kpi's rule: a breakdown value without rows has no value
                else:
                    expected = calc.actual(kpi, period, scorecard, entity)
                compared += 1
                if not check_sales.same(kpi, shown, expected):
                    recomputed = f"{float(expected):.6f}" if isinstance(expected, Fraction) else expected
                    mismatches.append(f"{case}: {scorecard}{' · ' + entity if entity else ''} {kpi} "
                                      f"{label}: history {shown}, recomputed {recomputed}")
    return compared, mismatches


class ClinicEngine(check_clinic.Engine):
    """check_clinic's engine, with the library's `no_rows = 0`: a register of rare events
    (complaints) counts 0 in a month, or for a region, without a row, not "no value"."""

    def __init__(self, sources):
        super().__init__(sources)
        with open(os.path.join(check_clinic.CLINIC, "kpi.toml"), "rb") as f:
            measures = tomllib.load(f)["measures"]
        self.zero_without_rows = {name for name, m in measures.items() if m.get("no_rows") == 0}

    def measure(self, name, period, by=None, value=None):
        found = super().measure(name, period, by, value)
        return 0 if found is None and name in self.zero_without_rows else found


def check_clinic_trends():
    engine = ClinicEngine(check_clinic.load())
    comparison = check_clinic.Comparison()
    cases = [c for c in sorted(glob.glob(os.path.join(CASES, "trend-clinic-*", "expout")))
             if open(c, encoding="utf-8-sig").read(5) in ('{"sch', "kpi,n")]
    if not cases:
        sys.exit("no expected trends under tests/e2e/cases/trend-clinic-*")
    for path in cases:
        case = os.path.basename(os.path.dirname(path))
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
        if text.startswith("{"):
            trend = json.loads(text)
            lines = [(k["kpi"], next(iter(k["by"].items()), (None, None)),
                      list(zip([p["period"] for p in trend["periods"]], k["values"])))
                     for k in trend["kpis"]]
        else:
            rows = list(csv.reader(io.StringIO(text)))
            field = rows[0][2]
            lines = [(row[0], (field, row[2]) if row[2] else (None, None),
                      list(zip(rows[0][4:], [c or None for c in row[4:]]))) for row in rows[1:]]
        for kpi, (field, value), cells in lines:
            for label, shown in cells:
                period = check_clinic.parse_period(label)
                entity = None if value == "(missing)" else value
                if check_clinic.KPIS[kpi][1] is None:
                    expected = None
                elif field is None:
                    expected = check_clinic.kpi_value(engine, kpi, period)
                elif entity not in check_clinic.breakdown_values(engine, kpi, period, field):
                    expected = None  # no rows of this value in the period: no value
                else:
                    expected = check_clinic.kpi_value(engine, kpi, period, field, entity)
                comparison.same(f"{case}: {kpi} {field}={value} {label}", expected, shown,
                                exact=kpi in check_clinic.EXACT)
    return comparison.count, comparison.mismatches


def main():
    calc = check_sales.Calc(check_sales.load())
    # The json and csv cases; the table and markdown ones show the same numbers rounded.
    cases = [c for c in sorted(glob.glob(os.path.join(CASES, "trend-sales-*", "expout")))
             if open(c, encoding="utf-8-sig").read(5) in ('{"sch', "kpi,n")]
    if not cases:
        sys.exit("no expected trends under tests/e2e/cases/trend-sales-*")
    compared, mismatches = 0, []
    for path in cases:
        lines, as_of = lines_of(path)
        case = os.path.basename(os.path.dirname(path))
        for kpi, entity, cells in lines:
            for label, shown in cells:
                period = period_of(label, as_of)
                if as_of and period.first() > as_of:
                    expected = None  # not begun by --as-of: no value yet
                elif isinstance(period, ToDate) and kpi not in ADDS_UP:
                    continue
                elif kpi in BY_FIELD and not calc.rows(calc.orders, period, **{BY_FIELD[kpi]: entity}):
                    expected = None  # kpi's rule: a breakdown value without rows has no value
                else:
                    expected = calc.actual(kpi, period, None, entity)
                compared += 1
                if not check_sales.same(kpi, shown, expected):
                    recomputed = f"{float(expected):.6f}" if isinstance(expected, Fraction) else expected
                    mismatches.append(f"{case}: {kpi}{' · ' + entity if entity else ''} {label}: "
                                      f"trend {shown}, recomputed {recomputed}")
    for check in (lambda: check_histories(calc), check_clinic_trends):
        counted, found = check()
        compared += counted
        mismatches += found
    for line in mismatches:
        print(line)
    print(f"{compared} values compared: {'MATCH' if not mismatches else f'{len(mismatches)} MISMATCH'}")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
