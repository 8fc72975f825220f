// SPDX-License-Identifier: MIT
// The report as one self-contained web page: inline style and SVG, no script, no font or image
// to fetch, so it opens offline and in a chat app's browser. KPIs are cards rather than table
// rows, so that a phone 375 px wide shows them without scrolling sideways; the raw numbers ride
// along as data- attributes, the same as the json format's, for programs and tests.
#include <fmt/format.h>

#include <algorithm>

#include "kpi/report/change_news.hpp"
#include "kpi/report/escape.hpp"
#include "kpi/report/html_charts.hpp"
#include "kpi/report/html_output.hpp"
#include "kpi/report/number_format.hpp"
#include "kpi/report/outcome_columns.hpp"
#include "kpi/report/source_totals.hpp"
#include "kpi/report/unit_format.hpp"

namespace kpi::report {
namespace {

constexpr const char* kDash = "\xE2\x80\x94";  // —

// CJK fonts of each platform first, so that Chinese never falls back to a bitmap font.
constexpr const char* kStyle = R"css(
:root { --met: #1e7b34; --at-risk: #b26a00; --missed: #c62828; --no-value: #8a8a8a;
  --good: #1e7b34; --bad: #c62828; --ink: #1f2328; --muted: #59636e; --line: #d8dee4; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 960px; padding: 16px; color: var(--ink); background: #fff;
  font: 15px/1.45 -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 24px 0 8px; display: flex; justify-content: space-between;
  align-items: baseline; gap: 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h2 .total { font-size: 16px; white-space: nowrap; }
.plan-total { color: var(--muted); margin: 0; }
.ranking { list-style: none; padding: 0; margin: 0; }
.ranking li { display: grid; grid-template-columns: minmax(6em, 1.2fr) 2fr 3.5em; gap: 8px;
  align-items: center; padding: 3px 0; }
.ranking .value { text-align: right; font-variant-numeric: tabular-nums; }
.rank-bar { width: 100%; height: 14px; display: block; }
.kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 10px; }
.kpi { border: 1px solid var(--line); border-left: 5px solid var(--no-value); border-radius: 6px;
  padding: 8px 10px; break-inside: avoid; }
.kpi.met { border-left-color: var(--met); } .kpi.at-risk { border-left-color: var(--at-risk); }
.kpi.missed { border-left-color: var(--missed); }
.kpi-head { display: flex; justify-content: space-between; gap: 8px; font-weight: 600; }
.status { font-size: 13px; padding: 0 6px; border-radius: 4px; color: #fff; white-space: nowrap;
  background: var(--no-value); }
.status.met { background: var(--met); } .status.at-risk { background: var(--at-risk); }
.status.missed { background: var(--missed); }
.bullet { width: 100%; height: 24px; display: block; margin: 6px 0; }
.track { fill: #eceff1; } .stretch { fill: #dcefe0; } .target { fill: var(--ink); }
.cap { stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 3 2; }
.bar.met { fill: var(--met); } .bar.at-risk { fill: var(--at-risk); }
.bar.missed { fill: var(--missed); } .bar.no-value { fill: var(--no-value); }
dl { display: grid; grid-template-columns: repeat(4, auto); justify-content: space-between;
  gap: 2px 10px; margin: 0; }
dl.pace { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 2px 10px;
  margin-top: 4px; padding-top: 4px; border-top: 1px dashed var(--line); }
dt { font-size: 12px; color: var(--muted); }
dd { margin: 0; font-variant-numeric: tabular-nums; white-space: nowrap; }
dd.good { color: var(--good); } dd.bad { color: var(--bad); }
.notes, .quality { color: var(--muted); font-size: 13px; padding-left: 18px; }
.alerts li { color: var(--ink); } .alerts li[data-severity="critical"] strong { color: var(--bad); }
.outcomes { border-collapse: collapse; margin-top: 12px; font-variant-numeric: tabular-nums; }
.outcomes th, .outcomes td { padding: 3px 10px; border-bottom: 1px solid var(--line); }
.outcomes th { font-size: 13px; color: var(--muted); font-weight: 600; }
.outcomes td.number { text-align: right; }
@media (max-width: 480px) { body { padding: 10px; } dl { font-size: 13px; } }
@media print { @page { size: A4; margin: 12mm; } body { max-width: none; font-size: 10pt; }
  section { break-inside: auto; } .kpi, .ranking li { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
)css";

std::string scorecard_title(const Scorecard& scorecard) {
  return scorecard.entity.empty() ? scorecard.name
                                  : fmt::format("{} · {}", scorecard.name, scorecard.entity);
}

std::string total_text(const std::optional<long double>& total) {
  return total ? format_fixed(*total, 1) : std::string(kDash);
}

// ` name="1.5"`, or nothing for none: the raw number as the json format writes it.
std::string data_number(std::string_view name, const std::optional<long double>& value) {
  return value ? fmt::format(" data-{}=\"{}\"", name, format_raw_number(*value)) : std::string();
}

std::string_view change_class(const std::optional<long double>& change,
                              library::Direction direction) {
  const News news = change_news(change, direction);
  return news == News::Good ? "good" : news == News::Bad ? "bad" : "";
}

std::string figure(std::string_view term, const std::string& value, std::string_view tone = "") {
  return fmt::format("<div><dt>{}</dt><dd{}>{}</dd></div>", html_text(term),
                     tone.empty() ? "" : fmt::format(" class=\"{}\"", tone), html_text(value));
}

std::string kpi_card(const KpiLine& line, const Report& report) {
  const Presentation& shown = report.presentation;
  const Labels& words = labels(shown.lang);
  const std::string_view status = status_class(line.score.status);
  std::string name = line.name;
  if (line.period != report.period) {
    name = fmt::format("{} ({})", line.name, line.period);
  }
  const std::string achievement = format_percent(line.score.achievement);
  std::string card = fmt::format(
      "<div class=\"kpi {}\" data-kpi=\"{}\" data-period=\"{}\"{}{}{} data-weight=\"{}\"{} "
      "data-status=\"{}\"{}{}{}>\n",
      status, html_text(line.kpi), html_text(line.period), data_number("actual", line.actual),
      data_number("target", line.target), data_number("achievement", line.score.achievement),
      format_raw_number(line.weight), data_number("score", line.score.points),
      score::status_name(line.score.status), data_number("change-previous", line.change_previous),
      data_number("change-last-year", line.change_last_year),
      line.pace
          ? data_number("expected", line.pace->expected) + data_number("pace", line.pace->pace) +
                data_number("projection", line.pace->projection)
          : std::string());
  card += fmt::format(
      "<div class=\"kpi-head\"><span class=\"name\">{}</span><span class=\"status {}\">{}</span>"
      "</div>\n",
      html_text(name), status, html_text(status_label(shown.lang, line.score.status)));
  card += bullet_bar(line.score.achievement, line.cap, line.score.status,
                     fmt::format("{} {}", words.achievement, achievement));
  card += "\n<dl>";
  card +=
      figure(words.actual, format_by_unit(line.actual, line.qualitative ? "score" : line.unit,
                                          line.qualitative ? 1 : line.precision, line.actual_exact,
                                          shown.currency, line.unit == "days" ? words.days : ""));
  card += figure(words.target, line.target_text.empty() ? kDash : line.target_text);
  card += figure(words.achievement, achievement);
  card += figure(words.weight, fmt::format("{}%", format_raw_number(line.weight)));
  card += figure(words.score, total_text(line.score.points));
  card += figure(words.change_previous, format_change(line.change_previous),
                 change_class(line.change_previous, line.direction));
  card += figure(words.change_last_year, format_change(line.change_last_year),
                 change_class(line.change_last_year, line.direction));
  card += "</dl>\n";
  // A paced report (--as-of): the target to date, the pace and where the run rate leads, on a
  // line of their own that wraps in a narrow card.
  if (line.pace) {
    const auto amount = [&](std::optional<long double> value) {
      return value ? format_by_unit(value, line.unit, line.precision, std::nullopt, shown.currency)
                   : std::string(kDash);
    };
    card += "<dl class=\"pace\">";
    card += figure(words.expected, amount(line.pace->expected));
    card += figure(words.pace, line.pace->pace ? format_percent(line.pace->pace) : kDash);
    card += figure(words.projected, amount(line.pace->projection));
    card += "</dl>\n";
  }
  return card + "</div>\n";
}

std::string scorecard_section(const Scorecard& scorecard, const Report& report) {
  const Labels& words = labels(report.presentation.lang);
  // In a tree, a child's section is indented under its parent's.
  const std::string tree =
      !report.tree ? std::string()
                   : fmt::format(" data-parent=\"{}\" data-level=\"{}\"{}",
                                 html_text(scorecard.parent), scorecard.depth,
                                 scorecard.depth == 0
                                     ? std::string()
                                     : fmt::format(" style=\"margin-left:{}em\"",
                                                   1.5 * static_cast<double>(scorecard.depth)));
  std::string section = fmt::format(
      "<section class=\"scorecard\" data-scorecard=\"{}\" data-entity=\"{}\"{}{}>\n"
      "<h2><span>{}</span><span class=\"total\">{} {}</span></h2>\n<div class=\"kpis\">\n",
      html_text(scorecard.name), html_text(scorecard.entity), tree,
      data_number("score", scorecard.total.total), html_text(scorecard_title(scorecard)),
      html_text(words.total), total_text(scorecard.total.total));
  for (const KpiLine& line : scorecard.kpis) {
    section += kpi_card(line, report);
  }
  section += "</div>\n";
  if (!scorecard.total.notes.empty()) {
    section += "<ul class=\"notes\">";
    for (const std::string& note : scorecard.total.notes) {
      section += fmt::format("<li>{}</li>", html_text(note));
    }
    section += "</ul>\n";
  }
  return section + "</section>\n";
}

// The scorecards from the highest total down; those without one last, in the plan's order.
std::string ranking(const Report& report) {
  std::vector<const Scorecard*> ranked;
  for (const Scorecard& scorecard : report.scorecards) {
    ranked.push_back(&scorecard);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Scorecard* a, const Scorecard* b) {
    return a->total.total.value_or(-1e30L) > b->total.total.value_or(-1e30L);
  });
  long double scale = 120;  // the default cap: 100 sits at five sixths, as on the bullets
  for (const Scorecard* scorecard : ranked) {
    scale = std::max(scale, scorecard->total.total.value_or(0));
  }
  std::string list = "<ol class=\"ranking\">\n";
  for (const Scorecard* scorecard : ranked) {
    list += fmt::format(
        "<li><span class=\"label\">{}</span>{}<span class=\"value\">{}</span></li>\n",
        html_text(scorecard_title(*scorecard)),
        ranked_bar(scorecard->total.total.value_or(0), scale, total_status(scorecard->total.total)),
        total_text(scorecard->total.total));
  }
  return list + "</ol>\n";
}

// The alerts that fired, one line each: rule, severity, KPI and breakdown, value, the range it
// left and the message.
std::string alerts_section(const Report& report) {
  if (!report.alerts) {
    return "";
  }
  const Labels& words = labels(report.presentation.lang);
  std::string section = fmt::format(
      "<section class=\"alerts\">\n<h2>{}</h2>\n<ul class=\"quality\">\n", html_text(words.alerts));
  if (report.alerts->empty()) {
    section += fmt::format("<li>{}</li>\n", html_text(words.no_alert));
  }
  for (const ReportAlert& alert : *report.alerts) {
    section += fmt::format(
        "<li data-severity=\"{}\"><strong>{}</strong> ({}) {}{}{}: {} · {} {}{}{}</li>\n",
        html_text(alert.severity), html_text(alert.id), html_text(alert.severity),
        html_text(alert.kpi_name), alert.by.empty() ? "" : " · ", html_text(alert.by),
        html_text(alert.value), html_text(words.expected_range), html_text(alert.expected),
        alert.message.empty() ? "" : " · ", html_text(alert.message));
  }
  return section + "</ul>\n</section>\n";
}

// With [grades]: each scorecard's grade, 绩效系数 and rank in its group (and its bonus with a
// pay file), in the plan's order.
std::string outcome_table(const Report& report) {
  if (!report.graded && !report.tree) {
    return "";
  }
  const Labels& words = labels(report.presentation.lang);
  std::string table = fmt::format("<table class=\"outcomes\">\n<tr><th>{}</th><th>{}</th>",
                                  html_text(words.scorecard), html_text(words.score));
  for (const std::string& header : outcome_headers(report)) {
    table += fmt::format("<th>{}</th>", html_text(header));
  }
  table += "</tr>\n";
  for (const Scorecard& scorecard : report.scorecards) {
    // In a tree, each level is indented under its parent.
    const std::string indent = scorecard.depth == 0
                                   ? std::string()
                                   : fmt::format(" style=\"padding-left:{}em\"",
                                                 1.5 * static_cast<double>(scorecard.depth));
    table += fmt::format("<tr data-grade=\"{}\"><td{}>{}</td><td class=\"number\">{}</td>",
                         html_text(scorecard.outcome.grade.value_or("")), indent,
                         html_text(scorecard_title(scorecard)), total_text(scorecard.total.total));
    const std::vector<std::string> cells = outcome_cells(report, scorecard);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      table += fmt::format("<td{}>{}</td>", c == 0 ? "" : " class=\"number\"", html_text(cells[c]));
    }
    table += "</tr>\n";
  }
  return table + "</table>\n";
}

std::string quality_section(const Report& report) {
  const Labels& words = labels(report.presentation.lang);
  std::string section =
      fmt::format("<section class=\"data-quality\">\n<h2>{}</h2>\n<ul class=\"quality\">\n",
                  html_text(words.data_quality));
  const auto item = [&](const std::string& text) {
    section += fmt::format("<li>{}</li>\n", html_text(text));
  };
  for (const SourceTotals& source : source_totals(report.quality)) {
    const engine::InputFile& totals = source.totals;
    const std::string files = source.file_count == 1
                                  ? totals.file
                                  : fmt::format(fmt::runtime(words.files), source.file_count);
    item(totals.measures_table
             ? fmt::format(fmt::runtime(words.measures_line), files, totals.records)
             : fmt::format(fmt::runtime(words.source_line), totals.source, files, totals.records,
                           totals.skipped, totals.left_out));
  }
  for (const engine::DataProblem& problem : report.quality.problems()) {
    item(fmt::format("{}: {} {}", problem.source, problem.count, problem.reason));
  }
  for (const std::string& warning : report.warnings) {
    item(warning);
  }
  item(std::string(report.missing == score::MissingValues::ScoreZero ? words.scored_zero
                                                                     : words.left_out));
  return section + "</ul>\n</section>\n";
}

}  // namespace

std::string render_report_html(const Report& report) {
  const Labels& words = labels(report.presentation.lang);
  const std::string title =
      fmt::format(fmt::runtime(words.report_title), report.period) +
      (report.as_of ? as_of_suffix(report.presentation.lang, *report.as_of) : std::string());
  std::string page = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
      report.presentation.lang == Lang::Zh ? "zh-CN" : "en", html_text(title), kStyle,
      html_text(title));
  if (report.plan_total) {
    page += fmt::format(
        "<p class=\"plan-total\" data-plan-score=\"{}\">{} {}</p>\n",
        report.plan_total->total ? format_raw_number(*report.plan_total->total) : std::string(),
        html_text(words.plan_total), total_text(report.plan_total->total));
  }
  page += fmt::format("</header>\n<section class=\"summary\">\n<h2>{}</h2>\n{}</section>\n",
                      html_text(words.summary), ranking(report) + outcome_table(report));
  for (const Scorecard& scorecard : report.scorecards) {
    page += scorecard_section(scorecard, report);
  }
  return page + alerts_section(report) + quality_section(report) + "</body>\n</html>\n";
}

}  // namespace kpi::report
