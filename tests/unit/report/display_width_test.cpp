// SPDX-License-Identifier: MIT
#include "kpi/report/display_width.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_SUITE("report.display_width") {
  TEST_CASE("ASCII takes one column per character") {
    CHECK(kpi::display_width("") == 0);
    CHECK(kpi::display_width("a") == 1);
    CHECK(kpi::display_width("revenue 1234.50") == 15);
  }

  TEST_CASE("CJK and full-width characters take two columns") {
    CHECK(kpi::display_width("汉字") == 4);
    CHECK(kpi::display_width("销售额") == 6);
    CHECK(kpi::display_width("￥") == 2);            // U+FFE5 full-width yen
    CHECK(kpi::display_width("ＡＢＣ") == 6);        // full-width letters
    CHECK(kpi::display_width("１２３") == 6);        // full-width digits
    CHECK(kpi::display_width("，。") == 4);          // CJK punctuation
    CHECK(kpi::display_width("\xE3\x80\x80") == 2);  // ideographic space
    CHECK(kpi::display_width("カタカナ") == 8);
    CHECK(kpi::display_width("한국") == 4);
    CHECK(kpi::display_width("\xF0\xA0\x80\x80") == 2);  // U+20000, CJK extension B
  }

  TEST_CASE("narrow non-ASCII characters take one column") {
    CHECK(kpi::display_width("¥") == 1);  // U+00A5 half-width yen
    CHECK(kpi::display_width("€") == 1);
    CHECK(kpi::display_width("é") == 1);
    CHECK(kpi::display_width("…") == 1);
    CHECK(kpi::display_width("\xEF\xBD\xB1") == 1);  // ｱ half-width katakana
  }

  TEST_CASE("mixed text adds up") {
    CHECK(kpi::display_width("销售额¥12") == 9);
    CHECK(kpi::display_width("￥1,234.50") == 10);
    CHECK(kpi::display_width("华东区 East") == 11);
    CHECK(kpi::display_width("1.2万元") == 7);
  }

  TEST_CASE("emoji are wide") {
    CHECK(kpi::display_width("\xF0\x9F\x8E\x81") == 2);  // 🎁 U+1F381, East Asian Width W
    CHECK(kpi::display_width("\xF0\x9F\x8E\x81礼盒") == 6);
  }

  TEST_CASE("utf8proc's widths: newer emoji are wide, combining marks take no column") {
    CHECK(kpi::display_width("\xF0\x9F\xAB\xA0") == 2);  // 🫠 U+1FAE0 (Unicode 14)
    CHECK(kpi::display_width("\xF0\x9F\xA9\xB7") == 2);  // 🩷 U+1FA77 (Unicode 15)
    CHECK(kpi::display_width("\xE2\x8F\xB0") == 2);      // ⏰ U+23F0, emoji presentation
    CHECK(kpi::display_width("e\xCC\x81") == 1);         // e + combining acute: é
    CHECK(kpi::display_width("\xF0\xB0\x80\x80") == 2);  // U+30000, CJK extension G
    CHECK(kpi::display_width("\xE3\x8A\x80") == 2);      // ㊀ U+3280, circled ideograph
    CHECK(kpi::display_width("\xF0\x9F\xAB\xA0礼盒") == 6);
  }

  TEST_CASE("invalid UTF-8 counts one column per byte") {
    CHECK(kpi::display_width("\xE6\xB1") == 2);  // truncated 汉
    CHECK(kpi::display_width("a\x80") == 2);     // stray continuation byte
  }

  TEST_CASE("truncate_to_width keeps text that fits") {
    CHECK(kpi::truncate_to_width("abc", 3) == "abc");
    CHECK(kpi::truncate_to_width("abc", 10) == "abc");
    CHECK(kpi::truncate_to_width("汉字", 4) == "汉字");
    CHECK(kpi::truncate_to_width("", 0) == "");
  }

  TEST_CASE("truncate_to_width cuts and ends in an ellipsis") {
    CHECK(kpi::truncate_to_width("abcdef", 4) == "abc…");
    CHECK(kpi::truncate_to_width("abcdef", 1) == "…");
    CHECK(kpi::truncate_to_width("汉字测试", 5) == "汉字…");
    CHECK(kpi::truncate_to_width("汉字测试", 6) == "汉字…");  // never splits a wide character
    CHECK(kpi::truncate_to_width("汉字测试", 7) == "汉字测…");
    CHECK(kpi::truncate_to_width("a汉字", 3) == "a…");
    CHECK(kpi::display_width(kpi::truncate_to_width("销售额合计", 7)) == 7);
  }

  TEST_CASE("truncate_to_width never exceeds the width") {
    CHECK(kpi::truncate_to_width("abc", 0) == "");
    for (std::size_t width = 0; width <= 12; ++width) {
      CHECK(kpi::display_width(kpi::truncate_to_width("华东区 East 销售", width)) <= width);
    }
  }

  TEST_CASE("pad_to_width pads with spaces to the column count") {
    CHECK(kpi::pad_to_width("ab", 5) == "ab   ");
    CHECK(kpi::pad_to_width("汉字", 6) == "汉字  ");
    CHECK(kpi::pad_to_width("￥12", 6) == "￥12  ");
    CHECK(kpi::pad_to_width("", 3) == "   ");
    CHECK(kpi::display_width(kpi::pad_to_width("销售额¥12", 12)) == 12);
  }

  TEST_CASE("pad_to_width leaves text at or over the width as it is") {
    CHECK(kpi::pad_to_width("abc", 3) == "abc");
    CHECK(kpi::pad_to_width("abcdef", 3) == "abcdef");
    CHECK(kpi::pad_to_width("汉字", 3) == "汉字");
    CHECK(kpi::pad_to_width("x", 0) == "x");
  }
}
