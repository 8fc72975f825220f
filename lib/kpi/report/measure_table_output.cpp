// SPDX-License-Identifier: MIT
#include "kpi/report/measure_table_output.hpp"

#include "kpi/engine/measure_table.hpp"
#include "kpi/report/escape.hpp"

namespace kpi::report {

std::string render_measure_table(const std::vector<engine::MeasureTableRow>& rows) {
  std::string out;
  for (const char* column : engine::kMeasureTableColumns) {
    out += out.empty() ? "" : ",";
    out += column;
  }
  out += '\n';
  for (const engine::MeasureTableRow& row : rows) {
    append_csv_field(out, row.measure);
    for (const std::string* cell :
         {&row.period, &row.breakdown_field, &row.breakdown_value, &row.value}) {
      out += ',';
      append_csv_field(out, *cell);
    }
    out += '\n';
  }
  return out;
}

}  // namespace kpi::report
