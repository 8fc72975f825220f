// SPDX-License-Identifier: MIT
#include <map>
#include <tuple>

#include "kpi/report/number_format.hpp"
#include "kpi/report/trend.hpp"

namespace kpi::report {

std::vector<TrendLine> trend_lines(const library::Library& library,
                                   const engine::ValuesResult& result, std::size_t columns) {
  // (KPI, broken down, breakdown value) orders the lines: the whole before its values.
  using LineKey = std::tuple<std::size_t, bool, std::string>;
  std::map<LineKey, TrendLine> lines;
  for (const engine::KpiValue& value : result.rows) {
    const LineKey key{value.kpi, !value.by_field.empty(), value.by_value};
    auto [at, added] = lines.try_emplace(key);
    TrendLine& line = at->second;
    if (added) {
      const library::Kpi& kpi = library.kpis[value.kpi];
      line.kpi = kpi.id;
      line.name = kpi.name;
      line.unit = kpi.unit;
      line.precision = kpi.precision;
      line.direction = kpi.direction;
      line.by_field = value.by_field;
      line.by_value = value.by_value;
      line.by_values = value.by_values;
      line.values.resize(columns);
      line.exact.resize(columns);
    }
    if (value.period < columns) {
      line.values[value.period] = value.value;
      line.exact[value.period] = value.value ? value.exact : std::nullopt;
    }
  }
  std::vector<TrendLine> ordered;
  ordered.reserve(lines.size());
  for (auto& [key, line] : lines) {
    ordered.push_back(std::move(line));
  }
  return ordered;
}

std::string trend_cell_text(const TrendLine& line, std::size_t column) {
  const std::optional<long double>& value = line.values[column];
  const std::optional<ExactUnits>& exact = line.exact[column];
  if (!value) {
    return "\xE2\x80\x94";  // —
  }
  if (line.unit == "percent") {
    const std::optional<std::string> shown =
        exact ? format_hundredfold_units(*exact, line.precision) : std::nullopt;
    return shown.value_or(format_fixed(*value * 100, line.precision)) + "%";
  }
  return exact ? format_fixed_units(*exact, line.precision) : format_fixed(*value, line.precision);
}

std::string trend_cell_raw(const TrendLine& line, std::size_t column) {
  const std::optional<long double>& value = line.values[column];
  if (!value) {
    return "";
  }
  const std::optional<ExactUnits>& exact = line.exact[column];
  return exact ? format_raw_units(*exact) : format_raw_number(*value);
}

}  // namespace kpi::report
