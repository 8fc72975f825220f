// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "kpi/alerts/alert_check.hpp"
#include "kpi/app/run_settings.hpp"
#include "kpi/library/compiled_library.hpp"

namespace kpi::app {

/// What `kpi alerts` is asked.
struct AlertsOptions {
  RunSettings run;
  std::string period;  ///< as on the command line: 2025-06, last-month, …
  /// Measure the period up to this day (--as-of), and the periods it is compared with to the
  /// same point (see alerts::check_alerts); none: today while the period is in progress, as
  /// kpi report measures it.
  std::optional<std::int32_t> as_of;
};

/// A finished run: the library (which the results point into) and every alert checked.
struct AlertsRun {
  std::unique_ptr<library::Library> library;
  library::CompiledLibrary compiled;
  time::Period period;  ///< as measured: "2025-06 to 2025-06-15" with --as-of
  alerts::AlertResults results;
};

/// Loads and checks the library and checks its alerts for the period. Throws kpi::Error
/// ("library.no-alerts") when the library has none, and ("usage.as-of") for an --as-of
/// outside the period.
AlertsRun run_alerts(const AlertsOptions& options);

}  // namespace kpi::app
