// SPDX-License-Identifier: MIT
// The words of kpi trend and of kpi report --from/--to (score history), in each language
// --lang offers; the words both share with the other outputs (KPI, name, unit…) are in labels.
#pragma once

#include <string_view>

#include "kpi/report/labels.hpp"

namespace kpi::report {

struct HistoryLabels {
  std::string_view trend_title;    ///< "KPI trend {} – {}": first and last period
  std::string_view history_title;  ///< "Score history {} – {}"
  std::string_view as_of;          ///< "measured to {}": the --as-of day
  std::string_view trend_sheet;    ///< the xlsx sheet of the KPI × period table
  std::string_view charts_sheet;   ///< the xlsx sheet of the line charts
  std::string_view totals;         ///< section: each scorecard's total per period
  std::string_view achievements;   ///< section: each KPI's achievement per period
  std::string_view total_line;     ///< the chart of a scorecard's total: "{}: total"
  std::string_view more_lines;     ///< "{} more lines in the table": a chart's lines are capped
};

const HistoryLabels& history_labels(Lang lang);

}  // namespace kpi::report
