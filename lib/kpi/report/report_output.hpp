// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>

#include "kpi/report/formats.hpp"
#include "kpi/report/report.hpp"

namespace kpi::report {

using ReportFormat = Format;  ///< one of kReportFormats

/// The columns of csv, tsv and jsonl output, one row per scorecard × KPI, in this order.
inline constexpr const char* kRowColumns[] = {
    "period", "scorecard",       "entity", "kpi",   "name",   "kpi_period",      "actual",
    "target", "achievement",     "weight", "score", "status", "change_previous", "change_last_year",
    "unit",   "scorecard_score", "note"};

/// With --as-of (a period in progress), these columns follow kRowColumns: the target to date,
/// actual ÷ that, the run rate to the period's end, the daily amount still needed, and the share
/// of the period gone by.
inline constexpr const char* kPaceColumns[] = {"expected", "pace", "projection", "needed_per_day",
                                               "elapsed_share"};

/// Renders a report:
/// - table: a section per scorecard (KPI, actual, target, achievement, weight, score, status,
///   环比, 同比), its total, then a data-quality footer and a summary of all scorecards;
/// - markdown: the same sections as Markdown tables;
/// - csv, tsv, jsonl: one row per scorecard × KPI with kRowColumns, raw numbers, empty (or
///   null) for no value; `bom` puts a UTF-8 byte-order mark before CSV for Excel;
/// - json: the whole report (README, "kpi report").
/// The table format on a terminal: colours by status and direction, and the terminal's width
/// (0: none), below which the table leaves out 同比, 环比, weight, target and score (in that
/// order) and then cuts KPI names.
struct TerminalStyle {
  bool colour = false;
  std::size_t width = 0;
};

std::string render_report(const Report& report, ReportFormat format, bool bom = false,
                          const TerminalStyle& terminal = {});

}  // namespace kpi::report
