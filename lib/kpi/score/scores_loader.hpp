// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/library/ratings.hpp"
#include "kpi/score/plan_loader.hpp"

namespace kpi::score {

/// A hand-given score (0–100) of a qualitative KPI (上级评价, 团队协作) for one period.
struct ManualScore {
  std::string scorecard;
  std::string entity;   ///< "" for the whole scorecard
  std::string kpi;      ///< KPI id
  time::Period period;  ///< read at load (see time::parse_written_period)
  long double points = 0;
  std::string rater;  ///< the rater kind (自评, 上级, 同事, 下级); "" without one
  SourceLocation where;
};

/// Reads a scores CSV with columns 部门/岗位 (scorecard), 对象 (entity, optional), KPI,
/// 期间 (period) and 得分 (score; also 分数, 评分, score), Chinese or English as the plan's.
/// KPIs are ids or display names of qualitative KPIs. Throws kpi::Error ("plan.invalid",
/// exit code 3) located at the first bad cell: an unknown or non-qualitative KPI, a score that
/// is not a number from 0 to 100, a 期间 that is empty or not a period of `calendar`, a
/// duplicate row.
///
/// An optional rater column (评价关系, 评价类型, 评分类型, 评分人类型, rater kind, rater) names
/// each row's rater kind (see library::rater_kind); rows with a kind may score one KPI several
/// times (three 同事), combined by combine_scores. A score cell may be a grade word (优, 良,
/// A, B…), worth the points of `ratings` or of the default table.
std::vector<ManualScore> load_scores(const std::string& path, std::span<const KpiInfo> kpis,
                                     const time::Calendar& calendar = {},
                                     const library::Ratings* ratings = nullptr);

/// Several raters' scores of one KPI, combined.
struct CombinedScore {
  std::optional<long double> points;  ///< none: no score at all
  /// The raters that count ("自评 80.0, 上级 90.0, 同事 85.0 (2)") and, with weights, the
  /// kinds that gave none; "" for a single score without a rater kind.
  std::string note;
  std::vector<std::string> missing;  ///< rater kinds with a weight but no score
};

/// The score of this scorecard, entity, KPI and period: the one row without a rater kind, or
/// the raters' combination. With `ratings` weights, each kind's mean counts with its weight
/// (kinds without a score left out and the others scaled to 100; a kind without a weight is
/// left out); without, the plain mean of every rater's score.
CombinedScore combine_scores(const std::vector<ManualScore>& scores, const std::string& scorecard,
                             const std::string& entity, const std::string& kpi,
                             const time::Period& period, const library::Ratings* ratings);

/// The score given for this scorecard, entity, KPI and period (the same days), if any.
std::optional<long double> find_score(const std::vector<ManualScore>& scores,
                                      const std::string& scorecard, const std::string& entity,
                                      const std::string& kpi, const time::Period& period);

}  // namespace kpi::score
