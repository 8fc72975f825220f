// SPDX-License-Identifier: MIT
#pragma once

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <vector>

#include "kpi/engine/accumulator.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/store/key_table.hpp"
#include "kpi/store/value_key.hpp"

namespace kpi::engine {

/// One key's aggregate of a value that a `having` reads (sum, count, avg, min, max of an
/// expression; its rows are counted in the key's slot). A table holds one per key and input,
/// so it is 12 bytes aligned to 4: a sum of one key stays within 64-bit millionths and its
/// count within 32 bits. add and merge return false when they would leave them (the caller
/// reports it, never a wrong value).
class KeyInput {
 public:
  [[nodiscard]] bool add(library::Aggregate aggregate, const expr::Value& value);
  [[nodiscard]] bool merge(library::Aggregate aggregate, const KeyInput& other);
  std::optional<long double> result(library::Aggregate aggregate) const;
  /// The same without rounding, for every aggregate but avg: a count, or a sum, min or max in
  /// millionths (dates: seconds × 10^6).
  std::optional<Decimal> exact_result(library::Aggregate aggregate) const;
  /// Counts one more distinct value (count_distinct, whose values the table keeps); false
  /// when the count would no longer fit in 32 bits.
  [[nodiscard]] bool count_one() { return !__builtin_add_overflow(count_, 1U, &count_); }

 private:
  // The 64-bit value is kept as two halves so that the whole stays 4-byte aligned (12 bytes).
  std::int64_t value() const {
    std::int64_t value;
    std::memcpy(&value, value_halves_, sizeof value);
    return value;
  }
  void set_value(std::int64_t value) { std::memcpy(value_halves_, &value, sizeof value); }

  std::uint32_t value_halves_[2] = {0, 0};  // sum, min or max in millionths (dates: seconds × 10^6)
  std::uint32_t count_ = 0;
};

/// The keys of a per-entity measure in one period and group, each with its rows, the inputs
/// its `having` reads and its share of the measure, as the measure needs them.
class EntityTable {
 public:
  using Key = store::KeyTable::Key;

  /// The key, added with no rows and empty inputs (and share) when new; valid until the
  /// next add.
  Key& add(const store::ValueKey& value, const library::CompiledMeasure& measure);
  /// Counts a row of `key`; false when its rows would no longer fit in 32 bits.
  [[nodiscard]] static bool add_row(Key& key) { return store::KeyTable::add_row(key); }
  /// Starts loading the key's slot into the cache, for an add a little later.
  [[gnu::always_inline]] void prefetch(const store::ValueKey& value) const {
    keys_.prefetch(value);
  }

  /// Input `input` of the `width` of a measure that has inputs of values (stores_inputs).
  KeyInput& input(const Key& key, std::size_t input, std::size_t width) {
    return inputs_[key.position * width + input];
  }
  const KeyInput& input(const Key& key, std::size_t input, std::size_t width) const {
    return inputs_[key.position * width + input];
  }
  /// Notes `value` among the distinct values of input `input` of the key at `position`
  /// (count_distinct(x) in having); true when the key had not had it.
  bool add_distinct(std::uint32_t position, std::size_t input, const expr::Value& value);
  bool add_distinct_bytes(std::uint32_t position, std::size_t input, std::string_view bytes);
  /// Calls `visit(position, value_bytes)` for each distinct value of input `input`.
  template <typename Visit>
  void for_each_distinct(std::size_t input, const Visit& visit) const {
    if (input >= distinct_.size()) {
      return;
    }
    for (const std::string& entry : distinct_[input]) {
      std::uint32_t position = 0;
      std::memcpy(&position, entry.data(), sizeof position);
      visit(position, std::string_view(entry).substr(sizeof position));
    }
  }

  Accumulator& partial(const Key& key) { return partials_[key.position]; }
  const Accumulator& partial(const Key& key) const { return partials_[key.position]; }

  std::size_t size() const { return keys_.size(); }
  bool contains(const store::ValueKey& value) const { return keys_.contains(value); }
  /// Calls `visit(value, key)` for every key, in no particular order.
  template <typename Visit>
  void for_each(const Visit& visit) const {
    keys_.for_each(visit);
  }

  /// Whether a measure's keys have inputs of their own (any aggregate of a value): only then
  /// does a table keep KeyInputs.
  static bool stores_inputs(const library::CompiledMeasure& measure);
  /// Whether each key keeps its share of the measure (the rows of the keys that pass are
  /// aggregated): not when the keys are counted or valued from their inputs.
  static bool keeps_shares(const library::CompiledMeasure& measure);

 private:
  store::KeyTable keys_;
  std::vector<KeyInput> inputs_;       // [position × inputs per key + input], if stored
  std::vector<Accumulator> partials_;  // [position]: the key's share of the measure, if kept
  // [input]: for an input that counts distinct values, each (key position, value bytes) seen.
  std::vector<absl::flat_hash_set<std::string>> distinct_;
};

// Rows and measure accumulators of one source for one breakdown value (or the whole).
struct GroupState {
  std::vector<std::uint64_t> rows;        // per window
  std::vector<Accumulator> accumulators;  // [measure of the source][window]
  std::vector<EntityTable> keys;          // per-entity measures, same index
  std::vector<std::uint64_t> passing;     // with count_passing: rows passing, same index
  // Per measure of the source that reads is_new: each key's first day in all history.
  std::vector<absl::flat_hash_map<store::ValueKey, std::int32_t>> first_days;

  /// Adds everything `other`, a group of another run over the same library, has seen; its
  /// value ids are translated by `remap`. Each of `other`'s per-entity tables is emptied once
  /// merged, so that ours grow into the memory it gives back rather than beside it.
  void merge(GroupState&& other, const std::vector<library::CompiledMeasure>& measures,
             std::span<const std::size_t> source_measures, std::span<const std::uint32_t> remap);
};

/// The error for a per-entity sum of one key beyond 64-bit millionths, located at the measure.
[[noreturn]] void throw_key_overflow(const library::CompiledMeasure& measure);

}  // namespace kpi::engine
