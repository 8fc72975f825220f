// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kpi/app/presentation.hpp"
#include "kpi/app/run_settings.hpp"
#include "kpi/report/report.hpp"
#include "kpi/report/score_history.hpp"
#include "kpi/score/scoring.hpp"

namespace kpi::app {

/// What `kpi report` is asked.
struct ReportOptions {
  RunSettings run;
  std::string plan_path;    ///< "": the library's inline [plan], else plan.csv beside it
  std::string scores_path;  ///< "": scores.csv beside the library, when there is one
  std::string pay_path;     ///< "": no bonus; else each person's base bonus (needs [grades])
  std::string period;
  /// A score history (run_report_history): the periods of --from, --to and --every, as for
  /// kpi trend.
  std::string from, to, every;
  std::string by;
  score::MissingValues missing = score::MissingValues::Renormalise;
  score::InverseAchievement inverse = score::InverseAchievement::TargetOverActual;
  /// Report a period in which a source the plan reads has no rows at all; otherwise that is
  /// an error ("data.empty-period"): the month's export has most likely not arrived.
  bool allow_empty = false;
  /// Measure the period up to this day and show the pace against time (--as-of); none: today,
  /// when the period is in progress, else the whole period without pacing.
  std::optional<std::int32_t> as_of;
  PresentationRequest presentation;
  /// Read the measures from this measures table ("-": standard input) instead of the exports.
  std::string measure_table;
  /// Also give the report's measures table (Report::measure_table; --emit-measures).
  bool emit_measures = false;
};

/// Loads the library, the plan and the scores, computes every KPI the plan names for the
/// period (and for the quarter or year of quarterly and yearly KPIs, to date while it is not
/// over) in one pass per source, and scores each scorecard.
report::Report run_report(const ReportOptions& options);

/// The same for every period from `from` to `to` by `every` (as `kpi trend` steps), all in one
/// pass over the exports: a report per period. A period in which a source has no rows is a
/// warning, not an error. --as-of is refused (usage.as-of): it measures one period.
report::ScoreHistory run_report_history(const ReportOptions& options);

}  // namespace kpi::app
