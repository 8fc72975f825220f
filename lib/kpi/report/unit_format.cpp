// SPDX-License-Identifier: MIT
#include "kpi/report/unit_format.hpp"

#include <fmt/format.h>

#include <cmath>

#include "kpi/report/number_format.hpp"

namespace kpi {
namespace {

constexpr const char* kNone = "\xE2\x80\x94";  // —

}  // namespace

std::string group_thousands(const std::string& number) {
  const std::size_t sign = number.starts_with('-') ? 1 : 0;
  const std::size_t point = number.find('.');
  const std::size_t integer_end = point == std::string::npos ? number.size() : point;
  std::string grouped = number.substr(0, sign);
  for (std::size_t i = sign; i < integer_end; ++i) {
    grouped += number[i];
    const std::size_t remaining = integer_end - i - 1;
    if (remaining > 0 && remaining % 3 == 0) {
      grouped += ',';
    }
  }
  return grouped + number.substr(integer_end);
}

std::string format_by_unit(std::optional<long double> value, const std::string& unit, int precision,
                           std::optional<ExactUnits> exact, std::string_view currency,
                           std::string_view unit_word) {
  if (!value) {
    return kNone;
  }
  if (unit == "percent") {
    const std::optional<std::string> exact_percent =
        exact ? format_hundredfold_units(*exact, precision) : std::nullopt;
    return exact_percent.value_or(format_fixed(*value * 100, precision)).append("%");
  }
  const std::string number = group_thousands(exact ? format_fixed_units(*exact, precision)
                                                   : format_fixed(*value, precision));
  if (unit == "money") {
    const bool negative = number.starts_with('-');
    std::string money = negative ? "-" : "";
    money += currency;
    money += number.substr(negative ? 1 : 0);
    return money;
  }
  if (unit == "count" || unit == "score" || unit.empty()) {
    return number;
  }
  return fmt::format("{} {}", number, unit_word.empty() ? std::string_view(unit) : unit_word);
}

std::string format_percent(std::optional<long double> ratio) {
  return ratio ? format_fixed(*ratio * 100, 1).append("%") : kNone;
}

std::string format_change(std::optional<long double> ratio) {
  if (!ratio) {
    return kNone;
  }
  // The sign comes from the value, so that a change that rounds to zero shows no sign.
  std::string text = format_fixed(std::fabs(*ratio) * 100, 1);
  if (text != "0.0") {
    text.insert(0, 1, *ratio < 0 ? '-' : '+');
  }
  return text.append("%");
}

}  // namespace kpi
