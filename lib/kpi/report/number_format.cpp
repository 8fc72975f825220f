// SPDX-License-Identifier: MIT
#include "kpi/report/number_format.hpp"

#include <fmt/format.h>

#include <cmath>

namespace kpi {

std::string format_fixed(long double value, int precision) {
  // Round half away from zero at the requested digit (printf rounds half to even on ties).
  const long double scale = std::pow(10.0L, precision);
  const long double rounded = std::round(value * scale) / scale;
  std::string text = fmt::format("{:.{}f}", rounded, precision);
  if (text.starts_with('-') && text.find_first_not_of("-0.") == std::string::npos) {
    text.erase(0, 1);  // no "-0.00"
  }
  return text;
}

std::string format_raw_number(long double value) {
  std::string text = format_fixed(value, 6);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') {
      text.pop_back();
    }
    if (text.back() == '.') {
      text.pop_back();
    }
  }
  return text;
}

}  // namespace kpi
