// SPDX-License-Identifier: MIT
#include "kpi/time/calendar.hpp"

#include <algorithm>
#include <chrono>

namespace kpi::time {
namespace {

namespace chrono = std::chrono;

chrono::sys_days to_sys_days(std::int32_t day) { return chrono::sys_days(chrono::days(day)); }

std::int32_t to_day(chrono::sys_days date) {
  return static_cast<std::int32_t>(date.time_since_epoch().count());
}

chrono::year_month_day to_ymd(const CivilDate& date) {
  return chrono::year(date.year) / chrono::month(static_cast<unsigned>(date.month)) /
         chrono::day(static_cast<unsigned>(date.day));
}

chrono::year_month to_chrono(const YearMonth& month) {
  return chrono::year(month.year) / chrono::month(static_cast<unsigned>(month.month));
}

YearMonth from_chrono(const chrono::year_month& month) {
  return {static_cast<int>(month.year()), static_cast<int>(static_cast<unsigned>(month.month()))};
}

// Monday is 1, Sunday 7.
int iso_weekday(std::int32_t day) {
  return static_cast<int>(chrono::weekday(to_sys_days(day)).iso_encoding());
}

// ISO 8601 puts a week in the year of its Thursday, and week 1 is the week of January 4th.
std::int32_t monday_of_week_one(int iso_year) {
  const std::int32_t january_4 = days_from_civil({iso_year, 1, 4});
  return january_4 - (iso_weekday(january_4) - 1);
}

}  // namespace

bool is_valid_date(const CivilDate& date) { return to_ymd(date).ok(); }

std::int32_t days_from_civil(const CivilDate& date) {
  return to_day(chrono::sys_days(to_ymd(date)));
}

CivilDate civil_from_days(std::int32_t day) {
  const chrono::year_month_day date{to_sys_days(day)};
  return {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
          static_cast<int>(static_cast<unsigned>(date.day()))};
}

int days_in_month(const YearMonth& month) {
  const chrono::year_month_day_last last{to_chrono(month) / chrono::last};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

IsoWeek iso_week_of(std::int32_t day) {
  const std::int32_t thursday = day - (iso_weekday(day) - 1) + 3;
  const int iso_year = civil_from_days(thursday).year;
  return {iso_year, (day - monday_of_week_one(iso_year)) / 7 + 1};
}

int iso_weeks_in_year(int iso_year) {
  // December 28th is always in the last ISO week of its year.
  return iso_week_of(days_from_civil({iso_year, 12, 28})).week;
}

std::int32_t first_day_of_iso_week(const IsoWeek& week) {
  return monday_of_week_one(week.year) + (week.week - 1) * 7;
}

std::int32_t add_months(std::int32_t day, int months) {
  const CivilDate date = civil_from_days(day);
  const YearMonth month = add_months(YearMonth{date.year, date.month}, months);
  return days_from_civil({month.year, month.month, std::min(date.day, days_in_month(month))});
}

std::int32_t add_years(std::int32_t day, int years) { return add_months(day, years * 12); }

YearMonth add_months(const YearMonth& month, int months) {
  return from_chrono(to_chrono(month) + chrono::months(months));
}

std::int32_t assessment_month_first_day(const YearMonth& month, const Calendar& calendar) {
  if (calendar.month_start_day == 1) {
    return days_from_civil({month.year, month.month, 1});
  }
  const YearMonth month_before = add_months(month, -1);
  return days_from_civil({month_before.year, month_before.month, calendar.month_start_day});
}

std::int32_t assessment_month_last_day(const YearMonth& month, const Calendar& calendar) {
  return assessment_month_first_day(add_months(month, 1), calendar) - 1;
}

YearMonth assessment_month_of(std::int32_t day, const Calendar& calendar) {
  const CivilDate date = civil_from_days(day);
  const YearMonth calendar_month{date.year, date.month};
  // A month named after the month it ends in: days from the start day on belong to the next.
  if (calendar.month_start_day > 1 && date.day >= calendar.month_start_day) {
    return add_months(calendar_month, 1);
  }
  return calendar_month;
}

}  // namespace kpi::time
