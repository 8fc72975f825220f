// SPDX-License-Identifier: MIT
#include "kpi/score/target_cascade.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kpi/score/plan_loader.hpp"
#include "test_support.hpp"

namespace {

using kpi::score::KpiInfo;

const std::vector<KpiInfo> kKpis = {
    {"sales", "销售额", "money", false, false, true},
    {"orders", "订单数", "count", false, false, true},
    {"margin", "毛利率", "percent", false, false, false},
    {"ticket", "客单价", "money", false, false, false},  // an average: sales ÷ orders
};

std::vector<std::string> cascade(std::string csv) {
  const auto reader = kpi::test::open_bytes("部门/岗位,对象,KPI,目标值,权重,上级\n" + csv);
  const kpi::score::Plan plan = kpi::score::load_plan(*reader, kKpis);
  std::vector<std::string> texts;
  for (const kpi::Diagnostic& warning : kpi::score::check_target_cascade(plan, kKpis)) {
    CHECK(warning.code == "plan.cascade");
    texts.push_back(render(warning));
  }
  return texts;
}

}  // namespace

TEST_SUITE("score.target_cascade") {
  TEST_CASE("children's money targets that add up to the parent's pass") {
    // 60万 + 40.2万 = 100.2万: 0.2 % off, within 0.5 %
    CHECK(cascade("公司,,sales,100万,100%,\n"
                  "销售部,,sales,60万,100%,公司\n"
                  "电商部,,sales,40.2万,100%,公司\n")
              .empty());
  }

  TEST_CASE("a sum off by more than 0.5 % is a located warning naming the parts") {
    CHECK(cascade("公司,,sales,100万,50%,\n"
                  "公司,,orders,1000,50%,\n"
                  "销售部,,sales,60万,50%,公司\n"
                  "销售部,,orders,600,50%,公司\n"
                  "电商部,,sales,35万,50%,公司\n"
                  "电商部,,orders,400,50%,公司\n") ==
          std::vector<std::string>{
              "test.csv:2:4: KPI \"sales\" of \"公司\": the children's targets add up to 950000, "
              "not the target 100万 (5.0% off, more than 0.5%): 销售部 60万, 电商部 35万"});
  }

  TEST_CASE("a sum is not checked when a child does not carry the KPI") {
    CHECK(cascade("公司,,sales,100万,100%,\n"
                  "销售部,,sales,60万,100%,公司\n"
                  "电商部,,orders,400,100%,公司\n")
              .empty());
  }

  TEST_CASE("an average of money is held between the children's targets, not summed") {
    CHECK(cascade("公司,,ticket,2500,100%,\n"
                  "销售部,,ticket,2200,100%,公司\n"
                  "电商部,,ticket,2600,100%,公司\n")
              .empty());
  }

  TEST_CASE("a rate's target lies between the children's targets") {
    CHECK(cascade("公司,,margin,65%,100%,\n"
                  "销售部,,margin,60%,100%,公司\n"
                  "电商部,,margin,70%,100%,公司\n")
              .empty());
    // the stores' rates against their own parent, 门店 (made of its children only)
    CHECK(cascade("公司,,下级,,100%,\n"
                  "门店,,margin,65%,100%,公司\n"
                  "门店,S01,margin,60%,100%,门店\n"
                  "门店,S02,margin,64%,100%,门店\n") ==
          std::vector<std::string>{
              "test.csv:3:4: KPI \"margin\" of \"门店\": the target 65% lies outside its "
              "children's targets, 60% to 64%: 门店 · S01 60%, 门店 · S02 64%"});
    CHECK(cascade("公司,,margin,75%,100%,\n"
                  "销售部,,margin,62%,100%,公司\n"
                  "电商部,,margin,70%,100%,公司\n") ==
          std::vector<std::string>{
              "test.csv:2:4: KPI \"margin\" of \"公司\": the target 75% lies outside its "
              "children's targets, 62% to 70%: 销售部 62%, 电商部 70%"});
  }
}
