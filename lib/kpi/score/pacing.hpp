// SPDX-License-Identifier: MIT
// Progress against time (进度): a KPI measured part-way through its period, against the share
// of its target the days gone by call for.
#pragma once

#include <cstdint>
#include <optional>

#include "kpi/score/scoring.hpp"
#include "kpi/time/period.hpp"

namespace kpi::score {

/// Where a KPI stands `as_of` a day inside its period.
struct Pace {
  long double elapsed_share = 0;  ///< days up to and with as_of ÷ days of the period
  std::int32_t days_left = 0;     ///< days of the period after as_of
  /// Whether the target is pro-rated by time: an amount or a count that adds up over the days
  /// (sales, visits). A rate, an average or a lower-is-better KPI is held to its whole target.
  bool prorated = false;
  std::optional<long double> expected;        ///< the target to date: target × elapsed share
  std::optional<long double> pace;            ///< actual ÷ expected
  std::optional<long double> projection;      ///< the period at today's run rate
  std::optional<long double> needed_per_day;  ///< (target − actual) ÷ days left, while short
  Status status = Status::NoValue;            ///< ahead, on pace or behind; or as scored
};

/// Pace at or above this is ahead; at or above kOnPaceFrom (and below this) on pace.
inline constexpr long double kAheadFrom = 1.05L;
inline constexpr long double kOnPaceFrom = 0.95L;

/// The pace of `actual` against `target` over `period` as of day `as_of` (inside it). A
/// pro-rated KPI's status is ahead, on pace or behind by its pace; any other keeps `scored`.
Pace pace_of(std::optional<long double> actual, long double target, const time::Period& period,
             std::int32_t as_of, bool prorated, Status scored);

}  // namespace kpi::score
