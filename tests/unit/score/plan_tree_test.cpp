// SPDX-License-Identifier: MIT
#include "kpi/score/plan_tree.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kpi/score/plan_loader.hpp"
#include "test_support.hpp"

namespace {

using kpi::score::KpiInfo;
using kpi::score::Plan;

const std::vector<KpiInfo> kKpis = {
    {"sales", "销售额", "money", false},
    {"margin", "毛利率", "percent", false},
};

Plan load(std::string csv) {
  const auto reader = kpi::test::open_bytes(std::move(csv));
  return kpi::score::load_plan(*reader, kKpis);
}

std::string load_error(std::string csv) {
  try {
    load(std::move(csv));
  } catch (const kpi::Error& error) {
    CHECK(error.diagnostic().code == "plan.invalid");
    return error.what();
  }
  return "";
}

const std::string kHeader = "部门/岗位,对象,KPI,目标值,权重,上级\n";

}  // namespace

TEST_SUITE("score.plan_tree") {
  TEST_CASE("the parent column and 下级 rows make a tree") {
    const Plan plan = load(kHeader +
                           "公司,,下级,,40%,\n"
                           "公司,,sales,100万,60%,\n"
                           "销售部,,sales,60万,100%,公司\n"
                           "门店,,children,,100%,公司\n"
                           "门店,S01,sales,20万,100%,门店\n"
                           "门店,S02,sales,20万,100%,\n");
    CHECK(plan.is_tree());
    CHECK(plan.parent_field == 6);
    REQUIRE(plan.rows.size() == 4);
    REQUIRE(plan.children_rows.size() == 2);
    CHECK(plan.children_rows[0].scorecard == "公司");
    CHECK(plan.children_rows[0].word == "下级");
    CHECK(plan.children_rows[0].weight == 40);
    CHECK(plan.children_rows[0].parent.empty());
    CHECK(plan.children_rows[1].word == "children");
    CHECK(plan.children_rows[1].parent == "公司");
    CHECK(kpi::score::parent_of(plan, "销售部", "") == "公司");
    CHECK(kpi::score::parent_of(plan, "门店", "") == "公司");
    CHECK(kpi::score::parent_of(plan, "门店", "S01") == "门店");
    CHECK(kpi::score::parent_of(plan, "门店", "S02") == "");  // its own rows name none
    CHECK(kpi::score::parent_of(plan, "公司", "") == "");
  }

  TEST_CASE("a merged parent cell carries over to the scorecard's next rows") {
    const Plan plan = load(kHeader +
                           "公司,,下级,,100%,\n"
                           "销售部,,sales,60万,50%,公司\n"
                           ",,margin,30%,50%,\n");
    CHECK(plan.rows[1].parent == "公司");
  }

  TEST_CASE("without a parent column 下级 is an unknown KPI") {
    CHECK(load_error("部门/岗位,KPI,目标值,权重\n公司,下级,,100%\n") ==
          "test.csv:2:2: unknown KPI \"下级\"");
  }

  TEST_CASE("a scorecard under two parents is an error at the second") {
    CHECK(load_error(kHeader + "公司,,下级,,100%,\n"
                               "集团,,下级,,100%,\n"
                               "销售部,,sales,60万,50%,公司\n"
                               "销售部,,margin,30%,50%,集团\n") ==
          "test.csv:5:6: scorecard \"销售部\" is under two parents: \"集团\" here and \"公司\" on "
          "line 4");
  }

  TEST_CASE("an unknown parent is an error with a suggestion") {
    CHECK(load_error(kHeader + "公司,,下级,,100%,\n"
                               "销售部,,sales,60万,100%,公 司\n") ==
          "test.csv:3:6: unknown parent \"公 司\" of scorecard \"销售部\": the plan has no "
          "scorecard of that name without 对象, with KPI rows or a 下级 row (did you mean "
          "\"公司\"?)");
  }

  TEST_CASE("a parent with only entity rows is unknown") {
    CHECK(load_error(kHeader + "门店,S01,sales,20万,100%,\n"
                               "店长,,sales,20万,100%,门店\n") ==
          "test.csv:3:6: unknown parent \"门店\" of scorecard \"店长\": the plan has no scorecard "
          "of that name without 对象, with KPI rows or a 下级 row");
  }

  TEST_CASE("a cycle is an error naming its scorecards") {
    CHECK(load_error(kHeader + "甲,,下级,,100%,乙\n"
                               "乙,,下级,,100%,甲\n"
                               "丙,,sales,10万,100%,甲\n") ==
          "test.csv:2:6: cycle in the tree: 甲 → 乙 → 甲");
    CHECK(load_error(kHeader + "甲,,sales,10万,100%,甲\n") ==
          "test.csv:2:6: cycle in the tree: 甲 → 甲");
  }

  TEST_CASE("a 下级 row needs children and takes no target") {
    CHECK(load_error(kHeader + "公司,,下级,,100%,\n"
                               "销售部,,sales,60万,100%,\n") ==
          "test.csv:2:3: scorecard \"公司\" has a 下级 row but no children: no row names it in the "
          "parent column");
    CHECK(load_error(kHeader + "公司,,下级,90,100%,\n") ==
          "test.csv:2:4: a 下级 row (the children's totals) takes a weight and a parent, no "
          "target: \"90\"");
    CHECK(load_error(kHeader + "公司,S01,下级,,100%,\n") ==
          "test.csv:2:2: a 下级 row is the scorecard of a whole (部门/岗位); it takes no entity, "
          "\"S01\" here");
  }

  TEST_CASE("a 下级 row counts in its scorecard's weights") {
    CHECK(load_error(kHeader + "公司,,下级,,40%,\n"
                               "公司,,sales,100万,50%,\n"
                               "销售部,,sales,60万,100%,公司\n") ==
          "test.csv:2:5: weights of scorecard \"公司\" add up to 90, not 100");
  }

  TEST_CASE("tree order lists a parent before its children's subtrees") {
    // 0 ← 2, 0 ← 3, 3 ← 1, root 4
    const std::vector<kpi::score::TreeNode> nodes = {{}, {3}, {0}, {0}, {}};
    const kpi::score::TreeOrder tree = kpi::score::tree_order(nodes);
    CHECK(tree.order == std::vector<std::size_t>{0, 2, 3, 1, 4});
    CHECK(tree.depth == std::vector<std::size_t>{0, 2, 1, 1, 0});
  }
}
