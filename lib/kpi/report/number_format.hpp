// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace kpi {

/// Shortest text of `value` with at most six decimals: 1234.5, 0.123457, -3. This is how raw
/// numbers leave kpicalc (csv and json): exact for money, without binary noise.
std::string format_raw_number(long double value);

/// `value` with exactly `precision` decimals, rounded half away from zero: 1234.50.
std::string format_fixed(long double value, int precision);

}  // namespace kpi
