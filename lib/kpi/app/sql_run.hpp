// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kpi/app/run_settings.hpp"
#include "kpi/engine/measures_sql.hpp"

namespace kpi::app {

/// What `kpi sql` is asked.
struct SqlRunOptions {
  RunSettings run;
  std::vector<std::string> periods;  ///< as on the command line
  std::string by;
  std::optional<std::int32_t> as_of;
  engine::SqlOptions sql;
};

/// Loads and checks the library and writes the SQL of the measures table that `kpi values`
/// and `kpi report` of each period read: every KPI, for the period and the month, quarter,
/// half-year and year containing it (measured to --as-of, or to today while in progress, as a
/// report measures them), with the previous period and last year. Throws a usage error
/// ("usage.table") for a --table of a source the library lacks.
std::string run_sql(const SqlRunOptions& options);

}  // namespace kpi::app
