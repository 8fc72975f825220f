// SPDX-License-Identifier: MIT
#include "kpi/engine/group_state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "kpi/core/diagnostic.hpp"

namespace kpi::engine {
namespace {

using library::Aggregate;

Decimal to_decimal(long double value) {
  return Decimal::from_units(std::llround(value * Decimal::kUnitsPerOne));
}

std::int64_t units_of(const expr::Value& value) {
  return value.kind == expr::Value::Kind::Moment ? value.seconds * Decimal::kUnitsPerOne
                                                 : value.number.units();
}

store::ValueKey remapped(const store::ValueKey& value, std::span<const std::uint32_t> remap) {
  return value.is_id() ? store::ValueKey::of_id(remap[value.id()]) : value;
}

bool keeps_partials(const library::CompiledMeasure& measure) {
  return measure.per && !measure.counts_keys && !measure.key_of;
}

// A key's aggregate as the value its `having` reads. Only an average is not exact: it is
// rounded to millionths (dates: to the second).
expr::Value input_value(const EntityTable& table, const EntityTable::Key& key, std::size_t j,
                        const library::CompiledMeasure& measure) {
  const library::KeyAggregate& aggregate = measure.key_aggregates[j];
  if (!aggregate.of) {  // rows
    return expr::Value::of_number(
        Decimal::from_units(static_cast<std::int64_t>(key.rows) * Decimal::kUnitsPerOne));
  }
  const KeyInput& input = table.input(key, j, measure.key_aggregates.size());
  if (aggregate.aggregate == Aggregate::Avg) {
    const std::optional<long double> value = input.result(aggregate.aggregate);
    if (!value) {
      return {};
    }
    return aggregate.moment ? expr::Value::of_moment(std::llround(*value))
                            : expr::Value::of_number(to_decimal(*value));
  }
  const std::optional<Decimal> value = input.exact_result(aggregate.aggregate);
  if (!value) {
    return {};
  }
  return aggregate.moment ? expr::Value::of_moment(value->units() / Decimal::kUnitsPerOne)
                          : expr::Value::of_number(*value);
}

}  // namespace

bool KeyInput::add(Aggregate aggregate, const expr::Value& value) {
  if (value.is_null()) {
    return true;
  }
  // A value is a key input of one row: adding it is merging that.
  KeyInput one;
  one.set_value(units_of(value));
  one.count_ = 1;
  return merge(aggregate, one);
}

bool KeyInput::merge(Aggregate aggregate, const KeyInput& other) {
  if (other.count_ == 0) {
    return true;
  }
  std::int64_t current = value();
  switch (aggregate) {
    case Aggregate::Min:
      current = count_ == 0 ? other.value() : std::min(current, other.value());
      break;
    case Aggregate::Max:
      current = count_ == 0 ? other.value() : std::max(current, other.value());
      break;
    case Aggregate::Sum:
    case Aggregate::Avg:
      if (__builtin_add_overflow(current, other.value(), &current)) {
        return false;
      }
      break;
    default:
      break;
  }
  set_value(current);
  return !__builtin_add_overflow(count_, other.count_, &count_);
}

void throw_key_overflow(const library::CompiledMeasure& measure) {
  throw Error({"data.overflow",
               fmt::format("measure \"{}\": one key's sum exceeds 9,223,372,036,854, or its rows "
                           "4,294,967,295, more than a per-entity aggregate can hold",
                           measure.definition->name),
               measure.definition->where});
}

std::optional<Decimal> KeyInput::exact_result(Aggregate aggregate) const {
  if (aggregate == Aggregate::Count) {
    return Decimal::from_units(static_cast<std::int64_t>(count_) * Decimal::kUnitsPerOne);
  }
  if (aggregate != Aggregate::Sum && count_ == 0) {
    return std::nullopt;
  }
  return Decimal::from_units(value());
}

std::optional<long double> KeyInput::result(Aggregate aggregate) const {
  const auto from_units = [](std::int64_t units) {
    return static_cast<long double>(units) / Decimal::kUnitsPerOne;
  };
  switch (aggregate) {
    case Aggregate::Sum:
      return from_units(value());
    case Aggregate::Count:
      return static_cast<long double>(count_);
    default:
      break;
  }
  if (count_ == 0) {
    return std::nullopt;
  }
  if (aggregate == Aggregate::Avg) {
    return from_units(value()) / static_cast<long double>(count_);
  }
  return from_units(value());  // min or max
}

bool EntityTable::stores_inputs(const library::CompiledMeasure& measure) {
  return std::any_of(measure.key_aggregates.begin(), measure.key_aggregates.end(),
                     [](const library::KeyAggregate& input) { return input.of.has_value(); });
}

EntityTable::Key& EntityTable::add(const store::ValueKey& value,
                                   const library::CompiledMeasure& measure) {
  const auto [key, added] = keys_.add(value);
  if (added) {
    if (stores_inputs(measure)) {
      inputs_.resize(inputs_.size() + measure.key_aggregates.size());
    }
    if (keeps_partials(measure)) {
      partials_.emplace_back(measure.definition->aggregate);
    }
  }
  return *key;
}

void GroupState::merge(const GroupState& other,
                       const std::vector<library::CompiledMeasure>& measures,
                       std::span<const std::size_t> source_measures,
                       std::span<const std::uint32_t> remap) {
  for (std::size_t w = 0; w < rows.size(); ++w) {
    rows[w] += other.rows[w];
  }
  const std::size_t windows = rows.size();
  for (std::size_t slot = 0; slot < accumulators.size(); ++slot) {
    accumulators[slot].merge(other.accumulators[slot], remap);
    const library::CompiledMeasure& measure = measures[source_measures[slot / windows]];
    const EntityTable& theirs = other.keys[slot];
    EntityTable& ours = keys[slot];
    const std::size_t width = EntityTable::stores_inputs(measure) ? measure.key_aggregates.size() : 0;
    theirs.for_each([&](const store::ValueKey& value, const EntityTable::Key& their_key) {
      EntityTable::Key& our_key = ours.add(remapped(value, remap), measure);
      if (__builtin_add_overflow(our_key.rows, their_key.rows, &our_key.rows)) {
        throw_key_overflow(measure);
      }
      for (std::size_t j = 0; j < width; ++j) {
        if (!ours.input(our_key, j, width)
                 .merge(measure.key_aggregates[j].aggregate, theirs.input(their_key, j, width))) {
          throw_key_overflow(measure);
        }
      }
      if (keeps_partials(measure)) {
        ours.partial(our_key).merge(theirs.partial(their_key), remap);
      }
    });
  }
  for (std::size_t m = 0; m < first_days.size(); ++m) {
    for (const auto& [value, day] : other.first_days[m]) {
      const auto [entry, inserted] = first_days[m].try_emplace(remapped(value, remap), day);
      entry->second = std::min(entry->second, day);
    }
  }
}

std::optional<long double> per_entity_value(const library::CompiledMeasure& measure,
                                            const GroupState& group, std::size_t position,
                                            std::size_t window, const Windows& windows,
                                            store::ValueInterner& interner) {
  const std::size_t slot = position * windows.size() + window;
  // Per entity: only the keys whose own aggregates pass `having` count. A `having` that
  // reads lost is judged over the previous period's keys.
  const EntityTable& current_keys = group.keys[slot];
  const EntityTable* judged_keys = &current_keys;
  if (measure.reads_previous_keys) {
    const std::optional<std::size_t> previous = windows.previous_of(window, measure.lost_periods);
    if (!previous || group.rows[*previous] == 0) {
      return std::nullopt;
    }
    judged_keys = &group.keys[position * windows.size() + *previous];
  }
  Accumulator passing(measure.definition->aggregate);
  std::uint64_t passing_keys = 0;
  const std::size_t width = measure.key_aggregates.size();
  std::vector<expr::Value> inputs(width);
  // A `having` that reads only rows (`rows >= 2`) holds alike for keys with as many rows, so
  // it is judged once per count, not per key (W at 10 M rows: ~1.8 M keys, a few counts).
  const bool reads_only_rows = measure.having && width == 1 && !measure.key_aggregates[0].of &&
                               !measure.key_aggregates[0].lost &&
                               !measure.key_aggregates[0].first_seen;
  std::array<std::int8_t, 64> holds_by_rows{};  // 0 when not judged yet, then 1 or -1
  judged_keys->for_each([&](const store::ValueKey& key_value, const EntityTable::Key& key) {
    std::int8_t* judged =
        reads_only_rows && key.rows < holds_by_rows.size() ? &holds_by_rows[key.rows] : nullptr;
    if (judged != nullptr && *judged < 0) {
      return;
    }
    const bool passed = judged != nullptr && *judged > 0;
    const bool reads_inputs = !passed || measure.key_of;
    for (std::size_t j = 0; j < width && reads_inputs; ++j) {
      const library::KeyAggregate& aggregate = measure.key_aggregates[j];
      if (aggregate.lost) {
        inputs[j] = expr::Value::of_bool(!current_keys.contains(key_value));
        continue;
      }
      if (aggregate.first_seen) {
        const auto& first_days = group.first_days[position];
        const auto first = first_days.find(key_value);
        inputs[j] = expr::Value::of_bool(first != first_days.end() &&
                                         first->second >= windows.period(window).first_day);
        continue;
      }
      inputs[j] = input_value(*judged_keys, key, j, measure);
    }
    if (measure.having && !passed) {
      const bool holds = measure.having->evaluate(inputs).truth;
      if (judged != nullptr) {
        *judged = holds ? 1 : -1;
      }
      if (!holds) {
        return;
      }
    }
    ++passing_keys;
    if (measure.key_of) {
      const expr::Value value = measure.key_of->evaluate(inputs);
      if (measure.definition->aggregate == Aggregate::CountDistinct) {
        if (!value.is_null()) {
          passing.add_distinct(interner.intern(value));
        }
      } else {
        passing.add(value);
      }
    } else if (keeps_partials(measure)) {
      passing.merge(judged_keys->partial(key));
    }
  });
  return measure.counts_keys ? static_cast<long double>(passing_keys) : passing.result();
}

}  // namespace kpi::engine
