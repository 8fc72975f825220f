// SPDX-License-Identifier: MIT
#include "kpi/value/decimal.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

namespace {
kpi::Decimal units(std::int64_t count) { return kpi::Decimal::from_units(count); }
}  // namespace

TEST_SUITE("value.decimal") {
  TEST_CASE("a default Decimal is zero") {
    CHECK(kpi::Decimal().units() == 0);
    CHECK(kpi::Decimal().to_string() == "0");
    CHECK(kpi::Decimal().to_string(2) == "0.00");
  }

  TEST_CASE("from_units keeps millionths, and to_double converts") {
    CHECK(units(1'234'500000).units() == 1'234'500000);
    CHECK(units(1'500000).to_double() == 1.5);
    CHECK(units(-250000).to_double() == -0.25);
    CHECK(units(1) < units(2));
    CHECK(units(-1) < units(0));
    CHECK(units(7) == units(7));
  }

  TEST_CASE("to_string() gives the shortest exact text") {
    CHECK(units(1'234'500000).to_string() == "1234.5");
    CHECK(units(-10000).to_string() == "-0.01");
    CHECK(units(80'000'000000).to_string() == "80000");
    CHECK(units(350000).to_string() == "0.35");
    CHECK(units(352500).to_string() == "0.3525");
    CHECK(units(1).to_string() == "0.000001");
    CHECK(units(-1).to_string() == "-0.000001");
    CHECK(units(10'000000).to_string() == "10");
    CHECK(units(-1'234'000000).to_string() == "-1234");
    CHECK(units(123'456789).to_string() == "123.456789");
  }

  TEST_CASE("to_string(digits) pads with zeros") {
    CHECK(units(1'234'500000).to_string(2) == "1234.50");
    CHECK(units(1'234'500000).to_string(6) == "1234.500000");
    CHECK(units(1'234'500000).to_string(1) == "1234.5");
    CHECK(units(1'234'000000).to_string(0) == "1234");
    CHECK(units(50000).to_string(2) == "0.05");
    CHECK(units(-50000).to_string(3) == "-0.050");
  }

  TEST_CASE("to_string(digits) rounds half away from zero") {
    CHECK(units(5000).to_string(2) == "0.01");     // 0.005
    CHECK(units(4999).to_string(2) == "0.00");     // 0.004999
    CHECK(units(-5000).to_string(2) == "-0.01");   // -0.005
    CHECK(units(-4999).to_string(2) == "0.00");    // no "-0.00"
    CHECK(units(2'500000).to_string(0) == "3");    // 2.5
    CHECK(units(-2'500000).to_string(0) == "-3");  // -2.5
    CHECK(units(1'499999).to_string(0) == "1");
    CHECK(units(-499999).to_string(0) == "0");
    CHECK(units(1'234'565000).to_string(2) == "1234.57");
    CHECK(units(9'999500).to_string(3) == "10.000");  // the carry reaches the integer part
    CHECK(units(-9'995000).to_string(2) == "-10.00");
    CHECK(units(123'456789).to_string(4) == "123.4568");
  }

  TEST_CASE("to_string(digits) clamps digits to 0..6") {
    CHECK(units(1'234'567891).to_string(9) == "1234.567891");
    CHECK(units(1'234'567891).to_string(-3) == "1235");
  }

  TEST_CASE("the most negative and most positive values") {
    constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    CHECK(units(kMin).to_string() == "-9223372036854.775808");
    CHECK(units(kMin).to_string(6) == "-9223372036854.775808");
    CHECK(units(kMin).to_string(2) == "-9223372036854.78");
    CHECK(units(kMin).to_string(1) == "-9223372036854.8");
    CHECK(units(kMin).to_string(0) == "-9223372036855");
    CHECK(units(kMax).to_string() == "9223372036854.775807");
    CHECK(units(kMax).to_string(2) == "9223372036854.78");
    CHECK(units(kMax).to_string(0) == "9223372036855");
  }
}
