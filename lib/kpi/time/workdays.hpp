// SPDX-License-Identifier: MIT
// Working days (工作日): the days of the week a business works, and the days a holidays file
// takes off or puts on (法定节假日 and 调休: Chinese holidays are announced each year, so they
// come from the user's file, not from kpi).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::time {

/// Which days count as working days when a period's elapsed share is counted.
struct Workdays {
  /// Monday first: week[0] is Monday, week[6] Sunday. Every day by default.
  std::array<bool, 7> week{true, true, true, true, true, true, true};
  std::vector<std::int32_t> days_off;  ///< sorted: holidays on days the week would work
  std::vector<std::int32_t> days_on;   ///< sorted: days worked the week would rest (调休)

  /// Whether every day is a working day: the elapsed share is then by calendar days.
  bool every_day() const;
  /// Whether `day` (days since 1970-01-01) is a working day: an entry of the holidays file
  /// decides, else the day of the week.
  bool is_workday(std::int32_t day) const;
  /// The working days from `first` to `last`, both included (0 when last < first).
  std::int32_t count(std::int32_t first, std::int32_t last) const;
};

/// The day of the week of a day since 1970-01-01: 0 for Monday to 6 for Sunday.
int weekday_of(std::int32_t day);

/// Reads `workdays = "…"`: day names (mon tue wed thu fri sat sun, or 一 二 三 四 五 六 日/天,
/// 周一 …) and ranges of them ("mon-fri", "mon-sat", "sun-thu"), separated by commas:
/// "mon-fri,sun". Empty on a text it cannot read; the message says what it expected.
struct WorkweekParse {
  std::array<bool, 7> week{};
  std::string error;  ///< "" when read
};
WorkweekParse parse_workweek(std::string_view text);

/// Reads a holidays file into `workdays`: one line per day, `DATE,KIND[,NOTE]`, KIND `off` (or
/// 休) for a holiday, `work` (or 班) for a working weekend day (调休); lines starting with `#`
/// and blank lines are skipped, and a first line `date,kind…` is a header. Throws kpi::Error
/// "library.holidays" naming file:line:column on anything else, and on a date given twice.
void read_holidays(std::string_view text, const std::string& file, Workdays& workdays);

}  // namespace kpi::time
