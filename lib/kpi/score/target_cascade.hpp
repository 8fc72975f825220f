// SPDX-License-Identifier: MIT
// The target cascade (指标分解) of a plan's tree, checked by `kpi check`: when a parent's children
// carry the parent's KPI, their targets must add up to the parent's (amounts and counts) or
// surround it (rates, averages and every other KPI). See docs/hierarchy.md.
#pragma once

#include <span>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/score/plan.hpp"
#include "kpi/score/plan_loader.hpp"

namespace kpi::score {

/// How far the children's sum may lie from the parent's target: 0.5 % of the parent's target.
inline constexpr long double kCascadeTolerance = 0.005L;

/// One warning (code "plan.cascade") per
/// parent row whose children do not agree with it, located at the parent's row and the target
/// column. Rows compared: a parent's whole scorecard
/// row and its children's rows of the same KPI and the same 期间, with targets; children
/// written with `each` are left out (their entities are not known before the data). A KPI that
/// adds up (KpiInfo::adds_up) is checked when every child carries it; any other when at least
/// one does: the parent's target must lie between the children's lowest and highest.
std::vector<Diagnostic> check_target_cascade(const Plan& plan, std::span<const KpiInfo> kpis);

}  // namespace kpi::score
