// SPDX-License-Identifier: MIT
// What a per-entity measure means: each key judged by `having` on its own aggregates in the
// period (or, with lost, over the keys of the periods before), then the keys that pass
// counted, their rows aggregated, or one value per key aggregated.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <tuple>
#include <vector>

#include "kpi/engine/group_state.hpp"
#include "kpi/engine/run_plan.hpp"
#include "kpi/engine/source_aggregation.hpp"

namespace kpi::engine {

/// Judges the keys of one per-entity measure in one group and period by its `having`.
class KeyJudge {
 public:
  /// `position` is the measure's index within its source, `window` the period's.
  KeyJudge(const library::CompiledMeasure& measure, const GroupState& group, std::size_t position,
           std::size_t window, const Windows& windows);

  /// The keys judged: the period's, or for a `having` that reads lost those of the periods
  /// before; null when those have no rows (the measure then has no value).
  const EntityTable* judged_keys() const { return judged_keys_; }

  /// Whether `key` of judged_keys() passes the `having`. Its aggregates, in the order of the
  /// measure's key_aggregates, are left in `inputs` when it passes and `all_inputs` is set
  /// (otherwise they may be skipped where rows alone decide).
  bool passes(const store::ValueKey& value, const EntityTable::Key& key,
              std::vector<expr::Value>& inputs, bool all_inputs);

 private:
  const library::CompiledMeasure& measure_;
  const GroupState& group_;
  const EntityTable& current_keys_;
  const EntityTable* judged_keys_ = nullptr;
  std::int32_t first_day_;
  std::size_t position_;
  // A `having` that reads only rows (`rows >= 2`) holds alike for keys with as many rows, so
  // it is judged once per count, not per key (W at 10 M rows: ~1.8 M keys, a few counts).
  bool reads_only_rows_;
  std::array<std::int8_t, 64> holds_by_rows_{};  // 0 when not judged yet, then 1 or -1
};

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
