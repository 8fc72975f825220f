// SPDX-License-Identifier: MIT
// What `kpi rows` writes: a source's rows after its mapping, typed and normalised, for loading
// into a database or any other tool.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "kpi/engine/mapped_rows.hpp"
#include "kpi/library/library.hpp"
#include "kpi/report/formats.hpp"

namespace kpi::report {

/// The formats `kpi rows` writes, its default first.
inline constexpr Format kRowsFormats[] = {Format::Csv, Format::Jsonl};

/// One column of the rows: a field's name and the type its values have (for a lookup field,
/// the type of the master's field it takes).
struct RowsColumn {
  std::string name;
  library::FieldType type = library::FieldType::Text;
};

/// The columns of `source`: its fields in the library's order.
std::vector<RowsColumn> rows_columns(const library::Library& library,
                                     const library::Source& source);

/// Writes rows as text, each cell by its column's type:
/// - numbers, money and percents as plain decimals ("1234.5", "-0.01", "0.35"), no thousands
///   separator, no currency, up to six decimals;
/// - a date as 2025-06-03, a datetime as 2025-06-03 09:05:00 (ISO 8601 with a space, the form
///   SQL engines read as a timestamp), even at midnight;
/// - true/false; text as it is.
/// csv: RFC 4180 in UTF-8, the fields' names as the header, LF line ends, a missing value as an
/// empty cell. jsonl: one JSON object per row keyed by field name, numbers and booleans bare,
/// null for a missing value.
class RowsWriter {
 public:
  RowsWriter(std::vector<RowsColumn> columns, Format format);
  /// What comes before the first row: the csv header line; nothing for jsonl.
  std::string header() const;
  /// Appends one row (the values of every field, in column order) to `out`.
  void append(std::span<const expr::Value> row, std::string& out) const;

 private:
  std::vector<RowsColumn> columns_;
  Format format_;
};

}  // namespace kpi::report
