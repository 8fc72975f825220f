// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "kpi/engine/accumulator.hpp"
#include "kpi/engine/windows.hpp"
#include "kpi/library/compiled_library.hpp"

namespace kpi::engine {

// A per-entity measure's state for one key: its share of the measure, and the aggregates
// its `having` condition reads.
struct KeyState {
  Accumulator partial;
  std::vector<Accumulator> inputs;
};

// Rows and measure accumulators of one source for one breakdown value (or the whole).
struct GroupState {
  std::vector<std::uint64_t> rows;                              // per window
  std::vector<Accumulator> accumulators;                        // [measure of the source][window]
  std::vector<std::unordered_map<std::string, KeyState>> keys;  // per-entity measures, same index
  // Per measure of the source that reads is_new: each key's first day in all history.
  std::vector<std::unordered_map<std::string, std::int32_t>> first_days;
};

/// The value of a per-entity measure (`per` with `having`, or a value per key) in one period
/// and group: its `having` judged on each key's own aggregates (over the previous periods'
/// keys when it reads lost), then the passing keys counted, their rows aggregated, or their
/// values aggregated. `position` is the measure's index within its source.
std::optional<long double> per_entity_value(const library::CompiledMeasure& measure,
                                            const GroupState& group, std::size_t position,
                                            std::size_t window, const Windows& windows);

}  // namespace kpi::engine
