// SPDX-License-Identifier: MIT
#include "kpi/time/period_sequence.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "kpi/core/diagnostic.hpp"

namespace kpi::time {
namespace {

constexpr std::array<std::pair<std::string_view, PeriodKind>, 7> kSteps = {{
    {"day", PeriodKind::Day},
    {"week", PeriodKind::Week},
    {"half-month", PeriodKind::HalfMonth},
    {"month", PeriodKind::Month},
    {"quarter", PeriodKind::Quarter},
    {"half-year", PeriodKind::HalfYear},
    {"year", PeriodKind::Year},
}};

constexpr std::array<std::string_view, 7> kStepNames = {
    kSteps[0].first, kSteps[1].first, kSteps[2].first, kSteps[3].first,
    kSteps[4].first, kSteps[5].first, kSteps[6].first};

[[noreturn]] void fail(std::string message) {
  throw Error({"usage.period", std::move(message), {}});
}

}  // namespace

std::span<const std::string_view> step_names() { return kStepNames; }

std::optional<PeriodKind> find_step(std::string_view name) {
  const auto found = std::find_if(kSteps.begin(), kSteps.end(),
                                  [&](const auto& step) { return step.first == name; });
  return found == kSteps.end() ? std::nullopt : std::optional(found->second);
}

std::string_view step_name(PeriodKind kind) {
  const auto found = std::find_if(kSteps.begin(), kSteps.end(),
                                  [&](const auto& step) { return step.second == kind; });
  return found == kSteps.end() ? std::string_view() : found->first;
}

PeriodKind default_step(const Period& from) {
  return from.kind == PeriodKind::Range ? PeriodKind::Month : from.kind;
}

std::vector<Period> period_sequence(const Period& from, const Period& to, PeriodKind kind,
                                    const Calendar& calendar) {
  if (kind == PeriodKind::Range) {
    fail(
        "a sequence of periods steps by a day, week, half-month, month, quarter, half-year or "
        "year, not by a date range");
  }
  if (reaches_back_to_start(from) || runs_on_to_end(to)) {
    fail(fmt::format("--from {} --to {}: a sequence needs a first and a last day", from.label,
                     to.label));
  }
  if (from.first_day > to.last_day) {
    fail(fmt::format("--from {} starts after --to {} ends: give the earlier period to --from",
                     from.label, to.label));
  }
  std::vector<Period> periods;
  for (Period next = period_containing(kind, from.first_day, calendar);;
       next = period_containing(kind, next.last_day + 1, calendar)) {
    if (periods.size() == kMaxSequencePeriods) {
      // Count the rest by stepping on: exact, and at most a few thousand steps.
      std::size_t count = periods.size();
      for (; next.first_day <= to.last_day;
           next = period_containing(kind, next.last_day + 1, calendar)) {
        ++count;
      }
      fail(
          fmt::format("--from {} --to {} by {} is {} periods; at most {} fit in one run: "
                      "shorten the range or step by a longer period (--every)",
                      from.label, to.label, step_name(kind), count, kMaxSequencePeriods));
    }
    periods.push_back(next);
    if (next.last_day >= to.last_day) {
      return periods;
    }
  }
}

}  // namespace kpi::time
