// SPDX-License-Identifier: MIT
// Several raters of a qualitative KPI: the scores file's rater column, grade words and
// combine_scores.
#include <doctest/doctest.h>

#include "kpi/score/scores_loader.hpp"
#include "test_support.hpp"

namespace {

const std::vector<kpi::score::KpiInfo> kKpis = {{"teamwork", "团队协作", "score", true}};

std::vector<kpi::score::ManualScore> load(const std::string& csv,
                                          const kpi::library::Ratings* ratings = nullptr) {
  kpi::test::TempDir dir;
  return kpi::score::load_scores(dir.write("scores.csv", csv), kKpis, {}, ratings);
}

std::string error_of(const std::string& csv) {
  try {
    load(csv);
  } catch (const kpi::Error& error) {
    const std::string text = error.what();
    return text.substr(text.find("scores.csv"));
  }
  return "";
}

const kpi::time::Period kJune = kpi::time::month_period({2025, 6}, {});

kpi::library::Ratings weights_20_50_30() {
  kpi::library::Ratings ratings;
  ratings.weights = {{"自评", 20}, {"上级", 50}, {"同事", 30}};
  return ratings;
}

const std::string kTeam =
    "部门/岗位,对象,KPI,期间,评价关系,得分\n"
    "顾问,刘洋,团队协作,2025-06,自评,90\n"
    "顾问,刘洋,团队协作,2025-06,上级,78\n"
    "顾问,刘洋,团队协作,2025-06,同事,良\n"
    "顾问,刘洋,团队协作,2025-06,peer,80\n"
    "顾问,王丽,团队协作,2025-06,Self,85\n"
    "顾问,王丽,团队协作,2025-06,manager,B\n";

}  // namespace

TEST_SUITE("score.rater_scores") {
  TEST_CASE("rater kinds in Chinese and English, grade words by the default table") {
    CHECK(kpi::library::rater_kind("自评") == "自评");
    CHECK(kpi::library::rater_kind("Manager") == "上级");
    CHECK(kpi::library::rater_kind("平级") == "同事");
    CHECK(kpi::library::rater_kind("下属") == "下级");
    CHECK_FALSE(kpi::library::rater_kind("客户").has_value());
    CHECK(kpi::library::grade_points(nullptr, "优") == 95);
    CHECK(kpi::library::grade_points(nullptr, "良") == 85);
    CHECK(kpi::library::grade_points(nullptr, "中") == 75);
    CHECK(kpi::library::grade_points(nullptr, "差") == 60);
    CHECK(kpi::library::grade_points(nullptr, "C") == 75);
    kpi::library::Ratings own;
    own.points = {{"优", 100}, {"卓越", 98}};
    CHECK(kpi::library::grade_points(&own, "优") == 100);
    CHECK(kpi::library::grade_points(&own, "卓越") == 98);
    CHECK(kpi::library::grade_points(&own, "良") == 85);
    CHECK_FALSE(kpi::library::grade_points(&own, "甲").has_value());
  }

  TEST_CASE("the rater column allows several raters of a kind; grade words are points") {
    const auto scores = load(kTeam);
    REQUIRE(scores.size() == 6);
    CHECK(scores[0].rater == "自评");
    CHECK(scores[2].rater == "同事");
    CHECK(scores[2].points == 85);
    CHECK(scores[3].rater == "同事");
    CHECK(scores[5].points == 85);
  }

  TEST_CASE("with weights: each kind's mean by its weight; a missing kind is named") {
    const auto scores = load(kTeam);
    const kpi::library::Ratings ratings = weights_20_50_30();
    const auto liu =
        kpi::score::combine_scores(scores, "顾问", "刘洋", "teamwork", kJune, &ratings);
    // (20 × 90 + 50 × 78 + 30 × (85 + 80) ÷ 2) ÷ 100 = 81.75
    CHECK(*liu.points == doctest::Approx(81.75L).epsilon(1e-15));
    CHECK(liu.note ==
          "raters: 自评 90.0, 上级 78.0, 同事 82.5 (2); weighted 自评 20%, 上级 50%, 同事 30%");
    CHECK(liu.missing.empty());
    const auto wang =
        kpi::score::combine_scores(scores, "顾问", "王丽", "teamwork", kJune, &ratings);
    // (20 × 85 + 50 × 85) ÷ 70 = 85
    CHECK(*wang.points == doctest::Approx(85).epsilon(1e-15));
    CHECK(wang.missing == std::vector<std::string>{"同事"});
    CHECK(wang.note ==
          "raters: 自评 85.0, 上级 85.0; weighted 自评 20%, 上级 50%, 同事 30%; no "
          "同事 score: the others' weights scaled to 100");
  }

  TEST_CASE("without weights: the plain mean of every rater's score") {
    const auto scores = load(kTeam);
    const auto liu = kpi::score::combine_scores(scores, "顾问", "刘洋", "teamwork", kJune, nullptr);
    // (90 + 78 + 85 + 80) ÷ 4 = 83.25
    CHECK(*liu.points == doctest::Approx(83.25L).epsilon(1e-15));
    CHECK(liu.note == "raters: 自评 90.0, 上级 78.0, 同事 82.5 (2); mean of 4");
  }

  TEST_CASE("a single score without a rater kind is as before, with no note") {
    const auto scores = load("部门/岗位,KPI,期间,得分\n顾问,团队协作,2025-06,88\n");
    const auto one = kpi::score::combine_scores(scores, "顾问", "", "teamwork", kJune, nullptr);
    CHECK(*one.points == 88);
    CHECK(one.note.empty());
    CHECK_FALSE(kpi::score::combine_scores(scores, "顾问", "x", "teamwork", kJune, nullptr)
                    .points.has_value());
  }

  TEST_CASE("an unknown rater kind, an unknown grade word and a second score without a kind") {
    CHECK(error_of("部门/岗位,KPI,期间,评价关系,得分\n顾问,团队协作,2025-06,客户,80\n") ==
          "scores.csv:2:4: rater \"客户\" is not a rater kind; expected 自评/self, 上级/manager, "
          "同事/peer or 下级/subordinate");
    CHECK(error_of("部门/岗位,KPI,期间,评价关系,得分\n顾问,团队协作,2025-06,上级,甲\n") ==
          "scores.csv:2:5: score \"甲\" is not a number from 0 to 100 nor a grade (优/良/中/差, "
          "A/B/C/D or one of [ratings] points)");
    CHECK(error_of("部门/岗位,KPI,期间,评价关系,得分\n顾问,团队协作,2025-06,,80\n"
                   "顾问,团队协作,2025-06,,85\n") ==
          "scores.csv:3: duplicate score: line 2 already scores this KPI for this scorecard and "
          "period");
  }
}
