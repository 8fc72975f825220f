// SPDX-License-Identifier: MIT
// A period as analysts write it in a table cell (the plan's and scores' 期间 column), which is
// looser than --period: Excel rewrites a typed "2025-06" as "2025/6/1" or "Jun-25" on saving.
#pragma once

#include <optional>
#include <string_view>

#include "kpi/time/calendar.hpp"
#include "kpi/time/period.hpp"

namespace kpi::time {

/// Reads every fixed form of parse_period (2025-06-03, 2025-W23, 2025-06, 2025-Q2, 2025,
/// 2025-06-01..2025-06-15), and also:
///   2025-6, 2025/6, 2025/06, 2025.6        the month
///   2025年6月, 2025年06月                   the month
///   2025年, 2025年度                        the year
///   2025Q2, 2025年Q2, 2025年第2季度, 2025年2季度   the quarter
///   Jun-25, Jun-2025, Jun 2025, June 2025   the month (Excel's way of writing one back)
///   2025/6/1, 2025年6月1日 (not ISO)         the month when on its 1st (Excel's date for a
///                                          typed month), else that day
/// Relative words (this-month) are not periods of a table. None when `text` is none of these.
std::optional<Period> parse_written_period(std::string_view text, const Calendar& calendar);

/// The forms parse_written_period reads, for messages: "2025-06, 2025-Q2, …".
std::string_view written_period_forms();

/// Whether two periods cover the same days, whatever their kind or label ("2025-06" and
/// "2025-06-01..2025-06-30").
inline bool same_days(const Period& a, const Period& b) {
  return a.first_day == b.first_day && a.last_day == b.last_day;
}

}  // namespace kpi::time
