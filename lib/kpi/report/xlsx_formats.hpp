// SPDX-License-Identifier: MIT
// Excel number formats of kpicalc's units: the cells hold the numbers, these say how they show.
#pragma once

#include <string>
#include <string_view>

namespace kpi::report {

/// Achievement and other ratios shown as percentages: 0.958 shows 95.8%.
inline constexpr const char* kRatioFormat = "0.0%";
/// 环比 and 同比: a sign on every change but none.
inline constexpr const char* kChangeFormat = "+0.0%;-0.0%;0.0%";
/// Points and totals.
inline constexpr const char* kPointsFormat = "0.0";
/// Row counts.
inline constexpr const char* kCountFormat = "#,##0";

/// The format of a KPI's values: money `"¥"#,##0.00` (the currency quoted, `precision`
/// decimals), percent `0.0%` (values are fractions), anything else `#,##0.00`.
std::string unit_number_format(const std::string& unit, int precision, std::string_view currency);

/// A weight in percent points as a fraction's format: `0%`, or `0.0%` for 12.5.
std::string weight_format(long double weight_points);

}  // namespace kpi::report
