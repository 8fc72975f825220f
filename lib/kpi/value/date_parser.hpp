// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/value/cell_status.hpp"

namespace kpi {

/// A calendar date and an optional time of day, as written (no time zone is applied).
struct DateTimeCell {
  CellStatus status = CellStatus::Missing;
  std::int32_t days = 0;           ///< days since 1970-01-01
  std::int32_t second_of_day = 0;  ///< 0–86399; 0 when there is no time
  bool has_time = false;
  std::string_view problem;  ///< for CellStatus::Invalid, e.g. "is not a valid date"
};

/// The problem of a cell in none of the forms parse_date_time reads without a format.
extern const std::string_view kNotADateProblem;

/// Parses 2025-06-03, 2025/6/3, 2025.06.03, 20250603 and 2025年6月3日, each optionally followed
/// by HH:MM or HH:MM:SS (after a space or an ISO 8601 "T"; fractional seconds are dropped and a
/// trailing "Z" or ±HH:MM offset is accepted and not applied). The date must exist: 2025-02-30
/// is invalid.
DateTimeCell parse_date_time(std::string_view text);

/// Parses `text` by an explicit format, for exports whose dates are not year first:
/// "%m/%d/%Y" reads 6/3/2025, "%d.%m.%y" reads 03.06.25 (years 00–68 are 20xx, 69–99 19xx).
/// %Y %y %m %d %H %M %S take numbers (1–2 digits, 4 for %Y), %% is a percent sign, and any
/// other character must match itself. The date must exist.
DateTimeCell parse_date_time(std::string_view text, std::string_view format);

/// Tells from a column's cells how its dates are written, as DuckDB's sniffer does: year first
/// (what parse_date_time reads without a format), or day first or month first in one of the
/// forms 03/06/2025, 3.6.25, 03-06-2025 (separator / . or -, a four- or two-digit year), each
/// optionally followed by HH:MM or HH:MM:SS. Day first or month first is decided only when
/// every value reads one way alone (some day above 12); when every value reads both ways, the
/// order is ambiguous.
class DateOrderSniffer {
 public:
  enum class Order { NotDates, YearFirst, DayFirst, MonthFirst, Ambiguous };

  void add(std::string_view cell);
  Order order() const;
  /// The format of a day-first or month-first column ("%d/%m/%Y"); for an ambiguous one, the
  /// day-first reading.
  std::string format() const;
  /// For an ambiguous column, the month-first reading ("%m/%d/%Y"); empty otherwise.
  std::string other_format() const;
  /// The earliest and latest value in the reading of format(), with whether any has a time.
  std::int64_t min_moment() const;
  std::int64_t max_moment() const;
  bool any_time() const;

 private:
  struct Candidate {
    std::string_view format;
    std::int64_t min = 0, max = 0;
    bool any_time = false;
  };
  const Candidate* best() const;
  bool any_value_ = false, all_year_first_ = true, any_year_first_ = false, started_ = false;
  std::vector<Candidate> candidates_;
};

/// The calendar parts of a day (days since 1970-01-01).
struct CivilParts {
  int year = 1970, month = 1, day = 1;
  int iso_weekday = 4;  ///< 1 = Monday … 7 = Sunday
};
CivilParts civil_parts(std::int32_t days);

/// "2025-06-03" for days since 1970-01-01.
std::string format_date(std::int32_t days);
/// "2025-06-03 09:05:00".
std::string format_date_time(std::int32_t days, std::int32_t second_of_day);

}  // namespace kpi
