// SPDX-License-Identifier: MIT
// Progress against time (进度): a KPI measured part-way through its period, against the share
// of its target the days gone by call for.
#pragma once

#include <cstdint>
#include <optional>

#include "kpi/score/scoring.hpp"
#include "kpi/time/period.hpp"
#include "kpi/time/workdays.hpp"

namespace kpi::score {

/// What the elapsed share of a period counts.
enum class ElapsedBy {
  CalendarDays,  ///< every day alike (the default)
  WorkingDays,   ///< the library's [calendar] workdays and holidays
  LastYear,      ///< the share of last year's same period reached by the same day
};

/// How far a period has gone by a day inside it.
struct Elapsed {
  long double share = 0;       ///< of the period gone by, 0 to 1
  std::int32_t days_left = 0;  ///< days after as_of (working days, when counted so)
  ElapsedBy by = ElapsedBy::CalendarDays;
};

/// The share of `period` up to and with `as_of` in days: working days when `workdays` does not
/// work every day (a period without any working day is counted by calendar days).
Elapsed elapsed_days(const time::Period& period, std::int32_t as_of,
                     const time::Workdays& workdays);

/// The share by last year's daily profile (`pace = "last_year"`): last year's value of the
/// same period up to the same day ÷ its whole value; none when either is missing or the whole
/// is not above zero (too little history: said, not guessed). `days_left` as `days` counts.
std::optional<Elapsed> elapsed_last_year(std::optional<long double> last_year_to_date,
                                         std::optional<long double> last_year_whole,
                                         const Elapsed& days);

/// Where a KPI stands `as_of` a day inside its period.
struct Pace {
  /// See Elapsed::share; none when last year's profile is missing (too little history).
  std::optional<long double> elapsed_share;
  std::int32_t days_left = 0;  ///< see Elapsed::days_left
  ElapsedBy elapsed_by = ElapsedBy::CalendarDays;
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

/// The pace of `actual` against `target` with `elapsed` of the period gone by. A pro-rated
/// KPI's status is ahead, on pace or behind by its pace; any other keeps `scored`.
Pace pace_of(std::optional<long double> actual, long double target, const Elapsed& elapsed,
             bool prorated, Status scored);

}  // namespace kpi::score
