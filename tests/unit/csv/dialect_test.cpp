// SPDX-License-Identifier: MIT
#include "kpi/csv/dialect.hpp"

#include <doctest/doctest.h>

using kpi::csv::sniff_delimiter;

TEST_SUITE("csv.dialect") {
  TEST_CASE("each supported delimiter is sniffed") {
    CHECK(sniff_delimiter("a,b,c\n1,2,3\n", true) == ',');
    CHECK(sniff_delimiter("a;b;c\n1;2;3\n", true) == ';');
    CHECK(sniff_delimiter("a\tb\tc\n1\t2\t3\n", true) == '\t');
    CHECK(sniff_delimiter("a|b|c\n1|2|3\n", true) == '|');
  }

  TEST_CASE("decimal commas do not fool the sniffer") {
    CHECK(sniff_delimiter("门店;金额;数量\nA;1,5;2\nB;2,75;3\n", true) == ';');
  }

  TEST_CASE("quoted delimiters are ignored") {
    CHECK(sniff_delimiter("name|note\n\"a,b,c,d\"|x\n\"e,f\"|y\n", true) == '|');
  }

  TEST_CASE("the candidate most records agree with wins over a wider header") {
    CHECK(sniff_delimiter("a,b;c\n1,2\n3,4\n5,6\n", true) == ',');
  }

  TEST_CASE("one column, or an unfinished last line in a partial sample") {
    CHECK(sniff_delimiter("amount\n1\n2\n", true) == ',');
    CHECK(sniff_delimiter("a\tb\n1\t2\n3,4,5,6,7", false) == '\t');
  }

  TEST_CASE("delimiter names") {
    CHECK(kpi::csv::delimiter_name('\t') == "tab");
    CHECK(kpi::csv::delimiter_name(';') == "';'");
  }
}

TEST_SUITE("csv.dialect") {
  TEST_CASE("a decimal comma is detected from the numbers of the sample") {
    using kpi::csv::sniff_decimal;
    using kpi::csv::split_sample;
    const auto sniff = [](std::string_view sample, char delimiter) {
      return sniff_decimal(split_sample(sample, true, delimiter), 3, delimiter);
    };
    const auto spanish = sniff(
        "Fecha;Tienda;Importe\n03/06/2025;Madrid;1.234,56\n"
        "04/06/2025;Sevilla;1,250\n",
        ';');
    CHECK(spanish.decimal == ',');
    CHECK(spanish.comma_detected);
    CHECK(spanish.unclear_columns.empty());
    // Every number reads two ways and nothing else tells: the column is unclear.
    const auto unclear = sniff("a;b;c\nx;1,250;7\ny;2,500;8\n", ';');
    CHECK(unclear.decimal == '.');
    CHECK_FALSE(unclear.comma_detected);
    CHECK(unclear.unclear_columns == std::vector<std::size_t>{1});
    // A decimal point elsewhere in the file settles it.
    const auto settled = sniff("a;b;c\nx;1,250;7.5\ny;2,500;8\n", ';');
    CHECK(settled.decimal == '.');
    CHECK(settled.unclear_columns.empty());
    // Both marks in one file: not detected, and "1,250" stays unclear.
    CHECK(sniff("a;b;c\n2,5;1,250;7.5\n", ';').decimal == '.');
    CHECK(sniff("a;b;c\n2,5;1,250;7.5\n", ';').unclear_columns == std::vector<std::size_t>{1});
    // A comma-separated file keeps the decimal point.
    CHECK(sniff("a,b,c\nx,\"2,55\",1\n", ',').decimal == '.');
  }

  TEST_CASE("the sample's records carry their lines") {
    const auto records = kpi::csv::split_sample("a;b\r\n\r\n1;\"x\ny\"\r\n2;z\r\n3;", false, ';');
    REQUIRE(records.size() == 3);
    CHECK(records[1].line == 3);
    CHECK(records[1].fields == std::vector<std::string>{"1", "x\ny"});
    CHECK(records[2].line == 5);
  }
}
