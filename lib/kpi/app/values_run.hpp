// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kpi/app/presentation.hpp"
#include "kpi/app/run_settings.hpp"
#include "kpi/engine/kpi_values.hpp"
#include "kpi/library/compiled_library.hpp"

namespace kpi::app {

/// What `kpi values` is asked.
struct ValuesOptions {
  RunSettings run;
  std::vector<std::string> periods;  ///< as on the command line: 2025-06, last-month, …
  /// The KPIs to compute, by id or display name (--kpi); empty: every KPI. Only the measures
  /// and sources they read are read.
  std::vector<std::string> kpis;
  std::string by;
  /// Measure each period up to this day, "2025-06 to 2025-06-15" (--as-of); days_elapsed()
  /// counts to it.
  std::optional<std::int32_t> as_of;
  PresentationRequest presentation;
  /// Read the measures from this measures table ("-": standard input) instead of the exports.
  std::string measure_table;
  /// Also give the run's measures table (--emit-measures).
  bool emit_measures = false;
};

/// A finished run: the library (which the results point into) and the values.
struct ValuesRun {
  std::unique_ptr<library::Library> library;
  library::CompiledLibrary compiled;
  std::vector<time::Period> periods;
  engine::ValuesResult result;
  report::Presentation presentation;
};

/// Loads and checks the library, resolves the periods and KPIs, and computes the KPIs (every
/// one unless named) for each period in one pass per source.
ValuesRun run_values(const ValuesOptions& options);

}  // namespace kpi::app
