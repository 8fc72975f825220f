// SPDX-License-Identifier: MIT
#include "kpi/report/history_labels.hpp"

namespace kpi::report {
namespace {

constexpr HistoryLabels kEnglish = {
    .trend_title = "KPI trend {} – {}",
    .history_title = "Score history {} – {}",
    .as_of = "measured to {}",
    .trend_sheet = "KPI trend",
    .charts_sheet = "Charts",
    .totals = "Scorecard totals",
    .achievements = "Achievement per KPI",
    .total_line = "{}: total",
    .more_lines = "{} more lines in the table",
};

constexpr HistoryLabels kChinese = {
    .trend_title = "指标趋势 {} – {}",
    .history_title = "得分趋势 {} – {}",
    .as_of = "统计至 {}",
    .trend_sheet = "指标趋势",
    .charts_sheet = "图表",
    .totals = "考核表得分",
    .achievements = "各指标达成率",
    .total_line = "{}：得分",
    .more_lines = "另有 {} 条线见表格",
};

}  // namespace

const HistoryLabels& history_labels(Lang lang) { return lang == Lang::Zh ? kChinese : kEnglish; }

}  // namespace kpi::report
