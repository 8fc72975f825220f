// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

#include "kpi/value/cell_status.hpp"
#include "kpi/value/decimal.hpp"

namespace kpi {

/// The decorations a number was written with; `kpi inspect` infers column types from them.
struct NumberNotation {
  bool currency = false;  ///< ¥ ￥ $ € RMB CNY prefix, or a trailing 元
  /// The symbol that currency stands for: "¥" (for ¥ ￥ RMB CNY 元), "$" or "€"; "" for none.
  std::string_view currency_symbol;
  bool percent = false;     ///< trailing % or ％
  bool multiplier = false;  ///< 万 (10⁴) or 亿 (10⁸)
  bool grouped = false;     ///< thousands separators
};

/// The marks a number is written with: a decimal point and a thousands comma by default;
/// exports from Spanish, German or French Excel write `1.234,56` or `1 234,56`.
struct NumberFormat {
  char decimal = '.';
  char thousands = ',';  ///< ',', '.', ' ' or '\0' for none; never the decimal mark
  friend bool operator==(const NumberFormat&, const NumberFormat&) = default;
};

/// The thousands separator that goes with a decimal mark when none is given: '.' for a decimal
/// comma, ',' for a decimal point.
constexpr char default_thousands(char decimal) { return decimal == ',' ? '.' : ','; }

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

/// The same with other marks: with {',', '.'}, "1.234,56" is 1234.56 and "2,5" is 2.5. A space
/// as thousands separator also matches a no-break space (U+00A0, U+202F).
NumberCell parse_number(std::string_view text, const NumberFormat& format);

/// How a cell reads with a decimal point ("1,234.5") and with a decimal comma ("1.234,5"), for
/// telling the two apart in a sample.
enum class DecimalEvidence {
  None,       ///< not a number either way
  Neutral,    ///< the same number either way: "12", "¥5", "35%"
  Point,      ///< a number only with a decimal point: "2.55", "1,234.56", "1,234,567"
  Comma,      ///< a number only with a decimal comma: "2,55", "1.234,56", "1.234.567"
  Ambiguous,  ///< a different number each way: "1,250" (1250 or 1.25), "1.250"
};
DecimalEvidence decimal_evidence(std::string_view text);

}  // namespace kpi
