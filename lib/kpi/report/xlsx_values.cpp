// SPDX-License-Identifier: MIT
// kpi values as an Excel workbook: the long table, one typed row per KPI, period and
// breakdown value, ready for a pivot table.
#include <fmt/format.h>

#include "kpi/report/xlsx_book.hpp"
#include "kpi/report/xlsx_formats.hpp"
#include "kpi/report/xlsx_output.hpp"

namespace kpi::report {

std::string render_values_xlsx(const library::Library& library, const engine::ValuesResult& result,
                               const std::vector<time::Period>& periods,
                               const Presentation& shown) {
  const Labels& words = labels(shown.lang);
  XlsxBook book;
  XlsxSheet& sheet = book.add_sheet(words.values_sheet);
  // A breakdown gets a column. When every broken-down row is by one field (--by, or KPIs
  // that share a default), the field names it and the cells hold the bare values, ready for a
  // pivot table; KPIs broken down by different fields show "field=value" under "by".
  std::string by_field;
  bool one_field = true;
  for (const engine::KpiValue& value : result.rows) {
    if (!value.by_field.empty()) {
      one_field = one_field && (by_field.empty() || by_field == value.by_field);
      by_field = value.by_field;
    }
  }
  const bool by = !by_field.empty();
  const std::size_t value_column = by ? 4 : 3;
  const std::string_view headers[] = {words.kpi, words.name, words.period};
  for (std::size_t column = 0; column < std::size(headers); ++column) {
    // "kpi" in English, as the csv's and the table's header.
    sheet.header(0, column, column == 0 && shown.lang == Lang::En ? "kpi" : headers[column]);
  }
  if (by) {
    sheet.header(0, 3, one_field ? std::string_view(by_field) : words.by);
  }
  sheet.header(0, value_column, words.value);
  sheet.header(0, value_column + 1, words.unit);
  std::size_t row = 1;
  for (const engine::KpiValue& value : result.rows) {
    const library::Kpi& kpi = library.kpis[value.kpi];
    sheet.text(row, 0, kpi.id);
    sheet.text(row, 1, kpi.name);
    sheet.text(row, 2, periods[value.period].label);
    if (!value.by_field.empty()) {
      sheet.text(row, 3,
                 one_field ? value.by_value : fmt::format("{}={}", value.by_field, value.by_value));
    }
    sheet.number(row, value_column, value.value,
                 unit_number_format(kpi.unit, kpi.precision, shown.currency));
    sheet.text(row++, value_column + 1, unit_label(shown.lang, kpi.unit));
  }
  sheet.header_row(row - 1, value_column + 2);
  sheet.fit_columns();
  return book.finish();
}

}  // namespace kpi::report
