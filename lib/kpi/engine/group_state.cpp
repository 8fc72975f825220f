// SPDX-License-Identifier: MIT
#include "kpi/engine/group_state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "kpi/core/diagnostic.hpp"
#include "kpi/store/value_interner.hpp"

namespace kpi::engine {
namespace {

using library::Aggregate;

std::int64_t units_of(const expr::Value& value) {
  return value.kind == expr::Value::Kind::Moment ? value.seconds * Decimal::kUnitsPerOne
                                                 : value.number.units();
}

store::ValueKey remapped(const store::ValueKey& value, std::span<const std::uint32_t> remap) {
  return value.is_id() ? store::ValueKey::of_id(remap[value.id()]) : value;
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
  // A distinct count is counted again from the table's distinct values (GroupState::merge).
  if (other.count_ == 0 || aggregate == Aggregate::CountDistinct) {
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
  if (aggregate == Aggregate::Count || aggregate == Aggregate::CountDistinct) {
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
    case Aggregate::CountDistinct:
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

bool EntityTable::keeps_shares(const library::CompiledMeasure& measure) {
  return measure.per && !measure.counts_keys && !measure.key_of;
}

bool EntityTable::stores_inputs(const library::CompiledMeasure& measure) {
  return std::any_of(measure.key_aggregates.begin(), measure.key_aggregates.end(),
                     [](const library::KeyAggregate& input) { return input.of.has_value(); });
}

bool EntityTable::add_distinct(std::uint32_t position, std::size_t input,
                               const expr::Value& value) {
  std::string bytes;
  store::ValueInterner::bytes_of(value, bytes);
  return add_distinct_bytes(position, input, bytes);
}

bool EntityTable::add_distinct_bytes(std::uint32_t position, std::size_t input,
                                     std::string_view bytes) {
  if (distinct_.size() <= input) {
    distinct_.resize(input + 1);
  }
  std::string entry(sizeof position, '\0');
  std::memcpy(entry.data(), &position, sizeof position);
  entry.append(bytes);
  return distinct_[input].insert(std::move(entry)).second;
}

EntityTable::Key& EntityTable::add(const store::ValueKey& value,
                                   const library::CompiledMeasure& measure) {
  const auto [key, added] = keys_.add(value);
  if (added) {
    if (stores_inputs(measure)) {
      inputs_.resize(inputs_.size() + measure.key_aggregates.size());
    }
    if (EntityTable::keeps_shares(measure)) {
      partials_.emplace_back(measure.definition->aggregate);
    }
  }
  return *key;
}

void GroupState::merge(GroupState&& other, const std::vector<library::CompiledMeasure>& measures,
                       std::span<const std::size_t> source_measures,
                       std::span<const std::uint32_t> remap) {
  for (std::size_t w = 0; w < rows.size(); ++w) {
    rows[w] += other.rows[w];
  }
  for (std::size_t slot = 0; slot < passing.size(); ++slot) {
    passing[slot] += other.passing[slot];
  }
  const std::size_t windows = rows.size();
  for (std::size_t slot = 0; slot < accumulators.size(); ++slot) {
    accumulators[slot].merge(other.accumulators[slot], remap);
    if (keys.empty()) {
      continue;  // no measure of the source keeps keys
    }
    const library::CompiledMeasure& measure = measures[source_measures[slot / windows]];
    const EntityTable& theirs = other.keys[slot];
    EntityTable& ours = keys[slot];
    const std::size_t width =
        EntityTable::stores_inputs(measure) ? measure.key_aggregates.size() : 0;
    std::vector<std::uint32_t> our_positions(theirs.size());  // by their key's position
    theirs.for_each([&](const store::ValueKey& value, const EntityTable::Key& their_key) {
      EntityTable::Key& our_key = ours.add(remapped(value, remap), measure);
      our_positions[their_key.position] = our_key.position;
      if (__builtin_add_overflow(our_key.rows, their_key.rows, &our_key.rows)) {
        throw_key_overflow(measure);
      }
      for (std::size_t j = 0; j < width; ++j) {
        if (!ours.input(our_key, j, width)
                 .merge(measure.key_aggregates[j].aggregate, theirs.input(their_key, j, width))) {
          throw_key_overflow(measure);
        }
      }
      if (EntityTable::keeps_shares(measure)) {
        ours.partial(our_key).merge(theirs.partial(their_key), remap);
      }
    });
    // Distinct values per key are counted again as they join ours: a value both saw counts once.
    for (std::size_t j = 0; j < width; ++j) {
      if (measure.key_aggregates[j].aggregate != Aggregate::CountDistinct) {
        continue;
      }
      theirs.for_each_distinct(j, [&](std::uint32_t position, std::string_view bytes) {
        const std::uint32_t ours_at = our_positions[position];
        if (ours.add_distinct_bytes(ours_at, j, bytes) &&
            !ours.input(EntityTable::Key{ours_at, 0}, j, width).count_one()) {
          throw_key_overflow(measure);
        }
      });
    }
    other.keys[slot] = EntityTable();
  }
  for (std::size_t m = 0; m < first_days.size(); ++m) {
    for (const auto& [value, day] : other.first_days[m]) {
      const auto [entry, inserted] = first_days[m].try_emplace(remapped(value, remap), day);
      entry->second = std::min(entry->second, day);
    }
  }
}

}  // namespace kpi::engine
