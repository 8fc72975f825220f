// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

#include "kpi/value/cell_status.hpp"
#include "kpi/value/decimal.hpp"

namespace kpi {

/// The decorations a number was written with; `kpi inspect` infers column types from them.
struct NumberNotation {
  bool currency = false;    ///< ¥ ￥ $ € RMB CNY prefix, or a trailing 元
  bool percent = false;     ///< trailing % or ％
  bool multiplier = false;  ///< 万 (10⁴) or 亿 (10⁸)
  bool grouped = false;     ///< thousands separators
};

struct NumberCell {
  CellStatus status = CellStatus::Missing;
  Decimal value;
  NumberNotation notation;
  /// For CellStatus::Invalid: why, as the end of a sentence that starts with the quoted cell,
  /// e.g. "is not a number".
  std::string_view problem;
};

/// Parses a cell as exports write numbers: "1,234.50", "¥1,234.50", "RMB 80", "8万", "1.2万元",
/// "35%", "(1,234.00)" (negative), "－１２" (full width), "−12" (minus sign), "1.5E+3". Values with
/// more than six decimals are rounded half away from zero. Missing tokens (see is_missing_token)
/// give CellStatus::Missing.
NumberCell parse_number(std::string_view text);

}  // namespace kpi
