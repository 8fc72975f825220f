#!/usr/bin/env python3
"""Independent check of the beauty example: recomputes every number of the committed report
JSON (tests/e2e/cases/example-beauty-*/expout) from the exports with the Python standard
library alone, without kpi, and compares.

    python3 tests/examples/check_beauty.py        (from the repository root)

For each KPI of each scorecard it recomputes the actual, the previous period's and last
year's values (环比, 同比), the achievement and the points, and each scorecard's total; then
from the totals each scorecard's grade, 绩效系数 and rank in its group ([grades] of the
library), the forced-distribution warnings, and with --pay the bonus from pay.csv; in the
plan's tree (上级), each scorecard's parent and level and the 下级 lines (the mean of the
children's recomputed totals) of 公司 and 零售门店, ranks being within each parent. Money
is summed exactly (Decimal); ratios are compared with a tolerance of 1e-6 (relative), since
the report rounds them to six decimals. Prints "N values compared: MATCH" or the mismatches
and exits 1.
"""
import csv
import datetime as dt
import glob
import json
import os
import re
import sys
from decimal import Decimal

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EXAMPLE = os.path.join(ROOT, "examples", "beauty")
DATA = os.path.join(EXAMPLE, "data")

def report_cases():
    """The example-beauty-* cases whose command is a JSON report."""
    cases = []
    for folder in sorted(glob.glob(os.path.join(ROOT, "tests", "e2e", "cases", "example-beauty-*"))):
        with open(os.path.join(folder, "cmd"), encoding="utf-8") as f:
            words = f.read().split()
        if words[0] == "report" and "--format" in words and words[words.index("--format") + 1] == "json":
            cases.append(os.path.join(folder, "expout"))
    return cases


def case_pays(case):
    """Whether the case's command gives --pay (the example's pay.csv)."""
    with open(os.path.join(os.path.dirname(case), "cmd"), encoding="utf-8") as f:
        return "--pay" in f.read().split()


def grade_bands():
    """[grades] of the library: [(grade, from or None, coefficient)], highest first; the limit."""
    import tomllib
    with open(os.path.join(EXAMPLE, "kpi.toml"), "rb") as f:
        grades = tomllib.load(f)["grades"]
    bands = [(b["grade"], None if "from" not in b else Decimal(str(b["from"])),
              Decimal(str(b["coefficient"]))) for b in grades["bands"]]
    return bands, grades["limit"]


def shown(total):
    """The total as the report shows it: one decimal, half away from zero."""
    from decimal import ROUND_HALF_UP
    return Decimal(total).quantize(Decimal("1e-6"), ROUND_HALF_UP).quantize(Decimal("0.1"), ROUND_HALF_UP)


def grade_of(bands, total):
    for name, start, coefficient in bands:
        if start is None or shown(total) >= start:
            return name, coefficient
    raise AssertionError("the last band has no from")


CASES = report_cases()


# --- reading ---------------------------------------------------------------------------------
def read(pattern, encoding="utf-8", delimiter=","):
    rows = []
    for path in sorted(glob.glob(os.path.join(DATA, pattern))):
        with open(path, encoding=encoding, newline="") as f:
            rows.extend(csv.DictReader(f, delimiter=delimiter))
    if not rows:
        raise SystemExit(f"no rows in {pattern}")
    return rows


def money(text):
    """'¥1,234.50', '-¥79.00', '1,778.88', '12.5万' -> Decimal; '' -> None."""
    text = text.strip()
    if not text:
        return None
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("-").replace("¥", "").replace(",", "")
    factor = 1
    if text.endswith("万"):
        text, factor = text[:-1], 10000
    return sign * Decimal(text) * factor


def day(text):
    """'2025/06/03', '2025-06-03', '2025.06.03', '2025年6月3日', '2025-06' (its first day) -> date."""
    text = text.strip()
    if not text:
        return None
    m = re.match(r"(\d{4})\D?(\d{1,2})\D?(\d{1,2})?", text)
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))


def moment(text):
    text = text.strip()
    if not text:
        return None
    return dt.datetime.fromisoformat(text.replace("T", " "))


def load():
    d = {}
    d["customers"] = {r["客户编码"]: r for r in read("customers.csv", "gb18030")}
    d["products"] = {r["商品编码"]: r for r in read("products.csv", "utf-8-sig")}
    d["erp"] = [dict(day=day(r["业务日期"]), doc=r["单据类型"], order=r["单据编号"], channel=r["渠道"],
                     customer=r["客户编码"], sku=r["商品编码"], amount=money(r["金额"]), cost=money(r["成本金额"]),
                     required=day(r["要求到货日期"]), arrived=day(r["实际到货日期"]))
                for r in read("erp_sales_*.csv", "utf-8-sig")]
    d["pos"] = [dict(day=moment(r["交易时间"]).date(), store=r["门店编码"], member=r["会员卡号"].strip(),
                     amount=money(r["实收金额"]), campaign=r["活动编码"].strip())
                for r in read("pos_*.csv", "gb18030")]
    d["oms"] = [dict(day=moment(r["创建时间"]).date(), doc=r["单据类型"], buyer=r["买家ID"],
                     shipped=moment(r["发货时间"]), amount=money(r["实付金额"]), campaign=r["活动编码"].strip())
                for r in read("oms_orders_*.csv")]
    d["ecom"] = [dict(day=day(r["日期"]), visitors=int(r["访客数"]), ad_spend=money(r["推广花费"]),
                      ad_sales=money(r["推广成交金额"])) for r in read("ecom_daily.csv")]
    d["finance"] = [dict(day=day(r["记账日期"]), dept=r["部门"], account=r["费用科目"], amount=money(r["金额"]))
                    for r in read("finance_expenses.csv", "gb18030")]
    d["budget"] = [dict(day=day(r["月份"]), dept=r["部门"], store=r["门店编码"], item=r["预算项目"],
                        amount=money(r["金额"])) for r in read("budget.csv")]
    d["manual"] = [dict(day=day(r["月份"]), figure=r["指标"], store=r["门店编码"], value=Decimal(r["数值"]))
                   for r in read("manual_figures.csv")]
    d["reviews"] = [dict(day=moment(r["发布时间"]).date(), sentiment=r["情感倾向"]) for r in read("reviews.csv")]
    d["campaigns"] = [dict(day=day(r["日期"]), spend=money(r["花费"])) for r in read("campaign_daily.csv")]
    d["social"] = [dict(day=day(r["统计周"]), views=int(r["阅读播放量"]),
                        interactions=sum(int(r[c]) for c in ("点赞", "评论", "转发", "收藏")))
                   for r in read("social_weekly.csv")]
    d["projects"] = [dict(day=day(r["实际完成日期"]), started=day(r["立项日期"]), planned_end=day(r["计划完成日期"]))
                     for r in read("rd_projects.csv")]
    d["production"] = [dict(day=day(r["生产日期"]), produced=int(r["实际产量"]), passed=int(r["一次合格数"]))
                       for r in read("production_batches.csv")]
    d["inventory"] = [dict(day=day(r["月份"]), store=r["门店编码"], opening=money(r["期初库存金额"]),
                           closing=money(r["期末库存金额"]), cogs=money(r["本月销售成本"]),
                           counted=money(r["盘点金额"]), shrink=money(r["盘亏金额"]))
                      for r in read("erp_inventory.csv", "utf-8-sig")]
    d["tickets"] = [dict(created=moment(r["创建时间"]), reply=moment(r["首次响应时间"]), agent=r["处理坐席"],
                         csat=int(r["满意度"]) if r["满意度"] else None) for r in read("cs_tickets.csv", "utf-8-sig")]
    for t in d["tickets"]:
        t["day"] = t["created"].date()
    return d


# --- periods ---------------------------------------------------------------------------------
def month_range(year, month):
    start = dt.date(year, month, 1)
    end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def period_range(name):
    m = re.fullmatch(r"(\d{4})-(\d{2})", name)
    if m:
        return month_range(int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{4})-Q([1-4])", name)
    year, q = int(m.group(1)), int(m.group(2))
    return month_range(year, 3 * q - 2)[0], month_range(year, 3 * q)[1]


def shift(name, back_one=True):
    """The previous period (back_one) or the same period a year earlier."""
    m = re.fullmatch(r"(\d{4})-(\d{2})", name)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if not back_one:
            return f"{year - 1}-{month:02d}"
        return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"
    m = re.fullmatch(r"(\d{4})-Q([1-4])", name)
    year, q = int(m.group(1)), int(m.group(2))
    if not back_one:
        return f"{year - 1}-Q{q}"
    return f"{year - 1}-Q4" if q == 1 else f"{year}-Q{q - 1}"


# --- the KPIs of the plan, from the rows ------------------------------------------------------
def within(rows, start, end):
    return [r for r in rows if start <= r["day"] <= end]


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return Decimal(a) / Decimal(b)


def kpis(d):
    first_b2b = {}
    for r in sorted(d["erp"], key=lambda r: r["day"]):
        if r["channel"] in ("KA", "CS", "O2O"):
            first_b2b.setdefault(r["customer"], r["day"])
    launch = {sku: day(p["上市日期"]) for sku, p in d["products"].items()}
    key_account = {c for c, r in d["customers"].items() if r["重点客户"] == "是"}

    def sales(s, e):
        return sum(r["amount"] for r in within(d["erp"], s, e))

    def budget(s, e, dept, item, store=""):
        return sum(r["amount"] for r in within(d["budget"], s, e)
                   if r["dept"] == dept and r["item"] == item and r["store"] == store)

    def sales_target_completion(s, e, _):
        return ratio(sales(s, e), budget(s, e, "销售部", "销售额目标"))

    def key_account_sales(s, e, _):
        return sum(r["amount"] for r in within(d["erp"], s, e) if r["customer"] in key_account)

    def new_customers(s, e, _):
        return len({r["customer"] for r in within(d["erp"], s, e)
                    if r["channel"] in ("KA", "CS", "O2O") and s <= first_b2b[r["customer"]] <= e})

    def gross_margin(s, e, _):
        rows = within(d["erp"], s, e)
        revenue = sum(r["amount"] for r in rows)
        return ratio(revenue - sum(r["cost"] for r in rows), revenue)

    def positive_review_share(s, e, _):
        rows = within(d["reviews"], s, e)
        return ratio(sum(1 for r in rows if r["sentiment"] == "正面"), len(rows))

    def campaign_roi(s, e, _):
        tagged = sum(r["amount"] for r in within(d["pos"], s, e) if r["campaign"]) + \
            sum(r["amount"] for r in within(d["oms"], s, e) if r["campaign"])
        cost = sum(r["spend"] for r in within(d["campaigns"], s, e))
        return ratio(tagged - cost, cost)

    def social_engagement_rate(s, e, _):
        rows = within(d["social"], s, e)
        return ratio(sum(r["interactions"] for r in rows), sum(r["views"] for r in rows))

    def marketing_budget_variance(s, e, _):
        spend = sum(r["amount"] for r in within(d["finance"], s, e) if r["dept"] == "市场部" and r["account"] == "市场费用")
        plan = sum(r["amount"] for r in within(d["budget"], s, e) if r["item"] == "市场费用预算")
        return ratio(abs(spend - plan), plan)

    def orders(s, e):
        return [r for r in within(d["oms"], s, e) if r["doc"] == "订单"]

    def gmv_target_completion(s, e, _):
        return ratio(sum(r["amount"] for r in orders(s, e)), budget(s, e, "电商部", "销售额目标"))

    def conversion_rate(s, e, _):
        return ratio(len({r["buyer"] for r in orders(s, e)}), sum(r["visitors"] for r in within(d["ecom"], s, e)))

    def online_repeat_rate(s, e, _):
        counts = {}
        for r in orders(s, e):
            counts[r["buyer"]] = counts.get(r["buyer"], 0) + 1
        return ratio(sum(1 for n in counts.values() if n >= 2), len(counts))

    def roas(s, e, _):
        rows = within(d["ecom"], s, e)
        return ratio(sum(r["ad_sales"] for r in rows), sum(r["ad_spend"] for r in rows))

    def new_product_share(s, e, _):
        rows = within(d["erp"], s, e)
        recent = sum(r["amount"] for r in rows if (r["day"] - launch[r["sku"]]).days < 365)
        return ratio(recent, sum(r["amount"] for r in rows))

    def rd_cycle_ratio(s, e, _):
        rows = within(d["projects"], s, e)
        return ratio(sum((r["day"] - r["started"]).days for r in rows),
                     sum((r["planned_end"] - r["started"]).days for r in rows))

    def on_time_delivery(s, e, _):
        rows = [r for r in within(d["erp"], s, e) if r["doc"] == "销售出库"]
        return ratio(len({r["order"] for r in rows if r["arrived"] <= r["required"]}), len({r["order"] for r in rows}))

    def first_pass_yield(s, e, _):
        rows = within(d["production"], s, e)
        return ratio(sum(r["passed"] for r in rows), sum(r["produced"] for r in rows))

    def inventory_turnover(s, e, _):
        rows = within(d["inventory"], s, e)
        average = sum((r["opening"] + r["closing"]) / 2 for r in rows) / len({r["day"] for r in rows})
        return ratio(sum(r["cogs"] for r in rows), average)

    def logistics_cost_per_order(s, e, _):
        cost = sum(r["amount"] for r in within(d["finance"], s, e) if r["account"] == "快递费")
        return ratio(cost, sum(1 for r in orders(s, e) if r["shipped"] is not None))

    def response_minutes(s, e, _):
        rows = within(d["tickets"], s, e)
        return ratio(sum(Decimal((r["reply"] - r["created"]).total_seconds()) / 60 for r in rows), len(rows))

    def csat(s, e, _):
        answers = [r["csat"] for r in within(d["tickets"], s, e) if r["csat"] is not None]
        return ratio(sum(1 for a in answers if a >= 4), len(answers))

    def tickets_per_agent(s, e, _):
        rows = within(d["tickets"], s, e)
        months = {(r["day"].year, r["day"].month) for r in rows}
        return ratio(len(rows), len({r["agent"] for r in rows}) * len(months))

    def store_target_completion(s, e, store):
        actual = sum(r["amount"] for r in within(d["pos"], s, e) if r["store"] == store)
        return ratio(actual, budget(s, e, "零售门店", "销售额目标", store))

    def member_sales_share(s, e, store):
        rows = [r for r in within(d["pos"], s, e) if r["store"] == store]
        return ratio(sum(r["amount"] for r in rows if r["member"]), sum(r["amount"] for r in rows))

    def shrinkage_rate(s, e, store):
        rows = [r for r in within(d["inventory"], s, e) if r["store"] == store]
        return ratio(sum(r["shrink"] for r in rows), sum(r["counted"] for r in rows))

    def manual_average(figure):
        def average(s, e, store):
            values = [r["value"] for r in within(d["manual"], s, e) if r["figure"] == figure and r["store"] == store]
            return ratio(sum(values), len(values))
        return average

    return {
        "sales_target_completion": sales_target_completion, "key_account_sales": key_account_sales,
        "new_customers": new_customers, "gross_margin": gross_margin,
        "positive_review_share": positive_review_share, "campaign_roi": campaign_roi,
        "social_engagement_rate": social_engagement_rate, "marketing_budget_variance": marketing_budget_variance,
        "gmv_target_completion": gmv_target_completion, "conversion_rate": conversion_rate,
        "online_repeat_rate": online_repeat_rate, "roas": roas, "new_product_share": new_product_share,
        "rd_cycle_ratio": rd_cycle_ratio, "on_time_delivery": on_time_delivery,
        "first_pass_yield": first_pass_yield, "inventory_turnover": inventory_turnover,
        "logistics_cost_per_order": logistics_cost_per_order, "response_minutes": response_minutes,
        "csat": csat, "tickets_per_agent": tickets_per_agent,
        "store_target_completion": store_target_completion, "member_sales_share": member_sales_share,
        "shrinkage_rate": shrinkage_rate, "mystery_shopper": manual_average("神秘顾客得分"),
        "display_compliance": manual_average("陈列检查得分"),
    }


LOWER = {"marketing_budget_variance", "rd_cycle_ratio", "logistics_cost_per_order", "response_minutes",
         "shrinkage_rate"}
MONEY = {"key_account_sales"}


# --- plan, scores and scoring -----------------------------------------------------------------
def target_number(text):
    text = text.strip().lstrip("≥≤><=")
    percent = text.endswith("%")
    text = text.rstrip("%").rstrip("分人次天个单家元")
    value = Decimal(text[:-1]) * 10000 if text.endswith("万") else Decimal(text)
    return value / 100 if percent else value


def plan_parent(plan, name, entity):
    """The 上级 the plan's rows of a scorecard name ("" for a root)."""
    for (scorecard, who, _), row in plan.items():
        if scorecard == name and who == entity and row["上级"]:
            return row["上级"]
    return ""


def points(achievement, rule):
    cap = Decimal("1.2")
    if rule.startswith("floor"):
        floor = Decimal(re.search(r"floor (\d+)%", rule).group(1)) / 100
        if achievement < floor:
            return Decimal(0)
    return max(Decimal(0), min(achievement, cap) * 100)


def main():
    d = load()
    compute = kpis(d)
    with open(os.path.join(EXAMPLE, "plan.csv"), encoding="utf-8", newline="") as f:
        plan = {(r["部门/岗位"], r["对象"], r["KPI"]): r for r in csv.DictReader(f)}
    with open(os.path.join(EXAMPLE, "scores.csv"), encoding="utf-8", newline="") as f:
        scores = {(r["部门/岗位"], r["KPI"], r["期间"]): Decimal(r["得分"]) for r in csv.DictReader(f)}

    compared, mismatches = 0, []

    def check(where, what, expected, actual, exact=False):
        nonlocal compared
        compared += 1
        if expected is None or actual is None:
            ok = expected is None and actual is None
        elif exact:
            ok = Decimal(expected) == Decimal(actual)
        else:
            e, a = Decimal(expected), Decimal(actual)
            ok = abs(e - a) <= Decimal("1e-6") * max(Decimal(1), abs(a)) + Decimal("1e-6")
        if not ok:
            mismatches.append(f"{where}: {what}: report {expected}, recomputed {actual}")

    def change(now, before):
        if now is None or before is None or before == 0:
            return None
        return (now - before) / abs(before)

    if len(CASES) < 2:
        raise SystemExit("expected at least two example-beauty cases")
    bands, limit = grade_bands()
    with open(os.path.join(EXAMPLE, "pay.csv"), encoding="utf-8", newline="") as f:
        pay = {r["考核对象"]: money(r["奖金基数"]) for r in csv.DictReader(f)}
    for case in CASES:
        with open(case, encoding="utf-8") as f:
            report = json.load(f, parse_float=Decimal, parse_int=Decimal)
        totals = {}  # (name, entity) -> recomputed total
        # The plan's tree (上级): the report lists a parent before its children, so the cards
        # are recomputed from the last up, each child's total known before its parent's 下级.
        for card in reversed(report["scorecards"]):
            weighted, weights = Decimal(0), Decimal(0)
            parent = plan_parent(plan, card["name"], card["entity"] or "")
            check(f"{card['name']} {card['entity'] or ''}", "parent", 0,
                  0 if (card["parent"] or "") == parent else 1, exact=True)
            level, up = 0, parent
            while up:
                level, up = level + 1, plan_parent(plan, up, "")
            check(f"{card['name']} {card['entity'] or ''}", "level", card["level"], level, exact=True)
            for k in card["kpis"]:
                where = f"{os.path.basename(os.path.dirname(case))} {card['name']} {card['entity'] or ''} {k['id']}"
                row = plan[(card["name"], card["entity"] or "", k["name"])]
                period = k["period"]
                if k["id"] == "下级":
                    # the mean of the children's totals, each child counting the same
                    children = [totals[(c["name"], c["entity"])] for c in report["scorecards"]
                                if c["parent"] == card["name"] and c is not card]
                    actual = sum(children) / len(children)
                    check(where, "actual (children's mean)", k["actual"], actual)
                    achievement, score = None, actual
                elif k["id"] in compute:
                    fn = compute[k["id"]]

                    def value(name):
                        start, end = period_range(name)
                        v = fn(start, end, card["entity"])
                        return None if v is None else Decimal(v)

                    actual = value(period)
                    check(where, "actual", k["actual"], actual, exact=k["id"] in MONEY)
                    check(where, "change_previous", k["change_previous"], change(actual, value(shift(period))))
                    check(where, "change_last_year", k["change_last_year"],
                          change(actual, value(shift(period, back_one=False))))
                    target = target_number(row["目标值"])
                    check(where, "target", k["target"], target)
                    achievement = target / actual if k["id"] in LOWER else actual / target
                    score = points(achievement, row["评分规则"])
                else:
                    # A hand-given score is the points; it has an achievement only against a
                    # target score, and the plan gives none.
                    actual = scores[(card["name"], k["name"], period)]
                    check(where, "actual (score)", k["actual"], actual)
                    achievement = actual / target_number(row["目标值"]) if row["目标值"] else None
                    score = actual
                check(where, "achievement", k["achievement"], achievement)
                check(where, "score", k["score"], score)
                weight = Decimal(row["权重"].rstrip("%"))
                check(where, "weight", k["weight"], weight)
                weighted += weight * score
                weights += weight
            check(f"{card['name']} {card['entity'] or ''}", "scorecard total", card["score"], weighted / weights)
            totals[(card["name"], card["entity"])] = weighted / weights

        # Grades, 绩效系数, ranks within each group (an entity's scorecard among its 部门/岗位, the
        # others together: 1, 2, 2, 4 on the shown totals), the forced distribution, and with
        # --pay the bonus: base × coefficient to the cent, half away from zero.
        name = os.path.basename(os.path.dirname(case))
        groups = {}
        for card in report["scorecards"]:
            group = card["parent"] or ""  # in the plan's tree: among the parent's children
            groups.setdefault(group, []).append(card)
        for group, cards in groups.items():
            limited = 0
            for card in cards:
                where = f"{name} {card['name']} {card['entity'] or ''}"
                total = totals[(card["name"], card["entity"])]
                grade, coefficient = grade_of(bands, total)
                limited += grade in limit["grades"]
                above = sum(1 for other in cards if shown(totals[(other["name"], other["entity"])]) > shown(total))
                check(where, "group", 0, 0 if (card["group"] or "") == group else 1, exact=True)
                check(where, "grade", 0, 0 if card["grade"] == grade else 1, exact=True)
                check(where, "coefficient", card["coefficient"], coefficient, exact=True)
                check(where, "rank", card["rank"], above + 1, exact=True)
                if case_pays(case):
                    person = card["entity"] or card["name"]
                    base = pay.get(person)  # 公司 and 零售门店 (made of their children) have none
                    from decimal import ROUND_HALF_UP
                    check(where, "base_bonus", card["base_bonus"], base, exact=base is not None)
                    bonus = None if base is None else (base * coefficient).quantize(Decimal("0.01"), ROUND_HALF_UP)
                    check(where, "bonus", card["bonus"], bonus, exact=base is not None)
                else:
                    check(where, "no bonus without --pay", 0, 0 if "bonus" not in card else 1, exact=True)
            share = Decimal(limited) / len(cards)
            over = share > Decimal(limit["at_most"].rstrip("%")) / 100
            label = group or "the plan's scorecards"
            said = any(w.endswith(f"{label}: {limited} of {len(cards)} scorecards graded S or A "
                                  f"({share * 100:.1f}%), more than the 30.0% allowed")
                       for w in report["warnings"])
            check(f"{name} {label}", "forced distribution warning", 0, 0 if said == over else 1, exact=True)

    if mismatches:
        print("\n".join(mismatches))
        print(f"{compared} values compared: {len(mismatches)} MISMATCHES")
        return 1
    print(f"{compared} values compared: MATCH")
    return 0


if __name__ == "__main__":
    sys.exit(main())
