// SPDX-License-Identifier: MIT
#include "kpi/score/pay_loader.hpp"

#include <doctest/doctest.h>

#include <string>

#include "test_support.hpp"

namespace {

std::vector<kpi::score::PayRow> load(std::string csv) {
  const auto reader = kpi::test::open_bytes(std::move(csv));
  return kpi::score::load_pay(*reader);
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

}  // namespace

TEST_SUITE("score.pay_loader") {
  TEST_CASE("each person's base bonus, read as money") {
    const auto rows = load("姓名,奖金基数\n王丽,\"¥5,000\"\n陈静,0.8万\n刘洋,3333.33\n\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].person == "王丽");
    CHECK(rows[0].base_units == 5'000'000'000);
    CHECK(rows[1].base_units == 8'000'000'000);
    CHECK(rows[2].base_units == 3'333'330'000);
    CHECK(rows[2].where.line == 4);
  }

  TEST_CASE("English headers, and a scorecard column for scorecards without entities") {
    CHECK(load("Employee,Base Bonus\nChen,100\n")[0].person == "Chen");
    CHECK(load("岗位,基数\n运营总监,100\n")[0].person == "运营总监");
  }

  TEST_CASE("bad pay files are located errors") {
    CHECK(load_error("姓名,金额\n王丽,5000\n") ==
          "test.csv:1: no base bonus column (expected one of \"奖金基数\", \"绩效奖金基数\", "
          "\"基数\", \"base bonus\", \"base\"); the file has \"姓名\", \"金额\"");
    CHECK(load_error("姓名,奖金基数\n王丽,五千\n") ==
          "test.csv:2:2: base bonus \"五千\" is not an amount of 0 or more, such as 5000, ¥5,000 "
          "or 0.5万");
    CHECK(load_error("姓名,奖金基数\n王丽,-5\n") ==
          "test.csv:2:2: base bonus \"-5\" is not an amount of 0 or more, such as 5000, ¥5,000 "
          "or 0.5万");
    CHECK(load_error("姓名,奖金基数\n王丽,20%\n").starts_with("test.csv:2:2: base bonus \"20%\""));
    CHECK(load_error("姓名,奖金基数\n王丽,5000\n王丽,6000\n") ==
          "test.csv:3:1: \"王丽\" has a base bonus on line 2 already");
    CHECK(load_error("姓名,奖金基数\n,5000\n") == "test.csv:2:1: the person is empty");
  }
}
