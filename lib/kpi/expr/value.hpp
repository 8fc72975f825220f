// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string_view>

#include "kpi/value/decimal.hpp"

namespace kpi::expr {

/// The static type of a field or of a row expression.
enum class ValueType { Number, Text, Date, DateTime, Bool };

std::string_view value_type_name(ValueType type);

/// One value in a row: a field's cell after conversion, or an intermediate result. Dates are
/// held as seconds since 1970-01-01 (midnight for a date), so dates and datetimes compare.
/// Text views the row's own buffer or the expression's literals.
struct Value {
  enum class Kind { Null, Number, Text, Moment, Bool };
  Kind kind = Kind::Null;
  Decimal number;
  std::string_view text;
  std::int64_t seconds = 0;
  bool truth = false;
  /// Null because arithmetic left the range of Decimal (±9.2 × 10¹²): unlike a missing cell,
  /// this is a problem the caller reports rather than a value SQL ignores.
  bool out_of_range = false;

  bool is_null() const { return kind == Kind::Null; }
  static Value of_number(Decimal number) { return {Kind::Number, number, {}, 0, false, false}; }
  static Value of_text(std::string_view text) { return {Kind::Text, {}, text, 0, false, false}; }
  static Value of_moment(std::int64_t seconds) {
    return {Kind::Moment, {}, {}, seconds, false, false};
  }
  static Value of_bool(bool truth) { return {Kind::Bool, {}, {}, 0, truth, false}; }
  static Value beyond_range() { return {Kind::Null, {}, {}, 0, false, true}; }
};

}  // namespace kpi::expr
