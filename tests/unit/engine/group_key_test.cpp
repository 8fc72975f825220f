// SPDX-License-Identifier: MIT
#include "kpi/engine/group_key.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

std::string key_of(std::vector<std::string_view> values) {
  std::string key;
  kpi::engine::encode_group_key(values, key);
  return key;
}

}  // namespace

TEST_SUITE("engine.group_key") {
  TEST_CASE("values come back as they went in, whatever their bytes") {
    const std::vector<std::vector<std::string_view>> cases = {
        {"SH01", "王丽"}, {"", ""}, {"A/B", " / "}, {std::string_view("a\0b", 3), "\x01"}};
    for (const auto& values : cases) {
      const std::vector<std::string> back = kpi::engine::decode_group_key(key_of(values));
      CHECK(back == std::vector<std::string>(values.begin(), values.end()));
    }
  }

  TEST_CASE("different values never share a key") {
    CHECK(key_of({"a", std::string_view("\0b", 2)}) != key_of({std::string_view("a\0", 2), "b"}));
    CHECK(key_of({"a\x01", "b"}) != key_of({"a",
                                            "\x01"
                                            "b"}));
  }

  TEST_CASE("keys sort field by field") {
    CHECK(key_of({"SH01", "Z"}) < key_of({"SH01A", "A"}));
    CHECK(key_of({"BJ02", "王丽"}) < key_of({"SH01", "李娜"}));
  }
}
