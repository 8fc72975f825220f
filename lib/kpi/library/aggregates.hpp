// SPDX-License-Identifier: MIT
// The aggregates a measure may take, each defined once: its name in the library, what it
// means, what it accepts, whether `having` may read it per key, and how its state is kept.
// The loader, the compiler, the engine and the docs read this table; nothing else lists them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kpi::library {

/// In the order of the registry (aggregates()).
enum class Aggregate { Sum, Count, CountDistinct, Avg, Min, Max, Median, Mode };

/// How the engine keeps an aggregate's running state (engine::Accumulator).
enum class AggregateState {
  Running,    ///< a few words: the sum, count, minimum and maximum seen so far
  Distinct,   ///< the set of distinct values
  AllValues,  ///< every value, for an order statistic computed at the end
};

struct AggregateInfo {
  Aggregate aggregate;
  std::string_view name;     ///< the measure's key and, per key, the function in `having`
  std::string_view meaning;  ///< one line for the docs: what the value is
  /// count and count_distinct count values of any type; the rest need numbers (or dates per
  /// key, see of_dates).
  bool takes_any_type;
  /// The value of rows that the filter all leaves out is 0 (sum, count, count_distinct), so
  /// `no_rows = 0` may extend that to periods without rows; the others have no value then.
  bool zero_without_values;
  /// Usable per key inside `having` and per-key values: sum(x), count(x), avg(x), min(x)…
  bool per_key;
  /// Per key, it means something for dates: the first or last date, or how many.
  bool of_dates;
  AggregateState state;
  /// For AllValues: the result from the values in millionths, which it may reorder; none
  /// for no values.
  std::optional<long double> (*of_values)(std::span<std::int64_t> units) = nullptr;
};

/// Every aggregate, in the order of the enum.
std::span<const AggregateInfo> aggregates();

const AggregateInfo& info(Aggregate aggregate);

/// The aggregate called `name`, or null.
const AggregateInfo* find_aggregate(std::string_view name);

/// "sum"
std::string_view aggregate_name(Aggregate aggregate);

/// The names for a message: "sum, count, count_distinct, avg, min, max, median or mode"
/// (with `per_key_only`, those `having` reads per key).
std::string aggregate_names(bool per_key_only = false);

}  // namespace kpi::library
