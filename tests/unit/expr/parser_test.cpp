// SPDX-License-Identifier: MIT
#include "kpi/expr/parser.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

#include "kpi/expr/ast.hpp"

using kpi::expr::NodeKind;
using kpi::expr::parse;
using kpi::expr::serialize;
using kpi::expr::SyntaxError;

namespace {

std::string sexp(std::string_view text) { return serialize(*parse(text)); }

// "offset+length: message" of the SyntaxError that parsing `text` throws.
std::string failure_of(std::string_view text) {
  try {
    parse(text);
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

std::string repeated(std::string_view part, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    text += part;
  }
  return text;
}

// `terms` copies of "x" joined by `op`.
std::string chain(std::string_view op, int terms) {
  std::string text = "x";
  for (int i = 1; i < terms; ++i) {
    text += op;
    text += 'x';
  }
  return text;
}

}  // namespace

TEST_SUITE("expr.parser") {
  TEST_CASE("literals and names as written") {
    CHECK(sexp("35") == "35");
    CHECK(sexp("35%") == "35%");
    CHECK(sexp("1.5") == "1.5");
    CHECK(sexp("store.area") == "store.area");
    CHECK(sexp("实收金额") == "实收金额");
    CHECK(sexp("true") == "true");
    CHECK(sexp(R"('电商')") == R"("电商")");
  }

  TEST_CASE("strings serialize with quotes, backslashes, newlines and tabs escaped") {
    CHECK(sexp(R"("say \"hi\"")") == R"("say \"hi\"")");
    CHECK(sexp(R"('it\'s')") == R"("it's")");
    CHECK(sexp(R"('a\\b')") == R"("a\\b")");
    CHECK(sexp(R"("1\n2\t3")") == R"("1\n2\t3")");
  }

  TEST_CASE("arithmetic precedence and left associativity") {
    CHECK(sexp("a + b * c") == "(+ a (* b c))");
    CHECK(sexp("(a + b) * c") == "(* (+ a b) c)");
    CHECK(sexp("a - b - c") == "(- (- a b) c)");
    CHECK(sexp("a / b * c") == "(* (/ a b) c)");
    CHECK(sexp("-x * 2") == "(* (neg x) 2)");
    CHECK(sexp("- -x") == "(neg (neg x))");
    CHECK(sexp("2 - -3") == "(- 2 (neg 3))");
    CHECK(sexp("-(a + b)") == "(neg (+ a b))");
    CHECK(sexp("((a))") == "a");
  }

  TEST_CASE("logic and comparison precedence") {
    CHECK(sexp("not a == 1 and b") == "(and (not (== a 1)) b)");
    CHECK(sexp("a or b and c") == "(or a (and b c))");
    CHECK(sexp("(a or b) and c") == "(and (or a b) c)");
    CHECK(sexp("not not a") == "(not (not a))");
    CHECK(sexp("a + 1 > b * 2") == "(> (+ a 1) (* b 2))");
    CHECK(sexp("A AND B OR NOT C") == "(or (and A B) (not C))");
  }

  TEST_CASE("comparison operators, with = and <> normalised") {
    CHECK(sexp("a == 1") == "(== a 1)");
    CHECK(sexp("a = 1") == "(== a 1)");
    CHECK(sexp("a != 1") == "(!= a 1)");
    CHECK(sexp("a <> 1") == "(!= a 1)");
    CHECK(sexp("a < 1") == "(< a 1)");
    CHECK(sexp("a <= 1") == "(<= a 1)");
    CHECK(sexp("a > 1") == "(> a 1)");
    CHECK(sexp("a >= 1") == "(>= a 1)");
  }

  TEST_CASE("in, not in, is null and is not null") {
    CHECK(sexp(R"(store in ["SH01", "BJ02"])") == R"((in store ["SH01" "BJ02"]))");
    CHECK(sexp("x not in [1, 2]") == "(not-in x [1 2])");
    CHECK(sexp("x IN []") == "(in x [])");
    CHECK(sexp("a + 1 in [2, b * 3]") == "(in (+ a 1) [2 (* b 3)])");
    CHECK(sexp("not x in [1]") == "(not (in x [1]))");
    CHECK(sexp("member is null") == "(is-null member)");
    CHECK(sexp("member IS NOT NULL") == "(is-not-null member)");
  }

  TEST_CASE("calls and lists") {
    CHECK(sexp(R"(starts_with(order, "TK"))") == R"((starts_with order "TK"))");
    CHECK(sexp("month(time) == 6") == "(== (month time) 6)");
    CHECK(sexp("now()") == "(now)");
    CHECK(sexp("max(0, x)") == "(max 0 x)");
    CHECK(sexp("f([1, 2], [])") == "(f [1 2] [])");
    CHECK(sexp("[[1], 2]") == "[[1] 2]");
  }

  TEST_CASE("filters and formulas from the KPI library") {
    CHECK(sexp(R"(channel == "电商" and amount > 0)") ==
          R"((and (== channel "电商") (> amount 0)))");
    CHECK(sexp("amount - cost") == "(- amount cost)");
    CHECK(sexp("(sales - prev(sales)) / prev(sales)") == "(/ (- sales (prev sales)) (prev sales))");
    CHECK(sexp("abs(spend - budget) / budget") == "(/ (abs (- spend budget)) budget)");
    CHECK(sexp("sales / all(sales)") == "(/ sales (all sales))");
  }

  TEST_CASE("Chinese names, full-width punctuation and ideographic spaces") {
    CHECK(sexp("实收金额 / 应收金额 >= 90%") == "(>= (/ 实收金额 应收金额) 90%)");
    CHECK(sexp("round（实收金额，2）") == "(round 实收金额 2)");
    CHECK(sexp("（a + b）*　c") == "(* (+ a b) c)");
  }

  TEST_CASE("nodes carry kind, text, negation and the whole source range") {
    const auto root = parse("(a + b) * f(c)");
    CHECK(root->kind == NodeKind::Binary);
    CHECK(root->text == "*");
    CHECK(root->span.offset == 0);
    CHECK(root->span.length == 14);
    REQUIRE(root->children.size() == 2);
    CHECK(root->children[0]->span.length == 7);  // parentheses included
    CHECK(root->children[1]->kind == NodeKind::Call);
    CHECK(root->children[1]->span.offset == 10);
    const auto in = parse("x not in [1]");
    CHECK(in->kind == NodeKind::In);
    CHECK(in->negated);
    CHECK(in->span.length == 12);
    CHECK(in->children[1]->kind == NodeKind::List);
    const auto is_null = parse("m is null");
    CHECK_FALSE(is_null->negated);
    CHECK(is_null->span.length == 9);
    CHECK(parse("NOT a")->text == "not");
    CHECK(parse("a <> b")->text == "!=");
  }

  TEST_CASE("unclosed brackets name the opener and its offset") {
    CHECK(failure_of("(a + b") == R"e(6+0: expected ")" to close "(" at offset 0)e");
    CHECK(failure_of("x * (a + b c") == R"e(11+1: expected ")" to close "(" at offset 4)e");
    CHECK(failure_of("（a + b") == R"e(8+0: expected ")" to close "（" at offset 0)e");
    CHECK(failure_of("f(a b)") == R"e(4+1: expected "," or ")" to close "(" at offset 1)e");
    CHECK(failure_of("[1, 2") == R"e(5+0: expected "," or "]" to close "[" at offset 0)e");
  }

  TEST_CASE("a missing expression says what was found instead") {
    CHECK(failure_of("") == "0+0: expected an expression, found end of text");
    CHECK(failure_of("a +  ") == "5+0: expected an expression, found end of text");
    CHECK(failure_of("a + )") == R"e(4+1: expected an expression, found ")")e");
    CHECK(failure_of("f(a,)") == R"e(4+1: expected an expression, found ")")e");
    CHECK(failure_of("a and or b") == R"(6+2: expected an expression, found "or")");
    CHECK(failure_of("+a") == R"(0+1: expected an expression, found "+")");
    CHECK(failure_of("x == null") ==
          R"(5+4: "null" is only allowed in "is null" and "is not null")");
  }

  TEST_CASE("leftover tokens are unexpected") {
    CHECK(failure_of("a)") == R"e(1+1: unexpected ")")e");
    CHECK(failure_of("a b") == R"(2+1: unexpected "b")");
    CHECK(failure_of(R"(a == "x" 'y')") == R"(9+3: unexpected string 'y')");
  }

  TEST_CASE("in needs a list, and is needs null, and not before in") {
    CHECK(failure_of(R"(x in "a")") == R"(5+3: "in" needs a list such as ["a", "b"])");
    CHECK(failure_of("x not in (1, 2)") == R"(9+1: "not in" needs a list such as ["a", "b"])");
    CHECK(failure_of("x in") == R"(4+0: "in" needs a list such as ["a", "b"])");
    CHECK(failure_of("a is 1") == R"(5+1: expected "null" after "is")");
    CHECK(failure_of("a is not b") == R"(9+1: expected "null" after "is not")");
    CHECK(failure_of("a not b") == R"(6+1: expected "in" after "not")");
  }

  TEST_CASE("comparisons do not chain") {
    CHECK(failure_of("a < b < c") == R"(6+1: comparisons cannot be chained; use "and")");
    CHECK(failure_of("a == 1 in [1]") == R"(7+2: comparisons cannot be chained; use "and")");
    CHECK(failure_of("a is null = b") == R"(10+1: comparisons cannot be chained; use "and")");
    CHECK(sexp("(a < b) == c") == "(== (< a b) c)");
  }

  TEST_CASE("lexical errors come through unchanged") {
    CHECK(failure_of("a # b") == R"(2+1: unexpected character "#")");
    CHECK(failure_of(R"(x == "abc)") == "5+1: unterminated string: expected a closing quote");
  }

  TEST_CASE("200 levels of nesting parse, and one more is an error, never a crash") {
    CHECK(sexp(repeated("(", 200) + "x" + repeated(")", 200)) == "x");
    CHECK(failure_of(repeated("(", 201) + "x" + repeated(")", 201)) ==
          "200+1: expression nests too deeply");
    CHECK(failure_of(repeated("(", 100000)) == "200+1: expression nests too deeply");
    CHECK_NOTHROW(parse(repeated("-", 200) + "x"));
    CHECK(failure_of(repeated("-", 201) + "x") == "200+1: expression nests too deeply");
    CHECK(failure_of(repeated("not ", 201) + "x") == "800+3: expression nests too deeply");
    CHECK_NOTHROW(parse(repeated("f(", 200) + "x" + repeated(")", 200)));
    CHECK(failure_of(repeated("[", 100000)) == "200+1: expression nests too deeply");
  }

  TEST_CASE("long operator chains are nesting too: at most 201 terms") {
    CHECK_NOTHROW(parse(chain(" + ", 201)));
    CHECK(failure_of(chain(" + ", 202)) == "802+1: expression nests too deeply");
    CHECK(failure_of(chain(" or ", 100000)) == "1002+2: expression nests too deeply");
  }

  TEST_CASE("any input gives a tree or a SyntaxError") {
    constexpr std::string_view kPieces[] = {
        "a",        "1",     "%",    "(",    ")",
        "[",        "]",     ",",    "-",    "*",
        " and ",    " not ", " in ", " is ", " null ",
        "==",       "<",     "\"",   "'",    "\\",
        "\xE5\xAE", "\x9E",  "（",   "，",   std::string_view("\0", 1),
        ".",        "\xFF"};
    std::uint32_t state = 2025;
    for (int round = 0; round < 20000; ++round) {
      std::string text;
      for (int i = 0; i < 10; ++i) {
        state = state * 1103515245u + 12345u;
        text += kPieces[(state >> 16) % std::size(kPieces)];
      }
      std::unique_ptr<kpi::expr::Node> tree;
      try {
        tree = parse(text);
      } catch (const SyntaxError& error) {
        CHECK(error.where().offset + error.where().length <= text.size());
        continue;
      }
      CHECK_FALSE(serialize(*tree).empty());
    }
  }
}
