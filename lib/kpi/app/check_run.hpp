// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <string>
#include <vector>

#include "kpi/core/diagnostic.hpp"

namespace kpi::app {

/// What `kpi check` found.
struct CheckReport {
  std::vector<std::string> summary;       ///< one line per source, then the totals
  std::vector<Diagnostic> data_problems;  ///< missing files and columns
  std::vector<Diagnostic> warnings;       ///< the plan's, e.g. more than 5 KPIs on a scorecard
};

/// Loads and checks the library and, when there is one, its plan (inline, or plan.csv beside
/// it) and scores.csv (throws kpi::Error at the first library or plan error), then opens every
/// file of every source and checks that each mapped field has a column.
CheckReport check_library(const std::string& library_path,
                          const std::map<std::string, std::vector<std::string>>& data);

}  // namespace kpi::app
