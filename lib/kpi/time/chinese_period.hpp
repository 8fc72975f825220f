// SPDX-License-Identifier: MIT
// Periods as Chinese users type them on the command line: 2025年6月, 2025年第2季度, 2025年, and
// the relative 本月, 上月, 本季度, 上季度, 今年, 去年.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "kpi/time/calendar.hpp"
#include "kpi/time/period.hpp"

namespace kpi::time {

/// The fixed Chinese forms, each the period its ISO-like form names in `calendar`:
///   2025年6月, 2025年06月                          the month      (2025-06)
///   2025年第2季度, 2025年2季度, 2025年第2季, 2025年Q2  the quarter    (2025-Q2)
///   2025年上半年, 2025年下半年                        the half-year  (2025-H1, 2025-H2)
///   2025年, 2025年度                                 the year       (2025)
/// None when `text` is none of these, or names no month or quarter (2025年13月, 2025年第5季度).
std::optional<Period> parse_chinese_period(std::string_view text, const Calendar& calendar);

/// A Chinese relative word with the English word --period also takes: 今天 today, 昨天
/// yesterday, 本周 this-week, 上周 last-week, 本月 this-month, 上月 last-month, 本季度
/// this-quarter, 上季度 last-quarter, 今年 this-year, 去年 last-year.
struct ChineseRelativeWord {
  std::string_view chinese;
  std::string_view english;
};
std::span<const ChineseRelativeWord> chinese_relative_words();

}  // namespace kpi::time
