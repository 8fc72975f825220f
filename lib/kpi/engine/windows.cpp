// SPDX-License-Identifier: MIT
#include "kpi/engine/windows.hpp"

#include <algorithm>
#include <optional>

#include "kpi/engine/source_scanner.hpp"
#include "kpi/time/written_period.hpp"

namespace kpi::engine {
namespace {

// Before any export's first row: year -2000 or so, far inside the range of days.
constexpr std::int32_t kEarliestDay = -1'460'000;

}  // namespace

Windows::Windows(const std::vector<time::Period>& bases, time::Calendar calendar,
                 const std::vector<time::Period>& wholes)
    : calendar_(calendar), periods_(bases), wholes_(wholes), base_count_(bases.size()) {}

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
  const auto index = static_cast<std::size_t>(same - periods_.begin());
  note_previous(base, shifts, index);
  return by_shifts_[key] = index;
}

// A chain that ends in a step back (and a rolling span of the periods before) from a chain
// already known gives that one's previous periods: previous_of then finds them by the same
// steps, also for a period measured to a day, whose previous is not the days just before it.
void Windows::note_previous(std::size_t base, const std::vector<expr::Shift>& shifts,
                            std::size_t index) {
  std::size_t steps = 0;
  int periods = 1;
  if (shifts.back().kind == expr::Shift::Kind::Previous) {
    steps = 1;
  } else if (shifts.size() >= 2 && shifts.back().kind == expr::Shift::Kind::Rolling &&
             shifts[shifts.size() - 2].kind == expr::Shift::Kind::Previous) {
    steps = 2;
    periods = shifts.back().periods;
  }
  if (steps == 0) {
    return;
  }
  const std::vector<expr::Shift> before(shifts.begin(), shifts.end() - static_cast<long>(steps));
  if (const auto from = by_shifts_.find(std::pair(base, before)); from != by_shifts_.end()) {
    previous_.emplace(std::pair(from->second, periods), index);
  }
}

time::Period Windows::period_after(std::size_t base, const std::vector<expr::Shift>& shifts) const {
  time::Period period = periods_[base];
  // A base measured to a day: the whole period it is part of, shifted alongside.
  std::optional<time::Period> whole;
  if (base < wholes_.size() && !time::same_days(wholes_[base], period)) {
    whole = wholes_[base];
  }
  for (const expr::Shift& shift : shifts) {
    if (whole && shift.kind == expr::Shift::Kind::Previous) {
      const time::Period previous = shifted(*whole, shift);
      period = time::to_same_point(previous, *whole, period.last_day);
      whole = previous;
      continue;
    }
    // Last year moves the days by a year, whole or not (2025-01-01..06-30 to 2024-01-01..06-30,
    // leap day or not); rolling and cumulative windows end on the day itself.
    if (whole && shift.kind == expr::Shift::Kind::LastYear) {
      whole = shifted(*whole, shift);
    } else {
      whole.reset();
    }
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
  if (const auto noted = previous_.find(std::pair(index, periods)); noted != previous_.end()) {
    return noted->second;
  }
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

bool Windows::any_contains(std::int32_t day) const {
  return day == kTimeless ||
         std::any_of(periods_.begin(), periods_.end(),
                     [&](const time::Period& period) { return period.contains(day); });
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
