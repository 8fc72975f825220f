// SPDX-License-Identifier: MIT
#include "kpi/score/area_weights.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kpi/score/plan_loader.hpp"
#include "test_support.hpp"

namespace {

const std::vector<kpi::score::KpiInfo> kKpis = {{"sales", "销售额", "money", false},
                                                {"key_accounts", "重点客户销售额", "money", false},
                                                {"new_customers", "新客户数", "count", false},
                                                {"margin", "毛利率", "percent", false},
                                                {"insight", "市场洞察", "score", true}};

kpi::score::Plan load(std::string csv) {
  const auto reader = kpi::test::open_bytes(std::move(csv));
  return kpi::score::load_plan(*reader, kKpis);
}

std::vector<kpi::library::AreaRange> seed_002_sales() {
  return {{"销售部", "销售业绩", 40, 50, "40%..50%", {"kpi.toml", 3, 1}},
          {"销售部", "渠道管理", 15, 20, "15%..20%", {"kpi.toml", 4, 1}},
          {"", "定性指标", 5, 10, "5%..10%", {"kpi.toml", 1, 1}},
          {"市场部", "定性指标", 10, 15, "10%..15%", {"kpi.toml", 9, 1}}};
}

}  // namespace

TEST_SUITE("score.area_weights") {
  TEST_CASE("areas within their ranges say nothing; a merged area cell repeats the one above") {
    const auto plan = load(
        "部门,KPI,目标值,权重,考核维度\n"
        "销售部,销售额,100,30,销售业绩\n"
        "销售部,新客户数,10,15,\n"
        "销售部,重点客户销售额,100,20,渠道管理\n"
        "销售部,毛利率,30%,25,利润\n"
        "销售部,市场洞察,,10,定性指标\n");
    CHECK(plan.rows[1].area == "销售业绩");
    CHECK(plan.area_field == 5);
    CHECK(kpi::score::check_area_weights(plan, seed_002_sales()).empty());
  }

  TEST_CASE("an area outside its range is located at its first row and the area column") {
    const auto plan = load(
        "部门,KPI,目标值,权重,考核维度\n"
        "销售部,销售额,100,55,销售业绩\n"
        "销售部,重点客户销售额,100,10,渠道管理\n"
        "销售部,毛利率,30%,25,利润\n"
        "销售部,市场洞察,,10,定性指标\n"
        "市场部,销售额,100,92,销售业绩\n"
        "市场部,市场洞察,,8,定性指标\n");
    const auto found = kpi::score::check_area_weights(plan, seed_002_sales());
    REQUIRE(found.size() == 3);
    CHECK(kpi::render(found[0]) ==
          "test.csv:2:5: scorecard \"销售部\": area \"销售业绩\" weighs 55%, outside its range "
          "40%..50% (kpi.toml:3)");
    CHECK(kpi::render(found[1]) ==
          "test.csv:3:5: scorecard \"销售部\": area \"渠道管理\" weighs 10%, outside its range "
          "15%..20% (kpi.toml:4)");
    // 市场部's own range for 定性指标 wins over the one for every scorecard.
    CHECK(kpi::render(found[2]) ==
          "test.csv:7:5: scorecard \"市场部\": area \"定性指标\" weighs 8%, outside its range "
          "10%..15% (kpi.toml:9)");
    CHECK(found[0].code == "plan.area-weight");
  }

  TEST_CASE("no ranges, or weights shared across the plan: nothing to check") {
    const auto plan = load(
        "部门,KPI,目标值,权重,考核维度\n"
        "销售部,销售额,100,60,销售业绩\n"
        "市场部,重点客户销售额,100,40,渠道管理\n");
    CHECK(plan.weight_scope == kpi::score::WeightScope::Plan);
    CHECK(kpi::score::check_area_weights(plan, seed_002_sales()).empty());
    CHECK(kpi::score::check_area_weights(load("部门,KPI,目标值,权重\n销售部,销售额,1,100\n"), {})
              .empty());
  }
}
