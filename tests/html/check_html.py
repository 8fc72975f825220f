#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Renders `kpi report --format html` of the clinic example in headless Chromium, as a reader's
browser would, and checks the page: it loads nothing from outside, the DOM holds the numbers of
the JSON report (the data- attributes exactly, the visible figures as formatted), changes are
coloured by the KPI's direction, the 375 px wide screenshot is not blank and shows the status
colours, and the page prints on A4.

Usage: check_html.py KPI REPO_ROOT [PNG_FOLDER]
Exits with 77 (CTest's skip) when Chromium is not installed. PNG_FOLDER keeps the screenshots.
"""
import decimal
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77
failures = []
# The status colours of the page's stylesheet, as the screenshot must show them.
COLOURS = {"met": (0x1E, 0x7B, 0x34), "at risk": (0xB2, 0x6A, 0x00), "missed": (0xC6, 0x28, 0x28)}


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


def equal(actual, expected, what):
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def kpi_run(kpi, folder, *args, lang="C.UTF-8"):
    result = subprocess.run([kpi, "report", "--period", "2025-06", *args], cwd=folder,
                            capture_output=True,
                            env=dict(os.environ, LANG=lang, LC_ALL="", LC_MESSAGES=""))
    equal(result.returncode, 0, f"kpi report {' '.join(args)}: exit ({result.stderr.decode()})")
    return result.stdout.decode()


def chromium(browser, *args):
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--no-first-run", "--disable-extensions", *args]
    return subprocess.run(command, capture_output=True, timeout=120)


def percent(ratio):
    """format_percent: one decimal, half away from zero on the six-decimal value."""
    if ratio is None:
        return "—"
    value = decimal.Decimal(repr(ratio)) * 100
    return str(value.quantize(decimal.Decimal("0.1"), rounding=decimal.ROUND_HALF_UP)) + "%"


class Dom(html.parser.HTMLParser):
    """The KPI cards, scorecards and figures of the rendered page."""

    def __init__(self):
        super().__init__()
        self.scorecards = []   # (attributes, [card attributes], title text)
        self.ranking = []      # (label, value) in the page's order
        self.external = []     # any element that would fetch something
        self.plan_score = None
        self._text_target = None
        self._figure = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "link", "img", "iframe", "object", "embed") or "src" in attrs:
            self.external.append(tag)
        if "data-plan-score" in attrs:
            self.plan_score = attrs["data-plan-score"]
        if tag == "section" and "data-scorecard" in attrs:
            self.scorecards.append((attrs, [], []))
        elif "data-kpi" in attrs:
            self.scorecards[-1][1].append(dict(attrs, figures=[], classes=[]))
        elif tag == "span" and attrs.get("class") == "total" and self.scorecards:
            self._text_target = self.scorecards[-1][2]
        elif tag == "span" and attrs.get("class") in ("label", "value") and not self.scorecards:
            self._text_target = self.ranking
        elif tag == "dd" and self.scorecards and self.scorecards[-1][1]:
            self.scorecards[-1][1][-1]["classes"].append(attrs.get("class", ""))
            self._text_target = self.scorecards[-1][1][-1]["figures"]

    def handle_data(self, data):
        if self._text_target is not None:
            self._text_target.append(data)
            self._text_target = None


def number(text):
    return None if text is None else float(text)


def check_dom(dom, report, what):
    equal(dom.external, [], f"{what}: elements that load something")
    equal(number(dom.plan_score), report["plan_score"], f"{what}: plan score")
    equal(len(dom.scorecards), len(report["scorecards"]), f"{what}: scorecards")
    ranked = sorted(report["scorecards"], key=lambda s: -s["score"])
    titles = [s["name"] + (f" · {s['entity']}" if s["entity"] else "") for s in ranked]
    equal(dom.ranking[0::2], titles, f"{what}: ranking order")
    equal(dom.ranking[1::2], [f"{s['score']:.1f}" for s in ranked], f"{what}: ranking values")
    for (attrs, cards, total), scorecard in zip(dom.scorecards, report["scorecards"]):
        name = scorecard["name"]
        equal(attrs["data-scorecard"], name, f"{what}: scorecard")
        equal(number(attrs.get("data-score")), scorecard["score"], f"{what}: {name} score")
        check(total and total[0].endswith(f" {scorecard['score']:.1f}"), f"{what}: {name} total")
        equal(len(cards), len(scorecard["kpis"]), f"{what}: {name} KPIs")
        for card, kpi in zip(cards, scorecard["kpis"]):
            where = f"{what}: {name} {kpi['id']}"
            equal(card["data-kpi"], kpi["id"], where)
            for attribute, key in [("actual", "actual"), ("target", "target"),
                                   ("achievement", "achievement"), ("weight", "weight"),
                                   ("score", "score"), ("change-previous", "change_previous"),
                                   ("change-last-year", "change_last_year")]:
                equal(number(card.get("data-" + attribute)), kpi[key], f"{where} {attribute}")
            equal(card["data-status"], kpi["status"], f"{where} status")
            equal(card["figures"][2], percent(kpi["achievement"]), f"{where} achievement shown")
            equal(card["figures"][1], kpi["target_text"] or "—", f"{where} target shown")
            if "pace" in kpi:  # a paced report: the target to date, the pace, the projection
                for attribute, key in [("expected", "expected"), ("pace", "pace"),
                                       ("projection", "projection")]:
                    equal(number(card.get("data-" + attribute)), kpi["pace"][key],
                          f"{where} {attribute}")
                equal(len(card["figures"]), 10, f"{where} figures with the pace")
                equal(card["figures"][8], percent(kpi["pace"]["pace"]) if kpi["pace"]["pace"]
                      is not None else "—", f"{where} pace shown")


def read_png(path):
    """(width, height, rows of (r, g, b)) of an 8-bit RGB or RGBA PNG, without a library."""
    with open(path, "rb") as handle:
        data = handle.read()
    check(data.startswith(b"\x89PNG\r\n\x1a\n"), "screenshot is a PNG")
    at, idat, header = 8, b"", None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        chunk = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        at += 12 + length
    width, height, depth, colour, _, _, interlace = header
    check(depth == 8 and colour in (2, 6) and interlace == 0, "screenshot: 8-bit RGB(A)")
    channels = 4 if colour == 6 else 3
    raw, stride = zlib.decompress(idat), width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                nearest = min((abs(p - left), 0, left), (abs(p - up), 1, up),
                              (abs(p - corner), 2, corner))[2]
                line[i] = (line[i] + nearest) & 0xFF
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, channels)])
        previous = line
    return width, height, rows


def check_screenshot(path, what):
    width, height, rows = read_png(path)
    equal(width, 375, f"{what}: screenshot width")
    pixels = [pixel for row in rows for pixel in row]
    inked = sum(1 for pixel in pixels if pixel != (255, 255, 255))
    check(inked > len(pixels) * 0.05, f"{what}: screenshot nearly blank ({inked} of {len(pixels)})")
    for status, colour in COLOURS.items():
        count = sum(1 for pixel in pixels if pixel == colour)
        check(count > 100, f"{what}: {status} colour ({colour}) on {count} pixels")
    # Nothing is cut at the right edge: the last column of pixels is the page's white.
    edge = [row[-1] for row in rows[:1500]]
    check(all(pixel == (255, 255, 255) for pixel in edge), f"{what}: content reaches the right edge")


def main():
    kpi, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    keep = sys.argv[3] if len(sys.argv) > 3 else None
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("SKIP: chromium is not installed, so the html report is not rendered; install it "
              "with `apt-get install chromium`")
        return SKIP
    clinic = os.path.join(root, "examples", "clinic")
    # Without --lang, a Chinese locale gives the Chinese page.
    page = kpi_run(kpi, clinic, "--format", "html", lang="zh_CN.UTF-8")
    check('<html lang="zh-CN">' in page and "<h2>汇总</h2>" in page, "LANG=zh_CN.UTF-8: page")
    with tempfile.TemporaryDirectory() as folder:
        for name, args in [("roles", []), ("departments-zh", ["--plan", "plan-departments.csv",
                                                              "--lang", "zh"]),
                           ("progress", ["--as-of", "2025-06-15", "--plan", "plan-progress.csv",
                                         "--by", "consultant"])]:
            page = os.path.join(folder, f"{name}.html")
            kpi_run(kpi, clinic, *args, "--format", "html", "-o", page)
            with open(page, encoding="utf-8") as handle:
                source = handle.read()
            for pattern in [r"<script", r"<link", r"\bsrc=", r"url\(", r"@import", r"https?:"]:
                check(re.search(pattern, source) is None, f"{name}: page refers out ({pattern})")
            report = json.loads(kpi_run(kpi, clinic, *args, "--format", "json"))
            dumped = chromium(browser, "--dump-dom", "file://" + page)
            dom = Dom()
            dom.feed(dumped.stdout.decode())
            check_dom(dom, report, name)
            png = os.path.join(folder, f"{name}.png")
            chromium(browser, "--window-size=375,3000", f"--screenshot={png}", "file://" + page)
            if name == "departments-zh":
                check_screenshot(png, name)
                # 客户投诉率 is lower-is-better: its rise of 27.1 % is bad news.
                cards = [card for _, cards, _ in dom.scorecards for card in cards]
                complaint = next(card for card in cards if card["data-kpi"] == "complaint_rate")
                equal(complaint["classes"][5:7], ["bad", "bad"], "complaint rate changes")
                sales = next(card for card in cards if card["data-kpi"] == "sales")
                equal(sales["classes"][5:7], ["bad", "good"], "sales changes")
            pdf = os.path.join(folder, f"{name}.pdf")
            chromium(browser, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + page)
            with open(pdf, "rb") as handle:
                printed = handle.read()
            check(printed.startswith(b"%PDF"), f"{name}: printed to PDF")
            check(b"/MediaBox [0 0 595" in printed or b"/MediaBox [0 0 594" in printed,
                  f"{name}: printed on A4")
            if keep:
                shutil.copy(png, keep)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
