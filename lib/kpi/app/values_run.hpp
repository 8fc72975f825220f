// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kpi/engine/kpi_values.hpp"
#include "kpi/library/compiled_library.hpp"

namespace kpi::app {

/// What `kpi values` is asked.
struct ValuesOptions {
  std::string library_path = "kpi.toml";
  std::vector<std::string> periods;   ///< as on the command line: 2025-06, last-month, …
  std::optional<std::int32_t> today;  ///< pins "today" for relative periods
  std::string by;
  std::map<std::string, std::vector<std::string>> data;
  bool strict = false;
  std::size_t threads = 0;  ///< 0: one per core
};

/// A finished run: the library (which the results point into) and the values.
struct ValuesRun {
  std::unique_ptr<library::Library> library;
  library::CompiledLibrary compiled;
  std::vector<time::Period> periods;
  engine::ValuesResult result;
};

/// Loads and checks the library, resolves the periods, and computes every KPI for each of
/// them in one pass per source.
ValuesRun run_values(const ValuesOptions& options);

/// Parses "NAME=PATH" (from --data) into `data`; throws a usage error otherwise.
void add_data_override(std::map<std::string, std::vector<std::string>>& data,
                       const std::string& assignment);

}  // namespace kpi::app
