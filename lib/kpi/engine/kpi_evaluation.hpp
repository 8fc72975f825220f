// SPDX-License-Identifier: MIT
// KPI values from the aggregated measures: each formula evaluated per requested period and
// breakdown value, with its measures read in the period each reference names.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kpi/engine/kpi_values.hpp"
#include "kpi/engine/per_entity.hpp"
#include "kpi/engine/run_plan.hpp"
#include "kpi/engine/source_aggregation.hpp"

namespace kpi::engine {

/// Every KPI in every requested period: for the whole, and with a breakdown for each value
/// with rows in the period in a source the KPI reads (and for the whole too with
/// `with_whole`); with `with_changes`, also the previous period's and last year's values.
std::vector<KpiValue> evaluate_kpis(const RunPlan& plan,
                                    std::vector<std::optional<SourceAggregation>>& sources,
                                    PerEntityValues& per_entity);

/// One breakdown value: breakdown `by` of RunPlan::by_fields, and its group's key.
struct BreakdownValue {
  std::size_t by = 0;
  std::string key;
};

/// The value of a formula's `reference` from the first requested period, for the whole or
/// breakdown value `in`, read exactly as evaluate_kpis reads it (kpi explain's terms).
std::optional<long double> reference_value(const RunPlan& plan,
                                           std::vector<std::optional<SourceAggregation>>& sources,
                                           PerEntityValues& per_entity,
                                           const expr::Reference& reference,
                                           const std::optional<BreakdownValue>& in);

}  // namespace kpi::engine
