#!/usr/bin/env python3
"""Times `kpi report` against `kpi values` computing the same KPIs for the same periods, on
workload W2's exports: what the report costs beyond the values (its plan, targets, scoring and
rendering should be small).

    python3 tests/bench/report_vs_values.py --kpi build/cli/kpi --data DIR [--rounds 5]

DIR holds W2's pos_transactions.csv, crm_visits.csv and stores.csv (run_workload_bench.py
--workload w2 writes them to WORK/SIZE/). The report scores workload_w2_plan.csv (four monthly
KPIs per consultant) for 2025-06, and shows each KPI's change against the previous month and
the same month last year; the values run computes the same four KPIs by consultant for the
periods the report reads: 2025-06, 2025-05 and 2024-06, and 2025-04 and 2024-05, which the
month-on-month KPI's own changes read. The runs alternate, so that load from other work falls on both
alike; each figure is the median of the rounds: wall seconds, CPU seconds and peak RSS of the
whole process (os.wait4).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
KPIS = ["consultant_sales", "consultant_sales_mom", "consultant_margin", "consultant_customers"]


def commands(kpi, data):
    common = [str(BENCH / "workload_w2.toml"),
              "--data", f"pos={data / 'pos_transactions.csv'}",
              "--data", f"crm={data / 'crm_visits.csv'}",
              "--data", f"stores={data / 'stores.csv'}",
              "--by", "consultant", "--format", "csv"]
    report = [kpi, "report", *common, "--plan", str(BENCH / "workload_w2_plan.csv"),
              "--period", "2025-06"]
    # The report's periods: the month, and for its changes the previous month and last year's,
    # and (for 顾问业绩环比, itself a change) the month before each of those.
    values = [kpi, "values", *common]
    for period in ("2025-06", "2025-05", "2024-06", "2025-04", "2024-05"):
        values += ["--period", period]
    for name in KPIS:
        values += ["--kpi", name]
    return {"kpi report": report, "kpi values": values}


def timed(argv):
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        process = subprocess.Popen(argv, stdout=null, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        errors = process.stderr.read().decode(errors="replace")
        process.stderr.close()
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(argv)} exited with {code}:\n{errors}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kpi", required=True, help="the kpi binary")
    parser.add_argument("--data", required=True, type=Path, help="folder of W2's exports")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    runs = commands(str(Path(args.kpi).resolve()), args.data.resolve())
    for path in args.data.glob("*.csv"):
        # Page cache warm, read in pieces: a forked child's peak RSS counts the parent's memory
        # until it execs.
        with open(path, "rb") as export:
            while export.read(1 << 20):
                pass
    figures = {name: [] for name in runs}
    for _ in range(args.rounds + 1):  # the first round warms up and is dropped
        for name, argv in runs.items():
            figures[name].append(timed(argv))
    medians = {name: [statistics.median(run[i] for run in results[1:]) for i in range(3)]
               for name, results in figures.items()}
    print(f"{args.data}: median of {args.rounds} alternating rounds")
    print(f"{'':12} {'wall s':>8} {'CPU s':>8} {'peak RSS MiB':>13}")
    for name, (wall, cpu, rss) in medians.items():
        print(f"{name:12} {wall:8.3f} {cpu:8.3f} {rss / 2**20:13.1f}")
    report, values = medians["kpi report"], medians["kpi values"]
    print(f"{'ratio':12} {report[0] / values[0]:8.2f} {report[1] / values[1]:8.2f} "
          f"{report[2] / values[2]:13.2f}")


if __name__ == "__main__":
    sys.exit(main())
