// SPDX-License-Identifier: MIT
// Which plan rows a report for one period uses: the rows of that period (or of none), the most
// precise row for each KPI of a scorecard, and the scorecards an `each` row expands to.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kpi/score/plan.hpp"
#include "kpi/time/calendar.hpp"
#include "kpi/time/period.hpp"

namespace kpi::score {

/// The 对象 that stands for every value of the breakdown.
inline constexpr std::string_view kEachEntity = "each";

/// What a KPI of one cycle is measured over in a report for a period: the period itself, or,
/// for a longer cycle, the quarter or year that contains the period's end, cut at that end
/// while it is not over ("2025-Q2 to date"); and the whole cycle period it belongs to
/// ("2025-Q2"), which plan and scores rows name.
struct CyclePeriod {
  time::Period measured;
  time::Period whole;
  bool to_date = false;  ///< measured is the whole cycle period cut at the report's end
};

CyclePeriod cycle_period(const time::Period& period, Cycle cycle, const time::Calendar& calendar);

/// (now − then) ÷ |then|: the 环比 or 同比 change; none without both values or when then is 0.
std::optional<long double> relative_change(std::optional<long double> now,
                                           std::optional<long double> then);

/// A scorecard of the report: a 部门/岗位 and an entity ("" for the whole).
using ScorecardKey = std::pair<std::string, std::string>;

/// The plan as it applies to a report for one period.
class PlanResolution {
 public:
  /// `cycles`: cycle_period of the report's period for each Cycle, in the enum's order.
  PlanResolution(const Plan& plan, const time::Period& period,
                 const std::array<CyclePeriod, kCycleCount>& cycles);

  /// A row with a 期间 applies in that period only: the reported one, or its cycle's whole
  /// period ("2025-Q2" for a quarterly KPI in a May report). A row without one always applies.
  bool applies(const PlanRow& row) const;

  /// Whether `row` is one of `scorecard`'s: the same 部门/岗位, and the same entity, or `each`
  /// for a named entity.
  static bool matches(const PlanRow& row, const ScorecardKey& scorecard);

  /// The rows that score `scorecard`, in plan order: of the rows for one KPI, the one that
  /// speaks most precisely (a named entity before `each`, a row for this period before an
  /// undated one).
  std::vector<const PlanRow*> rows_of(const ScorecardKey& scorecard) const;

  /// The scorecards, in the order the plan first names them. An `each` row expands to the
  /// entities `entities_with_values` gives for it, in sorted order and each once.
  std::vector<ScorecardKey> scorecards(
      const std::function<std::vector<std::string>(const PlanRow&)>& entities_with_values) const;

  /// Whether any row of the plan applies to the period.
  bool any_applies() const;

 private:
  bool is_overridden(const PlanRow& row, const std::string& entity) const;

  const Plan& plan_;
  time::Period period_;
  std::array<CyclePeriod, kCycleCount> cycles_;
};

}  // namespace kpi::score
