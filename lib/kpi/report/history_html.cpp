// SPDX-License-Identifier: MIT
// kpi report --from --to as one self-contained web page: a line of each scorecard's score over
// the periods (inline SVG), the totals, then per scorecard each KPI's achievement per period
// with a sparkline. No script and no external resource; on a phone the tables scroll
// sideways. The raw numbers ride along as data- attributes, as the json format writes them.
#include <fmt/format.h>

#include "kpi/report/escape.hpp"
#include "kpi/report/history_labels.hpp"
#include "kpi/report/line_svg.hpp"
#include "kpi/report/number_format.hpp"
#include "kpi/report/score_history.hpp"
#include "kpi/report/unit_format.hpp"

namespace kpi::report {
namespace {

// Lines in one chart: more repeat the palette's colours and tangle.
constexpr std::size_t kLinesPerChart = 8;

constexpr const char* kStyle = R"css(
:root { --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --accent: #0072b2; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 16px; color: var(--ink); background: #fff;
  font: 15px/1.45 -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 24px 0 8px; border-bottom: 2px solid var(--line);
  padding-bottom: 4px; }
.chart { width: 100%; max-width: 720px; height: auto; display: block; }
.chart polyline { fill: none; stroke-width: 2; }
.chart .grid { stroke: var(--line); } .chart .reference { stroke: var(--muted);
  stroke-dasharray: 4 3; }
.chart text { font-size: 11px; fill: var(--muted); }
.chart .tick { text-anchor: end; } .chart .period { text-anchor: middle; }
.legend { list-style: none; padding: 0; margin: 4px 0 12px; display: flex; flex-wrap: wrap;
  gap: 4px 14px; font-size: 13px; }
.legend span { display: inline-block; width: 12px; height: 12px; margin-right: 4px;
  vertical-align: -1px; border-radius: 2px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); white-space: nowrap;
  text-align: right; }
th { font-weight: 600; background: #f6f8fa; }
th.text, td.text { text-align: left; }
td.none { color: var(--muted); }
.sticky { position: sticky; left: 0; background: #fff; } th.sticky { background: #f6f8fa; }
.spark { width: 120px; height: 28px; display: block; }
.spark polyline { fill: none; stroke: var(--accent); stroke-width: 1.5; }
.spark circle { fill: var(--accent); }
@media (max-width: 480px) { body { padding: 10px; font-size: 13px; } }
@media print { @page { size: A4 landscape; margin: 10mm; } body { max-width: none;
  font-size: 9pt; } .scroll { overflow: visible; } h2, .chart { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
)css";

// ` data-value="95.2"`, or nothing for none.
std::string data_value(const std::optional<long double>& value) {
  return value ? fmt::format(" data-value=\"{}\"", format_raw_number(*value)) : std::string();
}

std::string cell(const std::optional<long double>& value, const std::string& period,
                 const std::string& shown) {
  return fmt::format("<td{} data-period=\"{}\"{}>{}</td>", value ? "" : " class=\"none\"",
                     html_text(period), data_value(value), html_text(shown));
}

std::string header_row(const ScoreHistory& history, std::string_view first, bool spark) {
  std::string row = fmt::format("<thead><tr><th class=\"text sticky\">{}</th>{}", html_text(first),
                                spark ? "<th></th>" : "");
  for (const Report& report : history.reports) {
    row += fmt::format("<th>{}</th>", html_text(report.period));
  }
  return row + "</tr></thead>\n";
}

std::string totals_section(const ScoreHistory& history,
                           const std::vector<HistoryScorecard>& scorecards) {
  const Labels& words = labels(history.presentation.lang);
  const HistoryLabels& titles = history_labels(history.presentation.lang);
  std::vector<std::string> periods;
  for (const Report& report : history.reports) {
    periods.push_back(report.period);
  }
  std::string html =
      fmt::format("<section class=\"totals\">\n<h2>{}</h2>\n", html_text(titles.totals));
  for (std::size_t first = 0; first < scorecards.size(); first += kLinesPerChart) {
    std::vector<ChartLine> lines;
    for (std::size_t s = first; s < std::min(first + kLinesPerChart, scorecards.size()); ++s) {
      lines.push_back({scorecards[s].title(), scorecards[s].totals()});
    }
    html += line_chart(lines, periods, 100, titles.totals);
  }
  html += "<div class=\"scroll\">\n<table>\n" + header_row(history, words.scorecard, false) +
          "<tbody>\n";
  for (const HistoryScorecard& scorecard : scorecards) {
    html += fmt::format(
        "<tr data-scorecard=\"{}\" data-entity=\"{}\"><td class=\"text "
        "sticky\">{}</td>",
        html_text(scorecard.name), html_text(scorecard.entity), html_text(scorecard.title()));
    const std::vector<std::optional<long double>> totals = scorecard.totals();
    for (std::size_t c = 0; c < totals.size(); ++c) {
      html += cell(totals[c], periods[c],
                   totals[c] ? format_fixed(*totals[c], 1) : std::string("\xE2\x80\x94"));
    }
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n</div>\n</section>\n";
}

std::string scorecard_section(const ScoreHistory& history, const HistoryScorecard& scorecard) {
  const Labels& words = labels(history.presentation.lang);
  const HistoryLabels& titles = history_labels(history.presentation.lang);
  std::string html = fmt::format(
      "<section class=\"scorecard\" data-scorecard=\"{}\" data-entity=\"{}\">\n<h2>{}: "
      "{}</h2>\n<div class=\"scroll\">\n<table>\n",
      html_text(scorecard.name), html_text(scorecard.entity), html_text(scorecard.title()),
      html_text(titles.achievements));
  html += header_row(history, words.kpi, true) + "<tbody>\n";
  for (const HistoryKpi& kpi : scorecard.kpis) {
    std::vector<std::optional<long double>> achievements;
    for (const KpiLine* line : kpi.lines) {
      achievements.push_back(line != nullptr ? line->score.achievement : std::nullopt);
    }
    html += fmt::format("<tr data-kpi=\"{}\"><td class=\"text sticky\">{}</td><td>{}</td>",
                        html_text(kpi.kpi), html_text(kpi.name), sparkline(achievements, kpi.name));
    for (std::size_t c = 0; c < achievements.size(); ++c) {
      html += cell(achievements[c], history.reports[c].period, format_percent(achievements[c]));
    }
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n</div>\n</section>\n";
}

}  // namespace

std::string render_history_html(const ScoreHistory& history) {
  const Lang lang = history.presentation.lang;
  const std::string title =
      fmt::format(fmt::runtime(history_labels(lang).history_title), history.from, history.to);
  std::string page = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body data-every=\"{}\">\n<h1>{}</h1>\n",
      lang == Lang::Zh ? "zh-CN" : "en", html_text(title), kStyle, html_text(history.every),
      html_text(title));
  const std::vector<HistoryScorecard> scorecards = history_scorecards(history);
  page += totals_section(history, scorecards);
  for (const HistoryScorecard& scorecard : scorecards) {
    page += scorecard_section(history, scorecard);
  }
  return page + "</body>\n</html>\n";
}

}  // namespace kpi::report
