// SPDX-License-Identifier: MIT
// What a per-entity measure means: each key judged by `having` on its own aggregates in the
// period (or, with lost, over the keys of the periods before), then the keys that pass
// counted, their rows aggregated, or one value per key aggregated.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstddef>
#include <optional>
#include <tuple>
#include <vector>

#include "kpi/engine/group_state.hpp"
#include "kpi/engine/run_plan.hpp"
#include "kpi/engine/source_aggregation.hpp"

namespace kpi::engine {

/// The values of the per-entity measures, by measure, group and period.
class PerEntityValues {
 public:
  /// Values every per-entity measure in every group and period it is computed in and that
  /// has rows, on the plan's threads: judging each key's `having` is most of what valuing
  /// costs. `sources` are the aggregations by source index (none for a source not read).
  PerEntityValues(const RunPlan& plan, std::vector<std::optional<SourceAggregation>>& sources);

  /// The value of per-entity measure `measure` in `group` (of its source) and period
  /// `window`. A measure that counts the distinct values of its keys interns them in its
  /// source's interner, so it is valued here, one at a time.
  std::optional<long double> value(std::size_t measure, const GroupState& group,
                                   std::size_t window);

 private:
  const RunPlan& plan_;
  std::vector<std::optional<SourceAggregation>>& sources_;
  absl::flat_hash_map<std::tuple<std::size_t, const GroupState*, std::size_t>,
                      std::optional<long double>>
      values_;
};

}  // namespace kpi::engine
