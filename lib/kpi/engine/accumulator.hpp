// SPDX-License-Identifier: MIT
#pragma once

#include <absl/container/flat_hash_set.h>

#include <cstdint>
#include <cstring>
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
/// 32 bytes aligned to 32, so that two share a cache line and none straddles two: a
/// per-entity measure that keeps each key's share holds one per key (the sum of members with
/// two rows or more, by store, on 10 M rows: 315 → 182 MiB against 80 bytes). Hence the
/// packing: the sum's two halves also hold a minimum or maximum (an aggregate needs only one
/// of them), the count shares its word with the aggregate, and the values of a distinct count
/// or an order statistic live apart.
class alignas(32) Accumulator {
 public:
  explicit Accumulator(library::Aggregate aggregate = library::Aggregate::Sum);
  Accumulator(const Accumulator& other);
  Accumulator& operator=(const Accumulator& other);
  Accumulator(Accumulator&&) noexcept = default;
  Accumulator& operator=(Accumulator&&) noexcept = default;
  ~Accumulator() = default;

  /// Adds one row's value; a null value counts for nothing, as in SQL. count_distinct takes
  /// its values as ids instead (add_distinct).
  void add(const expr::Value& value) {
    // Sums of numbers and counts, most of what a row adds, are done here rather than in a call.
    const library::Aggregate aggregate = this->aggregate();
    if (aggregate == library::Aggregate::Sum && value.kind == expr::Value::Kind::Number) {
      set_sum(sum() + value.number.units());
      ++count_and_aggregate_;
      return;
    }
    if (aggregate == library::Aggregate::Count) {
      count_and_aggregate_ += value.is_null() ? 0 : 1;
      return;
    }
    add_any(value);
  }
  /// Adds a value of count_distinct by its id from the run's ValueInterner.
  void add_distinct(std::uint32_t id);
  /// Adds a row for count = "*".
  void add_row() { ++count_and_aggregate_; }

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
  // What only count_distinct (the distinct ids) and the order statistics (every value) keep.
  struct Values {
    absl::flat_hash_set<std::uint32_t> distinct;
    std::vector<std::int64_t> all;
  };
  static constexpr int kAggregateShift = 56;
  static constexpr std::uint64_t kCountMask = (std::uint64_t{1} << kAggregateShift) - 1;

  void add_any(const expr::Value& value);
  Values& values();

  library::Aggregate aggregate() const {
    return static_cast<library::Aggregate>(count_and_aggregate_ >> kAggregateShift);
  }
  std::uint64_t count() const { return count_and_aggregate_ & kCountMask; }
  ExactUnits sum() const {
    ExactUnits sum;
    std::memcpy(&sum, sum_or_extreme_, sizeof sum);
    return sum;
  }
  void set_sum(ExactUnits sum) { std::memcpy(sum_or_extreme_, &sum, sizeof sum); }
  std::int64_t extreme() const {
    std::int64_t extreme;
    std::memcpy(&extreme, sum_or_extreme_, sizeof extreme);
    return extreme;
  }
  void set_extreme(std::int64_t extreme) { std::memcpy(sum_or_extreme_, &extreme, sizeof extreme); }

  // The sum (sum, avg), or the minimum (min) or maximum (max) in the first half. Words rather
  // than a 128-bit integer, whose 16-byte alignment would make the whole 48 bytes.
  std::uint64_t sum_or_extreme_[2] = {0, 0};
  // The count of values or rows in the low 56 bits, the aggregate in the top 8: no run counts
  // 2^56 rows.
  std::uint64_t count_and_aggregate_;
  std::unique_ptr<Values> values_;  // made on the first distinct id, or with an order statistic
};

}  // namespace kpi::engine
