#!/usr/bin/env python3
"""Checks a tool's answers to workload W2 against the reference's.

    w2_compare.py EXPECTED.csv ACTUAL.csv

Both are CSV files with the columns kpi, period, by and value (others, such as kpi's name and
unit, are ignored): one row per KPI, period and breakdown value, an empty value for no value.
Counts must be equal, money within 0.01 and ratios within 1e-6 (the kinds are w2_reference.py's);
a value must be empty exactly where the reference's is. Prints `MATCH (n rows, m to the digit)`
or `MISMATCH (n):` and the first differences; exits 0 on a match, 1 otherwise.
"""
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from w2_reference import KIND  # noqa: E402  (the one table of KPIs and their kinds)

TOLERANCE = {"money": 0.01, "ratio": 1e-6, "count": 0}
SHOWN = 20


# kpi's CSV has one column per breakdown field (store, consultant, …) where the reference has
# `by`: a row's breakdown value is its `by`, else the one breakdown column it fills.
FIXED = {"kpi", "name", "period", "value", "unit"}


def breakdown_value(record):
    if "by" in record:
        return record["by"]
    return " / ".join(v for k, v in record.items() if k not in FIXED and v)


def load(path):
    rows = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for line, record in enumerate(csv.DictReader(f), start=2):
            record = {(k or "").strip().lower(): (v or "").strip() for k, v in record.items()}
            try:
                key = (record["kpi"], record["period"], breakdown_value(record))
                value = record["value"]
            except KeyError as missing:
                raise SystemExit(f"{path}: no column {missing}")
            if key in rows:
                raise SystemExit(f"{path}:{line}: a second row for {key}")
            rows[key] = value
    return rows


def number(text):
    if text in ("", "NULL", "null", "None", "nan", "NaN"):
        return None
    return float(text)


def differs(kpi, expected, actual):
    """A description of how actual differs from expected, or None when it matches."""
    try:
        want, got = number(expected), number(actual)
    except ValueError:
        return f"expected {expected!r} got {actual!r}"
    if want is None or got is None:
        return None if want is None and got is None else f"expected {expected!r} got {actual!r}"
    kind = KIND.get(kpi, "ratio")
    if abs(got - want) > TOLERANCE[kind] + 1e-12 * abs(want):
        return f"expected {expected} got {actual} ({kind})"
    return None


def main(expected_path, actual_path):
    expected, actual = load(expected_path), load(actual_path)
    problems = []
    exact = 0
    for key in sorted(set(expected) | set(actual)):
        if key not in actual:
            problems.append(f"missing {key}: expected {expected[key]!r}")
        elif key not in expected:
            problems.append(f"unexpected {key}: {actual[key]!r}")
        elif (problem := differs(key[0], expected[key], actual[key])):
            problems.append(f"{key}: {problem}")
        else:
            exact += expected[key] == actual[key]
    if problems:
        print(f"MISMATCH ({len(problems)}):")
        print("\n".join(problems[:SHOWN]))
        return 1
    print(f"MATCH ({len(expected)} rows, {exact} to the digit)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: w2_compare.py EXPECTED.csv ACTUAL.csv")
    sys.exit(main(sys.argv[1], sys.argv[2]))
