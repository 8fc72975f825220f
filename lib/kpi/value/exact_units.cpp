// SPDX-License-Identifier: MIT
#include "kpi/value/exact_units.hpp"

#include <algorithm>

#include "kpi/value/decimal.hpp"

namespace kpi {

std::string magnitude_digits(ExactUnits units) {
  // Unsigned, so that the most negative value does not overflow on negation.
  __extension__ typedef unsigned __int128 Magnitude;
  Magnitude rest =
      units < 0 ? Magnitude(0) - static_cast<Magnitude>(units) : static_cast<Magnitude>(units);
  const auto fraction = static_cast<std::size_t>(Decimal::kFractionDigits);
  std::string digits;  // least significant first
  // Six decimals, the point and at least one integer digit.
  while (rest != 0 || digits.size() < fraction + 2) {
    digits += static_cast<char>('0' + static_cast<int>(rest % 10));
    rest /= 10;
    if (digits.size() == fraction) {
      digits += '.';
    }
  }
  std::reverse(digits.begin(), digits.end());
  return digits;
}

}  // namespace kpi
