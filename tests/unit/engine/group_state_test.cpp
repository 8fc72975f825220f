// SPDX-License-Identifier: MIT
#include "kpi/engine/group_state.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

using kpi::engine::KeyInput;
using kpi::library::Aggregate;

TEST_SUITE("engine.key_input") {
  TEST_CASE("a key's count and sum are exact until they no longer fit, then an error") {
    KeyInput rows;
    REQUIRE(rows.add(Aggregate::Count, kpi::expr::Value::of_text("x")));
    // Doubling by merging with itself: 2^31 rows fit in 32 bits, 2^32 do not.
    for (int doubling = 1; doubling <= 31; ++doubling) {
      const KeyInput copy = rows;
      REQUIRE(rows.merge(Aggregate::Count, copy));
    }
    CHECK(*rows.result(Aggregate::Count) == 2147483648.0L);
    const KeyInput copy = rows;
    CHECK_FALSE(rows.merge(Aggregate::Count, copy));

    KeyInput sum;
    const auto big = kpi::expr::Value::of_number(kpi::Decimal::from_units(INT64_MAX / 2 + 1));
    REQUIRE(sum.add(Aggregate::Sum, big));
    CHECK(*sum.result(Aggregate::Count) == 1.0L);
    CHECK_FALSE(sum.add(Aggregate::Sum, big));
  }

  TEST_CASE("min, max and avg of one key") {
    KeyInput min, max, avg;
    for (const std::int64_t units : {3'000'000, -1'500'000, 12'250'000}) {
      const auto value = kpi::expr::Value::of_number(kpi::Decimal::from_units(units));
      REQUIRE(min.add(Aggregate::Min, value));
      REQUIRE(max.add(Aggregate::Max, value));
      REQUIRE(avg.add(Aggregate::Avg, value));
    }
    CHECK(*min.result(Aggregate::Min) == -1.5L);
    CHECK(*max.result(Aggregate::Max) == 12.25L);
    CHECK(static_cast<double>(*avg.result(Aggregate::Avg)) == doctest::Approx(13.75 / 3));
    CHECK_FALSE(KeyInput().result(Aggregate::Min).has_value());
  }
}
