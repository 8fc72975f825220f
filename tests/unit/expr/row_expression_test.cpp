// SPDX-License-Identifier: MIT
#include "kpi/expr/row_expression.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kpi/expr/bind_error.hpp"
#include "kpi/expr/parser.hpp"

namespace {

using kpi::Decimal;
using kpi::expr::FieldSlot;
using kpi::expr::Value;
using kpi::expr::ValueType;

const std::vector<FieldSlot> kFields = {{"channel", ValueType::Text}, {"amount", ValueType::Number},
                                        {"cost", ValueType::Number},  {"time", ValueType::DateTime},
                                        {"arrived", ValueType::Date}, {"member", ValueType::Text}};

Value money(std::int64_t cents) { return Value::of_number(Decimal::from_units(cents * 10000)); }

// 2025-06-03 14:30:00 and 2025-06-05
constexpr std::int64_t kTime = 20242LL * 86400 + 14 * 3600 + 30 * 60;
constexpr std::int64_t kArrived = 20244LL * 86400;

const std::vector<Value> kRow = {
    Value::of_text("电商"),     money(123456), money(50000), Value::of_moment(kTime),
    Value::of_moment(kArrived), Value{}};

Value run(const std::string& text) {
  const auto tree = kpi::expr::parse(text);
  return kpi::expr::RowExpression::bind(*tree, kFields).evaluate(kRow);
}

// Whether the expression is true on kRow; a filter's test (holds) must agree.
bool is_true(const std::string& text) {
  const auto expression = kpi::expr::RowExpression::bind(*kpi::expr::parse(text), kFields);
  const Value value = expression.evaluate(kRow);
  const bool is_true = !value.is_null() && value.truth;
  CHECK(expression.holds(kRow) == is_true);
  return is_true;
}

std::string number(const std::string& text) { return run(text).number.to_string(); }

std::string bind_error(const std::string& text) {
  try {
    kpi::expr::RowExpression::bind(*kpi::expr::parse(text), kFields);
  } catch (const kpi::expr::BindError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_SUITE("expr.row_expression") {
  TEST_CASE("comparisons, logic, lists and prefixes") {
    CHECK(is_true("channel == \"电商\" and amount > 0"));
    CHECK_FALSE(is_true("channel != \"电商\" or amount < 0"));
    CHECK(is_true("not (amount <= 1000)"));
    CHECK(is_true("channel in [\"门店\", \"电商\"]"));
    CHECK(is_true("channel not in [\"门店\"]"));
    CHECK(is_true("amount in [1234.56, 1]"));
    CHECK(is_true("starts_with(channel, \"电\") and ends_with(channel, \"商\")"));
    CHECK(is_true("contains(channel, \"商\")"));
  }

  TEST_CASE("contains finds a word at the start, in the middle and at the end, and nowhere else") {
    const auto contains = [](std::string text, const std::string& part) {
      const auto expression = kpi::expr::RowExpression::bind(
          *kpi::expr::parse("contains(channel, '" + part + "')"), kFields);
      std::vector<Value> row = kRow;
      row[0] = Value::of_text(text);
      CHECK(expression.evaluate(row).truth == expression.holds(row));
      return expression.holds(row);
    };
    CHECK(contains("微信支付", "微信"));
    CHECK(contains("组合支付(储值卡,微信)", "微信"));
    CHECK(contains("组合支付(储值卡,微信)", "微信)"));
    CHECK_FALSE(contains("支付宝", "微信"));  // 宝 starts with 微's first byte
    CHECK_FALSE(contains("微 信", "微信"));
    CHECK_FALSE(contains("微", "微信"));
    CHECK(contains("aab", "ab"));  // a false start just before the match
    CHECK(contains("xxab", "ab"));
    CHECK(contains("ab", "b"));
    CHECK_FALSE(contains("", "ab"));
    CHECK(contains(std::string(300, 'a') + "微信", "微信"));  // a long text
    CHECK_FALSE(contains(std::string(300, 'a') + "微", "微信"));
  }

  TEST_CASE("a filter's text tests and null tests agree with their values, null included") {
    // member is null on kRow: a text test of it is unknown, and so is its negation.
    CHECK_FALSE(is_true("starts_with(member, 'VIP')"));
    CHECK_FALSE(is_true("not starts_with(member, 'VIP')"));
    CHECK_FALSE(is_true("not contains(member, 'VIP')"));
    CHECK(is_true("not contains(channel, '门')"));
    CHECK(is_true("not ends_with(channel, '电')"));
    CHECK(is_true("member is null and arrived is not null"));
    CHECK_FALSE(is_true("member is not null"));
    CHECK(is_true("not (channel is null)"));
  }

  TEST_CASE("the same expression however it is written, and only that") {
    const auto bound = [](const std::string& text) {
      return kpi::expr::RowExpression::bind(*kpi::expr::parse(text), kFields);
    };
    const auto filter = bound("channel in ['门店', '电商'] and not starts_with(member, 'TK')");
    CHECK(filter.same_as(
        bound("channel IN [\"门店\",\"电商\"] AND NOT starts_with( member , \"TK\" )")));
    CHECK_FALSE(
        filter.same_as(bound("channel in ['门店', '电商'] and not starts_with(member, 'T')")));
    CHECK_FALSE(
        filter.same_as(bound("channel in ['电商', '门店'] and not starts_with(member, 'TK')")));
    CHECK_FALSE(
        filter.same_as(bound("channel not in ['门店', '电商'] and not starts_with(member, 'TK')")));
    CHECK_FALSE(bound("amount > 1").same_as(bound("cost > 1")));
    CHECK_FALSE(bound("amount > 1").same_as(bound("amount >= 1")));
    CHECK(bound("amount > 1.50").same_as(bound("amount > 1.5")));
  }

  TEST_CASE("texts compare by their bytes: a prefix is neither equal nor greater") {
    CHECK_FALSE(is_true("channel == \"电\""));
    CHECK(is_true("channel != \"电\""));
    CHECK(is_true("channel > \"电\" and channel >= \"电\""));
    CHECK(is_true("channel < \"电商城\" and \"电商城\" > channel"));
    CHECK(is_true("channel <= \"电商\" and channel >= \"电商\" and not (channel < \"电商\")"));
    CHECK(is_true("\"B\" < \"a\" and \"ab\" > \"a\" and \"\" < \"a\""));
    CHECK(run("member == \"x\"").is_null());  // a missing text compares to nothing
    CHECK(run("member != \"x\"").is_null());
  }

  TEST_CASE("text equality sees every byte of texts of every length") {
    // Texts are compared a word at a time, from both ends: a difference anywhere must show.
    const std::vector<FieldSlot> fields = {{"code", ValueType::Text}};
    for (std::size_t size = 1; size <= 20; ++size) {
      const std::string code(size, 'a');
      const std::vector<Value> row = {Value::of_text(code)};
      const auto holds = [&](const std::string& text) {
        const auto expression = kpi::expr::RowExpression::bind(*kpi::expr::parse(text), fields);
        const Value value = expression.evaluate(row);
        CHECK(expression.holds(row) == (!value.is_null() && value.truth));
        return expression.holds(row);
      };
      CAPTURE(size);
      CHECK(holds("code == \"" + code + "\""));
      CHECK(holds("code in [\"x\", \"" + code + "\"]"));
      for (std::size_t at = 0; at < size; ++at) {
        std::string other = code;
        other[at] = 'b';
        CAPTURE(at);
        CHECK_FALSE(holds("code == \"" + other + "\""));
        CHECK(holds("code != \"" + other + "\""));
        CHECK_FALSE(holds("code in [\"" + other + "\"]"));
      }
    }
  }

  TEST_CASE("date() of a date-time is its calendar day, which compares with dates") {
    CHECK(run("date(time)").seconds == 20242LL * 86400);
    CHECK(run("date(time)").kind == Value::Kind::Moment);
    CHECK(is_true("date(time) == date(\"2025-06-03\")"));
    CHECK_FALSE(is_true("time == date(\"2025-06-03\")"));  // 14:30 is not midnight
    CHECK(run("days_between(date(time), arrived)").number.units() == 2 * Decimal::kUnitsPerOne);
    CHECK(run("date(arrived)").seconds == kArrived);
    CHECK(run("date(when(member == \"M1\", time))").is_null());  // no date: null, not 1970
  }

  TEST_CASE("arithmetic on fields is exact to the cent") {
    CHECK(number("amount - cost") == "734.56");
    CHECK(number("amount * 2") == "2469.12");
    CHECK(number("(amount - cost) / amount") == "0.594997");  // rounded to six decimals
  }

  TEST_CASE("steps beyond Decimal's range are exact when the result comes back into it (D06)") {
    // amount = 1234.56: amount * 10^10 is 1.2 × 10¹³, beyond a Decimal, and back by the division.
    CHECK(number("amount * 10000000000 / 10000000000") == "1234.56");
    CHECK(number("amount * 10000000000 - amount * 10000000000 + cost") == "500");
    CHECK(number("abs(-(amount * 10000000000)) / 100000000000") == "123.456");
    CHECK(is_true("amount * 10000000000 > 1000000000000 * 10"));  // compared in 128 bits
    CHECK_FALSE(is_true("amount * 10000000000 < cost"));
  }

  TEST_CASE("a result beyond Decimal's range is null and marked out of range, never a quiet null") {
    const Value beyond = run("amount * 10000000000");
    CHECK(beyond.is_null());
    CHECK(beyond.out_of_range);
    CHECK(run("max(amount * 10000000000, cost)").out_of_range);
    CHECK(run("-(amount * 10000000000)").out_of_range);
    CHECK(run("max(amount * 10000000000, cost) + when(amount < 0, cost)").out_of_range);
    const Value missing = run("amount + when(amount < 0, cost)");
    CHECK(missing.is_null());
    CHECK_FALSE(missing.out_of_range);
    CHECK_FALSE(run("amount / (cost - cost)").out_of_range);  // division by zero: no value
  }

  TEST_CASE("date parts, date literals and durations") {
    CHECK(number("year(time)") == "2025");
    CHECK(number("quarter(time)") == "2");
    CHECK(number("month(time) + day(time)") == "9");
    CHECK(number("weekday(time)") == "2");  // a Tuesday
    CHECK(number("hour(time)") == "14");
    CHECK(is_true("time >= \"2025-06-01\" and time < date(\"2025-07-01\")"));
    CHECK(number("days_between(time, arrived)") == "1.395833");
    CHECK(number("hours_between(time, arrived)") == "33.5");
  }

  TEST_CASE("nulls propagate and fail filters") {
    CHECK(is_true("member is null"));
    CHECK_FALSE(is_true("member is not null"));
    CHECK(run("member == \"M1\"").is_null());
    CHECK(run("not (member == \"M1\")").is_null());
    CHECK(is_true("member == \"M1\" or amount > 0"));  // true or null is true
    CHECK_FALSE(is_true("member == \"M1\" and amount > 0"));
    CHECK(run("amount / (cost - cost)").is_null());  // division by zero
  }

  TEST_CASE("binding errors name the problem") {
    CHECK(bind_error("chanel == \"x\"") == "unknown field \"chanel\" (did you mean \"channel\"?)");
    CHECK(bind_error("amount + channel") == "\"+\" needs a number, but \"channel\" is text");
    CHECK(bind_error("channel > 3") == "cannot compare \"channel\" (text) with \"3\" (a number)");
    CHECK(bind_error("time > \"June\"") ==
          "\"June\" is not a date (expected e.g. 2025-06-03, "
          "2025/6/3, 20250603 or 2025年6月3日, optionally "
          "followed by HH:MM[:SS])");
    CHECK(bind_error("yaer(time)") == "unknown function \"yaer\" (did you mean \"year\"?)");
    CHECK(bind_error("abs(amount, cost)") == "abs() takes 1 argument");
    CHECK(bind_error("channel in [1, 2]") == "items of this list must be text literals");
  }

  TEST_CASE("fields_used lists what a row must convert") {
    const auto bound = kpi::expr::RowExpression::bind(*kpi::expr::parse("amount > cost"), kFields);
    CHECK(bound.fields_used() == std::vector<bool>{false, true, true, false, false, false});
  }
}
