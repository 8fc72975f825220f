// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>

#include "kpi/value/exact_units.hpp"

namespace kpi {

/// Shortest text of `value` with at most six decimals: 1234.5, 0.123457, -3. This is how raw
/// numbers leave kpicalc (csv and json): exact for money, without binary noise.
std::string format_raw_number(long double value);

/// `value` with exactly `precision` decimals (0–6), rounded half away from zero on its decimal
/// digits: first to six decimals, as format_raw_number gives it, then to `precision`, so that
/// 9912.185 (an average of 9912.18 and 9912.19) shows 9912.19, as its csv value says.
/// Exact for values up to about 1.8 × 10¹³; beyond, long double no longer holds millionths.
std::string format_fixed(long double value, int precision);

/// The same for a value known exactly, in millionths: exact at any size (9223372036854.775807
/// stays so), rounded the same way.
std::string format_fixed_units(ExactUnits units, int precision);

/// format_fixed_units of 100 × `units`: a percent KPI's figure; none beyond 128 bits.
std::optional<std::string> format_hundredfold_units(ExactUnits units, int precision);

/// format_raw_number for a value known exactly, in millionths.
std::string format_raw_units(ExactUnits units);

}  // namespace kpi
