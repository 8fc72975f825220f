// SPDX-License-Identifier: MIT
#include "kpi/time/chinese_period.hpp"

#include "kpi/time/text_scan.hpp"

namespace kpi::time {
namespace {

constexpr ChineseRelativeWord kRelativeWords[] = {
    {"今天", "today"},          {"昨天", "yesterday"},      {"本周", "this-week"},
    {"上周", "last-week"},      {"本月", "this-month"},     {"上月", "last-month"},
    {"本季度", "this-quarter"}, {"上季度", "last-quarter"}, {"今年", "this-year"},
    {"去年", "last-year"},
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

using text_scan::take;
using text_scan::take_number;

// What follows "2025年": 6月, 第2季度, 2季度, Q2, 上半年, or nothing (the year).
std::optional<Period> after_year(int year, std::string_view text, const Calendar& calendar) {
  if (text.empty() || text == "度") {
    return year_period(year, calendar);
  }
  if (text == "上半年" || text == "下半年") {
    return half_year_period(year, text == "上半年" ? 1 : 2, calendar);
  }
  const bool ordinal = take(text, "第");                                 // 第2季度
  const bool letter = !ordinal && (take(text, "Q") || take(text, "q"));  // Q2
  const std::optional<int> number = take_number(text, 2);
  if (!number) {
    return std::nullopt;
  }
  const bool quarter = letter ? text.empty() : text == "季度" || text == "季";
  if (quarter) {
    return *number >= 1 && *number <= 4 ? std::optional(quarter_period(year, *number, calendar))
                                        : std::nullopt;
  }
  if (!ordinal && !letter && text == "月" && *number >= 1 && *number <= 12) {
    return month_period({year, *number}, calendar);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Period> parse_chinese_period(std::string_view text, const Calendar& calendar) {
  if (text.size() < 4 || !is_digit(text[3])) {
    return std::nullopt;
  }
  const std::optional<int> year = take_number(text, 4);
  if (!year || *year < 1 || !take(text, "年")) {
    return std::nullopt;
  }
  return after_year(*year, text, calendar);
}

std::span<const ChineseRelativeWord> chinese_relative_words() { return kRelativeWords; }

}  // namespace kpi::time
