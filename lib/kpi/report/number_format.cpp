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

}  // namespace

std::string format_fixed(long double value, int precision) {
  if (!std::isfinite(value)) {
    return fmt::format("{:.{}f}", static_cast<double>(value), precision);
  }
  precision = std::clamp(precision, 0, kRawDecimals);
  // Six decimals first, as raw numbers leave kpicalc (csv, json); then half away from zero at
  // the requested digit, so that a table never disagrees with the csv of the same report.
  std::string text = round_half_up(decimal_digits(std::fabs(value)), kRawDecimals);
  if (precision < kRawDecimals) {
    text = round_half_up(text, precision);
  }
  if (value < 0 && text.find_first_not_of("0.") != std::string::npos) {
    text.insert(text.begin(), '-');  // no "-0.00"
  }
  return text;
}

std::string format_raw_number(long double value) {
  std::string text = format_fixed(value, 6);
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

}  // namespace kpi
