// SPDX-License-Identifier: MIT
#include "kpi/score/unplanned_scores.hpp"

#include <algorithm>
#include <map>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/time/written_period.hpp"

namespace kpi::score {

std::vector<UnplannedScores> unplanned_scores(const std::vector<ManualScore>& scores,
                                              const Plan& plan) {
  std::vector<std::string> planned;
  for (const PlanRow& row : plan.rows) {
    if (std::find(planned.begin(), planned.end(), row.scorecard) == planned.end()) {
      planned.push_back(row.scorecard);
    }
  }
  std::vector<UnplannedScores> unplanned;
  std::map<std::string, std::size_t> index;  // scorecard → its place in `unplanned`
  for (const ManualScore& score : scores) {
    if (std::find(planned.begin(), planned.end(), score.scorecard) != planned.end()) {
      continue;
    }
    const auto [at, added] = index.try_emplace(score.scorecard, unplanned.size());
    if (added) {
      unplanned.push_back({score.scorecard, {}, closest_match(score.scorecard, planned)});
    }
    unplanned[at->second].rows.push_back(&score);
  }
  return unplanned;
}

UnplannedScore find_unplanned_score(const std::vector<UnplannedScores>& unplanned,
                                    const std::string& entity, const std::string& kpi,
                                    const time::Period& period) {
  for (const UnplannedScores& group : unplanned) {
    for (const ManualScore* row : group.rows) {
      if (row->entity == entity && row->kpi == kpi && time::same_days(row->period, period)) {
        return {&group, row};
      }
    }
  }
  return {};
}

}  // namespace kpi::score
