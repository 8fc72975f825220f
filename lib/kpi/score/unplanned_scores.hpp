// SPDX-License-Identifier: MIT
// Scores that no row of the plan uses because their scorecard (部门/岗位) is not the plan's:
// a misspelt name, or a scores file shared by several plans.
#pragma once

#include <string>
#include <vector>

#include "kpi/score/plan.hpp"
#include "kpi/score/scores_loader.hpp"

namespace kpi::score {

/// The scores rows of one scorecard that `plan` does not have.
struct UnplannedScores {
  std::string scorecard;
  std::vector<const ManualScore*> rows;  ///< in file order
  std::string nearest;                   ///< the plan's scorecard closest by name, or ""
};

/// Per scorecard of `scores` that no row of `plan` names, in order of first appearance. The
/// result points into `scores`.
std::vector<UnplannedScores> unplanned_scores(const std::vector<ManualScore>& scores,
                                              const Plan& plan);

/// Of `unplanned`, the first row that scores this entity's KPI for the period (the same days),
/// with its group; null when none does.
struct UnplannedScore {
  const UnplannedScores* group = nullptr;
  const ManualScore* row = nullptr;
};
UnplannedScore find_unplanned_score(const std::vector<UnplannedScores>& unplanned,
                                    const std::string& entity, const std::string& kpi,
                                    const time::Period& period);

}  // namespace kpi::score
