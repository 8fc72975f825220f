// SPDX-License-Identifier: MIT
#include "kpi/csv/encoding.hpp"

#include <doctest/doctest.h>

#include <string>

using kpi::csv::detect_encoding;
using kpi::csv::named_encoding;

TEST_SUITE("csv.encoding") {
  TEST_CASE("byte-order marks decide first") {
    CHECK(detect_encoding("\xEF\xBB\xBF"
                          "a,b\n",
                          true)
              .describe() == "UTF-8 with BOM");
    CHECK(detect_encoding("\xFF\xFE"
                          "a\0",
                          true)
              .describe() == "UTF-16LE with BOM");
    CHECK(detect_encoding(std::string_view("\xFE\xFF\0a", 4), true).describe() ==
          "UTF-16BE with BOM");
  }

  TEST_CASE("UTF-16 without a mark is recognised from its zero bytes") {
    CHECK(detect_encoding(std::string_view("a\0,\0b\0\n\0", 8), true).name == "UTF-16LE");
    CHECK(detect_encoding(std::string_view("\0a\0,\0b\0\n", 8), true).name == "UTF-16BE");
  }

  TEST_CASE("strict UTF-8, else GB18030") {
    CHECK(detect_encoding("门店,金额\n", true).describe() == "UTF-8");
    CHECK(detect_encoding("\xC3\xC5\xB5\xEA,\xBD\xF0\xB6\xEE\n", true).describe() == "GB18030");
  }

  TEST_CASE("a character cut at the end of a partial sample still counts as UTF-8") {
    CHECK(detect_encoding("门店\xE9\x87", false).name == "UTF-8");
    CHECK(detect_encoding("门店\xE9\x87", true).name == "GB18030");
  }

  TEST_CASE("named encodings fold common spellings and keep the byte-order mark skip") {
    CHECK(named_encoding("GBK", "").name == "GB18030");
    CHECK(named_encoding("cp936", "").name == "GB18030");
    CHECK(named_encoding("utf8",
                         "\xEF\xBB\xBF"
                         "x")
              .bom_length == 3);
    CHECK(named_encoding("UTF-16", "\xFE\xFF").name == "UTF-16BE");
    CHECK(named_encoding("latin1", "").name == "latin1");
    CHECK_FALSE(named_encoding("gb2312", "").detected);
  }
}

TEST_SUITE("csv.encoding") {
  TEST_CASE("a UTF-8 header means UTF-8, even with bad bytes further on") {
    CHECK(detect_encoding("门店,金额\nSH01,1\xFF\xFE\n", true).name == "UTF-8");
    CHECK(detect_encoding("store,amount\nSH01,1\xFF\xFE\n", true).name == "GB18030");
  }
}
