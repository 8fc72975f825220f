// SPDX-License-Identifier: MIT
// KPI values from the aggregated measures: each formula evaluated per requested period and
// breakdown value, with its measures read in the period each reference names.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kpi/engine/kpi_values.hpp"
#include "kpi/engine/per_entity.hpp"
#include "kpi/engine/run_plan.hpp"
#include "kpi/engine/source_aggregation.hpp"

namespace kpi::engine {

/// One breakdown value: breakdown `by` of RunPlan::by_fields, and its group's key.
struct BreakdownValue {
  std::size_t by = 0;
  std::string key;
};

/// Where the evaluation of formulas reads the measures: the aggregated exports (see
/// AggregatedMeasures), or a measures table computed elsewhere (a SQL engine's). Windows are
/// the RunPlan's; a value in breakdown value `in` of a measure whose source lacks the
/// breakdown is the whole's, as the engine computes it.
class MeasureReader {
 public:
  virtual ~MeasureReader() = default;
  /// The value of `measure` in period `window` for the whole or breakdown value `in`, by the
  /// one rule of no value: none when its source has no rows there (0 with `no_rows = 0`).
  virtual std::optional<long double> value(std::size_t measure, std::size_t window,
                                           const std::optional<BreakdownValue>& in) = 0;
  /// The same in exact millionths, where the engine knows it exactly (a sum, count, distinct
  /// count, min or max); none otherwise.
  virtual std::optional<ExactUnits> exact(std::size_t measure, std::size_t window,
                                          const std::optional<BreakdownValue>& in) = 0;
  /// Adds to `keys` the keys of breakdown `by` that have rows of source `source` in `window`.
  virtual void keys_with_rows(std::size_t source, std::size_t by, std::size_t window,
                              std::set<std::string>& keys) const = 0;
};

/// Every KPI in every requested period, its measures read from `measures`: for the whole, and
/// with a breakdown for each value with rows in the period in a source the KPI reads (and for
/// the whole too with `with_whole`); with `with_changes`, also the previous period's and last
/// year's values.
std::vector<KpiValue> evaluate_kpis(const RunPlan& plan, MeasureReader& measures);

/// Every KPI in every requested period: for the whole, and with a breakdown for each value
/// with rows in the period in a source the KPI reads (and for the whole too with
/// `with_whole`); with `with_changes`, also the previous period's and last year's values.
std::vector<KpiValue> evaluate_kpis(const RunPlan& plan,
                                    std::vector<std::optional<SourceAggregation>>& sources,
                                    PerEntityValues& per_entity);

/// The value of a formula's `reference` from the first requested period, for the whole or
/// breakdown value `in`, read exactly as evaluate_kpis reads it (kpi explain's terms).
std::optional<long double> reference_value(const RunPlan& plan,
                                           std::vector<std::optional<SourceAggregation>>& sources,
                                           PerEntityValues& per_entity,
                                           const expr::Reference& reference,
                                           const std::optional<BreakdownValue>& in);

}  // namespace kpi::engine
