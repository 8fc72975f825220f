#!/usr/bin/env python3
"""Recomputes every actual value of the sales example's expected reports, without kpi.

    python3 tests/examples/check_sales.py        (from the repository root)

Reads examples/sales/data/ with the csv module and the encodings the exports are written in,
computes each KPI of each expected report (tests/e2e/cases/example-sales-*/expout) from the
definitions in examples/sales/README.md, and compares: sums and counts exactly, ratios within
a millionth. For the expected alerts (example-sales-alerts-*), it judges every [alerts] rule of
kpi.toml itself (bounds, change, normal range) and compares which fired and their numbers.
Prints "N values compared: MATCH", or the mismatches and exits 1.
"""
import csv
import datetime as dt
import glob
import json
import os
import re
import sys
import tomllib
from decimal import Decimal
from fractions import Fraction

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "examples", "sales")
DATA = os.path.join(EXAMPLE, "data")
CASES = os.path.join(ROOT, "tests", "e2e", "cases")
EXACT = {"sales", "region_sales", "rep_sales", "new_customers", "teamwork"}
MARKETING = {"销售费用-广告费", "销售费用-展会费", "销售费用-市场推广费"}
SELLING = {"销售费用-差旅费", "销售费用-业务招待费"}


def read(name, encoding):
    with open(os.path.join(DATA, name), encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


def amount(text):
    """"12,800.00", "-1,264.00", "￥3,200.00", "(1,500.00)" as an exact Decimal."""
    text = text.strip().replace(",", "").replace("￥", "").replace("¥", "")
    if text.startswith("(") and text.endswith(")"):
        return -Decimal(text[1:-1])
    return Decimal(text)


def text(value):
    value = value.strip()
    return value or None


def load():
    orders = []
    for path in sorted(glob.glob(os.path.join(DATA, "erp_sales_*.csv"))):
        for r in read(os.path.basename(path), "utf-8-sig"):
            orders.append({"day": dt.date.fromisoformat(r["单据日期"]), "customer": text(r["客户编号"]),
                           "rep": r["销售员"], "region": text(r["销售区域"]), "amount": amount(r["价税合计"]),
                           "campaign": text(r["活动编号"])})
    customers = {r["客户编号"]: {"region": r["区域"], "target": r["是否目标网点"]}
                 for r in read("master_customers.csv", "gbk")}
    leads = []
    for r in read("crm_leads.csv", "gbk"):
        y, m, d = map(int, re.match(r"(\d+)/(\d+)/(\d+) ", r["创建时间"]).groups())
        leads.append({"day": dt.date(y, m, d), "rep": r["所属销售"], "status": r["线索状态"]})
    won = []
    for r in read("crm_won_deals.csv", "utf-8"):
        y, m, d = map(int, re.match(r"(\d+)年(\d+)月(\d+)日", r["首次接触日期"]).groups())
        won.append({"customer": text(r["客户编号"]), "rep": r["负责销售"], "first": dt.date(y, m, d),
                    "day": dt.date.fromisoformat(r["赢单日期"])})
    survey = [{"day": dt.datetime.fromisoformat(r["提交时间"]).date(), "score": Decimal(r["满意度(1-5分)"])}
              for r in read("csat_survey.csv", "utf-8")]
    expenses = [{"day": dt.datetime.strptime(r["凭证日期"], "%Y%m%d").date(), "account": r["科目名称"],
                 "amount": amount(r["借方金额"])} for r in read("finance_expenses.csv", "gbk")]
    roster = [{"day": dt.date.fromisoformat(r["月份"] + "-01"), "staff": r["工号"]}
              for r in read("hr_roster.csv", "utf-8")]
    with open(os.path.join(EXAMPLE, "scores.csv"), encoding="utf-8", newline="") as f:
        scores = {(r["部门/岗位"], r["对象"], r["KPI"], r["期间"]): Decimal(r["得分"]) for r in csv.DictReader(f)}
    return orders, customers, leads, won, survey, expenses, roster, scores


class Period:
    """A calendar month (2025-06) or quarter (2025-Q2): its first and last day, and stepping back."""

    def __init__(self, name):
        match = re.fullmatch(r"(\d{4})-(?:Q(\d)|(\d\d))", name)
        if not match:
            raise ValueError(f"period {name!r} is not a month or a quarter")
        self.year = int(match.group(1))
        self.quarter = match.group(2) is not None
        self.index = int(match.group(2) or match.group(3))  # quarter 1-4 or month 1-12

    def months(self):
        return 3 if self.quarter else 1

    def first(self):
        month = (self.index - 1) * 3 + 1 if self.quarter else self.index
        return dt.date(self.year, month, 1)

    def last(self):
        first = self.first()
        month = first.month + self.months()
        following = dt.date(first.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    def back(self, n=1):
        per_year = 4 if self.quarter else 12
        count = self.year * per_year + self.index - 1 - n
        year, index = divmod(count, per_year)
        return Period(f"{year}-Q{index + 1}" if self.quarter else f"{year}-{index + 1:02d}")

    def has(self, day):
        return self.first() <= day <= self.last()


def ratio(a, b):
    return None if a is None or b is None or b == 0 else Fraction(a) / Fraction(b)


class Calc:
    def __init__(self, data):
        (self.orders, self.customers, self.leads, self.won, self.survey, self.expenses, self.roster,
         self.scores) = data

    def rows(self, source, period, **equal):
        return [r for r in source if period.has(r["day"]) and all(r[k] == v for k, v in equal.items())]

    def sales(self, p, **by):
        return sum((r["amount"] for r in self.rows(self.orders, p, **by)), Decimal(0))

    def buyers(self, p):
        return {r["customer"] for r in self.rows(self.orders, p) if r["amount"] > 0 and r["customer"]}

    def first_purchase(self):
        first = {}
        for r in self.orders:
            if r["amount"] > 0 and r["customer"]:
                first[r["customer"]] = min(first.get(r["customer"], r["day"]), r["day"])
        return first

    def new_customers(self, p):
        return sum(1 for day in self.first_purchase().values() if p.has(day))

    def leads_count(self, p, **by):
        return sum(1 for r in self.rows(self.leads, p, **by) if r["status"] != "无效")

    def spend(self, p, accounts):
        return sum((r["amount"] for r in self.rows(self.expenses, p) if r["account"] in accounts), Decimal(0))

    def coverage(self, p, region=None):
        covered = {r["customer"] for r in self.rows(self.orders, p) if r["amount"] > 0 and r["customer"]
                   and self.customers.get(r["customer"], {}).get("target") == "是"
                   and (region is None or r["region"] == region)}
        targets = sum(1 for c in self.customers.values() if c["target"] == "是"
                      and (region is None or c["region"] == region))
        return ratio(len(covered), targets)

    def actual(self, kpi, p, scorecard, entity):
        if kpi == "sales":
            return self.sales(p)
        if kpi == "region_sales":
            return self.sales(p, region=entity)
        if kpi == "rep_sales":
            return self.sales(p, rep=entity)
        if kpi == "conversion_rate":
            return ratio(len(self.rows(self.won, p)), self.leads_count(p))
        if kpi == "rep_lead_conversion":
            converted = sum(1 for r in self.rows(self.leads, p, rep=entity) if r["status"] == "已转化")
            return ratio(converted, self.leads_count(p, rep=entity))
        if kpi == "sales_cycle":
            first, won = {}, {}
            for r in self.rows(self.won, p):
                if r["customer"]:
                    first[r["customer"]] = min(first.get(r["customer"], r["first"]), r["first"])
                    won[r["customer"]] = min(won.get(r["customer"], r["day"]), r["day"])
            return ratio(sum((won[c] - first[c]).days for c in won), len(won))
        if kpi == "csat":
            scores = [r["score"] for r in self.rows(self.survey, p)]
            return ratio(sum(scores), len(scores))
        if kpi == "new_customers":
            return self.new_customers(p)
        if kpi == "cac":
            return ratio(self.spend(p, MARKETING) + self.spend(p, SELLING), self.new_customers(p))
        if kpi == "clv":
            history = [r for r in self.orders if r["day"] <= p.last() and r["customer"]]
            lifetime = sum((r["amount"] for r in history), Decimal(0))
            return ratio(lifetime, len({r["customer"] for r in history if r["amount"] > 0}))
        if kpi == "retention_rate":
            before = self.buyers(p.back())
            return ratio(len(before & self.buyers(p)), len(before))
        if kpi == "channel_coverage":
            return self.coverage(p)
        if kpi == "region_coverage":
            return self.coverage(p, entity)
        if kpi == "sales_per_head":
            rows = self.rows(self.roster, p)
            return ratio(self.sales(p), ratio(len(rows), len({r["day"] for r in rows})))
        if kpi == "marketing_roi":
            campaign = sum((r["amount"] for r in self.rows(self.orders, p) if r["campaign"]), Decimal(0))
            return ratio(campaign, self.spend(p, MARKETING))
        if kpi == "teamwork":
            return self.scores.get((scorecard, entity or "", "团队协同评分", p_name(p)))
        if kpi == "sales_deviation":
            base = ratio(sum(self.sales(p.back(n)) for n in (1, 2, 3)), 3)
            return abs(ratio(self.sales(p), base) - 1)
        if kpi == "return_rate":
            rows = self.rows(self.orders, p)
            returned = -sum((r["amount"] for r in rows if r["amount"] < 0), Decimal(0))
            return ratio(returned, sum((r["amount"] for r in rows if r["amount"] > 0), Decimal(0)))
        if kpi == "lead_change":
            return abs(ratio(self.leads_count(p), self.leads_count(p.back())) - 1)
        raise KeyError(f"no independent definition for KPI {kpi!r}")


def p_name(p):
    return f"{p.year}-Q{p.index}" if p.quarter else f"{p.year}-{p.index:02d}"


def same(kpi, expected, actual):
    if expected is None or actual is None:
        return expected is None and actual is None
    if kpi in EXACT:
        return Decimal(expected) == Decimal(actual) if not isinstance(actual, Fraction) else \
            Fraction(expected) == actual
    return abs(Fraction(expected) - Fraction(actual)) <= Fraction(1, 10**6) * max(1, abs(Fraction(actual)))


def fraction(value):
    """An alert bound: 0.2, 1000 or "20%"."""
    if isinstance(value, str):
        return Fraction(value[:-1]) / 100 if value.endswith("%") else Fraction(value)
    return Fraction(value)


def judge_alerts(calc, period):
    """Every alert of kpi.toml that fires in `period`: (alert, entity) → the numbers kpi shows."""
    with open(os.path.join(EXAMPLE, "kpi.toml"), "rb") as f:
        alerts = tomllib.load(f)["alerts"]
    regions = sorted({r["region"] for r in calc.rows(calc.orders, period) if r["region"]})
    fired = {}
    for name, alert in alerts.items():
        kpi = alert["kpi"]
        for entity in (regions if kpi == "region_sales" else [None]):
            value = calc.actual(kpi, period, None, entity)
            if value is None:
                continue
            numbers = {"value": Fraction(value)}
            if "above" in alert:
                numbers["high"] = fraction(alert["above"])
                hit = numbers["value"] > numbers["high"]
            elif "change" in alert:
                then = calc.actual(kpi, period.back(), None, entity)
                if not then:
                    continue
                numbers["change"] = (Fraction(value) - Fraction(then)) / abs(Fraction(then))
                hit = abs(numbers["change"]) > fraction(alert["change"]["beyond"])
            else:
                past = [calc.actual(kpi, period.back(n), None, entity)
                        for n in range(1, alert["normal"]["periods"] + 1)]
                past = [Fraction(v) for v in past if v is not None]
                if len(past) < 3:
                    continue
                mean = sum(past) / len(past)
                sigma = (float(sum((v - mean) ** 2 for v in past)) / (len(past) - 1)) ** 0.5
                low = float(mean) - alert["normal"]["sigma"] * sigma
                high = float(mean) + alert["normal"]["sigma"] * sigma
                numbers.update(mean=mean, sigma=Fraction(sigma))
                hit = float(value) < low or float(value) > high
            if hit:
                fired[(name, entity)] = numbers
    return fired


def check_alerts(calc, path, listed):
    """Compares kpi's list of fired alerts with judge_alerts: the same alerts, the same numbers."""
    period = Period(listed[0]["period"]) if listed else None
    if period is None:
        sys.exit(f"{path}: no alert fired, so nothing to compare; pick a period where some fire")
    expected = judge_alerts(calc, period)
    mismatches, compared = [], 0
    shown = {(a["alert"], next(iter(a["by"].values()), None)): a for a in listed}
    if set(shown) != set(expected):
        mismatches.append(f"{path}: kpi fired {sorted(shown, key=str)}, recomputed {sorted(expected, key=str)}")
    for key, numbers in expected.items():
        for field, value in numbers.items():
            compared += 1
            got = shown.get(key, {}).get(field)
            if got is None or abs(Fraction(got) - value) > Fraction(1, 10**6) * max(1, abs(value)):
                mismatches.append(f"{path}: {key} {field}: kpi {got}, recomputed {float(value):.6f}")
    return compared, mismatches


def main():
    calc = Calc(load())
    cases = sorted(glob.glob(os.path.join(CASES, "example-sales-*", "expout")))
    if not cases:
        sys.exit("no expected reports under tests/e2e/cases/example-sales-*")
    compared, mismatches = 0, []
    for path in cases:
        with open(path, encoding="utf-8") as f:
            report = json.load(f, parse_float=Decimal)
        if isinstance(report, list):  # kpi alerts --format json
            count, found = check_alerts(calc, path, report)
            compared += count
            mismatches += found
            continue
        if "alerts" in report:  # kpi report shows the library's fired alerts too
            count, found = check_alerts(calc, path, report["alerts"])
            compared += count
            mismatches += found
        for card in report["scorecards"]:
            for kpi in card["kpis"]:
                if kpi["to_date"]:
                    sys.exit(f"{path}: {kpi['id']} is measured to date, which this check does not model")
                actual = calc.actual(kpi["id"], Period(kpi["period"]), card["name"], card["entity"])
                compared += 1
                if not same(kpi["id"], kpi["actual"], actual):
                    shown = f"{float(actual):.6f}" if isinstance(actual, Fraction) else actual
                    mismatches.append(f"{os.path.basename(os.path.dirname(path))}: {card['name']}"
                                      f"{' · ' + card['entity'] if card['entity'] else ''} {kpi['id']} "
                                      f"{kpi['period']}: report {kpi['actual']}, recomputed {shown}")
    for line in mismatches:
        print(line)
    print(f"{compared} values compared: {'MATCH' if not mismatches else f'{len(mismatches)} MISMATCH'}")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
