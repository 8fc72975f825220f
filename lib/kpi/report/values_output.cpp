// SPDX-License-Identifier: MIT
#include "kpi/report/values_output.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kpi/report/display_width.hpp"
#include "kpi/report/escape.hpp"
#include "kpi/report/number_format.hpp"

namespace kpi {
namespace {

std::string display_value(const library::Kpi& kpi, const std::optional<long double>& value) {
  if (!value) {
    return "\xE2\x80\x94";  // —
  }
  if (kpi.unit == "percent") {
    return format_fixed(*value * 100, kpi.precision) + "%";
  }
  return format_fixed(*value, kpi.precision);
}

std::string render_table(const library::Library& library, const engine::ValuesResult& result,
                         const engine::Period& period) {
  std::vector<std::vector<std::string>> rows = {{"kpi", "name", "period", "by", "value", "unit"}};
  for (const engine::KpiValue& row : result.rows) {
    const library::Kpi& kpi = library.kpis[row.kpi];
    rows.push_back({kpi.id, kpi.name, period.label,
                    row.by_field.empty() ? "" : row.by_field + "=" + row.by_value,
                    display_value(kpi, row.value), kpi.unit});
  }
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  std::string text;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const bool numeric = c == 4;  // values align right
      const std::size_t pad = widths[c] - display_width(row[c]);
      line += numeric ? std::string(pad, ' ') + row[c] : pad_to_width(row[c], widths[c]);
      line += c + 1 < row.size() ? "  " : "";
    }
    while (line.ends_with(' ')) {
      line.pop_back();
    }
    text += line + "\n";
  }
  return text;
}

std::string render_csv(const library::Library& library, const engine::ValuesResult& result,
                       const engine::Period& period) {
  std::string text = "kpi,name,period,by,value,unit\n";
  for (const engine::KpiValue& row : result.rows) {
    const library::Kpi& kpi = library.kpis[row.kpi];
    for (const std::string& field : {kpi.id, kpi.name, period.label, row.by_value,
                                     row.value ? format_raw_number(*row.value) : std::string()}) {
      append_csv_field(text, field);
      text += ',';
    }
    append_csv_field(text, kpi.unit);
    text += '\n';
  }
  return text;
}

std::string render_json(const library::Library& library, const engine::ValuesResult& result,
                        const engine::Period& period) {
  std::string text = "[";
  for (const engine::KpiValue& row : result.rows) {
    const library::Kpi& kpi = library.kpis[row.kpi];
    text += text.size() == 1 ? "\n{\"kpi\":" : ",\n{\"kpi\":";
    append_json_string(text, kpi.id);
    text += ",\"name\":";
    append_json_string(text, kpi.name);
    text += ",\"period\":";
    append_json_string(text, period.label);
    text += ",\"by\":{";
    if (!row.by_field.empty()) {
      append_json_string(text, row.by_field);
      text += ':';
      append_json_string(text, row.by_value);
    }
    text += "},\"value\":";
    text += row.value ? format_raw_number(*row.value) : "null";
    text += ",\"unit\":";
    append_json_string(text, kpi.unit);
    text += '}';
  }
  text += text.size() == 1 ? "]\n" : "\n]\n";
  return text;
}

}  // namespace

std::string render_values(const library::Library& library, const engine::ValuesResult& result,
                          const engine::Period& period, ValuesFormat format) {
  switch (format) {
    case ValuesFormat::Csv: return render_csv(library, result, period);
    case ValuesFormat::Json: return render_json(library, result, period);
    case ValuesFormat::Table: return render_table(library, result, period);
  }
  return {};
}

}  // namespace kpi
