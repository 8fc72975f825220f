#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Renders the html of `kpi trend` and `kpi report --from --to` in headless Chromium and checks
the pages: nothing loaded from outside, the DOM (as Chromium built it) holds every number of
the json format as data- attributes and as shown text, a sparkline per line, a line per
scorecard in the chart of scores, and the 375 px wide screenshot is not blank.

Usage: check_history_html.py KPI REPO_ROOT
Exits with 77 (CTest's skip) when Chromium is not installed.
"""
import html.parser
import json
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_html import SKIP, check, chromium, equal, failures, percent, read_png  # noqa: E402
import subprocess  # noqa: E402


def run(kpi, folder, *args):
    result = subprocess.run([kpi, *args], cwd=folder, capture_output=True,
                            env=dict(os.environ, LANG="C.UTF-8", LC_ALL="", LC_MESSAGES=""))
    equal(result.returncode, 0, f"kpi {' '.join(args)}: exit ({result.stderr.decode()})")
    return result.stdout.decode()


class Cells(html.parser.HTMLParser):
    """Rows (tr with data-kpi or data-scorecard) and their value cells; svg elements by class."""

    def __init__(self):
        super().__init__()
        self.rows, self.svgs, self.polylines, self.cell = [], [], 0, None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "tr" and ("data-kpi" in attributes or "data-scorecard" in attributes):
            self.rows.append({"attributes": attributes, "cells": []})
        elif tag == "td" and "data-period" in attributes and self.rows:
            self.cell = {"attributes": attributes, "text": ""}
            self.rows[-1]["cells"].append(self.cell)
        elif tag == "svg":
            self.svgs.append(attributes.get("class"))
        elif tag == "polyline":
            self.polylines += 1

    def handle_endtag(self, tag):
        if tag == "td":
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["text"] += data


def render(browser, page, folder, name):
    with open(page, encoding="utf-8") as handle:
        source = handle.read()
    for pattern in [r"<script", r"<link", r"\bsrc=", r"url\(", r"@import", r"https?:"]:
        check(re.search(pattern, source) is None, f"{name}: page refers out ({pattern})")
    dom = Cells()
    dom.feed(chromium(browser, "--dump-dom", "file://" + page).stdout.decode())
    png = os.path.join(folder, f"{name}.png")
    chromium(browser, "--window-size=375,2000", f"--screenshot={png}", "file://" + page)
    width, height, rows = read_png(png)
    equal(width, 375, f"{name}: screenshot width")
    pixels = [pixel for row in rows for pixel in row]
    inked = sum(1 for pixel in pixels if pixel != (255, 255, 255))
    check(inked > len(pixels) * 0.05, f"{name}: screenshot nearly blank ({inked} of {len(pixels)})")
    return dom


def raw(value):
    return None if value is None else json.dumps(value)


def shown_matches(value, text, percent_unit):
    """Whether "21.4%" or "1885342.00" is `value` rounded to the decimals it shows."""
    digits = text.rstrip("%").replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    shown = float(digits)
    return text.endswith("%") == percent_unit and \
        abs((value * 100 if percent_unit else value) - shown) <= 0.5 * 10 ** -decimals + 1e-9


def check_trend(kpi, browser, root, folder):
    sales = os.path.join(root, "examples", "sales")
    args = ["trend", "--from", "2025-01", "--to", "2025-06"]
    trend = json.loads(run(kpi, sales, *args, "--format", "json"))
    page = os.path.join(folder, "trend.html")
    run(kpi, sales, *args, "--format", "html", "-o", page)
    dom = render(browser, page, folder, "trend")
    equal(len(dom.rows), len(trend["kpis"]), "trend: a row per line")
    equal(dom.svgs.count("spark"), len(trend["kpis"]), "trend: a sparkline per line")
    for row, line in zip(dom.rows, trend["kpis"]):
        where = f"trend {line['kpi']} {line['by']}"
        equal(row["attributes"]["data-kpi"], line["kpi"], f"{where}: kpi")
        equal([c["attributes"].get("data-value") for c in row["cells"]],
              [raw(v) for v in line["values"]], f"{where}: values")
        for value, cell in zip(line["values"], row["cells"]):
            if value is not None:
                check(shown_matches(value, cell["text"], line["unit"] == "percent"),
                      f"{where}: {cell['text']} shows {value}")
        for value, cell in zip(line["values"], row["cells"]):
            check((value is None) == (cell["text"] == "—"), f"{where}: no value shown as —")


def check_history(kpi, browser, root, folder):
    clinic = os.path.join(root, "examples", "clinic")
    args = ["report", "--plan", "plan-departments.csv", "--from", "2025-01", "--to", "2025-12",
            "--lang", "zh"]
    history = json.loads(run(kpi, clinic, *args, "--format", "json"))
    page = os.path.join(folder, "history.html")
    run(kpi, clinic, *args, "--format", "html", "-o", page)
    dom = render(browser, page, folder, "history")
    equal(dom.svgs.count("chart"), 1, "history: one chart of the scores")
    cards = [row for row in dom.rows if "data-scorecard" in row["attributes"]]
    equal(len(cards), len(history["scorecards"]), "history: a row per scorecard")
    for row, card in zip(cards, history["scorecards"]):
        equal([c["attributes"].get("data-value") for c in row["cells"]],
              [raw(t) for t in card["totals"]], f"history {card['name']}: totals")
    lines = [row for row in dom.rows if "data-kpi" in row["attributes"]]
    expected = [(card, line) for card in history["scorecards"] for line in card["kpis"]]
    equal(len(lines), len(expected), "history: a row per KPI line")
    equal(dom.svgs.count("spark"), len(expected), "history: a sparkline per KPI line")
    for row, (card, line) in zip(lines, expected):
        equal([c["attributes"].get("data-value") for c in row["cells"]],
              [raw(a) for a in line["achievement"]], f"history {card['name']} {line['kpi']}")
        equal([c["text"] for c in row["cells"]], [percent(a) for a in line["achievement"]],
              f"history {card['name']} {line['kpi']}: shown")


def main():
    kpi, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("SKIP: chromium is not installed, so the html pages are not rendered; install it "
              "with `apt-get install chromium`")
        return SKIP
    with tempfile.TemporaryDirectory() as folder:
        check_trend(kpi, browser, root, folder)
        check_history(kpi, browser, root, folder)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
