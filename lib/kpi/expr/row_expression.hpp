// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kpi/expr/ast.hpp"
#include "kpi/expr/value.hpp"

namespace kpi::expr {

/// A field a row expression may name: its position in the row and its type.
struct FieldSlot {
  std::string name;
  ValueType type = ValueType::Text;
};

/// A filter or measure expression bound to the fields of one source, ready to run on rows.
///
/// Names are fields; `true` and `false` are the booleans. Functions: year, quarter, month, day,
/// weekday (1 = Monday), hour of a date; date("2025-06-01"); days_between(a, b) and
/// hours_between(a, b) (b − a); starts_with, ends_with, contains on text; abs, min, max;
/// when(condition, value): the value where the condition holds, null elsewhere.
/// A text literal compared with a date field is read as a date. Nulls propagate: arithmetic on
/// a null is null, a comparison with a null is null, and a filter passes only on true.
class RowExpression {
 public:
  /// Binds `tree`; throws BindError for unknown names (with a suggestion) and type errors.
  /// `source`, the text `tree` was parsed from, lets messages quote it as written.
  static RowExpression bind(const Node& tree, std::span<const FieldSlot> fields,
                            std::string_view source = {});

  RowExpression(RowExpression&&) noexcept;
  RowExpression& operator=(RowExpression&&) noexcept;
  ~RowExpression();

  ValueType type() const;
  /// Which field slots the expression reads.
  const std::vector<bool>& fields_used() const;
  /// The slot of the field when the expression is that field alone, so that callers can read
  /// the row's value in place.
  std::optional<std::size_t> field_slot() const;
  Value evaluate(std::span<const Value> row) const;
  /// Whether the expression is true on the row (null is not): a filter's test, the same as
  /// evaluate(row).truth without the values in between.
  bool holds(std::span<const Value> row) const;
  /// Whether `other` is the same expression over the same fields, however it was written
  /// (spacing, quotes, letter case of keywords): it then gives the same value on every row.
  bool same_as(const RowExpression& other) const;

  struct Bound;

 private:
  explicit RowExpression(std::unique_ptr<Bound> root, std::vector<bool> used);
  std::unique_ptr<Bound> root_;
  std::vector<bool> used_;
};

}  // namespace kpi::expr
