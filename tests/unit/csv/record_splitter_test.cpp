// SPDX-License-Identifier: MIT
#include "kpi/csv/record_splitter.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

std::vector<std::string> split(std::vector<std::string_view> lines, char delimiter = ',') {
  kpi::csv::RecordSplitter splitter(delimiter);
  splitter.clear();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool complete = splitter.add_line(lines[i]);
    REQUIRE(complete == (i + 1 == lines.size()));
  }
  const auto fields = splitter.fields();
  return {fields.begin(), fields.end()};
}

using Fields = std::vector<std::string>;

}  // namespace

TEST_SUITE("csv.record_splitter") {
  TEST_CASE("plain fields, empty fields and a trailing delimiter") {
    CHECK(split({"a,b,c"}) == Fields{"a", "b", "c"});
    CHECK(split({",,"}) == Fields{"", "", ""});
    CHECK(split({"a,"}) == Fields{"a", ""});
    // Past the first eight bytes, and bytes next to the delimiter's value ('-' is ',' + 1).
    CHECK(split({"abcdefgh,-1,+2,--,ijklmnopq,r"}) ==
          Fields{"abcdefgh", "-1", "+2", "--", "ijklmnopq", "r"});
    CHECK(split({",,,,,,,,,,"}) == Fields(11, ""));
    CHECK(split({"\xE9\x97\xA8\xE5\xBA\x97,\xE7\xBC\x96\xE7\xA0\x81,x"}) ==
          Fields{"\xE9\x97\xA8\xE5\xBA\x97", "\xE7\xBC\x96\xE7\xA0\x81", "x"});
    CHECK(split({"a\tb-\tc"}, '\t') == Fields{"a", "b-", "c"});
    CHECK(split({""}) == Fields{""});
  }

  TEST_CASE("quoted fields hold delimiters and doubled quotes") {
    CHECK(split({R"("a,b","say ""hi""",c)"}) == Fields{"a,b", R"(say "hi")", "c"});
    CHECK(split({R"("")"}) == Fields{""});
    CHECK(split({R"(x,"")"}) == Fields{"x", ""});
  }

  TEST_CASE("a quoted field spanning lines keeps its line breaks as LF") {
    CHECK(split({R"(1,"line one)", "line two", R"(line three",2)"}) ==
          Fields{"1", "line one\nline two\nline three", "2"});
    CHECK(split({R"("ends with break)", R"(")"}) == Fields{"ends with break\n"});
    CHECK(split({R"(")", "", R"(")"}) == Fields{"\n\n"});
  }

  TEST_CASE("spaces are data, and quotes inside unquoted fields are literal") {
    CHECK(split({" a , b "}) == Fields{" a ", " b "});
    CHECK(split({R"(5" screen,x)"}) == Fields{R"(5" screen)", "x"});
    CHECK(split({R"( "q",x)"}) == Fields{R"( "q")", "x"});
  }

  TEST_CASE("text after a closing quote is kept, as Excel does") {
    CHECK(split({R"("ab"c,d)"}) == Fields{"abc", "d"});
  }

  TEST_CASE("other delimiters") {
    CHECK(split({"a;\"b;c\";d"}, ';') == Fields{"a", "b;c", "d"});
    CHECK(split({"a\tb,c\td"}, '\t') == Fields{"a", "b,c", "d"});
    CHECK(split({"a|b"}, '|') == Fields{"a", "b"});
  }

  TEST_CASE("split_line reads fields quoted whole and leaves other quotes to add_line") {
    kpi::csv::RecordSplitter splitter(',');
    const auto split_one = [&](std::string_view text) -> std::optional<Fields> {
      if (splitter.split_line(text, 1000) == 0) {
        return std::nullopt;
      }
      const auto span = splitter.fields();
      return Fields(span.begin(), span.end());
    };
    CHECK(split_one("\"a,b\",c\nnext") == Fields{"a,b", "c"});
    CHECK(split_one("x,\"\",\"組合支付(储值卡,微信)\"\r\n") ==
          Fields{"x", "", "組合支付(储值卡,微信)"});
    CHECK(split_one("\"a\"\n") == Fields{"a"});
    CHECK(splitter.split_line("\"a,b\",c\n", 100) == 8);
    // Doubled quotes, text after the closing quote, a quote inside a field, a field over
    // lines, a line with no end yet, a CR alone after the quote: add_line reads those.
    for (std::string_view text :
         {"\"a\"\"b\",c\n", "\"ab\"c,d\n", "a\"b\",c\n", " \"a\",b\n", "\"a\nb\",c\n", "\"abc",
          "\"abc\"", "x,\"abc\"", "\"abc\"\rx\n", "\"abc\"\r"}) {
      CAPTURE(text);
      CHECK(splitter.split_line(text, 1000) == 0);
    }
    CHECK(splitter.split_line("\"abcdef\",x\n", 4) == 0);  // the closing quote is too far
  }

  TEST_CASE("split_line gives add_line's fields for any line it splits") {
    // Lines of random letters, delimiters, quotes, CRs and CJK text, over the 64-byte chunks,
    // with the processor's best instructions and with the portable ones.
    using Instructions = kpi::csv::RecordSplitter::Instructions;
    for (const Instructions instructions : {Instructions::Best, Instructions::Portable}) {
      CAPTURE(instructions == Instructions::Best);
      kpi::csv::RecordSplitter fast(',', instructions);
      const std::vector<std::string> pieces = {"a",  "bc", ",",    "\"",     "\"\"",
                                               "\r", " ",  "微信", ",\"q\","};
      std::uint32_t state = 12345;
      const auto next = [&] {
        state = state * 1664525U + 1013904223U;
        return state >> 8;
      };
      std::size_t taken = 0;
      for (int round = 0; round < 20000; ++round) {
        std::string line;
        const std::size_t count = 1 + next() % 60;
        for (std::size_t k = 0; k < count; ++k) {
          line += pieces[next() % pieces.size()];
        }
        const std::string text = line + "\nnext,\"line\"\n";
        const std::size_t used = fast.split_line(text, 1000);
        if (used == 0) {
          continue;
        }
        CAPTURE(line);
        ++taken;
        REQUIRE(used == line.size() + 1);
        const std::string_view record =
            line.ends_with('\r') ? std::string_view(line).substr(0, line.size() - 1) : line;
        const auto span = fast.fields();
        CHECK(Fields(span.begin(), span.end()) == split({record}));
      }
      CHECK(taken > 1000);  // the comparison is not vacuous
    }
  }

  TEST_CASE("split_line finds the line feed and the fields in one pass") {
    kpi::csv::RecordSplitter splitter(',');
    const auto fields = [&] {
      const auto span = splitter.fields();
      return Fields(span.begin(), span.end());
    };
    CHECK(splitter.split_line("a,b\nc,d\n", 100) == 4);
    CHECK(fields() == Fields{"a", "b"});
    CHECK(splitter.split_line("a,,\r\nrest", 100) == 5);  // CR LF: the CR is not data
    CHECK(fields() == Fields{"a", "", ""});
    CHECK(splitter.split_line("x\ry\n", 100) == 4);  // a CR inside the line is
    CHECK(fields() == Fields{"x\ry"});
    // Lines and fields across the 64-byte chunks, each length from 1 to 200.
    for (std::size_t length = 1; length <= 200; ++length) {
      std::string line;
      Fields expected{""};
      for (std::size_t k = 0; k < length; ++k) {
        if (k % 7 == 3) {
          line += ',';
          expected.emplace_back();
        } else {
          line += static_cast<char>('a' + k % 26);
          expected.back() += line.back();
        }
      }
      CAPTURE(length);
      const std::string text = line + "\nnext";  // the fields view it
      REQUIRE(splitter.split_line(text, 1000) == length + 1);
      CHECK(fields() == expected);
      CHECK(splitter.split_line(line, 1000) == 0);  // no line feed yet: more text may follow
      CHECK(splitter.split_line(line + "x\"q\"\n", 1000) == 0);  // a quote inside a field
      CHECK(splitter.split_line(line + "\n", length) == 0);      // too long for the caller
    }
    CHECK(splitter.split_line("\nx\n", 100) == 0);  // an empty line
    CHECK(splitter.split_line("\r\nx\n", 100) == 0);
    CHECK(splitter.split_line("", 100) == 0);
    // A quote after the line feed is the next line's business.
    CHECK(splitter.split_line("a;b\n\"c\"", 100) == 4);
    CHECK(fields() == Fields{"a;b"});
  }

  TEST_CASE("open_field_index names the field whose quote is open") {
    kpi::csv::RecordSplitter splitter(',');
    splitter.clear();
    CHECK_FALSE(splitter.add_line(R"(a,b,"never closed)"));
    CHECK(splitter.open_field_index() == 2);
  }
}
