// SPDX-License-Identifier: MIT
// Roll-up (docs/hierarchy.md): the 下级 line of a scorecard is the mean of its children's
// totals, and counts in the scorecard's total with the 下级 row's weight like a KPI line.
#pragma once

#include <optional>
#include <vector>

#include "kpi/score/scoring.hpp"

namespace kpi::score {

/// The 下级 line's score: its points are the mean of the children's totals that exist (each
/// child counts the same; a child without a total is left out and the note says so), status
/// Scored; none of them: no points, status NoValue. No achievement: it has no target.
KpiScore children_score(const std::vector<std::optional<long double>>& child_totals);

}  // namespace kpi::score
