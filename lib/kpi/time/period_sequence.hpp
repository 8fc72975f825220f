// SPDX-License-Identifier: MIT
// A run of consecutive periods of one kind, as `kpi trend --from --to --every` and `kpi report
// --from --to` take them: one column per period.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/time/period.hpp"

namespace kpi::time {

/// The most periods one sequence may hold: each is a column of the output and a window every
/// row of the exports is checked against, so ten years of months, two of weeks or four months
/// of days, but not a year of days.
inline constexpr std::size_t kMaxSequencePeriods = 120;

/// The names --every takes, in the order messages list them: day, week, half-month, month,
/// quarter, half-year, year.
std::span<const std::string_view> step_names();

/// The kind of period --every names, or none.
std::optional<PeriodKind> find_step(std::string_view name);

/// The name --every gives `kind`: "half-month" for PeriodKind::HalfMonth; "" for a range.
std::string_view step_name(PeriodKind kind);

/// The step a sequence takes when --every is not given: the kind of `from` (a month steps by
/// months, 2025-W01 by weeks), or months for a date range.
PeriodKind default_step(const Period& from);

/// The periods of `kind` from the one that contains `from`'s first day to the one that
/// contains `to`'s last day, in order, each whole: `--from 2025-02 --to 2025-05 --every quarter`
/// gives 2025-Q1 and 2025-Q2. Periods follow the calendar (month_start_day), weeks are ISO
/// weeks. Throws kpi::Error "usage.period" when `from` starts after `to` ends, when `kind` is a
/// range, and when there would be more than kMaxSequencePeriods periods (the message says the
/// bound and how many there would be).
std::vector<Period> period_sequence(const Period& from, const Period& to, PeriodKind kind,
                                    const Calendar& calendar);

}  // namespace kpi::time
