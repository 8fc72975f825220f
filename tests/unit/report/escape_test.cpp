// SPDX-License-Identifier: MIT
#include "kpi/report/escape.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace {

std::string json(std::string_view text) {
  std::string out;
  kpi::append_json_string(out, text);
  return out;
}

std::string csv(std::string_view field, char delimiter = ',') {
  std::string out;
  kpi::append_csv_field(out, field, delimiter);
  return out;
}

}  // namespace

TEST_SUITE("report.escape") {
  TEST_CASE("append_json_string quotes plain text") {
    CHECK(json("") == R"("")");
    CHECK(json("revenue") == R"("revenue")");
    CHECK(json("1,234.50") == R"("1,234.50")");
    CHECK(json("a/b") == R"("a/b")");
  }

  TEST_CASE("append_json_string escapes quotes and backslashes") {
    CHECK(json(R"(say "hi")") == R"("say \"hi\"")");
    CHECK(json(R"(C:\exports)") == R"("C:\\exports")");
    CHECK(json(R"(\")") == R"("\\\"")");
  }

  TEST_CASE("append_json_string escapes control characters") {
    CHECK(json("a\nb") == R"("a\nb")");
    CHECK(json("a\tb") == R"("a\tb")");
    CHECK(json("a\r\n") == R"("a\r\n")");
    CHECK(json("\x01") == R"("\u0001")");
    CHECK(json("\x1f") == R"("\u001f")");
    CHECK(json("\b\f") == R"("\u0008\u000c")");
    CHECK(json(std::string_view("a\0b", 3)) == R"("a\u0000b")");
    CHECK(json("\x7f") == "\"\x7f\"");  // DEL needs no escape in JSON
  }

  TEST_CASE("append_json_string passes UTF-8 through") {
    CHECK(json("销售额") == "\"销售额\"");
    CHECK(json("￥1,234.50") == "\"￥1,234.50\"");
    CHECK(json("华东\n区") == "\"华东\\n区\"");
    CHECK(json("\xF0\x9F\x8E\x81") == "\"\xF0\x9F\x8E\x81\"");
  }

  TEST_CASE("append_json_string appends") {
    std::string out = "{\"k\":";
    kpi::append_json_string(out, "v");
    CHECK(out == R"({"k":"v")");
  }

  TEST_CASE("append_csv_field leaves plain fields as they are") {
    CHECK(csv("") == "");
    CHECK(csv("revenue") == "revenue");
    CHECK(csv(" padded ") == " padded ");
    CHECK(csv("1234.50") == "1234.50");
    CHECK(csv("销售额") == "销售额");
    CHECK(csv("a;b\tc") == "a;b\tc");
  }

  TEST_CASE("append_csv_field quotes the delimiter, quotes, CR and LF") {
    CHECK(csv("1,234.50") == R"("1,234.50")");
    CHECK(csv("line\nbreak") == "\"line\nbreak\"");
    CHECK(csv("cr\rhere") == "\"cr\rhere\"");
    CHECK(csv("a\r\nb") == "\"a\r\nb\"");
    CHECK(csv(",") == R"(",")");
  }

  TEST_CASE("append_csv_field doubles quotes") {
    CHECK(csv(R"(say "hi")") == R"("say ""hi""")");
    CHECK(csv(R"(")") == R"("""")");
    CHECK(csv(R"("a,b")") == R"("""a,b""")");
  }

  TEST_CASE("append_csv_field with a custom delimiter") {
    CHECK(csv("1,234.50", ';') == "1,234.50");
    CHECK(csv("a;b", ';') == R"("a;b")");
    CHECK(csv("a\tb", '\t') == "\"a\tb\"");
    CHECK(csv("a,b", '\t') == "a,b");
    CHECK(csv(R"(x"y)", ';') == R"("x""y")");
    CHECK(csv("a|b", '|') == R"("a|b")");
  }

  TEST_CASE("append_csv_field appends") {
    std::string out = "id,";
    kpi::append_csv_field(out, "a,b");
    out.push_back(',');
    kpi::append_csv_field(out, "c");
    CHECK(out == R"(id,"a,b",c)");
  }

  TEST_CASE("escape_controls shows control characters for a terminal") {
    CHECK(kpi::escape_controls("SH01") == "SH01");
    CHECK(kpi::escape_controls("\x1b[31mSH01\x1b[0m") == "\\x1b[31mSH01\\x1b[0m");
    CHECK(kpi::escape_controls("BJ\n02\r\t") == "BJ\\n02\\r\\t");
    CHECK(kpi::escape_controls(std::string("a\0b\x7f", 4)) == "a\\x00b\\x7f");
    CHECK(kpi::escape_controls("\xC2\x9B"
                               "2J") == "\\u009b2J");                               // C1 CSI
    CHECK(kpi::escape_controls("\xC2\xA0门店\xC2\xB7") == "\xC2\xA0门店\xC2\xB7");  // not controls
  }

  TEST_CASE("spreadsheet text that starts like a formula gets a quote; numbers do not") {
    std::string out;
    kpi::append_spreadsheet_text(out, "=HYPERLINK(\"http://x\",\"SH03\")");
    CHECK(out == "\"'=HYPERLINK(\"\"http://x\"\",\"\"SH03\"\")\"");
    for (const char* formula : {"+1", "-1+2", "@SUM(A1)", "\tx", "\rx"}) {
      out.clear();
      kpi::append_spreadsheet_text(out, formula);
      CHECK(out.substr(0, 2).find('\'') != std::string::npos);
    }
    out.clear();
    kpi::append_spreadsheet_text(out, "SH01");
    CHECK(out == "SH01");
    out.clear();
    kpi::append_csv_field(out, "-5");  // a number cell
    CHECK(out == "-5");
  }

  TEST_CASE("html text: markup characters as entities, controls dropped, UTF-8 kept") {
    CHECK(kpi::html_text("<a href=\"x\">R&D's</a>") ==
          "&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;");
    CHECK(kpi::html_text("门店\x1b[31m\x7f\tA\nB") == "门店[31m\tA\nB");
  }
}
