// SPDX-License-Identifier: MIT
#include "kpi/core/did_you_mean.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using Names = std::vector<std::string>;

std::string closest(std::string_view name, const Names& candidates) {
  return kpi::closest_match(name, candidates);
}

}  // namespace

TEST_SUITE("core.did_you_mean") {
  TEST_CASE("a missing, extra or wrong letter is suggested") {
    const Names fields = {"amount", "store", "time"};
    CHECK(closest("amont", fields) == "amount");
    CHECK(closest("amountt", fields) == "amount");
    CHECK(closest("stroe", fields) == "store");
    CHECK(closest("tine", fields) == "time");
  }

  TEST_CASE("two swapped neighbours count as one edit") {
    CHECK(closest("fliter", Names{"filter", "files"}) == "filter");
    CHECK(closest("pso", Names{"pos", "crm"}) == "pos");  // 3 letters allow one edit
  }

  TEST_CASE("about one edit per three characters is allowed") {
    CHECK(closest("revnue", Names{"revenue"}) == "revenue");  // 6 letters: 2 allowed, 1 used
    CHECK(closest("revnu", Names{"revenue"}) == "revenue");   // 5 letters: 2 allowed, 2 used
    CHECK(closest("rvnu", Names{"revenue"}) == "");           // 4 letters: 2 allowed, 3 used
    CHECK(closest("ordrs_cnt", Names{"orders_count"}) == "orders_count");  // 9: 3 allowed, 3 used
    CHECK(closest("odrs_cnt", Names{"orders_count"}) == "");               // 8: 3 allowed, 4 used
  }

  TEST_CASE("nothing is suggested when every candidate is too far") {
    CHECK(closest("revenue", Names{"orders", "store"}) == "");
    CHECK(closest("xyz", Names{"abc"}) == "");
    CHECK(closest("amount", Names{}) == "");
  }

  TEST_CASE("one-character names are never suggested another name") {
    CHECK(closest("a", Names{"b", "ab"}) == "");
    CHECK(closest("x", Names{"y"}) == "");
    CHECK(closest("a", Names{"a"}) == "a");  // only the same name is within 0 edits
  }

  TEST_CASE("the closest candidate wins, and the first one written on a tie") {
    CHECK(closest("store", Names{"stores", "store"}) == "store");
    CHECK(closest("sales", Names{"saless", "sale"}) == "saless");
    CHECK(closest("sales", Names{"sale", "saless"}) == "sale");
    CHECK(closest("amont", Names{"amounts", "amount"}) == "amount");
  }

  TEST_CASE("one CJK character counts as one edit, not its three bytes") {
    // 销 and 数 differ in all three of their UTF-8 bytes, yet they are one edit apart.
    CHECK(closest("销量", Names{"数量", "金额"}) == "数量");
    CHECK(closest("金頟", Names{"金额", "数量"}) == "金额");
    CHECK(closest("销售额", Names{"销售量"}) == "销售量");
    CHECK(closest("客单价", Names{"客户单价"}) == "客户单价");
    CHECK(closest("实收金额", Names{"实收金"}) == "实收金");
  }

  TEST_CASE("two-character CJK names must share a character to be suggested") {
    CHECK(closest("金额", Names{"数量"}) == "");
    CHECK(closest("门店", Names{"区域", "日期"}) == "");
    CHECK(closest("收入", Names{"收款", "支出"}) == "收款");
  }

  TEST_CASE("CJK and Latin names mix in one list") {
    const Names fields = {"amount", "实收金额", "门店编码", "store"};
    CHECK(closest("实收金頟", fields) == "实收金额");
    CHECK(closest("门店编号", fields) == "门店编码");
    CHECK(closest("stor", fields) == "store");
    CHECK(closest("交易时间", fields) == "");
  }

  TEST_CASE("did_you_mean wraps the suggestion for a message, or gives nothing") {
    const Names measures = {"sales", "orders"};
    CHECK(kpi::did_you_mean("sale", measures) == " (did you mean \"sales\"?)");
    CHECK(kpi::did_you_mean("ordres", measures) == " (did you mean \"orders\"?)");
    CHECK(kpi::did_you_mean("visits", measures) == "");
    CHECK(kpi::did_you_mean("销量", Names{"数量"}) == " (did you mean \"数量\"?)");
  }
}
