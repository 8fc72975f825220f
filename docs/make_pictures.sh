#!/bin/sh
# SPDX-License-Identifier: MIT
# Remakes the pictures of docs/output-formats.md from the clinic example: the html report as a
# phone shows it (375 px wide) and as a desktop browser does, the png card and the xlsx summary
# sheet. Needs a built
# kpi (with cairo and pango, for png) and Chromium (apt-get install chromium) with a CJK font
# (apt-get install fonts-noto-cjk or fonts-wqy-microhei).
# Usage: docs/make_pictures.sh [KPI]   (default build/cli/kpi), from the repository's root.
set -eu
kpi=$(realpath "${1:-build/cli/kpi}")
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd examples/clinic &&
  "$kpi" report --period 2025-06 --plan plan-departments.csv --lang zh --format html \
    -o "$work/report.html")
shot() {
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$1" \
    --screenshot="$root/docs/images/$2" "file://$work/report.html" 2>/dev/null
}
shot 375,760 report-html-phone.png
shot 1000,700 report-html-desktop.png
(cd examples/clinic &&
  "$kpi" report --period 2025-06 --plan plan-departments.csv --lang zh --format png \
    -o "$root/docs/images/report-card.png")
# The xlsx report as Excel shows its summary sheet: LibreOffice (apt-get install
# libreoffice-calc poppler-utils) prints the workbook, and the first page becomes the picture.
(cd examples/clinic &&
  "$kpi" report --period 2025-06 --plan plan-departments.csv --lang zh --format xlsx \
    -o "$work/report.xlsx")
soffice --headless --convert-to pdf --outdir "$work" "$work/report.xlsx" >/dev/null 2>&1
pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$work/report.pdf" "$root/docs/images/report-xlsx"
