// SPDX-License-Identifier: MIT
// The measures of one run read from the exports' aggregations: what kpi computes itself.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kpi/engine/kpi_evaluation.hpp"
#include "kpi/engine/per_entity.hpp"
#include "kpi/engine/run_plan.hpp"
#include "kpi/engine/source_aggregation.hpp"

namespace kpi::engine {

/// Reads each measure from its source's aggregation (and per-entity measures from
/// `per_entity`); `sources` are by source index, none for a source not read.
class AggregatedMeasures final : public MeasureReader {
 public:
  AggregatedMeasures(const RunPlan& plan, std::vector<std::optional<SourceAggregation>>& sources,
                     PerEntityValues& per_entity)
      : plan_(plan), sources_(sources), per_entity_(per_entity) {}

  std::optional<long double> value(std::size_t measure, std::size_t window,
                                   const std::optional<BreakdownValue>& in) override;
  std::optional<ExactUnits> exact(std::size_t measure, std::size_t window,
                                  const std::optional<BreakdownValue>& in) override;
  void keys_with_rows(std::size_t source, std::size_t by, std::size_t window,
                      std::set<std::string>& keys) const override;

 private:
  const GroupState* group_data(const library::CompiledMeasure& measure,
                               const std::optional<BreakdownValue>& in) const;

  const RunPlan& plan_;
  std::vector<std::optional<SourceAggregation>>& sources_;
  PerEntityValues& per_entity_;
};

}  // namespace kpi::engine
