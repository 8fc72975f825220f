// SPDX-License-Identifier: MIT
// Date arithmetic for reporting periods. A day is a count of days since 1970-01-01, as
// kpi::parse_date_time returns it; all dates are proleptic Gregorian.
#pragma once

#include <cstdint>

namespace kpi::time {

/// How a library counts months. An assessment month may start on a day other than the 1st:
/// with month_start_day = 26, period "2025-06" runs from 2025-05-26 to 2025-06-25 (named after
/// the month it ends in); quarters and years follow the months (2025-Q2 = 2025-03-26..2025-06-25,
/// 2025 = 2024-12-26..2025-12-25). Weeks (ISO, Monday first) and days ignore it. Valid: 1..28.
struct Calendar {
  int month_start_day = 1;
};

/// The latest day of a month an assessment month may start on: every month has a 28th.
constexpr int kLatestMonthStartDay = 28;

/// Whether `calendar` can be used: month_start_day in 1..28. Every function below that takes a
/// Calendar expects a valid one; whoever reads the calendar from the user checks it.
constexpr bool is_valid(const Calendar& calendar) {
  return calendar.month_start_day >= 1 && calendar.month_start_day <= kLatestMonthStartDay;
}

/// A date as year, month (1–12) and day of the month (1–31).
struct CivilDate {
  int year = 1970;
  int month = 1;
  int day = 1;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

/// A month by year and number (1–12): a calendar month, or an assessment month by the name of
/// the calendar month it ends in.
struct YearMonth {
  int year = 1970;
  int month = 1;
  friend bool operator==(const YearMonth&, const YearMonth&) = default;
};

/// An ISO 8601 week: Monday to Sunday, numbered 1–53 within its ISO year, which is the year of
/// its Thursday (so 2024-12-30 is in 2025-W01 and 2021-01-03 in 2020-W53).
struct IsoWeek {
  int year = 1970;
  int week = 1;
  friend bool operator==(const IsoWeek&, const IsoWeek&) = default;
};

/// Whether the date exists: 2024-02-29 does, 2025-02-29 and 2025-13-01 do not.
bool is_valid_date(const CivilDate& date);

/// Days since 1970-01-01 of an existing date (see is_valid_date).
std::int32_t days_from_civil(const CivilDate& date);

/// The date of a day since 1970-01-01.
CivilDate civil_from_days(std::int32_t day);

/// The number of days in a calendar month: 29 for 2024-02, 28 for 2025-02.
int days_in_month(const YearMonth& month);

/// The ISO week a day falls in.
IsoWeek iso_week_of(std::int32_t day);

/// How many ISO weeks an ISO year has: 52, or 53 when it starts or (in a leap year) ends on a
/// Thursday, as 2020 and 2026 do.
int iso_weeks_in_year(int iso_year);

/// The Monday of an ISO week; the week number must be within iso_weeks_in_year.
std::int32_t first_day_of_iso_week(const IsoWeek& week);

/// The same day of the month `months` months later (earlier when negative), moved back to the
/// last day of the month when that month is shorter: 2025-01-31 plus one month is 2025-02-28.
std::int32_t add_months(std::int32_t day, int months);

/// The same day `years` years later (earlier when negative); 2024-02-29 minus one year is
/// 2023-02-28.
std::int32_t add_years(std::int32_t day, int years);

/// The month `months` months after `month` (before it when negative).
YearMonth add_months(const YearMonth& month, int months);

/// The first day of an assessment month: the 1st of the calendar month, or with
/// month_start_day = 26 the 26th of the calendar month before (2025-06 starts on 2025-05-26).
std::int32_t assessment_month_first_day(const YearMonth& month, const Calendar& calendar);

/// The last day of an assessment month: the day before the next one starts.
std::int32_t assessment_month_last_day(const YearMonth& month, const Calendar& calendar);

/// The assessment month a day falls in: with month_start_day = 26, 2025-06-26 is in 2025-07.
YearMonth assessment_month_of(std::int32_t day, const Calendar& calendar);

}  // namespace kpi::time
