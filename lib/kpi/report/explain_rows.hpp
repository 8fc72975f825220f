// SPDX-License-Identifier: MIT
// The rows behind an explained measure (kpi explain --rows N), kept as they are shown: each
// row's cells written as kpi rows writes them, in CSV for the text and as a JSON object.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "kpi/engine/row_reader.hpp"
#include "kpi/library/library.hpp"
#include "kpi/report/rows_output.hpp"

namespace kpi::report {

/// One row behind a measure.
struct ExplainedRow {
  std::string file;
  std::uint64_t line = 0;
  std::string csv;   ///< the fields' cells as a CSV line, without its line end
  std::string json;  ///< the fields as one JSON object keyed by field name
};

/// The rows behind one measure, in file order, and the names of its source's fields.
struct ExplainedRows {
  std::vector<std::string> fields;
  std::vector<ExplainedRow> rows;
};

/// The rows behind every measure of an explanation (--rows `limit`), in the order of its
/// measures.
struct RowsBehindShown {
  std::size_t limit = 0;
  std::vector<ExplainedRows> measures;
};

/// Keeps rows of one source: their cells normalised as kpi rows writes them (RowsWriter).
class ExplainedRowsWriter {
 public:
  ExplainedRowsWriter(const library::Library& library, const library::Source& source);
  /// Adds `row` (every field of the source, in the library's order) at `place` to `to`.
  void append(std::span<const expr::Value> row, const engine::RowPlace& place,
              ExplainedRows& to) const;

 private:
  std::vector<std::string> fields_;
  RowsWriter csv_;
  RowsWriter json_;
};

}  // namespace kpi::report
