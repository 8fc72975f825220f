// SPDX-License-Identifier: MIT
#include "kpi/csv/header.hpp"

#include <doctest/doctest.h>

#include <vector>

namespace {

kpi::csv::Header normalize(std::vector<std::string_view> fields) {
  return kpi::csv::normalize_header(fields);
}

using Names = std::vector<std::string>;

}  // namespace

TEST_SUITE("csv.header") {
  TEST_CASE("surrounding spaces, ideographic spaces and a stray BOM are removed") {
    CHECK(normalize({"  门店 ",
                     "\xEF\xBB\xBF"
                     "金额",
                     "\xE3\x80\x80数量\t"})
              .names == Names{"门店", "金额", "数量"});
  }

  TEST_CASE("empty names become column_N") {
    const auto header = normalize({"a", "", " "});
    CHECK(header.names == Names{"a", "column_2", "column_3"});
    REQUIRE(header.renames.size() == 2);
    CHECK(header.renames[0].column == 2);
    CHECK(header.renames[0].renamed == "column_2");
  }

  TEST_CASE("duplicates get _2, _3, skipping names already taken") {
    CHECK(normalize({"金额", "金额", "金额"}).names == Names{"金额", "金额_2", "金额_3"});
    CHECK(normalize({"a", "a", "a_2"}).names == Names{"a", "a_3", "a_2"});
  }

  TEST_CASE("clean headers need no renames") { CHECK(normalize({"a", "b"}).renames.empty()); }
}
