// SPDX-License-Identifier: MIT
#include "kpi/csv/record_splitter.hpp"

#include <doctest/doctest.h>

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

  TEST_CASE("open_field_index names the field whose quote is open") {
    kpi::csv::RecordSplitter splitter(',');
    splitter.clear();
    CHECK_FALSE(splitter.add_line(R"(a,b,"never closed)"));
    CHECK(splitter.open_field_index() == 2);
  }
}
