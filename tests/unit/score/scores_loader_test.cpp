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
    CHECK(*kpi::score::find_score(scores, "门店", "SH01", "teamwork", "2025-06") == 92);
    CHECK_FALSE(kpi::score::find_score(scores, "门店", "", "teamwork", "2025-06").has_value());
  }

  TEST_CASE("errors are located") {
    CHECK(error_of("部门/岗位,KPI,期间,得分\n销售部,销售额,2025-06,80\n") ==
          "scores.csv:2:2: \"销售额\" is not a qualitative KPI of the library");
    CHECK(error_of("部门/岗位,KPI,期间,得分\n销售部,团队协作,2025-06,120\n") ==
          "scores.csv:2:4: score \"120\" is not a number from 0 to 100");
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
}
