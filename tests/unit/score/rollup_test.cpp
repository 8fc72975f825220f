// SPDX-License-Identifier: MIT
#include "kpi/score/rollup.hpp"

#include <doctest/doctest.h>

#include <vector>

namespace {

using kpi::score::children_score;
using kpi::score::KpiScore;
using kpi::score::MissingValues;
using kpi::score::Status;
using kpi::score::WeightedKpi;

bool near(long double a, long double b) { return a - b < 1e-12L && b - a < 1e-12L; }

KpiScore own(long double points) {
  KpiScore score;
  score.points = points;
  score.status = Status::Met;
  return score;
}

}  // namespace

TEST_SUITE("score.rollup") {
  TEST_CASE("children only: the mean of the children's totals") {
    const KpiScore score = children_score({90.0L, 100.0L, 111.5L});
    REQUIRE(score.points);
    CHECK(near(*score.points, 100.5L));
    CHECK(score.status == Status::Scored);
    CHECK(score.note == "the mean of 3 children's totals");
    const auto total =
        kpi::score::score_scorecard({{100, score, false, "下级"}}, MissingValues::Renormalise);
    REQUIRE(total.total);
    CHECK(near(*total.total, 100.5L));
  }

  TEST_CASE("a child without a total is left out of the mean") {
    const KpiScore score = children_score({80.0L, std::nullopt, 95.0L});
    REQUIRE(score.points);
    CHECK(near(*score.points, 87.5L));
    CHECK(score.note == "the mean of 2 of 3 children's totals (1 without a total)");
    const KpiScore none = children_score({std::nullopt});
    CHECK(!none.points);
    CHECK(none.status == Status::NoValue);
    CHECK(none.note == "none of its 1 children has a total");
  }

  TEST_CASE("mix: own KPIs and the children's mean by their weights") {
    // 60 % own (88 and 104 at 30 % each) + 40 % children (mean of 90 and 100 = 95):
    // (30 × 88 + 30 × 104 + 40 × 95) ÷ 100 = 95.6
    const std::vector<WeightedKpi> lines = {
        {30, own(88), false, "sales"},
        {30, own(104), false, "margin"},
        {40, children_score({90.0L, 100.0L}), false, "下级"},
    };
    const auto total = kpi::score::score_scorecard(lines, MissingValues::Renormalise);
    REQUIRE(total.total);
    CHECK(near(*total.total, 95.6L));
  }

  TEST_CASE("own only: a scorecard without a 下级 line ignores its children") {
    const auto total = kpi::score::score_scorecard({{100, own(97.25L), false, "sales"}},
                                                   MissingValues::Renormalise);
    REQUIRE(total.total);
    CHECK(near(*total.total, 97.25L));
  }
}
