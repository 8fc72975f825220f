// SPDX-License-Identifier: MIT
// The weights of a plan: per scorecard, or across the whole plan, they add up to 100.
#pragma once

#include <cstdint>
#include <string>

#include "kpi/score/plan.hpp"

namespace kpi::score {

/// Decides the plan's WeightScope (see load_plan) and checks it: weights that do not add up to
/// 100 are a plan error located at the scorecard's first row and `weight_column` (with a hint
/// when they were written as fractions of 1). A scorecard of more than 5 KPIs is a warning in
/// Plan::warnings, located at `scorecard_column`.
void check_plan_weights(Plan& plan, std::uint64_t weight_column, std::uint64_t scorecard_column);

/// `scorecard "门店" (entity "S01", period "2025-06")`, for messages about a row's scorecard.
std::string describe_scorecard(const PlanRow& row);

/// The shortest exact text of a value read from a cell: 90, 0.3, 99.9.
std::string plain_number(long double value);

}  // namespace kpi::score
