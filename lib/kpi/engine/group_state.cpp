// SPDX-License-Identifier: MIT
#include "kpi/engine/group_state.hpp"

#include <cmath>

namespace kpi::engine {
namespace {

Decimal to_decimal(long double value) {
  return Decimal::from_units(std::llround(value * Decimal::kUnitsPerOne));
}

}  // namespace

std::optional<long double> per_entity_value(const library::CompiledMeasure& measure,
                                            const GroupState& group, std::size_t position,
                                            std::size_t window, const Windows& windows) {
  const std::size_t slot = position * windows.size() + window;
  // Per entity: only the keys whose own aggregates pass `having` count. A `having` that
  // reads lost is judged over the previous period's keys.
  const auto& current_keys = group.keys[slot];
  const auto* judged_keys = &current_keys;
  if (measure.reads_previous_keys) {
    const std::optional<std::size_t> previous = windows.previous_of(window, measure.lost_periods);
    if (!previous || group.rows[*previous] == 0) {
      return std::nullopt;
    }
    judged_keys = &group.keys[position * windows.size() + *previous];
  }
  Accumulator passing(measure.definition->aggregate);
  std::uint64_t passing_keys = 0;
  std::vector<expr::Value> inputs(measure.key_aggregates.size());
  for (const auto& [key, state] : *judged_keys) {
    for (std::size_t j = 0; j < inputs.size(); ++j) {
      if (measure.key_aggregates[j].lost) {
        inputs[j] = expr::Value::of_bool(!current_keys.contains(key));
        continue;
      }
      if (measure.key_aggregates[j].first_seen) {
        const auto& first_days = group.first_days[position];
        const auto first = first_days.find(key);
        inputs[j] = expr::Value::of_bool(first != first_days.end() &&
                                         first->second >= windows.period(window).first_day);
        continue;
      }
      const std::optional<long double> value = state.inputs[j].result();
      if (value && measure.key_aggregates[j].moment) {
        inputs[j] = expr::Value::of_moment(std::llround(*value));
      } else {
        inputs[j] = value ? expr::Value::of_number(to_decimal(*value)) : expr::Value{};
      }
    }
    if (measure.having && !measure.having->evaluate(inputs).truth) {
      continue;
    }
    ++passing_keys;
    if (measure.key_of) {
      passing.add(measure.key_of->evaluate(inputs));
    } else if (!measure.counts_keys) {
      passing.merge(state.partial);
    }
  }
  return measure.counts_keys ? static_cast<long double>(passing_keys) : passing.result();
}

}  // namespace kpi::engine
