// SPDX-License-Identifier: MIT
#include <algorithm>

#include "kpi/expr/row_expression.hpp"
#include "kpi/expr/row_expression_internal.hpp"
#include "kpi/value/date_parser.hpp"
#include "kpi/value/decimal_math.hpp"

namespace kpi::expr {
namespace {

using Bound = RowExpression::Bound;
constexpr std::int64_t kSecondsPerDay = 86400;

Value evaluate_node(const Bound& node, std::span<const Value> row);

// A child's value: a field or a literal in place, anything else computed into `computed`.
// Most filters compare a field with a literal, which then costs no copies of either.
const Value& operand(const Bound& node, std::span<const Value> row, Value& computed) {
  if (node.op == RowOp::Field) {
    return row[node.slot];
  }
  if (node.op == RowOp::Literal) {
    return node.literal;
  }
  computed = evaluate_node(node, row);
  return computed;
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

Value compare(RowOp op, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) {
    return {};
  }
  if (a.kind == Value::Kind::Text && (op == RowOp::Equal || op == RowOp::NotEqual)) {
    return Value::of_bool((a.text == b.text) == (op == RowOp::Equal));  // lengths first
  }
  const int order = compare_values(a, b);
  switch (op) {
    case RowOp::Equal:
      return Value::of_bool(order == 0);
    case RowOp::NotEqual:
      return Value::of_bool(order != 0);
    case RowOp::Less:
      return Value::of_bool(order < 0);
    case RowOp::LessEqual:
      return Value::of_bool(order <= 0);
    case RowOp::Greater:
      return Value::of_bool(order > 0);
    default:
      return Value::of_bool(order >= 0);
  }
}

Value logic(const Bound& node, std::span<const Value> row) {
  const bool is_and = node.op == RowOp::And;
  const Value left = evaluate_node(*node.children[0], row);
  if (!left.is_null() && left.truth != is_and) {
    return left;  // false and …, true or …: decided
  }
  const Value right = evaluate_node(*node.children[1], row);
  if (!right.is_null() && right.truth != is_and) {
    return right;
  }
  return left.is_null() || right.is_null() ? Value{} : Value::of_bool(is_and);
}

Value date_part(RowOp op, const Value& moment) {
  if (moment.is_null()) {
    return {};
  }
  const std::int64_t seconds =
      ((moment.seconds % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay;
  const auto days = static_cast<std::int32_t>((moment.seconds - seconds) / kSecondsPerDay);
  const CivilParts civil = civil_parts(days);
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
  return Value::of_bool(op == RowOp::StartsWith ? text.text.starts_with(part.text)
                        : op == RowOp::EndsWith
                            ? text.text.ends_with(part.text)
                            : text.text.find(part.text) != std::string_view::npos);
}

Value arithmetic(RowOp op, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) {
    return {};
  }
  std::optional<Decimal> result = op == RowOp::Add        ? add(a.number, b.number)
                                  : op == RowOp::Subtract ? subtract(a.number, b.number)
                                  : op == RowOp::Multiply ? multiply(a.number, b.number)
                                                          : divide(a.number, b.number);
  return result ? Value::of_number(*result) : Value{};
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
      return {};
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
    case RowOp::Negate: {
      const Value value = child(0);
      return value.is_null() ? value : arithmetic(RowOp::Subtract, Value::of_number({}), value);
    }
    case RowOp::Add:
    case RowOp::Subtract:
    case RowOp::Multiply:
    case RowOp::Divide:
      return with_operands(
          node, row, [&](const Value& a, const Value& b) { return arithmetic(node.op, a, b); });
    case RowOp::And:
    case RowOp::Or:
      return logic(node, row);
    case RowOp::Not: {
      const Value value = child(0);
      return value.is_null() ? value : Value::of_bool(!value.truth);
    }
    case RowOp::In:
      return with_operand(node, row, [&](const Value& value) {
        if (value.is_null()) {
          return value;
        }
        const bool found = std::any_of(node.list.begin(), node.list.end(), [&](const Value& item) {
          return compare_values(value, item) == 0;
        });
        return Value::of_bool(found != node.negated);
      });
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
    case RowOp::Abs: {
      const Value value = child(0);
      return value.is_null() || value.number >= Decimal{}
                 ? value
                 : arithmetic(RowOp::Subtract, Value::of_number({}), value);
    }
    case RowOp::Min:
    case RowOp::Max:
      return extreme(node, row);
    case RowOp::Equal:
    case RowOp::NotEqual:
    case RowOp::Less:
    case RowOp::LessEqual:
    case RowOp::Greater:
    case RowOp::GreaterEqual:
      return with_operands(node, row,
                           [&](const Value& a, const Value& b) { return compare(node.op, a, b); });
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

}  // namespace kpi::expr
