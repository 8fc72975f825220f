// SPDX-License-Identifier: MIT
#include "kpi/library/breakdown.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using kpi::library::breakdown_fields;
using kpi::library::breakdown_name;

TEST_SUITE("library.breakdown") {
  TEST_CASE("a breakdown is written as its fields joined by commas") {
    CHECK(breakdown_fields("store") == std::vector<std::string>{"store"});
    CHECK(breakdown_fields(" store , 渠道 ") == std::vector<std::string>{"store", "渠道"});
    CHECK(breakdown_fields("").empty());
    CHECK(breakdown_fields("  ").empty());
    CHECK(breakdown_fields("store,,channel") == std::vector<std::string>{"store", "", "channel"});
    const std::vector<std::string> fields = {"store", "adviser"};
    CHECK(breakdown_name(fields) == "store,adviser");
  }
}
