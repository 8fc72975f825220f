// SPDX-License-Identifier: MIT
#include "kpi/csv/utf8.hpp"

#include <doctest/doctest.h>

#include <string>

using kpi::csv::check_utf8;

TEST_SUITE("csv.utf8") {
  TEST_CASE("ASCII and Chinese text are valid") {
    const std::string ascii = "plain ascii, long enough for the 8-byte path";
    CHECK(check_utf8(ascii).ok(ascii.size()));
    const std::string chinese = "实收金额 ¥1,234";
    CHECK(check_utf8(chinese).ok(chinese.size()));
  }

  TEST_CASE("the first invalid byte is located") {
    CHECK(check_utf8("ab\xFF"
                     "cd")
              .valid_length == 2);
    CHECK_FALSE(check_utf8("ab\xFF"
                           "cd")
                    .truncated);
    CHECK(check_utf8("\xC0\xAF").valid_length == 0);          // overlong '/'
    CHECK(check_utf8("\xED\xA0\x80").valid_length == 0);      // surrogate U+D800
    CHECK(check_utf8("\xF4\x90\x80\x80").valid_length == 0);  // above U+10FFFF
    CHECK(check_utf8("\xE5\xAE\x9E\x41\x80").valid_length == 4);
  }

  TEST_CASE("a character cut by the end is reported as truncated") {
    const auto check = check_utf8("ok\xE5\xAE");
    CHECK(check.valid_length == 2);
    CHECK(check.truncated);
  }

  TEST_CASE("GBK text is not UTF-8") {
    // 实收 in GBK
    CHECK_FALSE(check_utf8("\xCA\xB5\xCA\xD5").ok(4));
  }
}
