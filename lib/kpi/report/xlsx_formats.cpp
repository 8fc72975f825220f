// SPDX-License-Identifier: MIT
#include "kpi/report/xlsx_formats.hpp"

#include <fmt/format.h>

#include <cmath>

namespace kpi::report {
namespace {

// ".00" for 2. Built in place: GCC 12 warns falsely (-Wrestrict) on "." + std::string(…).
std::string decimals(int precision) {
  if (precision <= 0) {
    return {};
  }
  std::string text(static_cast<std::size_t>(precision) + 1, '0');
  text.front() = '.';
  return text;
}

}  // namespace

std::string unit_number_format(const std::string& unit, int precision, std::string_view currency) {
  if (unit == "money") {
    // Quoted, so that "$" or "HK$" is shown as written and not read as a format code; the
    // library loader refuses a currency with a quote.
    return currency.empty() ? fmt::format("#,##0{}", decimals(precision))
                            : fmt::format("\"{}\"#,##0{}", currency, decimals(precision));
  }
  if (unit == "percent") {
    return fmt::format("0{}%", decimals(precision));
  }
  return fmt::format("#,##0{}", decimals(precision));
}

std::string weight_format(long double weight_points) {
  return std::fabs(weight_points - std::round(weight_points)) < 1e-9L ? "0%" : "0.0%";
}

}  // namespace kpi::report
