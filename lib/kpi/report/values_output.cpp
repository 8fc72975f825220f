// SPDX-License-Identifier: MIT
#include "kpi/report/values_output.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kpi/library/breakdown.hpp"
#include "kpi/report/escape.hpp"
#include "kpi/report/number_format.hpp"
#include "kpi/report/text_table.hpp"
#include "kpi/report/values_html.hpp"
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

// The header and rows people read (table, markdown, html): values at the KPI's precision,
// unit words and headers in `lang`; the English header is the csv's, lower case, as it always
// was.
std::vector<std::vector<std::string>> display_rows(const library::Library& library,
                                                   const engine::ValuesResult& result,
                                                   const std::vector<time::Period>& periods,
                                                   report::Lang lang) {
  const report::Labels& words = report::labels(lang);
  std::vector<std::vector<std::string>> rows = {
      {lang == report::Lang::En ? std::string("kpi") : std::string(words.kpi),
       std::string(words.name), std::string(words.period), std::string(words.by),
       std::string(words.value), std::string(words.unit)}};
  for (const engine::KpiValue& row : result.rows) {
    const library::Kpi& kpi = library.kpis[row.kpi];
    rows.push_back({kpi.id, kpi.name, periods[row.period].label, breakdown_text(row),
                    display_value(kpi, row), report::unit_label(lang, kpi.unit)});
  }
  return rows;
}

std::string render_table(const library::Library& library, const engine::ValuesResult& result,
                         const std::vector<time::Period>& periods, report::Lang lang) {
  return render_text_table(
      display_rows(library, result, periods, lang),
      {Align::Left, Align::Left, Align::Left, Align::Left, Align::Right, Align::Left});
}

// The same rows as a Markdown table: controls escaped, | as \|, the value column to the right.
std::string render_markdown(const library::Library& library, const engine::ValuesResult& result,
                            const std::vector<time::Period>& periods, report::Lang lang) {
  const std::vector<std::vector<std::string>> rows = display_rows(library, result, periods, lang);
  std::string text;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    text += '|';
    for (const std::string& cell : rows[r]) {
      text += ' ';
      for (const char c : escape_controls(cell)) {
        text += c == '|' ? "\\|" : std::string(1, c);
      }
      text += " |";
    }
    text += r == 0 ? "\n| --- | --- | --- | --- | ---: | --- |\n" : "\n";
  }
  return text;
}

// The breakdown fields of the rows, in the order they first appear: the csv's columns between
// period and value (a KPI with a `by` of its own beside whole KPIs adds its field).
std::vector<std::string> breakdown_columns(const engine::ValuesResult& result) {
  std::vector<std::string> columns;
  for (const engine::KpiValue& row : result.rows) {
    for (const std::string& field : library::breakdown_fields(row.by_field)) {
      if (std::find(columns.begin(), columns.end(), field) == columns.end()) {
        columns.push_back(field);
      }
    }
  }
  return columns;
}

// The row's value of `field`; "" when its breakdown has no such field.
std::string field_value(const engine::KpiValue& row, const std::string& field) {
  const std::vector<std::string> fields = library::breakdown_fields(row.by_field);
  for (std::size_t i = 0; i < fields.size() && i < row.by_values.size(); ++i) {
    if (fields[i] == field) {
      return row.by_values[i];
    }
  }
  return "";
}

// csv and tsv: kpi, name, period, a column per breakdown field (named after it; one empty `by`
// column when nothing is broken down, as the format always had), value, unit.
std::string render_delimited(const library::Library& library, const engine::ValuesResult& result,
                             const std::vector<time::Period>& periods, char delimiter) {
  std::vector<std::string> fields = breakdown_columns(result);
  const bool whole = fields.empty();
  std::vector<std::string> header = {"kpi", "name", "period"};
  header.insert(header.end(), fields.begin(), fields.end());
  if (whole) {
    header.emplace_back("by");
  }
  header.insert(header.end(), {"value", "unit"});
  std::string text;
  const auto text_cell = [&](std::string_view cell, bool last = false) {
    append_delimited_cell(text, cell, false, delimiter);  // '=… is not run by a spreadsheet
    text += last ? '\n' : delimiter;
  };
  for (std::size_t c = 0; c < header.size(); ++c) {
    text_cell(header[c], c + 1 == header.size());
  }
  for (const engine::KpiValue& row : result.rows) {
    const library::Kpi& kpi = library.kpis[row.kpi];
    text_cell(kpi.id);
    text_cell(kpi.name);
    text_cell(periods[row.period].label);
    for (const std::string& field : fields) {
      text_cell(field_value(row, field));
    }
    if (whole) {
      text_cell("");
    }
    append_csv_field(text, raw_value(row), delimiter);  // a number, never quoted as text
    text += delimiter;
    text_cell(kpi.unit, true);
  }
  return text;
}

// One row as json and jsonl write it: kpi, name, period, by {field: value}, value, unit.
std::string json_row(const library::Library& library, const engine::KpiValue& row,
                     const std::vector<time::Period>& periods) {
  const library::Kpi& kpi = library.kpis[row.kpi];
  std::string text = "{\"kpi\":";
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
  return text + '}';
}

std::string render_json(const library::Library& library, const engine::ValuesResult& result,
                        const std::vector<time::Period>& periods) {
  std::string text = fmt::format("{{\"schema_version\":{},\"values\":[", kValuesSchemaVersion);
  for (std::size_t r = 0; r < result.rows.size(); ++r) {
    text += r == 0 ? "\n" : ",\n";
    text += json_row(library, result.rows[r], periods);
  }
  return text + (result.rows.empty() ? "]}\n" : "\n]}\n");
}

std::string render_json_lines(const library::Library& library, const engine::ValuesResult& result,
                              const std::vector<time::Period>& periods) {
  std::string text;
  for (const engine::KpiValue& row : result.rows) {
    text += json_row(library, row, periods) + '\n';
  }
  return text;
}

}  // namespace

std::string render_values(const library::Library& library, const engine::ValuesResult& result,
                          const std::vector<time::Period>& periods, ValuesFormat format,
                          const report::Presentation& shown, bool bom) {
  switch (format) {
    case ValuesFormat::Csv: {
      std::string text(bom ? "\xEF\xBB\xBF" : "");
      text += render_delimited(library, result, periods, ',');
      return text;
    }
    case ValuesFormat::Tsv:
      return render_delimited(library, result, periods, '\t');
    case ValuesFormat::Json:
      return render_json(library, result, periods);
    case ValuesFormat::Jsonl:
      return render_json_lines(library, result, periods);
    case ValuesFormat::Markdown:
      return render_markdown(library, result, periods, shown.lang);
    case ValuesFormat::Html:
      return report::render_values_html(display_rows(library, result, periods, shown.lang),
                                        shown.lang);
    case ValuesFormat::Xlsx:
      return report::render_values_xlsx(library, result, periods, shown);
    case ValuesFormat::Table:
    default:  // kpi values writes only kValuesFormats; another one is given the table
      return render_table(library, result, periods, shown.lang);
  }
}

}  // namespace kpi
