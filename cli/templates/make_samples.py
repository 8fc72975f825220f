#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the sample exports that `kpi init --template clinic|beauty|sales` carries.

The examples' exports cover two years (2 to 3 MB each); a template carries the rows of the
quarter its printed next step reports on (2025-04 to 2025-06, so that 2025-06 and its quarter
have their rows), and the master tables whole. Each file keeps its encoding, byte-order mark,
delimiter and line ends, so that the template's library reads its sample as it reads the
example's exports.

    python3 cli/templates/make_samples.py [--out DIR]     (from the repository root)

The CTest `templates/samples-up-to-date` writes them into a temporary folder and compares.
"""

import argparse
import csv
import io
import os
import re
import shutil

EXAMPLES = ("clinic", "beauty", "sales")
OUT = os.path.join("cli", "templates", "samples")
# A date in April to June 2025, in the spellings the examples' exports use.
IN_QUARTER = re.compile(r"2025(?:[-/.年]0?[456](?!\d)|0[456]\d\d)")
ANY_DATE = re.compile(r"20\d\d(?:[-/.年]\d{1,2}(?!\d)|[01]\d[0-3]\d)")
# One export a month or a year: only those of the quarter are kept.
MONTHLY = re.compile(r"_(20\d\d)-(\d\d)\.")
YEARLY = re.compile(r"_(20\d\d)\.csv$")


def decode(data):
    """The text of a file and how to write it back: encoding, byte-order mark."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"),
                          (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(encoding), encoding, bom
    try:
        return data.decode("utf-8"), "utf-8", b""
    except UnicodeDecodeError:
        return data.decode("gb18030"), "gb18030", b""


def sample(text):
    """The header and the rows of the quarter; every row when none is dated in it."""
    newline = "\r\n" if "\r\n" in text else "\n"
    delimiter = "\t" if text.split(newline, 1)[0].count("\t") > 0 else ","
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header, rows = records[0], records[1:]
    kept = [row for row in rows if any(IN_QUARTER.search(cell) for cell in row)]
    dated = any(ANY_DATE.search(cell) for row in rows for cell in row)
    if not kept and dated:
        kept = rows  # dated outside the quarter only (projects, yearly budgets): all, they are few
    if not dated:
        kept = rows  # a master table
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(kept)
    return out.getvalue()


def wanted(name):
    monthly = MONTHLY.search(name)
    if monthly:
        return monthly.group(1) == "2025" and monthly.group(2) in ("04", "05", "06")
    yearly = YEARLY.search(name)
    return not yearly or yearly.group(1) == "2025"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=OUT)
    out = parser.parse_args().out
    for example in EXAMPLES:
        source = os.path.join("examples", example, "data")
        target = os.path.join(out, example, "data")
        shutil.rmtree(target, ignore_errors=True)
        os.makedirs(target)
        for name in sorted(os.listdir(source)):
            if not wanted(name):
                continue
            with open(os.path.join(source, name), "rb") as file:
                text, encoding, bom = decode(file.read())
            with open(os.path.join(target, name), "wb") as file:
                file.write(bom + sample(text).encode(encoding))


if __name__ == "__main__":
    main()
