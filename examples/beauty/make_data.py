#!/usr/bin/env python3
"""Makes the beauty example's exports, deterministically (Python standard library only).

    python3 make_data.py [--out DIR] [--scale N]

A small cosmetics brand (沁妍美妆) with B2B channels (KA, CS, O2O), three online shops and four
own stores, 2024-01..2025-12. Every export is written the way the system behind it saves it:
ERP ledgers in UTF-8 with a BOM, the store POS and the finance and CRM sheets in GBK (Chinese
Excel), the store list as UTF-16 "Unicode text", the rest in plain UTF-8. --scale multiplies the
row counts of the transactional exports, for bigger test files; run without it to get the
committed files back.
"""
import argparse
import csv
import datetime as dt
import io
import os
import random

MONTHS = [(y, m) for y in (2024, 2025) for m in range(1, 13)]
# Month-of-year demand: 618 in June, 双11 in November.
SEASON = {1: 1.0, 2: 0.85, 3: 1.05, 4: 0.95, 5: 1.05, 6: 1.25, 7: 0.9, 8: 0.9, 9: 1.0,
          10: 1.05, 11: 1.4, 12: 1.15}

# sku, name, category, launch, planned launch, retail price, standard cost, popularity
PRODUCTS = [
    ("QY-SK01", "玻色因修护精华 30ml", "护肤", "2021-03-01", "2021-03-01", 329, 58, 10),
    ("QY-SK02", "玻尿酸保湿水 150ml", "护肤", "2020-09-01", "2020-09-01", 169, 28, 9),
    ("QY-SK03", "氨基酸洁面乳 120g", "护肤", "2020-09-01", "2020-09-01", 89, 14, 9),
    ("QY-SK04", "视黄醇精华乳 50ml", "护肤", "2022-04-15", "2022-04-01", 259, 46, 6),
    ("QY-SK05", "清透防晒乳 SPF50+", "护肤", "2021-05-01", "2021-05-01", 139, 24, 7),
    ("QY-SK06", "修护面膜 5片", "护肤", "2020-11-01", "2020-11-01", 99, 17, 7),
    ("QY-SK07", "VC亮肤精华 30ml", "护肤", "2022-09-01", "2022-09-01", 289, 52, 5),
    ("QY-SK08", "舒缓保湿面霜 50g", "护肤", "2023-03-10", "2023-03-01", 239, 41, 6),
    ("QY-MU01", "丝绒雾面口红 #01", "彩妆", "2021-08-01", "2021-08-01", 139, 22, 6),
    ("QY-MU02", "丝绒雾面口红 #05", "彩妆", "2021-08-01", "2021-08-01", 139, 22, 5),
    ("QY-MU03", "轻薄粉底液 30ml", "彩妆", "2022-02-01", "2022-02-01", 199, 35, 5),
    ("QY-MU04", "定妆散粉 8g", "彩妆", "2022-06-01", "2022-06-01", 129, 21, 4),
    ("QY-MU05", "四色眼影盘", "彩妆", "2023-05-01", "2023-05-01", 169, 30, 4),
    ("QY-MU06", "防水眼线笔", "彩妆", "2023-08-01", "2023-08-01", 69, 11, 3),
    ("QY-BD01", "香氛沐浴露 400ml", "身体护理", "2021-01-01", "2021-01-01", 89, 15, 4),
    ("QY-BD02", "滋润身体乳 250ml", "身体护理", "2021-01-01", "2021-01-01", 109, 18, 4),
    ("QY-BD03", "护手霜三支装", "身体护理", "2022-11-01", "2022-11-01", 79, 13, 3),
    ("QY-FR01", "白花淡香水 30ml", "香氛", "2022-03-01", "2022-03-01", 299, 55, 2),
    ("QY-FR02", "木质调香水 50ml", "香氛", "2023-10-01", "2023-10-01", 399, 72, 2),
    ("QY-SK09", "积雪草舒缓面膜 5片", "护肤", "2024-03-15", "2024-03-01", 119, 20, 7),
    ("QY-MU07", "柔雾唇釉 #08", "彩妆", "2024-05-10", "2024-05-20", 129, 21, 6),
    ("QY-SK10", "A醇紧致晚霜 50g", "护肤", "2024-08-08", "2024-08-15", 299, 54, 6),
    ("QY-BD04", "烟酰胺亮肤身体乳 250ml", "身体护理", "2024-10-12", "2024-09-20", 129, 22, 4),
    ("QY-FR03", "白茶淡香水 50ml", "香氛", "2024-12-01", "2024-12-01", 359, 66, 3),
    ("QY-SK11", "胜肽抗皱眼霜 15g", "护肤", "2025-02-20", "2025-03-01", 269, 48, 7),
    ("QY-MU08", "持妆气垫 SPF50", "彩妆", "2025-03-18", "2025-03-10", 219, 39, 7),
    ("QY-SK12", "神经酰胺屏障面霜 50g", "护肤", "2025-05-08", "2025-05-15", 259, 45, 8),
    ("QY-MU09", "丝绒哑光口红 #21", "彩妆", "2025-06-01", "2025-06-01", 149, 24, 5),
    ("QY-BD05", "果酸焕肤身体磨砂 200g", "身体护理", "2025-08-15", "2025-08-01", 119, 20, 4),
    ("QY-SK13", "双抗精华2.0 30ml", "护肤", "2025-10-10", "2025-10-15", 339, 60, 8),
]

# code, name, type, channel, key account, start, end (exclusive, or None), orders a month,
# price as a share of retail, units per line (from, to, step)
CUSTOMERS = [
    ("KA001", "屈臣氏（中国）", "KA系统", "KA", "是", "2023-01-01", None, 2, 0.55, (24, 96, 12)),
    ("KA002", "丝芙兰（上海）化妆品", "KA系统", "KA", "是", "2023-01-01", None, 2, 0.58, (24, 72, 12)),
    ("KA003", "万宁（中国）", "KA系统", "KA", "否", "2023-01-01", None, 1, 0.55, (24, 72, 12)),
    ("KA004", "调色师 THE COLORIST", "KA系统", "KA", "否", "2024-06-01", None, 1, 0.56, (24, 60, 12)),
    ("KA005", "HARMAY 話梅", "KA系统", "KA", "否", "2025-03-01", None, 1, 0.57, (24, 60, 12)),
    ("DL001", "苏州悦美商贸有限公司", "代理商", "CS", "是", "2023-01-01", None, 2, 0.45, (48, 192, 24)),
    ("DL002", "广州妍选贸易有限公司", "代理商", "CS", "否", "2023-01-01", None, 1, 0.45, (48, 168, 24)),
    ("DL003", "成都蓉悦供应链有限公司", "代理商", "CS", "否", "2024-10-01", None, 1, 0.46, (48, 144, 24)),
    ("DL004", "北京京妆商贸有限公司", "代理商", "CS", "否", "2025-05-01", None, 1, 0.46, (48, 144, 24)),
    ("CS001", "美丽佳人化妆品店（嘉兴）", "专营店", "CS", "否", "2023-01-01", None, 1, 0.6, (6, 24, 6)),
    ("CS002", "娇颜美妆（无锡）", "专营店", "CS", "否", "2023-01-01", None, 1, 0.6, (6, 24, 6)),
    ("CS003", "颜究所美妆集合店", "专营店", "CS", "否", "2023-01-01", "2025-02-01", 1, 0.6, (6, 18, 6)),
    ("CS004", "丽人坊（常州）", "专营店", "CS", "否", "2023-06-01", None, 1, 0.6, (6, 18, 6)),
    ("CS005", "花漾美妆（宁波）", "专营店", "CS", "否", "2024-02-01", None, 1, 0.6, (6, 18, 6)),
    ("CS006", "悦己美妆（合肥）", "专营店", "CS", "否", "2024-05-01", "2025-05-01", 1, 0.6, (6, 18, 6)),
    ("CS007", "素颜小铺（温州）", "专营店", "CS", "否", "2024-09-01", None, 1, 0.6, (6, 18, 6)),
    ("CS008", "美妆驿站（绍兴）", "专营店", "CS", "否", "2025-01-01", None, 1, 0.6, (6, 18, 6)),
    ("CS009", "妆点生活（扬州）", "专营店", "CS", "否", "2025-04-01", None, 1, 0.6, (6, 18, 6)),
    ("CS010", "小美好化妆品店（芜湖）", "专营店", "CS", "否", "2025-06-01", None, 1, 0.6, (6, 18, 6)),
    ("O2O01", "美团闪购", "O2O平台", "O2O", "是", "2023-01-01", None, 2, 0.68, (12, 36, 6)),
    ("O2O02", "京东到家", "O2O平台", "O2O", "否", "2023-01-01", None, 2, 0.68, (12, 30, 6)),
    ("O2O03", "饿了么", "O2O平台", "O2O", "否", "2024-04-01", None, 1, 0.68, (12, 24, 6)),
]
# Chance that an active CS shop orders in a month (KA, distributors and O2O order every month).
CS_ORDER_CHANCE = 0.7

# The online shops and the own stores are posted to the ERP once a month (月结汇总).
SHOPS = [("EC-TM", "天猫", "沁妍天猫旗舰店"), ("EC-JD", "京东", "沁妍京东旗舰店"),
         ("EC-DY", "抖音", "沁妍抖音旗舰店")]
# code, name, city, area m², opened, manager, tickets a month
STORES = [("SH01", "沁妍·上海静安嘉里店", "上海", 85, "2022-05-01", "周雯", 62),
          ("SH02", "沁妍·上海环球港店", "上海", 62, "2023-04-01", "陆佳", 48),
          ("HZ01", "沁妍·杭州湖滨银泰店", "杭州", 72, "2023-09-01", "沈悦", 53),
          ("NJ01", "沁妍·南京德基店", "南京", 56, "2024-09-28", "顾菲", 44)]

CAMPAIGN_NAMES = {1: "年货节", 2: "情人节限定", 3: "女王节", 4: "春季焕新", 5: "520告白季",
                  6: "618年中大促", 7: "夏日清透季", 8: "七夕礼遇", 9: "开学季", 10: "国庆出游季",
                  11: "双11狂欢", 12: "双12暨圣诞"}
CAMPAIGN_DAYS = {1: (10, 20), 2: (7, 14), 3: (1, 8), 4: (10, 18), 5: (15, 20), 6: (1, 18),
                 7: (10, 16), 8: (4, 10), 9: (5, 12), 10: (1, 7), 11: (1, 11), 12: (10, 25)}

MATERIALS = [("RM-001", "玻色因原液", "kg", 40, 1850.0, "浙江华熙生物"),
             ("RM-002", "透明质酸钠", "kg", 25, 980.0, "山东福瑞达"),
             ("RM-003", "烟酰胺", "kg", 60, 210.0, "上海科思"),
             ("RM-004", "乳化剂 A-165", "kg", 120, 86.0, "广州巴斯夫"),
             ("PK-001", "30ml 玻璃精华瓶", "个", 8000, 2.35, "江苏华兴玻璃"),
             ("PK-002", "真空泵头", "个", 8000, 1.12, "宁波海伦包装"),
             ("PK-003", "彩盒（单支装）", "个", 15000, 0.68, "上海界龙印刷"),
             ("PK-004", "口红管", "个", 6000, 3.4, "汕头华研塑胶")]

AGENTS = [("客服-林晓", "2023-01-01", None), ("客服-王蕾", "2023-01-01", None),
          ("客服-张帆", "2023-01-01", "2024-11-01"), ("客服-刘畅", "2023-06-01", None),
          ("客服-陈露", "2024-10-15", None), ("客服-何洁", "2025-03-01", None)]

POS_REMARKS = ["", "", "", "", "", "赠小样2份", "顾客要求开发票，抬头:上海某某科技有限公司",
               "会员生日礼,已领取", "试用后购买\n下次到店做肌肤测试", "换购活动，加1元换购化妆棉"]
ERP_REMARKS = ["", "", "", "", "按合同价执行", "分两批发货,第二批下周",
               "门店陈列加单\n请随货附陈列物料"]
RETURN_REMARKS = ["包装破损，退回", "批号临近效期,退货", "客户拒收\n物流已取回"]
TICKET_TEXT = {"咨询": ["咨询精华使用顺序，早晚是否都可用", "问面霜适合什么肤质", "咨询会员积分怎么兑换"],
               "售后": ["快递破损，要求补发", "收到的口红色号不对,申请换货", "退款进度查询"],
               "投诉": ["门店导购态度差，\n强行推销套装", "使用后过敏，要求退款并赔偿", "门店排队结账太久,无人处理"],
               "建议": ["建议出小样装，方便出差", "希望增加无香型身体乳"]}
REVIEW_TEXT = {"正面": ["修护精华真的好用，用了两周泛红少了", "口红颜色很正,不拔干", "防晒清爽不油腻，回购第三瓶了"],
               "中性": ["包装好看,效果还要再观察", "味道一般，保湿还行"],
               "负面": ["用了有点闷痘，不适合油皮", "物流太慢,等了五天", "价格偏高，活动力度小"]}


def cents(value):
    return int(round(value * 100))


def money(c):
    """Cents as 1,234.50 (ERP style)."""
    sign = "-" if c < 0 else ""
    c = abs(c)
    return f"{sign}{c // 100:,}.{c % 100:02d}"


def plain(c):
    sign = "-" if c < 0 else ""
    c = abs(c)
    return f"{sign}{c // 100}.{c % 100:02d}"


def yuan(c):
    """Cents as ¥1,234.50 or -¥1,234.50 (POS style)."""
    return ("-" if c < 0 else "") + "¥" + money(abs(c))


def days_in(year, month):
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.date(year, month, 1)).days


def index(year, month):
    return (year - 2024) * 12 + month - 1


def demand(year, month):
    """Demand of a month: season times a trend of about 1 % a month."""
    return SEASON[month] * (1 + 0.01 * index(year, month))


def parse(text):
    return dt.date.fromisoformat(text)


def available(when):
    """Products on sale at a date, with weights: new ones ramp up over three months."""
    skus, weights = [], []
    for sku, _, _, launch, _, _, _, pop in PRODUCTS:
        start = parse(launch)
        if start > when:
            continue
        age = (when - start).days
        ramp = min(1.0, (age + 30) / 90)
        boost = 1.2 if age < 365 else 1.0
        skus.append(sku)
        weights.append(pop * ramp * boost)
    return skus, weights


PRODUCT = {p[0]: p for p in PRODUCTS}


def write_csv(path, header, rows, encoding="utf-8", newline="\n", delimiter=","):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    with open(path, "w", encoding=encoding, newline="") as out:
        out.write(buffer.getvalue())


def campaign_for(day):
    start, end = CAMPAIGN_DAYS[day.month]
    if start <= day.day <= end:
        return f"HD{day.year % 100:02d}{day.month:02d}"
    return ""


def random_time(rng, day, first=10, last=21):
    return dt.datetime(day.year, day.month, day.day, rng.randint(first, last), rng.randint(0, 59),
                       rng.randint(0, 59))


def pick_days(rng, year, month, count, campaign_weight=1.6):
    days = [dt.date(year, month, d) for d in range(1, days_in(year, month) + 1)]
    weights = [campaign_weight if campaign_for(d) else 1.0 for d in days]
    return sorted(rng.choices(days, weights, k=count))


# ---------------------------------------------------------------------------------------------
def make_members(rng, scale):
    """CRM member register: a base from before 2024, then store and online sign-ups."""
    rows, by_store, online = [], {s[0]: [] for s in STORES}, []
    serial = 0

    def add(day, channel, store):
        nonlocal serial
        serial += 1
        card = f"88{serial:06d}"
        rows.append([card, day.strftime("%Y-%m-%d") + f" {rng.randint(10, 21):02d}:{rng.randint(0, 59):02d}",
                     channel, store, rng.choice(["女", "女", "女", "男"]), rng.randint(1, 12),
                     rng.choice(["普卡", "普卡", "银卡", "金卡"])])
        (by_store[store] if store else online).append((card, day))

    for n in range(900):
        day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 1094))
        store = rng.choice([s for s in STORES if parse(s[4]) <= day] or [STORES[0]])
        if rng.random() < 0.55:
            add(max(day, parse(store[4])), "门店", store[0])
        else:
            add(day, rng.choice(["天猫", "京东", "抖音", "微信小程序"]), "")
    for year, month in MONTHS:
        for store in STORES:
            opened = parse(store[4])
            if opened > dt.date(year, month, days_in(year, month)):
                continue
            for _ in range(int(rng.randint(5, 9) * demand(year, month) * scale)):
                day = dt.date(year, month, rng.randint(1, days_in(year, month)))
                add(max(day, opened), "门店", store[0])
        for _ in range(int(rng.randint(18, 30) * demand(year, month) * scale)):
            add(dt.date(year, month, rng.randint(1, days_in(year, month))),
                rng.choice(["天猫", "天猫", "京东", "抖音", "微信小程序"]), "")
    rows.sort(key=lambda r: (r[1], r[0]))
    return rows, by_store, online


def make_pos(rng, scale, members_by_store):
    """Store POS lines, one list per month. A ticket has one or two lines."""
    months = {}
    for year, month in MONTHS:
        rows = []
        for store in STORES:
            code, opened = store[0], parse(store[4])
            month_end = dt.date(year, month, days_in(year, month))
            if opened > month_end:
                continue
            count = int(store[6] * demand(year, month) * scale * (0.6 if opened.year == year and opened.month == month else 1))
            for n, day in enumerate(pick_days(rng, year, month, count)):
                if day < opened:
                    day = opened
                when = random_time(rng, day)
                ticket = f"{code}{day:%y%m%d}{n:04d}"
                pool = [c for c, joined in members_by_store[code] if joined <= day]
                member = ""
                if pool and rng.random() < 0.66:
                    # A loyal core of twenty comes back often.
                    if rng.random() < 0.6:
                        member = rng.choice(pool[:20])
                    else:
                        member = rng.choice(pool)
                campaign = campaign_for(day) if rng.random() < 0.7 else ""
                cashier = rng.choice(["收银01", "收银02", "收银03"])
                payment = rng.choice(["微信", "支付宝", "银联卡", "现金", "储值卡"])
                skus, weights = available(day)
                lines = rng.choices(skus, weights, k=rng.choices([1, 2, 3], [50, 35, 15])[0])
                for sku in dict.fromkeys(lines):
                    p = PRODUCT[sku]
                    qty = rng.choice([1, 1, 1, 2])
                    listed = cents(p[5]) * qty
                    discount = rng.choice([100, 100, 95, 90, 85]) if campaign else rng.choice([100, 100, 100, 95])
                    paid = listed * discount // 100
                    rows.append([ticket, when.strftime("%Y-%m-%d %H:%M:%S"), code, cashier, member, sku,
                                 qty, yuan(listed), f"{discount}%", yuan(paid), campaign, payment,
                                 rng.choice(POS_REMARKS)])
                    if rng.random() < 0.025:
                        back = when + dt.timedelta(days=rng.randint(0, 6), hours=rng.randint(0, 3))
                        if back.month == month:
                            rows.append([f"TH{ticket}", back.strftime("%Y-%m-%d %H:%M:%S"), code, cashier,
                                         member, sku, -qty, yuan(-listed), f"{discount}%",
                                         yuan(-paid), campaign, payment,
                                         f"原小票{ticket}退货，\n顾客反馈{rng.choice(['过敏', '色号不合适'])}"])
        rows.sort(key=lambda r: (r[1], r[0]))
        months[(year, month)] = rows
    return months


def make_oms(rng, scale):
    """Online orders of the three shops (OMS export), one list per month, with refunds."""
    buyers = [f"u{rng.randint(1000000, 9999999)}" for _ in range(700)]
    months = {}
    serial = 0
    for year, month in MONTHS:
        rows = []
        count = int(130 * demand(year, month) * scale)
        for day in pick_days(rng, year, month, count, campaign_weight=2.0):
            serial += 1
            shop = rng.choices(SHOPS, [5, 2, 3])[0]
            created = random_time(rng, day, 0, 23)
            # A returning core of buyers makes repeat purchases.
            buyer = rng.choice(buyers[:150]) if rng.random() < 0.35 else rng.choice(buyers)
            skus, weights = available(day)
            sku = rng.choices(skus, weights)[0]
            p = PRODUCT[sku]
            qty = rng.choice([1, 1, 1, 2, 3])
            campaign = campaign_for(day) if rng.random() < 0.75 else ""
            off = rng.choice([85, 90]) if campaign else rng.choice([95, 100, 100])
            paid = cents(p[5]) * qty * off // 100
            shipped = created + dt.timedelta(hours=rng.randint(4, 40))
            signed = shipped + dt.timedelta(hours=rng.randint(20, 90))
            wrong = "是" if rng.random() < 0.007 else "否"
            order = f"{shop[0][-2:]}{created:%y%m%d}{serial:06d}"
            rows.append([shop[1], shop[2], order, "订单", buyer, created.strftime("%Y-%m-%dT%H:%M:%S"),
                         shipped.strftime("%Y-%m-%dT%H:%M:%S"), signed.strftime("%Y-%m-%dT%H:%M:%S"),
                         sku, qty, plain(paid), campaign, rng.choice(["顺丰", "中通", "京东物流"]), wrong,
                         rng.choice(["", "", "", "请尽快发货", "送人的，不要放价格单,谢谢"])])
            if rng.random() < 0.04:
                refunded = created + dt.timedelta(days=rng.randint(1, 8))
                if refunded.month == month:
                    rows.append([shop[1], shop[2], f"TK{order}", "售后退款", buyer,
                                 refunded.strftime("%Y-%m-%dT%H:%M:%S"), "", "", sku, -qty, plain(-paid),
                                 campaign, "", "否", f"原订单{order},\n七天无理由退货"])
        rows.sort(key=lambda r: (r[5], r[2]))
        months[(year, month)] = rows
    return months


def settlement(rows, key_of, sku_of, qty_of, paid_of):
    """Month sums per (account, sku) of POS or OMS rows, in cents."""
    sums = {}
    for row in rows:
        key = (key_of(row), sku_of(row))
        qty, paid = sums.get(key, (0, 0))
        sums[key] = (qty + qty_of(row), paid + paid_of(row))
    return sums


def parse_yuan(text):
    text = text.replace("¥", "").replace(",", "")
    return cents(float(text))


def make_erp(rng, scale, pos, oms):
    """ERP sales ledger: B2B orders and returns, and the monthly settlement of shops and stores."""
    months = {}
    for year, month in MONTHS:
        rows = []
        first = dt.date(year, month, 1)
        last = dt.date(year, month, days_in(year, month))
        serial = 0
        for code, name, ctype, channel, _, start, end, orders, share, (low, high, step) in CUSTOMERS:
            if parse(start) > last or (end and parse(end) <= first):
                continue
            if ctype == "专营店" and rng.random() > CS_ORDER_CHANCE:
                continue
            for _ in range(orders * scale):
                serial += 1
                day = dt.date(year, month, rng.randint(1, days_in(year, month)))
                order = f"XS{year}{month:02d}{serial:04d}"
                required = day + dt.timedelta(days=5)
                late = rng.random() < 0.06
                arrived = required + dt.timedelta(days=rng.randint(1, 3) if late else -rng.randint(0, 3))
                skus, weights = available(day)
                lines = list(dict.fromkeys(rng.choices(skus, weights, k=rng.randint(2, 4))))
                remark = rng.choice(ERP_REMARKS)
                for sku in lines:
                    p = PRODUCT[sku]
                    qty = max(step, round(rng.randrange(low, high + 1, step) * demand(year, month) / step) * step)
                    price = cents(p[5] * share)
                    amount = price * qty
                    cost = int(cents(p[6]) * qty * rng.uniform(0.98, 1.04))
                    rows.append([order, "销售出库", day.strftime("%Y/%m/%d"), channel, code, name, sku, p[1],
                                 qty, money(price), money(amount), money(cost), required.strftime("%Y/%m/%d"),
                                 arrived.strftime("%Y/%m/%d"), remark])
                    if rng.random() < 0.03:
                        back = day + dt.timedelta(days=rng.randint(3, 12))
                        if back <= last:
                            part = max(1, qty // rng.choice([4, 6, 12]))
                            rows.append([f"TH{order[2:]}", "销售退货", back.strftime("%Y/%m/%d"), channel, code,
                                         name, sku, p[1], -part, money(price), money(-price * part),
                                         money(-cost * part // qty), "", "", rng.choice(RETURN_REMARKS)])
        # Month-end settlement of the online shops and the own stores, per product.
        shop_of = {s[1]: s for s in SHOPS}
        sums = settlement(oms[(year, month)], lambda r: shop_of[r[0]][0], lambda r: r[8],
                          lambda r: int(r[9]), lambda r: parse_yuan(r[10]))
        names = {s[0]: s[2] for s in SHOPS}
        sums_pos = settlement(pos[(year, month)], lambda r: r[2], lambda r: r[5], lambda r: int(r[6]),
                              lambda r: parse_yuan(r[9]))
        names.update({s[0]: s[1] for s in STORES})
        for (account, sku), (qty, paid) in sorted(sums.items()) + sorted(sums_pos.items()):
            if qty == 0 and paid == 0:
                continue
            channel = "电商" if account.startswith("EC-") else "直营门店"
            p = PRODUCT[sku]
            cost = cents(p[6]) * qty
            rows.append([f"JS{year}{month:02d}-{account}", "月结汇总", last.strftime("%Y/%m/%d"), channel,
                         account, names[account], sku, p[1], qty, "", money(paid), money(cost), "", "",
                         ""])
        rows.sort(key=lambda r: (r[2], r[0], r[6]))
        months[(year, month)] = rows
    return months


def month_totals(rows, amount_col, key_col):
    """Sums of a ¥ column per key, in cents."""
    totals = {}
    for row in rows:
        totals[row[key_col]] = totals.get(row[key_col], 0) + parse_yuan(row[amount_col])
    return totals


def make_budget(rng, erp, oms, pos):
    """Targets and budgets a month. A target is the same month a year earlier times the growth
    of the three months before over the same months a year earlier (a rolling forecast), and a
    little stretch; without a year of history it is set near the month's expected level."""
    actual = {}
    for ym in MONTHS:
        actual[("销售部", "", ym)] = sum(parse_yuan(r[10]) for r in erp[ym])
        actual[("电商部", "", ym)] = sum(parse_yuan(r[10]) for r in oms[ym] if r[3] == "订单")
        for code, total in month_totals(pos[ym], 9, 2).items():
            actual[("零售门店", code, ym)] = total

    def back(year, month, n):
        i = year * 12 + month - 1 - n
        return i // 12, i % 12 + 1

    rows = []
    for year, month in MONTHS:
        for (dept, store, ym), value in sorted(actual.items()):
            if ym != (year, month):
                continue
            recent = [actual.get((dept, store, back(year, month, n))) for n in (1, 2, 3)]
            earlier = [actual.get((dept, store, back(year - 1, month, n))) for n in (0, 1, 2, 3)]
            if None in recent or None in earlier:
                target = value * rng.uniform(0.86, 1.08)
            else:
                target = earlier[0] * sum(recent) / sum(earlier[1:]) * rng.uniform(0.98, 1.1)
            rows.append([f"{year}-{month:02d}", dept, store, "销售额目标", round(target / 100 / 1000) * 1000])
        rows.append([f"{year}-{month:02d}", "市场部", "", "市场费用预算",
                     round(30000 * demand(year, month) / 100) * 100])
    return rows


def make_finance(rng, erp, oms):
    """Expense vouchers (GBK, as finance exports them from Excel)."""
    rows = []
    serial = 0
    for year, month in MONTHS:
        last = dt.date(year, month, days_in(year, month))
        sales = sum(parse_yuan(r[10]) for r in erp[(year, month)])
        shipped = sum(1 for r in oms[(year, month)] if r[3] == "订单")

        def voucher(day, dept, account, amount, summary):
            nonlocal serial
            serial += 1
            rows.append([f"记-{year}{month:02d}-{serial:05d}", f"{day.year}年{day.month}月{day.day}日", dept,
                         account, money(amount), summary, rng.choice(["吴会计", "郑会计"])])

        # 销售费用: about a tenth of sales, in a few vouchers.
        selling = int(sales * rng.uniform(0.085, 0.115))
        parts = [0.35, 0.25, 0.2, 0.2]
        for share, text in zip(parts, ["促销员工资及提成", "KA进场费、条码费", "差旅费，华东区拜访客户\n含高铁、住宿",
                                       "样品及试用装费用"]):
            voucher(dt.date(year, month, rng.randint(5, 28)), "销售部", "销售费用", int(selling * share), text)
        if rng.random() < 0.3:
            voucher(last, "销售部", "销售费用", -cents(rng.randint(500, 3000)), "冲销上月多计提差旅费（红字）")
        # 市场费用 against its budget.
        budget = cents(round(30000 * demand(year, month) / 100) * 100)
        spend = int(budget * rng.uniform(0.9, 1.1))
        for share, text in zip([0.4, 0.3, 0.2, 0.1], ["信息流投放费", "KOL/KOC合作费用", "活动物料制作, 含门店POP",
                                                      "市场调研外包费"]):
            voucher(dt.date(year, month, rng.randint(3, 28)), "市场部", "市场费用", int(spend * share), text)
        # 快递费: the couriers bill the month's parcels.
        parcels = int(shipped * cents(rng.uniform(8.3, 9.6)))
        voucher(last, "供应链/运营部", "快递费", parcels * 6 // 10, "顺丰月结快递费")
        voucher(last, "供应链/运营部", "快递费", parcels - parcels * 6 // 10, "中通、京东物流月结快递费")
        voucher(last, "供应链/运营部", "仓储费", cents(rng.randint(8000, 9500)), "第三方仓储租金")
        voucher(dt.date(year, month, rng.randint(5, 25)), "产品部", "研发费用", cents(rng.randint(20000, 45000)),
                "配方打样及功效检测费")
    rows.sort(key=lambda r: r[0])
    return rows


def make_inventory(rng, erp, oms, pos):
    """Month-end stock per location (ERP snapshot), with the stores' stock counts."""
    rows = []
    levels = {"CDC": 380000, "ECW": 30000}
    levels.update({s[0]: 12000 for s in STORES})
    opening = {}
    for year, month in MONTHS:
        cogs = {"CDC": 0, "ECW": 0}
        for r in erp[(year, month)]:
            if r[1] != "月结汇总":
                cogs["CDC"] += parse_yuan(r[11])
        for r in oms[(year, month)]:
            cogs["ECW"] += cents(PRODUCT[r[8]][6]) * int(r[9])
        for r in pos[(year, month)]:
            cogs[r[2]] = cogs.get(r[2], 0) + cents(PRODUCT[r[5]][6]) * int(r[6])
        for location, name, store in [("CDC", "上海嘉定总仓", ""), ("ECW", "电商仓（昆山）", "")] + \
                [(s[0], s[1], s[0]) for s in STORES]:
            if location not in cogs:
                continue
            level = cents(levels[location] * demand(year, month) ** 0.5)
            start = opening.get(location, int(level * rng.uniform(0.9, 1.1)))
            closing = int(level * rng.uniform(0.88, 1.12))
            slow = int(closing * rng.uniform(0.03, 0.08 if not store else 0.04))
            counted = lost = ""
            if store:
                counted = money(closing)
                lost = money(int(closing * rng.uniform(0.0015, 0.0065)))
            rows.append([f"{year}-{month:02d}", location, name, store, money(start), money(closing),
                         money(cogs[location]), money(slow), counted, lost])
            opening[location] = closing
    return rows


def make_wms(rng):
    """Weekly available stock per product in the central warehouse (WMS)."""
    rows = []
    day = dt.date(2024, 1, 1)
    while day <= dt.date(2025, 12, 29):
        for sku, _, _, launch, _, _, _, pop in PRODUCTS:
            if parse(launch) > day:
                continue
            safety = pop * 60
            out = rng.random() < 0.012
            qty = 0 if out else int(safety * rng.uniform(0.6, 3.0))
            rows.append([day.strftime("%Y%m%d"), "上海嘉定总仓", sku, qty, safety])
        day += dt.timedelta(days=7)
    return rows


def make_purchases(rng):
    """Purchase orders: each material twice a month in its fixed lot, prices slowly falling."""
    rows = []
    serial = 0
    for year, month in MONTHS:
        for code, name, unit, lot, price, supplier in MATERIALS:
            for half in (0, 1):
                serial += 1
                day = dt.date(year, month, rng.randint(1, 14) + 14 * half)
                unit_price = round(price * (0.997 ** index(year, month)) * rng.uniform(0.997, 1.003), 2)
                amount = cents(unit_price) * lot
                required = day + dt.timedelta(days=10)
                arrived = required + dt.timedelta(days=rng.choice([-2, -1, 0, 0, 0, 1, 2]))
                rows.append([f"PO{year}{month:02d}{serial:05d}", day.isoformat(), supplier, code, name, unit, lot,
                             f"{unit_price:.2f}", money(amount), required.isoformat(), arrived.isoformat()])
    return rows


def make_production(rng):
    rows = []
    serial = 0
    for year, month in MONTHS:
        for _ in range(int(16 * demand(year, month))):
            serial += 1
            day = dt.date(year, month, rng.randint(1, days_in(year, month)))
            skus, weights = available(day)
            sku = rng.choices(skus, weights)[0]
            planned = rng.randrange(2000, 10001, 500)
            made = int(planned * rng.uniform(0.97, 1.01))
            defects = int(made * rng.uniform(0.004, 0.03))
            scrap = defects // rng.choice([3, 4, 5])
            rows.append([f"B{year % 100:02d}{month:02d}{serial:04d}", day.strftime("%Y.%m.%d"), sku, planned, made,
                         made - defects, defects - scrap, scrap])
    return rows


def make_projects(rng):
    """R&D projects closed, one row per project at its close (项目结项台账)."""
    rows = []
    serial = 0
    kinds = ["新品开发", "新品开发", "配方升级", "包装改版"]
    for year, month in MONTHS:
        for _ in range(rng.choice([1, 2, 2, 3])):
            serial += 1
            closed = dt.date(year, month, rng.randint(1, days_in(year, month)))
            planned_days = rng.randrange(60, 241, 10)
            actual_days = int(planned_days * rng.uniform(0.92, 1.3))
            started = closed - dt.timedelta(days=actual_days)
            planned_end = started + dt.timedelta(days=planned_days)
            budget = rng.randrange(50, 501, 5) * 1000
            spent = cents(budget * rng.uniform(0.85, 1.12))
            rows.append([f"RD-{year}-{serial:03d}", f"{rng.choice(['修护', '美白', '抗老', '彩妆', '身体'])}线项目{serial}",
                         rng.choice(kinds), rng.choice(["许工", "黄工", "潘工"]), started.isoformat(),
                         planned_end.isoformat(), closed.isoformat(), f"{budget / 10000:g}万", money(spent)])
    rows.sort(key=lambda r: r[6])
    return rows


def make_tickets(rng, scale, members_by_store, online):
    rows = []
    serial = 0
    for year, month in MONTHS:
        first = dt.date(year, month, 1)
        agents = [a for a, s, e in AGENTS if parse(s) <= first and (e is None or parse(e) > first)]
        for day in pick_days(rng, year, month, int(60 * demand(year, month) * scale)):
            serial += 1
            created = dt.datetime(day.year, day.month, day.day, rng.randint(9, 21), rng.randint(0, 59))
            kind = rng.choices(["咨询", "售后", "投诉", "建议"], [52, 32, 8, 8])[0]
            store = ""
            if kind == "投诉" and rng.random() < 0.45 or rng.random() < 0.1:
                store = rng.choice([s[0] for s in STORES if parse(s[4]) <= day])
            channel = "门店转入" if store else rng.choice(["电话", "在线客服", "天猫旺旺", "抖音私信"])
            pool = members_by_store[store] if store else online
            customer = rng.choice(pool)[0] if pool and rng.random() < 0.7 else f"tb_{rng.randint(100000, 999999)}"
            reply = created + dt.timedelta(minutes=max(1, int(rng.expovariate(1 / 11))))
            contacts = rng.choices([1, 2, 3], [74, 20, 6])[0]
            solved = "" if rng.random() < 0.06 else (
                created + dt.timedelta(minutes=int(rng.uniform(0.2, 1.0) * contacts * 600))).strftime("%Y-%m-%d %H:%M")
            csat = rng.choices([5, 4, 3, 2, 1], [62, 27, 6, 3, 2])[0] if rng.random() < 0.45 else ""
            nps = rng.choices(range(11), [1, 1, 1, 1, 2, 2, 4, 8, 20, 25, 35])[0] if rng.random() < 0.35 else ""
            rows.append([f"GD{created:%y%m%d}{serial:05d}", created.strftime("%Y-%m-%d %H:%M"),
                         reply.strftime("%Y-%m-%d %H:%M"), solved, channel, kind, customer, store,
                         rng.choice(agents), contacts, csat, nps, rng.choice(TICKET_TEXT[kind])])
    return rows


def make_reviews(rng, scale):
    rows = []
    for year, month in MONTHS:
        for day in pick_days(rng, year, month, int(36 * demand(year, month) * scale)):
            mood = rng.choices(["正面", "中性", "负面"], [72 + index(year, month) // 4, 17, 11])[0]
            rows.append([random_time(rng, day, 0, 23).strftime("%Y-%m-%d %H:%M"),
                         rng.choice(["小红书", "微博", "天猫", "京东", "抖音"]), mood, rng.choice(REVIEW_TEXT[mood])])
    return rows


def make_campaigns(rng, pos, oms):
    """Campaign daily report: reach, clicks, participants and spend per channel and day."""
    rows = []
    for year, month in MONTHS:
        tagged = sum(parse_yuan(r[9]) for r in pos[(year, month)] if r[10]) + \
            sum(parse_yuan(r[10]) for r in oms[(year, month)] if r[11])
        start, end = CAMPAIGN_DAYS[month]
        days = end - start + 1
        # Spend is set so that ROI lands between about 1.5 and 2.8.
        spend = int(tagged / rng.uniform(2.5, 3.8))
        code = f"HD{year % 100:02d}{month:02d}"
        for d in range(start, end + 1):
            for channel, share in (("小红书", 0.4), ("抖音", 0.45), ("微信朋友圈", 0.15)):
                cost = int(spend * share / days)
                reach = int(cost / 100 * rng.uniform(25, 40))
                clicks = int(reach * rng.uniform(0.015, 0.03))
                rows.append([f"{year}-{month:02d}-{d:02d}", code, f"{year}{CAMPAIGN_NAMES[month]}", channel,
                             reach, clicks, int(clicks * rng.uniform(0.2, 0.4)), plain(cost)])
    return rows


def make_ecom_daily(rng, oms):
    """The platforms' daily shop report (生意参谋 and the like): traffic, ads and DSR."""
    orders = {}
    for rows in oms.values():
        for r in rows:
            if r[3] == "订单":
                key = (r[5][:10], r[0])
                count, paid = orders.get(key, (0, 0))
                orders[key] = (count + 1, paid + parse_yuan(r[10]))
    rows = []
    dsr = {"天猫": 4.82, "京东": 4.76, "抖音": 4.71}
    day = dt.date(2024, 1, 1)
    while day <= dt.date(2025, 12, 31):
        for _, platform, _ in SHOPS:
            count, paid = orders.get((day.isoformat(), platform), (0, 0))
            visitors = int((count + rng.uniform(0.3, 1.2)) * rng.uniform(30, 46))
            ad_sales = int(paid * rng.uniform(0.25, 0.45))
            spend = int(ad_sales / rng.uniform(2.8, 4.4)) if ad_sales else cents(rng.randint(40, 90))
            clicks = int(spend / 100 / rng.uniform(0.9, 1.6))
            dsr[platform] = min(4.95, max(4.55, dsr[platform] + rng.uniform(-0.01, 0.011)))
            rows.append([day.isoformat(), platform, visitors, int(visitors * rng.uniform(2.6, 4.2)), plain(spend),
                         int(clicks * rng.uniform(18, 30)), clicks, plain(ad_sales), f"{dsr[platform]:.3f}",
                         f"{min(4.98, dsr[platform] + rng.uniform(0, 0.05)):.3f}",
                         f"{max(4.5, dsr[platform] - rng.uniform(0, 0.06)):.3f}"])
        day += dt.timedelta(days=1)
    return rows


def make_social(rng):
    rows = []
    followers = {"微博": 48000, "小红书": 62000, "抖音": 91000, "微信公众号": 23000}
    day = dt.date(2024, 1, 1)
    while day <= dt.date(2025, 12, 29):
        for platform in followers:
            new = int(followers[platform] * rng.uniform(0.004, 0.012))
            followers[platform] += new
            views = int(followers[platform] * rng.uniform(0.8, 1.6))
            likes = int(views * rng.uniform(0.02, 0.035))
            rows.append([day.isoformat(), platform, followers[platform], new, rng.randint(3, 9), views, likes,
                         int(likes * rng.uniform(0.08, 0.15)), int(likes * rng.uniform(0.05, 0.1)),
                         int(likes * rng.uniform(0.1, 0.2))])
        day += dt.timedelta(days=7)
    return rows


def make_kol(rng):
    rows = []
    names = ["成分党小鹿", "美妆博主Yuki", "护肤研究所", "油皮救星阿May", "素人小C", "通勤妆Lily", "敏感肌日记",
             "彩妆师Kevin"]
    for year, month in MONTHS:
        for _ in range(rng.randint(8, 14)):
            level = rng.choice(["头部KOL", "腰部KOL", "KOC", "KOC"])
            fee = {"头部KOL": 30000, "腰部KOL": 8000, "KOC": 1200}[level] * rng.uniform(0.7, 1.3)
            reach = int(fee * rng.uniform(8, 15))
            interactions = int(reach * rng.uniform(0.02, 0.06))
            orders = int(interactions * rng.uniform(0.02, 0.06))
            rows.append([dt.date(year, month, rng.randint(1, days_in(year, month))).isoformat(), rng.choice(names),
                         rng.choice(["小红书", "抖音", "微博", "B站"]), level, money(cents(round(fee, -2))), reach,
                         interactions, orders, money(cents(orders * rng.uniform(180, 320)))])
    rows.sort(key=lambda r: r[0])
    return rows


def make_manual(rng):
    """Hand-entered monthly figures: brand index, mentions, research reports, store inspections."""
    rows = []
    for year, month in MONTHS:
        ym = f"{year}-{month:02d}"
        rows.append([ym, "品牌搜索指数", "", int(3200 * demand(year, month) * rng.uniform(0.9, 1.1)), "百度指数",
                     "日均值"])
        rows.append([ym, "品牌声量", "", int(5200 * demand(year, month) * rng.uniform(0.85, 1.15)), "舆情监测",
                     "全网提及量，含转发"])
        rows.append([ym, "市场调研报告数", "", rng.choice([1, 1, 2, 2, 3]), "市场部周报", ""])
        for store in STORES:
            if parse(store[4]) > dt.date(year, month, days_in(year, month)):
                continue
            rows.append([ym, "神秘顾客得分", store[0], round(rng.uniform(78, 96), 1), "第三方暗访",
                         rng.choice(["", "试用引导到位", "收银排队较长，扣分"])])
            rows.append([ym, "陈列检查得分", store[0], rng.randint(82, 99), "区域经理巡店", ""])
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=None, help="output folder (default: data/ beside this script)")
    parser.add_argument("--scale", type=int, default=1, help="multiply the transactional row counts")
    args = parser.parse_args()
    out = args.out or os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20250602)

    members, by_store, online = make_members(rng, args.scale)
    pos = make_pos(rng, args.scale, by_store)
    oms = make_oms(rng, args.scale)
    erp = make_erp(rng, args.scale, pos, oms)

    for year, month in MONTHS:
        write_csv(os.path.join(out, f"erp_sales_{year}-{month:02d}.csv"),
                  ["单据编号", "单据类型", "业务日期", "渠道", "客户编码", "客户名称", "商品编码", "商品名称", "数量",
                   "单价", "金额", "成本金额", "要求到货日期", "实际到货日期", "备注"],
                  erp[(year, month)], "utf-8-sig", "\r\n")
        write_csv(os.path.join(out, f"pos_{year}-{month:02d}.csv"),
                  ["小票号", "交易时间", "门店编码", "收银员", "会员卡号", "商品编码", "数量", "零售金额",
                   "折扣", "实收金额", "活动编码", "支付方式", "备注"],
                  pos[(year, month)], "gb18030", "\r\n")
        write_csv(os.path.join(out, f"oms_orders_{year}-{month:02d}.csv"),
                  ["平台", "店铺", "订单号", "单据类型", "买家ID", "创建时间", "发货时间", "签收时间", "商品编码", "数量",
                   "实付金额", "活动编码", "物流公司", "是否错发", "备注"],
                  oms[(year, month)])
    write_csv(os.path.join(out, "crm_members.csv"),
              ["会员卡号", "注册时间", "注册渠道", "注册门店", "性别", "生日月份", "会员等级"], members, "gb18030", "\r\n")
    write_csv(os.path.join(out, "customers.csv"),
              ["客户编码", "客户名称", "客户类型", "渠道", "重点客户", "合作开始日期"],
              [[c[0], c[1], c[2], c[3], c[4], c[5]] for c in CUSTOMERS] +
              [[s[0], s[2], "电商平台", "电商", "否", "2020-09-01"] for s in SHOPS] +
              [[s[0], s[1], "直营门店", "直营门店", "否", s[4]] for s in STORES], "gb18030", "\r\n")
    write_csv(os.path.join(out, "products.csv"),
              ["商品编码", "商品名称", "品类", "上市日期", "计划上市日期", "建议零售价", "标准成本"],
              [[p[0], p[1], p[2], p[3], p[4], f"{p[5]:.2f}", f"{p[6]:.2f}"] for p in PRODUCTS], "utf-8-sig", "\r\n")
    write_csv(os.path.join(out, "stores.txt"),
              ["门店编码", "门店名称", "城市", "营业面积(㎡)", "开业日期", "店长"],
              [[s[0], s[1], s[2], s[3], s[4], s[5]] for s in STORES], "utf-16", "\r\n", "\t")
    write_csv(os.path.join(out, "budget.csv"), ["月份", "部门", "门店编码", "预算项目", "金额"],
              make_budget(rng, erp, oms, pos))
    write_csv(os.path.join(out, "finance_expenses.csv"),
              ["凭证号", "记账日期", "部门", "费用科目", "金额", "摘要", "制单人"], make_finance(rng, erp, oms),
              "gb18030", "\r\n")
    write_csv(os.path.join(out, "erp_inventory.csv"),
              ["月份", "库存地点", "地点名称", "门店编码", "期初库存金额", "期末库存金额", "本月销售成本", "呆滞库存金额",
               "盘点金额", "盘亏金额"], make_inventory(rng, erp, oms, pos), "utf-8-sig", "\r\n")
    write_csv(os.path.join(out, "wms_stock_weekly.csv"), ["快照日期", "仓库", "商品编码", "可用库存", "安全库存"],
              make_wms(rng))
    write_csv(os.path.join(out, "purchase_orders.csv"),
              ["采购单号", "下单日期", "供应商", "物料编码", "物料名称", "单位", "数量", "含税单价", "金额", "要求到货日期",
               "实际到货日期"], make_purchases(rng))
    write_csv(os.path.join(out, "production_batches.csv"),
              ["批次号", "生产日期", "产品编码", "计划数量", "实际产量", "一次合格数", "返工数", "报废数"],
              make_production(rng))
    write_csv(os.path.join(out, "rd_projects.csv"),
              ["项目编号", "项目名称", "项目类型", "负责人", "立项日期", "计划完成日期", "实际完成日期", "预算金额",
               "实际花费"], make_projects(rng))
    write_csv(os.path.join(out, "cs_tickets.csv"),
              ["工单号", "创建时间", "首次响应时间", "解决时间", "受理渠道", "工单类型", "客户ID", "门店编码", "处理坐席",
               "联系次数", "满意度", "推荐意愿", "问题描述"], make_tickets(rng, args.scale, by_store, online),
              "utf-8-sig", "\r\n")
    write_csv(os.path.join(out, "reviews.csv"), ["发布时间", "平台", "情感倾向", "内容"], make_reviews(rng, args.scale))
    write_csv(os.path.join(out, "campaign_daily.csv"),
              ["日期", "活动编码", "活动名称", "投放渠道", "曝光量", "点击量", "参与人数", "花费"],
              make_campaigns(rng, pos, oms))
    write_csv(os.path.join(out, "ecom_daily.csv"),
              ["日期", "平台", "访客数", "浏览量", "推广花费", "推广展现", "推广点击", "推广成交金额", "描述相符",
               "服务态度", "物流服务"], make_ecom_daily(rng, oms))
    write_csv(os.path.join(out, "social_weekly.csv"),
              ["统计周", "平台", "粉丝总数", "新增粉丝", "发布条数", "阅读播放量", "点赞", "评论", "转发", "收藏"],
              make_social(rng))
    write_csv(os.path.join(out, "kol_posts.csv"),
              ["发布日期", "达人昵称", "平台", "达人层级", "合作费用", "曝光量", "互动量", "引流订单数", "引流销售额"],
              make_kol(rng))
    write_csv(os.path.join(out, "manual_figures.csv"), ["月份", "指标", "门店编码", "数值", "来源", "备注"],
              make_manual(rng))


if __name__ == "__main__":
    main()
