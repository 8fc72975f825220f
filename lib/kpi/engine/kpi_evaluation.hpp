// SPDX-License-Identifier: MIT
// KPI values from the aggregated measures: each formula evaluated per requested period and
// breakdown value, with its measures read in the period each reference names.
#pragma once

#include <optional>
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

}  // namespace kpi::engine
