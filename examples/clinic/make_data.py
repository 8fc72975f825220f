#!/usr/bin/env python3
"""Makes the clinic example's exports, deterministically (Python standard library only).

    python3 make_data.py [--scale N]

A small simulation of a three-store medical-aesthetics chain from 2024-01 to 2025-12: new
customers book and come (CRM), some buy and become members (POS, member master), members come
back, buy courses whose sessions are logged, get follow-up calls, sometimes complain or ask for a
refund; walk-ins buy retail products without a member card. It writes into data/:

  pos_YYYY-MM.csv      POS sales and refunds, one file a month (UTF-8 with BOM, CRLF)
  crm_visits.csv       CRM appointments and visits (GBK with CRLF, as Chinese Excel saves it)
  members.csv          member master: age band, occupation, level, registration (GBK, CRLF)
  stores.csv           store master: city, region, opening day, floor area (UTF-8)
  followups.csv        follow-up calls due and done (UTF-8 with BOM)
  treatments.csv       course sessions scheduled and done (UTF-8)
  complaints.csv       complaints register, remarks over several lines (UTF-8 with BOM)
  finance_entries.csv  finance vouchers with due and done dates and amounts (UTF-8)
  cost_budget.csv      monthly cost budget per store and account (UTF-8)
  training.csv         required trainings per employee and when they were done (UTF-8)
  calendar.csv         the business calendar: days open, open days in the month (UTF-8)

--scale N multiplies the customers (and so most rows), for bigger test files.
"""
import argparse
import csv
import datetime as dt
import io
import os
import random

STORES = [  # code, name, city, region, opened, floor area in m²
    ("SH01", "悦颜·上海静安店", "上海", "华东", "2019-05-18", 680),
    ("BJ02", "悦颜·北京朝阳店", "北京", "华北", "2020-09-26", 720),
    ("HZ03", "悦颜·杭州西湖店", "杭州", "华东", "2022-04-16", 520),
]
STORE_WEIGHT = {"SH01": 1.2, "BJ02": 1.0, "HZ03": 0.8}
CONSULTANTS = {"SH01": [("E1001", "王丽"), ("E1002", "李娜")],
               "BJ02": [("E2001", "张敏"), ("E2002", "赵婷")],
               "HZ03": [("E3001", "陈静"), ("E3002", "刘洋")]}
OTHER_STAFF = {"SH01": [("E1101", "周倩", "护士"), ("E1102", "吴昊", "医生"), ("E1103", "郑琳", "前台"),
                        ("E1104", "孙悦", "客服")],
               "BJ02": [("E2101", "钱芳", "护士"), ("E2102", "冯磊", "医生"), ("E2103", "何佳", "前台"),
                        ("E2104", "高静", "客服")],
               "HZ03": [("E3101", "林晓", "护士"), ("E3102", "许诺", "医生"), ("E3103", "邓欣", "客服")]}
CHANNELS = ["到店", "美团", "小红书", "抖音", "企业微信私域", "老带新"]
# category, item, list price, usual price, cost share, sessions of a course (0: none)
ITEMS = {
    "clean": ("皮肤管理", "深层清洁", 380, 298, 0.25, 0),
    "hydra": ("皮肤管理", "水光补湿护理", 1280, 980, 0.25, 0),
    "peel": ("皮肤管理", "果酸焕肤", 880, 680, 0.25, 0),
    "filler": ("注射类", "玻尿酸填充 1ml", 6800, 5980, 0.38, 0),
    "botox": ("注射类", "肉毒素除皱 100U", 3980, 3280, 0.38, 0),
    "ipl": ("光电类", "光子嫩肤", 2980, 2380, 0.22, 0),
    "thermage": ("光电类", "热玛吉 全脸", 16800, 13800, 0.22, 0),
    "serum": ("产品零售", "修护精华液 30ml", 380, 342, 0.45, 0),
    "mask": ("产品零售", "医用修复面膜 5片", 198, 168, 0.45, 0),
    "skin_card": ("套餐卡项", "年度皮肤管理卡 12次", 12800, 9800, 0.30, 12),
    "ipl_card": ("套餐卡项", "光子嫩肤 3次疗程卡", 7800, 6280, 0.22, 3),
}
FIRST_BUY = [("clean", 22), ("hydra", 26), ("ipl", 16), ("botox", 12), ("filler", 8), ("peel", 10),
             ("skin_card", 4), ("ipl_card", 2)]
RETURN_BUY = {"普通会员": [("hydra", 22), ("clean", 14), ("peel", 10), ("ipl", 16), ("botox", 12),
                          ("filler", 8), ("serum", 8), ("ipl_card", 6), ("skin_card", 4)],
              "银卡会员": [("hydra", 16), ("ipl", 14), ("botox", 16), ("filler", 12), ("serum", 6),
                          ("ipl_card", 12), ("skin_card", 10), ("thermage", 2)],
              "金卡会员": [("hydra", 10), ("botox", 16), ("filler", 18), ("ipl", 8), ("ipl_card", 12),
                          ("skin_card", 16), ("thermage", 8), ("serum", 4)],
              "钻石会员": [("botox", 14), ("filler", 20), ("thermage", 20), ("skin_card", 18),
                          ("ipl_card", 10), ("hydra", 10)]}
LEVELS = [("普通会员", 52), ("银卡会员", 28), ("金卡会员", 15), ("钻石会员", 5)]
LEVEL_RATE = {"普通会员": 0.014, "银卡会员": 0.035, "金卡会员": 0.085, "钻石会员": 0.17}  # visits a month
AGE_BANDS = [("18-25岁", 14), ("26-30岁", 27), ("31-35岁", 25), ("36-40岁", 16), ("41-50岁", 13),
             ("51岁以上", 5)]
OCCUPATIONS = [("企业职员", 38), ("自由职业", 16), ("企业主", 12), ("公务员/事业单位", 10), ("医护", 6),
               ("学生", 8), ("全职太太", 10)]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗"
PAYMENTS = ["微信支付", "支付宝", "银行卡", "信用卡, 分3期", "现金", "储值卡"]
SEASON = {1: 0.95, 2: 0.78, 3: 1.0, 4: 1.0, 5: 1.05, 6: 1.1, 7: 1.05, 8: 1.0, 9: 0.95, 10: 1.0,
          11: 1.12, 12: 1.15}
SPRING_FESTIVAL = {2024: (dt.date(2024, 2, 9), dt.date(2024, 2, 15)),
                   2025: (dt.date(2025, 1, 28), dt.date(2025, 2, 3))}
FIRST_DAY, LAST_DAY = dt.date(2024, 1, 1), dt.date(2025, 12, 31)


def money(value):
    sign = "-" if value < 0 else ""
    return f"{sign}¥{abs(value):,.2f}"


def plain(value):
    return f"{value:.2f}"


def months():
    for year in (2024, 2025):
        for month in range(1, 13):
            yield year, month


def days_in(year, month):
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.date(year, month, 1)).days


def is_open(day):
    closed = SPRING_FESTIVAL.get(day.year)
    return not (closed and closed[0] <= day <= closed[1])


def weighted(rng, pairs):
    return rng.choices([value for value, _ in pairs], [weight for _, weight in pairs])[0]


def write_csv(path, header, rows, encoding, newline):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    with open(path, "w", encoding=encoding, newline="") as out:
        out.write(buffer.getvalue())


class Clinic:
    """The simulated chain: customers, members and everything they leave in the exports."""

    def __init__(self, rng, scale):
        self.rng = rng
        self.scale = scale
        self.members = {}           # card -> dict
        self.customers = 0
        self.pos = {}               # (year, month) -> rows
        self.crm = []
        self.followups = []
        self.treatments = []
        self.complaints = []
        self.order_seq = {}

    # -- people ---------------------------------------------------------------------------
    def new_customer_id(self):
        self.customers += 1
        return f"C{self.customers:06d}"

    def register(self, customer, store, day, channel):
        rng = self.rng
        card = f"6100{len(self.members) + 1:06d}"
        level = weighted(rng, LEVELS)
        self.members[card] = {
            "card": card, "customer": customer, "store": store, "registered": day,
            "channel": channel, "level": level, "age_band": weighted(rng, AGE_BANDS),
            "occupation": weighted(rng, OCCUPATIONS), "name": rng.choice(SURNAMES) + "**",
            "gender": "女" if rng.random() < 0.9 else "男",
            "consultant": rng.choice(CONSULTANTS[store]), "active": True,
        }
        return self.members[card]

    def seed_members(self):
        """Members registered before the exports begin, many of them no longer coming."""
        for _ in range(1800 * self.scale):
            store = weighted(self.rng, list(STORE_WEIGHT.items()))
            opened = dt.date.fromisoformat(next(s[4] for s in STORES if s[0] == store))
            start = max(opened, dt.date(2021, 1, 1))
            day = start + dt.timedelta(days=self.rng.randrange((dt.date(2023, 12, 31) - start).days))
            member = self.register(self.new_customer_id(), store, day, self.rng.choice(CHANNELS))
            member["active"] = self.rng.random() < 0.45

    # -- events ---------------------------------------------------------------------------
    def order_id(self, prefix, day):
        key = (prefix, day.year, day.month)
        self.order_seq[key] = self.order_seq.get(key, 0) + 1
        return f"{prefix}{day:%Y%m}{self.order_seq[key]:05d}"

    def sale(self, day, store, consultant, member, keys, channel, remark=""):
        """One order: a line per item, all with the order's number and time."""
        rng = self.rng
        when = dt.datetime.combine(day, dt.time(rng.randint(10, 20), rng.randint(0, 59),
                                                rng.randint(0, 59)))
        order = self.order_id("XS", day)
        card = member["card"] if member else ""
        payment = rng.choice(PAYMENTS)
        for line, key in enumerate(keys, 1):
            category, item, list_price, price, cost_share, sessions = ITEMS[key]
            quantity = rng.choice([1, 1, 2]) if category == "产品零售" else 1
            net = round(price * quantity * rng.choice([1.0, 1.0, 0.95, 0.9]), 2)
            self.add_pos(day, [order, when.strftime("%Y-%m-%d %H:%M:%S"), store, store_name(store),
                               consultant[0], consultant[1], card, channel, category, item,
                               quantity, money(list_price * quantity), money(net),
                               money(round(net * cost_share, 2)), payment,
                               remark if line == 1 else ""])
            if member and sessions:
                self.schedule_course(day, store, card, order, line, item, sessions)
            if member and category != "产品零售" and rng.random() < 0.02:
                self.refund(day, store, consultant, card, channel, category, item, quantity,
                            list_price, net, cost_share, order)
        if member and any(ITEMS[key][0] != "产品零售" for key in keys):
            self.follow_up(day, store, card, order)

    def add_pos(self, day, row):
        self.pos.setdefault((day.year, day.month), []).append(row)

    def refund(self, day, store, consultant, card, channel, category, item, quantity, list_price,
               net, cost_share, order):
        rng = self.rng
        back = day + dt.timedelta(days=rng.randint(2, 12))
        if back > LAST_DAY:
            return
        when = dt.datetime.combine(back, dt.time(rng.randint(10, 20), rng.randint(0, 59),
                                                 rng.randint(0, 59)))
        reason = rng.choice(["术后过敏，全额退款", "客户说:\"效果不明显\", 申请退款\n院长已审批",
                             "疗程未开始，按合同退款", "重复扣款, 原路退回"])
        self.add_pos(back, [self.order_id("TK", back), when.strftime("%Y-%m-%d %H:%M:%S"), store,
                            store_name(store), consultant[0], consultant[1], card, channel,
                            category, item, -quantity, money(-list_price * quantity),
                            money(-net), money(-round(net * cost_share, 2)), "原路退回",
                            f"原单{order}，{reason}"])
        self.complain(back, store, card, "治疗效果" if "效果" in reason or "过敏" in reason else "价格争议",
                      f"退款 {order}\n{reason}")

    def follow_up(self, day, store, card, order):
        rng = self.rng
        due = day + dt.timedelta(days=3)
        if due > LAST_DAY:
            return
        staff = next(s for s in OTHER_STAFF[store] if s[2] == "客服")
        if rng.random() < 0.93:
            done = (due + dt.timedelta(days=rng.choice([-2, -1, 0, 0, 0, 1]))).isoformat()
            result = weighted(rng, [("满意", 80), ("一般", 15), ("不满意", 5)])
        else:
            done, result = "", "未接通"
        self.followups.append([f"HF{order[2:]}", card, store, order, due.isoformat(), done,
                               rng.choice(["电话", "企业微信"]), result, staff[1]])

    def schedule_course(self, day, store, card, order, line, item, sessions):
        rng = self.rng
        nurse = next(s for s in OTHER_STAFF[store] if s[2] == "护士")
        gap = 30 if sessions == 12 else 28
        for n in range(1, sessions + 1):
            planned = day + dt.timedelta(days=gap * (n - 1) + (0 if n == 1 else rng.randint(-3, 3)))
            if planned > LAST_DAY:
                break
            done = ""
            if rng.random() < 0.91:
                done = (planned + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2]))).isoformat()
            self.treatments.append([f"ZL{order[2:]}{line}-{n:02d}", order, card, store, item,
                                    f"第{n}次", planned.isoformat(), done, nurse[1]])

    def complain(self, day, store, card, kind, remark):
        self.complaints.append([day, store, card, kind, remark])

    def visit(self, day, store, member, customer, new, channel):
        """A CRM appointment; returns the day the customer came, or None."""
        rng = self.rng
        came = rng.random() < (0.86 if new else 0.9)
        arrived = day + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2])) if came else None
        if arrived and arrived > LAST_DAY:
            arrived = None
        score = weighted(rng, [(78, 3), (85, 10), (88, 18), (90, 20), (92, 20), (95, 17), (98, 8),
                               (100, 4)]) if arrived else ""
        consultant = member["consultant"][1] if member else rng.choice(CONSULTANTS[store])[1]
        remark = ""
        if rng.random() < 0.08:
            remark = rng.choice(["想做眼周，预算5000以内", "朋友推荐, 想了解玻尿酸\n下班后到店",
                                 "对麻药敏感，需提前敷麻", "改约到周末，已短信提醒"])
        self.crm.append([day, customer, arrived.isoformat() if arrived else "", store,
                         member["card"] if member else "", "是" if new else "否", channel,
                         consultant, score, remark])
        if arrived and rng.random() < 0.01:
            self.complain(arrived, store, member["card"] if member else "",
                          rng.choice(["服务态度", "等候时间", "环境卫生"]),
                          rng.choice(["等候超过40分钟，前台解释不清", "顾问推销过度, 客户反感\n已致电道歉",
                                      "治疗室毛巾未更换"]))
        return arrived

    # -- a month -----------------------------------------------------------------------------
    def month(self, year, month):
        rng = self.rng
        trend = 1 + 0.03 * ((year - 2024) * 12 + month - 1) / 12
        factor = SEASON[month] * trend
        first = dt.date(year, month, 1)
        open_days = [dt.date(year, month, d) for d in range(1, days_in(year, month) + 1)
                     if is_open(dt.date(year, month, d))]
        for store, weight in STORE_WEIGHT.items():
            for _ in range(round(46 * weight * factor * rng.uniform(0.92, 1.08) * self.scale)):
                self.new_visitor(rng.choice(open_days), store)
            for _ in range(round(4 * weight * factor * self.scale)):
                self.walk_in(rng.choice(open_days), store)
        for member in list(self.members.values()):
            if member["registered"] >= first:
                continue
            # members drift away and, now and then, come back
            member["active"] = rng.random() < (0.94 if member["active"] else 0.004)
            booked = member.get("next")
            if booked and booked < first:
                del member["next"]
            elif booked and (booked.year, booked.month) == (year, month):
                del member["next"]
                self.returning_visit(booked if is_open(booked) else rng.choice(open_days), member)
            elif member["active"] and rng.random() < LEVEL_RATE[member["level"]] * SEASON[month]:
                self.returning_visit(rng.choice(open_days), member)

    def new_visitor(self, day, store):
        rng = self.rng
        customer = self.new_customer_id()
        channel = rng.choice(CHANNELS)
        arrived = self.visit(day, store, None, customer, True, channel)
        if arrived and rng.random() < 0.47 and is_open(arrived):
            member = self.register(customer, store, arrived, channel)
            self.sale(arrived, store, member["consultant"], member, [weighted(rng, FIRST_BUY)], channel,
                      rng.choice(["", "", "", "首次到院，顾问陪同\n术后回访已预约", "新客体验价"]))
            self.book_next(member, arrived)

    def returning_visit(self, day, member):
        rng = self.rng
        store = member["store"]
        arrived = self.visit(day, store, member, member["customer"], False, member["channel"])
        if arrived and is_open(arrived) and rng.random() < 0.8:
            keys = [weighted(rng, RETURN_BUY[member["level"]])]
            if rng.random() < 0.25:
                keys.append(rng.choice(["serum", "mask", "hydra", "botox"]))
            self.sale(arrived, store, member["consultant"], member, keys, member["channel"],
                      rng.choice(["", "", "", "", "老客复购", "客户说:\"效果很好\", 已约下次"]))
            self.book_next(member, arrived)

    def book_next(self, member, day):
        """The consultant books the next visit (a second treatment, a check) for some buyers."""
        if self.rng.random() < 0.65:
            member["next"] = day + dt.timedelta(days=self.rng.randint(20, 40))

    def walk_in(self, day, store):
        self.sale(day, store, self.rng.choice(CONSULTANTS[store]), None,
                  [self.rng.choice(["serum", "mask", "serum"])], "到店", "散客")


def store_name(code):
    return next(s[1] for s in STORES if s[0] == code)


def finance_rows(rng, scale):
    """Vouchers: an account, an amount, the day it was due and the day it was booked."""
    rows = []
    accounts = [("房租物业", 1, 52000), ("人工成本", 1, 118000), ("耗材采购", 4, 9500),
                ("营销推广", 3, 12000), ("水电杂费", 1, 6500)]
    for year, month in months():
        n = 0
        for store, weight in STORE_WEIGHT.items():
            for account, count, amount in accounts:
                for _ in range(count * scale):
                    n += 1
                    business = dt.date(year, month, rng.randint(1, days_in(year, month)))
                    due = business + dt.timedelta(days=3)
                    late = rng.random() < 0.04
                    done = due + dt.timedelta(days=rng.randint(1, 5) if late else -rng.randint(0, 2))
                    value = round(amount * weight * rng.uniform(0.85, 1.12), 2)
                    rows.append([f"PZ{year}{month:02d}{n:04d}", business.isoformat(), due.isoformat(),
                                 done.isoformat(), rng.choice(["周会计", "孙出纳"]), store, account,
                                 plain(value)])
    rows.sort(key=lambda row: (row[1], row[0]))
    return rows


def budget_rows():
    rows = []
    for year, month in months():
        for store, weight in STORE_WEIGHT.items():
            for account, amount in [("房租物业", 52000), ("人工成本", 118000), ("耗材采购", 38000),
                                    ("营销推广", 36000), ("水电杂费", 6500)]:
                rows.append([f"{year}-{month:02d}", store, account, money(round(amount * weight, -2))])
    return rows


def training_rows(rng, scale):
    courses = ["消毒与院感防控", "新项目话术", "医疗美容法规", "急救与不良反应处置", "客户隐私保护", "服务礼仪"]
    staff = [(code, name, "美容顾问", store) for store, people in CONSULTANTS.items()
             for code, name in people]
    staff += [(code, name, role, store) for store, people in OTHER_STAFF.items()
              for code, name, role in people]
    rows = []
    for year, month in months():
        course = courses[(year * 12 + month) % len(courses)]
        required = dt.date(year, month, days_in(year, month))
        for code, name, role, store in staff * scale:
            done = ""
            if rng.random() < 0.94:
                done = (required - dt.timedelta(days=rng.randint(0, 20))).isoformat()
            rows.append([code, name, role, store, course, required.isoformat(), done])
    return rows


def calendar_rows():
    rows = []
    for year, month in months():
        days = [dt.date(year, month, d) for d in range(1, days_in(year, month) + 1)]
        open_days = sum(is_open(day) for day in days)
        for day in days:
            rows.append([day.isoformat(), "一二三四五六日"[day.weekday()], "是" if is_open(day) else "否",
                         open_days])
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(20250603)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    os.makedirs(out, exist_ok=True)

    clinic = Clinic(rng, args.scale)
    clinic.seed_members()
    for year, month in months():
        clinic.month(year, month)

    pos_header = ["单号", "交易时间", "门店编码", "门店名称", "顾问工号", "顾问姓名", "会员卡号", "渠道",
                  "项目类别", "项目名称", "数量", "应收金额", "实收金额", "成本金额", "支付方式", "备注"]
    for year, month in months():
        rows = sorted(clinic.pos.get((year, month), []), key=lambda row: (row[1], row[0]))
        write_csv(os.path.join(out, f"pos_{year}-{month:02d}.csv"), pos_header, rows, "utf-8-sig",
                  "\r\n")

    crm = sorted(clinic.crm, key=lambda row: (row[0], row[1]))
    counts = {}
    crm_rows = []
    for booked, customer, arrived, store, card, new, channel, consultant, score, remark in crm:
        counts[booked.strftime("%Y%m")] = counts.get(booked.strftime("%Y%m"), 0) + 1
        crm_rows.append([f"YY{booked:%Y%m}{counts[booked.strftime('%Y%m')]:05d}", customer,
                         booked.isoformat(), arrived, store, card, new, channel, consultant, score,
                         remark])
    write_csv(os.path.join(out, "crm_visits.csv"),
              ["预约单号", "客户编号", "预约日期", "到店日期", "门店编码", "会员卡号", "是否新客", "来源渠道",
               "接待顾问", "满意度评分", "备注"], crm_rows, "gb18030", "\r\n")

    write_csv(os.path.join(out, "members.csv"),
              ["会员卡号", "客户编号", "姓名", "性别", "年龄段", "职业", "会员等级", "注册日期", "注册门店",
               "专属顾问", "来源渠道"],
              [[m["card"], m["customer"], m["name"], m["gender"], m["age_band"], m["occupation"],
                m["level"], m["registered"].strftime("%Y/%m/%d"), m["store"], m["consultant"][1],
                m["channel"]] for m in clinic.members.values()], "gb18030", "\r\n")

    write_csv(os.path.join(out, "stores.csv"), ["门店编码", "门店名称", "城市", "区域", "开业日期", "营业面积"],
              [list(store) for store in STORES], "utf-8", "\n")

    write_csv(os.path.join(out, "followups.csv"),
              ["回访单号", "会员卡号", "门店编码", "关联单号", "应回访日期", "实际回访日期", "回访方式", "回访结果",
               "回访人"], sorted(clinic.followups, key=lambda row: (row[4], row[0])), "utf-8-sig", "\n")

    write_csv(os.path.join(out, "treatments.csv"),
              ["治疗单号", "关联单号", "会员卡号", "门店编码", "项目名称", "疗次", "计划日期", "完成日期", "治疗师"],
              sorted(clinic.treatments, key=lambda row: (row[6], row[0])), "utf-8", "\n")

    complaints = sorted(clinic.complaints, key=lambda row: (row[0], row[1], row[2]))
    write_csv(os.path.join(out, "complaints.csv"),
              ["投诉编号", "登记日期", "门店编码", "会员卡号", "投诉类型", "处理状态", "备注"],
              [[f"TS{day:%Y%m%d}{n:04d}", f"{day.year}年{day.month}月{day.day}日", store, card, kind,
                rng.choice(["已处理", "已处理", "跟进中"]), remark]
               for n, (day, store, card, kind, remark) in enumerate(complaints, 1)],
              "utf-8-sig", "\r\n")

    write_csv(os.path.join(out, "finance_entries.csv"),
              ["凭证号", "业务日期", "应处理日期", "实际处理日期", "处理人", "门店编码", "费用科目", "金额"],
              finance_rows(rng, args.scale), "utf-8", "\n")
    write_csv(os.path.join(out, "cost_budget.csv"), ["月份", "门店编码", "费用科目", "预算金额"],
              budget_rows(), "utf-8", "\n")
    write_csv(os.path.join(out, "training.csv"),
              ["工号", "姓名", "岗位", "门店编码", "课程", "要求完成日期", "完成日期"],
              training_rows(rng, args.scale), "utf-8", "\n")
    write_csv(os.path.join(out, "calendar.csv"), ["日期", "星期", "是否营业", "本月营业天数"],
              calendar_rows(), "utf-8", "\n")


if __name__ == "__main__":
    main()
