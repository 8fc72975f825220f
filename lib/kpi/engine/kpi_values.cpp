// SPDX-License-Identifier: MIT
#include "kpi/engine/kpi_values.hpp"

#include <optional>
#include <utility>
#include <vector>

#include "kpi/engine/kpi_evaluation.hpp"
#include "kpi/engine/per_entity.hpp"
#include "kpi/engine/run_plan.hpp"
#include "kpi/engine/source_aggregation.hpp"
#include "kpi/engine/source_reading.hpp"

namespace kpi::engine {

ValuesResult compute_values(const library::CompiledLibrary& library, const ValuesRequest& request) {
  const RunPlan plan = plan_run(library, request);
  ValuesResult result;
  // One pass per source that some measure reads.
  std::vector<std::optional<SourceAggregation>> sources(plan.sources.size());
  for (const SourcePlan& source : plan.sources) {
    if (!source.measures.empty()) {
      sources[source.source].emplace(aggregate_source(plan, source, result.quality));
    }
  }
  for (std::size_t s = 0; s < sources.size(); ++s) {
    if (sources[s]) {
      SourceRows& counted = result.rows_in_periods.emplace_back(SourceRows{s, {}});
      for (std::size_t base = 0; base < request.periods.size(); ++base) {
        counted.rows.push_back(sources[s]->whole().rows[base]);
      }
    }
  }
  PerEntityValues per_entity(plan, sources);
  result.rows = evaluate_kpis(plan, sources, per_entity);
  return result;
}

}  // namespace kpi::engine
