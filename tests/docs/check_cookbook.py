#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The cookbook's snippets compute what the examples compute.

Each catalog row of docs/cookbook.md names the example it is cut from ("In `examples/NAME`:")
and shows a ```toml library. Run in that example's folder (so that its `files` find the
example's exports), the snippet must give, for June 2025 and the second quarter, exactly the
lines `kpi values --format csv` gives for the same KPIs with the example's whole library.

usage: check_cookbook.py KPI_BINARY REPO_ROOT
"""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile

ROW = re.compile(r"^#### (\S+) .*?\nIn `examples/(\w+)`:.*?\n```toml\n(.*?)```", re.S | re.M)
PERIODS = ("2025-06", "2025-Q2")


def values(kpi, folder, library, period):
    result = subprocess.run([kpi, "values", library, "--period", period, "--format", "csv"],
                            cwd=folder, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{library} in {folder}: exit {result.returncode}: {result.stderr}")
    # One column per breakdown field, between period and value: a library with more breakdowns
    # has more columns, so a line is known by its KPI, period and breakdown values, and
    # compared by its name, value and unit.
    lines = {}
    for line in csv.DictReader(io.StringIO(result.stdout)):
        fixed = ("kpi", "name", "period", "value", "unit")
        by = tuple(sorted((k, v) for k, v in line.items() if k not in fixed and v))
        lines[(line["kpi"], line["period"], by)] = (line["name"], line["value"], line["unit"])
    return lines


def main():
    kpi, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    page = open(os.path.join(root, "docs", "cookbook.md"), encoding="utf-8").read()
    rows = ROW.findall(page)
    if len(rows) < 100:
        sys.exit(f"check_cookbook: only {len(rows)} snippets found in docs/cookbook.md")
    problems = 0
    for period in PERIODS:
        whole = {}
        for row, example, snippet in rows:
            folder = os.path.join(root, "examples", example)
            if example not in whole:
                whole[example] = values(kpi, folder, "kpi.toml", period)
            # The snippet is written beside the example's library, for its relative `files`.
            with tempfile.NamedTemporaryFile("w", suffix=".toml", dir=folder, prefix=".cookbook-",
                                             encoding="utf-8", delete=False) as library:
                library.write(snippet)
            try:
                lines = values(kpi, folder, os.path.basename(library.name), period)
            finally:
                os.remove(library.name)
            for key, line in lines.items():
                if whole[example].get(key) != line:
                    print(f"{row} {period}: the snippet gives {line}, the example "
                          f"{whole[example].get(key)}")
                    problems += 1
    print(f"check_cookbook: {len(rows)} snippets, {len(PERIODS)} periods, {problems} differences")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
