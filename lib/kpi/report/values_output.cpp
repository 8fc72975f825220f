// SPDX-License-Identifier: MIT
#include "kpi/report/values_output.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kpi/library/breakdown.hpp"
#include "kpi/report/escape.hpp"
#include "kpi/report/number_format.hpp"
#include "kpi/report/text_table.hpp"
#include "kpi/report/xlsx_output.hpp"

namespace kpi {
namespace {

std::string display_value(const library::Kpi& kpi, const engine::KpiValue& row) {
  if (!row.value) {
    return "\xE2\x80\x94";  // —
  }
  if (kpi.unit == "percent") {
    const std::optional<std::string> exact =
        row.exact ? format_hundredfold_units(*row.exact, kpi.precision) : std::nullopt;
    return exact.value_or(format_fixed(*row.value * 100, kpi.precision)) + "%";
  }
  return row.exact ? format_fixed_units(*row.exact, kpi.precision)
                   : format_fixed(*row.value, kpi.precision);
}

// The raw number of csv and json: exactly when it is known exactly; "" for none.
std::string raw_value(const engine::KpiValue& row) {
  if (!row.value) {
    return "";
  }
  return row.exact ? format_raw_units(*row.exact) : format_raw_number(*row.value);
}

// "store=SH01", or "store=SH01, channel=美团" for a breakdown by several fields.
std::string breakdown_text(const engine::KpiValue& row) {
  const std::vector<std::string> fields = library::breakdown_fields(row.by_field);
  std::string text;
  for (std::size_t i = 0; i < fields.size() && i < row.by_values.size(); ++i) {
    text += fmt::format("{}{}={}", i == 0 ? "" : ", ", fields[i], row.by_values[i]);
  }
  return text;
}

std::string render_table(const library::Library& library, const engine::ValuesResult& result,
                         const std::vector<time::Period>& periods, report::Lang lang) {
  const report::Labels& words = report::labels(lang);
  // The English header is the csv's, lower case, as it always was.
  std::vector<std::vector<std::string>> rows = {
      {lang == report::Lang::En ? std::string("kpi") : std::string(words.kpi),
       std::string(words.name), std::string(words.period), std::string(words.by),
       std::string(words.value), std::string(words.unit)}};
  for (const engine::KpiValue& row : result.rows) {
    const library::Kpi& kpi = library.kpis[row.kpi];
    rows.push_back({kpi.id, kpi.name, periods[row.period].label, breakdown_text(row),
                    display_value(kpi, row), report::unit_label(lang, kpi.unit)});
  }
  return render_text_table(
      rows, {Align::Left, Align::Left, Align::Left, Align::Left, Align::Right, Align::Left});
}

std::string render_csv(const library::Library& library, const engine::ValuesResult& result,
                       const std::vector<time::Period>& periods) {
  std::string text = "kpi,name,period,by,value,unit\n";
  for (const engine::KpiValue& row : result.rows) {
    const library::Kpi& kpi = library.kpis[row.kpi];
    // Text cells as a spreadsheet takes them ('=… is not run); the value is a number.
    for (const std::string& field : {kpi.id, kpi.name, periods[row.period].label, row.by_value}) {
      append_spreadsheet_text(text, field);
      text += ',';
    }
    append_csv_field(text, raw_value(row));
    text += ',';
    append_spreadsheet_text(text, kpi.unit);
    text += '\n';
  }
  return text;
}

std::string render_json(const library::Library& library, const engine::ValuesResult& result,
                        const std::vector<time::Period>& periods) {
  std::string text = "[";
  for (const engine::KpiValue& row : result.rows) {
    const library::Kpi& kpi = library.kpis[row.kpi];
    text += text.size() == 1 ? "\n{\"kpi\":" : ",\n{\"kpi\":";
    append_json_string(text, kpi.id);
    text += ",\"name\":";
    append_json_string(text, kpi.name);
    text += ",\"period\":";
    append_json_string(text, periods[row.period].label);
    text += ",\"by\":{";
    const std::vector<std::string> fields = library::breakdown_fields(row.by_field);
    for (std::size_t i = 0; i < fields.size() && i < row.by_values.size(); ++i) {
      text += i == 0 ? "" : ",";
      append_json_string(text, fields[i]);
      text += ':';
      append_json_string(text, row.by_values[i]);
    }
    text += "},\"value\":";
    text += row.value ? raw_value(row) : "null";
    text += ",\"unit\":";
    append_json_string(text, kpi.unit);
    text += '}';
  }
  text += text.size() == 1 ? "]\n" : "\n]\n";
  return text;
}

}  // namespace

std::string render_values(const library::Library& library, const engine::ValuesResult& result,
                          const std::vector<time::Period>& periods, ValuesFormat format,
                          const report::Presentation& shown) {
  switch (format) {
    case ValuesFormat::Csv:
      return render_csv(library, result, periods);
    case ValuesFormat::Json:
      return render_json(library, result, periods);
    case ValuesFormat::Xlsx:
      return report::render_values_xlsx(library, result, periods, shown);
    case ValuesFormat::Table:
    default:  // kpi values writes only kValuesFormats; another one is given the table
      return render_table(library, result, periods, shown.lang);
  }
}

}  // namespace kpi
