// SPDX-License-Identifier: MIT
#include "kpi/engine/kpi_values.hpp"

#include <optional>
#include <utility>
#include <vector>

#include "kpi/engine/aggregated_measures.hpp"
#include "kpi/engine/kpi_evaluation.hpp"
#include "kpi/engine/measure_table.hpp"
#include "kpi/engine/per_entity.hpp"
#include "kpi/engine/run_plan.hpp"
#include "kpi/engine/source_aggregation.hpp"
#include "kpi/engine/source_reading.hpp"

namespace kpi::engine {

ValuesResult compute_values(const library::CompiledLibrary& library, const ValuesRequest& request) {
  const RunPlan plan = plan_run(library, request);
  ValuesResult result;
  if (!request.measure_table.empty()) {
    MeasureTable table(plan, request.measure_table);
    result.quality.add_input(table.input());
    for (const SourcePlan& source : plan.sources) {
      if (!source.measures.empty()) {
        SourceRows& counted = result.rows_in_periods.emplace_back(SourceRows{source.source, {}});
        for (std::size_t base = 0; base < request.periods.size(); ++base) {
          counted.rows.push_back(table.source_rows(source.source, base));
        }
      }
    }
    result.rows = evaluate_kpis(plan, table);
    return result;
  }
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
  AggregatedMeasures measures(plan, sources, per_entity);
  if (request.emit_measures) {
    result.measure_table = measure_table_of(plan, measures, sources);
  }
  result.rows = evaluate_kpis(plan, measures);
  return result;
}

}  // namespace kpi::engine
