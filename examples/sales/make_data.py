#!/usr/bin/env python3
"""Makes the sales example's exports, deterministically (Python standard library only).

    python3 make_data.py [--out DIR] [--scale N]

The business department (业务部) of a maker of commercial water-purification equipment sells
to distributors and end customers (restaurant chains, schools, offices, hospitals, hotels) and
to walk-in buyers at its showroom. Writes into DIR (default: data/ beside this script), for
2024-01 to 2025-12:

- erp_sales_2024.csv, erp_sales_2025.csv: ERP sales and return documents (UTF-8 with a BOM, CRLF);
- crm_leads.csv: CRM leads, from 2023-10 so that early deals have their first contact (GBK, CRLF);
- crm_won_deals.csv: CRM won opportunities with their first-contact date (UTF-8);
- csat_survey.csv: customer satisfaction survey answers, some anonymous (UTF-8);
- finance_expenses.csv: the expense ledger of sales and marketing, with reversals (GBK, CRLF);
- hr_roster.csv: the department's monthly headcount roster (UTF-8);
- master_customers.csv: the customer master with region and target-outlet flag (GBK, CRLF).

--scale N multiplies customers, leads, walk-ins, survey answers and expense lines.
"""
import argparse
import csv
import datetime as dt
import io
import os
import random

FIRST = dt.date(2024, 1, 1)
LAST = dt.date(2025, 12, 31)
LEADS_FROM = dt.date(2023, 10, 1)

# 工号, 姓名, 团队, 区域, 岗位, 入职日期, 离职日期
STAFF = [
    ("S001", "周文杰", "华东一组", "华东", "销售代表", dt.date(2019, 3, 1), None),
    ("S002", "吴海燕", "华东一组", "华东", "销售代表", dt.date(2020, 7, 6), None),
    ("S003", "郑晓东", "华东二组", "华东", "销售代表", dt.date(2021, 2, 22), None),
    ("S004", "冯雪", "华东二组", "华东", "销售代表", dt.date(2022, 9, 1), None),
    ("S005", "陈志强", "华南组", "华南", "销售代表", dt.date(2018, 11, 12), None),
    ("S006", "林佳怡", "华南组", "华南", "销售代表", dt.date(2021, 5, 10), None),
    ("S007", "何俊", "华北组", "华北", "销售代表", dt.date(2020, 4, 1), None),
    ("S008", "高敏", "华北组", "华北", "销售代表", dt.date(2019, 8, 19), dt.date(2024, 9, 30)),
    ("S009", "罗宇", "西南组", "西南", "销售代表", dt.date(2022, 3, 14), None),
    ("S010", "马丽娟", "华北组", "华北", "销售代表", dt.date(2024, 10, 8), None),
    ("S011", "宋凯", "西南组", "西南", "销售代表", dt.date(2025, 3, 3), None),
    ("M001", "孙建国", "业务部", "", "业务部经理", dt.date(2017, 6, 1), None),
    ("A001", "唐静", "业务部", "", "销售助理", dt.date(2021, 8, 16), None),
]
REPS = [s for s in STAFF if s[4] == "销售代表"]
REPLACES = {"S008": "S010"}  # the leaver's customers go to the new hire
SPLITS = {"S009": "S011"}    # the new hire takes over every other account of a busy colleague
REGIONS = [("华东", 0.42), ("华南", 0.24), ("华北", 0.20), ("西南", 0.14)]
CITIES = {"华东": ["上海", "杭州", "苏州", "南京", "宁波"], "华南": ["广州", "深圳", "东莞", "佛山"],
          "华北": ["北京", "天津", "石家庄", "济南"], "西南": ["成都", "重庆", "昆明"]}
CUSTOMER_TYPES = [("经销商", 0.30), ("连锁餐饮", 0.22), ("学校", 0.14), ("写字楼物业", 0.14),
                  ("医院", 0.10), ("酒店", 0.10)]
NAME_PARTS = ["恒通", "泉源", "清泓", "瑞丰", "嘉禾", "华泰", "永盛", "百川", "润泽", "安澜", "鼎新",
              "德信", "汇佳", "东方", "金桥", "明远", "福临", "新航", "和美", "启航"]
SUFFIX = {"经销商": "水处理设备有限公司", "连锁餐饮": "餐饮管理有限公司", "学校": "实验学校",
          "写字楼物业": "物业服务有限公司", "医院": "医院", "酒店": "酒店管理有限公司"}
MACHINES = [("P-RO800", "商用反渗透净水机 RO-800", 12800), ("P-ZY300", "步进式直饮水机 ZY-300", 6800),
            ("P-RS500", "全自动软水机 RS-500", 9600)]
CONSUMABLES = [("P-LX01", "RO膜滤芯套装", 680), ("P-LX02", "前置PP棉滤芯(10支装)", 260),
               ("S-WB01", "年度维保服务", 2400), ("S-AZ01", "安装调试服务", 500)]
LEAD_SOURCES = [("展会", 0.22, 0.30), ("官网咨询", 0.22, 0.25), ("老客户转介绍", 0.14, 0.48),
                ("电话营销", 0.20, 0.14), ("线上广告", 0.22, 0.22)]  # name, share, win rate
ORDER_REMARKS = ["", "", "", "", "", "分两批发货, 第二批月底前", "含上门安装\n客户要求周末施工",
                 "按合同约定, 30天账期", "客户备注:\"发票抬头见合同\""]
RETURN_REMARKS = ["质量问题退回, 已安排换货", "型号错发\n已重新出库", "客户项目取消, 整单退货",
                  "运输破损, 物流已理赔"]
SURVEY_COMMENTS = ["", "", "", "安装师傅很专业", "出水口感好, 但噪音有点大", "希望滤芯更换提醒更及时\n电话回访太频繁",
                   "售后响应慢, 等了三天", "价格偏高,\"性价比\"一般"]
LEAD_REMARKS = ["", "", "", "需要报价单", "已发资料, 下周回访", "预算审批中,\n预计下月决策", "对比两家供应商, 关注售后"]


def months(start, end):
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def month_end(year, month):
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def random_day(rng, year, month):
    return dt.date(year, month, rng.randint(1, month_end(year, month).day))


def weighted(rng, choices):
    roll, total = rng.random(), 0.0
    for value, share in choices:
        total += share
        if roll < total:
            return value
    return choices[-1][0]


def season(month):
    # water equipment sells in the hot months; the Spring Festival empties February
    return {1: 0.85, 2: 0.65, 3: 0.95, 4: 1.0, 5: 1.05, 6: 1.15, 7: 1.2, 8: 1.15, 9: 1.0,
            10: 0.95, 11: 1.0, 12: 1.05}[month]


def campaign_of(year, month):
    yy = year % 100
    names = {3: "春季渠道大会", 4: "春季渠道大会", 6: "夏季净水节", 7: "夏季净水节", 8: "夏季净水节",
             9: "秋季行业展", 11: "双11线上促销"}
    return f"MKT{yy:02d}{month:02d}-{names[month]}" if month in names else f"MKT{yy:02d}{month:02d}-线上投放"


def money(value):
    return f"{value:,.2f}"


def write_csv(path, header, rows, encoding, newline):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerow(header)
    csv.writer(buffer, lineterminator=newline).writerows(rows)
    with open(path, "w", encoding=encoding, newline="") as out:
        out.write(buffer.getvalue())


def employed(staff, day):
    return staff[5] <= day and (staff[6] is None or staff[6] >= day)


def reps_in(region, day):
    return [r for r in REPS if r[3] == region and employed(r, day)]


def owner_on(rep_id, day):
    rep = next(r for r in REPS if r[0] == rep_id)
    if employed(rep, day) or rep_id not in REPLACES:
        return rep
    return next(r for r in REPS if r[0] == REPLACES[rep_id])


def owner(customer, day):
    rep_id = customer["rep"]
    taker = SPLITS.get(rep_id)
    if taker and int(customer["id"][1:]) % 2 and employed(next(r for r in REPS if r[0] == taker), day):
        rep_id = taker
    return owner_on(rep_id, day)


class World:
    def __init__(self, rng, scale):
        self.rng = rng
        self.customers = []   # dicts: id, name, type, region, city, rep, target, since, churn
        self.leads, self.won, self.orders, self.survey, self.expenses = [], [], [], [], []
        self.scale = scale
        self.names = set()

    def company_name(self, kind, city):
        while True:
            name = f"{city}{self.rng.choice(NAME_PARTS)}{self.rng.choice(NAME_PARTS)}{SUFFIX[kind]}"
            if name not in self.names:
                self.names.add(name)
                return name

    def add_customer(self, region, since, kind=None):
        rng = self.rng
        kind = kind or weighted(rng, CUSTOMER_TYPES)
        city = rng.choice(CITIES[region])
        reps = reps_in(region, max(since, FIRST))  # long-standing customers: today's team
        target = kind == "经销商" or (kind in ("连锁餐饮", "酒店") and rng.random() < 0.4)
        customer = {"id": f"C{len(self.customers) + 1:05d}", "name": self.company_name(kind, city),
                    "type": kind, "region": region, "city": city, "rep": rng.choice(reps)[0],
                    "target": target, "since": since, "churn": None}
        self.customers.append(customer)
        return customer

    def seed_customers(self):
        for _ in range(110 * self.scale):
            since = dt.date(2019, 1, 1) + dt.timedelta(days=self.rng.randint(0, 1700))
            self.add_customer(weighted(self.rng, REGIONS), since)

    def order_lines(self, customer, day, campaign, first=False):
        rng = self.rng
        lines = []
        if customer["type"] == "经销商":
            machine = rng.choice(MACHINES)
            lines.append((machine, rng.randint(2, 8 if first else 6)))
            lines.append((rng.choice(CONSUMABLES[:2]), rng.randint(10, 40)))
        elif first or rng.random() < 0.45:
            machine = rng.choice(MACHINES)
            lines.append((machine, rng.randint(1, 3)))
            if rng.random() < 0.6:
                lines.append((CONSUMABLES[3], lines[0][1]))
        else:
            lines.append((rng.choice(CONSUMABLES), rng.randint(1, 6)))
        return lines

    def add_order(self, customer, day, channel, campaign, first=False):
        rng = self.rng
        rep = owner(customer, day) if customer else rng.choice(reps_in("华东", day))
        doc = f"XS{day:%Y%m%d}{len(self.orders) + 1:06d}"
        lines = self.order_lines(customer, day, campaign, first) if customer else \
            [(rng.choice(MACHINES[1:2] + CONSUMABLES[:2]), rng.randint(1, 2))]
        remark = rng.choice(ORDER_REMARKS) if customer else rng.choice(["散客自提", "", "门市现场购买, 现金"])
        for (code, product, price), qty in lines:
            discount = rng.choice([1.0, 1.0, 0.95, 0.9, 0.88]) if customer else 1.0
            amount = round(price * qty * discount, 2)
            self.orders.append([doc, day, "销售出库", customer["id"] if customer else "",
                                customer["name"] if customer else "门市散客", rep[0], rep[1], rep[3], channel,
                                code, product, qty, amount, campaign or "", remark])
            if rng.random() < 0.03:  # a return a few days later, of part or all of the line
                back = day + dt.timedelta(days=rng.randint(2, 20))
                if back <= LAST:
                    back_qty = rng.randint(1, qty)
                    self.orders.append([f"TH{back:%Y%m%d}{len(self.orders) + 1:06d}", back, "销售退货",
                                        customer["id"] if customer else "",
                                        customer["name"] if customer else "门市散客", rep[0], rep[1],
                                        rep[3], channel, code, product, -back_qty,
                                        -round(amount * back_qty / qty, 2), campaign or "",
                                        f"原单{doc}: " + rng.choice(RETURN_REMARKS)])

    def make_leads(self):
        rng = self.rng
        for year, month in months(LEADS_FROM, LAST):
            growth = 1.0 + 0.012 * max(0, (year - 2024) * 12 + month - 1)
            for _ in range(round(30 * self.scale * season(month) * growth)):
                created = dt.datetime.combine(random_day(rng, year, month),
                                              dt.time(rng.randint(8, 19), rng.randint(0, 59)))
                source = weighted(rng, [(s, share) for s, share, _ in LEAD_SOURCES])
                win_rate = next(w for s, _, w in LEAD_SOURCES if s == source)
                region = weighted(rng, REGIONS)
                existing = rng.random() < 0.15
                candidates = [c for c in self.customers if c["region"] == region
                              and c["since"] < created.date() and c["churn"] is None]
                customer = rng.choice(candidates) if existing and candidates else None
                rep = owner(customer, max(created.date(), FIRST)) if customer else \
                    rng.choice(reps_in(region, created.date()))
                kind = customer["type"] if customer else weighted(rng, CUSTOMER_TYPES)
                company = customer["name"] if customer else self.company_name(kind, rng.choice(CITIES[region]))
                status, won_day = "跟进中", None
                if rng.random() < 0.08:
                    status = "无效"
                elif rng.random() < win_rate:
                    cycle = round(rng.triangular(10, 90, 32))
                    won_day = created.date() + dt.timedelta(days=cycle)
                    status = "已转化" if won_day <= LAST else "跟进中"
                elif created.date() < LAST - dt.timedelta(days=90):
                    status = "已关闭"
                campaign = campaign_of(year, month) if source in ("展会", "线上广告") else ""
                self.leads.append([f"XS-L{created:%y%m}{len(self.leads) + 1:05d}", created, source, company,
                                   rng.choice(["王", "李", "张", "刘", "陈", "杨"]) + rng.choice(["先生", "女士", "经理", "总"]),
                                   rep[1], status, rng.choice(LEAD_REMARKS)])
                if status == "已转化" and won_day >= FIRST:
                    self.won.append((created.date(), won_day, region, rep, kind, customer, company, campaign))
        self.won.sort(key=lambda w: w[1])

    def close_deals(self, year, month):
        """Won deals of the month: a new customer (or an existing one's new project) and its order."""
        rng = self.rng
        for first_contact, won_day, region, rep, kind, customer, company, campaign in self.won:
            if (won_day.year, won_day.month) != (year, month):
                continue
            if customer is None:
                customer = self.add_customer(region, won_day, kind)
                customer["name"], customer["rep"] = company, owner_on(rep[0], won_day)[0]
            first_order = won_day + dt.timedelta(days=rng.randint(0, 10))
            channel = "经销商" if customer["type"] == "经销商" else "直销"
            value = 0
            if first_order <= LAST:
                before = len(self.orders)
                self.add_order(customer, first_order, channel, campaign, first=True)
                value = sum(row[12] for row in self.orders[before:] if row[2] == "销售出库")
            else:
                value = rng.randint(3, 12) * 6800
            self.won_rows.append([f"SJ{won_day:%Y%m}{len(self.won_rows) + 1:04d}", customer["id"], customer["name"],
                                  owner(customer, won_day)[1], first_contact, won_day, value,
                                  rng.choice(["", "", "竞品价格更低, 靠售后方案赢单", "三方比价,\n最终按九折签约"])])

    def repeat_orders(self, year, month):
        rng = self.rng
        growth = 1.0 + 0.006 * ((year - 2024) * 12 + month - 1)
        promo = campaign_of(year, month)
        promo_month = not promo.endswith("线上投放")
        for customer in self.customers:
            start = dt.date(year, month, 1)
            if customer["since"] >= start or customer["churn"] is not None:
                continue
            if rng.random() < 0.011:
                customer["churn"] = start
                continue
            p = (0.62 if customer["type"] == "经销商" else 0.33) * season(month) * growth
            if rng.random() < min(p, 0.95):
                day = random_day(rng, year, month)
                channel = "经销商" if customer["type"] == "经销商" else rng.choice(["直销", "直销", "直销", "电商"])
                campaign = promo if rng.random() < (0.14 if promo_month else 0.07) else ""
                self.add_order(customer, day, channel, campaign)
        for _ in range(round(rng.randint(14, 24) * self.scale * season(month))):
            self.add_order(None, random_day(rng, year, month), "门市", "")

    def survey_month(self, year, month):
        rng = self.rng
        active = [c for c in self.customers if c["since"] <= month_end(year, month) and c["churn"] is None]
        shift = 0.05 if year == 2025 else 0.0
        for _ in range(rng.randint(24, 36) * self.scale):
            when = dt.datetime.combine(random_day(rng, year, month), dt.time(rng.randint(9, 21), rng.randint(0, 59), rng.randint(0, 59)))
            roll = rng.random() - shift
            score = 5 if roll < 0.52 else 4 if roll < 0.86 else 3 if roll < 0.95 else 2 if roll < 0.99 else 1
            anonymous = rng.random() < 0.2
            self.survey.append([f"Q{when:%Y%m%d%H%M%S}{len(self.survey) % 100:02d}", when,
                                "" if anonymous else rng.choice(active)["id"],
                                rng.choice(["安装回访", "售后回访", "年度调研"]), score, rng.choice(SURVEY_COMMENTS)])

    def expenses_month(self, year, month):
        rng = self.rng
        campaign = campaign_of(year, month)
        rows = []

        def add(account, dept, amount, summary, code=""):
            day = random_day(rng, year, month)
            rows.append([day, f"记-{month:02d}-{len(rows) + 1:04d}", account, dept, code, summary, round(amount, 2)])

        for _ in range(rng.randint(2, 4) * self.scale):
            add("销售费用-广告费", "市场部", rng.uniform(8000, 18000), "信息流广告投放, 按周结算", campaign)
        if month in (3, 9):
            add("销售费用-展会费", "市场部", rng.uniform(55000, 80000) * self.scale, "行业展会展位费,\n含搭建与物料", campaign)
        elif rng.random() < 0.4:
            add("销售费用-展会费", "市场部", rng.uniform(6000, 15000) * self.scale, "区域经销商沙龙场地费", campaign)
        promo = not campaign.endswith("线上投放")
        for _ in range((rng.randint(3, 5) if promo else rng.randint(1, 2)) * self.scale):
            add("销售费用-市场推广费", "市场部", rng.uniform(5000, 14000), "促销物料及样机", campaign)
        for _ in range(rng.randint(8, 14) * self.scale):
            add("销售费用-差旅费", "业务部", rng.uniform(600, 4200), rng.choice(["客户拜访差旅", "出差报销, 含高铁与住宿"]))
        for _ in range(rng.randint(4, 8) * self.scale):
            add("销售费用-业务招待费", "业务部", rng.uniform(300, 2800), "客户招待")
        for _ in range(rng.randint(3, 6) * self.scale):
            add("管理费用-办公费", "行政部", rng.uniform(200, 3000), "办公用品")
        if rng.random() < 0.25:  # a reversal of a wrongly booked line
            wrong = rng.choice([r for r in rows if r[2].startswith("销售费用")])
            add(wrong[2], wrong[3], -min(wrong[6], rng.uniform(500, 3000)), f"冲销{wrong[1]}, 重复报销", wrong[4])
        rows.sort(key=lambda r: (r[0], r[1]))
        self.expenses.extend(rows)

    def run(self):
        self.won_rows = []
        self.seed_customers()
        self.make_leads()
        for year, month in months(FIRST, LAST):
            self.repeat_orders(year, month)
            self.close_deals(year, month)
            self.survey_month(year, month)
            self.expenses_month(year, month)
        self.orders.sort(key=lambda r: (r[1], r[0]))


def signed_money(value):
    return f"-{money(-value)}" if value < 0 else money(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"))
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    world = World(random.Random(20250630), args.scale)
    world.run()
    out = args.out
    os.makedirs(out, exist_ok=True)

    order_header = ["单据编号", "单据日期", "单据类型", "客户编号", "客户名称", "销售员工号", "销售员", "销售区域", "销售渠道",
                    "产品编码", "产品名称", "数量", "价税合计", "活动编号", "备注"]
    for year in (2024, 2025):
        rows = [r[:1] + [r[1].isoformat()] + r[2:12] + [signed_money(r[12])] + r[13:]
                for r in world.orders if r[1].year == year]
        write_csv(os.path.join(out, f"erp_sales_{year}.csv"), order_header, rows, "utf-8-sig", "\r\n")

    write_csv(os.path.join(out, "crm_leads.csv"),
              ["线索编号", "创建时间", "线索来源", "公司名称", "联系人", "所属销售", "线索状态", "备注"],
              [r[:1] + [f"{r[1].year}/{r[1].month}/{r[1].day} {r[1]:%H:%M}"] + r[2:] for r in world.leads],
              "gbk", "\r\n")
    write_csv(os.path.join(out, "crm_won_deals.csv"),
              ["商机编号", "客户编号", "客户名称", "负责销售", "首次接触日期", "赢单日期", "合同金额", "备注"],
              [r[:4] + [f"{r[4].year}年{r[4].month}月{r[4].day}日", r[5].isoformat(), "¥" + money(r[6]), r[7]]
               for r in world.won_rows], "utf-8", "\n")
    write_csv(os.path.join(out, "csat_survey.csv"),
              ["答卷编号", "提交时间", "客户编号", "回访类型", "满意度(1-5分)", "意见建议"],
              [[r[0], r[1].isoformat(), *r[2:]] for r in world.survey], "utf-8", "\n")
    write_csv(os.path.join(out, "finance_expenses.csv"),
              ["凭证日期", "凭证号", "科目名称", "部门", "活动编号", "摘要", "借方金额"],
              [[f"{r[0]:%Y%m%d}", *r[1:6], f"({money(-r[6])})" if r[6] < 0 else "￥" + money(r[6])]
               for r in world.expenses], "gbk", "\r\n")
    roster = []
    for year, month in months(FIRST, LAST):
        first, last = dt.date(year, month, 1), month_end(year, month)
        for s in STAFF:
            if s[5] <= last and (s[6] is None or s[6] >= first):
                roster.append([f"{year}-{month:02d}", s[0], s[1], "业务部", s[4],
                               "离职" if s[6] and s[6] <= last else "在岗"])
    write_csv(os.path.join(out, "hr_roster.csv"), ["月份", "工号", "姓名", "部门", "岗位", "在岗状态"], roster,
              "utf-8", "\n")
    write_csv(os.path.join(out, "master_customers.csv"),
              ["客户编号", "客户名称", "客户类型", "区域", "城市", "负责销售工号", "是否目标网点", "建档日期"],
              [[c["id"], c["name"], c["type"], c["region"], c["city"], owner(c, LAST)[0],
                "是" if c["target"] else "否", f"{c['since'].year}/{c['since'].month}/{c['since'].day}"]
               for c in world.customers], "gbk", "\r\n")


if __name__ == "__main__":
    main()
