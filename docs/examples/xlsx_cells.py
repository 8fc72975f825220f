#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Shows what a kpi workbook holds: its sheets, then each cell of one row of one sheet with its
value and number format. Reads the workbook on standard input (Debian: python3-openpyxl).

Usage: kpi report ... --format xlsx | xlsx_cells.py SHEET ROW
"""
import io
import sys

import openpyxl

book = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
print("sheets:", ", ".join(book.sheetnames))
for cell in book[sys.argv[1]][int(sys.argv[2])]:
    shown = "(empty)" if cell.value is None else repr(cell.value)
    print(f"{cell.coordinate:<4}{cell.number_format:<18}{shown}")
