// SPDX-License-Identifier: MIT
#include "kpi/report/number_format.hpp"

#include <doctest/doctest.h>

#include <string>

using kpi::format_fixed;
using kpi::format_raw_number;

TEST_SUITE("report.number_format") {
  TEST_CASE("format_fixed writes exactly the requested decimals") {
    CHECK(format_fixed(1234.5L, 2) == "1234.50");
    CHECK(format_fixed(1234567.891L, 2) == "1234567.89");
    CHECK(format_fixed(3, 0) == "3");
    CHECK(format_fixed(-3, 0) == "-3");
    CHECK(format_fixed(0, 2) == "0.00");
    CHECK(format_fixed(7, 3) == "7.000");
    CHECK(format_fixed(0.1234567L, 6) == "0.123457");
  }

  TEST_CASE("format_fixed rounds ties half away from zero, not to even") {
    // All of these are exact in binary, so they are true ties; printf would give 0.12, 2, 0.2.
    CHECK(format_fixed(0.125L, 2) == "0.13");
    CHECK(format_fixed(-0.125L, 2) == "-0.13");
    CHECK(format_fixed(2.5L, 0) == "3");
    CHECK(format_fixed(-2.5L, 0) == "-3");
    CHECK(format_fixed(0.5L, 0) == "1");
    CHECK(format_fixed(0.25L, 1) == "0.3");
    CHECK(format_fixed(1234.375L, 2) == "1234.38");
  }

  TEST_CASE("format_fixed never writes a negative zero") {
    CHECK(format_fixed(-0.001L, 2) == "0.00");
    CHECK(format_fixed(-0.004L, 2) == "0.00");
    CHECK(format_fixed(-0.0L, 1) == "0.0");
    CHECK(format_fixed(-0.4L, 0) == "0");
    CHECK(format_fixed(-0.006L, 2) == "-0.01");  // rounds to a hundredth: not a zero
  }

  TEST_CASE("format_raw_number is the shortest text with at most six decimals") {
    CHECK(format_raw_number(1234.5L) == "1234.5");
    CHECK(format_raw_number(1234.50L) == "1234.5");
    CHECK(format_raw_number(0.1234567L) == "0.123457");
    CHECK(format_raw_number(-3) == "-3");
    CHECK(format_raw_number(0) == "0");
    CHECK(format_raw_number(-0.5L) == "-0.5");
    CHECK(format_raw_number(0.35L) == "0.35");
  }

  TEST_CASE("format_raw_number keeps the zeros of whole numbers") {
    CHECK(format_raw_number(100) == "100");
    CHECK(format_raw_number(1200) == "1200");
    CHECK(format_raw_number(-10) == "-10");
    CHECK(format_raw_number(1000000) == "1000000");
  }

  TEST_CASE("format_raw_number leaves out binary noise") {
    CHECK(format_raw_number(0.1 + 0.2) == "0.3");
    CHECK(format_raw_number(1234567.89) == "1234567.89");
    CHECK(format_raw_number(12345678901.23L) == "12345678901.23");
    CHECK(format_raw_number(100.0L / 3) == "33.333333");
    CHECK(format_raw_number(2.0L / 3) == "0.666667");
  }

  TEST_CASE("format_raw_number: below a millionth is zero, never negative zero") {
    CHECK(format_raw_number(0.0000001L) == "0");
    CHECK(format_raw_number(-0.0000001L) == "0");
    CHECK(format_raw_number(0.000001L) == "0.000001");
    CHECK(format_raw_number(-0.000001L) == "-0.000001");
  }

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

  TEST_CASE("exact values in millionths are written exactly at any size") {
    const kpi::ExactUnits largest = 9'223'372'036'854'775'807;
    CHECK(kpi::format_raw_units(largest) == "9223372036854.775807");
    CHECK(kpi::format_raw_units(largest * 1'000'000 + 457'004) == "9223372036854775807.457004");
    CHECK(kpi::format_raw_units(-5) == "-0.000005");
    CHECK(kpi::format_raw_units(0) == "0");
    CHECK(kpi::format_raw_units(-120'000'000) == "-120");
    const kpi::ExactUnits sum = kpi::ExactUnits{9'172'400'000'000'123} * 1'000'000 + 457'004;
    CHECK(kpi::format_fixed_units(sum, 6) == "9172400000000123.457004");
    CHECK(kpi::format_fixed_units(sum, 2) == "9172400000000123.46");
    CHECK(kpi::format_fixed_units(2'500'000, 0) == "3");
    CHECK(kpi::format_fixed_units(-2'500'000, 0) == "-3");
    CHECK(kpi::format_fixed_units(-4'999, 2) == "0.00");
    CHECK(*kpi::format_hundredfold_units(352'500, 1) == "35.3");
  }
}
