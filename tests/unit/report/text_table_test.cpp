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

  TEST_CASE("colours go around a cell's text, outside the widths") {
    kpi::TableLayout layout;
    layout.colour = true;
    layout.tones = {{}, {kpi::Tone::Plain, kpi::Tone::Good}, {kpi::Tone::Plain, kpi::Tone::Bad}};
    CHECK(render_text_table({{"KPI", "status"}, {"销售额", "met"}, {"x", "missed"}},
                            {Align::Left, Align::Right}, layout) ==
          "KPI     status\n"
          "销售额     \x1B[32mmet\x1B[0m\n"
          "x       \x1B[31mmissed\x1B[0m\n");
    layout.colour = false;
    CHECK(render_text_table({{"a", "b"}}, {}, layout) == "a  b\n");
  }

  TEST_CASE("paint: green, amber (yellow) and red; plain text as it is") {
    CHECK(kpi::paint("达标", kpi::Tone::Good) == "\x1B[32m达标\x1B[0m");
    CHECK(kpi::paint("预警", kpi::Tone::Warning) == "\x1B[33m预警\x1B[0m");
    CHECK(kpi::paint("未达标", kpi::Tone::Bad) == "\x1B[31m未达标\x1B[0m");
    CHECK(kpi::paint("—", kpi::Tone::Plain) == "—");
  }

  TEST_CASE("a table wider than the terminal leaves out columns in the order given") {
    const Rows rows = {{"KPI", "actual", "target", "环比"},
                       {"销售额", "1,234.00", "1200", "+5.0%"}};
    const std::vector<Align> align = {Align::Left, Align::Right, Align::Right, Align::Right};
    kpi::TableLayout layout;
    layout.indent = "  ";
    layout.droppable = {3, 2};
    layout.width = 36;  // the whole table: 2 + 6 + 2 + 8 + 2 + 6 + 2 + 5 = 33
    CHECK(render_text_table(rows, align, layout) ==
          "  KPI       actual  target   环比\n"
          "  销售额  1,234.00    1200  +5.0%\n");
    layout.width = 32;
    CHECK(kpi::columns_left_out(rows, layout) == 1);
    CHECK(render_text_table(rows, align, layout) ==
          "  KPI       actual  target\n"
          "  销售额  1,234.00    1200\n");
    layout.width = 20;
    CHECK(kpi::columns_left_out(rows, layout) == 2);
    CHECK(render_text_table(rows, align, layout) ==
          "  KPI       actual\n"
          "  销售额  1,234.00\n");
  }

  TEST_CASE("left_out leaves out columns whatever the width, so tables of a report agree") {
    kpi::TableLayout layout;
    layout.droppable = {2, 1};
    layout.left_out = 1;
    CHECK(render_text_table({{"a", "b", "c"}}, {}, layout) == "a  b\n");
    CHECK(kpi::columns_left_out({{"a", "b", "c"}}, layout) == 1);
  }

  TEST_CASE("then the first column is cut to fit, down to eight columns") {
    const Rows rows = {{"KPI", "value"}, {"项目套餐销售占比", "28.2%"}, {"x", "1"}};
    kpi::TableLayout layout;
    layout.width = 16;  // 16 + 2 + 5 = 23 wide: the name column is cut to 9
    CHECK(render_text_table(rows, {Align::Left, Align::Right}, layout) ==
          "KPI        value\n"
          "项目套餐…  28.2%\n"
          "x              1\n");
    layout.width = 4;  // not below eight columns
    CHECK(render_text_table(rows, {Align::Left, Align::Right}, layout) ==
          "KPI       value\n"
          "项目套…   28.2%\n"
          "x             1\n");
  }
}
