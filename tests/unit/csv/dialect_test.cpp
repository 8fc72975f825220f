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
