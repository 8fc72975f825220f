// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "kpi/app/presentation.hpp"
#include "kpi/app/run_settings.hpp"
#include "kpi/report/trend.hpp"
#include "kpi/time/period.hpp"

namespace kpi::app {

/// What `kpi trend` is asked.
struct TrendOptions {
  RunSettings run;
  std::string from, to;  ///< as on the command line: 2025-01, 2025-Q1, last-year, …
  std::string every;     ///< day, week, half-month, month, …; "": the kind of `from`
  std::string by;
  /// Measure up to this day (--as-of): the period that holds it is measured to it, and the
  /// periods after it have no value yet.
  std::optional<std::int32_t> as_of;
  PresentationRequest presentation;
};

/// The periods of a trend: every one --from, --to and --every name, whole, and the step's
/// name. Throws a usage error for an unknown --every (usage.every), a --from after --to or
/// too many periods (usage.period).
struct TrendPeriods {
  std::vector<time::Period> periods;
  time::PeriodKind step = time::PeriodKind::Month;
  time::Period from, to;
};
TrendPeriods trend_periods(const std::string& from, const std::string& to, const std::string& every,
                           const time::Calendar& calendar, std::int32_t today);

/// The help of --every: its steps, its default and the bound on the periods.
std::string every_help();

/// Loads and checks the library, resolves the periods and computes every KPI for all of them
/// in one pass per source (the engine of `kpi values`), pivoted into one column per period.
report::Trend run_trend(const TrendOptions& options);

}  // namespace kpi::app
