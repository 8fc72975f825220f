// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/app/run_settings.hpp"
#include "kpi/engine/kpi_explanation.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/report/explain_rows.hpp"
#include "kpi/score/plan.hpp"
#include "kpi/score/scoring.hpp"

namespace kpi::app {

/// What `kpi explain` is asked.
struct ExplainOptions {
  RunSettings run;
  std::string kpi;     ///< the KPI's id or display name
  std::string period;  ///< as on the command line
  std::string by;      ///< FIELD=VALUE, or "" for the whole
  /// --plan: the plan whose rows score the KPI ("" with with_plan: the library's [plan], else
  /// plan.csv beside the library); each row's target, rule and score are explained.
  bool with_plan = false;
  std::string plan_path;
  /// --rows N: the first N rows behind each measure (drill-through); none: no rows.
  std::optional<std::size_t> rows;
};

/// A finished run: the library (which the explanation points into) and the explanation.
struct ExplainRun {
  std::unique_ptr<library::Library> library;
  library::CompiledLibrary compiled;
  engine::KpiExplanation explanation;
  std::optional<score::Plan> plan;  ///< with --plan
  /// The plan's rows that score the KPI in the period, for the whole or the --by value (`each`
  /// rows too), with the score the report gives, step by step.
  std::vector<score::ExplainedPlanRow> plan_rows;
  /// With --rows: the rows behind each explained measure.
  std::optional<report::RowsBehindShown> rows;
};

/// The most rows --rows keeps per measure: they are held until the explanation is written
/// (kpi rows writes a source's rows without a limit).
inline constexpr std::size_t kMaxExplainedRows = 1000000;

/// Reads --rows: a whole number from 0 to kMaxExplainedRows. Throws a usage error
/// ("usage.rows") that quotes the text otherwise.
std::size_t parse_rows(std::string_view text);

/// Loads and checks the library, resolves the period, and explains the KPI. Throws a usage
/// error ("usage.kpi") for a name that is no KPI (with a suggestion) or a qualitative KPI,
/// and ("usage.by") for a --by that is not FIELD=VALUE or names a field no source maps, and
/// ("usage.rows") for --rows with standard input as a source's data (read once only).
ExplainRun run_explain(const ExplainOptions& options);

}  // namespace kpi::app
