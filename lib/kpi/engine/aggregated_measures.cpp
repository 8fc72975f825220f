// SPDX-License-Identifier: MIT
#include "kpi/engine/aggregated_measures.hpp"

namespace kpi::engine {

// The one rule of "no value": a source without rows in the period (or the breakdown value)
// gives its measures no value, not 0, unless the measure says `no_rows = 0`; with rows, the
// aggregate says (a sum of no values is 0, an average has none).
std::optional<long double> AggregatedMeasures::value(std::size_t measure, std::size_t window,
                                                     const std::optional<BreakdownValue>& in) {
  const library::CompiledMeasure& compiled = plan_.library->measures[measure];
  const GroupState* data = group_data(compiled, in);
  if (data == nullptr || data->rows[window] == 0) {
    return compiled.definition->zero_without_rows ? std::optional<long double>(0) : std::nullopt;
  }
  const std::size_t windows = plan_.windows.size();
  const std::size_t slot = plan_.measure_position[measure] * windows + window;
  if (const std::optional<std::size_t> keyed = plan_.measures.shared_keys[measure]) {
    // A distinct count of the keys another measure keeps: the number of its keys.
    const std::size_t keys_slot = plan_.measure_position[*keyed] * windows + window;
    return static_cast<long double>(data->keys[keys_slot].size());
  }
  if (keeps_value_keys(compiled)) {
    return static_cast<long double>(data->keys[slot].size());
  }
  if (!compiled.per) {
    return data->accumulators[slot].result();
  }
  return per_entity_.value(measure, *data, window);
}

// The same in exact millionths; none for an aggregate that divides (avg, median) and a
// per-entity measure.
std::optional<ExactUnits> AggregatedMeasures::exact(std::size_t measure, std::size_t window,
                                                    const std::optional<BreakdownValue>& in) {
  const library::CompiledMeasure& compiled = plan_.library->measures[measure];
  const GroupState* data = group_data(compiled, in);
  if (data == nullptr || data->rows[window] == 0) {
    return compiled.definition->zero_without_rows ? std::optional<ExactUnits>(0) : std::nullopt;
  }
  const std::size_t windows = plan_.windows.size();
  const std::size_t slot = plan_.measure_position[measure] * windows + window;
  const auto whole = [](std::size_t count) {
    return static_cast<ExactUnits>(count) * Decimal::kUnitsPerOne;
  };
  if (const std::optional<std::size_t> keyed = plan_.measures.shared_keys[measure]) {
    return whole(data->keys[plan_.measure_position[*keyed] * windows + window].size());
  }
  if (keeps_value_keys(compiled)) {
    return whole(data->keys[slot].size());
  }
  if (!compiled.per) {
    return data->accumulators[slot].exact();
  }
  return std::nullopt;
}

void AggregatedMeasures::keys_with_rows(std::size_t source, std::size_t by, std::size_t window,
                                        std::set<std::string>& keys) const {
  for (const auto& [key, group] : sources_[source]->groups(by).all()) {
    if (group.rows[window] > 0) {
      keys.insert(key);
    }
  }
}

// The measure's source's state for the whole, or for the breakdown value when the source
// has the field (null when the value has no rows there).
const GroupState* AggregatedMeasures::group_data(const library::CompiledMeasure& measure,
                                                 const std::optional<BreakdownValue>& in) const {
  const SourceAggregation& source = *sources_[measure.source];
  if (in && !source.plan().by_slots[in->by].empty()) {
    return source.groups(in->by).find(in->key);
  }
  return &source.whole();
}

}  // namespace kpi::engine
