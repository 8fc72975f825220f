// SPDX-License-Identifier: MIT
#include "kpi/report/number_format.hpp"

#include <doctest/doctest.h>

TEST_SUITE("report.number_format") {
  TEST_CASE("a half is rounded up on the decimal digits, not on the binary value") {
    // (9912.18 + 9912.19) / 2 is 9912.185, which long double holds as 9912.18499999…
    const long double average = (9912.18L + 9912.19L) / 2;
    CHECK(kpi::format_fixed(average, 2) == "9912.19");
    CHECK(kpi::format_raw_number(average) == "9912.185");
    CHECK(kpi::format_fixed(0.125L, 2) == "0.13");
    CHECK(kpi::format_fixed(-0.125L, 2) == "-0.13");
    CHECK(kpi::format_fixed(2.675L, 2) == "2.68");
    CHECK(kpi::format_fixed(1.005L, 2) == "1.01");
    CHECK(kpi::format_fixed(0.0000005L, 6) == "0.000001");
    CHECK(kpi::format_fixed(99.95L, 1) == "100.0");
    CHECK(kpi::format_fixed(-0.004L, 2) == "0.00");
    CHECK(kpi::format_fixed(1234.5L, 0) == "1235");
  }

  TEST_CASE("large values keep their six decimals while long double holds them") {
    const long double largest = 9223372036854775807.0L / 1000000;
    CHECK(kpi::format_raw_number(largest) == "9223372036854.775807");
    CHECK(kpi::format_fixed(-largest, 6) == "-9223372036854.775807");
    CHECK(kpi::format_fixed(1e15L, 2) == "1000000000000000.00");
  }
}
