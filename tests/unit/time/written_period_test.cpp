// SPDX-License-Identifier: MIT
#include "kpi/time/written_period.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

// The label of what `text` reads as, or "none".
std::string read(std::string_view text, kpi::time::Calendar calendar = {}) {
  const auto period = kpi::time::parse_written_period(text, calendar);
  return period ? period->label : "none";
}

}  // namespace

TEST_SUITE("time.written_period") {
  TEST_CASE("every --period form without a relative word") {
    CHECK(read("2025-06") == "2025-06");
    CHECK(read("2025-Q2") == "2025-Q2");
    CHECK(read("2025") == "2025");
    CHECK(read("2025-W23") == "2025-W23");
    CHECK(read("2025-06-03") == "2025-06-03");
    CHECK(read("2025-06-01") == "2025-06-01");  // ISO is a day, as with --period
    CHECK(read("2025-06-01..2025-06-15") == "2025-06-01..2025-06-15");
    CHECK(read("this-month") == "none");
    CHECK(read("today") == "none");
  }

  TEST_CASE("months as analysts and Excel write them") {
    CHECK(read("2025-6") == "2025-06");
    CHECK(read("2025/6") == "2025-06");
    CHECK(read("2025/06") == "2025-06");
    CHECK(read("2025.6") == "2025-06");
    CHECK(read("2025年6月") == "2025-06");
    CHECK(read("2025年06月") == "2025-06");
    CHECK(read("Jun-25") == "2025-06");
    CHECK(read("jun-2025") == "2025-06");
    CHECK(read("June 2025") == "2025-06");
    CHECK(read("Sept-25") == "none");
    CHECK(read("2025/6/1") == "2025-06");  // Excel's date for a typed month
    CHECK(read("2025年6月1日") == "2025-06");
    CHECK(read("2025/6/15") == "2025-06-15");
  }

  TEST_CASE("quarters and years") {
    CHECK(read("2025Q2") == "2025-Q2");
    CHECK(read("2025年Q2") == "2025-Q2");
    CHECK(read("2025年第2季度") == "2025-Q2");
    CHECK(read("2025年2季度") == "2025-Q2");
    CHECK(read("2025年") == "2025");
    CHECK(read("2025年度") == "2025");
    CHECK(read("2025年第5季度") == "none");
  }

  TEST_CASE("what is not a period") {
    CHECK(read("2025-13") == "none");
    CHECK(read("2025-0") == "none");
    CHECK(read("2025/13/1") == "none");
    CHECK(read("2025年13月") == "none");
    CHECK(read("Foo-25") == "none");
    CHECK(read("Jun-5") == "none");
    CHECK(read("六月") == "none");
    CHECK(read("") == "none");
  }

  TEST_CASE("months follow the calendar: with month_start_day 26, 2025-6 is 05-26..06-25") {
    const auto period = kpi::time::parse_written_period("2025-6", kpi::time::Calendar{26});
    REQUIRE(period);
    CHECK(kpi::time::same_days(*period, kpi::time::month_period({2025, 6}, {26})));
    CHECK_FALSE(kpi::time::same_days(*period, kpi::time::month_period({2025, 6}, {})));
  }
}
