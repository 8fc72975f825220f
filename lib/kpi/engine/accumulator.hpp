// SPDX-License-Identifier: MIT
#pragma once

#include <absl/container/flat_hash_set.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kpi/expr/value.hpp"
#include "kpi/library/library.hpp"
#include "kpi/value/exact_units.hpp"

namespace kpi::engine {

/// The running state of one measure over one period and breakdown value. Sums are exact
/// (128-bit millionths); only the parts the aggregate needs are kept.
///
/// One cache line each, what a row touches (sum, count, aggregate) first: a group keeps one per
/// measure and period, and with hundreds of breakdown values they are read from beyond the
/// core's cache on most rows. (At 80 bytes, half of them straddled two lines.)
class alignas(64) Accumulator {
 public:
  explicit Accumulator(library::Aggregate aggregate = library::Aggregate::Sum);
  Accumulator(const Accumulator& other);
  Accumulator& operator=(const Accumulator& other);
  Accumulator(Accumulator&&) noexcept = default;
  Accumulator& operator=(Accumulator&&) noexcept = default;

  /// Adds one row's value; a null value counts for nothing, as in SQL. count_distinct takes
  /// its values as ids instead (add_distinct).
  void add(const expr::Value& value) {
    // Sums of numbers and counts, most of what a row adds, are done here rather than in a call.
    if (aggregate_ == library::Aggregate::Sum && value.kind == expr::Value::Kind::Number) {
      sum_ += value.number.units();
      ++count_;
      return;
    }
    if (aggregate_ == library::Aggregate::Count) {
      count_ += value.is_null() ? 0 : 1;
      return;
    }
    add_any(value);
  }
  /// Adds a value of count_distinct by its id from the run's ValueInterner.
  void add_distinct(std::uint32_t id);
  /// Adds a row for count = "*".
  void add_row() { ++count_; }

  /// Adds everything `other` (of the same aggregate) has seen.
  void merge(const Accumulator& other);
  /// The same, for an accumulator of another run whose distinct ids `remap` translates.
  void merge(const Accumulator& other, std::span<const std::uint32_t> remap);

  /// The aggregate's value: sum and count of no rows are 0; avg, min, max and median of no
  /// values have none.
  std::optional<long double> result() const;
  /// The same in exact millionths, for the aggregates whose value is exact (sum, count,
  /// count_distinct, min, max); none for the others and where result() has none.
  std::optional<ExactUnits> exact() const;

 private:
  void add_any(const expr::Value& value);

  ExactUnits sum_ = 0;
  std::uint64_t count_ = 0;
  library::Aggregate aggregate_;
  std::int64_t min_ = 0, max_ = 0;
  // Only count_distinct and median keep values; the others stay small, which matters when a
  // per-entity measure holds an accumulator for every key.
  std::unique_ptr<absl::flat_hash_set<std::uint32_t>> distinct_;  // made on the first value
  std::unique_ptr<std::vector<std::int64_t>> values_;
};

}  // namespace kpi::engine
