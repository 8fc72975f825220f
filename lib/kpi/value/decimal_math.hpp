// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include "kpi/value/decimal.hpp"

namespace kpi {

/// Exact sum and difference; no value when the result leaves Decimal's range.
std::optional<Decimal> add(Decimal a, Decimal b);
std::optional<Decimal> subtract(Decimal a, Decimal b);
/// Product and quotient rounded half away from zero to six decimals; no value on overflow or
/// division by zero.
std::optional<Decimal> multiply(Decimal a, Decimal b);
std::optional<Decimal> divide(Decimal a, Decimal b);

}  // namespace kpi
