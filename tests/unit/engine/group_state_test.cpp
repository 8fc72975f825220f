// SPDX-License-Identifier: MIT
#include "kpi/engine/group_state.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

using kpi::engine::KeyInput;
using kpi::engine::KeyTable;
using kpi::engine::ValueKey;
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

TEST_SUITE("engine.key_table") {
  TEST_CASE("keys of every form are added once, counted, found and listed as they were given") {
    const kpi::library::CompiledMeasure measure;  // rows only: no inputs, no partials
    // Packed forms (short text, digits, an id) and texts that do not pack.
    const std::vector<ValueKey> values = {
        ValueKey::of_text("BJ005"),          ValueKey::of_text("6100023211"),
        ValueKey::of_text("06100023211"),    ValueKey::of_id(42),
        ValueKey::of_text("M000123456"),     ValueKey::of_text("悦颜·北京"),
        ValueKey::of_text("12345678901234"), ValueKey::of_text("1234567")};
    KeyTable table;
    for (std::size_t k = 0; k < values.size(); ++k) {
      for (std::size_t row = 0; row <= k; ++row) {  // key k gets k + 1 rows
        REQUIRE(KeyTable::add_row(table.add(values[k], measure)));
      }
    }
    CHECK(table.size() == values.size());
    std::vector<std::string> listed;
    table.for_each([&](const ValueKey& value, const KeyTable::Key& key) {
      const auto given = std::find(values.begin(), values.end(), value);
      REQUIRE(given != values.end());
      CHECK(key.rows == given - values.begin() + 1);
      CHECK(table.contains(value));
      listed.push_back(value.is_id() ? fmt::format("#{}", value.id()) : value.bytes().substr(1));
    });
    std::sort(listed.begin(), listed.end());
    CHECK(listed == std::vector<std::string>{"#42", "06100023211", "1234567", "12345678901234",
                                             "6100023211", "BJ005", "M000123456", "悦颜·北京"});
    CHECK_FALSE(table.contains(ValueKey::of_text("610002321")));
    CHECK_FALSE(table.contains(ValueKey::of_id(43)));
  }

  TEST_CASE("a key's rows stop at 32 bits with an error, not a wrong count") {
    KeyTable::Key key{0, UINT32_MAX - 1};
    CHECK(KeyTable::add_row(key));
    CHECK(key.rows == UINT32_MAX);
    CHECK_FALSE(KeyTable::add_row(key));
  }
}
