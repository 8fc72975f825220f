// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace kpi {

/// An exact figure in millionths, 128 bits wide (about ±1.7 × 10³²): what sums of Decimals
/// are held in. A KPI's value carries one beside its long double when it is known exactly, as
/// long double holds millionths only up to about 1.8 × 10¹³.
__extension__ typedef __int128 ExactUnits;

/// The magnitude of `units` in decimal with six decimals, without a sign:
/// 9223372036854775807 → "9223372036854.775807", -5 → "0.000005".
std::string magnitude_digits(ExactUnits units);

}  // namespace kpi
