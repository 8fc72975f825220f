// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/score/plan_loader.hpp"

namespace kpi::score {

/// A hand-given score (0–100) of a qualitative KPI (上级评价, 团队协作) for one period.
struct ManualScore {
  std::string scorecard;
  std::string entity;   ///< "" for the whole scorecard
  std::string kpi;      ///< KPI id
  time::Period period;  ///< read at load (see time::parse_written_period)
  long double points = 0;
  SourceLocation where;
};

/// Reads a scores CSV with columns 部门/岗位 (scorecard), 对象 (entity, optional), KPI,
/// 期间 (period) and 得分 (score; also 分数, 评分, score), Chinese or English as the plan's.
/// KPIs are ids or display names of qualitative KPIs. Throws kpi::Error ("plan.invalid",
/// exit code 3) located at the first bad cell: an unknown or non-qualitative KPI, a score that
/// is not a number from 0 to 100, a 期间 that is empty or not a period of `calendar`, a
/// duplicate row.
std::vector<ManualScore> load_scores(const std::string& path, std::span<const KpiInfo> kpis,
                                     const time::Calendar& calendar = {});

/// The score given for this scorecard, entity, KPI and period (the same days), if any.
std::optional<long double> find_score(const std::vector<ManualScore>& scores,
                                      const std::string& scorecard, const std::string& entity,
                                      const std::string& kpi, const time::Period& period);

}  // namespace kpi::score
