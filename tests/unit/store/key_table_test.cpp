// SPDX-License-Identifier: MIT
#include "kpi/store/key_table.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

using kpi::store::KeyTable;
using kpi::store::ValueKey;

TEST_SUITE("store.key_table") {
  TEST_CASE("keys of every form are added once, counted, found and listed as they were given") {
    // Packed forms (short text, digits, an id) and texts that do not pack.
    const std::vector<ValueKey> values = {
        ValueKey::of_text("BJ005"),          ValueKey::of_text("6100023211"),
        ValueKey::of_text("06100023211"),    ValueKey::of_id(42),
        ValueKey::of_text("M000123456"),     ValueKey::of_text("悦颜·北京"),
        ValueKey::of_text("12345678901234"), ValueKey::of_text("1234567")};
    KeyTable table;
    for (std::size_t k = 0; k < values.size(); ++k) {
      for (std::size_t row = 0; row <= k; ++row) {  // key k gets k + 1 rows
        const auto [key, added] = table.add(values[k]);
        CHECK(added == (row == 0));
        CHECK(key->position == k);  // the order of arrival
        REQUIRE(KeyTable::add_row(*key));
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
