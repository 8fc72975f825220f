// SPDX-License-Identifier: MIT
// A moment: seconds since 1970-01-01 00:00, as a date-time value holds it (no time zone). The
// one place where days and seconds are converted.
#pragma once

#include <cstdint>

namespace kpi {

inline constexpr std::int64_t kSecondsPerDay = 86400;

/// The moment of a day (days since 1970-01-01) at `second_of_day` (0–86399).
constexpr std::int64_t moment_of(std::int32_t day, std::int64_t second_of_day = 0) {
  return std::int64_t{day} * kSecondsPerDay + second_of_day;
}

/// The day a moment falls on; before 1970 too (floor division).
constexpr std::int32_t day_of(std::int64_t moment) {
  return static_cast<std::int32_t>(moment >= 0 ? moment / kSecondsPerDay
                                               : (moment - kSecondsPerDay + 1) / kSecondsPerDay);
}

/// The second of its day a moment is at, 0–86399; before 1970 too.
constexpr std::int32_t second_of_day(std::int64_t moment) {
  return static_cast<std::int32_t>(moment - std::int64_t{day_of(moment)} * kSecondsPerDay);
}

}  // namespace kpi
