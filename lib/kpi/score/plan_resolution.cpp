// SPDX-License-Identifier: MIT
#include "kpi/score/plan_resolution.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>
#include <utility>

#include "kpi/time/written_period.hpp"

namespace kpi::score {
namespace {

// How long a period is, to tell whether a cycle is longer than the reported period.
int length_rank(time::PeriodKind kind) {
  switch (kind) {
    case time::PeriodKind::Day:
      return 0;
    case time::PeriodKind::Week:
      return 1;
    case time::PeriodKind::HalfMonth:
      return 2;
    case time::PeriodKind::Month:
    case time::PeriodKind::Range:
      return 3;
    case time::PeriodKind::Quarter:
      return 4;
    case time::PeriodKind::HalfYear:
      return 5;
    case time::PeriodKind::Year:
      return 6;
  }
  return 3;
}

time::PeriodKind cycle_kind(Cycle cycle) {
  switch (cycle) {
    case Cycle::HalfMonthly:
      return time::PeriodKind::HalfMonth;
    case Cycle::Monthly:
      return time::PeriodKind::Month;
    case Cycle::Quarterly:
      return time::PeriodKind::Quarter;
    case Cycle::HalfYearly:
      return time::PeriodKind::HalfYear;
    case Cycle::Yearly:
      return time::PeriodKind::Year;
  }
  return time::PeriodKind::Month;
}

}  // namespace

CyclePeriod cycle_period(const time::Period& period, Cycle cycle, const time::Calendar& calendar) {
  const time::PeriodKind kind = cycle_kind(cycle);
  if (length_rank(kind) <= length_rank(period.kind)) {
    return {period, period, false};
  }
  const time::Period whole = time::period_containing(kind, period.last_day, calendar);
  if (whole.last_day <= period.last_day) {
    return {whole, whole, false};
  }
  time::Period to_date = time::range_period(whole.first_day, period.last_day);
  to_date.label = fmt::format("{} to date", whole.label);
  return {to_date, whole, true};
}

std::optional<long double> relative_change(std::optional<long double> now,
                                           std::optional<long double> then) {
  if (!now || !then || *then == 0) {
    return std::nullopt;
  }
  return (*now - *then) / std::fabs(*then);
}

PlanResolution::PlanResolution(const Plan& plan, const time::Period& period,
                               const std::array<CyclePeriod, kCycleCount>& cycles)
    : plan_(plan), period_(period), cycles_(cycles) {}

bool PlanResolution::applies(const PlanRow& row) const {
  return !row.period || time::same_days(*row.period, period_) ||
         time::same_days(*row.period, cycles_[static_cast<std::size_t>(row.cycle)].whole);
}

bool PlanResolution::matches(const PlanRow& row, const ScorecardKey& scorecard) {
  const auto& [name, entity] = scorecard;
  return row.scorecard == name &&
         (row.entity == entity || (row.entity == kEachEntity && !entity.empty()));
}

bool PlanResolution::is_overridden(const PlanRow& row, const std::string& entity) const {
  const auto specificity = [&](const PlanRow& candidate) {
    return (candidate.entity == entity ? 2 : 0) + (candidate.period ? 1 : 0);
  };
  return std::any_of(plan_.rows.begin(), plan_.rows.end(), [&](const PlanRow& other) {
    return &other != &row && other.kpi == row.kpi && matches(other, {row.scorecard, entity}) &&
           applies(other) && specificity(other) > specificity(row);
  });
}

std::vector<const PlanRow*> PlanResolution::rows_of(const ScorecardKey& scorecard) const {
  std::vector<const PlanRow*> rows;
  for (const PlanRow& row : plan_.rows) {
    if (matches(row, scorecard) && applies(row) && !is_overridden(row, scorecard.second)) {
      rows.push_back(&row);
    }
  }
  return rows;
}

std::vector<ScorecardKey> PlanResolution::scorecards(
    const std::function<std::vector<std::string>(const PlanRow&)>& entities_with_values) const {
  // Sets beside the lists: a linear search per key was quadratic in the entities (D11).
  std::vector<ScorecardKey> keys;
  std::set<ScorecardKey> known;
  const auto add_key = [&](ScorecardKey key) {
    if (known.insert(key).second) {
      keys.push_back(std::move(key));
    }
  };
  std::set<std::string> expanded;  // scorecards whose `each` rows have given their entities
  for (const PlanRow& row : plan_.rows) {
    if (!applies(row)) {
      continue;
    }
    if (row.entity != kEachEntity) {
      add_key({row.scorecard, row.entity});
      continue;
    }
    if (!expanded.insert(row.scorecard).second) {
      continue;  // a later `each` row of the same scorecard: its entities are in already
    }
    // Every `each` row of the scorecard contributes its entities, sorted together.
    std::vector<std::string> entities;
    std::unordered_set<std::string> seen;
    for (const PlanRow& other : plan_.rows) {
      if (other.scorecard == row.scorecard && other.entity == kEachEntity && applies(other)) {
        for (std::string& entity : entities_with_values(other)) {
          if (seen.insert(entity).second) {
            entities.push_back(std::move(entity));
          }
        }
      }
    }
    std::sort(entities.begin(), entities.end());
    for (const std::string& entity : entities) {
      add_key({row.scorecard, entity});
    }
  }
  return keys;
}

bool PlanResolution::any_applies() const {
  return std::any_of(plan_.rows.begin(), plan_.rows.end(),
                     [&](const PlanRow& row) { return applies(row); });
}

}  // namespace kpi::score
