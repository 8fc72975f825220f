// SPDX-License-Identifier: MIT
#include "kpi/value/decimal_math.hpp"

#include <cstdint>
#include <limits>

namespace kpi {
namespace {

__extension__ typedef __int128 Wide;

std::optional<Decimal> narrow(Wide units) {
  if (units > std::numeric_limits<std::int64_t>::max() ||
      units < std::numeric_limits<std::int64_t>::min()) {
    return std::nullopt;
  }
  return Decimal::from_units(static_cast<std::int64_t>(units));
}

// numerator / denominator, rounded half away from zero.
Wide rounded_quotient(Wide numerator, Wide denominator) {
  const bool negative = (numerator < 0) != (denominator < 0);
  const Wide magnitude_n = numerator < 0 ? -numerator : numerator;
  const Wide magnitude_d = denominator < 0 ? -denominator : denominator;
  const Wide quotient = (magnitude_n + magnitude_d / 2) / magnitude_d;
  return negative ? -quotient : quotient;
}

}  // namespace

std::optional<Decimal> add(Decimal a, Decimal b) { return narrow(Wide{a.units()} + b.units()); }

std::optional<Decimal> subtract(Decimal a, Decimal b) {
  return narrow(Wide{a.units()} - b.units());
}

std::optional<Decimal> multiply(Decimal a, Decimal b) {
  return narrow(rounded_quotient(Wide{a.units()} * b.units(), Decimal::kUnitsPerOne));
}

std::optional<Decimal> divide(Decimal a, Decimal b) {
  if (b.units() == 0) {
    return std::nullopt;
  }
  return narrow(rounded_quotient(Wide{a.units()} * Decimal::kUnitsPerOne, b.units()));
}

}  // namespace kpi
