// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kpi/value/exact_units.hpp"

namespace kpi {

/// A value for people, by its unit: money "¥1,234,567.89" (`currency` before the digits),
/// percent "35.0%" (0.35 in), days "2.4 days", count "1,234", any other unit "12.5 unit"
/// (`unit_word`, when given, is written instead of the unit: "2.4 天"). `precision` decimals;
/// "—" for none. `exact`, the value in millionths when it is known exactly, is shown instead of
/// `value`.
std::string format_by_unit(std::optional<long double> value, const std::string& unit, int precision,
                           std::optional<ExactUnits> exact = std::nullopt,
                           std::string_view currency = {}, std::string_view unit_word = {});

/// A ratio as a percentage with one decimal: 0.953 → "95.3%"; "—" for none.
std::string format_percent(std::optional<long double> ratio);

/// A change as a signed percentage: 0.07 → "+7.0%", −0.031 → "-3.1%"; "—" for none.
std::string format_change(std::optional<long double> ratio);

/// Digits grouped by thousands: "1234567.89" → "1,234,567.89".
std::string group_thousands(const std::string& number);

}  // namespace kpi
