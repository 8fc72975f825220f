// SPDX-License-Identifier: MIT
// The weight ranges of KPI areas (考核维度): seed 002 gives 销售业绩 40–50 %, 渠道管理 15–20 %…
// per department; a scorecard whose areas weigh outside them is said, located at its plan row.
#pragma once

#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/library/library.hpp"
#include "kpi/score/plan.hpp"

namespace kpi::score {

/// The code of an area outside its range: a warning, an error with --strict.
inline constexpr std::string_view kAreaWeightCode = "plan.area-weight";

/// For each scorecard (same 部门/岗位, 对象 and 期间) and each area of it with a range in
/// `ranges` (the scorecard's own range first, then the one for every scorecard), the area's
/// weights added up; outside the range, a diagnostic located at the area's first row and the
/// area column, in plan order. A plan whose weights span all scorecards (WeightScope::Plan) has
/// no area weights of a scorecard to check.
std::vector<Diagnostic> check_area_weights(const Plan& plan,
                                           const std::vector<library::AreaRange>& ranges);

}  // namespace kpi::score
