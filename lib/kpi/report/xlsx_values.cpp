// SPDX-License-Identifier: MIT
// kpi values as an Excel workbook: the long table, one typed row per KPI, period and
// breakdown value, ready for a pivot table.
#include <fmt/format.h>

#include "kpi/library/breakdown.hpp"
#include "kpi/report/xlsx_book.hpp"
#include "kpi/report/xlsx_formats.hpp"
#include "kpi/report/xlsx_output.hpp"

namespace kpi::report {
namespace {

// The breakdown columns. When every broken-down row is by the same fields (--by, or KPIs that
// share a default), each field gets a column headed by its name and holding bare values, for
// pivot tables; KPIs broken down by different fields share one "by" column of
// "store=SH01, channel=美团", as the table format writes it.
struct BreakdownColumns {
  std::vector<std::string> fields;  ///< the shared fields; empty when there is no breakdown
  bool shared = true;

  explicit BreakdownColumns(const engine::ValuesResult& result) {
    std::string by;
    for (const engine::KpiValue& value : result.rows) {
      if (!value.by_field.empty()) {
        shared = shared && (by.empty() || by == value.by_field);
        by = value.by_field;
      }
    }
    fields = library::breakdown_fields(by);
  }

  std::size_t count() const { return fields.empty() ? 0 : shared ? fields.size() : 1; }

  void write_headers(XlsxSheet& sheet, std::size_t first, const Labels& words) const {
    for (std::size_t i = 0; i < count(); ++i) {
      sheet.header(0, first + i, shared ? std::string_view(fields[i]) : words.by);
    }
  }

  void write(XlsxSheet& sheet, std::size_t row, std::size_t first,
             const engine::KpiValue& value) const {
    if (value.by_field.empty()) {
      return;  // the whole: no breakdown value
    }
    if (shared) {
      for (std::size_t i = 0; i < value.by_values.size() && i < count(); ++i) {
        sheet.text(row, first + i, value.by_values[i]);
      }
      return;
    }
    const std::vector<std::string> own = library::breakdown_fields(value.by_field);
    std::string text;
    for (std::size_t i = 0; i < own.size() && i < value.by_values.size(); ++i) {
      text += fmt::format("{}{}={}", i == 0 ? "" : ", ", own[i], value.by_values[i]);
    }
    sheet.text(row, first, text);
  }
};

}  // namespace

std::string render_values_xlsx(const library::Library& library, const engine::ValuesResult& result,
                               const std::vector<time::Period>& periods,
                               const Presentation& shown) {
  const Labels& words = labels(shown.lang);
  XlsxBook book;
  XlsxSheet& sheet = book.add_sheet(words.values_sheet);
  const BreakdownColumns breakdown(result);
  const std::size_t value_column = 3 + breakdown.count();
  const std::string_view headers[] = {words.kpi, words.name, words.period};
  for (std::size_t column = 0; column < std::size(headers); ++column) {
    // "kpi" in English, as the csv's and the table's header.
    sheet.header(0, column, column == 0 && shown.lang == Lang::En ? "kpi" : headers[column]);
  }
  breakdown.write_headers(sheet, 3, words);
  sheet.header(0, value_column, words.value);
  sheet.header(0, value_column + 1, words.unit);
  std::size_t row = 1;
  for (const engine::KpiValue& value : result.rows) {
    const library::Kpi& kpi = library.kpis[value.kpi];
    sheet.text(row, 0, kpi.id);
    sheet.text(row, 1, kpi.name);
    sheet.text(row, 2, periods[value.period].label);
    breakdown.write(sheet, row, 3, value);
    sheet.number(row, value_column, value.value,
                 unit_number_format(kpi.unit, kpi.precision, shown.currency), value.exact);
    sheet.text(row++, value_column + 1, unit_label(shown.lang, kpi.unit));
  }
  sheet.header_row(row - 1, value_column + 2);
  sheet.fit_columns();
  return book.finish();
}

}  // namespace kpi::report
