// SPDX-License-Identifier: MIT
#include "kpi/store/group_index.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <utility>
#include <vector>

namespace {

// A group told apart by its number.
struct NumberedGroup {
  std::uint64_t number = 0;
};
using GroupIndex = kpi::store::GroupIndex<NumberedGroup>;

NumberedGroup group_numbered(std::uint64_t number) { return {number}; }

std::uint64_t number_of(const NumberedGroup* group) { return group == nullptr ? 0 : group->number; }

}  // namespace

TEST_SUITE("store.group_index") {
  TEST_CASE("each value finds its own group, through the cache or not") {
    // Store codes and channel names of every length the cache hashes its own way, and values
    // that share their ends or their length.
    const std::vector<std::string> values = {
        "", "A", "BJ", "BJ0", "BJ005", "BJ006", "SZ005", "门店", "企业微信私域", "企业微信公域",
        "美团点评", "a longer text than sixteen",
        // Same ends, different middles: 20 bytes (held whole in the cache's words) and 27
        // bytes (not: byte 17 is in none of them).
        "AAAAAAAA1111BBBBBBBB", "AAAAAAAA2222BBBBBBBB", "AAAAAAAAxxxxxxxxx1xBBBBBBBB",
        "AAAAAAAAxxxxxxxxx2xBBBBBBBB"};
    GroupIndex index;
    for (std::size_t k = 0; k < values.size(); ++k) {
      CHECK(index.find(values[k]) == nullptr);
      index.add(values[k], group_numbered(k + 1));
    }
    for (int round = 0; round < 3; ++round) {  // the first round fills the cache
      for (std::size_t k = 0; k < values.size(); ++k) {
        CAPTURE(values[k]);
        CHECK(number_of(index.find(values[k])) == k + 1);
        CHECK(number_of(std::as_const(index).find(values[k])) == k + 1);
      }
    }
    CHECK(index.find("BJ00") == nullptr);
    CHECK(index.find("BJ0055") == nullptr);
    CHECK(index.all().size() == values.size());
  }

  TEST_CASE("groups found before many more are added are found again") {
    // Adding rehashes the map, moving its groups: what the cache held must not be used.
    GroupIndex index;
    index.add("S0", group_numbered(1));
    REQUIRE(number_of(index.find("S0")) == 1);
    for (std::uint64_t k = 1; k < 2000; ++k) {
      index.add(fmt::format("S{}", k), group_numbered(k + 1));
      index.find(fmt::format("S{}", k / 2))->number += 0;  // keep the cache busy
    }
    for (std::uint64_t k = 0; k < 2000; ++k) {
      CHECK(number_of(index.find(fmt::format("S{}", k))) == k + 1);
    }
  }

  TEST_CASE("a copy and a move find their own groups") {
    GroupIndex index;
    index.add("BJ005", group_numbered(1));
    REQUIRE(index.find("BJ005") != nullptr);  // cached
    GroupIndex copy = index;
    copy.find("BJ005")->number = 7;
    CHECK(number_of(index.find("BJ005")) == 1);
    CHECK(number_of(copy.find("BJ005")) == 7);
    GroupIndex moved = std::move(copy);
    CHECK(number_of(moved.find("BJ005")) == 7);
    GroupIndex assigned;
    assigned.add("SZ002", group_numbered(3));
    REQUIRE(assigned.find("SZ002") != nullptr);
    assigned = index;
    CHECK(assigned.find("SZ002") == nullptr);
    CHECK(number_of(assigned.find("BJ005")) == 1);
  }
}
