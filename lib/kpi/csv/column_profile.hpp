// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/csv/reader.hpp"
#include "kpi/value/date_parser.hpp"
#include "kpi/value/decimal.hpp"
#include "kpi/value/number_parser.hpp"

namespace kpi::csv {

/// The type `kpi inspect` suggests for a column, tried in this order: every non-empty cell a
/// date (with a time somewhere: datetime; year first, or all day first or all month first), a
/// percentage, money (a currency sign or 元), a number; otherwise text. Columns of nine-digit-plus
/// integers (member cards, phone numbers) are text: they are identifiers. A column with no values
/// at all is "empty".
enum class ColumnType { Empty, Date, DateTime, Percent, Money, Number, Text };

std::string_view type_name(ColumnType type);

struct ColumnProfile {
  std::string name;
  ColumnType type = ColumnType::Empty;
  std::uint64_t missing = 0;         ///< empty cells and missing tokens ("-", "N/A", …)
  std::vector<std::string> samples;  ///< the first few distinct values
  std::string min, max;              ///< for numbers and dates, as text; empty otherwise
  /// For dates written day first or month first: the `format` that reads them ("%d/%m/%Y").
  /// When every value reads both ways, `date_format` is the day-first reading and
  /// `other_date_format` the month-first one, and min and max are left empty.
  std::string date_format, other_date_format;
  /// Numbers that read differently with a decimal point and a decimal comma ("1,250"), in a
  /// file that does not tell which (see Dialect::unclear_decimal_columns).
  bool unclear_decimal = false;
};

/// Watches the cells of one column go by and keeps what inspect reports.
class ColumnProfiler {
 public:
  explicit ColumnProfiler(NumberFormat number_format = {}) : number_format_(number_format) {}
  void add(std::string_view cell);
  ColumnProfile result(std::string name) const;

 private:
  void add_number(std::string_view cell);
  void add_date(std::string_view cell);

  NumberFormat number_format_;
  DateOrderSniffer date_order_;
  std::uint64_t values_ = 0, missing_ = 0;
  std::vector<std::string> samples_;
  bool all_numbers_ = true, all_identifiers_ = true, all_percent_ = true, any_currency_ = false;
  std::optional<Decimal> min_number_, max_number_;
  bool all_dates_ = true, any_time_ = false;
  std::optional<std::int64_t> min_moment_, max_moment_;  // seconds since 1970-01-01
};

/// What a user needs to write a column mapping for one export: how it reads and, per column,
/// its suggested type, empty cells, samples and range.
struct FileProfile {
  std::string file;
  Dialect dialect;
  std::uint64_t records = 0;
  std::vector<ColumnProfile> columns;
  std::vector<HeaderRename> renames;
  SkippedRecords skipped;
};

/// Reads the whole export once and profiles every column.
FileProfile profile_file(const std::string& path, const ReaderOptions& options);

}  // namespace kpi::csv
