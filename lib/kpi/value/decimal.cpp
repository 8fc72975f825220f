// SPDX-License-Identifier: MIT
#include "kpi/value/decimal.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kpi {
namespace {

constexpr std::uint64_t kPowersOfTen[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

// Magnitude as unsigned so that the most negative value does not overflow on negation.
std::uint64_t magnitude(std::int64_t units) {
  return units < 0 ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
}

}  // namespace

std::string Decimal::to_string() const {
  std::string text = to_string(kFractionDigits);
  while (text.back() == '0') {
    text.pop_back();
  }
  if (text.back() == '.') {
    text.pop_back();
  }
  return text;
}

std::string Decimal::to_string(int digits) const {
  digits = std::clamp(digits, 0, kFractionDigits);
  const std::uint64_t divisor = kPowersOfTen[kFractionDigits - digits];
  const std::uint64_t rounded = (magnitude(units_) + divisor / 2) / divisor;
  const std::uint64_t scale = kPowersOfTen[digits];
  const char* sign = units_ < 0 && rounded != 0 ? "-" : "";
  if (digits == 0) {
    return fmt::format("{}{}", sign, rounded);
  }
  return fmt::format("{}{}.{:0{}}", sign, rounded / scale, rounded % scale, digits);
}

}  // namespace kpi
