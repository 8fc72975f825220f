// SPDX-License-Identifier: MIT
#include "kpi/score/pacing.hpp"

#include <algorithm>

namespace kpi::score {

Elapsed elapsed_days(const time::Period& period, std::int32_t as_of,
                     const time::Workdays& workdays) {
  const std::int32_t last = std::clamp(as_of, period.first_day - 1, period.last_day);
  Elapsed elapsed;
  std::int32_t days = period.last_day - period.first_day + 1;
  std::int32_t gone = last - period.first_day + 1;
  if (!workdays.every_day()) {
    const std::int32_t working = workdays.count(period.first_day, period.last_day);
    if (working > 0) {
      days = working;
      gone = workdays.count(period.first_day, last);
      elapsed.by = ElapsedBy::WorkingDays;
    }
  }
  elapsed.share = static_cast<long double>(gone) / days;
  elapsed.days_left = days - gone;
  return elapsed;
}

std::optional<Elapsed> elapsed_last_year(std::optional<long double> last_year_to_date,
                                         std::optional<long double> last_year_whole,
                                         const Elapsed& days) {
  if (!last_year_to_date || !last_year_whole || *last_year_whole <= 0) {
    return std::nullopt;
  }
  Elapsed elapsed = days;
  elapsed.share = std::clamp(*last_year_to_date / *last_year_whole, 0.0L, 1.0L);
  elapsed.by = ElapsedBy::LastYear;
  return elapsed;
}

Pace pace_of(std::optional<long double> actual, long double target, const Elapsed& elapsed,
             bool prorated, Status scored) {
  Pace pace;
  pace.elapsed_share = elapsed.share;
  pace.days_left = elapsed.days_left;
  pace.elapsed_by = elapsed.by;
  pace.prorated = prorated;
  pace.status = scored;
  if (!prorated) {
    pace.expected = target;
    return pace;
  }
  pace.expected = target * elapsed.share;
  if (!actual || elapsed.share <= 0) {
    return pace;
  }
  pace.projection = *actual / elapsed.share;
  if (pace.days_left > 0 && *actual < target) {
    pace.needed_per_day = (target - *actual) / pace.days_left;
  }
  if (*pace.expected > 0) {
    pace.pace = *actual / *pace.expected;
    pace.status = *pace.pace >= kAheadFrom    ? Status::Ahead
                  : *pace.pace >= kOnPaceFrom ? Status::OnPace
                                              : Status::Behind;
  }
  return pace;
}

}  // namespace kpi::score
