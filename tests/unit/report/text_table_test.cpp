// SPDX-License-Identifier: MIT
#include "kpi/report/text_table.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using kpi::Align;
using kpi::render_text_table;
using Rows = std::vector<std::vector<std::string>>;

TEST_SUITE("report.text_table") {
  TEST_CASE("columns are as wide as their widest cell, two spaces apart") {
    CHECK(render_text_table({{"kpi", "value"}, {"orders", "12"}, {"sales", "1900.51"}}, {}) ==
          "kpi     value\n"
          "orders  12\n"
          "sales   1900.51\n");
  }

  TEST_CASE("a CJK character takes two columns, so the next column still lines up") {
    CHECK(render_text_table({{"门店", "区域"}, {"S001", "华东"}, {"S0002", "East"}}, {}) ==
          "门店   区域\n"
          "S001   华东\n"
          "S0002  East\n");
  }

  TEST_CASE("right-aligned figures end in the same column, after CJK names") {
    CHECK(render_text_table({{"KPI", "actual"}, {"销售额", "1,234.00"}, {"orders", "12"}},
                            {Align::Left, Align::Right}) ==
          "KPI       actual\n"
          "销售额  1,234.00\n"
          "orders        12\n");
  }

  TEST_CASE("full-width signs count two columns when right-aligned") {
    CHECK(render_text_table({{"value"}, {"￥12"}, {"¥12"}}, {Align::Right}) ==
          "value\n"
          " ￥12\n"    // ￥ (U+FFE5) is full-width: 4 columns
          "  ¥12\n");  // ¥ (U+00A5) is narrow: 3 columns
  }

  TEST_CASE("no trailing blanks, whatever the last column's alignment") {
    CHECK(render_text_table({{"a", "long text"}, {"bb", ""}}, {}) ==
          "a   long text\n"
          "bb\n");
    CHECK(render_text_table({{"a", "1234"}, {"bb", ""}}, {Align::Left, Align::Right}) ==
          "a   1234\n"
          "bb\n");
  }

  TEST_CASE("columns without an alignment are left-aligned") {
    CHECK(render_text_table({{"x", "1", "a"}, {"yy", "22", "bbb"}}, {Align::Right}) ==
          " x  1   a\n"
          "yy  22  bbb\n");
  }

  TEST_CASE("every line starts with the indent") {
    CHECK(render_text_table({{"x", "1"}, {"yy", "22"}}, {Align::Left, Align::Right}, "  ") ==
          "  x    1\n"
          "  yy  22\n");
  }

  TEST_CASE("short rows end early, and an empty row is an empty line") {
    CHECK(render_text_table({{"a", "b", "c"}, {"dd"}, {}, {"e", "ff"}}, {}) ==
          "a   b   c\n"
          "dd\n"
          "\n"
          "e   ff\n");
  }

  TEST_CASE("no rows, no text") { CHECK(render_text_table(Rows{}, {Align::Right}) == ""); }
}
