// SPDX-License-Identifier: MIT
#include "kpi/report/xlsx_formats.hpp"

#include <doctest/doctest.h>

using kpi::report::unit_number_format;
using kpi::report::weight_format;

TEST_SUITE("report.xlsx_formats") {
  TEST_CASE("money in the library's currency, quoted, at the KPI's precision") {
    CHECK(unit_number_format("money", 2, "¥") == "\"¥\"#,##0.00");
    CHECK(unit_number_format("money", 0, "$") == "\"$\"#,##0");
    CHECK(unit_number_format("money", 1, "HK$") == "\"HK$\"#,##0.0");
  }

  TEST_CASE("percentages are fractions; other units plain numbers") {
    CHECK(unit_number_format("percent", 1, "¥") == "0.0%");
    CHECK(unit_number_format("percent", 0, "¥") == "0%");
    CHECK(unit_number_format("count", 0, "¥") == "#,##0");
    CHECK(unit_number_format("days", 2, "¥") == "#,##0.00");
    CHECK(unit_number_format("元/㎡", 3, "¥") == "#,##0.000");
  }

  TEST_CASE("a weight shows a decimal only when it has one") {
    CHECK(weight_format(30) == "0%");
    CHECK(weight_format(12.5L) == "0.0%");
  }
}
