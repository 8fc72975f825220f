// SPDX-License-Identifier: MIT
// Private to lib/kpi/expr: the bound form of a row expression, shared by the binder that builds
// it (row_binder.cpp) and the evaluator that runs it (row_evaluator.cpp).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "kpi/expr/row_expression.hpp"

namespace kpi::expr {

enum class RowOp {
  Literal,
  When,
  Field,
  Negate,
  Add,
  Subtract,
  Multiply,
  Divide,
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  And,
  Or,
  Not,
  In,
  IsNull,
  Year,
  Quarter,
  Month,
  Day,
  Weekday,
  Hour,
  DateOf,  // date(time): the calendar day of a moment
  DaysBetween,
  HoursBetween,
  StartsWith,
  EndsWith,
  Contains,
  Abs,
  Min,
  Max
};

struct RowExpression::Bound {
  RowOp op = RowOp::Literal;
  ValueType type = ValueType::Number;
  bool negated = false;            // In: `not in`; IsNull: `is not null`
  std::size_t slot = 0;            // Field
  Value literal;                   // Literal
  std::vector<std::string> texts;  // storage that literal and list views point into
  std::vector<Value> list;         // In
  std::vector<std::unique_ptr<Bound>> children;
};

/// Evaluates a bound node on a row.
Value evaluate_bound(const RowExpression::Bound& node, std::span<const Value> row);

}  // namespace kpi::expr
