// SPDX-License-Identifier: MIT
#include "kpi/store/value_key.hpp"

#include <doctest/doctest.h>

#include <string>

#include "kpi/store/value_interner.hpp"

using kpi::expr::Value;
using kpi::store::ValueInterner;
using kpi::store::ValueKey;

TEST_SUITE("store.value_key") {
  TEST_CASE("a short text's key holds its tagged bytes, however it is made") {
    for (const std::string text : {"", "6100023211", "悦颜·北", "12345678901234"}) {
      std::string bytes;
      ValueInterner::bytes_of(Value::of_text(text), bytes);
      const ValueKey key = ValueKey::of_text(text);
      CHECK(key == ValueKey::of_bytes(bytes));
      CHECK(key.bytes() == bytes);
      CHECK_FALSE(key.is_id());
    }
    // Every length of_text builds its own way, from bytes at the end of a buffer: digits
    // (packed from 7 on), letters, and digits with a letter at the end.
    for (const std::string all : {"12345678901234", "abcdefghijklmn", "1234567890123x"}) {
      for (std::size_t size = 0; size < ValueKey::kInlineBytes; ++size) {
        const std::string_view text = std::string_view(all).substr(all.size() - size);
        std::string bytes;
        ValueInterner::bytes_of(Value::of_text(text), bytes);
        CAPTURE(text);
        const ValueKey key = ValueKey::of_text(text);
        CHECK(key.bytes() == bytes);
        if (const auto packed = key.packed()) {
          CHECK(ValueKey::of_packed(*packed) == key);
        }
      }
    }
  }

  TEST_CASE("keys of different kinds, texts and ids differ") {
    std::string number_bytes;
    ValueInterner::bytes_of(Value::of_number(kpi::Decimal::from_units(1'000'000)), number_bytes);
    CHECK_FALSE(ValueKey::of_text("1") == ValueKey::of_bytes(number_bytes));
    CHECK_FALSE(ValueKey::of_text("ab") == ValueKey::of_text("ab "));
    CHECK_FALSE(ValueKey::of_id(1) == ValueKey::of_id(2));
    CHECK(ValueKey::of_id(7).is_id());
    CHECK(ValueKey::of_id(7).id() == 7);
    CHECK_FALSE(ValueKey::of_id(0) == ValueKey::of_bytes(""));
  }
}
