// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <string>
#include <vector>

#include "kpi/app/run_settings.hpp"
#include "kpi/core/diagnostic.hpp"

namespace kpi::app {

/// What `kpi check` found.
struct CheckReport {
  std::vector<std::string> summary;       ///< one line per source, then the totals
  std::vector<Diagnostic> data_problems;  ///< missing files and columns
  /// The exports taken for GB18030 that read as another encoding; the plan's (more than 5 KPIs
  /// on a scorecard).
  std::vector<Diagnostic> warnings;
  /// With --plan and --scores both given: per scorecard of the scores that the plan does not
  /// have, that its rows are not used (one scores file may serve several plans, so only when
  /// the two are paired on purpose).
  std::vector<Diagnostic> notes;
};

/// What `kpi check` is asked.
struct CheckOptions {
  RunSettings run;
  std::string plan_path;    ///< "": the library's inline [plan], else plan.csv beside it
  std::string scores_path;  ///< "": scores.csv beside the library, when there is one
};

/// Loads and checks the library and, when there is one, its plan and scores as `kpi report`
/// would find them (throws kpi::Error at the first library or plan error), then opens every
/// file of every source and checks that each mapped field has a column.
CheckReport check_library(const CheckOptions& options);

}  // namespace kpi::app
