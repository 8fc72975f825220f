// SPDX-License-Identifier: MIT
#include "kpi/value/cell_text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

// The wide blanks exports pad cells with, spelled out so that literals can be joined.
#define NBSP "\xC2\xA0"             // U+00A0 no-break space
#define IDEOGRAPHIC "\xE3\x80\x80"  // U+3000 ideographic space

TEST_SUITE("value.cell_text") {
  TEST_CASE("trim_cell removes ASCII whitespace at both ends only") {
    CHECK(kpi::trim_cell("  42  ") == "42");
    CHECK(kpi::trim_cell("\t\r\n42\r\n") == "42");
    CHECK(kpi::trim_cell(" a b ") == "a b");
    CHECK(kpi::trim_cell("42") == "42");
    CHECK(kpi::trim_cell("") == "");
    CHECK(kpi::trim_cell(" \t ") == "");
  }

  TEST_CASE("trim_cell removes no-break and ideographic spaces") {
    CHECK(kpi::trim_cell(NBSP IDEOGRAPHIC " 销售额" IDEOGRAPHIC) == "销售额");
    CHECK(kpi::trim_cell(NBSP "1" NBSP) == "1");
    CHECK(kpi::trim_cell(IDEOGRAPHIC IDEOGRAPHIC) == "");
    // A blank inside the text stays.
    CHECK(kpi::trim_cell(" a" IDEOGRAPHIC "b ") == "a" IDEOGRAPHIC "b");
    CHECK(kpi::trim_cell(NBSP "a" NBSP "b" NBSP) == "a" NBSP "b");
    // A blank at one end only, next to Chinese text.
    CHECK(kpi::trim_cell("销售额" IDEOGRAPHIC) == "销售额");
    CHECK(kpi::trim_cell(IDEOGRAPHIC "销售额") == "销售额");
    CHECK(kpi::trim_cell("悦颜" NBSP) == "悦颜");
    CHECK(kpi::trim_cell(NBSP "悦颜") == "悦颜");
    CHECK(kpi::trim_cell("悦颜·北京") == "悦颜·北京");
  }

  TEST_CASE("trim_cell returns a view into its argument") {
    constexpr std::string_view text = "  abc ";
    const std::string_view trimmed = kpi::trim_cell(text);
    CHECK(trimmed.data() == text.data() + 2);
    CHECK(trimmed.size() == 3);
  }

  TEST_CASE("is_missing_token accepts the documented tokens") {
    CHECK(kpi::is_missing_token(""));
    CHECK(kpi::is_missing_token("-"));
    CHECK(kpi::is_missing_token("--"));
    CHECK(kpi::is_missing_token("\xE2\x80\x94"));  // — em dash
    CHECK(kpi::is_missing_token("N/A"));
    CHECK(kpi::is_missing_token("NA"));
    CHECK(kpi::is_missing_token("NULL"));
    CHECK(kpi::is_missing_token("#N/A"));
    CHECK(kpi::is_missing_token("None"));
  }

  TEST_CASE("is_missing_token ignores ASCII case") {
    CHECK(kpi::is_missing_token("null"));
    CHECK(kpi::is_missing_token("Null"));
    CHECK(kpi::is_missing_token("n/a"));
    CHECK(kpi::is_missing_token("na"));
    CHECK(kpi::is_missing_token("#n/a"));
    CHECK(kpi::is_missing_token("NONE"));
    CHECK(kpi::is_missing_token("none"));
  }

  TEST_CASE("is_missing_token rejects values and near misses") {
    CHECK_FALSE(kpi::is_missing_token("0"));
    CHECK_FALSE(kpi::is_missing_token("---"));
    CHECK_FALSE(kpi::is_missing_token("N/A "));  // expects a trimmed cell
    CHECK_FALSE(kpi::is_missing_token(" "));
    CHECK_FALSE(kpi::is_missing_token("NAN"));
    CHECK_FALSE(kpi::is_missing_token("NUL"));
    CHECK_FALSE(kpi::is_missing_token("Nonee"));
    CHECK_FALSE(kpi::is_missing_token("\xE2\x80\x93"));  // – en dash is not listed
    CHECK_FALSE(kpi::is_missing_token("无"));
  }

  TEST_CASE("fold_full_width rewrites full-width digits and number punctuation") {
    CHECK(kpi::fold_full_width("０１２３４５６７８９") == "0123456789");
    CHECK(kpi::fold_full_width("１２３．５") == "123.5");
    CHECK(kpi::fold_full_width("（１，２３４．００）") == "(1,234.00)");
    CHECK(kpi::fold_full_width("－１２") == "-12");
    CHECK(kpi::fold_full_width("＋３５％") == "+35%");
    CHECK(kpi::fold_full_width("１" IDEOGRAPHIC "２") == "1 2");
  }

  TEST_CASE("fold_full_width leaves every other character as it is") {
    CHECK(kpi::fold_full_width("1,234.50") == "1,234.50");
    CHECK(kpi::fold_full_width("ＡＢＣ") == "ＡＢＣ");      // full-width letters
    CHECK(kpi::fold_full_width("１２：３０") == "12：30");  // full-width colon
    CHECK(kpi::fold_full_width("￥１２") == "￥12");        // U+FFE5 is not in U+FF01..FF5E
    CHECK(kpi::fold_full_width("汉字１元") == "汉字1元");
    CHECK(kpi::fold_full_width(NBSP "1") == NBSP "1");
    CHECK(kpi::fold_full_width("") == "");
  }

  TEST_CASE("fold_full_width keeps truncated UTF-8 bytes") {
    CHECK(kpi::fold_full_width("1\xEF\xBC") == "1\xEF\xBC");
    CHECK(kpi::fold_full_width("\xEF") == "\xEF");
  }

  TEST_CASE("trim_cell removes byte-order marks at the start of a cell") {
    // Exports joined with cat, or cells pasted from Excel, carry U+FEFF into a cell.
    CHECK(kpi::trim_cell("\xEF\xBB\xBFS") == "S");
    CHECK(kpi::trim_cell(" \xEF\xBB\xBF S ") == "S");
    CHECK(kpi::trim_cell("\xEF\xBB\xBF\xEF\xBB\xBF"
                         "2025-06-01") == "2025-06-01");
    CHECK(kpi::trim_cell("\xEF\xBC\x91") == "\xEF\xBC\x91");  // full-width 1 stays
  }
}
