// SPDX-License-Identifier: MIT
#include "kpi/core/same_bytes.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace {

// "abcdefghij…" of `size` letters.
std::string letters(std::size_t size) {
  std::string text;
  for (std::size_t i = 0; i < size; ++i) {
    text.push_back(static_cast<char>('a' + i % 26));
  }
  return text;
}

}  // namespace

TEST_SUITE("core.same_bytes") {
  TEST_CASE("texts with the same bytes are the same, at every length") {
    for (std::size_t size = 0; size <= 40; ++size) {
      CAPTURE(size);
      const std::string a = letters(size), b = letters(size);  // two buffers
      CHECK(kpi::same_bytes(a, b));
    }
    CHECK(kpi::same_bytes("", ""));
    CHECK(kpi::same_bytes("门店编码", "门店编码"));
  }

  TEST_CASE("a difference in any one byte is seen, at every length and position") {
    // Lengths 4–7 and 8–16 compare two overlapping words; every byte must be covered.
    int differences_seen = 0;
    int positions_tried = 0;
    for (std::size_t size = 1; size <= 40; ++size) {
      const std::string a = letters(size);
      for (std::size_t at = 0; at < size; ++at) {
        std::string b = a;
        b[at] = '#';
        ++positions_tried;
        if (!kpi::same_bytes(a, b) && !kpi::same_bytes(b, a)) {
          ++differences_seen;
        } else {
          FAIL_CHECK("missed a difference at byte " << at << " of " << size);
        }
      }
    }
    CHECK(positions_tried == 820);  // 1 + 2 + … + 40
    CHECK(differences_seen == 820);
  }

  TEST_CASE("texts of different lengths differ, even when one starts the other") {
    CHECK_FALSE(kpi::same_bytes("", "a"));
    CHECK_FALSE(kpi::same_bytes("store", "stores"));
    CHECK_FALSE(kpi::same_bytes("abcdefgh", "abcdefghi"));
    CHECK_FALSE(kpi::same_bytes("abcdefghijklmnop", "abcdefghijklmnopq"));
    CHECK_FALSE(kpi::same_bytes("门店", "门店编码"));
  }

  TEST_CASE("the bytes are compared as they are: case, NUL and high bytes count") {
    CHECK_FALSE(kpi::same_bytes("Store", "store"));
    CHECK_FALSE(kpi::same_bytes("HQ-00001", "hq-00001"));
    CHECK(kpi::same_bytes(std::string_view("a\0b", 3), std::string_view("a\0b", 3)));
    CHECK_FALSE(kpi::same_bytes(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
    CHECK_FALSE(kpi::same_bytes(std::string_view("abc\0", 4), std::string_view("abc ", 4)));
    CHECK_FALSE(kpi::same_bytes("金额", "金頟"));          // 6 bytes, one word each way
    CHECK_FALSE(kpi::same_bytes("实收金额", "实收金頟"));  // 12 bytes, two overlapping words
    CHECK(kpi::same_bytes("\xFF\xFE\x80\x81", "\xFF\xFE\x80\x81"));
  }

  TEST_CASE("only the viewed bytes count, not what follows them") {
    const std::string long_a = "HQ-0001|north", long_b = "HQ-0001|south";
    CHECK(kpi::same_bytes(std::string_view(long_a).substr(0, 7),
                          std::string_view(long_b).substr(0, 7)));
    CHECK(kpi::same_bytes(std::string_view(long_a).substr(0, 4),
                          std::string_view(long_b).substr(0, 4)));
    CHECK_FALSE(kpi::same_bytes(std::string_view(long_a).substr(5, 8),
                                std::string_view(long_b).substr(5, 8)));
  }
}
