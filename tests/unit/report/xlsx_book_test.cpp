// SPDX-License-Identifier: MIT
#include "kpi/report/xlsx_book.hpp"

#include <doctest/doctest.h>

#include <string>

using kpi::report::XlsxBook;

namespace {

// A small workbook: a text, a number and a missing number.
std::string small_book() {
  XlsxBook book;
  kpi::report::XlsxSheet& sheet = book.add_sheet("销售额");
  sheet.header(0, 0, "KPI");
  sheet.text(1, 0, "客单价");
  sheet.number(1, 1, 2382.745596L, "0.00");
  sheet.number(2, 1, std::nullopt, "0.00");
  sheet.header_row(2, 2);
  sheet.fit_columns();
  return book.finish();
}

}  // namespace

TEST_SUITE("report.xlsx_book") {
  TEST_CASE("sheet names are made valid for Excel and unique") {
    XlsxBook book;
    CHECK(book.add_sheet("门店 · S001").name() == "门店 · S001");
    CHECK(book.add_sheet("a/b:c[d]*e?f\\g").name() == "a_b_c_d__e_f_g");
    CHECK(book.add_sheet("'quoted'").name() == "_quoted_");
    CHECK(book.add_sheet("Summary").name() == "Summary");
    CHECK(book.add_sheet("summary").name() == "summary (2)");  // Excel ignores case
    CHECK(book.add_sheet("").name() == "_");
    // 31 characters, counted as characters, not bytes: 40 汉字 keep 31.
    std::string long_name;
    for (int i = 0; i < 40; ++i) {
      long_name += "汉";
    }
    const std::string& cut = book.add_sheet(long_name).name();
    CHECK(cut.size() == 31 * 3);
    CHECK(book.add_sheet(long_name).name() == long_name.substr(0, 27 * 3) + " (2)");
    // Two-byte characters: the cut for " (3)" falls between characters, never inside one.
    std::string accented;
    for (int i = 0; i < 40; ++i) {
      accented += "é";
    }
    CHECK(book.add_sheet(accented).name() == accented.substr(0, 31 * 2));
    CHECK(book.add_sheet(accented).name() == accented.substr(0, 27 * 2) + " (2)");
  }

  TEST_CASE("a workbook is a zip, the same bytes every time") {
    const std::string bytes = small_book();
    CHECK(bytes.starts_with("PK\x03\x04"));
    CHECK(bytes == small_book());
  }
}
