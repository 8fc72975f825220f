// SPDX-License-Identifier: MIT
#include "kpi/score/plan_rule.hpp"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace {

using kpi::score::Cycle;
using kpi::score::parse_cycle;
using kpi::score::parse_rule;
using kpi::score::parse_target;
using kpi::score::parse_weight;
using Kind = kpi::score::ScoringRule::Kind;

constexpr std::string_view kRuleForms =
    "is not a valid scoring rule; expected cap 120%, floor 60% (optionally with cap 110%), "
    "linear 60%..100%, bands 100%=100 90%=80 80%=60, pass/fail, deduct 5 (optionally with "
    "floor 40) or veto, or in Chinese 封顶120%, 达标制, 扣分5分 or 一票否决";

// The message of the std::invalid_argument that `parse` throws, or "" when none is thrown.
template <typename Parse>
std::string rejection(Parse parse) {
  try {
    parse();
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

std::string target_error(std::string_view text) {
  return rejection([&] { parse_target(text); });
}

std::string rule_error(std::string_view text) {
  return rejection([&] { parse_rule(text); });
}

// `"text" problem`, the shape of every rejection.
std::string said(std::string_view text, std::string_view problem) {
  std::string message = "\"";
  message += text;
  message += "\" ";
  message += problem;
  return message;
}

bool near(long double a, long double b) { return a - b < 1e-12L && b - a < 1e-12L; }

}  // namespace

TEST_SUITE("score.plan_rule") {
  TEST_CASE("parse_target reads the targets of seed 000's plan") {
    const auto sales = parse_target("8万元");
    REQUIRE(sales);
    CHECK(sales->value == 80000);
    CHECK_FALSE(sales->written_as_percent);
    CHECK(sales->text == "8万元");
    CHECK(parse_target("≥90分")->value == 90);
    CHECK(parse_target("≥150人")->value == 150);
    const auto repeat = parse_target("≥35%");
    REQUIRE(repeat);
    CHECK(near(repeat->value, 0.35L));
    CHECK(repeat->written_as_percent);
    const auto timely = parse_target("100%");
    CHECK(timely->value == 1);
    CHECK(timely->written_as_percent);
  }

  TEST_CASE("parse_target accepts comparators, currency and unit words") {
    CHECK(near(parse_target("35%")->value, 0.35L));
    CHECK(parse_target("¥1,200")->value == 1200);
    CHECK(parse_target(">=90")->value == 90);
    CHECK(parse_target("<= 3天")->value == 3);
    CHECK(parse_target("＞5次")->value == 5);
    CHECK(parse_target("＜2单")->value == 2);
    CHECK(parse_target(">12个")->value == 12);
    CHECK(parse_target("<4家")->value == 4);
    CHECK(parse_target("≤ 10 分")->value == 10);
    CHECK(parse_target("1.5万人")->value == 15000);
    CHECK(parse_target("2亿元")->value == 200000000);
    CHECK(parse_target("  ９０分 ")->text == "９０分");
    CHECK(parse_target("  ９０分 ")->value == 90);
  }

  TEST_CASE("parse_target gives no target for empty and missing cells") {
    CHECK_FALSE(parse_target(""));
    CHECK_FALSE(parse_target("   "));
    CHECK_FALSE(parse_target("-"));
    CHECK_FALSE(parse_target("N/A"));
  }

  TEST_CASE("parse_target says what it expected") {
    CHECK(target_error("abc") ==
          "\"abc\" is not a number; expected a target such as 80000, 8万元, ≥90分 or 35%");
    CHECK(target_error("≥") ==
          "\"≥\" is not a number; expected a target such as 80000, 8万元, ≥90分 or 35%");
    CHECK(target_error("12,50") ==
          "\"12,50\" is not a number (thousands separators must group 3 digits); expected a "
          "target such as 80000, 8万元, ≥90分 or 35%");
    CHECK(target_error("90分钟") ==
          "\"90分钟\" is not a number; expected a target such as 80000, 8万元, ≥90分 or 35%");
  }

  TEST_CASE("parse_weight reads percent points") {
    CHECK(parse_weight("30%") == 30);
    CHECK(parse_weight("30") == 30);
    CHECK(parse_weight("12.5%") == 12.5L);
    CHECK(parse_weight(" ３０％ ") == 30);
    CHECK(near(parse_weight("0.3"), 0.3L));
    CHECK(parse_weight("0") == 0);
  }

  TEST_CASE("parse_weight rejects what is not a weight") {
    const std::string_view problem =
        "must be a percentage or a number of zero or more, such as 30% or 30";
    CHECK(rejection([] { parse_weight("abc"); }) == said("abc", problem));
    CHECK(rejection([] { parse_weight("-5%"); }) == said("-5%", problem));
    CHECK(rejection([] { parse_weight("¥30"); }) == said("¥30", problem));
    CHECK(rejection([] { parse_weight("3万"); }) == said("3万", problem));
    CHECK(rejection([] { parse_weight(""); }) == said("", problem));
  }

  TEST_CASE("parse_cycle reads Chinese and English names") {
    for (std::string_view name : {"每月", "月度", "月", "monthly", "Month", "MONTHLY", ""}) {
      CHECK(parse_cycle(name) == Cycle::Monthly);
    }
    for (std::string_view name : {"每季度", "季度", "季", "quarterly", "Quarter"}) {
      CHECK(parse_cycle(name) == Cycle::Quarterly);
    }
    for (std::string_view name : {"每年", "年度", "年", "yearly", "Annual", "year", " 每年 "}) {
      CHECK(parse_cycle(name) == Cycle::Yearly);
    }
    CHECK(rejection([] { parse_cycle("biweekly"); }) ==
          "\"biweekly\" is not a known cycle; expected 每半月/half-monthly, 每月/monthly, "
          "每季度/quarterly, 每半年/half-yearly or 每年/yearly");
  }

  TEST_CASE("parse_rule: empty text is no rule and no veto") {
    const auto parsed = parse_rule("");
    CHECK_FALSE(parsed.rule);
    CHECK_FALSE(parsed.veto);
    CHECK_FALSE(parse_rule(" ; ").rule);
  }

  TEST_CASE("parse_rule: cap") {
    for (std::string_view text : {"cap 120%", "封顶120%", "CAP120%", "封顶 １２０％"}) {
      const auto parsed = parse_rule(text);
      REQUIRE(parsed.rule);
      CHECK(parsed.rule->kind == Kind::CappedRatio);
      CHECK(near(parsed.rule->cap, 1.2L));
      CHECK_FALSE(parsed.veto);
    }
  }

  TEST_CASE("parse_rule: floor, with and without a cap") {
    const auto floor = parse_rule("floor 60%").rule;
    REQUIRE(floor);
    CHECK(floor->kind == Kind::Floor);
    CHECK(near(floor->threshold, 0.6L));
    CHECK(near(floor->cap, 1.2L));
    const auto capped = parse_rule("Floor 60% cap 110%").rule;
    REQUIRE(capped);
    CHECK(capped->kind == Kind::Floor);
    CHECK(near(capped->threshold, 0.6L));
    CHECK(near(capped->cap, 1.1L));
  }

  TEST_CASE("parse_rule: linear") {
    const auto linear = parse_rule("linear 60%..100%").rule;
    REQUIRE(linear);
    CHECK(linear->kind == Kind::Linear);
    CHECK(near(linear->from, 0.6L));
    CHECK(near(linear->to, 1.0L));
    CHECK(rule_error("linear 100%..60%") ==
          "\"linear 100%..60%\" needs the lower achievement first, as in linear 60%..100%");
  }

  TEST_CASE("parse_rule: bands are sorted highest threshold first") {
    const auto bands = parse_rule("bands 80%=60 100%=100 90% = 80").rule;
    REQUIRE(bands);
    CHECK(bands->kind == Kind::Bands);
    REQUIRE(bands->bands.size() == 3);
    CHECK(near(bands->bands[0].threshold, 1.0L));
    CHECK(bands->bands[0].points == 100);
    CHECK(near(bands->bands[1].threshold, 0.9L));
    CHECK(bands->bands[1].points == 80);
    CHECK(near(bands->bands[2].threshold, 0.8L));
    CHECK(bands->bands[2].points == 60);
    CHECK(parse_rule("bands 100%＝100").rule->bands.size() == 1);
  }

  TEST_CASE("parse_rule: pass/fail and veto") {
    for (std::string_view text : {"pass/fail", "pass-fail", "达标制", "Pass/Fail"}) {
      const auto parsed = parse_rule(text);
      REQUIRE(parsed.rule);
      CHECK(parsed.rule->kind == Kind::PassFail);
    }
    for (std::string_view text : {"veto", "VETO", "一票否决"}) {
      const auto parsed = parse_rule(text);
      CHECK_FALSE(parsed.rule);
      CHECK(parsed.veto);
    }
  }

  TEST_CASE("parse_rule: veto combines with one other rule") {
    const auto semicolon = parse_rule("cap 110%; veto");
    REQUIRE(semicolon.rule);
    CHECK(semicolon.rule->kind == Kind::CappedRatio);
    CHECK(near(semicolon.rule->cap, 1.1L));
    CHECK(semicolon.veto);
    const auto chinese = parse_rule("一票否决；达标制");
    REQUIRE(chinese.rule);
    CHECK(chinese.rule->kind == Kind::PassFail);
    CHECK(chinese.veto);
    CHECK(rule_error("cap 120%; pass/fail") ==
          "\"cap 120%; pass/fail\" names two scoring rules; combine at most one of them with veto");
  }

  TEST_CASE("parse_rule lists the accepted forms for anything else") {
    CHECK(rule_error("double points") == said("double points", kRuleForms));
    CHECK(rule_error("cap 1.2") == said("cap 1.2", kRuleForms));
    CHECK(rule_error("linear 60%-100%") == said("linear 60%-100%", kRuleForms));
    CHECK(rule_error("bands") == said("bands", kRuleForms));
    CHECK(rule_error("bands 100%") == said("bands 100%", kRuleForms));
    CHECK(rule_error("bands 100%=60%") == said("bands 100%=60%", kRuleForms));
    CHECK(rule_error("veto; floor") == said("floor", kRuleForms));
  }

  TEST_CASE("contradictory rules are rejected") {
    CHECK(rule_error("floor 150% cap 110%") ==
          said("floor 150% cap 110%",
               "puts the floor 150% above the cap 110%; the floor is the "
               "least achievement that scores, the cap the most"));
    CHECK(rule_error("bands 90%=80 90%=20") ==
          said("bands 90%=80 90%=20", "gives the 90% band twice; give each achievement one score"));
    CHECK(rule_error("cap 0%") ==
          said("cap 0%",
               "caps achievement at 0%, so a met KPI would score less than 100; a cap "
               "is 100% or more, as in cap 120%"));
    CHECK(rule_error("floor 60% cap 90%") ==
          said("floor 60% cap 90%",
               "caps achievement at 90%, so a met KPI would score less "
               "than 100; a cap is 100% or more, as in cap 120%"));
    CHECK(rule_error("cap 100%") == "");
    CHECK(rule_error("floor 100% cap 100%") == "");
  }
}

TEST_SUITE("score.plan_rule.deduct") {
  TEST_CASE("parse_rule: deduct, in English and Chinese, with and without a floor") {
    using Kind = kpi::score::ScoringRule::Kind;
    for (const char* text :
         {"deduct 5", "Deduct 5 per event", "扣分 5", "扣5分/次", "每次扣5分", "扣分制 5分"}) {
      CAPTURE(text);
      const auto rule = kpi::score::parse_rule(text).rule;
      REQUIRE(rule);
      CHECK(rule->kind == Kind::Deduct);
      CHECK(rule->per == 5);
      CHECK(rule->least == 0);
    }
    const auto floored = kpi::score::parse_rule("deduct 2.5 floor 40; veto");
    REQUIRE(floored.rule);
    CHECK(floored.rule->per == 2.5L);
    CHECK(floored.rule->least == 40);
    CHECK(floored.veto);
    CHECK(kpi::score::parse_rule("每次扣10分 最低60分").rule->least == 60);
  }

  TEST_CASE("parse_rule: a deduction needs points per event, and a floor below 100") {
    CHECK(rule_error("deduct") ==
          "\"deduct\" needs the points taken off per event, above 0 and up to 100, as in "
          "deduct 5 or 扣5分/次");
    CHECK(rule_error("deduct 0") ==
          "\"deduct 0\" needs the points taken off per event, above 0 and up to 100, as in "
          "deduct 5 or 扣5分/次");
    CHECK(rule_error("deduct 5%") ==
          "\"deduct 5%\" needs the points taken off per event, above 0 and up to 100, as in "
          "deduct 5 or 扣5分/次");
    CHECK(rule_error("deduct 5 floor 100") ==
          "\"deduct 5 floor 100\" needs a floor of 0 or more points and below 100, as in deduct "
          "5 floor 40");
  }
}
