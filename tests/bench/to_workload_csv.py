#!/usr/bin/env python3
"""Turns `kpi values tests/bench/workload_w.toml --format csv` output (two periods: 2025-06 and
the whole file as a date range) into the benchmark's canonical CSV
(table,period,key,sales,orders,avg_ticket,members,repeat_rate,share), for compare.py."""
import csv
import sys

STORE = {"sales": "sales", "orders": "orders", "avg_ticket": "avg_ticket", "members": "members",
         "repeat_rate": "repeat_rate"}
CHANNEL = {"channel_sales": "sales", "channel_share": "share"}
COLUMNS = ["sales", "orders", "avg_ticket", "members", "repeat_rate", "share"]


def main():
    rows = {}
    for record in csv.DictReader(sys.stdin):
        period = "2025-06" if record["period"] == "2025-06" else "ALL"
        table, column = ("store", STORE.get(record["kpi"])) if record["kpi"] in STORE else \
            ("channel", CHANNEL[record["kpi"]])
        # One column per breakdown field (store, channel); the row fills its own.
        by = record["by"] if "by" in record else record[table]
        rows.setdefault((table, period, by), {})[column] = record["value"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["table", "period", "key"] + COLUMNS)
    for (table, period, key), values in sorted(rows.items()):
        out.writerow([table, period, key] + [values.get(column, "") for column in COLUMNS])


if __name__ == "__main__":
    main()
