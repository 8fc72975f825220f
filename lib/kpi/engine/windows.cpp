// SPDX-License-Identifier: MIT
#include "kpi/engine/windows.hpp"

#include <algorithm>

#include "kpi/engine/source_scanner.hpp"

namespace kpi::engine {
namespace {

// Before any export's first row: year -2000 or so, far inside the range of days.
constexpr std::int32_t kEarliestDay = -1'460'000;

}  // namespace

Windows::Windows(const std::vector<time::Period>& bases, time::Calendar calendar)
    : calendar_(calendar), periods_(bases), base_count_(bases.size()) {}

std::size_t Windows::index_of(std::size_t base, const std::vector<expr::Shift>& shifts) {
  const auto key = std::pair(base, shifts);
  if (const auto found = by_shifts_.find(key); found != by_shifts_.end()) {
    return found->second;
  }
  if (shifts.empty()) {
    // A requested period is its own window, even where another has the same days (a month
    // and its quarter to date in the quarter's first month): the periods before it, which
    // previous_of finds for `lost`, are those of its own kind.
    return by_shifts_[key] = base;
  }
  const time::Period period = period_after(base, shifts);
  auto same = std::find_if(periods_.begin(), periods_.end(), [&](const time::Period& known) {
    return known.first_day == period.first_day && known.last_day == period.last_day;
  });
  if (same == periods_.end()) {
    periods_.push_back(period);
    same = periods_.end() - 1;
  }
  return by_shifts_[key] = static_cast<std::size_t>(same - periods_.begin());
}

time::Period Windows::period_after(std::size_t base, const std::vector<expr::Shift>& shifts) const {
  time::Period period = periods_[base];
  for (const expr::Shift& shift : shifts) {
    period = shifted(period, shift);
  }
  return period;
}

time::Period Windows::shifted(const time::Period& period, const expr::Shift& shift) const {
  switch (shift.kind) {
    case expr::Shift::Kind::Previous:
      return time::previous_period(period, calendar_);
    case expr::Shift::Kind::LastYear:
      return time::same_period_last_year(period, calendar_);
    case expr::Shift::Kind::Rolling: {
      time::Period first = period;
      for (int step = 1; step < shift.periods; ++step) {
        first = time::previous_period(first, calendar_);
      }
      return time::range_period(first.first_day, period.last_day);
    }
    case expr::Shift::Kind::Cumulative:
      return time::range_period(kEarliestDay, period.last_day);
  }
  return period;
}

std::optional<std::size_t> Windows::previous_of(std::size_t index, int periods) const {
  time::Period previous = time::previous_period(periods_[index], calendar_);
  if (periods > 1) {
    previous = shifted(previous, expr::Shift{expr::Shift::Kind::Rolling, periods});
  }
  for (std::size_t i = 0; i < periods_.size(); ++i) {
    if (periods_[i].first_day == previous.first_day && periods_[i].last_day == previous.last_day) {
      return i;
    }
  }
  return std::nullopt;
}

void Windows::containing(std::int32_t day, std::vector<std::size_t>& out) const {
  out.clear();
  for (std::size_t i = 0; i < periods_.size(); ++i) {
    if (day == kTimeless || periods_[i].contains(day)) {
      out.push_back(i);
    }
  }
}

}  // namespace kpi::engine
