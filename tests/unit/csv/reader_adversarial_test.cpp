// SPDX-License-Identifier: MIT
// Inputs meant to break a reader: each gives records or a located error, never a crash.
#include <doctest/doctest.h>

#include "test_support.hpp"

using kpi::test::open_bytes;
using kpi::test::read_all;
using kpi::test::read_error;
using kpi::test::Rows;

TEST_SUITE("csv.reader.adversarial") {
  TEST_CASE("an empty file has no header") {
    CHECK(read_error("") ==
          "test.csv: the file is empty; expected a header line with column names");
    CHECK(read_error("\n\n") ==
          "test.csv: the file is empty; expected a header line with column names");
  }

  TEST_CASE("a header only gives no records") {
    CHECK(read_all("a,b\n") == Rows{{"a", "b"}});
    CHECK(read_all("a,b") == Rows{{"a", "b"}});
  }

  TEST_CASE("an unterminated quote at the end of the file names the line and column") {
    CHECK(read_error("a,b\n1,\"open\nstill open\n") ==
          "test.csv:2: the quoted field in column 2 \"b\" that starts on this line never closes");
  }

  TEST_CASE("a NUL byte is located") {
    CHECK(read_error(std::string("a,b\n1,2\n3,\0\n", 12)) ==
          "test.csv:3: contains a NUL byte, which a text export never has (is this a binary "
          "file, or UTF-16 without a byte-order mark? name the encoding: --encoding for kpi "
          "inspect, `encoding` in the library's source)");
  }

  TEST_CASE("a 20 MB field on one line is too long for a line") {
    std::string bytes = "a,b\n1,\"" + std::string(20 << 20, 'x') + "\"\n";
    CHECK(read_error(std::move(bytes)) ==
          "test.csv:2: line is longer than 16 MiB; kpicalc reads lines up to that length");
  }

  TEST_CASE("lines longer than the reader's blocks are read whole, quoted or not") {
    // The reader takes the text a block of some 100 KiB at a time; a line may span many.
    const std::string plain(3 << 20, 'p');
    const std::string quoted = std::string(1 << 20, 'q') + "," + std::string(1 << 20, 'r');
    const Rows rows = read_all("a,b\n1," + plain + "\n\"" + quoted + "\",2\n3,z");
    REQUIRE(rows.size() == 4);
    CHECK(rows[1] == std::vector<std::string>{"1", plain});
    CHECK(rows[2] == std::vector<std::string>{quoted, "2"});
    CHECK(rows[3] == std::vector<std::string>{"3", "z"});
  }

  TEST_CASE("a 20 MB field over many lines is read whole") {
    std::string big;
    for (int i = 0; i < (20 << 10); ++i) {
      big += std::string(1023, 'y') + "\n";
    }
    big.pop_back();
    const Rows rows = read_all("a,b\n1,\"" + big + "\"\n2,z\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][1] == big);
    CHECK(rows[2] == std::vector<std::string>{"2", "z"});
  }

  TEST_CASE("a record over the size limit is an error, not unbounded memory") {
    kpi::csv::ReaderOptions options;
    options.max_record_bytes = 1 << 20;
    std::string bytes = "a,b\n1,\"";
    for (int i = 0; i < 2048; ++i) {
      bytes += std::string(1000, 'q') + "\n";
    }
    CHECK(read_error(bytes, options) ==
          "test.csv:2: record is longer than 1 MiB; a quoted field probably never closes");
  }

  TEST_CASE("binary garbage gives an error, not a crash") {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) {
      garbage.push_back(static_cast<char>((i * 7919 + 13) % 251 + 1));
    }
    CHECK_FALSE(read_error(garbage).empty());
  }

  TEST_CASE("a multi-byte character cut by the end of the file is located") {
    kpi::csv::ReaderOptions options;
    options.encoding = "gb18030";
    CHECK(read_error("a,b\n1,\xCA", options) ==
          "test.csv:2: ends inside a GB18030 character (0xCA) at byte offset 6");
  }
}
