// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <string>
#include <vector>

#include "kpi/core/diagnostic.hpp"

namespace kpi::app {

/// What `kpi check` found.
struct CheckReport {
  std::vector<std::string> summary;      ///< one line per source, then the totals
  std::vector<Diagnostic> data_problems;  ///< missing files and columns
};

/// Loads and checks the library (throws kpi::Error at the first library error), then opens
/// every file of every source and checks that each mapped field has a column.
CheckReport check_library(const std::string& library_path,
                          const std::map<std::string, std::vector<std::string>>& data);

}  // namespace kpi::app
