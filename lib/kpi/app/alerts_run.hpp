// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

#include "kpi/alerts/alert_check.hpp"
#include "kpi/app/run_settings.hpp"
#include "kpi/library/compiled_library.hpp"

namespace kpi::app {

/// What `kpi alerts` is asked.
struct AlertsOptions {
  RunSettings run;
  std::string period;  ///< as on the command line: 2025-06, last-month, …
};

/// A finished run: the library (which the results point into) and every alert checked.
struct AlertsRun {
  std::unique_ptr<library::Library> library;
  library::CompiledLibrary compiled;
  time::Period period;
  alerts::AlertResults results;
};

/// Loads and checks the library and checks its alerts for the period. Throws kpi::Error
/// ("library.no-alerts") when the library has none.
AlertsRun run_alerts(const AlertsOptions& options);

}  // namespace kpi::app
