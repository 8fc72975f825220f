// SPDX-License-Identifier: MIT
#include "kpi/score/scores_loader.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

namespace {

const std::vector<kpi::score::KpiInfo> kKpis = {{"sales", "销售额", "money", false},
                                                {"teamwork", "团队协作", "score", true}};

std::string error_of(const std::string& csv) {
  kpi::test::TempDir dir;
  try {
    kpi::score::load_scores(dir.write("scores.csv", csv), kKpis);
  } catch (const kpi::Error& error) {
    const std::string text = error.what();
    return text.substr(text.find("scores.csv"));
  }
  return "";
}

}  // namespace

TEST_SUITE("score.scores_loader") {
  TEST_CASE("scores by scorecard, entity, KPI id or name, and period") {
    kpi::test::TempDir dir;
    const auto scores = kpi::score::load_scores(
        dir.write("scores.csv",
                  "部门/岗位,对象,KPI,期间,得分\n销售部,,团队协作,2025-06,88.5\n"
                  "门店,SH01,teamwork,2025-06,92\n"),
        kKpis);
    REQUIRE(scores.size() == 2);
    CHECK(scores[0].kpi == "teamwork");
    CHECK(scores[0].points == doctest::Approx(88.5));
    const kpi::time::Period june = kpi::time::month_period({2025, 6}, {});
    CHECK(*kpi::score::find_score(scores, "门店", "SH01", "teamwork", june) == 92);
    CHECK_FALSE(kpi::score::find_score(scores, "门店", "", "teamwork", june).has_value());
  }

  TEST_CASE("a period is read in the forms Excel writes back, and anything else is an error") {
    kpi::test::TempDir dir;
    const auto scores = kpi::score::load_scores(
        dir.write("scores.csv",
                  "部门/岗位,KPI,期间,得分\n销售部,团队协作,2025-6,80\n销售部,团队协作,Jul-25,81\n"
                  "销售部,团队协作,2025年8月,82\n销售部,团队协作,2025/9/1,83\n"),
        kKpis);
    REQUIRE(scores.size() == 4);
    CHECK(scores[0].period.label == "2025-06");
    CHECK(scores[1].period.label == "2025-07");
    CHECK(scores[2].period.label == "2025-08");
    CHECK(scores[3].period.label == "2025-09");
    CHECK(
        error_of("部门/岗位,KPI,期间,得分\n销售部,团队协作,2025-13,80\n") ==
        "scores.csv:2:3: period \"2025-13\" is not a period; write 2025-06 (or 2025-6, 2025/6, "
        "2025年6月, Jun-25), 2025-Q2 (or 2025年第2季度), 2025 (or 2025年), 2025-W23, 2025-06-03 or "
        "2025-06-01..2025-06-15");
    CHECK(error_of("部门/岗位,KPI,期间,得分\n销售部,团队协作,,80\n") ==
          "scores.csv:2:3: the period is empty: a score is for one period");
    CHECK(error_of(
              "部门/岗位,KPI,期间,得分\n销售部,团队协作,2025-06,80\n销售部,团队协作,2025-6,81\n") ==
          "scores.csv:3: duplicate score: line 2 already scores this KPI for this scorecard and "
          "period");
  }

  TEST_CASE("errors are located") {
    CHECK(error_of("部门/岗位,KPI,期间,得分\n销售部,销售额,2025-06,80\n") ==
          "scores.csv:2:2: \"销售额\" is not a qualitative KPI of the library");
    CHECK(error_of("部门/岗位,KPI,期间,得分\n销售部,团队协作,2025-06,120\n") ==
          "scores.csv:2:4: score \"120\" is not a number from 0 to 100 nor a grade (优/良/中/差, "
          "A/B/C/D or one of [ratings] points)");
    CHECK(
        error_of(
            "部门/岗位,KPI,期间,得分\n销售部,团队协作,2025-06,80\n销售部,团队协作,2025-06,81\n") ==
        "scores.csv:3: duplicate score: line 2 already scores this KPI for this scorecard and "
        "period");
    CHECK(error_of("部门/岗位,KPI,得分\n销售部,团队协作,80\n") ==
          "scores.csv:1: no 期间 column (expected one of \"期间\", \"考核期间\", \"period\"); the "
          "file has \"部门/岗位\", "
          "\"KPI\", \"得分\"");
  }

  TEST_CASE("a score written as a percentage is an error that says how to write it") {
    CHECK(error_of("部门/岗位,KPI,期间,得分\n销售部,团队协作,2025-06,85%\n") ==
          "scores.csv:2:4: score \"85%\" is a percentage; scores are points from 0 to 100: "
          "write 85, not 85%");
    CHECK(error_of("部门/岗位,KPI,期间,得分\n销售部,团队协作,2025-06,92.5 ％\n") ==
          "scores.csv:2:4: score \"92.5 ％\" is a percentage; scores are points from 0 to 100: "
          "write 92.5, not 92.5 ％");
  }

  TEST_CASE("a KPI name that two qualitative KPIs share is an error naming both") {
    const std::vector<kpi::score::KpiInfo> kpis = {{"teamwork", "协作", "score", true},
                                                   {"teamwork_2", "协作", "score", true}};
    kpi::test::TempDir dir;
    CHECK_THROWS_WITH_AS(
        kpi::score::load_scores(
            dir.write("scores.csv", "部门/岗位,KPI,期间,得分\n销售部,协作,2025-06,80\n"), kpis),
        (dir.path() + "/scores.csv:2:2: \"协作\" names 2 KPIs: \"teamwork\", \"teamwork_2\"; "
                      "write the id of the one meant")
            .c_str(),
        kpi::Error);
  }
}
