// SPDX-License-Identifier: MIT
#include "kpi/library/aggregates.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

#include "kpi/value/decimal.hpp"

namespace kpi::library {
namespace {

long double from_units(long double units) { return units / Decimal::kUnitsPerOne; }

// The middle value; for an even count, the mean of the two middle ones.
std::optional<long double> median_of(std::span<std::int64_t> units) {
  if (units.empty()) {
    return std::nullopt;
  }
  const std::size_t middle = units.size() / 2;
  const auto at = [&](std::size_t i) { return units.begin() + static_cast<std::ptrdiff_t>(i); };
  std::nth_element(units.begin(), at(middle), units.end());
  const long double upper = static_cast<long double>(units[middle]);
  if (units.size() % 2 == 1) {
    return from_units(upper);
  }
  const long double lower = static_cast<long double>(*std::max_element(units.begin(), at(middle)));
  return from_units((lower + upper) / 2);
}

// The most frequent value; of values equally frequent, the smallest.
std::optional<long double> mode_of(std::span<std::int64_t> units) {
  if (units.empty()) {
    return std::nullopt;
  }
  std::sort(units.begin(), units.end());
  std::int64_t best = units.front();
  std::size_t best_count = 0;
  for (std::size_t run = 0; run < units.size();) {
    std::size_t end = run;
    while (end < units.size() && units[end] == units[run]) {
      ++end;
    }
    if (end - run > best_count) {
      best = units[run];
      best_count = end - run;
    }
    run = end;
  }
  return from_units(static_cast<long double>(best));
}

using enum Aggregate;
using enum AggregateState;

constexpr std::array<AggregateInfo, 8> kAggregates = {{
    {Sum, "sum", "the sum of a number expression", false, true, true, false, Running},
    {Count, "count", "the number of rows where the expression is not null", true, true, true, true,
     Running},
    {CountDistinct, "count_distinct", "the number of distinct non-null values", true, true, true,
     true, Distinct},
    {Avg, "avg", "the mean of a number expression", false, false, true, false, Running},
    {Min, "min", "the smallest value", false, false, true, true, Running},
    {Max, "max", "the largest value", false, false, true, true, Running},
    {Median, "median", "the middle value; the mean of the two middle ones for an even count", false,
     false, false, false, AllValues, median_of},
    {Mode, "mode", "the most frequent value; of values equally frequent, the smallest", false,
     false, false, false, AllValues, mode_of},
}};

}  // namespace

std::span<const AggregateInfo> aggregates() { return kAggregates; }

const AggregateInfo& info(Aggregate aggregate) {
  return kAggregates[static_cast<std::size_t>(aggregate)];
}

const AggregateInfo* find_aggregate(std::string_view name) {
  const auto found = std::find_if(kAggregates.begin(), kAggregates.end(),
                                  [&](const AggregateInfo& entry) { return entry.name == name; });
  return found == kAggregates.end() ? nullptr : &*found;
}

std::string_view aggregate_name(Aggregate aggregate) { return info(aggregate).name; }

std::string aggregate_names(bool per_key_only) {
  std::vector<std::string_view> names;
  for (const AggregateInfo& entry : kAggregates) {
    if (entry.per_key || !per_key_only) {
      names.push_back(entry.name);
    }
  }
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    text += i == 0 ? "" : i + 1 == names.size() ? " or " : ", ";
    text += names[i];
  }
  return text;
}

}  // namespace kpi::library
