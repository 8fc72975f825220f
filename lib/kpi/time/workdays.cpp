// SPDX-License-Identifier: MIT
#include "kpi/time/workdays.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "kpi/core/diagnostic.hpp"
#include "kpi/value/date_parser.hpp"

namespace kpi::time {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return lower;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// A day's name: mon or monday, 一 or 周一 or 星期一 (日 and 天 for Sunday).
std::optional<int> day_number(std::string_view name) {
  const std::string lower = lower_ascii(trimmed(name));
  constexpr std::array<std::string_view, 7> kFull{"monday", "tuesday",  "wednesday", "thursday",
                                                  "friday", "saturday", "sunday"};
  for (std::size_t i = 0; i < kFull.size(); ++i) {
    if (lower == kFull[i] || lower == kFull[i].substr(0, 3)) {
      return static_cast<int>(i);
    }
  }
  std::string_view chinese = trimmed(name);
  for (std::string_view prefix : {"星期", "周"}) {
    if (chinese.starts_with(prefix)) {
      chinese.remove_prefix(prefix.size());
      break;
    }
  }
  constexpr std::array<std::string_view, 7> kChinese{"一", "二", "三", "四", "五", "六", "日"};
  for (std::size_t i = 0; i < kChinese.size(); ++i) {
    if (chinese == kChinese[i]) {
      return static_cast<int>(i);
    }
  }
  if (chinese == "天") {
    return 6;
  }
  return std::nullopt;
}

}  // namespace

int weekday_of(std::int32_t day) {
  // 1970-01-01 was a Thursday (3, Monday being 0).
  return static_cast<int>(((day % 7) + 7 + 3) % 7);
}

bool Workdays::every_day() const {
  return std::all_of(week.begin(), week.end(), [](bool works) { return works; }) &&
         days_off.empty();
}

bool Workdays::is_workday(std::int32_t day) const {
  if (std::binary_search(days_off.begin(), days_off.end(), day)) {
    return false;
  }
  if (std::binary_search(days_on.begin(), days_on.end(), day)) {
    return true;
  }
  return week[static_cast<std::size_t>(weekday_of(day))];
}

std::int32_t Workdays::count(std::int32_t first, std::int32_t last) const {
  std::int32_t days = 0;
  for (std::int32_t day = first; day <= last; ++day) {
    days += is_workday(day) ? 1 : 0;
  }
  return days;
}

WorkweekParse parse_workweek(std::string_view text) {
  WorkweekParse parsed;
  const auto fail = [&](std::string_view part) {
    parsed.week = {};
    parsed.error = fmt::format(
        "workdays: \"{}\" is not a day or a range of days; write day names (mon … sun, or 一 … "
        "日) and ranges separated by commas, as \"mon-fri\", \"mon-sat\" or \"mon-fri,sun\"",
        part);
    return parsed;
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view part = trimmed(text.substr(start, comma - start));
    const std::size_t dash = part.find('-');
    const std::optional<int> from = day_number(part.substr(0, dash));
    const std::optional<int> to =
        dash == std::string_view::npos ? from : day_number(part.substr(dash + 1));
    if (!from || !to) {
      return fail(part);
    }
    // A range wraps past Sunday: "sat-mon" is Saturday, Sunday and Monday.
    for (int day = *from;; day = (day + 1) % 7) {
      parsed.week[static_cast<std::size_t>(day)] = true;
      if (day == *to) {
        break;
      }
    }
    start = comma + 1;
  }
  return parsed;
}

void read_holidays(std::string_view text, const std::string& file, Workdays& workdays) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);  // a UTF-8 BOM, as Excel saves it
  }
  std::vector<std::pair<std::int32_t, std::uint64_t>> seen;  // day, line
  std::uint64_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = trimmed(text.substr(start, end - start));
    start = end + 1;
    ++line_number;
    if (line.empty() || line.starts_with('#')) {
      continue;
    }
    const std::size_t comma = line.find(',');
    const std::string_view date = trimmed(line.substr(0, comma));
    if (seen.empty() && lower_ascii(date) == "date") {
      continue;  // the header
    }
    const auto fail = [&](std::uint64_t column, const std::string& message) {
      throw Error({"library.holidays", message, {file, line_number, column}});
    };
    const DateTimeCell cell = parse_date_time(date);
    if (cell.status != CellStatus::Value || cell.has_time) {
      fail(1, fmt::format("\"{}\" is not a date; a line is DATE,KIND[,NOTE] as "
                          "\"2025-10-01,off,国庆节\" or \"2025-09-28,work,调休上班\"",
                          date));
    }
    const std::size_t kind_end =
        comma == std::string_view::npos ? comma : line.find(',', comma + 1);
    const std::string_view kind =
        comma == std::string_view::npos
            ? std::string_view{}
            : trimmed(line.substr(comma + 1, kind_end == std::string_view::npos
                                                 ? std::string_view::npos
                                                 : kind_end - comma - 1));
    const std::string lower_kind = lower_ascii(kind);
    bool off = false;
    if (lower_kind == "off" || kind == "休") {
      off = true;
    } else if (lower_kind != "work" && kind != "班") {
      fail(2, fmt::format("the kind of day is \"{}\": write off (or 休) for a holiday, work "
                          "(or 班) for a working weekend day (调休)",
                          kind));
    }
    const auto earlier = std::find_if(seen.begin(), seen.end(),
                                      [&](const auto& entry) { return entry.first == cell.days; });
    if (earlier != seen.end()) {
      fail(1, fmt::format("{} is also on line {}: give each date once", format_date(cell.days),
                          earlier->second));
    }
    seen.emplace_back(cell.days, line_number);
    (off ? workdays.days_off : workdays.days_on).push_back(cell.days);
  }
  std::sort(workdays.days_off.begin(), workdays.days_off.end());
  std::sort(workdays.days_on.begin(), workdays.days_on.end());
}

}  // namespace kpi::time
