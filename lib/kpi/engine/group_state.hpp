// SPDX-License-Identifier: MIT
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <vector>

#include "kpi/engine/accumulator.hpp"
#include "kpi/engine/value_interner.hpp"
#include "kpi/engine/value_key.hpp"
#include "kpi/engine/windows.hpp"
#include "kpi/library/compiled_library.hpp"

namespace kpi::engine {

/// One key's aggregate that a `having` reads (rows, sum, count, avg, min, max). A table holds
/// one per key and input, so it is 12 bytes aligned to 4: a sum of one key stays within 64-bit
/// millionths and its rows within 32 bits. add_row, add and merge return false when they would
/// leave them (the caller reports it, never a wrong value).
class KeyInput {
 public:
  [[nodiscard]] bool add_row() { return !__builtin_add_overflow(count_, 1U, &count_); }
  [[nodiscard]] bool add(library::Aggregate aggregate, const expr::Value& value);
  [[nodiscard]] bool merge(library::Aggregate aggregate, const KeyInput& other);
  std::optional<long double> result(library::Aggregate aggregate) const;
  /// The same without rounding, for every aggregate but avg: a count, or a sum, min or max in
  /// millionths (dates: seconds × 10^6).
  std::optional<Decimal> exact_result(library::Aggregate aggregate) const;

 private:
  // The 64-bit value is kept as two halves so that the whole stays 4-byte aligned: with a
  // 4-byte position it makes a 16-byte Key, and a table's slot (a 16-byte ValueKey, a Key) is
  // 32 bytes, not 40.
  std::int64_t value() const {
    std::int64_t value;
    std::memcpy(&value, value_halves_, sizeof value);
    return value;
  }
  void set_value(std::int64_t value) { std::memcpy(value_halves_, &value, sizeof value); }

  std::uint32_t value_halves_[2] = {0, 0};  // sum, min or max in millionths (dates: seconds × 10^6)
  std::uint32_t count_ = 0;
};

/// The keys of a per-entity measure in one period and group, with each key's inputs. The
/// first input lives in the key's hash slot, so a row of the most common `having` (rows,
/// or one sum) touches one cache line for its key.
class KeyTable {
 public:
  struct Key {
    KeyInput first_input;
    std::uint32_t position = 0;  ///< order of arrival: the index of its other inputs and partial
  };

  /// The key, added with empty inputs (and partial) when new; valid until the next add.
  Key& add(const ValueKey& value, const library::CompiledMeasure& measure);
  /// Starts loading the key's slot into the cache, for an add a little later.
  void prefetch(const ValueKey& value) const { keys_.prefetch(value); }

  KeyInput& input(Key& key, std::size_t input, std::size_t width) {
    return input == 0 ? key.first_input : other_inputs_[key.position * (width - 1) + input - 1];
  }
  const KeyInput& input(const Key& key, std::size_t input, std::size_t width) const {
    return input == 0 ? key.first_input : other_inputs_[key.position * (width - 1) + input - 1];
  }
  Accumulator& partial(const Key& key) { return partials_[key.position]; }
  const Accumulator& partial(const Key& key) const { return partials_[key.position]; }

  std::size_t size() const { return keys_.size(); }
  bool contains(const ValueKey& value) const { return keys_.contains(value); }
  /// Every key as (value, Key), in no particular order.
  const absl::flat_hash_map<ValueKey, Key>& keys() const { return keys_; }

 private:
  absl::flat_hash_map<ValueKey, Key> keys_;
  std::vector<KeyInput> other_inputs_;  // [position × (inputs per key − 1) + input − 1]
  std::vector<Accumulator> partials_;   // [position]: the key's share of the measure, if kept
};

// Rows and measure accumulators of one source for one breakdown value (or the whole).
struct GroupState {
  std::vector<std::uint64_t> rows;        // per window
  std::vector<Accumulator> accumulators;  // [measure of the source][window]
  std::vector<KeyTable> keys;             // per-entity measures, same index
  // Per measure of the source that reads is_new: each key's first day in all history.
  std::vector<absl::flat_hash_map<ValueKey, std::int32_t>> first_days;

  /// Adds everything `other`, a group of another run over the same library, has seen; its
  /// value ids are translated by `remap`.
  void merge(const GroupState& other, const std::vector<library::CompiledMeasure>& measures,
             std::span<const std::size_t> source_measures, std::span<const std::uint32_t> remap);
};

/// The error for a per-entity sum of one key beyond 64-bit millionths, located at the measure.
[[noreturn]] void throw_key_overflow(const library::CompiledMeasure& measure);

/// The value of a per-entity measure (`per` with `having`, or a value per key) in one period
/// and group: its `having` judged on each key's own aggregates (over the previous periods'
/// keys when it reads lost), then the passing keys counted, their rows aggregated, or their
/// values aggregated. `position` is the measure's index within its source.
std::optional<long double> per_entity_value(const library::CompiledMeasure& measure,
                                            const GroupState& group, std::size_t position,
                                            std::size_t window, const Windows& windows,
                                            ValueInterner& interner);

}  // namespace kpi::engine
