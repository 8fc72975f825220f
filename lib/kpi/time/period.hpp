// SPDX-License-Identifier: MIT
// Reporting periods: what --period names, and the periods a KPI compares against (环比, 同比).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "kpi/time/calendar.hpp"

namespace kpi::time {

/// What a period is: a day, an ISO week, a half of an assessment month (days 1–15 and the rest),
/// an assessment month, quarter, half-year or year, or a date range.
enum class PeriodKind { Day, Week, HalfMonth, Month, Quarter, HalfYear, Year, Range };

/// A span of whole days with its name.
struct Period {
  PeriodKind kind = PeriodKind::Month;
  std::int32_t first_day = 0;  ///< inclusive, days since 1970-01-01
  std::int32_t last_day = 0;   ///< inclusive
  /// "2025-06-03", "2025-W23", "2025-06", "2025-Q2", "2025" or "2025-06-01..2025-06-15"
  std::string label;
  /// Whether `day` falls within the period, both ends included.
  bool contains(std::int32_t day) const { return day >= first_day && day <= last_day; }
  friend bool operator==(const Period&, const Period&) = default;
};

/// Whether `period` reaches back to the start of all history ("all", or everything up to a
/// day): such a period has no length in days.
bool reaches_back_to_start(const Period& period);
/// Whether `period` runs on to the end of all time ("all").
bool runs_on_to_end(const Period& period);

/// The day `day`, labelled "2025-06-03".
Period day_period(std::int32_t day);
/// An ISO week, labelled "2025-W23"; the week number must exist in that ISO year.
Period week_period(const IsoWeek& week);
/// An assessment month (see Calendar), labelled "2025-06".
Period month_period(const YearMonth& month, const Calendar& calendar);
/// Quarter 1–4 of an assessment year: its months 1–3, 4–6, 7–9 or 10–12. Labelled "2025-Q2".
Period quarter_period(int year, int quarter, const Calendar& calendar);
/// Half 1 or 2 of an assessment month: its first 15 days (半月 上), and the rest. Labelled
/// "2025-06-H1".
Period half_month_period(const YearMonth& month, int half, const Calendar& calendar);
/// Half 1 or 2 of an assessment year: its months 1–6 and 7–12. Labelled "2025-H1".
Period half_year_period(int year, int half, const Calendar& calendar);
/// The assessment year: its months 1 to 12. Labelled "2025".
Period year_period(int year, const Calendar& calendar);
/// `period` up to and with `day`, a day inside it: "2025-06 to 2025-06-15" (--as-of); the period
/// itself when `day` is its last.
Period up_to(const Period& period, std::int32_t day);
/// `period` measured to the point `day` reaches in `of`, another period: as many whole months
/// and then days from the start, the days within that month (of June to the 15th, May 1–15; of
/// a quarter to 20 May, the quarter before to 20 February, and to 31 May, to 28 February; of
/// 2025 to 30 June, 2024 to 30 June); all of `period` when that point falls past its end (of
/// May to the 31st, all of April) or `day` ends `of`.
Period to_same_point(const Period& period, const Period& of, std::int32_t day);
/// The days from `first_day` to `last_day` (not before it), labelled "2025-06-01..2025-06-15".
Period range_period(std::int32_t first_day, std::int32_t last_day);

/// The fixed forms --period takes, one example of each, in the order messages list them:
/// 2025-06-03, 2025-W23, 2025-06-H1, 2025-06, 2025-Q2, 2025-H1, 2025, 2025-06-01..2025-06-15.
std::span<const std::string_view> period_examples();

/// The relative periods --period takes (today, last-month, …), in the order messages list them.
std::span<const std::string_view> relative_period_names();

/// "2025-06-03, 2025-W23, …, today, yesterday, …, last-year": every form, for a message.
std::string period_forms();

/// Parses --period: 2025-06-03, 2025-W23, 2025-06-H1 (and H2), 2025-06, 2025-Q2, 2025-H1 (and
/// H2), 2025, 2025-06-01..2025-06-15, and the
/// relative today, yesterday, this-week, last-week, this-month, last-month, this-quarter,
/// last-quarter, this-year, last-year (relative to `today`, in the calendar: with
/// month_start_day 26 and today 2025-06-27, this-month is 2025-07). The letters W and Q may also
/// be written in lower case. Throws kpi::Error with code "usage.period" and a message that quotes
/// the text and lists the accepted forms; invalid dates (2025-02-30, 2025-13, 2025-Q5, 2025-W54
/// (2025 has 52 ISO weeks), a range whose end is before its start) are errors.
///
/// Example:
///   parse_period("2025-Q2", Calendar{26}, today)  // 2025-03-26..2025-06-25, "2025-Q2"
Period parse_period(std::string_view text, const Calendar& calendar, std::int32_t today);

/// 环比: the period just before: previous day / ISO week / month / quarter / year in the
/// calendar; for a range, the range of the same length that ends the day before it starts.
Period previous_period(const Period& period, const Calendar& calendar);

/// 同比: the same period one year earlier: the same month/quarter/day of the previous year
/// (2024-02-29 → 2023-02-28), the same ISO week number in the previous ISO year (week 53 → week
/// 52 when that year has no week 53), a range with both ends shifted a year. A month, quarter or
/// year is known by the calendar month its last day falls in.
Period same_period_last_year(const Period& period, const Calendar& calendar);

/// The month / quarter / year / ISO week / day (kind) in `calendar` that contains `day`; for
/// PeriodKind::Range, the one-day range of `day`.
Period period_containing(PeriodKind kind, std::int32_t day, const Calendar& calendar);

/// The system's local date today, as days since 1970-01-01.
std::int32_t system_today();

}  // namespace kpi::time
