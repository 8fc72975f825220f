// SPDX-License-Identifier: MIT
#include "kpi/score/pacing.hpp"

#include <algorithm>

namespace kpi::score {

Pace pace_of(std::optional<long double> actual, long double target, const time::Period& period,
             std::int32_t as_of, bool prorated, Status scored) {
  Pace pace;
  const std::int32_t days = period.last_day - period.first_day + 1;
  const std::int32_t elapsed = std::clamp(as_of - period.first_day + 1, 0, days);
  pace.elapsed_share = static_cast<long double>(elapsed) / days;
  pace.days_left = days - elapsed;
  pace.prorated = prorated;
  pace.status = scored;
  if (!prorated) {
    pace.expected = target;
    return pace;
  }
  pace.expected = target * pace.elapsed_share;
  if (!actual || elapsed == 0) {
    return pace;
  }
  pace.projection = *actual / pace.elapsed_share;
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
