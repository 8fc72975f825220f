// SPDX-License-Identifier: MIT
#include "kpi/report/explain_rows.hpp"

namespace kpi::report {
namespace {

std::vector<std::string> names_of(const std::vector<RowsColumn>& columns) {
  std::vector<std::string> names;
  for (const RowsColumn& column : columns) {
    names.push_back(column.name);
  }
  return names;
}

// `text` without its last character, the line feed RowsWriter ends a row with.
std::string without_line_end(std::string text) {
  if (!text.empty() && text.back() == '\n') {
    text.pop_back();
  }
  return text;
}

}  // namespace

ExplainedRowsWriter::ExplainedRowsWriter(const library::Library& library,
                                         const library::Source& source)
    : fields_(names_of(rows_columns(library, source))),
      csv_(rows_columns(library, source), Format::Csv),
      json_(rows_columns(library, source), Format::Jsonl) {}

void ExplainedRowsWriter::append(std::span<const expr::Value> row, const engine::RowPlace& place,
                                 ExplainedRows& to) const {
  if (to.fields.empty()) {
    to.fields = fields_;
  }
  ExplainedRow& kept = to.rows.emplace_back();
  kept.file = std::string(place.file);
  kept.line = place.line;
  csv_.append(row, kept.csv);
  kept.csv = without_line_end(std::move(kept.csv));
  json_.append(row, kept.json);
  kept.json = without_line_end(std::move(kept.json));
}

}  // namespace kpi::report
