// SPDX-License-Identifier: MIT
#include "kpi/score/plan_loader.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

using kpi::score::Cycle;
using kpi::score::KpiInfo;
using kpi::score::Plan;
using kpi::score::WeightScope;

const std::vector<KpiInfo> kKpis = {
    {"sales", "月度成交金额", "money", false},
    {"satisfaction", "客户满意度评分", "score", false},
    {"new_customers", "新客户引流数量", "count", false},
    {"repeat_rate", "客户复购率", "percent", false},
    {"bookkeeping_on_time", "账务处理及时率", "percent", false},
    {"ticket", "客户客单价", "money", false},
    {"package_share", "项目套餐销售占比", "percent", false},
    {"churn", "客户流失率", "percent", false},
    {"teamwork", "团队协作", "score", true},
};

// Seed 000's plan table as analysts write it: five roles, one KPI each, weights adding up to
// 100 over the whole table.
const std::string kSeed000 =
    "部门/岗位,KPI,目标值,权重,考核周期\n"
    "美容顾问,月度成交金额,8万元,30%,每月\n"
    "客户服务专员,客户满意度评分,≥90分,25%,每季度\n"
    "市场推广主管,新客户引流数量,≥150人,20%,每月\n"
    "运营总监,客户复购率,≥35%,15%,每季度\n"
    "财务专员,账务处理及时率,100%,10%,每月\n";

Plan load(std::string csv) {
  const auto reader = kpi::test::open_bytes(std::move(csv));
  return kpi::score::load_plan(*reader, kKpis);
}

// The located message of the plan error that loading `csv` throws, or "" when none is thrown.
std::string load_error(std::string csv) {
  try {
    load(std::move(csv));
  } catch (const kpi::Error& error) {
    CHECK(error.diagnostic().code == "plan.invalid");
    return error.what();
  }
  return "";
}

bool near(long double a, long double b) { return a - b < 1e-12L && b - a < 1e-12L; }

}  // namespace

TEST_SUITE("score.plan_loader") {
  TEST_CASE("seed 000's table loads as one plan whose weights share one total") {
    const Plan plan = load(kSeed000);
    CHECK(plan.file == "test.csv");
    CHECK(plan.weight_scope == WeightScope::Plan);
    CHECK(plan.warnings.empty());
    REQUIRE(plan.rows.size() == 5);
    const auto& sales = plan.rows[0];
    CHECK(sales.scorecard == "美容顾问");
    CHECK(sales.entity == "");
    CHECK(sales.kpi == "sales");
    REQUIRE(sales.target);
    CHECK(sales.target->value == 80000);
    CHECK(sales.target->text == "8万元");
    CHECK_FALSE(sales.target->written_as_percent);
    CHECK(sales.weight == 30);
    CHECK(sales.cycle == Cycle::Monthly);
    CHECK_FALSE(sales.rule);
    CHECK(!sales.period);
    CHECK_FALSE(sales.base);
    CHECK_FALSE(sales.stretch);
    CHECK_FALSE(sales.veto);
    CHECK(sales.where.file == "test.csv");
    CHECK(sales.where.line == 2);
    CHECK(plan.rows[1].kpi == "satisfaction");
    CHECK(plan.rows[1].target->value == 90);
    CHECK(plan.rows[1].weight == 25);
    CHECK(plan.rows[1].cycle == Cycle::Quarterly);
    CHECK(plan.rows[2].kpi == "new_customers");
    CHECK(plan.rows[2].target->value == 150);
    CHECK(plan.rows[2].weight == 20);
    CHECK(plan.rows[3].kpi == "repeat_rate");
    CHECK(near(plan.rows[3].target->value, 0.35L));
    CHECK(plan.rows[3].target->written_as_percent);
    CHECK(plan.rows[3].cycle == Cycle::Quarterly);
    CHECK(plan.rows[4].scorecard == "财务专员");
    CHECK(plan.rows[4].kpi == "bookkeeping_on_time");
    CHECK(plan.rows[4].target->value == 1);
    CHECK(plan.rows[4].weight == 10);
    CHECK(plan.rows[4].where.line == 6);
  }

  TEST_CASE("a plan file from Chinese Excel: GB18030, CRLF") {
    const kpi::test::TempDir folder;
    std::string crlf;
    for (char c : kSeed000) {
      crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    }
    const std::string path = folder.write("plan.csv", kpi::test::to_gb18030(crlf));
    const Plan plan = kpi::score::load_plan(path, kKpis);
    CHECK(plan.file == path);
    REQUIRE(plan.rows.size() == 5);
    CHECK(plan.rows[0].scorecard == "美容顾问");
    CHECK(plan.rows[4].kpi == "bookkeeping_on_time");
    CHECK(plan.rows[4].where.file == path);
  }

  TEST_CASE("a missing plan file is a plan error") {
    const kpi::test::TempDir folder;
    try {
      kpi::score::load_plan(folder.path() + "/none.csv", kKpis);
      FAIL("no error");
    } catch (const kpi::Error& error) {
      CHECK(error.diagnostic().code == "plan.invalid");
      CHECK(kpi::kind_of(error.diagnostic()) == kpi::ErrorKind::Library);
    }
  }

  TEST_CASE("English headers in any case, every column") {
    const Plan plan = load(
        " Scorecard ;ENTITY;kpi;Target;Weight;Cycle;Rule;Period;Base;Stretch;Veto\n"
        "Sales;S01;sales;¥1,200;60%;quarterly;cap 110%;2025-06;1000;1500;no\n"
        "Sales;S01;客户复购率;0.35;40;;veto;2025-06;30%;45%;\n");
    CHECK(plan.weight_scope == WeightScope::Scorecard);
    REQUIRE(plan.rows.size() == 2);
    const auto& sales = plan.rows[0];
    CHECK(sales.scorecard == "Sales");
    CHECK(sales.entity == "S01");
    CHECK(sales.kpi == "sales");
    CHECK(sales.target->value == 1200);
    CHECK(sales.weight == 60);
    CHECK(sales.cycle == Cycle::Quarterly);
    REQUIRE(sales.rule);
    CHECK(sales.rule->kind == kpi::score::ScoringRule::Kind::CappedRatio);
    CHECK(near(sales.rule->cap, 1.1L));
    CHECK(sales.period.value().label == "2025-06");
    CHECK(sales.base->value == 1000);
    CHECK(sales.stretch->value == 1500);
    CHECK_FALSE(sales.veto);
    const auto& repeat = plan.rows[1];
    CHECK(repeat.kpi == "repeat_rate");
    CHECK(near(repeat.target->value, 0.35L));
    CHECK_FALSE(repeat.target->written_as_percent);
    CHECK(repeat.weight == 40);
    CHECK(repeat.cycle == Cycle::Monthly);
    CHECK_FALSE(repeat.rule);
    CHECK(repeat.veto);
    CHECK(near(repeat.base->value, 0.3L));
    CHECK(near(repeat.stretch->value, 0.45L));
  }

  TEST_CASE("seed 000's table typed as printed: 岗位名称, KPI指标, 目标值, 权重, 考核周期") {
    const Plan plan = load(
        "岗位名称\tKPI指标\t目标值\t权重\t考核周期\n"
        "美容顾问\t月度成交金额\t8万元\t30%\t每月\n"
        "客户服务专员\t客户满意度评分\t≥90分\t25%\t每季度\n"
        "市场推广主管\t新客户引流数量\t≥150人\t20%\t每月\n"
        "运营总监\t客户复购率\t≥35%\t15%\t每季度\n"
        "财务专员\t账务处理及时率\t100%\t10%\t每月\n");
    CHECK(plan.weight_scope == WeightScope::Plan);
    REQUIRE(plan.rows.size() == 5);
    CHECK(plan.rows[0].scorecard == "美容顾问");
    CHECK(plan.rows[0].kpi == "sales");
    CHECK(plan.rows[0].target->value == 80000);
    CHECK(plan.rows[1].target->value == 90);
    CHECK(plan.rows[1].cycle == Cycle::Quarterly);
    CHECK(plan.rows[2].target->value == 150);
    CHECK(near(plan.rows[3].target->value, 0.35L));
    CHECK(plan.rows[4].weight == 10);
  }

  TEST_CASE("the headers of Chinese KPI templates and their English equivalents") {
    const Plan chinese = load(
        "岗位,员工,考核指标,目标,权重,周期,计分方式,考核维度\n"
        "店长,王丽,sales,10万元,60%,月度,达标制,销售业绩\n"
        "店长,王丽,churn,5%,40%,季度,,客户\n");
    REQUIRE(chinese.rows.size() == 2);
    CHECK(chinese.rows[0].scorecard == "店长");
    CHECK(chinese.rows[0].entity == "王丽");
    CHECK(chinese.rows[0].rule->kind == kpi::score::ScoringRule::Kind::PassFail);
    CHECK(chinese.rows[1].cycle == Cycle::Quarterly);
    const Plan names = load(
        "岗位名称,姓名,KPI指标,目标值,权重,考核周期\n"
        "顾问,陈静,sales,8万,100,半年度\n");
    CHECK(names.rows[0].scorecard == "顾问");
    CHECK(names.rows[0].entity == "陈静");
    CHECK(names.rows[0].cycle == Cycle::HalfYearly);
    const Plan english = load(
        "Position,Employee,KPI name,Target value,Weight,Assessment cycle,Scoring rule\n"
        "Advisor,Chen,sales,80000,100,annual,pass/fail\n");
    CHECK(english.rows[0].scorecard == "Advisor");
    CHECK(english.rows[0].entity == "Chen");
    CHECK(english.rows[0].kpi == "sales");
    CHECK(english.rows[0].target->value == 80000);
    CHECK(english.rows[0].cycle == Cycle::Yearly);
    CHECK(english.rows[0].rule->kind == kpi::score::ScoringRule::Kind::PassFail);
  }

  TEST_CASE("cycle words: 每月/月度, 每季度/季度, 每半年/半年度, 每年/年度") {
    const Plan plan = load(
        "岗位,指标,目标,权重,周期\n"
        "a,sales,1,100,每月\nb,sales,1,100,月度\nc,sales,1,100,每季度\nd,sales,1,100,季度\n"
        "e,sales,1,100,每半年\nf,sales,1,100,半年度\ng,sales,1,100,每年\nh,sales,1,100,年度\n");
    REQUIRE(plan.rows.size() == 8);
    const Cycle expected[] = {Cycle::Monthly,   Cycle::Monthly,    Cycle::Quarterly,
                              Cycle::Quarterly, Cycle::HalfYearly, Cycle::HalfYearly,
                              Cycle::Yearly,    Cycle::Yearly};
    for (std::size_t i = 0; i < 8; ++i) {
      CHECK(plan.rows[i].cycle == expected[i]);
    }
  }

  TEST_CASE("a deduction row needs no target, and a qualitative KPI cannot deduct") {
    const Plan plan = load("岗位,指标,目标,权重,计分方式\n客服,churn,,100,扣5分/次\n");
    REQUIRE(plan.rows.size() == 1);
    CHECK_FALSE(plan.rows[0].target.has_value());
    CHECK(plan.rows[0].rule->kind == kpi::score::ScoringRule::Kind::Deduct);
    CHECK(plan.rows[0].rule->per == 5);
    CHECK(load_error("岗位,指标,目标,权重,计分方式\n客服,teamwork,,100,deduct 5\n") ==
          "test.csv:2:5: KPI \"teamwork\" is qualitative (scored from a scores CSV): a deduction "
          "rule needs a KPI that counts events");
  }

  TEST_CASE("the veto column takes yes/no cells") {
    const Plan plan = load(
        "岗位,指标,目标,权重,一票否决\n"
        "店长,sales,10万,20,是\n"
        "店长,ticket,300,20,否\n"
        "店长,churn,5%,20,Y\n"
        "店长,repeat_rate,30%,20,false\n"
        "店长,package_share,40%,20,\n");
    REQUIRE(plan.rows.size() == 5);
    CHECK(plan.rows[0].veto);
    CHECK_FALSE(plan.rows[1].veto);
    CHECK(plan.rows[2].veto);
    CHECK_FALSE(plan.rows[3].veto);
    CHECK_FALSE(plan.rows[4].veto);
    CHECK(load_error("岗位,指标,目标,权重,一票否决\n店长,sales,10万,100,maybe\n") ==
          "test.csv:2:5: veto \"maybe\" is not yes or no; expected 是/否, yes/no, true/false, "
          "1/0 or Y/N");
  }

  TEST_CASE("each column is the first of its names that the header has") {
    const Plan plan = load(
        "岗位,部门,考核指标,指标,目标值,权重\n"
        "顾问,销售部,sales,ticket,8万,100\n");
    REQUIRE(plan.rows.size() == 1);
    CHECK(plan.rows[0].scorecard == "销售部");
    CHECK(plan.rows[0].kpi == "ticket");
  }

  TEST_CASE("a missing required column is named with the headers found") {
    CHECK(load_error("部门/岗位,KPI,目标值\n美容顾问,sales,8万\n") ==
          "test.csv:1: no weight column (权重 or weight); the header has 部门/岗位, KPI, 目标值");
    CHECK(load_error("KPI,目标值,权重\nsales,8万,100\n") ==
          "test.csv:1: no scorecard column (部门/岗位, 部门, 岗位, 岗位名称, 部门名称, scorecard, "
          "department, role, position or job); the header has KPI, 目标值, 权重");
    CHECK(load_error("部门,目标值,权重\n销售部,8万,100\n") ==
          "test.csv:1: no KPI column (KPI, 指标, KPI名称, 考核指标, KPI指标, 指标名称, kpi name, "
          "indicator or metric); the header has 部门, 目标值, 权重");
  }

  TEST_CASE("an unknown KPI suggests the closest id or name") {
    CHECK(load_error("部门,KPI,目标值,权重\n美容顾问,月度成交額,8万元,100\n") ==
          "test.csv:2:2: unknown KPI \"月度成交額\" (did you mean \"月度成交金额\"?)");
    CHECK(load_error("部门,KPI,目标值,权重\n美容顾问,sale,8万元,100\n") ==
          "test.csv:2:2: unknown KPI \"sale\" (did you mean \"sales\"?)");
    CHECK(load_error("部门,KPI,目标值,权重\n美容顾问,profit,8万元,100\n") ==
          "test.csv:2:2: unknown KPI \"profit\"");
    CHECK(load_error("部门,KPI,目标值,权重\n美容顾问,,8万元,100\n") ==
          "test.csv:2:2: the KPI is empty");
  }

  TEST_CASE("a measured KPI needs a target, and a qualitative one may have a score as target") {
    CHECK(load_error("部门,KPI,目标值,权重\n销售部,sales,,100\n") ==
          "test.csv:2:3: KPI \"sales\" needs a target");
    CHECK(load_error("部门,KPI,权重\n销售部,sales,100\n") ==
          "test.csv:2:2: KPI \"sales\" needs a target");
    const Plan with_target = load("部门,KPI,目标值,权重\n销售部,团队协作,≥85分,100\n");
    REQUIRE(with_target.rows[0].target);
    CHECK(with_target.rows[0].target->value == 85);
    CHECK(with_target.rows[0].target->text == "≥85分");
    CHECK(load_error("部门,KPI,目标值,权重\n销售部,团队协作,120,100\n") ==
          "test.csv:2:3: target \"120\" for qualitative KPI \"teamwork\" is not a score above 0 "
          "and up to 100");
    CHECK(load_error("部门,KPI,目标值,权重\n销售部,团队协作,0,100\n") ==
          "test.csv:2:3: target \"0\" for qualitative KPI \"teamwork\" is not a score above 0 "
          "and up to 100");
    CHECK(load_error("部门,KPI,目标值,权重\n销售部,团队协作,85%,100\n") ==
          "test.csv:2:3: target \"85%\" for KPI \"teamwork\" (unit score) is a percentage");
    CHECK(load_error("部门,KPI,目标值,权重,挑战\n销售部,teamwork,,100,95\n") ==
          "test.csv:2:5: KPI \"teamwork\" is qualitative (scored from a scores CSV) and takes no "
          "stretch");
    const Plan plan = load("部门,KPI,目标值,权重\n销售部,teamwork,,100\n运营部,团队协作 ,-,100\n");
    CHECK_FALSE(plan.rows[0].target);
    CHECK(plan.rows[1].kpi == "teamwork");
    CHECK_FALSE(plan.rows[1].target);
  }

  TEST_CASE("a percent KPI's target is written with % or as a fraction") {
    CHECK(load_error("部门,KPI,目标值,权重\n运营,repeat_rate,35,100\n") ==
          "test.csv:2:3: target \"35\" for percent KPI \"repeat_rate\": write 35%");
    CHECK(load_error("部门,KPI,目标值,权重\n运营,repeat_rate,≥1.5,100\n") ==
          "test.csv:2:3: target \"≥1.5\" for percent KPI \"repeat_rate\": write 1.5%");
    const Plan plan = load("部门,KPI,目标值,权重\n运营,repeat_rate,1,50\n运营,churn,0,50\n");
    CHECK(plan.rows[0].target->value == 1);
    CHECK(plan.rows[1].target->value == 0);
  }

  TEST_CASE("a KPI of any other unit must not have a % target") {
    CHECK(load_error("部门,KPI,目标值,权重\n销售部,sales,35%,100\n") ==
          "test.csv:2:3: target \"35%\" for KPI \"sales\" (unit money) is a percentage");
    CHECK(load_error("部门,KPI,目标值,权重\n销售部,satisfaction,90%,100\n") ==
          "test.csv:2:3: target \"90%\" for KPI \"satisfaction\" (unit score) is a percentage");
  }

  TEST_CASE("base and stretch follow the target's unit rule") {
    CHECK(load_error("部门,KPI,目标值,权重,保底,挑战\n运营,repeat_rate,35%,100,30,40%\n") ==
          "test.csv:2:5: base \"30\" for percent KPI \"repeat_rate\": write 30%");
    CHECK(load_error("部门,KPI,目标值,权重,保底,挑战\n销售部,sales,8万,100,6万,120%\n") ==
          "test.csv:2:6: stretch \"120%\" for KPI \"sales\" (unit money) is a percentage");
    // Their order against the target depends on the KPI's direction (KpiInfo::lower_is_better):
    // for a lower-is-better KPI the base lies above the target and the stretch below.
    const std::vector<KpiInfo> lower = {{"cost", "成本", "money", false, true}};
    const auto reader = kpi::test::open_bytes(
        "部门,KPI,目标值,权重,保底目标,挑战目标\n销售部,cost,8万,100,10万,6万\n");
    const Plan plan = kpi::score::load_plan(*reader, lower);
    CHECK(plan.rows[0].base->value == 100000);
    CHECK(plan.rows[0].stretch->value == 60000);
    CHECK(load_error("部门,KPI,目标值,权重,保底目标,挑战目标\n销售部,sales,8万,100,10万,6万\n") ==
          "test.csv:2:5: base \"10万\" is above the target \"8万\"; the base (保底) is the bar "
          "below the target that still scores 60");
  }

  TEST_CASE("unreadable cells are located errors") {
    CHECK(load_error("部门,KPI,目标值,权重\n销售部,sales,八万,100\n") ==
          "test.csv:2:3: target \"八万\" is not a number; expected a target such as 80000, 8万元, "
          "≥90分 or 35%");
    CHECK(load_error("部门,KPI,目标值,权重\n销售部,sales,8万,三成\n") ==
          "test.csv:2:4: weight \"三成\" must be a percentage or a number of zero or more, such as "
          "30% or 30");
    CHECK(load_error("部门,KPI,目标值,权重\n销售部,sales,8万,\n") ==
          "test.csv:2:4: KPI \"sales\" needs a weight");
    CHECK(load_error("部门,KPI,目标值,权重,周期\n销售部,sales,8万,100,每周\n") ==
          "test.csv:2:5: cycle \"每周\" is not a known cycle; expected 每半月/half-monthly, "
          "每月/monthly, 每季度/quarterly, 每半年/half-yearly or 每年/yearly");
    CHECK(load_error("部门,KPI,目标值,权重,评分规则\n销售部,sales,8万,100,cap 120%；double\n") ==
          "test.csv:2:5: rule \"double\" is not a valid scoring rule; expected cap 120%, floor "
          "60% (optionally with cap 110%), linear 60%..100%, bands 100%=100 90%=80 80%=60, "
          "pass/fail, deduct 5 (optionally with floor 40) or veto, or in Chinese 封顶120%, 达标制, "
          "扣分5分 or 一票否决");
  }

  TEST_CASE("the weights of each scorecard add up to 100") {
    CHECK(load_error("部门/岗位,KPI,目标值,权重\n"
                     "店长,sales,10万,60%\n"
                     "店长,ticket,300,40%\n"
                     "美容顾问,sales,8万元,50%\n"
                     "美容顾问,ticket,300,40%\n") ==
          "test.csv:4:4: weights of scorecard \"美容顾问\" add up to 90, not 100");
    CHECK(load_error("部门,对象,KPI,目标值,权重,期间\n"
                     "门店,S01,sales,10万,50,2025-06\n"
                     "门店,S02,sales,10万,100,2025-06\n") ==
          "test.csv:2:5: weights of scorecard \"门店\" (entity \"S01\", period \"2025-06\") add up "
          "to 50, not 100");
    CHECK(load_error("部门,KPI,目标值,权重\n店长,sales,10万,60\n店长,ticket,300,30\n") ==
          "test.csv:2:4: weights of scorecard \"店长\" add up to 90, not 100");
  }

  TEST_CASE("weights written as fractions of 1 get a hint") {
    CHECK(load_error("部门,KPI,目标值,权重\n店长,sales,10万,0.6\n店长,ticket,300,0.4\n") ==
          "test.csv:2:4: weights of scorecard \"店长\" add up to 1, not 100; write 60% or 60, "
          "not 0.6");
    const std::string fractions =
        "部门/岗位,KPI,目标值,权重,考核周期\n"
        "美容顾问,月度成交金额,8万元,0.3,每月\n"
        "客户服务专员,客户满意度评分,≥90分,0.25,每季度\n"
        "市场推广主管,新客户引流数量,≥150人,0.2,每月\n"
        "运营总监,客户复购率,≥35%,0.15,每季度\n"
        "财务专员,账务处理及时率,100%,0.1,每月\n";
    CHECK(load_error(fractions) ==
          "test.csv:2:4: the weights of all rows add up to 1, not 100; write 30% or 30, not 0.3");
  }

  TEST_CASE("scorecards are separate per entity and period") {
    const Plan plan = load(
        "部门,对象,KPI,目标值,权重,期间\n"
        "门店,S01,sales,10万,100,2025-06\n"
        "门店,S02,sales,12万,100,2025-06\n"
        "门店,S01,sales,11万,100,2025-07\n");
    CHECK(plan.weight_scope == WeightScope::Scorecard);
    REQUIRE(plan.rows.size() == 3);
    CHECK(plan.rows[2].period.value().label == "2025-07");
  }

  TEST_CASE("期间 is read as a period at load, in the forms Excel writes back") {
    const Plan plan = load(
        "部门,对象,KPI,目标值,权重,期间\n"
        "门店,S01,sales,10万,100,2025-6\n"
        "门店,S02,sales,12万,100,2025年6月\n"
        "门店,S03,sales,12万,100,Jun-25\n"
        "门店,S04,sales,12万,100,2025/6/1\n"
        "门店,S05,sales,12万,100,2025年第2季度\n"
        "门店,S06,sales,12万,100,2025/6/15\n");
    REQUIRE(plan.rows.size() == 6);
    for (std::size_t i = 0; i < 4; ++i) {
      CHECK(plan.rows[i].period.value().label == "2025-06");
    }
    CHECK(plan.rows[4].period.value().label == "2025-Q2");
    CHECK(plan.rows[5].period.value().label == "2025-06-15");
  }

  TEST_CASE("a 期间 that is not a period is a located error, not a row that never applies") {
    CHECK(
        load_error("部门,KPI,目标值,权重,期间\n门店,sales,10万,100,2025-13\n") ==
        "test.csv:2:5: period \"2025-13\" is not a period; write 2025-06 (or 2025-6, 2025/6, "
        "2025年6月, Jun-25), 2025-Q2 (or 2025年第2季度), 2025 (or 2025年), 2025-W23, 2025-06-03 or "
        "2025-06-01..2025-06-15");
    CHECK(
        load_error("部门,KPI,目标值,权重,期间\n门店,sales,10万,100,this-month\n") ==
        "test.csv:2:5: period \"this-month\" is not a period; write 2025-06 (or 2025-6, 2025/6, "
        "2025年6月, Jun-25), 2025-Q2 (or 2025年第2季度), 2025 (or 2025年), 2025-W23, 2025-06-03 or "
        "2025-06-01..2025-06-15");
  }

  TEST_CASE("two rows for one period written two ways are a duplicate") {
    CHECK(load_error("部门,KPI,目标值,权重,期间\n门店,sales,10万,100,2025-06\n"
                     "门店,sales,11万,100,2025-6\n") ==
          "test.csv:3:2: duplicate row: KPI \"sales\" of scorecard \"门店\" (entity \"\", period "
          "\"2025-06\") is already on line 2");
  }

  TEST_CASE("more than 5 KPIs on one scorecard is a warning") {
    const Plan plan = load(
        "部门,KPI,目标值,权重\n"
        "店长,churn,5%,100\n"
        "销售部,sales,10万,10\n"
        "销售部,ticket,300,10\n"
        "销售部,repeat_rate,30%,10\n"
        "销售部,package_share,40%,10\n"
        "销售部,churn,5%,20\n"
        "销售部,new_customers,150,20\n"
        "销售部,satisfaction,90,20\n");
    CHECK(plan.rows.size() == 8);
    REQUIRE(plan.warnings.size() == 1);
    CHECK(plan.warnings[0].code == "plan.many-kpis");
    CHECK(kpi::render(plan.warnings[0]) ==
          "test.csv:3:1: scorecard \"销售部\" has 7 KPIs; 3 to 5 keep it focused");
    const Plan five = load(
        "部门,KPI,目标值,权重\n"
        "销售部,sales,10万,20\n"
        "销售部,ticket,300,20\n"
        "销售部,repeat_rate,30%,20\n"
        "销售部,package_share,40%,20\n"
        "销售部,churn,5%,20\n");
    CHECK(five.warnings.empty());
  }

  TEST_CASE("a duplicate row names the first one's line") {
    CHECK(
        load_error("部门,KPI,目标值,权重\n美容顾问,sales,8万,50\n美容顾问,月度成交金额,9万,50\n") ==
        "test.csv:3:2: duplicate row: KPI \"sales\" of scorecard \"美容顾问\" is already on line "
        "2");
    CHECK(
        load_error("部门,对象,KPI,目标值,权重,期间\n"
                   "门店,S01,sales,10万,50,2025-06\n"
                   "门店,S01,ticket,300,50,2025-06\n"
                   "门店,S01,sales,10万,50,2025-06\n") ==
        "test.csv:4:3: duplicate row: KPI \"sales\" of scorecard \"门店\" (entity \"S01\", period "
        "\"2025-06\") is already on line 2");
  }

  TEST_CASE("blank lines and rows of empty cells are skipped") {
    const Plan plan = load(
        "部门,KPI,目标值,权重\n"
        "\n"
        "店长,sales,10万,60\n"
        ",,,\n"
        " , ,　, \n"
        "店长,ticket,300,40\n");
    REQUIRE(plan.rows.size() == 2);
    CHECK(plan.rows[0].where.line == 3);
    CHECK(plan.rows[1].where.line == 6);
    CHECK(load_error("部门,KPI,目标值,权重\n,,,\n") == "test.csv: the plan has no KPI rows");
  }

  TEST_CASE("an empty scorecard cell repeats the one above, as merged cells export") {
    const Plan plan = load(
        "部门,KPI,目标值,权重\n"
        "销售部,sales,10万,60\n"
        ",ticket,300,40\n"
        "运营部,churn,5%,100\n");
    REQUIRE(plan.rows.size() == 3);
    CHECK(plan.rows[1].scorecard == "销售部");
    CHECK(plan.weight_scope == WeightScope::Scorecard);
    CHECK(load_error("部门,KPI,目标值,权重\n,sales,10万,100\n") ==
          "test.csv:2:1: the scorecard (department or role) is empty");
  }

  TEST_CASE("a record with the wrong number of fields is an error, not a skipped row") {
    CHECK(load_error("部门,KPI,目标值,权重\n店长,sales,10万,60\n店长,ticket,300\n") ==
          "test.csv:3: record has 3 fields but the header has 4");
  }

  TEST_CASE("a KPI name that two KPIs share is an error naming both") {
    const std::vector<KpiInfo> kpis = {{"sales", "销售额", "money", false},
                                       {"sales_per_order", "销售额", "money", false}};
    const auto reader = kpi::test::open_bytes("岗位,KPI,目标值,权重\n店长,销售额,200,100\n");
    CHECK_THROWS_WITH_AS(
        kpi::score::load_plan(*reader, kpis),
        "test.csv:2:2: \"销售额\" names 2 KPIs: \"sales\" and \"sales_per_order\"; "
        "write the id of the one meant",
        kpi::Error);
  }

  TEST_CASE("two-tier targets on the wrong side of the target are errors") {
    CHECK(
        load_error("岗位,KPI,目标值,权重,保底,挑战\n店长,sales,100,100,200,\n") ==
        "test.csv:2:5: base \"200\" is above the target \"100\"; the base (保底) is the bar below "
        "the target that still scores 60");
    CHECK(load_error("岗位,KPI,目标值,权重,保底,挑战\n店长,sales,100,100,,80\n") ==
          "test.csv:2:6: stretch \"80\" is below the target \"100\"; the stretch (挑战) is the bar "
          "above the target that scores the cap");
    CHECK(load_error("岗位,KPI,目标值,权重,保底,挑战\n店长,sales,100,100,80,120\n") == "");
    // Lower is better: the base lies above the target, the stretch below.
    const std::vector<KpiInfo> kpis = {{"churn", "流失率", "percent", false, true}};
    const auto lower = [&](std::string csv) -> std::string {
      try {
        const auto reader = kpi::test::open_bytes(std::move(csv));
        kpi::score::load_plan(*reader, kpis);
      } catch (const kpi::Error& error) {
        return error.what();
      }
      return "";
    };
    CHECK(lower("岗位,KPI,目标值,权重,保底,挑战\n店长,churn,5%,100,8%,3%\n") == "");
    CHECK(lower("岗位,KPI,目标值,权重,保底,挑战\n店长,churn,5%,100,3%,\n") ==
          "test.csv:2:5: base \"3%\" is below the target \"5%\" of lower-is-better KPI \"churn\"; "
          "the base (保底) is the bar above the target that still scores 60");
  }
}
