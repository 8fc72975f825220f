#!/usr/bin/env python3
"""Makes the clinic example's exports, deterministically (Python standard library only).

    python3 make_data.py [--scale N]

writes into data/: one POS file per month 2024-01..2025-12 (UTF-8 with BOM, as the POS
exports it), crm_visits.csv (GBK with CRLF, as Chinese Excel saves it) and
finance_entries.csv (UTF-8). --scale multiplies the row counts, for bigger test files.
"""
import argparse
import csv
import datetime as dt
import io
import os
import random

STORES = [("SH01", "悦颜·上海静安店"), ("BJ02", "悦颜·北京朝阳店"), ("HZ03", "悦颜·杭州西湖店")]
CONSULTANTS = [("E1001", "王丽"), ("E1002", "李娜"), ("E2001", "张敏"), ("E2002", "赵婷"),
               ("E3001", "陈静")]
CHANNELS = ["到店", "美团", "小红书", "抖音", "企业微信私域"]
ITEMS = [("皮肤管理", "水光补湿护理", 1280, 980), ("皮肤管理", "深层清洁", 380, 298),
         ("注射类", "玻尿酸填充 1ml", 6800, 5980), ("光电类", "光子嫩肤", 2980, 2380),
         ("产品零售", "修护精华液 30ml", 380, 342), ("套餐卡项", "年度皮肤管理卡 12次", 12800, 9800)]
PAYMENTS = ["微信支付", "支付宝", "银行卡", "信用卡, 分3期", "现金"]
REMARKS = ["", "", "", "散客", "首次到院，顾问陪同\n术后回访已预约", "客户说:\"效果很好\", 已约下次"]


def money(value):
    sign = "-" if value < 0 else ""
    return f"{sign}¥{abs(value):,.2f}"


def months():
    for year in (2024, 2025):
        for month in range(1, 13):
            yield year, month


def days_in(year, month):
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.date(year, month, 1)).days


def write_csv(path, header, rows, encoding, newline):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    with open(path, "w", encoding=encoding, newline="") as out:
        out.write(buffer.getvalue())


def pos_month(rng, year, month, scale, members):
    rows = []
    for n in range(40 * scale):
        day = rng.randint(1, days_in(year, month))
        when = dt.datetime(year, month, day, rng.randint(10, 20), rng.randint(0, 59),
                           rng.randint(0, 59))
        store = rng.choice(STORES)
        consultant = rng.choice(CONSULTANTS)
        category, item, list_price, net_price = rng.choice(ITEMS)
        quantity = rng.choice([1, 1, 1, 2])
        member = "" if rng.random() < 0.2 else rng.choice(members)
        refund = rng.random() < 0.03
        sign = -1 if refund else 1
        net = sign * net_price * quantity * rng.choice([1.0, 0.95, 0.9])
        rows.append([f"{'TK' if refund else 'XS'}{year}{month:02d}{n:05d}",
                     when.strftime("%Y-%m-%d %H:%M:%S"), store[0], store[1], consultant[0],
                     consultant[1], member, rng.choice(CHANNELS), category, item, sign * quantity,
                     money(sign * list_price * quantity), money(net), money(net * 0.3),
                     rng.choice(PAYMENTS), rng.choice(REMARKS)])
    rows.sort(key=lambda row: row[1])
    return rows


def crm_rows(rng, scale, members):
    rows = []
    for year, month in months():
        for n in range(250 * scale):
            booked = dt.date(year, month, rng.randint(1, days_in(year, month)))
            shows = rng.random() < 0.85
            arrived = (booked + dt.timedelta(days=rng.choice([0, 0, 1, 2]))).isoformat() if shows else ""
            new = rng.random() < 0.65
            member = "" if new and rng.random() < 0.5 else rng.choice(members)
            score = rng.choice([80, 85, 88, 90, 92, 95, 98, 100]) if shows else ""
            rows.append([f"YY{year}{month:02d}{n:05d}", booked.isoformat(), arrived,
                         rng.choice(STORES)[0], member, "是" if new else "否",
                         rng.choice(CHANNELS), score])
    return rows


def finance_rows(rng, scale):
    rows = []
    for year, month in months():
        for n in range(30 * scale):
            business = dt.date(year, month, rng.randint(1, days_in(year, month)))
            due = business + dt.timedelta(days=3)
            late = rng.random() < 0.04
            done = due + dt.timedelta(days=rng.randint(1, 5) if late else -rng.randint(0, 2))
            rows.append([f"PZ{year}{month:02d}{n:04d}", business.isoformat(), due.isoformat(),
                         done.isoformat(), rng.choice(["周会计", "孙出纳"])])
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(20250603)
    members = [f"61000{n:05d}" for n in range(80)]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    os.makedirs(out, exist_ok=True)
    pos_header = ["单号", "交易时间", "门店编码", "门店名称", "顾问工号", "顾问姓名", "会员卡号", "渠道",
                  "项目类别", "项目名称", "数量", "应收金额", "实收金额", "成本金额", "支付方式", "备注"]
    for year, month in months():
        write_csv(os.path.join(out, f"pos_{year}-{month:02d}.csv"), pos_header,
                  pos_month(rng, year, month, args.scale, members), "utf-8-sig", "\r\n")
    write_csv(os.path.join(out, "crm_visits.csv"),
              ["预约单号", "预约日期", "到店日期", "门店编码", "会员卡号", "是否新客", "来源渠道", "满意度评分"],
              crm_rows(rng, args.scale, members), "gb18030", "\r\n")
    write_csv(os.path.join(out, "finance_entries.csv"),
              ["凭证号", "业务日期", "应处理日期", "实际处理日期", "处理人"],
              finance_rows(rng, args.scale), "utf-8", "\n")


if __name__ == "__main__":
    main()
