// SPDX-License-Identifier: MIT
#include "kpi/score/unplanned_scores.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

TEST_SUITE("score.unplanned_scores") {
  TEST_CASE("scores of scorecards the plan lacks, by scorecard, with the nearest planned one") {
    kpi::test::TempDir dir;
    const std::vector<kpi::score::KpiInfo> kpis = {{"teamwork", "团队协作", "score", true}};
    const auto scores = kpi::score::load_scores(
        dir.write("scores.csv",
                  "岗位,KPI,期间,得分\n店长,teamwork,2025-06,90\n店员,teamwork,2025-06,85\n"
                  "区域经理,teamwork,2025-06,70\n店员,teamwork,2025-05,80\n"),
        kpis);
    kpi::score::Plan plan;
    plan.rows.resize(1);
    plan.rows[0].scorecard = "店长";
    plan.rows[0].kpi = "teamwork";
    const auto unplanned = kpi::score::unplanned_scores(scores, plan);
    REQUIRE(unplanned.size() == 2);
    CHECK(unplanned[0].scorecard == "店员");
    CHECK(unplanned[0].rows.size() == 2);
    CHECK(unplanned[0].nearest == "店长");
    CHECK(unplanned[1].scorecard == "区域经理");
    CHECK(unplanned[1].nearest.empty());

    const kpi::time::Period june = kpi::time::month_period({2025, 6}, {});
    const auto found = kpi::score::find_unplanned_score(unplanned, "", "teamwork", june);
    REQUIRE(found.row != nullptr);
    CHECK(found.group->scorecard == "店员");
    CHECK(found.row->where.line == 3);
    CHECK(found.row->points == 85);
    const kpi::time::Period july = kpi::time::month_period({2025, 7}, {});
    CHECK(kpi::score::find_unplanned_score(unplanned, "", "teamwork", july).row == nullptr);
    CHECK(kpi::score::find_unplanned_score(unplanned, "SH01", "teamwork", june).row == nullptr);
  }
}
