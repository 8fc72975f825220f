// SPDX-License-Identifier: MIT
#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace kpi {

/// A fixed-point decimal with six fractional digits, held as a signed count of millionths.
///
/// Money is summed as integers, so a million rows of "0.01" add up to exactly 10000.00; six
/// digits also hold percentages such as 35.25 % (0.3525) and ratings such as 4.5 exactly.
/// The range is about ±9.2 × 10¹², enough for any single cell of a sales export.
class Decimal {
 public:
  static constexpr int kFractionDigits = 6;
  static constexpr std::int64_t kUnitsPerOne = 1'000'000;

  constexpr Decimal() = default;
  static constexpr Decimal from_units(std::int64_t units) { return Decimal(units); }

  /// The value in millionths.
  constexpr std::int64_t units() const { return units_; }
  double to_double() const { return static_cast<double>(units_) / kUnitsPerOne; }

  /// Shortest exact text: "1234.5", "-0.01", "80000".
  std::string to_string() const;
  /// Text with exactly `digits` decimals (0–6), rounded half away from zero: "1234.50".
  std::string to_string(int digits) const;

  friend constexpr auto operator<=>(Decimal, Decimal) = default;

 private:
  constexpr explicit Decimal(std::int64_t units) : units_(units) {}
  std::int64_t units_ = 0;
};

}  // namespace kpi
