#!/usr/bin/env python3
"""Checks the clinic example's expected outputs against numbers computed here, without kpi.

    python3 tests/examples/check_clinic.py        (from the repository root)

Reads examples/clinic/data/ with Python's csv module and the files' own encodings, computes
every KPI value of the JSON outputs of tests/e2e/cases/example-clinic-* and report-clinic-json
from scratch (its own reading of the library's definitions, the plans' cycles and the scores
file), and compares them with the committed expout: actual values, the period each KPI was
measured over, the 环比 and 同比 changes, and for `kpi values` the set of breakdown rows; for
`kpi list MEASURE`, the number of keys listed per breakdown value against the measure; for the
reports with --as-of (example-clinic-progress-*, report-as-of-mid-month-json and, on
docs/examples/progress with working days, holidays and pace = "last_year",
report-as-of-working-days-json), every line's value to date and its pace columns (elapsed
share, days left, expected, pace, projection, needed per day, status) from this script's own
counting of the days and of last year's values.
Money sums are exact (Decimal); ratios are compared with a tolerance of 1e-6 (outputs carry six
decimals). Prints `N values compared: MATCH`, or each mismatch and exits with 1.
"""
import csv
import datetime as dt
import glob
import json
import os
import re
import shlex
import sys
import tomllib
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLINIC = os.path.join(ROOT, "examples", "clinic")
DATA = os.path.join(CLINIC, "data")
CASES = os.path.join(ROOT, "tests", "e2e", "cases")
HISTORY_START = dt.date(1900, 1, 1)


# ---------------------------------------------------------------------------------------------
# Reading the exports
# ---------------------------------------------------------------------------------------------

def read(name, encoding):
    with open(os.path.join(DATA, name), encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


def money(text):
    text = text.strip()
    if not text:
        return None
    negative = text.startswith("-")
    value = Decimal(text.lstrip("-").replace("¥", "").replace(",", ""))
    return -value if negative else value


def day(text, fmt="%Y-%m-%d"):
    text = text.strip()
    return dt.datetime.strptime(text, fmt).date() if text else None


def chinese_day(text):
    year, rest = text.split("年")
    month, rest = rest.split("月")
    return dt.date(int(year), int(month), int(rest.rstrip("日")))


def text(value):
    value = value.strip()
    return value or None


def load():
    stores = {r["门店编码"]: r for r in read("stores.csv", "utf-8")}
    members = {r["会员卡号"]: r for r in read("members.csv", "gb18030")}

    def region(store):
        return stores[store]["区域"] if store in stores else None

    def member_field(card, column):
        return members[card][column] if card in members else None

    sources = {}
    pos = []
    for path in sorted(glob.glob(os.path.join(DATA, "pos_*.csv"))):
        with open(path, encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                when = dt.datetime.strptime(r["交易时间"], "%Y-%m-%d %H:%M:%S")
                card = text(r["会员卡号"])
                pos.append({"day": when.date(), "time": when, "order": r["单号"],
                            "store": r["门店编码"], "consultant": r["顾问姓名"], "member": card,
                            "category": r["项目类别"], "amount": money(r["实收金额"]),
                            "cost": money(r["成本金额"]), "region": region(r["门店编码"]),
                            "age_band": member_field(card, "年龄段"),
                            "occupation": member_field(card, "职业"),
                            "level": member_field(card, "会员等级")})
    sources["pos"] = pos
    crm = []
    for r in read("crm_visits.csv", "gb18030"):
        card = text(r["会员卡号"])
        score = r["满意度评分"].strip()
        crm.append({"day": day(r["预约日期"]), "arrived": day(r["到店日期"]), "customer": r["客户编号"],
                    "store": r["门店编码"], "member": card, "is_new": r["是否新客"],
                    "satisfaction": Decimal(score) if score else None, "region": region(r["门店编码"]),
                    "age_band": member_field(card, "年龄段")})
    sources["crm"] = crm
    sources["registrations"] = [{"day": day(r["注册日期"], "%Y/%m/%d"), "member": r["会员卡号"],
                                 "store": r["注册门店"], "region": region(r["注册门店"])}
                                for r in members.values()]
    sources["stores"] = [{"day": None, "store": code, "region": r["区域"],
                          "area": Decimal(r["营业面积"])} for code, r in stores.items()]
    sources["followups"] = [{"day": day(r["应回访日期"]), "done": day(r["实际回访日期"]),
                             "store": r["门店编码"], "region": region(r["门店编码"])}
                            for r in read("followups.csv", "utf-8-sig")]
    sources["treatments"] = [{"day": day(r["计划日期"]), "done": day(r["完成日期"]),
                              "store": r["门店编码"], "region": region(r["门店编码"])}
                             for r in read("treatments.csv", "utf-8")]
    sources["complaints"] = [{"day": chinese_day(r["登记日期"]), "store": r["门店编码"],
                              "region": region(r["门店编码"])}
                             for r in read("complaints.csv", "utf-8-sig")]
    sources["finance"] = [{"day": day(r["业务日期"]), "due": day(r["应处理日期"]),
                           "done": day(r["实际处理日期"]), "store": r["门店编码"],
                           "amount": money(r["金额"]), "region": region(r["门店编码"])}
                          for r in read("finance_entries.csv", "utf-8")]
    sources["budget"] = [{"day": day(r["月份"] + "-01"), "store": r["门店编码"],
                          "budget": money(r["预算金额"]), "region": region(r["门店编码"])}
                         for r in read("cost_budget.csv", "utf-8")]
    sources["training"] = [{"day": day(r["要求完成日期"]), "done": day(r["完成日期"]),
                            "store": r["门店编码"], "region": region(r["门店编码"])}
                           for r in read("training.csv", "utf-8")]
    sources["calendar"] = [{"day": day(r["日期"]), "open": r["是否营业"] == "是",
                            "month_open_days": Decimal(r["本月营业天数"])}
                           for r in read("calendar.csv", "utf-8")]
    return sources


# Which breakdown fields each source has (the library's mapping and lookups).
FIELDS = {
    "pos": {"store", "consultant", "member", "category", "region", "age_band", "occupation",
            "level", "order"},
    "crm": {"customer", "store", "member", "region", "age_band"},
    "registrations": {"member", "store", "region"},
    "stores": {"store", "region"},
    "followups": {"store", "region"}, "treatments": {"store", "region"},
    "complaints": {"store", "region"}, "finance": {"store", "region"},
    "budget": {"store", "region"}, "training": {"store", "region"}, "calendar": set(),
}


# ---------------------------------------------------------------------------------------------
# Periods
# ---------------------------------------------------------------------------------------------

class Period:
    def __init__(self, start, end, kind, label, whole=None):
        self.start, self.end, self.kind, self.label = start, end, kind, label
        self.whole = whole  # the whole period of one measured to a day


def add_months(day, months):
    """The same day `months` months later, on the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = month_period(year, month + 1).end.day
    return dt.date(year, month + 1, min(day.day, last))


def to_same_point(period, of, day):
    """`period` measured to the point `day` reaches in `of`: as many whole months and then days
    from the start, within the month reached; all of `period` when that point falls past its
    end."""
    if day >= of.end:
        return period
    months = 0
    while add_months(of.start, months + 1) <= day:
        months += 1
    month_end = add_months(period.start, months + 1) - dt.timedelta(days=1)
    point = min(add_months(period.start, months) + (day - add_months(of.start, months)), month_end)
    if point >= period.end:
        return period
    return range_period(period.start, point, f"{period.label} to {point}")

    def __repr__(self):
        return self.label


def month_period(year, month):
    end = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
    return Period(dt.date(year, month, 1), end, "month", f"{year}-{month:02d}")


def quarter_period(year, quarter):
    start = dt.date(year, 3 * quarter - 2, 1)
    end = month_period(year, 3 * quarter).end
    return Period(start, end, "quarter", f"{year}-Q{quarter}")


def range_period(start, end, label=None):
    return Period(start, end, "range", label or f"{start}..{end}")


def parse_period(spec):
    if ".." in spec:
        a, b = spec.split("..")
        return range_period(dt.date.fromisoformat(a), dt.date.fromisoformat(b))
    if spec.count("-") == 2:
        one = dt.date.fromisoformat(spec)
        return Period(one, one, "day", spec)
    if "-Q" in spec.upper():
        year, quarter = spec.upper().split("-Q")
        return quarter_period(int(year), int(quarter))
    year, month = spec.split("-")
    return month_period(int(year), int(month))


def prev(p):
    if p.whole is not None:  # measured to a day: the previous whole period to the same point
        before = prev(p.whole)
        cut = to_same_point(before, p.whole, p.end)
        cut.whole = before if cut is not before else None
        return cut
    if p.kind == "month":
        return month_period(p.start.year - (p.start.month == 1), (p.start.month - 2) % 12 + 1)
    if p.kind == "quarter":
        q = (p.start.month - 1) // 3 + 1
        return quarter_period(p.start.year - (q == 1), (q - 2) % 4 + 1)
    length = (p.end - p.start).days + 1
    return range_period(p.start - dt.timedelta(days=length), p.start - dt.timedelta(days=1))


def last_year(p):
    if p.kind == "day":
        one = p.start.replace(year=p.start.year - 1)
        return Period(one, one, "day", one.isoformat())
    if p.kind == "month":
        return month_period(p.start.year - 1, p.start.month)
    if p.kind == "quarter":
        return quarter_period(p.start.year - 1, (p.start.month - 1) // 3 + 1)
    before = range_period(p.start.replace(year=p.start.year - 1), p.end.replace(year=p.end.year - 1))
    before.whole = last_year(p.whole) if p.whole is not None else None
    return before


def to_date(p):
    return range_period(HISTORY_START, p.end)


def measured_period(report, cycle):
    """The period a plan row is measured over: the report's, or the month or quarter that holds
    the report's last day, up to that day."""
    if cycle in ("每月", ""):
        if report.kind != "day":
            return report
        whole = month_period(report.end.year, report.end.month)
    elif report.kind == "quarter":
        return report
    else:
        whole = quarter_period(report.end.year, (report.end.month - 1) // 3 + 1)
    if report.end == whole.end:
        return whole
    to_date = range_period(whole.start, report.end, f"{whole.label} to date")
    to_date.whole = whole
    return to_date


# ---------------------------------------------------------------------------------------------
# Measures: each a function of (rows in the period, context)
# ---------------------------------------------------------------------------------------------

def total(values):
    values = [v for v in values if v is not None]
    return sum(values, Decimal(0))


def distinct(values):
    return len({v for v in values if v is not None})


class Engine:
    def __init__(self, sources):
        self.sources = sources
        self.cache = {}

    def rows(self, source, period, by, value):
        """Rows of a source in a period (all rows for a table without time), within `by`."""
        key = (source, period.start, period.end, by if by in FIELDS[source] else None, value)
        if key not in self.cache:
            result = []
            for r in self.sources[source]:
                if r["day"] is not None and not (period.start <= r["day"] <= period.end):
                    continue
                if by in FIELDS[source] and r[by] != value:
                    continue
                result.append(r)
            self.cache[key] = result
        return self.cache[key]

    def history(self, source, by, value, end):
        return self.rows(source, range_period(HISTORY_START, end), by, value)

    def measure(self, name, period, by=None, value=None):
        source, compute = MEASURES[name]
        rows = self.rows(source, period, by, value)
        if not rows:
            return None
        return compute(self, rows, period, by, value)


def per_member_first_days(engine, period, by, value, row_filter):
    first = {}
    for r in engine.history("pos", by, value, period.end):
        if r["member"] is not None and row_filter(r):
            first[r["member"]] = min(first.get(r["member"], r["day"]), r["day"])
    return first


def new_buyers(engine, rows, period, by, value):
    paid = lambda r: r["amount"] is not None and r["amount"] > 0
    first = per_member_first_days(engine, period, by, value, paid)
    keys = {r["member"] for r in rows if r["member"] is not None and paid(r)}
    return len([k for k in keys if first[k] >= period.start])


def split_sales(new):
    def compute(engine, rows, period, by, value):
        first = per_member_first_days(engine, period, by, value, lambda r: True)
        return total(r["amount"] for r in rows if r["member"] is not None
                     and (first[r["member"]] >= period.start) == new)
    return compute


def repeat_members(engine, rows, period, by, value):
    times = {}
    for r in rows:
        if r["member"] is not None and r["amount"] is not None and r["amount"] > 0:
            times.setdefault(r["member"], set()).add(r["time"])
    return len([k for k, t in times.items() if len(t) >= 2])


def lost_buyers(engine, rows, period, by, value):
    paid = lambda r: r["member"] is not None and r["amount"] is not None and r["amount"] > 0
    before = {r["member"] for r in engine.rows("pos", prev(period), by, value) if paid(r)}
    now = {r["member"] for r in rows if paid(r)}
    return len(before - now)


def positive(r):
    return r["amount"] is not None and r["amount"] > 0


MEASURES = {
    "sales": ("pos", lambda e, rows, *_: total(r["amount"] for r in rows)),
    "cost": ("pos", lambda e, rows, *_: total(r["cost"] for r in rows)),
    "deals": ("pos", lambda e, rows, *_: distinct(r["order"] for r in rows if positive(r))),
    "consultants": ("pos", lambda e, rows, *_: distinct(r["consultant"] for r in rows
                                                         if positive(r))),
    "package_sales": ("pos", lambda e, rows, *_: total(r["amount"] for r in rows
                                                       if r["category"] == "套餐卡项")),
    "members": ("pos", lambda e, rows, *_: distinct(r["member"] for r in rows)),
    "buyers": ("pos", lambda e, rows, *_: distinct(r["member"] for r in rows if positive(r))),
    "repeat_members": ("pos", repeat_members),
    "new_buyers": ("pos", new_buyers),
    "lost_buyers": ("pos", lost_buyers),
    "new_customer_sales": ("pos", split_sales(True)),
    "returning_customer_sales": ("pos", split_sales(False)),
    "walk_in_sales": ("pos", lambda e, rows, *_: total(r["amount"] for r in rows
                                                       if r["member"] is None)),
    "satisfaction": ("crm", lambda e, rows, *_: avg(r["satisfaction"] for r in rows)),
    "new_arrivals": ("crm", lambda e, rows, *_: len([r for r in rows if r["is_new"] == "是"
                                                     and r["arrived"] is not None])),
    "bookings": ("crm", lambda e, rows, *_: len(rows)),
    "arrivals": ("crm", lambda e, rows, *_: len([r for r in rows if r["arrived"] is not None])),
    "visitors": ("crm", lambda e, rows, *_: distinct(r["customer"] for r in rows
                                                     if r["arrived"] is not None)),
    "area": ("stores", lambda e, rows, *_: total(r["area"] for r in rows)),
    "registered_members": ("registrations", lambda e, rows, *_: len(rows)),
    "complaints": ("complaints", lambda e, rows, *_: len(rows)),
    "followups_due": ("followups", lambda e, rows, *_: len(rows)),
    "followups_done": ("followups", lambda e, rows, *_: len([r for r in rows if r["done"]])),
    "sessions_planned": ("treatments", lambda e, rows, *_: len(rows)),
    "sessions_done": ("treatments", lambda e, rows, *_: len([r for r in rows if r["done"]])),
    "trainings_due": ("training", lambda e, rows, *_: len(rows)),
    "trainings_done": ("training", lambda e, rows, *_: len([r for r in rows if r["done"]
                                                            and r["done"] <= r["day"]])),
    "entries": ("finance", lambda e, rows, *_: len(rows)),
    "entries_on_time": ("finance", lambda e, rows, *_: len([r for r in rows
                                                            if r["done"] <= r["due"]])),
    "actual_cost": ("finance", lambda e, rows, *_: total(r["amount"] for r in rows)),
    "budgeted_cost": ("budget", lambda e, rows, *_: total(r["budget"] for r in rows)),
    "open_days": ("calendar", lambda e, rows, *_: len([r for r in rows if r["open"]])),
    "month_open_days": ("calendar", lambda e, rows, *_: max(r["month_open_days"] for r in rows)),
}


def avg(values):
    values = [v for v in values if v is not None]
    return sum(values, Decimal(0)) / len(values) if values else None


# ---------------------------------------------------------------------------------------------
# KPIs: the library's formulas, written out here
# ---------------------------------------------------------------------------------------------

def div(a, b):
    if a is None or b is None or b == 0:
        return None
    return Decimal(a) / Decimal(b)


def mul(*xs):
    if any(x is None for x in xs):
        return None
    result = Decimal(1)
    for x in xs:
        result *= Decimal(x)
    return result


def sub(a, b):
    return None if a is None or b is None else Decimal(a) - Decimal(b)


def growth(measure):
    return lambda m, p: sub(div(m(measure, p), m(measure, prev(p))), 1)


# Each KPI: (the sources its formula reads, a function of (measure getter, period))
KPIS = {
    "consultant_sales": (["pos"], lambda m, p: div(m("sales", p), m("consultants", p))),
    "satisfaction": (["crm"], lambda m, p: m("satisfaction", p)),
    "new_customers": (["crm"], lambda m, p: m("new_arrivals", p)),
    "repeat_rate": (["pos"], lambda m, p: div(m("repeat_members", p), m("buyers", p))),
    "bookkeeping_on_time": (["finance"], lambda m, p: div(m("entries_on_time", p), m("entries", p))),
    "sales": (["pos"], lambda m, p: m("sales", p)),
    "conversion_rate": (["pos", "crm"], lambda m, p: div(m("new_buyers", p), m("new_arrivals", p))),
    "average_ticket": (["pos"], lambda m, p: div(m("sales", p), m("deals", p))),
    "package_share": (["pos"], lambda m, p: div(m("package_sales", p), m("sales", p))),
    "complaint_rate": (["complaints", "crm"], lambda m, p: div(m("complaints", p), m("arrivals", p))),
    "followup_rate": (["followups"], lambda m, p: div(m("followups_done", p), m("followups_due", p))),
    "show_rate": (["crm"], lambda m, p: div(m("arrivals", p), m("bookings", p))),
    "treatment_completion": (["treatments"],
                             lambda m, p: div(m("sessions_done", p), m("sessions_planned", p))),
    "churn_rate": (["pos"], lambda m, p: div(m("lost_buyers", p), m("buyers", prev(p)))),
    "member_activity": (["pos", "registrations"],
                        lambda m, p: div(m("buyers", p), m("registered_members", to_date(p)))),
    "training_completion": (["training"],
                            lambda m, p: div(m("trainings_done", p), m("trainings_due", p))),
    "teamwork": ([], None),
    "process_efficiency": ([], None),
    "cost_control": (["budget", "finance"],
                     lambda m, p: div(m("budgeted_cost", p), m("actual_cost", p))),
    "gross_margin": (["pos"], lambda m, p: div(sub(m("sales", p), m("cost", p)), m("sales", p))),
    "sales_growth": (["pos"], lambda m, p: div(sub(m("sales", p), m("sales", prev(p))),
                                               m("sales", prev(p)))),
    "visits": (["crm"], lambda m, p: m("arrivals", p)),
    "visitors": (["crm"], lambda m, p: m("visitors", p)),
    "visit_frequency": (["crm"], lambda m, p: div(m("arrivals", p), m("visitors", p))),
    "deal_rate": (["pos", "crm"], lambda m, p: div(m("deals", p), m("arrivals", p))),
    "unit_value": (["pos"], lambda m, p: div(m("sales", p), m("deals", p))),
    "sales_decomposed": (["crm", "pos"], lambda m, p: mul(
        m("arrivals", p), div(m("deals", p), m("arrivals", p)), div(m("sales", p), m("deals", p)))),
    "new_customer_sales": (["pos"], lambda m, p: m("new_customer_sales", p)),
    "returning_customer_sales": (["pos"], lambda m, p: m("returning_customer_sales", p)),
    "walk_in_sales": (["pos"], lambda m, p: m("walk_in_sales", p)),
    "new_customer_share": (["pos"], lambda m, p: div(m("new_customer_sales", p), m("sales", p))),
    "new_sales_growth": (["pos"], growth("new_customer_sales")),
    "returning_sales_growth": (["pos"], growth("returning_customer_sales")),
    "new_buyers": (["pos"], lambda m, p: m("new_buyers", p)),
    "new_buyers_growth": (["pos"], growth("new_buyers")),
    "sales_share": (["pos"], lambda m, p: div(m("sales", p), m.whole("sales", p))),
    "sales_per_m2": (["pos", "stores"], lambda m, p: div(m("sales", p), m("area", p))),
    "time_progress": (["calendar"], lambda m, p: div(m("open_days", p), m("month_open_days", p))),
    "projected_sales": (["pos", "calendar"], lambda m, p: mul(
        div(m("sales", p), m("open_days", p)), m("month_open_days", p))),
}
OWN_BY = {"sales_per_m2": "store"}


class Getter:
    """Measure values within one breakdown value; sources without the field are taken whole."""

    def __init__(self, engine, by, value):
        self.engine, self.by, self.value = engine, by, value

    def __call__(self, name, period):
        return self.engine.measure(name, period, self.by, self.value)

    def whole(self, name, period):
        return self.engine.measure(name, period)


def kpi_value(engine, kpi, period, by=None, value=None):
    return KPIS[kpi][1](Getter(engine, by, value), period)


def breakdown_values(engine, kpi, period, by):
    """The values of `by` that have rows in the period in a source the KPI reads."""
    sources = [s for s in KPIS[kpi][0] if by in FIELDS[s]]
    if not sources:
        return None
    values = set()
    for source in sources:
        values |= {r[by] for r in engine.rows(source, period, None, None)}
    return values


def change(now, before):
    if now is None or before is None or before == 0:
        return None
    return (Decimal(now) - Decimal(before)) / abs(Decimal(before))


# ---------------------------------------------------------------------------------------------
# Comparing
# ---------------------------------------------------------------------------------------------

class Comparison:
    def __init__(self):
        self.count = 0
        self.mismatches = []

    def same(self, where, expected, actual, exact=False):
        self.count += 1
        if expected is None or actual is None:
            ok = expected is None and actual is None
        elif exact:
            ok = Decimal(str(actual)) == Decimal(expected).quantize(Decimal("0.000001"))
        else:
            ok = abs(Decimal(str(actual)) - Decimal(expected)) <= Decimal("0.000002") * max(
                1, abs(Decimal(expected)))
        if not ok:
            self.mismatches.append(f"{where}: computed {expected}, expout has {actual}")


EXACT = {"sales", "new_customer_sales", "returning_customer_sales", "walk_in_sales", "visits",
         "visitors", "new_customers", "new_buyers"}


def read_plan(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


GRADE_POINTS = {"优": 95, "优秀": 95, "良": 85, "良好": 85, "中": 75, "中等": 75, "合格": 75,
                "差": 60, "较差": 60, "不合格": 60, "A": 95, "B": 85, "C": 75, "D": 60}


def read_scores(path=None):
    """(scorecard, entity, KPI name, period) -> the score. With a 评价关系 column, several raters:
    each kind's mean weighted by the library's [ratings] weights over the kinds that scored."""
    import tomllib
    with open(os.path.join(CLINIC, "kpi.toml"), "rb") as f:
        weights = {k: Decimal(str(v)) for k, v in tomllib.load(f).get("ratings", {}).get("weights", {}).items()}
    rows = {}
    with open(path or os.path.join(CLINIC, "scores.csv"), encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            key = (r["部门/岗位"], r.get("对象") or "", r["KPI"], r["期间"])
            points = Decimal(GRADE_POINTS[r["得分"]]) if r["得分"] in GRADE_POINTS else Decimal(r["得分"])
            rows.setdefault(key, {}).setdefault(r.get("评价关系") or "", []).append(points)
    scores = {}
    for key, kinds in rows.items():
        if list(kinds) == [""]:
            scores[key] = kinds[""][0]
            continue
        means = {kind: sum(v) / len(v) for kind, v in kinds.items()}
        scored = [kind for kind in weights if kind in means]
        scores[key] = sum(weights[k] * means[k] for k in scored) / sum(weights[k] for k in scored)
    return scores


def library_names():
    """KPI display names, from the library, to resolve plan rows that name a KPI by its name."""
    names, current = {}, None
    with open(os.path.join(CLINIC, "kpi.toml"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if line.startswith("[kpis.") and line.endswith("]"):
                current = line[len("[kpis."):-1].strip('"')
            elif current and line.startswith("name") and "=" in line:
                names[line.split("=", 1)[1].strip().strip('"')] = current
    return names


def case_args(case):
    with open(os.path.join(CASES, case, "cmd"), encoding="utf-8") as f:
        args = shlex.split(f.read())
    options = {}
    for i, arg in enumerate(args):
        if arg.startswith("--") and i + 1 < len(args):
            options[arg] = args[i + 1]
    return args[0], options


def check_report(engine, case, comparison, names, scores):
    _, options = case_args(case)
    report = parse_period(options["--period"])
    plan_path = options.get("--plan")
    plan_path = (os.path.normpath(os.path.join(CASES, case, plan_path)) if plan_path
                 else os.path.join(CLINIC, "plan.csv"))
    by = options.get("--by")
    with open(os.path.join(CASES, case, "expout"), encoding="utf-8") as f:
        out = json.load(f)
    comparison.same(f"{case}: period", 0, 0 if out["period"] == report.label else 1, exact=True)
    expected_cards = []
    # `each` makes a scorecard per value that has a value of one of the scorecard's each rows;
    # a qualitative KPI (scored by hand) has none of its own and follows the others.
    each_values = {}
    for row in read_plan(plan_path):
        kpi = names.get(row["KPI"], row["KPI"])
        if (row.get("对象") or "").strip() == "each" and KPIS[kpi][1] is not None:
            period = measured_period(report, row.get("考核周期", "") or "")
            each_values.setdefault(row["部门/岗位"], set()).update(
                v for v in breakdown_values(engine, kpi, period, by) if v is not None)
    for row in read_plan(plan_path):
        kpi = names.get(row["KPI"], row["KPI"])
        period = measured_period(report, row.get("考核周期", "") or "")
        entity = (row.get("对象") or "").strip()
        if entity == "each":
            values = sorted(each_values.get(row["部门/岗位"], ()))
            entities = [(v, f"{row['部门/岗位']} · {v}") for v in values]
        else:
            entities = [(entity or None, row["部门/岗位"])]
        for value, card in entities:
            expected_cards.append((card, kpi, period, value, row["部门/岗位"]))
    seen = {(c["name"] + (f" · {c['entity']}" if c["entity"] else ""), k["id"]): (c, k)
            for c in out["scorecards"] for k in c["kpis"]}
    comparison.same(f"{case}: number of scorecard rows", len(expected_cards), len(seen), exact=True)
    for card, kpi, period, value, scorecard in expected_cards:
        where = f"{case}: {card} / {kpi}"
        if (card, kpi) not in seen:
            comparison.mismatches.append(f"{where}: missing from expout")
            continue
        _, got = seen[(card, kpi)]
        comparison.same(f"{where} period", 0, 0 if got["period"] == period.label else 1, exact=True)
        if KPIS[kpi][1] is None:  # qualitative: the scores file (several raters combined)
            name = next(n for n, i in names.items() if i == kpi)
            score_period = period.label.replace(" to date", "")
            given = read_scores(os.path.join(CASES, case, options["--scores"])) if "--scores" in options else scores
            comparison.same(f"{where} actual", given.get((scorecard, value or "", name, score_period)),
                            got["actual"])
            continue
        get = lambda p: kpi_value(engine, kpi, p, by if value else None, value)
        actual = get(period)
        comparison.same(f"{where} actual", actual, got["actual"], exact=kpi in EXACT)
        comparison.same(f"{where} change_previous", change(actual, get(prev(period))),
                        got["change_previous"])
        comparison.same(f"{where} change_last_year", change(actual, get(last_year(period))),
                        got["change_last_year"])


def check_values(engine, case, comparison):
    _, options = case_args(case)
    period = parse_period(options["--period"])
    by = options.get("--by")
    with open(os.path.join(CASES, case, "expout"), encoding="utf-8") as f:
        out = json.load(f)
    got = {}
    assert out["schema_version"] == 1, out["schema_version"]
    for row in out["values"]:
        key = (row["kpi"], tuple(row["by"].items()))
        got[key] = row["value"]
    expected = {}
    for kpi in KPIS:
        field = by or OWN_BY.get(kpi)
        values = breakdown_values(engine, kpi, period, field) if field else None
        if KPIS[kpi][1] is None:
            expected[(kpi, ())] = None
        elif values is None:
            expected[(kpi, ())] = kpi_value(engine, kpi, period)
        else:
            for value in values:
                label = "(missing)" if value is None else value
                expected[(kpi, ((field, label),))] = kpi_value(engine, kpi, period, field, value)
    comparison.count += 1
    if set(expected) != set(got):
        comparison.mismatches.append(f"{case}: rows differ: only computed {set(expected) - set(got)}"
                                     f", only in expout {set(got) - set(expected)}")
    for key in sorted(set(expected) & set(got), key=str):
        comparison.same(f"{case}: {key}", expected[key], got[key], exact=key[0] in EXACT)


def check_list(engine, case, comparison):
    """`kpi list MEASURE`: as many keys per breakdown value as the measure counts there."""
    with open(os.path.join(CASES, case, "cmd"), encoding="utf-8") as f:
        measure = shlex.split(f.read())[1]
    _, options = case_args(case)
    period = parse_period(options["--period"])
    by = options.get("--by")
    with open(os.path.join(CASES, case, "expout"), encoding="utf-8") as f:
        lines = f.read().splitlines()[1:]
    cells = [next(csv.reader([line])) if options.get("--format") == "csv" else line.split()
             for line in lines]
    got = {}
    for row in cells:
        group = row[0] if by else None
        got[group] = got.get(group, 0) + 1
    if by:
        values = {r[by] for r in engine.rows("pos", period, None, None) if r[by] is not None}
        expected = {v: engine.measure(measure, period, by, v) for v in sorted(values)}
        expected = {v: n for v, n in expected.items() if n}
    else:
        expected = {None: engine.measure(measure, period)}
    comparison.count += 1
    if expected != got:
        comparison.mismatches.append(f"{case}: keys listed {got}, the measure counts {expected}")


# ---------------------------------------------------------------------------------------------
# Pacing: kpi report --as-of
# ---------------------------------------------------------------------------------------------

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class WorkingDays:
    """[calendar] workdays and holidays, read here from the library and its holidays file."""

    def __init__(self, calendar, folder):
        self.week = set(range(7))
        if "workdays" in calendar:
            self.week = set()
            for part in calendar["workdays"].split(","):
                ends = [WEEKDAYS.index(d.strip().lower()[:3]) for d in part.split("-")]
                day = ends[0]
                while True:
                    self.week.add(day)
                    if day == ends[-1]:
                        break
                    day = (day + 1) % 7
        self.off, self.on = set(), set()
        if "holidays" in calendar:
            with open(os.path.join(folder, calendar["holidays"]), encoding="utf-8-sig") as f:
                for line in f:
                    cells = [c.strip() for c in line.strip().split(",")]
                    if not cells[0] or cells[0].startswith("#") or cells[0] == "date":
                        continue
                    (self.off if cells[1] in ("off", "休") else self.on).add(
                        dt.date.fromisoformat(cells[0]))

    def works(self, day):
        return day not in self.off and (day in self.on or day.weekday() in self.week)

    def count(self, start, end):
        return sum(1 for i in range((end - start).days + 1)
                   if self.works(start + dt.timedelta(days=i)))


def prorated(kpi, library):
    """Pro-rated by time: `pace` when given; else an amount or count that adds up (a formula of
    sums and counts joined by + and -), not a percent, higher being better."""
    definition = library["kpis"][kpi]
    if "pace" in definition:
        return definition["pace"] != "whole"
    if definition.get("unit") == "percent" or definition.get("direction", "higher") != "higher":
        return False
    names = re.split(r"\s*[-+]\s*", definition["formula"].strip())
    for name in names:  # a measure first: KPI "sales" may be the formula "sales"
        if name in library["measures"]:
            if not any(a in library["measures"][name] for a in ("sum", "count", "count_distinct")):
                return False
        elif name not in library["kpis"] or not prorated(name, library):
            return False
    return True


# The KPIs of docs/examples/progress/kpi.toml that the clinic's library defines otherwise.
PROGRESS_KPIS = {"sales_seasonal": "sales", "consultant_sales": "sales"}


def check_pace(engine, case, comparison):
    """`kpi report --as-of`: every line's actual over its period to date, and its pace columns
    from this script's own counting of the (working) days and last year's values."""
    with open(os.path.join(CASES, case, "cmd"), encoding="utf-8") as f:
        library_arg = shlex.split(f.read())[1]
    _, options = case_args(case)
    path = os.path.normpath(os.path.join(CASES, case, library_arg))
    with open(path, "rb") as f:
        library = tomllib.load(f)
    progress = os.path.basename(os.path.dirname(path)) == "progress"
    own = (lambda kpi: PROGRESS_KPIS.get(kpi, kpi)) if progress else (lambda kpi: kpi)
    days = WorkingDays(library.get("calendar", {}), os.path.dirname(path))
    as_of = dt.date.fromisoformat(options["--as-of"])
    with open(os.path.join(CASES, case, "expout"), encoding="utf-8") as f:
        out = json.load(f)
    comparison.same(f"{case}: as_of", 0, 0 if out["as_of"] == str(as_of) else 1, exact=True)
    for card in out["scorecards"]:
        for line in card["kpis"]:
            kpi, entity = line["id"], card["entity"]
            where = f"{case}: {card['name']} {entity or ''} / {kpi}"
            whole = parse_period(line["period"].split(" to ")[0])
            period = range_period(whole.start, as_of)
            period.whole = whole
            by = (options.get("--by") or library["kpis"][kpi].get("by")) if entity else None
            value = lambda p: kpi_value(engine, own(kpi), p, by, entity)
            if KPIS[own(kpi)][1] is None:  # qualitative: scored by hand, checked elsewhere
                continue
            actual = value(period)
            comparison.same(f"{where} period", 0,
                            0 if line["period"] == f"{whole.label} to {as_of}" else 1, exact=True)
            comparison.same(f"{where} actual", actual, line["actual"],
                            exact=own(kpi) in EXACT)
            if line["target"] is None:
                continue
            target = Decimal(str(line["target"]))
            total_days, gone = days.count(whole.start, whole.end), days.count(whole.start, as_of)
            if total_days == 0:  # no working day at all: calendar days
                total_days, gone = (whole.end - whole.start).days + 1, (as_of - whole.start).days + 1
            share = Decimal(gone) / Decimal(total_days)
            paced = prorated(kpi, library)
            by_last_year = library["kpis"][kpi].get("pace") == "last_year"
            if by_last_year:
                then, then_whole = value(last_year(period)), value(last_year(whole))
                share = (Decimal(then) / Decimal(then_whole)
                         if then is not None and then_whole is not None and then_whole > 0
                         else None)
            pace = line["pace"]
            comparison.same(f"{where} elapsed_share", share, pace["elapsed_share"])
            comparison.same(f"{where} days_left", total_days - gone, pace["days_left"], exact=True)
            comparison.same(f"{where} prorated", int(paced), int(pace["prorated"]), exact=True)
            expected = (target * share if share is not None else None) if paced else target
            comparison.same(f"{where} expected", expected, pace["expected"])
            ratio = projection = needed = None
            if paced and share and actual is not None:
                ratio = Decimal(actual) / expected if expected > 0 else None
                projection = Decimal(actual) / share
                if total_days - gone > 0 and Decimal(actual) < target:
                    needed = (target - Decimal(actual)) / (total_days - gone)
            comparison.same(f"{where} pace", ratio, pace["pace"])
            comparison.same(f"{where} projection", projection, pace["projection"])
            comparison.same(f"{where} needed_per_day", needed, pace["needed_per_day"])
            if ratio is not None:
                status = ("ahead" if ratio >= Decimal("1.05") else
                          "on pace" if ratio >= Decimal("0.95") else "behind")
                comparison.same(f"{where} status", 0, 0 if line["status"] == status else 1,
                                exact=True)


def main():
    engine = Engine(load())
    names = library_names()
    scores = read_scores()
    comparison = Comparison()
    cases = ["report-clinic-json"] + sorted(
        os.path.basename(p) for p in glob.glob(os.path.join(CASES, "example-clinic-*")))
    pace_cases = ["report-as-of-mid-month-json", "report-as-of-working-days-json"]
    for case in cases + pace_cases:
        command, options = case_args(case)
        if "--as-of" in options:
            check_pace(engine, case, comparison)
        elif command == "report":
            check_report(engine, case, comparison, names, scores)
        elif command == "list":
            check_list(engine, case, comparison)
        else:
            check_values(engine, case, comparison)
    if comparison.mismatches:
        for line in comparison.mismatches:
            print(line)
        print(f"{comparison.count} values compared: {len(comparison.mismatches)} MISMATCHES")
        return 1
    print(f"{comparison.count} values compared: MATCH")
    return 0


if __name__ == "__main__":
    sys.exit(main())
