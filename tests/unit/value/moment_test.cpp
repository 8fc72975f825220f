// SPDX-License-Identifier: MIT
#include "kpi/value/moment.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <initializer_list>

TEST_SUITE("value.moment") {
  TEST_CASE("days and seconds round-trip, before 1970 too") {
    CHECK(kpi::moment_of(0) == 0);
    CHECK(kpi::moment_of(20240, 3600) == 20240LL * 86400 + 3600);
    for (const std::int32_t day : {-719468, -1, 0, 1, 20240}) {
      for (const std::int64_t second : {0, 1, 43200, 86399}) {
        const std::int64_t moment = kpi::moment_of(day, second);
        CHECK(kpi::day_of(moment) == day);
        CHECK(kpi::second_of_day(moment) == second);
      }
    }
    CHECK(kpi::day_of(-1) == -1);  // 1969-12-31 23:59:59
    CHECK(kpi::second_of_day(-1) == 86399);
  }
}
