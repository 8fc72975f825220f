// SPDX-License-Identifier: MIT
#include "kpi/value/number_parser.hpp"

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "kpi/value/cell_text.hpp"

namespace kpi {
namespace {

constexpr std::string_view kNotANumber = "is not a number";
constexpr std::string_view kBadGrouping =
    "is not a number (thousands separators must group 3 digits)";
constexpr std::string_view kSignInParentheses =
    "is not a number (parentheses already make a number negative: write -5 or (5))";
constexpr std::string_view kOutOfRange = "is out of range (numbers are limited to ±9.2 × 10¹²)";

constexpr std::string_view kYen = "\xC2\xA5";  // ¥, the symbol of yuan
constexpr std::string_view kEuro = "\xE2\x82\xAC";
struct CurrencyPrefix {
  std::string_view written, symbol;
};
constexpr std::array<CurrencyPrefix, 6> kCurrencyPrefixes = {{{kYen, kYen},
                                                              {"\xEF\xBF\xA5", kYen},  // ￥
                                                              {"$", "$"},
                                                              {kEuro, kEuro},
                                                              {"RMB", kYen},
                                                              {"CNY", kYen}}};
constexpr std::string_view kYuan = "\xE5\x85\x83";  // 元
constexpr std::string_view kWan = "\xE4\xB8\x87";   // 万
constexpr std::string_view kYi = "\xE4\xBA\xBF";    // 亿

bool consume_prefix(std::string_view& text, std::string_view prefix) {
  if (!text.starts_with(prefix)) {
    return false;
  }
  text.remove_prefix(prefix.size());
  return true;
}

bool consume_suffix(std::string_view& text, std::string_view suffix) {
  if (!text.ends_with(suffix)) {
    return false;
  }
  text.remove_suffix(suffix.size());
  return true;
}

// Returns the symbol of the currency prefix taken off `text`, or "" for none.
std::string_view consume_currency(std::string_view& text) {
  for (const CurrencyPrefix& prefix : kCurrencyPrefixes) {
    if (consume_prefix(text, prefix.written)) {
      text = trim_cell(text);
      return prefix.symbol;
    }
  }
  return {};
}

// 30 significant digits and a scale of 10⁶ need more than 64 bits before the range check.
__extension__ typedef unsigned __int128 WideUnsigned;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The digits of a number as an integer mantissa and a power of ten: 1,234.5e2 → 12345 × 10^1.
struct Mantissa {
  WideUnsigned digits = 0;
  int exponent = 0;
};

// Parses [digits with optional 3-digit groups][.digits][e±digits]; the whole text must match.
bool parse_mantissa(std::string_view text, const NumberFormat& format, Mantissa& out, bool& grouped,
                    std::string_view& problem) {
  problem = kNotANumber;
  std::size_t pos = 0;
  std::size_t integer_digits = 0;
  std::size_t group_length = 0;
  int significant_digits = 0;
  // Returns false when the digit does not fit; a fraction digit that does not fit is dropped
  // instead, since 30 digits already decide the rounding to six decimals.
  const auto push_digit = [&](char c, bool in_fraction) {
    if (out.digits == 0 && c == '0') {
      return true;
    }
    if (significant_digits == 30) {
      if (in_fraction) {
        ++out.exponent;  // cancels the caller's decrement: the digit is not kept
        return true;
      }
      problem = kOutOfRange;
      return false;
    }
    ++significant_digits;
    out.digits = out.digits * 10 + static_cast<unsigned>(c - '0');
    return true;
  };
  const char thousands = format.thousands == '\0' ? 'x' : format.thousands;
  for (; pos < text.size() && (is_digit(text[pos]) || text[pos] == thousands); ++pos) {
    if (text[pos] == thousands) {
      // A group separator needs 1–3 digits before the first one and exactly 3 between.
      if (integer_digits == 0 || (grouped ? group_length != 3 : group_length > 3)) {
        problem = kBadGrouping;
        return false;
      }
      grouped = true;
      group_length = 0;
      continue;
    }
    ++integer_digits;
    ++group_length;
    if (!push_digit(text[pos], false)) {
      return false;
    }
  }
  if (grouped && group_length != 3) {
    problem = kBadGrouping;
    return false;
  }
  std::size_t fraction_digits = 0;
  if (pos < text.size() && text[pos] == format.decimal) {
    for (++pos; pos < text.size() && is_digit(text[pos]); ++pos, ++fraction_digits) {
      push_digit(text[pos], true);
      --out.exponent;
    }
  }
  if (integer_digits + fraction_digits == 0) {
    return false;
  }
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    const bool negative = pos < text.size() && text[pos] == '-';
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
      ++pos;
    }
    int exponent = 0;
    const std::size_t first = pos;
    for (; pos < text.size() && is_digit(text[pos]); ++pos) {
      exponent = std::min(exponent * 10 + (text[pos] - '0'), 1000);
    }
    if (pos == first) {
      return false;
    }
    out.exponent += negative ? -exponent : exponent;
  }
  return pos == text.size();
}

// mantissa × 10^exponent as millionths, rounded half away from zero.
bool scale_to_units(Mantissa mantissa, bool negative, std::int64_t& units) {
  constexpr auto kLimit = static_cast<WideUnsigned>(std::numeric_limits<std::int64_t>::max());
  int exponent = mantissa.exponent + Decimal::kFractionDigits;
  WideUnsigned value = mantissa.digits;
  for (; exponent > 0 && value != 0; --exponent) {
    value *= 10;
    if (value > kLimit) {
      return false;
    }
  }
  if (exponent < 0) {
    if (exponent < -38) {
      value = 0;
    }
    for (; exponent < -1 && value != 0; ++exponent) {
      value /= 10;
    }
    if (exponent == -1) {
      value = (value + 5) / 10;
    }
  }
  if (value > kLimit) {
    return false;
  }
  units = negative ? -static_cast<std::int64_t>(value) : static_cast<std::int64_t>(value);
  return true;
}

// A plain decimal (1234.50, -3, 0.125): most cells of most exports. Read directly into
// millionths, without the general path's copy and folding; nullopt for anything else.
std::optional<std::int64_t> plain_decimal_units(std::string_view text, char decimal) {
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  i += negative ? 1 : 0;
  const auto digit = [&](std::size_t at) {
    return at < text.size() && text[at] >= '0' && text[at] <= '9';
  };
  const std::size_t integer_start = i;
  std::int64_t units = 0;
  // Up to 12 integer digits, so that the millionths stay far inside 64 bits.
  while (digit(i)) {
    if (i - integer_start == 12) {
      return std::nullopt;
    }
    units = units * 10 + (text[i] - '0');
    ++i;
  }
  if (i == integer_start) {
    return std::nullopt;
  }
  std::int64_t fraction_scale = Decimal::kUnitsPerOne;
  units *= Decimal::kUnitsPerOne;
  if (i < text.size() && text[i] == decimal) {
    ++i;
    const std::size_t fraction_start = i;
    while (digit(i) && i - fraction_start < 6) {
      fraction_scale /= 10;
      units += (text[i] - '0') * fraction_scale;
      ++i;
    }
    if (i == fraction_start) {
      return std::nullopt;
    }
  }
  if (i != text.size()) {
    return std::nullopt;  // more decimals than millionths hold, or not plain: the general path
  }
  return negative ? -units : units;
}

NumberCell invalid(std::string_view problem) {
  NumberCell cell;
  cell.status = CellStatus::Invalid;
  cell.problem = problem;
  return cell;
}

// A no-break space (U+00A0) or narrow no-break space (U+202F) as an ASCII space, for French
// thousands groups.
std::string with_ascii_spaces(std::string_view text) {
  std::string spaced;
  spaced.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 2) == "\xC2\xA0") {
      spaced += ' ';
      i += 1;
    } else if (text.substr(i, 3) == "\xE2\x80\xAF") {
      spaced += ' ';
      i += 2;
    } else {
      spaced += text[i];
    }
  }
  return spaced;
}

}  // namespace

NumberCell parse_number(std::string_view text) { return parse_number(text, NumberFormat{}); }

NumberCell parse_number(std::string_view text, const NumberFormat& format) {
  if (const std::optional<std::int64_t> units = plain_decimal_units(text, format.decimal)) {
    NumberCell cell;
    cell.status = CellStatus::Value;
    cell.value = Decimal::from_units(*units);
    return cell;
  }
  if (text.empty()) {
    return NumberCell{};  // an empty cell, as common as a plain number in some columns
  }
  const std::string folded =
      format.thousands == ' ' ? with_ascii_spaces(fold_full_width(text)) : fold_full_width(text);
  std::string_view rest = trim_cell(folded);
  if (is_missing_token(rest)) {
    return NumberCell{};
  }
  NumberCell cell;
  bool negative = false;
  bool parenthesised = false;
  if (rest.size() >= 2 && rest.front() == '(' && rest.back() == ')') {
    negative = true;  // accounting style: (1,234.00) is -1234
    parenthesised = true;
    rest = trim_cell(rest.substr(1, rest.size() - 2));
  }
  bool contradictory = false;
  const auto consume_sign = [&] {
    if (rest.starts_with('-') || rest.starts_with('+')) {
      // (-5) says negative twice: a slip, not +5.
      contradictory = contradictory || (parenthesised && rest.starts_with('-'));
      negative = negative != rest.starts_with('-');
      rest = trim_cell(rest.substr(1));
      return true;
    }
    return false;
  };
  const bool signed_before_currency = consume_sign();
  cell.notation.currency_symbol = consume_currency(rest);
  cell.notation.currency = !cell.notation.currency_symbol.empty();
  if (!signed_before_currency) {
    consume_sign();
  }
  if (contradictory) {
    return invalid(kSignInParentheses);
  }
  if (consume_suffix(rest, kYuan)) {
    cell.notation.currency = true;
    cell.notation.currency_symbol = kYen;
  }
  Mantissa mantissa;
  if (consume_suffix(rest, kWan)) {
    mantissa.exponent = 4;
  } else if (consume_suffix(rest, kYi)) {
    mantissa.exponent = 8;
  } else if (consume_suffix(rest, "%")) {
    mantissa.exponent = -2;
    cell.notation.percent = true;
  }
  cell.notation.multiplier = mantissa.exponent > 0;
  rest = trim_cell(rest);
  const int suffix_exponent = mantissa.exponent;
  mantissa.exponent = 0;
  std::string_view problem;
  if (!parse_mantissa(rest, format, mantissa, cell.notation.grouped, problem)) {
    return invalid(problem);
  }
  mantissa.exponent += suffix_exponent;
  std::int64_t units = 0;
  if (!scale_to_units(mantissa, negative, units)) {
    return invalid(kOutOfRange);
  }
  cell.status = CellStatus::Value;
  cell.value = Decimal::from_units(units);
  return cell;
}

DecimalEvidence decimal_evidence(std::string_view text) {
  const NumberCell point = parse_number(text);
  const NumberCell comma = parse_number(text, {',', '.'});
  const bool is_point = point.status == CellStatus::Value;
  const bool is_comma = comma.status == CellStatus::Value;
  if (is_point && is_comma) {
    return point.value == comma.value ? DecimalEvidence::Neutral : DecimalEvidence::Ambiguous;
  }
  return is_point   ? DecimalEvidence::Point
         : is_comma ? DecimalEvidence::Comma
                    : DecimalEvidence::None;
}

}  // namespace kpi
