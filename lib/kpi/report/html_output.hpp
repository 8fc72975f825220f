// SPDX-License-Identifier: MIT
// The html format of kpi report: one self-contained page for a browser, a phone or paper.
#pragma once

#include <string>

#include "kpi/report/report.hpp"

namespace kpi::report {

/// The report's title and plan total, the scorecards' totals as a ranked bar chart, then per
/// scorecard a card per KPI (a bullet bar of achievement against target and cap, coloured by
/// status; its figures, 环比 and 同比 coloured by the KPI's direction), then the data quality.
/// No script and no external resource; labels in the report's language. Each KPI card and
/// scorecard carries its raw numbers as data- attributes, written as the json format does.
std::string render_report_html(const Report& report);

}  // namespace kpi::report
