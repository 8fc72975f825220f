// SPDX-License-Identifier: MIT
#include "kpi/time/written_period.hpp"

#include <array>
#include <cctype>
#include <string>

#include "kpi/core/diagnostic.hpp"
#include "kpi/time/text_scan.hpp"
#include "kpi/value/date_parser.hpp"

namespace kpi::time {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

using text_scan::take;
using text_scan::take_number;

std::optional<Period> month_of(int year, int month, const Calendar& calendar) {
  if (year < 1 || month < 1 || month > 12) {
    return std::nullopt;
  }
  return month_period({year, month}, calendar);
}

// 2025-6, 2025/6, 2025.6 and 2025Q2; the Chinese forms (2025年6月) are --period's.
std::optional<Period> year_first(std::string_view text, const Calendar& calendar) {
  const std::optional<int> year =
      text.size() >= 4 && is_digit(text[3]) ? take_number(text, 4) : std::nullopt;
  if (!year) {
    return std::nullopt;
  }
  if (take(text, "-") || take(text, "/") || take(text, ".")) {
    const std::optional<int> month = take_number(text, 2);
    return month && text.empty() ? month_of(*year, *month, calendar) : std::nullopt;
  }
  if (take(text, "Q") || take(text, "q")) {
    const std::optional<int> quarter = take_number(text, 1);
    if (quarter && *quarter >= 1 && *quarter <= 4 && text.empty()) {
      return quarter_period(*year, *quarter, calendar);
    }
  }
  return std::nullopt;
}

// Jun-25, Jun-2025, Jun 2025, June 2025: Excel's way of writing a month back.
std::optional<Period> month_name_first(std::string_view text, const Calendar& calendar) {
  std::size_t letters = 0;
  while (letters < text.size() && std::isalpha(static_cast<unsigned char>(text[letters]))) {
    ++letters;
  }
  if (letters < 3) {
    return std::nullopt;
  }
  std::string name(text.substr(0, letters));
  for (char& c : name) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  int month = 0;
  for (std::size_t m = 0; m < kMonthNames.size(); ++m) {
    if (kMonthNames[m].starts_with(name) && (name.size() == 3 || name == kMonthNames[m])) {
      month = static_cast<int>(m) + 1;
    }
  }
  text.remove_prefix(letters);
  if (month == 0 || !(take(text, "-") || take(text, " "))) {
    return std::nullopt;
  }
  const std::size_t digits = text.size();
  const std::optional<int> year = take_number(text, 4);
  if (!year || !text.empty() || (digits != 2 && digits != 4)) {
    return std::nullopt;
  }
  return month_of(digits == 2 ? 2000 + *year : *year, month, calendar);
}

// A date: the month when it is the month's 1st (what Excel writes for a typed month), else
// the day. ISO dates are days, and were read before this.
std::optional<Period> date_form(std::string_view text, const Calendar& calendar) {
  const DateTimeCell date = parse_date_time(text);
  if (date.status != CellStatus::Value || date.has_time) {
    return std::nullopt;
  }
  const CivilDate civil = civil_from_days(date.days);
  return civil.day == 1 ? month_of(civil.year, civil.month, calendar) : day_period(date.days);
}

}  // namespace

std::optional<Period> parse_written_period(std::string_view text, const Calendar& calendar) {
  if (text.empty()) {
    return std::nullopt;
  }
  if (is_digit(text.front())) {
    try {
      return parse_period(text, calendar, 0);
    } catch (const Error&) {
      // not one of --period's forms; try the looser ones
    }
  }
  if (auto period = year_first(text, calendar)) {
    return period;
  }
  if (auto period = month_name_first(text, calendar)) {
    return period;
  }
  return date_form(text, calendar);
}

std::string_view written_period_forms() {
  return "2025-06 (or 2025-6, 2025/6, 2025年6月, Jun-25), 2025-Q2 (or 2025年第2季度), 2025 (or "
         "2025年), 2025-W23, 2025-06-03 or 2025-06-01..2025-06-15";
}

}  // namespace kpi::time
