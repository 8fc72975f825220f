// SPDX-License-Identifier: MIT
#include <algorithm>
#include <cstdint>
#include <limits>

#include "kpi/core/same_bytes.hpp"
#include "kpi/expr/row_expression.hpp"
#include "kpi/expr/row_expression_internal.hpp"
#include "kpi/value/date_parser.hpp"
#include "kpi/value/decimal_math.hpp"
#include "kpi/value/moment.hpp"

namespace kpi::expr {
namespace {

using Bound = RowExpression::Bound;

Value evaluate_node(const Bound& node, std::span<const Value> row);

bool is_in_place(const Bound& node) { return node.op == RowOp::Field || node.op == RowOp::Literal; }

// The value of a field or a literal, where it is.
const Value& in_place(const Bound& node, std::span<const Value> row) {
  return node.op == RowOp::Field ? row[node.slot] : node.literal;
}

// A child's value: a field or a literal in place, anything else computed into `computed`.
// Most filters compare a field with a literal, which then costs no copies of either.
const Value& operand(const Bound& node, std::span<const Value> row, Value& computed) {
  if (is_in_place(node)) {
    return in_place(node, row);
  }
  computed = evaluate_node(node, row);
  return computed;
}

// Arithmetic runs in 128-bit millionths, each step rounded to six decimals as Decimal's own
// operations round: a step may leave Decimal's range (price * 10000 * qty / 10000) as long as
// the expression's value comes back into it. Only a result beyond it is out of range.
__extension__ typedef __int128 WideUnits;

struct Wide {
  enum class State : unsigned char { Null, Number, OutOfRange };
  State state = State::Null;
  WideUnits units = 0;
};

constexpr Wide kWideNull{};
constexpr Wide kWideOutOfRange{Wide::State::OutOfRange, 0};

bool is_arithmetic(const Bound& node) {
  return node.op == RowOp::Add || node.op == RowOp::Subtract || node.op == RowOp::Multiply ||
         node.op == RowOp::Divide || node.op == RowOp::Negate || node.op == RowOp::Abs;
}

Wide wide_of(const Value& value) {
  if (value.kind == Value::Kind::Number) {
    return {Wide::State::Number, value.number.units()};
  }
  return value.out_of_range ? kWideOutOfRange : kWideNull;
}

// numerator / denominator, rounded half away from zero (as decimal_math rounds).
WideUnits rounded_quotient(WideUnits numerator, WideUnits denominator) {
  const bool negative = (numerator < 0) != (denominator < 0);
  const WideUnits magnitude_n = numerator < 0 ? -numerator : numerator;
  const WideUnits magnitude_d = denominator < 0 ? -denominator : denominator;
  const WideUnits quotient =
      magnitude_n / magnitude_d + (magnitude_n % magnitude_d >= magnitude_d - magnitude_d / 2);
  return negative ? -quotient : quotient;
}

// The 128-bit limits are far from any export's values (±1.7 × 10³² after the six decimals);
// beyond them is out of range too.
Wide wide_arithmetic(RowOp op, WideUnits a, WideUnits b) {
  WideUnits result = 0;
  switch (op) {
    case RowOp::Add:
      if (__builtin_add_overflow(a, b, &result)) {
        return kWideOutOfRange;
      }
      break;
    case RowOp::Subtract:
      if (__builtin_sub_overflow(a, b, &result)) {
        return kWideOutOfRange;
      }
      break;
    case RowOp::Multiply:
      if (__builtin_mul_overflow(a, b, &result)) {
        return kWideOutOfRange;
      }
      result = rounded_quotient(result, Decimal::kUnitsPerOne);
      break;
    default:  // Divide
      if (b == 0) {
        return kWideNull;  // division by zero has no value, as in SQL
      }
      if (__builtin_mul_overflow(a, WideUnits{Decimal::kUnitsPerOne}, &result)) {
        return kWideOutOfRange;
      }
      result = rounded_quotient(result, b);
      break;
  }
  return {Wide::State::Number, result};
}

Wide evaluate_wide(const Bound& node, std::span<const Value> row) {
  if (is_in_place(node)) {
    return wide_of(in_place(node, row));
  }
  if (!is_arithmetic(node)) {
    return wide_of(evaluate_node(node, row));
  }
  const Wide a = evaluate_wide(*node.children[0], row);
  if (node.op == RowOp::Negate || node.op == RowOp::Abs) {
    if (a.state != Wide::State::Number) {
      return a;
    }
    return node.op == RowOp::Abs && a.units >= 0 ? a : wide_arithmetic(RowOp::Subtract, 0, a.units);
  }
  const Wide b = evaluate_wide(*node.children[1], row);
  if (a.state == Wide::State::OutOfRange || b.state == Wide::State::OutOfRange) {
    return kWideOutOfRange;  // a problem to report, even where the other side has no value
  }
  if (a.state == Wide::State::Null || b.state == Wide::State::Null) {
    return kWideNull;
  }
  return wide_arithmetic(node.op, a.units, b.units);
}

// An arithmetic expression's value: a Decimal, null, or null out of range.
Value arithmetic_value(const Bound& node, std::span<const Value> row) {
  const Wide wide = evaluate_wide(node, row);
  if (wide.state == Wide::State::Null) {
    return {};
  }
  if (wide.state == Wide::State::OutOfRange ||
      wide.units > std::numeric_limits<std::int64_t>::max() ||
      wide.units < std::numeric_limits<std::int64_t>::min()) {
    return Value::beyond_range();
  }
  return Value::of_number(Decimal::from_units(static_cast<std::int64_t>(wide.units)));
}

template <typename Apply>
Value with_operand(const Bound& node, std::span<const Value> row, const Apply& apply) {
  Value computed;
  return apply(operand(*node.children[0], row, computed));
}

template <typename Apply>
Value with_operands(const Bound& node, std::span<const Value> row, const Apply& apply) {
  Value computed_left, computed_right;
  return apply(operand(*node.children[0], row, computed_left),
               operand(*node.children[1], row, computed_right));
}

int compare_values(const Value& a, const Value& b) {
  switch (a.kind) {
    case Value::Kind::Number:
      return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
    case Value::Kind::Text:
      return a.text.compare(b.text);
    case Value::Kind::Moment:
      return a.seconds < b.seconds ? -1 : a.seconds > b.seconds ? 1 : 0;
    case Value::Kind::Bool:
      return static_cast<int>(a.truth) - static_cast<int>(b.truth);
    case Value::Kind::Null:
      return 0;
  }
  return 0;
}

// Whether a condition holds on a row, without building a Value for each step: filters run
// on every row, mostly as comparisons joined by `and`. Unknown is SQL's null.
enum class Truth : unsigned char { False, True, Unknown };

Truth truth_of(const Value& value) {
  return value.is_null() ? Truth::Unknown : value.truth ? Truth::True : Truth::False;
}

Value value_of(Truth truth) {
  return truth == Truth::Unknown ? Value{} : Value::of_bool(truth == Truth::True);
}

Truth compare(RowOp op, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) {
    return Truth::Unknown;
  }
  bool holds = false;
  if (a.kind == Value::Kind::Text && (op == RowOp::Equal || op == RowOp::NotEqual)) {
    holds = same_bytes(a.text, b.text) == (op == RowOp::Equal);
  } else {
    const int order = compare_values(a, b);
    holds = op == RowOp::Equal       ? order == 0
            : op == RowOp::NotEqual  ? order != 0
            : op == RowOp::Less      ? order < 0
            : op == RowOp::LessEqual ? order <= 0
            : op == RowOp::Greater   ? order > 0
                                     : order >= 0;
  }
  return holds ? Truth::True : Truth::False;
}

// Whether `part` is in `text`. Filters search short cells (a payment method, a product name)
// for a word: a loop over the places where its first two bytes are costs less than
// string_view::find's library calls (memchr, then memcmp where the first byte matches, which
// in Chinese text is often: most characters start with E4 to E9).
bool contains(std::string_view text, std::string_view part) {
  if (part.size() < 2 || text.size() > 256) {
    return text.find(part) != std::string_view::npos;
  }
  if (part.size() > text.size()) {
    return false;
  }
  const std::size_t last = text.size() - part.size();
  for (std::size_t at = 0; at <= last; ++at) {
    if (text[at] == part[0] && text[at + 1] == part[1] &&
        same_bytes(text.substr(at, part.size()), part)) {
      return true;
    }
  }
  return false;
}

// starts_with, ends_with or contains.
bool text_holds(RowOp op, std::string_view text, std::string_view part) {
  return op == RowOp::StartsWith ? text.starts_with(part)
         : op == RowOp::EndsWith ? text.ends_with(part)
                                 : contains(text, part);
}

Truth test_node(const Bound& node, std::span<const Value> row) {
  switch (node.op) {
    case RowOp::And:
    case RowOp::Or: {
      const Truth decided = node.op == RowOp::And ? Truth::False : Truth::True;
      const Truth left = test_node(*node.children[0], row);
      if (left == decided) {
        return left;  // false and …, true or …
      }
      const Truth right = test_node(*node.children[1], row);
      if (right == decided || right == Truth::Unknown) {
        return right;
      }
      return left;  // neither decides: the other truth, or unknown
    }
    case RowOp::Not: {
      const Truth truth = test_node(*node.children[0], row);
      return truth == Truth::Unknown ? truth : truth == Truth::True ? Truth::False : Truth::True;
    }
    case RowOp::Equal:
    case RowOp::NotEqual:
    case RowOp::Less:
    case RowOp::LessEqual:
    case RowOp::Greater:
    case RowOp::GreaterEqual: {
      const Bound& left = *node.children[0];
      const Bound& right = *node.children[1];
      if (is_in_place(left) && is_in_place(right)) {  // most filters: no Values to make
        return compare(node.op, in_place(left, row), in_place(right, row));
      }
      if (left.type == ValueType::Number && (is_arithmetic(left) || is_arithmetic(right))) {
        // Compared in 128 bits: `price * qty > 10000000000000` holds beyond Decimal's range.
        const Wide a = evaluate_wide(left, row);
        const Wide b = evaluate_wide(right, row);
        if (a.state != Wide::State::Number || b.state != Wide::State::Number) {
          return Truth::Unknown;
        }
        const int order = a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
        return compare(node.op, Value::of_number(Decimal::from_units(order)),
                       Value::of_number(Decimal{}));
      }
      Value computed_left, computed_right;
      return compare(node.op, operand(left, row, computed_left),
                     operand(right, row, computed_right));
    }
    case RowOp::In: {
      Value computed;
      const Value& value = operand(*node.children[0], row, computed);
      if (value.is_null()) {
        return Truth::Unknown;
      }
      bool found = false;
      if (value.kind == Value::Kind::Text) {
        // Every item is compared, without stopping at the one that matches: which one does
        // varies from row to row, and a branch on it would be mispredicted on most rows.
        for (const Value& item : node.list) {
          found |= same_bytes(value.text, item.text);
        }
      } else {
        found = std::any_of(node.list.begin(), node.list.end(),
                            [&](const Value& item) { return compare_values(value, item) == 0; });
      }
      return found != node.negated ? Truth::True : Truth::False;
    }
    case RowOp::IsNull: {
      Value computed;
      const bool null = operand(*node.children[0], row, computed).is_null();
      return null != node.negated ? Truth::True : Truth::False;
    }
    case RowOp::StartsWith:
    case RowOp::EndsWith:
    case RowOp::Contains: {
      // As text_test, without a Value for the answer: refunds by an order prefix and payment
      // methods by a word are tested on every row.
      Value computed_text, computed_part;
      const Value& text = operand(*node.children[0], row, computed_text);
      const Value& part = operand(*node.children[1], row, computed_part);
      if (text.is_null() || part.is_null()) {
        return Truth::Unknown;
      }
      return text_holds(node.op, text.text, part.text) ? Truth::True : Truth::False;
    }
    default:
      return truth_of(evaluate_node(node, row));
  }
}

Value date_part(RowOp op, const Value& moment) {
  if (moment.is_null()) {
    return {};
  }
  const std::int64_t seconds = second_of_day(moment.seconds);
  const CivilParts civil = civil_parts(day_of(moment.seconds));
  const std::int64_t part = op == RowOp::Year      ? civil.year
                            : op == RowOp::Quarter ? (civil.month + 2) / 3
                            : op == RowOp::Month   ? civil.month
                            : op == RowOp::Day     ? civil.day
                            : op == RowOp::Weekday ? civil.iso_weekday
                                                   : seconds / 3600;
  return Value::of_number(Decimal::from_units(part * Decimal::kUnitsPerOne));
}

Value text_test(RowOp op, const Value& text, const Value& part) {
  if (text.is_null() || part.is_null()) {
    return {};
  }
  return Value::of_bool(text_holds(op, text.text, part.text));
}

Value between(RowOp op, const Value& from, const Value& to) {
  if (from.is_null() || to.is_null()) {
    return {};
  }
  const std::int64_t unit = op == RowOp::DaysBetween ? kSecondsPerDay : 3600;
  const auto result =
      divide(Decimal::from_units((to.seconds - from.seconds) * Decimal::kUnitsPerOne),
             Decimal::from_units(unit * Decimal::kUnitsPerOne));
  return result ? Value::of_number(*result) : Value{};
}

Value extreme(const Bound& node, std::span<const Value> row) {
  Value best;
  for (const auto& child : node.children) {
    const Value value = evaluate_node(*child, row);
    if (value.is_null()) {
      return value;  // null, or out of range
    }
    if (best.is_null() ||
        (node.op == RowOp::Min ? value.number < best.number : value.number > best.number)) {
      best = value;
    }
  }
  return best;
}

Value evaluate_node(const Bound& node, std::span<const Value> row) {
  const auto child = [&](std::size_t index) { return evaluate_node(*node.children[index], row); };
  switch (node.op) {
    case RowOp::Literal:
      return node.literal;
    case RowOp::Field:
      return row[node.slot];
    case RowOp::Negate:
    case RowOp::Add:
    case RowOp::Subtract:
    case RowOp::Multiply:
    case RowOp::Divide:
    case RowOp::Abs:
      return arithmetic_value(node, row);
    case RowOp::And:
    case RowOp::Or:
    case RowOp::Not:
    case RowOp::In:
    case RowOp::Equal:
    case RowOp::NotEqual:
    case RowOp::Less:
    case RowOp::LessEqual:
    case RowOp::Greater:
    case RowOp::GreaterEqual:
      return value_of(test_node(node, row));
    case RowOp::When: {
      const Value condition = child(0);
      return !condition.is_null() && condition.truth ? child(1) : Value{};
    }
    case RowOp::IsNull:
      return with_operand(node, row, [&](const Value& value) {
        return Value::of_bool(value.is_null() != node.negated);
      });
    case RowOp::DaysBetween:
    case RowOp::HoursBetween:
      return with_operands(node, row,
                           [&](const Value& a, const Value& b) { return between(node.op, a, b); });
    case RowOp::StartsWith:
    case RowOp::EndsWith:
    case RowOp::Contains:
      return with_operands(
          node, row, [&](const Value& a, const Value& b) { return text_test(node.op, a, b); });
    case RowOp::Min:
    case RowOp::Max:
      return extreme(node, row);
    case RowOp::DateOf:
      return with_operand(node, row, [](const Value& moment) {
        return moment.is_null() ? moment : Value::of_moment(moment_of(day_of(moment.seconds)));
      });
    default:
      return date_part(node.op, child(0));
  }
}

}  // namespace

Value evaluate_bound(const Bound& node, std::span<const Value> row) {
  return evaluate_node(node, row);
}

Value RowExpression::evaluate(std::span<const Value> row) const {
  return evaluate_bound(*root_, row);
}

bool RowExpression::holds(std::span<const Value> row) const {
  return test_node(*root_, row) == Truth::True;
}

}  // namespace kpi::expr
