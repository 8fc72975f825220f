#!/usr/bin/env python3
"""Reference answers of workload W2 (tests/bench/workload_w2.toml), recomputed independently of
kpi: Python standard library only, money in exact integer cents, ratios as exact fractions.

    w2_reference.py POS.csv CRM.csv STORES.csv > expected.csv

Prints what `kpi values tests/bench/workload_w2.toml ... --period 2025-06 --period 2025-Q2
--period 2025 --format csv` prints (docs/output-formats.md): one row per KPI, period and
breakdown value, `kpi,name,period,by,value,unit`, periods in the order given, KPIs in the
library's order, breakdown values sorted by code point; a value rounded half away from zero to
six decimals without trailing zeros, empty for no value.

The rules it applies are kpi's documented ones (docs/library/*.md):
- a breakdown value gets a row when it has rows in the period in a source the KPI reads (for
  sales_per_arrival, the POS or the CRM); a value whose field is empty is `(missing)`;
- a measure has no value when its source has no rows in the period for that breakdown value, an
  average has no value without values, and a division by zero has no value; a sum or count over
  rows the filter rejects is 0; `prev()` reads the period before (2025-05, 2025-Q1, 2024);
- a filter lets a row through only when it is true: a comparison or text test on an empty cell
  is unknown, so `not starts_with(order, 'TK')` rejects a row without an order number;
- cells lose surrounding spaces; empty, `-`, `--`, `—`, `N/A`, `NA`, `NULL`, `#N/A` and `None`
  are missing; a record with the wrong number of fields is skipped;
- the lookup gives a POS row the 城市 of the first stores.csv row with its 门店编码.

It reads what the generator (../shared/bench/gen_exports.py) writes: ISO dates and date-times,
plain decimal amounts with up to two decimals, whole or decimal scores. Any other cell in a
column it reads stops it with the file and line, rather than being guessed at.
"""
import csv
import re
import sys
from fractions import Fraction

PERIODS = ("2025-06", "2025-Q2", "2025")
SERVICE_CATEGORIES = frozenset(("皮肤管理", "注射美容", "光电项目", "身体护理", "套餐卡项"))
RETAIL = "产品零售"
MISSING_KEY = "(missing)"

# id, display name, unit, and how compare tools judge the value: "money" within 0.01, "count"
# exactly, "ratio" within 1e-6.
KPIS = (
    ("consultant_sales", "顾问项目业绩", "money", "money"),
    ("consultant_sales_mom", "顾问业绩环比", "percent", "ratio"),
    ("consultant_margin", "顾问项目毛利率", "percent", "ratio"),
    ("consultant_customers", "顾问服务客户数", "count", "count"),
    ("city_sales", "城市销售额", "money", "money"),
    ("city_share", "城市销售占比", "percent", "ratio"),
    ("city_retail_share", "城市零售占比", "percent", "ratio"),
    ("arrival_rate", "到店率", "percent", "ratio"),
    ("new_arrivals", "新客到店数", "count", "count"),
    ("avg_rating", "满意度", "count", "ratio"),
    ("sales_per_arrival", "到店客单产值", "money", "money"),
    ("wechat_share", "微信支付订单占比", "percent", "ratio"),
)
KIND = {kpi: kind for kpi, _, _, kind in KPIS}

MISSING = frozenset(("", "-", "--", "—", "N/A", "NA", "NULL", "#N/A", "NONE"))
EDGE = frozenset(" \t\u00a0\u3000\ufeff")
DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DATETIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?: \d{2}:\d{2}(?::\d{2})?)?")
AMOUNT = re.compile(r"(-?)(\d+)(?:\.(\d{1,2}))?")
SCORE = re.compile(r"-?\d+(?:\.\d+)?")


class BadCell(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Periods: a period is a range of months, counted as year * 12 + month - 1


def month_range(period):
    """'2025-06' -> (m, m); '2025-Q2' -> three months; '2025' -> twelve."""
    if re.fullmatch(r"\d{4}-\d{2}", period):
        first = int(period[:4]) * 12 + int(period[5:]) - 1
        return first, first
    if re.fullmatch(r"\d{4}-Q[1-4]", period):
        first = int(period[:4]) * 12 + (int(period[6]) - 1) * 3
        return first, first + 2
    if re.fullmatch(r"\d{4}", period):
        first = int(period) * 12
        return first, first + 11
    raise SystemExit(f"w2_reference.py: unsupported period {period!r}")


def slots():
    """(period, shift) pairs: shift 0 is the period itself, 1 the period before it (prev)."""
    out = []
    for period in PERIODS:
        first, last = month_range(period)
        length = last - first + 1
        out.append((period, 0, first, last))
        out.append((period, 1, first - length, last - length))
    return out


SLOTS = slots()


def slots_of_month(month):
    """Indexes into SLOTS of the (period, shift) pairs a row of this month counts in."""
    return tuple(i for i, (_, _, first, last) in enumerate(SLOTS) if first <= month <= last)


# ---------------------------------------------------------------------------------------------
# Cells


def text(cell):
    if cell and (cell[0] in EDGE or cell[-1] in EDGE):
        cell = cell.strip(" \t\u00a0\u3000\ufeff")
    if len(cell) <= 4 and cell.upper() in MISSING:
        return None
    return cell


def cents(cell):
    """'-123.4' -> -12340; None for a missing cell."""
    cell = text(cell)
    if cell is None:
        return None
    match = AMOUNT.fullmatch(cell)
    if not match:
        raise BadCell(f"amount {cell!r}")
    sign, whole, fraction = match.groups()
    value = int(whole) * 100 + int(((fraction or "") + "00")[:2])
    return -value if sign else value


def score(cell):
    cell = text(cell)
    if cell is None:
        return None
    if not SCORE.fullmatch(cell):
        raise BadCell(f"score {cell!r}")
    return Fraction(cell)


class Months:
    """The month index of a date or date-time cell (None when missing), with a cache per day,
    and the check that the day exists."""

    def __init__(self, pattern):
        self.pattern, self.days = pattern, {}

    def __call__(self, cell):
        cell = text(cell)
        if cell is None:
            return None
        match = self.pattern.fullmatch(cell)
        if not match:
            raise BadCell(f"date {cell!r}")
        day = cell[:10]
        month = self.days.get(day)
        if month is None:
            year, mon, dom = int(match[1]), int(match[2]), int(match[3])
            if not (1 <= mon <= 12 and 1 <= dom <= days_in_month(year, mon)):
                raise BadCell(f"date {cell!r}")
            month = self.days[day] = year * 12 + mon - 1
        return month


def days_in_month(year, month):
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


# ---------------------------------------------------------------------------------------------
# Reading


def records(path):
    """(line, header index, row) for every record with as many fields as the header."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = [text(name) or "" for name in next(reader)]
        index = {name: i for i, name in reversed(list(enumerate(header)))}
        width = len(header)
        yield 1, index, None
        for row in reader:
            if len(row) == width:
                yield reader.line_num, index, row


def columns(index, path, *names):
    missing = [name for name in names if name not in index]
    if missing:
        raise SystemExit(f"w2_reference.py: {path}: no column {', '.join(missing)}")
    return [index[name] for name in names]


def read_stores(path):
    """门店编码 -> 城市, the first row of a code winning."""
    city = {}
    rows = records(path)
    _, index, _ = next(rows)
    i_store, i_city = columns(index, path, "门店编码", "城市")
    for _, _, row in rows:
        store = text(row[i_store])
        if store is not None and store not in city:
            city[store] = text(row[i_city])
    return city


def new_tally():
    return {"rows": False, "groups": {}}


def read_pos(path, city_of):
    """Per slot: consultant -> [service cents, service cost cents, members], city -> [sales,
    retail], store -> sales, and the whole: [orders, wechat orders]; plus whether the slot has
    rows at all."""
    months = Months(DATETIME)
    per_slot = [{"rows": False, "consultant": {}, "city": {}, "store": {}, "whole": [0, 0]}
                for _ in SLOTS]
    slots_cache = {}
    rows = records(path)
    _, index, _ = next(rows)
    i_order, i_time, i_store, i_consultant, i_member, i_category, i_payment, i_paid, i_cost = \
        columns(index, path, "单号", "交易时间", "门店编码", "顾问工号", "会员卡号", "项目类别",
                "支付方式", "实收金额", "成本金额")
    line = 1
    try:
        for line, _, row in rows:
            month = months(row[i_time])
            if month is None:
                continue  # a row without a valid time counts in no period
            in_slots = slots_cache.get(month)
            if in_slots is None:
                in_slots = slots_cache[month] = slots_of_month(month)
            if not in_slots:
                continue
            order = text(row[i_order])
            store = text(row[i_store])
            consultant = text(row[i_consultant]) or MISSING_KEY
            category = text(row[i_category])
            paid = cents(row[i_paid])
            cost = cents(row[i_cost])
            not_refund = order is not None and not order.startswith("TK")
            service = not_refund and category in SERVICE_CATEGORIES
            member = text(row[i_member]) \
                if not_refund and category is not None and category != RETAIL else None
            city = (city_of.get(store) if store is not None else None) or MISSING_KEY
            payment = text(row[i_payment])
            wechat = order is not None and payment is not None and "微信" in payment
            for slot in in_slots:
                tally = per_slot[slot]
                tally["rows"] = True
                c = tally["consultant"].get(consultant)
                if c is None:
                    c = tally["consultant"][consultant] = [0, 0, set()]
                if service and paid is not None:
                    c[0] += paid
                if SLOTS[slot][1]:
                    continue  # the period before is read only for prev(service_sales)
                if service and cost is not None:
                    c[1] += cost
                if member is not None:
                    c[2].add(member)
                t = tally["city"].get(city)
                if t is None:
                    t = tally["city"][city] = [0, 0]
                if paid is not None:
                    t[0] += paid
                    if category == RETAIL:
                        t[1] += paid
                    key = store if store is not None else MISSING_KEY
                    tally["store"][key] = tally["store"].get(key, 0) + paid
                else:
                    tally["store"].setdefault(store if store is not None else MISSING_KEY, 0)
                if order is not None:
                    tally["whole"][0] += 1
                    if wechat:
                        tally["whole"][1] += 1
    except BadCell as problem:
        raise SystemExit(f"w2_reference.py: {path}:{line}: unsupported {problem}")
    return per_slot


def read_crm(path):
    """Per current slot: store -> [bookings, arrivals, new arrivals, score sum, scores]."""
    booked_months, arrived_days = Months(DATE), Months(DATE)
    per_slot = [{} for _ in SLOTS]
    slots_cache = {}
    rows = records(path)
    _, index, _ = next(rows)
    i_booking, i_booked, i_arrived, i_store, i_new, i_score = \
        columns(index, path, "预约单号", "预约日期", "到店日期", "门店编码", "是否新客", "满意度评分")
    line = 1
    try:
        for line, _, row in rows:
            month = booked_months(row[i_booked])
            if month is None:
                continue
            in_slots = slots_cache.get(month)
            if in_slots is None:
                in_slots = slots_cache[month] = tuple(
                    s for s in slots_of_month(month) if SLOTS[s][1] == 0)
            if not in_slots:
                continue
            booking = text(row[i_booking]) is not None
            arrived = arrived_days(row[i_arrived]) is not None
            new = text(row[i_new]) == "是"
            rating = score(row[i_score])
            store = text(row[i_store]) or MISSING_KEY
            for slot in in_slots:
                s = per_slot[slot].get(store)
                if s is None:
                    s = per_slot[slot][store] = [0, 0, 0, 0, 0]
                if booking:
                    s[0] += 1
                    if arrived:
                        s[1] += 1
                        if new:
                            s[2] += 1
                if rating is not None:
                    s[3] += rating
                    s[4] += 1
    except BadCell as problem:
        raise SystemExit(f"w2_reference.py: {path}:{line}: unsupported {problem}")
    return per_slot


# ---------------------------------------------------------------------------------------------
# KPIs


def ratio(numerator, denominator):
    if numerator is None or denominator is None or denominator == 0:
        return None
    return Fraction(numerator) / denominator


def kpi_values(period, pos, pos_prev, crm):
    """{kpi: {breakdown value: exact value or None}} for one period."""
    values = {kpi: {} for kpi in KIND}
    for consultant, (sales, cost, members) in pos["consultant"].items():
        previous = pos_prev["consultant"].get(consultant)
        values["consultant_sales"][consultant] = Fraction(sales, 100)
        growth = ratio(sales, previous[0] if previous else None)
        values["consultant_sales_mom"][consultant] = None if growth is None else growth - 1
        values["consultant_margin"][consultant] = ratio(sales - cost, sales)
        values["consultant_customers"][consultant] = len(members)
    total = sum(sales for sales, _ in pos["city"].values())
    for city, (sales, retail) in pos["city"].items():
        values["city_sales"][city] = Fraction(sales, 100)
        values["city_share"][city] = ratio(sales, total)
        values["city_retail_share"][city] = ratio(retail, sales)
    for store, (bookings, arrivals, new, score_sum, scores) in crm.items():
        values["arrival_rate"][store] = ratio(arrivals, bookings)
        values["new_arrivals"][store] = new
        values["avg_rating"][store] = ratio(score_sum, scores)
    for store in set(pos["store"]) | set(crm):
        sales = pos["store"].get(store)
        arrivals = crm[store][1] if store in crm else None
        values["sales_per_arrival"][store] = \
            None if sales is None else ratio(Fraction(sales, 100), arrivals)
    orders, wechat = pos["whole"]
    values["wechat_share"][""] = ratio(wechat, orders) if pos["rows"] else None
    return values


def raw(value):
    """As kpi's csv writes a number: six decimals, rounded half away from zero, without
    trailing zeros; empty for no value."""
    if value is None:
        return ""
    millionths = abs(value) * 1_000_000
    whole = int(millionths)  # floor of a non-negative value
    if millionths - whole >= Fraction(1, 2):
        whole += 1
    digits = f"{whole // 1_000_000}.{whole % 1_000_000:06d}".rstrip("0").rstrip(".")
    return ("-" if value < 0 and whole else "") + digits


def main(argv):
    if len(argv) != 3:
        raise SystemExit("usage: w2_reference.py POS.csv CRM.csv STORES.csv")
    pos_path, crm_path, stores_path = argv
    pos = read_pos(pos_path, read_stores(stores_path))
    crm = read_crm(crm_path)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["kpi", "name", "period", "by", "value", "unit"])
    for s, (period, shift, _, _) in enumerate(SLOTS):
        if shift:
            continue
        values = kpi_values(period, pos[s], pos[s + 1], crm[s])
        for kpi, name, unit, _ in KPIS:
            for key in sorted(values[kpi]):
                out.writerow([kpi, name, period, key, raw(values[kpi][key]), unit])


if __name__ == "__main__":
    main(sys.argv[1:])
