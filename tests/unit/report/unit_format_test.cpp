// SPDX-License-Identifier: MIT
#include "kpi/report/unit_format.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>

using kpi::format_by_unit;
using kpi::format_change;
using kpi::format_percent;
using kpi::group_thousands;

namespace {
const std::string kDash = "\xE2\x80\x94";  // —
}

TEST_SUITE("report.unit_format") {
  TEST_CASE("group_thousands puts a comma every three digits of the whole part") {
    CHECK(group_thousands("1234567.89") == "1,234,567.89");
    CHECK(group_thousands("1234") == "1,234");
    CHECK(group_thousands("123456") == "123,456");
    CHECK(group_thousands("1000000") == "1,000,000");
    CHECK(group_thousands("123") == "123");
    CHECK(group_thousands("0.5") == "0.5");
    CHECK(group_thousands("") == "");
  }

  TEST_CASE("group_thousands leaves the sign and the decimals alone") {
    CHECK(group_thousands("-1234567") == "-1,234,567");
    CHECK(group_thousands("-123") == "-123");
    CHECK(group_thousands("-123456.5") == "-123,456.5");
    CHECK(group_thousands("1234.567891") == "1,234.567891");
  }

  TEST_CASE("money: the currency before the digits, grouped, the sign before the currency") {
    const auto yuan = [](long double value, int precision) {
      return format_by_unit(value, "money", precision, std::nullopt, "¥");
    };
    CHECK(yuan(1234567.891L, 2) == "¥1,234,567.89");
    CHECK(yuan(1234.5L, 2) == "¥1,234.50");
    CHECK(yuan(-1234.5L, 2) == "-¥1,234.50");
    CHECK(yuan(-5, 0) == "-¥5");
    CHECK(yuan(1234567, 0) == "¥1,234,567");
    CHECK(yuan(0, 2) == "¥0.00");
    CHECK(yuan(-0.001L, 2) == "¥0.00");  // no "-¥0.00"
    CHECK(format_by_unit(-1234.5L, "money", 2, std::nullopt, "$") == "-$1,234.50");
    CHECK(format_by_unit(1234.5L, "money", 0, std::nullopt, "HK$") == "HK$1,235");
    // No currency named: the amount alone, never a guessed ¥.
    CHECK(format_by_unit(-1234.5L, "money", 2) == "-1,234.50");
  }

  TEST_CASE("percent: the ratio times 100, ungrouped") {
    CHECK(format_by_unit(0.35L, "percent", 1) == "35.0%");
    CHECK(format_by_unit(0.1235L, "percent", 2) == "12.35%");
    CHECK(format_by_unit(12.5L, "percent", 1) == "1250.0%");
    CHECK(format_by_unit(-0.05L, "percent", 0) == "-5%");
  }

  TEST_CASE("count, score and no unit are grouped numbers alone") {
    CHECK(format_by_unit(1234, "count", 0) == "1,234");
    CHECK(format_by_unit(1234.5L, "score", 1) == "1,234.5");
    CHECK(format_by_unit(1234.5L, "", 2) == "1,234.50");
    CHECK(format_by_unit(-98765.4321L, "count", 2) == "-98,765.43");
  }

  TEST_CASE("any other unit is written after the number") {
    CHECK(format_by_unit(2.44L, "days", 1) == "2.4 days");
    CHECK(format_by_unit(2.44L, "days", 1, std::nullopt, "¥", "天") == "2.4 天");
    CHECK(format_by_unit(12.5L, "unit", 1) == "12.5 unit");
    CHECK(format_by_unit(1234.5L, "元/㎡", 0) == "1,235 元/㎡");
    CHECK(format_by_unit(3, "人次", 0) == "3 人次");
  }

  TEST_CASE("no value is a dash in every unit") {
    CHECK(format_by_unit(std::nullopt, "money", 2) == kDash);
    CHECK(format_by_unit(std::nullopt, "percent", 1) == kDash);
    CHECK(format_by_unit(std::nullopt, "days", 1) == kDash);
    CHECK(format_by_unit(std::nullopt, "", 0) == kDash);
  }

  TEST_CASE("format_percent: one decimal") {
    CHECK(format_percent(0.953L) == "95.3%");
    CHECK(format_percent(1.2L) == "120.0%");
    CHECK(format_percent(0) == "0.0%");
    CHECK(format_percent(-0.05L) == "-5.0%");
    CHECK(format_percent(0.00125L) == "0.1%");
    CHECK(format_percent(12.3456L) == "1234.6%");  // not grouped
    CHECK(format_percent(std::nullopt) == kDash);
  }

  TEST_CASE("format_change: signed percentage, no sign when it rounds to zero") {
    CHECK(format_change(0.07L) == "+7.0%");
    CHECK(format_change(-0.031L) == "-3.1%");
    CHECK(format_change(1.5L) == "+150.0%");
    CHECK(format_change(0) == "0.0%");
    CHECK(format_change(0.0004L) == "0.0%");
    CHECK(format_change(-0.0004L) == "0.0%");
    CHECK(format_change(0.0006L) == "+0.1%");
    CHECK(format_change(-0.0006L) == "-0.1%");
    CHECK(format_change(std::nullopt) == kDash);
  }
}
