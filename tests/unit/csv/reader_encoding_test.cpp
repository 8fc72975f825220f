// SPDX-License-Identifier: MIT
// The reader on every encoding exports come in; output is always UTF-8.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "test_support.hpp"

using kpi::test::open_bytes;
using kpi::test::read_all;
using kpi::test::read_error;
using kpi::test::Rows;

namespace {

const std::string kExport = "门店,实收金额,备注\nSH01,\"¥1,234.50\",\"满意|推荐\\再来\"\n";
const Rows kRows = {{"门店", "实收金额", "备注"}, {"SH01", "¥1,234.50", "满意|推荐\\再来"}};

}  // namespace

TEST_SUITE("csv.reader.encoding") {
  TEST_CASE("UTF-8 without and with BOM") {
    CHECK(read_all(kExport) == kRows);
    const auto reader = open_bytes("\xEF\xBB\xBF" + kExport);
    CHECK(reader->dialect().encoding.describe() == "UTF-8 with BOM");
    CHECK(reader->header().names.front() == "门店");
  }

  TEST_CASE("UTF-16 LE and BE with BOM, tab separated as Excel writes them") {
    const std::string tabbed = "门店\t金额\r\nSH01\t\"1,234\"\r\n";
    const Rows expected = {{"门店", "金额"}, {"SH01", "1,234"}};
    for (bool little_endian : {true, false}) {
      const auto reader = open_bytes(kpi::test::utf16_with_bom(tabbed, little_endian));
      CHECK(reader->dialect().encoding.name == (little_endian ? "UTF-16LE" : "UTF-16BE"));
      CHECK(reader->dialect().delimiter == '\t');
      CHECK(read_all(kpi::test::utf16_with_bom(tabbed, little_endian)) == expected);
    }
  }

  TEST_CASE("GB18030 without BOM is detected, and trail bytes equal to | or \\ do not split") {
    // 推 is 0xCD 0xC6 and 荐 is 0xBC 0xF6 in GBK; 珮 (0xAB 0x5C) and 瑋 (0xAC 0x7C) carry \ and |.
    const std::string tricky = "门店|说明\nA|珮瑋\n";
    CHECK(read_all(kpi::test::to_gb18030(tricky)) == Rows{{"门店", "说明"}, {"A", "珮瑋"}});
    const auto reader = open_bytes(kpi::test::to_gb18030(kExport));
    CHECK(reader->dialect().encoding.describe() == "GB18030");
    CHECK(read_all(kpi::test::to_gb18030(kExport)) == kRows);
  }

  TEST_CASE("--encoding forces an encoding") {
    kpi::csv::ReaderOptions options;
    options.encoding = "gbk";
    const auto reader = open_bytes(kpi::test::to_gb18030(kExport), options);
    CHECK(reader->dialect().encoding.describe() == "GB18030");
    CHECK_FALSE(reader->dialect().encoding.detected);
    options.encoding = "latin1";
    CHECK(read_all("caf\xE9,x\n1,2\n", options) == Rows{{"café", "x"}, {"1", "2"}});
  }

  TEST_CASE("an unknown encoding is a usage error") {
    kpi::csv::ReaderOptions options;
    options.encoding = "klingon";
    CHECK(read_error("a\n1\n", options) ==
          "unknown encoding \"klingon\" (try UTF-8, UTF-16LE, UTF-16BE, GB18030 or any name "
          "`iconv --list` shows)");
  }

  TEST_CASE("bytes invalid in the detected encoding are located by line") {
    CHECK(read_error("a,b\n1,2\n3,\xFF\n") ==
          "test.csv:3: has bytes that are not valid GB18030 (0xFF 0x0A) at byte offset 10; "
          "GB18030 was detected from the start of the file: name the real encoding (--encoding "
          "for kpi inspect, `encoding` in the library's source)");
    kpi::csv::ReaderOptions options;
    options.encoding = "utf-8";
    CHECK(read_error("a,b\n1,2\n3,\xFF\n", options) ==
          "test.csv:3: has bytes that are not valid UTF-8 (0xFF 0x0A) at byte offset 10");
  }

  TEST_CASE("far into a large UTF-8 file, characters cut by reads join and bad bytes are located") {
    // Lines of 3-byte characters with odd lengths, so characters straddle every read boundary.
    std::string text = "门店,备注\n";
    std::uint64_t lines = 1;
    while (text.size() < (std::size_t{3} << 20)) {
      text += "实收,悦颜·北京丰台店" + std::string(lines % 7, 'x') + "\n";
      ++lines;
    }
    const std::size_t good_records = lines - 1;
    CHECK(read_all(text).size() == good_records + 1);
    const std::size_t offset = text.size();
    text += "坏,\xE5\xAE\n";
    CHECK(read_error(text) ==
          fmt::format("test.csv:{}: has bytes that are not valid UTF-8 (0xE5 0xAE 0x0A) at byte "
                      "offset {}; UTF-8 was detected from the start of the file: name the real "
                      "encoding (--encoding for kpi inspect, `encoding` in the library's source)",
                      lines + 1, offset + 4));
    text.resize(offset);
    text += "\xE5";  // cut by the end of the file
    CHECK(read_error(text) ==
          fmt::format("test.csv:{}: ends inside a UTF-8 character (0xE5) at byte offset {}; "
                      "UTF-8 was detected from the start of the file: name the real encoding "
                      "(--encoding for kpi inspect, `encoding` in the library's source)",
                      lines + 1, offset));
  }

  TEST_CASE("records before a bad byte are delivered, the bad line is not") {
    kpi::csv::ReaderOptions options;
    options.encoding = "utf-8";
    const auto reader = open_bytes("a,b\n1,2\n3,\xFF\n", options);
    kpi::csv::Record record;
    REQUIRE(reader->next(record));
    CHECK(std::string(record.fields[0]) == "1");
    CHECK_THROWS_AS(reader->next(record), kpi::Error);
  }
}
