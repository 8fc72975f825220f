// SPDX-License-Identifier: MIT
#include "kpi/value/date_parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <optional>

#include "kpi/value/cell_text.hpp"
#include "kpi/value/moment.hpp"

namespace kpi {
namespace {

constexpr std::string_view kNotADate =
    "is not a date (expected e.g. 2025-06-03, 2025/6/3, 20250603 or 2025年6月3日, "
    "optionally followed by HH:MM[:SS])";
constexpr std::string_view kNoSuchDate = "is not a valid calendar date";
constexpr std::string_view kNoSuchTime = "has an invalid time of day";
constexpr std::string_view kNotInFormat = "does not match the field's date format";

constexpr std::string_view kYearMark = "\xE5\xB9\xB4";   // 年
constexpr std::string_view kMonthMark = "\xE6\x9C\x88";  // 月
constexpr std::string_view kDayMark = "\xE6\x97\xA5";    // 日

// Reads between min_digits and max_digits decimal digits from the front of `text`.
bool read_number(std::string_view& text, int min_digits, int max_digits, int& value) {
  int count = 0;
  value = 0;
  while (count < max_digits && count < static_cast<int>(text.size()) && text[count] >= '0' &&
         text[count] <= '9') {
    value = value * 10 + (text[count] - '0');
    ++count;
  }
  text.remove_prefix(static_cast<std::size_t>(count));
  return count >= min_digits;
}

bool consume(std::string_view& text, std::string_view token) {
  if (!text.starts_with(token)) {
    return false;
  }
  text.remove_prefix(token.size());
  return true;
}

struct CivilDate {
  int year = 0, month = 0, day = 0;
};

// The cell of a date and time of day, or nullopt when the date does not exist.
std::optional<DateTimeCell> cell_of(const CivilDate& civil, bool has_time, int second_of_day) {
  const std::chrono::year_month_day date{std::chrono::year(civil.year),
                                         std::chrono::month(static_cast<unsigned>(civil.month)),
                                         std::chrono::day(static_cast<unsigned>(civil.day))};
  if (!date.ok()) {
    return std::nullopt;
  }
  DateTimeCell cell;
  cell.status = CellStatus::Value;
  cell.days = static_cast<std::int32_t>(std::chrono::sys_days(date).time_since_epoch().count());
  cell.has_time = has_time;
  cell.second_of_day = second_of_day;
  return cell;
}

// Y-M-D with one of - / . as separator, 年月日, or eight digits.
bool read_date(std::string_view& text, CivilDate& date) {
  std::string_view probe = text;
  int compact = 0;
  if (read_number(probe, 8, 8, compact) && (probe.empty() || probe[0] < '0' || probe[0] > '9')) {
    date = {compact / 10000, compact / 100 % 100, compact % 100};
    text = probe;
    return true;
  }
  if (!read_number(text, 4, 4, date.year)) {
    return false;
  }
  if (consume(text, kYearMark)) {
    if (!read_number(text, 1, 2, date.month) || !consume(text, kMonthMark) ||
        !read_number(text, 1, 2, date.day)) {
      return false;
    }
    consume(text, kDayMark);  // 日 is often left out: 2025年6月3
    return true;
  }
  if (text.empty() || (text[0] != '-' && text[0] != '/' && text[0] != '.')) {
    return false;
  }
  const char separator = text[0];
  text.remove_prefix(1);
  if (!read_number(text, 1, 2, date.month) || !consume(text, std::string_view(&separator, 1))) {
    return false;
  }
  return read_number(text, 1, 2, date.day);
}

// HH:MM[:SS[.fraction]] then an optional Z or ±HH:MM.
bool read_time(std::string_view& text, int& second_of_day, std::string_view& problem) {
  int hour = 0, minute = 0, second = 0;
  if (!read_number(text, 1, 2, hour) || !consume(text, ":") || !read_number(text, 2, 2, minute)) {
    return false;
  }
  if (consume(text, ":")) {
    if (!read_number(text, 2, 2, second)) {
      return false;
    }
    if (consume(text, ".")) {
      int ignored = 0;
      if (!read_number(text, 1, 9, ignored)) {
        return false;
      }
    }
  }
  if (!consume(text, "Z") && (text.starts_with('+') || text.starts_with('-'))) {
    text.remove_prefix(1);
    int offset_hours = 0, offset_minutes = 0;
    if (!read_number(text, 2, 2, offset_hours) || !consume(text, ":") ||
        !read_number(text, 2, 2, offset_minutes)) {
      return false;
    }
  }
  if (hour > 23 || minute > 59 || second > 59) {
    problem = kNoSuchTime;
    return false;
  }
  second_of_day = hour * 3600 + minute * 60 + second;
  return true;
}

// The value of the ASCII digit at `at`, or a number above 9 for any other byte.
inline unsigned digit_at(const unsigned char* text, std::size_t at) {
  return unsigned{text[at]} - unsigned{'0'};
}

// The last YYYY-MM-DD read by position on this thread, and its day number: exports come in
// time order, so most rows repeat the day before and skip its digits and calendar arithmetic.
struct LastIsoDay {
  char text[10] = {};
  std::int32_t days = 0;
};
thread_local LastIsoDay last_iso_day;

// The day of YYYY-MM-DD at `text`; false when it is not digits in that shape or not a day.
bool iso_day(const unsigned char* text, std::int32_t& days) {
  if (std::memcmp(text, last_iso_day.text, sizeof last_iso_day.text) == 0) {
    days = last_iso_day.days;
    return true;
  }
  const unsigned y0 = digit_at(text, 0), y1 = digit_at(text, 1), y2 = digit_at(text, 2),
                 y3 = digit_at(text, 3), m0 = digit_at(text, 5), m1 = digit_at(text, 6),
                 d0 = digit_at(text, 8), d1 = digit_at(text, 9);
  // One test for all eight digits: no branch per digit.
  if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (m0 > 9) | (m1 > 9) | (d0 > 9) | (d1 > 9) |
      (text[4] != '-') | (text[7] != '-')) {
    return false;
  }
  const std::chrono::year_month_day date{
      std::chrono::year(static_cast<int>(y0 * 1000 + y1 * 100 + y2 * 10 + y3)),
      std::chrono::month(m0 * 10 + m1), std::chrono::day(d0 * 10 + d1)};
  if (!date.ok()) {
    return false;
  }
  days = static_cast<std::int32_t>(std::chrono::sys_days(date).time_since_epoch().count());
  std::memcpy(last_iso_day.text, text, sizeof last_iso_day.text);
  last_iso_day.days = days;
  return true;
}

// 2025-06-03 or 2025-06-03 14:22:05, the forms most exports write: read by position into
// `cell` (filled in place: this runs for every row). Anything else, or a date or time that
// does not exist, goes to the general parser.
bool iso_date_time(std::string_view text, DateTimeCell& cell) {
  if (text.size() != 10 && text.size() != 19) {
    return false;
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::int32_t days = 0;
  if (!iso_day(bytes, days)) {
    return false;
  }
  const bool has_time = text.size() == 19;
  unsigned second_of_day = 0;
  if (has_time) {
    const unsigned h0 = digit_at(bytes, 11), h1 = digit_at(bytes, 12), n0 = digit_at(bytes, 14),
                   n1 = digit_at(bytes, 15), s0 = digit_at(bytes, 17), s1 = digit_at(bytes, 18);
    const unsigned hour = h0 * 10 + h1, minute = n0 * 10 + n1, second = s0 * 10 + s1;
    if ((h0 > 9) | (h1 > 9) | (n0 > 9) | (n1 > 9) | (s0 > 9) | (s1 > 9) | (bytes[10] != ' ') |
        (bytes[13] != ':') | (bytes[16] != ':') | (hour > 23) | (minute > 59) | (second > 59)) {
      return false;
    }
    second_of_day = hour * 3600 + minute * 60 + second;
  }
  cell.status = CellStatus::Value;
  cell.days = days;
  cell.second_of_day = static_cast<std::int32_t>(second_of_day);
  cell.has_time = has_time;
  return true;
}

DateTimeCell invalid(std::string_view problem) {
  DateTimeCell cell;
  cell.status = CellStatus::Invalid;
  cell.problem = problem;
  return cell;
}

}  // namespace

const std::string_view kNotADateProblem = kNotADate;

DateTimeCell parse_date_time(std::string_view text) {
  if (DateTimeCell cell; iso_date_time(text, cell)) {
    return cell;
  }
  std::string_view rest = trim_cell(text);
  if (is_missing_token(rest)) {
    return DateTimeCell{};
  }
  CivilDate civil;
  if (!read_date(rest, civil)) {
    return invalid(kNotADate);
  }
  const std::chrono::year_month_day date{std::chrono::year(civil.year),
                                         std::chrono::month(static_cast<unsigned>(civil.month)),
                                         std::chrono::day(static_cast<unsigned>(civil.day))};
  DateTimeCell cell;
  if (!rest.empty()) {
    if (rest[0] != 'T' && rest[0] != ' ') {
      return invalid(kNotADate);
    }
    rest = trim_cell(rest.substr(1));
    std::string_view problem = kNotADate;
    int second_of_day = 0;
    if (!read_time(rest, second_of_day, problem) || !rest.empty()) {
      return invalid(problem);
    }
    cell.has_time = true;
    cell.second_of_day = second_of_day;
  }
  if (!date.ok()) {
    return invalid(kNoSuchDate);
  }
  cell.status = CellStatus::Value;
  cell.days = static_cast<std::int32_t>(std::chrono::sys_days(date).time_since_epoch().count());
  return cell;
}

DateTimeCell parse_date_time(std::string_view text, std::string_view format) {
  std::string_view rest = trim_cell(text);
  if (is_missing_token(rest)) {
    return DateTimeCell{};
  }
  CivilDate civil{1970, 1, 1};
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      if (!consume(rest, format.substr(i, 1))) {
        return invalid(kNotInFormat);
      }
      continue;
    }
    const char directive = format[++i];
    int value = 0;
    const bool ok = directive == '%'   ? consume(rest, "%")
                    : directive == 'Y' ? read_number(rest, 4, 4, civil.year)
                    : directive == 'y' ? read_number(rest, 2, 2, value)
                    : directive == 'm' ? read_number(rest, 1, 2, civil.month)
                    : directive == 'd' ? read_number(rest, 1, 2, civil.day)
                    : directive == 'H' ? read_number(rest, 1, 2, hour)
                    : directive == 'M' ? read_number(rest, 1, 2, minute)
                    : directive == 'S' ? read_number(rest, 1, 2, second)
                                       : false;
    if (!ok) {
      return invalid(kNotInFormat);
    }
    if (directive == 'y') {
      civil.year = value < 69 ? 2000 + value : 1900 + value;
    }
    has_time = has_time || directive == 'H' || directive == 'M' || directive == 'S';
  }
  if (!rest.empty()) {
    return invalid(kNotInFormat);
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return invalid(kNoSuchTime);
  }
  const std::optional<DateTimeCell> cell =
      cell_of(civil, has_time, hour * 3600 + minute * 60 + second);
  return cell ? *cell : invalid(kNoSuchDate);
}

namespace {

// The day-first and month-first formats DateOrderSniffer tries: 3 separators × 2 year widths
// × 3 times of day × 2 orders.
const std::vector<std::string>& order_formats() {
  static const std::vector<std::string> formats = [] {
    std::vector<std::string> all;
    for (const char separator : {'/', '.', '-'}) {
      for (const std::string_view year : {"%Y", "%y"}) {
        for (const std::string_view time : {"", " %H:%M", " %H:%M:%S"}) {
          for (const std::string_view order : {"%d{0}%m{0}", "%m{0}%d{0}"}) {
            all.push_back(fmt::format(fmt::runtime(order), separator) + std::string(year) +
                          std::string(time));
          }
        }
      }
    }
    return all;
  }();
  return formats;
}

bool is_day_first(std::string_view format) { return format.starts_with("%d"); }

}  // namespace

void DateOrderSniffer::add(std::string_view cell) {
  if (is_missing_token(trim_cell(cell))) {
    return;
  }
  any_value_ = true;
  if (all_year_first_ && parse_date_time(cell).status == CellStatus::Value) {
    any_year_first_ = true;  // and so fits no day-first or month-first format
    return;
  }
  all_year_first_ = false;
  if (!started_ && !any_year_first_) {
    started_ = true;
    for (const std::string& format : order_formats()) {
      const DateTimeCell date = parse_date_time(cell, format);
      if (date.status == CellStatus::Value) {
        const std::int64_t moment = moment_of(date.days, date.second_of_day);
        candidates_.push_back({format, moment, moment, date.has_time});
      }
    }
    return;
  }
  std::erase_if(candidates_, [&](Candidate& candidate) {
    const DateTimeCell date = parse_date_time(cell, candidate.format);
    if (date.status != CellStatus::Value) {
      return true;
    }
    const std::int64_t moment = moment_of(date.days, date.second_of_day);
    candidate.min = std::min(candidate.min, moment);
    candidate.max = std::max(candidate.max, moment);
    candidate.any_time = candidate.any_time || date.has_time;
    return false;
  });
}

DateOrderSniffer::Order DateOrderSniffer::order() const {
  if (!any_value_) {
    return Order::NotDates;
  }
  if (all_year_first_) {
    return Order::YearFirst;
  }
  const bool day_first = std::any_of(candidates_.begin(), candidates_.end(),
                                     [](const Candidate& c) { return is_day_first(c.format); });
  const bool month_first = std::any_of(candidates_.begin(), candidates_.end(),
                                       [](const Candidate& c) { return !is_day_first(c.format); });
  return day_first && month_first ? Order::Ambiguous
         : day_first              ? Order::DayFirst
         : month_first            ? Order::MonthFirst
                                  : Order::NotDates;
}

const DateOrderSniffer::Candidate* DateOrderSniffer::best() const {
  const Order found = order();
  if (found != Order::DayFirst && found != Order::MonthFirst && found != Order::Ambiguous) {
    return nullptr;
  }
  const auto day_first = std::find_if(candidates_.begin(), candidates_.end(),
                                      [](const Candidate& c) { return is_day_first(c.format); });
  return day_first != candidates_.end() ? &*day_first : &candidates_.front();
}

std::string DateOrderSniffer::format() const {
  const Candidate* candidate = best();
  return candidate ? std::string(candidate->format) : std::string();
}

std::string DateOrderSniffer::other_format() const {
  if (order() != Order::Ambiguous) {
    return {};
  }
  const auto month_first = std::find_if(candidates_.begin(), candidates_.end(),
                                        [](const Candidate& c) { return !is_day_first(c.format); });
  return std::string(month_first->format);
}

std::int64_t DateOrderSniffer::min_moment() const { return best() ? best()->min : 0; }
std::int64_t DateOrderSniffer::max_moment() const { return best() ? best()->max : 0; }
bool DateOrderSniffer::any_time() const { return best() && best()->any_time; }

CivilParts civil_parts(std::int32_t days) {
  const std::chrono::sys_days day{std::chrono::days(days)};
  const std::chrono::year_month_day date{day};
  return {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
          static_cast<int>(static_cast<unsigned>(date.day())),
          static_cast<int>(std::chrono::weekday(day).iso_encoding())};
}

std::string format_date(std::int32_t days) {
  const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(days))};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::string format_date_time(std::int32_t days, std::int32_t second_of_day) {
  return fmt::format("{} {:02}:{:02}:{:02}", format_date(days), second_of_day / 3600,
                     second_of_day / 60 % 60, second_of_day % 60);
}

}  // namespace kpi
