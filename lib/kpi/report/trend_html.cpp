// SPDX-License-Identifier: MIT
// kpi trend as one self-contained web page: the KPI × period table, each line with an inline
// SVG sparkline of its periods. No script and no external resource; on a phone the table
// scrolls sideways under a KPI column that stays in place. The raw numbers ride along as
// data- attributes, as the json format writes them.
#include <fmt/format.h>

#include "kpi/report/escape.hpp"
#include "kpi/report/history_labels.hpp"
#include "kpi/report/line_svg.hpp"
#include "kpi/report/trend_output.hpp"

namespace kpi::report {
namespace {

// CJK fonts of each platform first, so that Chinese never falls back to a bitmap font.
constexpr const char* kStyle = R"css(
:root { --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --accent: #0072b2; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 16px; color: var(--ink); background: #fff;
  font: 15px/1.45 -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
.as-of { color: var(--muted); margin: 0 0 8px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); white-space: nowrap; }
th { text-align: right; font-weight: 600; background: #f6f8fa; }
th.text, td.text { text-align: left; }
td.value { text-align: right; }
td.none { color: var(--muted); }
.sticky { position: sticky; left: 0; background: #fff; }
th.sticky { background: #f6f8fa; }
.kpi-name { font-weight: 600; }
.by { color: var(--muted); }
.spark { width: 120px; height: 28px; display: block; }
.spark polyline { fill: none; stroke: var(--accent); stroke-width: 1.5; }
.spark circle { fill: var(--accent); }
@media (max-width: 480px) { body { padding: 10px; font-size: 13px; } }
@media print { @page { size: A4 landscape; margin: 10mm; } body { max-width: none;
  font-size: 9pt; } .scroll { overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
)css";

}  // namespace

std::string render_trend_html(const Trend& trend) {
  const Lang lang = trend.presentation.lang;
  const Labels& words = labels(lang);
  const HistoryLabels& history = history_labels(lang);
  const std::string title = fmt::format(fmt::runtime(history.trend_title), trend.from, trend.to);
  const bool shared = !trend_shared_field(trend).empty();
  std::string page = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
      lang == Lang::Zh ? "zh-CN" : "en", html_text(title), kStyle, html_text(title));
  if (trend.as_of) {
    page += fmt::format("<p class=\"as-of\">{}</p>\n",
                        html_text(fmt::format(fmt::runtime(history.as_of), *trend.as_of)));
  }
  page += fmt::format(
      "<div class=\"scroll\">\n<table data-every=\"{}\">\n<thead><tr><th class=\"text "
      "sticky\">{}</th><th class=\"text\">{}</th><th class=\"text\"></th>",
      html_text(trend.every), html_text(words.kpi), html_text(words.unit));
  for (const time::Period& period : trend.periods) {
    page += fmt::format("<th>{}</th>", html_text(period.label));
  }
  page += "</tr></thead>\n<tbody>\n";
  for (const TrendLine& line : trend.lines) {
    const std::string by = trend_by_cell(line, shared);
    page += fmt::format(
        "<tr data-kpi=\"{}\" data-by=\"{}\"><td class=\"text sticky\"><span "
        "class=\"kpi-name\">{}</span>{}</td><td class=\"text\">{}</td><td>{}</td>",
        html_text(line.kpi), html_text(line.by_value), html_text(line.name),
        by.empty() ? std::string() : fmt::format(" <span class=\"by\">{}</span>", html_text(by)),
        html_text(unit_label(lang, line.unit)),
        sparkline(line.values, by.empty() ? line.name : line.name + " " + by));
    for (std::size_t column = 0; column < trend.periods.size(); ++column) {
      const std::string raw = trend_cell_raw(line, column);
      page += fmt::format("<td class=\"value{}\" data-period=\"{}\"{}>{}</td>",
                          raw.empty() ? " none" : "", html_text(trend.periods[column].label),
                          raw.empty() ? std::string() : fmt::format(" data-value=\"{}\"", raw),
                          html_text(trend_cell_text(line, column)));
    }
    page += "</tr>\n";
  }
  page += "</tbody>\n</table>\n</div>\n</body>\n</html>\n";
  return page;
}

}  // namespace kpi::report
