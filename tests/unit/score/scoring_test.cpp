// SPDX-License-Identifier: MIT
#include "kpi/score/scoring.hpp"

#include <doctest/doctest.h>

namespace {

using kpi::library::Direction;
using kpi::score::KpiScore;
using kpi::score::PlanRow;
using kpi::score::ScoringOptions;
using kpi::score::ScoringRule;
using kpi::score::Status;

PlanRow row(long double target, std::optional<ScoringRule> rule = std::nullopt) {
  PlanRow plan_row;
  plan_row.target = kpi::score::Target{target, false, ""};
  plan_row.rule = rule;
  return plan_row;
}

KpiScore score(long double actual, const PlanRow& plan_row,
               Direction direction = Direction::HigherIsBetter, ScoringOptions options = {}) {
  return kpi::score::score_kpi(actual, plan_row, direction, options);
}

ScoringRule rule_of(ScoringRule::Kind kind) {
  ScoringRule rule;
  rule.kind = kind;
  return rule;
}

}  // namespace

TEST_SUITE("score.scoring") {
  TEST_CASE("higher is better: capped ratio at 120 % by default, status by thresholds") {
    const KpiScore met = score(96000, row(80000));
    CHECK(*met.achievement == doctest::Approx(1.2));
    CHECK(*met.points == doctest::Approx(120));
    CHECK(met.status == Status::Met);
    CHECK(*score(200000, row(80000)).points == doctest::Approx(120));  // capped
    const KpiScore at_risk = score(72000, row(80000));
    CHECK(*at_risk.points == doctest::Approx(90));
    CHECK(at_risk.status == Status::AtRisk);
    CHECK(score(71999, row(80000)).status == Status::Missed);
  }

  TEST_CASE("lower is better: target ÷ actual, or 2 − actual ÷ target") {
    const KpiScore inverse = score(4, row(5), Direction::LowerIsBetter);
    CHECK(*inverse.achievement == doctest::Approx(1.25));
    CHECK(*inverse.points == doctest::Approx(120));
    ScoringOptions options;
    options.inverse = kpi::score::InverseAchievement::TwoMinusRatio;
    CHECK(*score(6, row(5), Direction::LowerIsBetter, options).achievement == doctest::Approx(0.8));
    const KpiScore zero = score(0, row(5), Direction::LowerIsBetter);
    CHECK(*zero.points == doctest::Approx(120));
    CHECK(zero.note == "actual is 0 or below on a lower-is-better KPI: full marks");
  }

  TEST_CASE("zero and negative targets are scored pass/fail, never as a ratio") {
    const KpiScore zero = score(3, row(0), Direction::LowerIsBetter);
    CHECK_FALSE(zero.achievement.has_value());
    CHECK(*zero.points == 0);
    CHECK(zero.status == Status::Missed);
    CHECK(zero.note == "target is 0: no ratio, scored pass/fail");
    const KpiScore negative = score(-50, row(-100));
    CHECK(*negative.points == 100);
    CHECK(negative.note == "target is negative: no ratio, scored pass/fail");
  }

  TEST_CASE("no value and no target give no points") {
    const KpiScore none =
        kpi::score::score_kpi(std::nullopt, row(10), Direction::HigherIsBetter, {});
    CHECK_FALSE(none.points.has_value());
    CHECK(none.status == Status::NoValue);
    CHECK(none.note == "no value");
  }

  TEST_CASE("negative actuals score 0 points, not negative ones") {
    const KpiScore refunds = score(-100, row(1000));
    CHECK(*refunds.achievement == doctest::Approx(-0.1));
    CHECK(*refunds.points == 0);
  }

  TEST_CASE("floor, linear, bands and pass/fail rules") {
    ScoringRule floor = rule_of(ScoringRule::Kind::Floor);
    floor.threshold = 0.6;
    CHECK(*score(59, row(100, floor)).points == 0);
    CHECK(*score(60, row(100, floor)).points == doctest::Approx(60));
    ScoringRule linear = rule_of(ScoringRule::Kind::Linear);
    linear.from = 0.6;
    linear.to = 1.0;
    CHECK(*score(80, row(100, linear)).points == doctest::Approx(50));
    CHECK(*score(130, row(100, linear)).points == doctest::Approx(100));
    ScoringRule bands = rule_of(ScoringRule::Kind::Bands);
    bands.bands = {{1.0, 100}, {0.9, 80}, {0.8, 60}};
    CHECK(*score(95, row(100, bands)).points == doctest::Approx(80));
    CHECK(*score(79, row(100, bands)).points == 0);
    CHECK(*score(99, row(100, rule_of(ScoringRule::Kind::PassFail))).points == 0);
    CHECK(*score(100, row(100, rule_of(ScoringRule::Kind::PassFail))).points == 100);
  }

  TEST_CASE("two-tier targets: 60 at the base, 100 at the target, the cap at the stretch") {
    PlanRow tiers = row(100);
    tiers.base = kpi::score::Target{80, false, "80"};
    tiers.stretch = kpi::score::Target{150, false, "150"};
    CHECK(*score(79, tiers).points == 0);
    CHECK(*score(80, tiers).points == doctest::Approx(60));
    CHECK(*score(90, tiers).points == doctest::Approx(80));
    CHECK(*score(100, tiers).points == doctest::Approx(100));
    CHECK(*score(125, tiers).points == doctest::Approx(110));
    CHECK(*score(200, tiers).points == doctest::Approx(120));
  }

  TEST_CASE("weighted total, renormalised or zero for missing values") {
    using kpi::score::WeightedKpi;
    const auto with_points = [](long double weight, std::optional<long double> points) {
      WeightedKpi kpi;
      kpi.weight = weight;
      kpi.score.points = points;
      kpi.score.status = points ? Status::Met : Status::NoValue;
      kpi.kpi_name = "k";
      return kpi;
    };
    const std::vector<WeightedKpi> kpis = {with_points(50, 100), with_points(30, 80),
                                           with_points(20, std::nullopt)};
    const auto renormalised =
        kpi::score::score_scorecard(kpis, kpi::score::MissingValues::Renormalise);
    CHECK(*renormalised.total == doctest::Approx(92.5));  // (5000 + 2400) / 80
    CHECK(renormalised.notes ==
          std::vector<std::string>{"k has no value: left out, other weights scaled to 100"});
    const auto zero = kpi::score::score_scorecard(kpis, kpi::score::MissingValues::ScoreZero);
    CHECK(*zero.total == doctest::Approx(74));
  }

  TEST_CASE("a missed veto KPI zeroes the scorecard and says why") {
    kpi::score::WeightedKpi good{80, {1.0L, 100.0L, Status::Met, ""}, false, "销售额"};
    kpi::score::WeightedKpi veto{20, {0.5L, 0.0L, Status::Missed, ""}, true, "安全事故"};
    const auto result =
        kpi::score::score_scorecard({good, veto}, kpi::score::MissingValues::Renormalise);
    CHECK(*result.total == 0);
    CHECK(result.vetoed);
    CHECK(result.notes == std::vector<std::string>{"一票否决 veto: 安全事故 was missed"});
  }

  TEST_CASE("a hand-given score stands against the plan's target, or is only scored") {
    const KpiScore against_85 = kpi::score::manual_score(88.0L, 85.0L, {});
    CHECK(*against_85.points == 88);
    CHECK(*against_85.achievement == doctest::Approx(88.0L / 85));
    CHECK(against_85.status == Status::Met);
    CHECK(kpi::score::manual_score(80.0L, 85.0L, {}).status == Status::AtRisk);
    CHECK(kpi::score::manual_score(70.0L, 85.0L, {}).status == Status::Missed);
    const KpiScore no_target = kpi::score::manual_score(88.0L, std::nullopt, {});
    CHECK(*no_target.points == 88);
    CHECK_FALSE(no_target.achievement.has_value());
    CHECK(no_target.status == Status::Scored);
    CHECK(kpi::score::status_name(no_target.status) == "scored");
    const KpiScore none = kpi::score::manual_score(std::nullopt, 85.0L, {});
    CHECK(none.status == Status::NoValue);
    CHECK(none.note == "no score in the scores file");
  }

  TEST_CASE("a veto KPI scored without a target is not a miss") {
    kpi::score::WeightedKpi good{80, {1.0L, 100.0L, Status::Met, ""}, false, "销售额"};
    kpi::score::WeightedKpi scored{20, {std::nullopt, 60.0L, Status::Scored, ""}, true, "团队协作"};
    const auto result =
        kpi::score::score_scorecard({good, scored}, kpi::score::MissingValues::Renormalise);
    CHECK(*result.total == doctest::Approx(92));
    CHECK_FALSE(result.vetoed);
    CHECK(result.notes.empty());
  }

  TEST_CASE("score steps: the capped ratio's arithmetic, ending in score_kpi's points") {
    const auto steps = kpi::score::score_steps(42866.3L, row(80000), Direction::HigherIsBetter, {});
    CHECK(steps.score.points == score(42866.3L, row(80000)).points);
    REQUIRE(steps.steps.size() == 3);
    CHECK(steps.steps[0] == "achievement = actual ÷ target = 42866.3 ÷ 80000 = 0.535829");
    CHECK(steps.steps[1] ==
          "points = 100 × min(achievement, cap 120 %) = 100 × min(0.535829, 1.2) = 53.582875");
    CHECK(steps.steps[2] == "status = missed (achievement below 90 %)");
  }

  TEST_CASE("score steps: lower is better, floor, linear, bands and pass/fail") {
    auto steps = kpi::score::score_steps(4, row(5), Direction::LowerIsBetter, {});
    CHECK(steps.steps[0] == "achievement = target ÷ actual (lower is better) = 5 ÷ 4 = 1.25");
    CHECK(steps.steps[1] ==
          "points = 100 × min(achievement, cap 120 %) = 100 × min(1.25, 1.2) = 120");
    CHECK(steps.steps[2] == "status = met (achievement ≥ 100 %)");
    ScoringRule floor = rule_of(ScoringRule::Kind::Floor);
    floor.threshold = 0.6L;
    floor.cap = 1.1L;
    steps = kpi::score::score_steps(50, row(100, floor), Direction::HigherIsBetter, {});
    CHECK(steps.steps[1] == "points = 0: achievement 0.5 is below the floor 60 %");
    CHECK(*steps.score.points == 0);
    ScoringRule linear = rule_of(ScoringRule::Kind::Linear);
    linear.from = 0.6L;
    linear.to = 1;
    steps = kpi::score::score_steps(80, row(100, linear), Direction::HigherIsBetter, {});
    CHECK(
        steps.steps[1] ==
        "points = 100 × (achievement − 0.6) ÷ (1 − 0.6), from 0 to 100 (linear 60 %..100 %) = 50");
    CHECK(*steps.score.points == doctest::Approx(50));
    ScoringRule bands = rule_of(ScoringRule::Kind::Bands);
    bands.bands = {{1, 100}, {0.9L, 80}};
    steps = kpi::score::score_steps(92, row(100, bands), Direction::HigherIsBetter, {});
    CHECK(steps.steps[1] == "points = 80: achievement 0.92 reaches the band 90 %");
    CHECK(steps.steps[2] == "status = at risk (achievement from 90 % to 100 %)");
    steps = kpi::score::score_steps(99, row(100, rule_of(ScoringRule::Kind::PassFail)),
                                    Direction::HigherIsBetter, {});
    CHECK(steps.steps[1] == "points = 0 (pass/fail: achievement 0.99 < 100 %)");
  }

  TEST_CASE("score steps: a zero target, two tiers, and no value") {
    auto steps = kpi::score::score_steps(0, row(0), Direction::LowerIsBetter, {});
    CHECK(steps.steps ==
          std::vector<std::string>{
              "target 0 is not above 0: no ratio; pass/fail: actual 0 ≤ target → 100 points"});
    PlanRow tiers = row(100);
    tiers.base = kpi::score::Target{80, false, "80"};
    tiers.stretch = kpi::score::Target{120, false, "120"};
    steps = kpi::score::score_steps(90, tiers, Direction::HigherIsBetter, {});
    CHECK(steps.steps[1] ==
          "points on the two tiers (0 below 保底 80, 60 at it, 100 at the target, 120 at 挑战 "
          "120), in straight lines = 80");
    CHECK(steps.score.points == score(90, tiers).points);
    steps = kpi::score::score_steps(std::nullopt, row(100), Direction::HigherIsBetter, {});
    CHECK(steps.steps == std::vector<std::string>{"no points: no value"});
  }
}

TEST_SUITE("score.scoring.deduct") {
  ScoringRule deduct(long double per, long double least = 0) {
    ScoringRule rule;
    rule.kind = ScoringRule::Kind::Deduct;
    rule.per = per;
    rule.least = least;
    return rule;
  }

  TEST_CASE("deduct 5: 100 − 5 × count, floored at 0 or at the rule's floor") {
    CHECK(*score(0, row(0, deduct(5)), Direction::LowerIsBetter).points == 100);
    CHECK(*score(3, row(0, deduct(5)), Direction::LowerIsBetter).points == 85);
    CHECK(*score(20, row(0, deduct(5)), Direction::LowerIsBetter).points == 0);
    CHECK(*score(25, row(0, deduct(5)), Direction::LowerIsBetter).points == 0);
    CHECK(*score(7, row(0, deduct(5, 40)), Direction::LowerIsBetter).points == 65);
    CHECK(*score(13, row(0, deduct(5, 40)), Direction::LowerIsBetter).points == 40);
    CHECK(*score(3, row(0, deduct(2.5L)), Direction::LowerIsBetter).points == 92.5L);
  }

  TEST_CASE("a deduction's status follows the target; without one the line is only scored") {
    const KpiScore none = score(0, row(0, deduct(5)), Direction::LowerIsBetter);
    CHECK(none.status == Status::Met);
    CHECK(none.note == "deduct 5 per event from 100");
    const KpiScore some = score(3, row(0, deduct(5)), Direction::LowerIsBetter);
    CHECK(some.status == Status::Missed);
    CHECK_FALSE(some.achievement.has_value());
    const KpiScore within = score(2, row(2, deduct(5)), Direction::LowerIsBetter);
    CHECK(*within.achievement == 1);
    CHECK(within.status == Status::Met);
    CHECK(*within.points == 90);
    PlanRow untargeted = row(0, deduct(5));
    untargeted.target.reset();
    const KpiScore scored = score(4, untargeted, Direction::LowerIsBetter);
    CHECK(*scored.points == 80);
    CHECK(scored.status == Status::Scored);
    CHECK_FALSE(kpi::score::score_kpi(std::nullopt, untargeted, Direction::LowerIsBetter, {})
                    .points.has_value());
  }
}
