#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Turns `kpi alerts --format jsonl` (standard input) into one message for a 企业微信 (WeCom)
group robot (standard output), to post with curl:

    kpi alerts --period this-month --format jsonl > alerts.jsonl
    [ -s alerts.jsonl ] && python3 wecom_message.py < alerts.jsonl |
      curl -sS -H 'Content-Type: application/json' --data-binary @- "$WEBHOOK"

One message lists every fired alert (a robot takes 20 messages a minute); nothing is printed
when none fired. A text message holds at most 2048 bytes: longer lists end with "…".
"""
import json
import sys

alerts = [json.loads(line) for line in sys.stdin if line.strip()]
if alerts:
    lines = [f"KPI 预警 {alerts[0]['period']}: {len(alerts)} 条"]
    for alert in alerts:
        by = " / ".join(f"{k}={v}" for k, v in alert["by"].items())
        value = alert["value"]
        shown = f"{value:.1%}" if alert["unit"] == "percent" else f"{value:,.2f}"
        lines.append(f"[{alert['severity']}] {alert['name']}{' · ' + by if by else ''}: "
                     f"{shown} ({alert['alert']}){' ' + alert['message'] if alert['message'] else ''}")
    content = "\n".join(lines)
    if len(content.encode()) > 2048:
        content = content.encode()[:2040].decode(errors="ignore") + "…"
    print(json.dumps({"msgtype": "text", "text": {"content": content}}, ensure_ascii=False))
