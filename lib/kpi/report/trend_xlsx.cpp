// SPDX-License-Identifier: MIT
// kpi trend as an Excel workbook: the KPI × period table as typed cells, and a sheet of native
// line charts, one per KPI, that Excel redraws when a cell is edited.
#include <fmt/format.h>

#include <algorithm>

#include "kpi/report/history_labels.hpp"
#include "kpi/report/trend_output.hpp"
#include "kpi/report/xlsx_book.hpp"
#include "kpi/report/xlsx_formats.hpp"

namespace kpi::report {
namespace {

// More lines than this in one chart are a tangle nobody reads: the rest stay in the table.
constexpr std::size_t kMaxChartLines = 10;
// Charts two abreast, each about 8 default columns wide and 15 rows high, with a gap.
constexpr std::size_t kChartsAbreast = 2, kChartColumns = 9, kChartRows = 16;

// The lines of one KPI: rows of the table sheet, the whole first.
struct KpiRows {
  std::size_t first_line = 0;  // index into Trend::lines
  std::vector<std::size_t> rows;
  std::vector<std::string> names;  // per row: the KPI's name for the whole, else its value
  std::size_t count = 0;           // every line of the KPI, charted or not
  bool any_value = false;          // a chart of no value at all is an empty frame: left out
};

std::vector<KpiRows> rows_per_kpi(const Trend& trend) {
  std::vector<KpiRows> kpis;
  for (std::size_t l = 0; l < trend.lines.size(); ++l) {
    if (kpis.empty() || trend.lines[kpis.back().first_line].kpi != trend.lines[l].kpi) {
      kpis.push_back({l, {}, {}, 0, false});
    }
    KpiRows& kpi = kpis.back();
    ++kpi.count;
    const std::vector<std::optional<long double>>& values = trend.lines[l].values;
    kpi.any_value = kpi.any_value || std::any_of(values.begin(), values.end(),
                                                 [](const auto& v) { return v.has_value(); });
    if (kpi.rows.size() < kMaxChartLines) {
      kpi.rows.push_back(l + 1);  // row 0 is the header
      const TrendLine& line = trend.lines[l];
      kpi.names.push_back(line.by_field.empty() ? line.name : line.by_value);
    }
  }
  return kpis;
}

}  // namespace

std::string render_trend_xlsx(const Trend& trend) {
  const Labels& words = labels(trend.presentation.lang);
  const HistoryLabels& history = history_labels(trend.presentation.lang);
  XlsxBook book;
  XlsxSheet& table = book.add_sheet(history.trend_sheet);
  const std::string by = trend_by_header(trend, words.by);
  const bool shared = !trend_shared_field(trend).empty();
  // kpi, name, [by], unit, then one column per period.
  std::vector<std::string> headers = {
      trend.presentation.lang == Lang::En ? std::string("kpi") : std::string(words.kpi),
      std::string(words.name)};
  if (!by.empty()) {
    headers.push_back(by);
  }
  headers.emplace_back(words.unit);
  const std::size_t first_period = headers.size();
  for (const time::Period& period : trend.periods) {
    headers.push_back(period.label);
  }
  for (std::size_t column = 0; column < headers.size(); ++column) {
    table.header(0, column, headers[column]);
  }
  for (std::size_t l = 0; l < trend.lines.size(); ++l) {
    const TrendLine& line = trend.lines[l];
    const std::size_t row = l + 1;
    table.text(row, 0, line.kpi);
    table.text(row, 1, line.name);
    if (!by.empty()) {
      table.text(row, 2, trend_by_cell(line, shared));
    }
    table.text(row, first_period - 1, unit_label(trend.presentation.lang, line.unit));
    const std::string format =
        unit_number_format(line.unit, line.precision, trend.presentation.currency);
    for (std::size_t column = 0; column < trend.periods.size(); ++column) {
      table.number(row, first_period + column, line.values[column], format);
    }
  }
  table.header_row(trend.lines.size(), headers.size());
  table.fit_columns();

  XlsxSheet& charts = book.add_sheet(history.charts_sheet);
  std::vector<KpiRows> kpis = rows_per_kpi(trend);
  std::erase_if(kpis, [](const KpiRows& kpi) { return !kpi.any_value; });
  for (std::size_t k = 0; k < kpis.size(); ++k) {
    const TrendLine& line = trend.lines[kpis[k].first_line];
    std::string title = line.name;
    if (kpis[k].count > kpis[k].rows.size()) {
      title += fmt::format(" ({})", fmt::format(fmt::runtime(history.more_lines),
                                                kpis[k].count - kpis[k].rows.size()));
    }
    charts.line_chart(table, title, 0, kpis[k].rows, kpis[k].names, first_period,
                      first_period + trend.periods.size() - 1,
                      unit_number_format(line.unit, line.precision, trend.presentation.currency),
                      (k / kChartsAbreast) * kChartRows, (k % kChartsAbreast) * kChartColumns);
  }
  return book.finish();
}

}  // namespace kpi::report
