// SPDX-License-Identifier: MIT
#include "kpi/report/number_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace kpi {
namespace {

constexpr int kRawDecimals = 6;

// Rounds the decimal text `digits` ("9912.1850000", no sign) half up to `decimals` decimals,
// on its decimal digits: no binary arithmetic, so a half is a half.
std::string round_half_up(const std::string& digits, int decimals) {
  const std::size_t point = digits.find('.');
  const std::size_t integer_end = point == std::string::npos ? digits.size() : point;
  std::string kept = digits.substr(0, integer_end);
  std::string fraction = point == std::string::npos ? "" : digits.substr(point + 1);
  fraction.resize(std::max<std::size_t>(fraction.size(), static_cast<std::size_t>(decimals) + 1),
                  '0');
  const bool up = fraction[static_cast<std::size_t>(decimals)] >= '5';
  kept += fraction.substr(0, static_cast<std::size_t>(decimals));
  if (up) {
    std::size_t at = kept.size();
    while (at > 0 && kept[at - 1] == '9') {
      kept[--at] = '0';
    }
    if (at == 0) {
      kept.insert(kept.begin(), '1');
    } else {
      ++kept[at - 1];
    }
  }
  if (decimals == 0) {
    return kept;
  }
  const std::size_t integer_digits = kept.size() - static_cast<std::size_t>(decimals);
  return kept.substr(0, integer_digits) + "." + kept.substr(integer_digits);
}

// |value| in decimal, with 18 significant digits but at least six decimals. Values are
// decimal figures carried in long double (64-bit mantissa, about 19 digits), so the 18
// digits hold the figure and drop the binary noise of the last one: an average of 9912.18
// and 9912.19 is 9912.185000…, not 9912.18499999…
std::string decimal_digits(long double magnitude) {
  const int exponent = magnitude > 0 ? static_cast<int>(std::floor(std::log10(magnitude))) : 0;
  const int decimals = std::clamp(17 - exponent, kRawDecimals, 60);
  // The largest long double has 4933 integer digits.
  std::array<char, 5120> buffer{};
  const int size = std::snprintf(buffer.data(), buffer.size(), "%.*Lf", decimals, magnitude);
  return std::string(buffer.data(),
                     std::min(static_cast<std::size_t>(std::max(size, 0)), buffer.size() - 1));
}

// `six_decimals` (a magnitude with six decimals) at `precision` decimals, with its sign.
std::string signed_at(std::string six_decimals, bool negative, int precision) {
  precision = std::clamp(precision, 0, kRawDecimals);
  if (precision < kRawDecimals) {
    six_decimals = round_half_up(six_decimals, precision);
  }
  if (negative && six_decimals.find_first_not_of("0.") != std::string::npos) {
    six_decimals.insert(six_decimals.begin(), '-');  // no "-0.00"
  }
  return six_decimals;
}

std::string without_trailing_zeros(std::string text) {
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') {
      text.pop_back();
    }
    if (text.back() == '.') {
      text.pop_back();
    }
  }
  return text;
}

}  // namespace

std::string format_fixed(long double value, int precision) {
  if (!std::isfinite(value)) {
    return fmt::format("{:.{}f}", static_cast<double>(value), precision);
  }
  // Six decimals first, as raw numbers leave kpicalc (csv, json); then half away from zero at
  // the requested digit, so that a table never disagrees with the csv of the same report.
  return signed_at(round_half_up(decimal_digits(std::fabs(value)), kRawDecimals), value < 0,
                   precision);
}

std::string format_fixed_units(ExactUnits units, int precision) {
  return signed_at(magnitude_digits(units), units < 0, precision);
}

std::optional<std::string> format_hundredfold_units(ExactUnits units, int precision) {
  ExactUnits hundredfold = 0;
  if (__builtin_mul_overflow(units, 100, &hundredfold)) {
    return std::nullopt;
  }
  return format_fixed_units(hundredfold, precision);
}

std::string format_raw_number(long double value) {
  return without_trailing_zeros(format_fixed(value, kRawDecimals));
}

std::string format_raw_units(ExactUnits units) {
  return without_trailing_zeros(format_fixed_units(units, kRawDecimals));
}

}  // namespace kpi
