// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/expr/bind_error.hpp"
#include "kpi/expr/row_expression.hpp"
#include "kpi/expr/row_expression_internal.hpp"
#include "kpi/value/date_parser.hpp"
#include "kpi/value/moment.hpp"
#include "kpi/value/number_parser.hpp"

namespace kpi::expr {

namespace {

using Bound = RowExpression::Bound;

bool is_moment(ValueType type) { return type == ValueType::Date || type == ValueType::DateTime; }

class Binder {
 public:
  Binder(std::span<const FieldSlot> fields, std::string_view source)
      : fields_(fields), used_(fields.size()), source_(source) {}

  std::unique_ptr<Bound> bind(const Node& node) {
    switch (node.kind) {
      case NodeKind::Number:
        return number_literal(node);
      case NodeKind::String:
        return text_literal(node.text);
      case NodeKind::Name:
        return name(node);
      case NodeKind::Unary:
        return unary(node);
      case NodeKind::Binary:
        return binary(node);
      case NodeKind::Call:
        return call(node);
      case NodeKind::In:
        return in(node);
      case NodeKind::IsNull:
        return is_null(node);
      case NodeKind::List:
        throw BindError(node.span, "a list [...] can only follow \"in\"");
    }
    throw BindError(node.span, "unsupported expression");
  }

  std::vector<bool> take_used() { return std::move(used_); }

 private:
  static std::unique_ptr<Bound> make(RowOp op, ValueType type) {
    auto bound = std::make_unique<Bound>();
    bound->op = op;
    bound->type = type;
    return bound;
  }

  static std::unique_ptr<Bound> number_literal(const Node& node) {
    const NumberCell cell = parse_number(node.text);
    if (cell.status != CellStatus::Value) {
      throw BindError(node.span, fmt::format("\"{}\" {}", node.text, cell.problem));
    }
    auto bound = make(RowOp::Literal, ValueType::Number);
    bound->literal = Value::of_number(cell.value);
    return bound;
  }

  static std::unique_ptr<Bound> text_literal(const std::string& text) {
    auto bound = make(RowOp::Literal, ValueType::Text);
    bound->texts.push_back(text);
    bound->literal = Value::of_text(bound->texts.back());
    return bound;
  }

  std::unique_ptr<Bound> name(const Node& node) {
    if (node.text == "true" || node.text == "false") {
      auto bound = make(RowOp::Literal, ValueType::Bool);
      bound->literal = Value::of_bool(node.text == "true");
      return bound;
    }
    for (std::size_t slot = 0; slot < fields_.size(); ++slot) {
      if (fields_[slot].name == node.text) {
        used_[slot] = true;
        auto bound = make(RowOp::Field, fields_[slot].type);
        bound->slot = slot;
        return bound;
      }
    }
    std::vector<std::string> names;
    for (const FieldSlot& field : fields_) {
      names.push_back(field.name);
    }
    if (node.text == "period_start" || node.text == "period_end") {
      throw BindError(node.span,
                      fmt::format("{} is the period's {} day, which only a measure's "
                                  "filter may read",
                                  node.text, node.text == "period_start" ? "first" : "last"));
    }
    throw BindError(node.span, fmt::format("unknown field \"{}\"{}", node.text,
                                           did_you_mean(node.text, names)));
  }

  std::unique_ptr<Bound> expect(const Node& node, ValueType type, std::string_view role) {
    auto bound = bind(node);
    if (bound->type != type && !(type == ValueType::Date && is_moment(bound->type))) {
      throw BindError(node.span,
                      fmt::format("{} needs {}, but {} is {}", role, value_type_name(type),
                                  describe(node), value_type_name(bound->type)));
    }
    return bound;
  }

  std::unique_ptr<Bound> unary(const Node& node) {
    const bool negate = node.text == "-";
    auto bound =
        make(negate ? RowOp::Negate : RowOp::Not, negate ? ValueType::Number : ValueType::Bool);
    bound->children.push_back(
        expect(*node.children[0], bound->type, fmt::format("\"{}\"", node.text)));
    return bound;
  }

  std::unique_ptr<Bound> binary(const Node& node) {
    static const std::map<std::string, RowOp, std::less<>> kArithmetic = {
        {"+", RowOp::Add}, {"-", RowOp::Subtract}, {"*", RowOp::Multiply}, {"/", RowOp::Divide}};
    static const std::map<std::string, RowOp, std::less<>> kComparison = {
        {"==", RowOp::Equal},     {"!=", RowOp::NotEqual}, {"<", RowOp::Less},
        {"<=", RowOp::LessEqual}, {">", RowOp::Greater},   {">=", RowOp::GreaterEqual}};
    const std::string role = fmt::format("\"{}\"", node.text);
    if (const auto found = kArithmetic.find(node.text); found != kArithmetic.end()) {
      auto bound = make(found->second, ValueType::Number);
      bound->children.push_back(expect(*node.children[0], ValueType::Number, role));
      bound->children.push_back(expect(*node.children[1], ValueType::Number, role));
      return bound;
    }
    if (node.text == "and" || node.text == "or") {
      auto bound = make(node.text == "and" ? RowOp::And : RowOp::Or, ValueType::Bool);
      bound->children.push_back(expect(*node.children[0], ValueType::Bool, role));
      bound->children.push_back(expect(*node.children[1], ValueType::Bool, role));
      return bound;
    }
    const auto found = kComparison.find(node.text);
    if (found == kComparison.end()) {
      throw BindError(node.span, fmt::format("unknown operator \"{}\"", node.text));
    }
    auto bound = make(found->second, ValueType::Bool);
    auto left = bind(*node.children[0]);
    auto right = bind(*node.children[1]);
    coerce_text_to_date(left, right, *node.children[1]);
    coerce_text_to_date(right, left, *node.children[0]);
    const bool comparable =
        left->type == right->type || (is_moment(left->type) && is_moment(right->type));
    if (!comparable) {
      throw BindError(
          node.span, fmt::format("cannot compare {} ({}) with {} ({})", describe(*node.children[0]),
                                 value_type_name(left->type), describe(*node.children[1]),
                                 value_type_name(right->type)));
    }
    bound->children.push_back(std::move(left));
    bound->children.push_back(std::move(right));
    return bound;
  }

  // A text literal next to a date is a date written as text: order_date >= "2025-06-01".
  static void coerce_text_to_date(const std::unique_ptr<Bound>& date_side,
                                  std::unique_ptr<Bound>& text_side, const Node& text_node) {
    if (!is_moment(date_side->type) || text_side->op != RowOp::Literal ||
        text_side->type != ValueType::Text) {
      return;
    }
    text_side = date_literal(text_side->texts.front(), text_node.span);
  }

  static std::unique_ptr<Bound> date_literal(const std::string& text, Span span) {
    const DateTimeCell cell = parse_date_time(text);
    if (cell.status != CellStatus::Value) {
      throw BindError(
          span, fmt::format("\"{}\" {}", text,
                            cell.status == CellStatus::Missing ? "is not a date" : cell.problem));
    }
    auto bound = make(RowOp::Literal, cell.has_time ? ValueType::DateTime : ValueType::Date);
    bound->literal = Value::of_moment(moment_of(cell.days, cell.second_of_day));
    return bound;
  }

  std::unique_ptr<Bound> in(const Node& node) {
    auto bound = make(RowOp::In, ValueType::Bool);
    bound->negated = node.negated;
    auto value = bind(*node.children[0]);
    const Node& list = *node.children[1];
    bound->texts.reserve(list.children.size());  // list views must not move
    for (const auto& item : list.children) {
      auto literal = bind(*item);
      coerce_text_to_date(value, literal, *item);
      if (literal->op != RowOp::Literal || literal->type != value->type) {
        throw BindError(item->span, fmt::format("items of this list must be {} literals",
                                                value_type_name(value->type)));
      }
      if (literal->type == ValueType::Text) {
        bound->texts.push_back(literal->texts.front());
        literal->literal.text = bound->texts.back();
      }
      bound->list.push_back(literal->literal);
    }
    bound->children.push_back(std::move(value));
    return bound;
  }

  std::unique_ptr<Bound> is_null(const Node& node) {
    auto bound = make(RowOp::IsNull, ValueType::Bool);
    bound->negated = node.negated;
    bound->children.push_back(bind(*node.children[0]));
    return bound;
  }

  std::unique_ptr<Bound> call(const Node& node);

  // A node as the user wrote it: "amount - qty", '美团'; in S-expression form without source.
  std::string describe(const Node& node) const {
    const std::size_t end = std::size_t{node.span.offset} + node.span.length;
    if (source_.empty() || end > source_.size()) {
      return fmt::format("\"{}\"", serialize(node));
    }
    const std::string_view written = source_.substr(node.span.offset, node.span.length);
    return node.kind == NodeKind::String ? std::string(written) : fmt::format("\"{}\"", written);
  }

  std::span<const FieldSlot> fields_;
  std::vector<bool> used_;
  std::string_view source_;
};

struct FunctionShape {
  RowOp op;
  ValueType result;
  std::vector<ValueType> parameters;  // empty with variadic: any count >= 2 of `variadic`
  bool variadic = false;
};

const std::map<std::string, FunctionShape, std::less<>>& functions() {
  using T = ValueType;
  static const std::map<std::string, FunctionShape, std::less<>> table = {
      {"year", {RowOp::Year, T::Number, {T::Date}}},
      {"quarter", {RowOp::Quarter, T::Number, {T::Date}}},
      {"month", {RowOp::Month, T::Number, {T::Date}}},
      {"day", {RowOp::Day, T::Number, {T::Date}}},
      {"weekday", {RowOp::Weekday, T::Number, {T::Date}}},
      {"hour", {RowOp::Hour, T::Number, {T::Date}}},
      {"days_between", {RowOp::DaysBetween, T::Number, {T::Date, T::Date}}},
      {"hours_between", {RowOp::HoursBetween, T::Number, {T::Date, T::Date}}},
      {"starts_with", {RowOp::StartsWith, T::Bool, {T::Text, T::Text}}},
      {"ends_with", {RowOp::EndsWith, T::Bool, {T::Text, T::Text}}},
      {"contains", {RowOp::Contains, T::Bool, {T::Text, T::Text}}},
      {"abs", {RowOp::Abs, T::Number, {T::Number}}},
      {"min", {RowOp::Min, T::Number, {T::Number}, true}},
      {"max", {RowOp::Max, T::Number, {T::Number}, true}},
  };
  return table;
}

std::unique_ptr<Bound> Binder::call(const Node& node) {
  if (node.text == "when") {
    if (node.children.size() != 2) {
      throw BindError(node.span,
                      "when() takes a condition and a value: when(event == \"成交\", time)");
    }
    auto condition = expect(*node.children[0], ValueType::Bool, "the condition of when()");
    auto value = bind(*node.children[1]);
    auto bound = make(RowOp::When, value->type);
    bound->children.push_back(std::move(condition));
    bound->children.push_back(std::move(value));
    return bound;
  }
  if (node.text == "date") {
    if (node.children.size() != 1) {
      throw BindError(node.span,
                      "date() takes one text such as date(\"2025-06-01\"), or one "
                      "date-time such as date(paid_at)");
    }
    if (node.children[0]->kind == NodeKind::String) {
      return date_literal(node.children[0]->text, node.children[0]->span);
    }
    // The calendar day of a date-time: 2025-06-03 14:30 is 2025-06-03.
    auto bound = make(RowOp::DateOf, ValueType::Date);
    bound->children.push_back(expect(*node.children[0], ValueType::Date, "date()"));
    return bound;
  }
  const auto found = functions().find(node.text);
  if (found == functions().end()) {
    std::vector<std::string> names = {"date", "when"};
    for (const auto& entry : functions()) {
      names.push_back(entry.first);
    }
    throw BindError(node.span, fmt::format("unknown function \"{}\"{}", node.text,
                                           did_you_mean(node.text, names)));
  }
  const FunctionShape& shape = found->second;
  const std::size_t count = node.children.size();
  if (shape.variadic ? count < 2 : count != shape.parameters.size()) {
    throw BindError(
        node.span,
        fmt::format("{}() takes {} argument{}", node.text,
                    shape.variadic ? "2 or more" : std::to_string(shape.parameters.size()),
                    shape.parameters.size() == 1 && !shape.variadic ? "" : "s"));
  }
  auto bound = make(shape.op, shape.result);
  for (std::size_t i = 0; i < count; ++i) {
    const ValueType wanted = shape.variadic ? shape.parameters[0] : shape.parameters[i];
    bound->children.push_back(
        expect(*node.children[i], wanted, fmt::format("argument {} of {}()", i + 1, node.text)));
  }
  return bound;
}

}  // namespace

std::string_view value_type_name(ValueType type) {
  switch (type) {
    case ValueType::Number:
      return "a number";
    case ValueType::Text:
      return "text";
    case ValueType::Date:
      return "a date";
    case ValueType::DateTime:
      return "a datetime";
    case ValueType::Bool:
      return "true or false";
  }
  return "text";
}

RowExpression RowExpression::bind(const Node& tree, std::span<const FieldSlot> fields,
                                  std::string_view source) {
  Binder binder(fields, source);
  auto root = binder.bind(tree);
  return RowExpression(std::move(root), binder.take_used());
}

RowExpression::RowExpression(std::unique_ptr<Bound> root, std::vector<bool> used)
    : root_(std::move(root)), used_(std::move(used)) {}
RowExpression::RowExpression(RowExpression&&) noexcept = default;
RowExpression& RowExpression::operator=(RowExpression&&) noexcept = default;
RowExpression::~RowExpression() = default;

ValueType RowExpression::type() const { return root_->type; }
const std::vector<bool>& RowExpression::fields_used() const { return used_; }
std::optional<std::size_t> RowExpression::field_slot() const {
  return root_->op == RowOp::Field ? std::optional(root_->slot) : std::nullopt;
}
}  // namespace kpi::expr
