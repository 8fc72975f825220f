// SPDX-License-Identifier: MIT
#include "kpi/expr/lexer.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using kpi::expr::SyntaxError;
using kpi::expr::Token;
using kpi::expr::tokenize;
using kpi::expr::TokenKind;

namespace {

std::vector<TokenKind> kinds_of(std::string_view text) {
  std::vector<TokenKind> kinds;
  for (const Token& token : tokenize(text)) {
    kinds.push_back(token.kind);
  }
  return kinds;
}

// Token texts without the End token, joined by spaces.
std::string texts_of(std::string_view text) {
  std::string joined;
  for (const Token& token : tokenize(text)) {
    if (token.kind != TokenKind::End) {
      joined += joined.empty() ? "" : " ";
      joined += token.text;
    }
  }
  return joined;
}

// "offset+length: message" of the SyntaxError that tokenizing `text` throws.
std::string failure_of(std::string_view text) {
  try {
    tokenize(text);
  } catch (const SyntaxError& error) {
    std::string failure = std::to_string(error.where().offset);
    failure += '+';
    failure += std::to_string(error.where().length);
    failure += ": ";
    failure += error.what();
    return failure;
  }
  return "no error";
}

}  // namespace

TEST_SUITE("expr.lexer") {
  TEST_CASE("arithmetic, brackets and commas") {
    using enum TokenKind;
    CHECK(kinds_of("(a+b)*c/[d,e]-1") == std::vector{LeftParen, Name, Plus, Name, RightParen, Star,
                                                     Name, Slash, LeftBracket, Name, Comma, Name,
                                                     RightBracket, Minus, Number, End});
  }

  TEST_CASE("comparison operators, the longest spelling first") {
    using enum TokenKind;
    CHECK(kinds_of("== = != <> < <= > >=") == std::vector{Equal, Equal, NotEqual, NotEqual, Less,
                                                          LessEqual, Greater, GreaterEqual, End});
    CHECK(kinds_of("a<=b") == std::vector{Name, LessEqual, Name, End});
    CHECK(kinds_of("a<-1") == std::vector{Name, Less, Minus, Number, End});
    CHECK(texts_of("a<>b") == "a <> b");
  }

  TEST_CASE("keywords are case-insensitive whole words") {
    using enum TokenKind;
    CHECK(kinds_of("and OR Not IN is NULL") == std::vector{And, Or, Not, In, Is, Null, End});
    CHECK(kinds_of("true false android in.x is_null") ==
          std::vector{Name, Name, Name, Name, Name, End});
    CHECK(texts_of("a AND b") == "a AND b");
  }

  TEST_CASE("numbers keep their text, with an optional fraction and percent sign") {
    CHECK(texts_of("35 1.5 35% 0.25% 007") == "35 1.5 35% 0.25% 007");
    CHECK(kinds_of("35%") == std::vector{TokenKind::Number, TokenKind::End});
  }

  TEST_CASE("a number running into letters is one invalid number") {
    CHECK(failure_of("x > 8万") == R"(4+4: invalid number "8万")");
    CHECK(failure_of("1e5") == R"(0+3: invalid number "1e5")");
    CHECK(failure_of("2x + 1") == R"(0+2: invalid number "2x")");
    CHECK(failure_of("1. + 2") == R"(0+2: invalid number "1.")");
    CHECK(failure_of("1.5.3") == R"(0+5: invalid number "1.5.3")");
    CHECK(failure_of(".5") == R"(0+1: unexpected character ".")");
  }

  TEST_CASE("names: ASCII, underscores, digits, dots and UTF-8") {
    CHECK(texts_of("store.area _tmp1 x2.y_3") == "store.area _tmp1 x2.y_3");
    const auto tokens = tokenize("实收金额 > 0");
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[0].kind == TokenKind::Name);
    CHECK(tokens[0].text == "实收金额");
    CHECK(tokens[0].span.offset == 0);
    CHECK(tokens[0].span.length == 12);
    CHECK(tokens[1].span.offset == 13);
  }

  TEST_CASE("whitespace includes the ideographic and the no-break space") {
    using enum TokenKind;
    CHECK(kinds_of("实收金额\u3000>\u30000") == std::vector{Name, Greater, Number, End});
    CHECK(texts_of("实收金额\u3000>\u30000") == "实收金额 > 0");
    CHECK(texts_of("amount\u00A0>\t\r\n0") == "amount > 0");
    CHECK(kinds_of(" \u3000 ") == std::vector{End});
  }

  TEST_CASE("full-width parentheses and comma lex as their ASCII forms") {
    using enum TokenKind;
    CHECK(kinds_of("round（实收金额，2）") ==
          std::vector{Name, LeftParen, Name, Comma, Number, RightParen, End});
    CHECK(texts_of("f（a，b）") == "f （ a ， b ）");
  }

  TEST_CASE("spans are byte ranges and End sits at the end of the text") {
    const auto tokens = tokenize("ab >= 'x'");
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[1].span.offset == 3);
    CHECK(tokens[1].span.length == 2);
    CHECK(tokens[2].span.offset == 6);
    CHECK(tokens[2].span.length == 3);
    CHECK(tokens[3].span.offset == 9);
    CHECK(tokens[3].span.length == 0);
    const auto empty = tokenize("");
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].kind == TokenKind::End);
    CHECK(empty[0].span.offset == 0);
  }

  TEST_CASE("strings in either quote, with escapes resolved") {
    CHECK(tokenize(R"("电商")")[0].text == "电商");
    CHECK(tokenize(R"('say "hi"')")[0].text == R"(say "hi")");
    CHECK(tokenize(R"("a\"b\'c\\d")")[0].text == R"(a"b'c\d)");
    CHECK(tokenize(R"('it\'s')")[0].text == "it's");
    CHECK(tokenize(R"("1\n2\t3")")[0].text == "1\n2\t3");
    CHECK(tokenize(R"("")")[0].text.empty());
    CHECK(tokenize("'a\nb'")[0].text == "a\nb");
    CHECK(tokenize(R"(x == "a\"b")")[2].span.length == 6);
  }

  TEST_CASE("an unterminated string points at its opening quote") {
    CHECK(failure_of(R"(a == "abc)") == "5+1: unterminated string: expected a closing quote");
    CHECK(failure_of(R"('abc")") == "0+1: unterminated string: expected a closing quote");
    CHECK(failure_of(R"("abc\)") == "0+1: unterminated string: expected a closing quote");
  }

  TEST_CASE("an unknown escape names it, whole characters only") {
    CHECK(failure_of(R"("C:\data")") == R"(3+2: unknown escape "\d"; write "\\" for a backslash)");
    CHECK(failure_of(R"("\实")") == R"(1+4: unknown escape "\实"; write "\\" for a backslash)");
  }

  TEST_CASE("an unexpected character is named, with a hint where one helps") {
    CHECK(failure_of("a # b") == R"(2+1: unexpected character "#")");
    CHECK(failure_of("a && b") == R"(2+1: unexpected character "&"; use "and")");
    CHECK(failure_of("a || b") == R"(2+1: unexpected character "|"; use "or")");
    CHECK(failure_of("!a") == R"(0+1: unexpected character "!"; use "not" or "!=")");
    CHECK(failure_of("a % b") == R"(2+1: unexpected character "%")");
    CHECK(failure_of(std::string_view("a\0b", 3)) == "1+1: unexpected control character 0x00");
    CHECK(failure_of("a\x7F") == "1+1: unexpected control character 0x7F");
  }

  TEST_CASE("invalid UTF-8 and cut-off sequences lex as names") {
    CHECK(kinds_of("\xFF\xFE") == std::vector{TokenKind::Name, TokenKind::End});
    CHECK(kinds_of("a\xEF\xBC") == std::vector{TokenKind::Name, TokenKind::End});
    CHECK(kinds_of("\xE3\x80") == std::vector{TokenKind::Name, TokenKind::End});
  }

  TEST_CASE("any bytes give tokens inside the text or a SyntaxError") {
    std::uint32_t state = 12345;
    for (int round = 0; round < 5000; ++round) {
      std::string text;
      for (int i = 0; i < 12; ++i) {
        state = state * 1103515245u + 12345u;
        text += static_cast<char>(state >> 24);
      }
      try {
        for (const Token& token : tokenize(text)) {
          CHECK(token.span.offset + token.span.length <= text.size());
        }
      } catch (const SyntaxError& error) {
        CHECK(error.where().offset + error.where().length <= text.size());
      }
    }
  }
}
