// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kpi/library/library.hpp"
#include "kpi/score/plan.hpp"
#include "kpi/score/plan_loader.hpp"
#include "kpi/score/scores_loader.hpp"

namespace kpi::app {

/// What the plan and scores loaders need to know of the library's KPIs.
std::vector<score::KpiInfo> kpi_infos(const library::Library& library);

/// The plan a run uses: `plan_path` when given; else the library's inline [plan]; else
/// plan.csv beside the library, when it exists. None when there is no plan at all. KPI areas
/// outside the library's `[areas]` weight ranges are warnings of the plan, or with `strict`
/// (--strict) a plan error.
std::optional<score::Plan> find_plan(const library::Library& library,
                                     const std::string& library_path, const std::string& plan_path,
                                     bool strict = false);

/// The scores of qualitative KPIs: `scores_path` when given, else scores.csv beside the
/// library when it exists, else none.
std::vector<score::ManualScore> find_scores(const library::Library& library,
                                            const std::string& library_path,
                                            const std::string& scores_path);

}  // namespace kpi::app
