// SPDX-License-Identifier: MIT
// The reader on the shapes of real exports: quoting, line ends, blank lines, ragged records.
#include <doctest/doctest.h>

#include "kpi/csv/cell_error.hpp"
#include "test_support.hpp"

using kpi::test::open_bytes;
using kpi::test::read_all;
using kpi::test::read_error;
using kpi::test::Rows;

TEST_SUITE("csv.reader.quoting") {
  TEST_CASE("RFC 4180 quoting with LF, CRLF and a missing final newline") {
    const Rows expected = {{"id", "note"}, {"1", "a,b"}, {"2", "say \"hi\""}};
    CHECK(read_all("id,note\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n") == expected);
    CHECK(read_all("id,note\r\n1,\"a,b\"\r\n2,\"say \"\"hi\"\"\"\r\n") == expected);
    CHECK(read_all("id,note\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"") == expected);
  }

  TEST_CASE("line breaks inside quotes, LF or CRLF, come out as LF") {
    const Rows expected = {{"id", "备注"}, {"1", "第一行\n第二行, 有逗号"}, {"2", "x"}};
    CHECK(read_all("id,备注\n1,\"第一行\n第二行, 有逗号\"\n2,x\n") == expected);
    CHECK(read_all("id,备注\r\n1,\"第一行\r\n第二行, 有逗号\"\r\n2,x\r\n") == expected);
  }

  TEST_CASE("a record's line is the physical line where it starts") {
    const auto reader = open_bytes("id,note\n1,\"two\nlines\"\n\n2,x\n");
    kpi::csv::Record record;
    REQUIRE(reader->next(record));
    CHECK(record.line == 2);
    REQUIRE(reader->next(record));
    CHECK(record.line == 5);
    CHECK_FALSE(reader->next(record));
  }

  TEST_CASE("empty last lines and blank lines between records are ignored") {
    CHECK(read_all("a,b\n1,2\n\n\n3,4\n\n") == Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}});
    CHECK(read_all("\n\na,b\n1,2\n") == Rows{{"a", "b"}, {"1", "2"}});
  }

  TEST_CASE("a line of delimiters is a record of empty fields, not a blank line") {
    CHECK(read_all("a,b\n,\n") == Rows{{"a", "b"}, {"", ""}});
  }

  TEST_CASE("records with too many or too few fields are skipped, counted and located") {
    const auto reader = open_bytes("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n");
    kpi::csv::Record record;
    int kept = 0;
    while (reader->next(record)) {
      ++kept;
    }
    CHECK(kept == 2);
    const auto& skipped = reader->skipped();
    CHECK(skipped.count == 2);
    REQUIRE(skipped.first.size() == 2);
    CHECK(kpi::render(skipped.first[0]) == "test.csv:3: record has 2 fields but the header has 3");
    CHECK(kpi::render(skipped.first[1]) == "test.csv:4: record has 4 fields but the header has 3");
  }

  TEST_CASE("--strict makes a ragged record an error") {
    kpi::csv::ReaderOptions options;
    options.strict = true;
    CHECK(read_error("a,b\n1,2\n3\n", options) ==
          "test.csv:3: record has 1 field but the header has 2");
  }

  TEST_CASE("bare CR line ends (old Mac exports) are read as line ends") {
    CHECK(read_all("a,b\r1,2\r3,4\r") == Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}});
  }

  TEST_CASE("a forced delimiter overrides sniffing") {
    kpi::csv::ReaderOptions options;
    options.delimiter = ';';
    const auto reader = open_bytes("a,b;c\n1,2;3\n", options);
    CHECK(reader->header().names == std::vector<std::string>{"a,b", "c"});
    CHECK_FALSE(reader->dialect().delimiter_sniffed);
  }

  TEST_CASE("values keep their spaces, and headers lose theirs") {
    CHECK(read_all(" 门店 , 金额 \n A , 1 \n") == Rows{{"门店", "金额"}, {" A ", " 1 "}});
  }

  TEST_CASE("duplicate and empty headers get documented names") {
    CHECK(read_all("金额,金额,\n1,2,3\n") == Rows{{"金额", "金额_2", "column_3"}, {"1", "2", "3"}});
  }
}

TEST_SUITE("csv.cell_error") {
  TEST_CASE("a bad cell is located by file, line, field number and column name") {
    const auto reader = open_bytes("单号,实收金额\nA1,\"12,3a\"\n");
    kpi::csv::Record record;
    REQUIRE(reader->next(record));
    CHECK(kpi::render(kpi::csv::bad_cell(*reader, record, 1, "is not a number")) ==
          "test.csv:2:2: column \"实收金额\": \"12,3a\" is not a number");
  }
}
