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
  // The flags sit beside the kind, in what would be padding: the value is 40 bytes, copied in
  // whole words. (With them after `seconds`, copying a cell's value mixed overlapping stores
  // and loads that the CPU cannot forward, and reading exports slowed by a quarter.)
  Kind kind = Kind::Null;
  bool truth = false;
  /// Null because arithmetic left the range of Decimal (±9.2 × 10¹²): unlike a missing cell,
  /// this is a problem the caller reports rather than a value SQL ignores.
  bool out_of_range = false;
  Decimal number;
  std::string_view text;
  std::int64_t seconds = 0;

  bool is_null() const { return kind == Kind::Null; }
  static Value of_number(Decimal number) { return {Kind::Number, false, false, number, {}, 0}; }
  static Value of_text(std::string_view text) { return {Kind::Text, false, false, {}, text, 0}; }
  static Value of_moment(std::int64_t seconds) {
    return {Kind::Moment, false, false, {}, {}, seconds};
  }
  static Value of_bool(bool truth) { return {Kind::Bool, truth, false, {}, {}, 0}; }
  static Value beyond_range() { return {Kind::Null, false, true, {}, {}, 0}; }
};
static_assert(sizeof(Value) == 40, "a Value is copied in whole words");

}  // namespace kpi::expr
