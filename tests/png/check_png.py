#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Checks `kpi report --format png` of the clinic example as a reader's chat app would show it:
a PNG 1080 px wide whose height is the card's rows (from the JSON report's scorecards and KPIs),
not blank, showing the status colours of the html page; the same bytes on a second run; the
locale's language by default (LANG=zh_CN.UTF-8 draws what --lang zh draws, and English differs);
refused on a terminal; a kpi without its drawing module beside it (kpi-png.so) says where it
looked, and other formats need no module. Exits with 77 (CTest's skip) when kpi was built without cairo and pango,
after checking that it says what to install.

Usage: check_png.py KPI REPO_ROOT [PNG_FOLDER]     PNG_FOLDER keeps the images.
"""
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "html"))
import check_html as common  # noqa: E402  (its PNG reader and its check/equal)

SKIP = 77
# The card's layout: a header, the summary's title, a footer, a bar per scorecard, and per
# scorecard a heading and a row per KPI (png_card.cpp's constants).
HEADER, SECTION_TITLE, FOOTER, RANK_ROW, SCORECARD_HEAD, KPI_ROW = 150, 70, 90, 50, 80, 54


def kpi_report(kpi, folder, *args, lang="C.UTF-8", stdout=subprocess.PIPE):
    return subprocess.run([kpi, "report", "--period", "2025-06", "--plan", "plan-departments.csv",
                           *args], cwd=folder, stdout=stdout, stderr=subprocess.PIPE,
                          env=dict(os.environ, LANG=lang, LC_ALL="", LC_MESSAGES=""))


def png_of(kpi, folder, *args, lang="C.UTF-8"):
    result = kpi_report(kpi, folder, "--format", "png", *args, lang=lang)
    common.equal(result.returncode, 0, f"png {args}: exit ({result.stderr.decode()})")
    return result.stdout


def check_without_module(kpi, clinic):
    """kpi copied to a folder of its own, without kpi-png.so: cairo and pango are loaded only to
    draw a png, so every other format works, and png is refused (exit 2) saying where kpi looked
    and why. Not checked where an installed module is found instead."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = os.path.realpath(temporary)  # as kpi sees its own path
        alone = os.path.join(folder, "kpi")
        shutil.copy(kpi, alone)
        text = kpi_report(alone, clinic, "--format", "csv")
        common.equal(text.returncode, 0, f"csv without the module: exit ({text.stderr.decode()})")
        refused = kpi_report(alone, clinic, "--format", "png", "-o", os.devnull)
        if refused.returncode == 0:
            print("note: an installed kpi-png.so was found; kpi without its module is not checked")
            return
        common.equal(refused.returncode, 2, "png without the module: exit")
        message = refused.stderr.decode()
        expected = (f"kpi: error: --format png draws with the module kpi-png.so, built beside kpi "
                    f"(cmake --build build) and installed with it (cmake --install build); it "
                    f"did not load: {folder}/kpi-png.so: cannot open shared object file: No such "
                    f"file or directory; ")
        common.check(message.startswith(expected), f"png without the module: {message!r}")


def main():
    kpi, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    keep = sys.argv[3] if len(sys.argv) > 3 else None
    clinic = os.path.join(root, "examples", "clinic")
    probe = kpi_report(kpi, clinic, "--format", "png", "-o", os.devnull)
    if probe.returncode == 2 and b"needs kpi built with cairo and pango" in probe.stderr:
        message = probe.stderr.decode()
        common.check("apt-get install libcairo2-dev libpango1.0-dev" in message,
                     f"a build without png says what to install: {message!r}")
        print(f"SKIP: kpi built without cairo and pango: {message.strip()}")
        return 1 if common.failures else SKIP

    report = json.loads(kpi_report(kpi, clinic, "--format", "json").stdout)
    chinese = png_of(kpi, clinic, "--lang", "zh")
    common.check(png_of(kpi, clinic, "--lang", "zh") == chinese, "the same report, other bytes")
    common.check(png_of(kpi, clinic, lang="zh_CN.UTF-8") == chinese,
                 "LANG=zh_CN.UTF-8 does not draw what --lang zh draws")
    english = png_of(kpi, clinic, "--lang", "en")
    common.check(english != chinese, "English and Chinese cards are the same picture")

    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for name, data in (("report-zh.png", chinese), ("report-en.png", english)):
            paths[name] = os.path.join(folder, name)
            with open(paths[name], "wb") as handle:
                handle.write(data)
            if keep:
                shutil.copy(paths[name], keep)
        width, height, rows = common.read_png(paths["report-zh.png"])
        scorecards = report["scorecards"]
        kpis = sum(len(scorecard["kpis"]) for scorecard in scorecards)
        common.equal((len(scorecards), kpis), (6, 25), "the clinic's department plan")
        common.equal(width, 1080, "width")
        common.equal(height, HEADER + SECTION_TITLE + FOOTER + RANK_ROW * len(scorecards)
                     + SCORECARD_HEAD * len(scorecards) + KPI_ROW * kpis, "height")
        pixels = [pixel for row in rows for pixel in row]
        inked = sum(1 for pixel in pixels if pixel != (255, 255, 255))
        common.check(inked > len(pixels) * 0.05, f"nearly blank ({inked} of {len(pixels)})")
        statuses = [kpi["status"] for scorecard in scorecards for kpi in scorecard["kpis"]]
        for status, colour in common.COLOURS.items():
            count = sum(1 for pixel in pixels if pixel == colour)
            common.check(status in statuses and count > 1000,
                         f"{status} colour ({colour}) on {count} pixels")

    # On a terminal: refused before any work, with exit 2.
    leader, follower = pty.openpty()
    result = kpi_report(kpi, clinic, "--format", "png", stdout=follower)
    os.close(follower)
    os.close(leader)
    common.equal(result.returncode, 2, "png to a terminal: exit")
    common.equal(result.stderr.decode(),
                 "kpi: error: --format png writes an image, not text for a terminal: give -o "
                 "FILE.png, or redirect standard output to a file\n", "png to a terminal: message")
    check_without_module(kpi, clinic)
    if common.failures:
        print(f"{len(common.failures)} check(s) failed", file=sys.stderr)
        return 1
    print("png: the clinic's card is 1080 px wide, drawn the same twice, in both languages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
