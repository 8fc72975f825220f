// SPDX-License-Identifier: MIT
// From a record of an export to a row of typed field values: columns found by their names,
// cells converted by their field's type, lookups filled in, and the row's day.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/csv/reader.hpp"
#include "kpi/engine/data_quality.hpp"
#include "kpi/expr/value.hpp"
#include "kpi/library/library.hpp"
#include "kpi/value/number_parser.hpp"

namespace kpi::engine {

/// A key or breakdown value as text: dates as 2025-06-03, times as 2025-06-03 09:05:00, null
/// as "(missing)".
std::string key_text(const expr::Value& key);

/// How the files of `source` are read: its encoding and delimiter (detected when not given).
csv::ReaderOptions reader_options(const library::Source& source, bool strict);

/// The column of `field` in `header`: the first of its names there.
std::optional<std::size_t> column_of(const library::Field& field,
                                     const std::vector<std::string>& header);

/// A master table's field by key, for a lookup field of another source. Master tables are
/// read whole before the sources that look into them, so they cost a pass of their own and
/// memory in proportion to their rows (they are small: stores, products, staff).
struct LookupTable {
  LookupTable() = default;
  // Move-only: a copy's values would view the original's texts. (std::deque's move may throw,
  // so a vector of copyable tables would copy them when it grows.)
  LookupTable(const LookupTable&) = delete;
  LookupTable& operator=(const LookupTable&) = delete;
  LookupTable(LookupTable&&) = default;
  LookupTable& operator=(LookupTable&&) = default;

  std::size_t slot = 0;      ///< the lookup field's slot in the reading source
  std::size_t key_slot = 0;  ///< the key field's slot in the reading source
  /// By key_text of the key; found by a text key's own bytes, with no string made per row.
  absl::flat_hash_map<std::string, expr::Value> values;
  std::deque<std::string> texts;  ///< what the text values view; a deque keeps them in place
};

/// The day of a row from a source without a time field (a master table): in every period.
inline constexpr std::int32_t kTimeless = std::numeric_limits<std::int32_t>::min();

/// What a row handler found wrong with a row it took (a measure's value out of range, a key
/// a master table already has): counted under `reason` with the row's place, like a bad cell,
/// or with --strict an error there. The handler keeps it; it is read before the next row.
struct RowProblem {
  std::string code;     ///< the diagnostic's, e.g. "data.out-of-range"
  std::string reason;   ///< what the count says, the same for every such row
  std::string message;  ///< this row's
};

/// Receives each usable row: the values of the source's fields in order (only the needed
/// ones are converted; the others are null) and the row's day. Returns what was wrong with
/// the row, or nullptr (most rows).
using RowHandler =
    std::function<const RowProblem*(std::span<const expr::Value> row, std::int32_t day)>;

/// What a reader does besides converting rows (see RowReader).
struct ReadingHooks {
  /// Whether the rows of a day are passed on at all; empty: every day.
  std::function<bool(std::int32_t day)> reads_day;
  /// Told, on the reading thread, of every kProgressRows records read (rows of days not read
  /// included); may be empty.
  std::function<void(std::uint64_t records)> records_read;
};

/// Where a row starts: its file (as read) and line, the header being line 1.
struct RowPlace {
  std::string_view file;
  std::uint64_t line = 0;
};

/// Receives each usable row as RowHandler does, with its place; returns false to stop reading.
using PlacedRowHandler =
    std::function<bool(std::span<const expr::Value> row, std::int32_t day, const RowPlace& place)>;

/// The diagnostic for a field none of whose column names is in `header`: it lists the
/// file's headers and the closest match.
Diagnostic missing_column(const library::Source& source, const library::Field& field,
                          const std::string& file, const std::vector<std::string>& header);

/// How one file of a source is read: per field slot, its column (for the needed fields), the
/// decimal mark and thousands separator of its numbers, and the format of its dates (the
/// field's, or the day-first or month-first one detected in the file's sample; "" for the
/// year-first forms).
struct FileLayout {
  std::vector<std::optional<std::size_t>> columns;
  std::vector<std::string> column_names;  ///< per field slot, the header of its column, or ""
  std::vector<NumberFormat> numbers;
  std::vector<std::string> date_formats;
  /// The currency symbols ("¥", "$", "€") the sample cells of the file's money fields carry,
  /// sorted, each once: what a report shows money with when the library names no currency.
  std::vector<std::string> currencies;
};

/// The marks a number field is read with in a file whose dialect is `dialect`: the field's
/// decimal (with its thousands or the default for it), else the source's decimal and
/// thousands, else the file's detected decimal.
NumberFormat number_format_of(const library::Source& source, const library::Field& field,
                              const csv::Dialect& dialect);

/// Converts the records of one source's files to rows for a handler.
class RowReader {
 public:
  /// With `hooks.reads_day`, a row whose day it says no to is counted, and its cells that can
  /// be bad (numbers, dates, yes/no) are judged, but it is not passed on.
  RowReader(const library::Source& source, const std::vector<bool>& needed, bool strict,
            const std::vector<LookupTable>& lookups, ReadingHooks hooks = {})
      : source_(source),
        needed_(needed),
        strict_(strict),
        lookups_(lookups),
        hooks_(std::move(hooks)),
        time_field_(source.find_field(source.time_field)),
        // The time field's slot, or one past the last slot for a source without time.
        time_slot_(static_cast<std::size_t>(
            time_field_ ? time_field_ - source.fields.data()
                        : static_cast<std::ptrdiff_t>(source.fields.size()))) {}

  csv::ReaderOptions options() const { return reader_options(source_, strict_); }

  /// How this file is read (see FileLayout), from its header and sample. Throws kpi::Error for
  /// a needed field the file lacks ("data.missing-column"), for a date field without a format
  /// whose sample dates read both day first and month first, and for one whose format does
  /// not match more than a tenth (and at least 10) of its sample dates ("library.date-format").
  /// A number field whose sample values read as different numbers with a decimal point and a
  /// decimal comma ("1,250"), in a file that does not tell which, is counted in `quality` (an
  /// error with strict).
  FileLayout layout_of(const csv::Reader& reader, DataQuality& quality) const;

  /// Reads every record of `reader`, counting them in `input`: converts the needed fields by
  /// their type, fills lookup fields, and leaves out rows without a valid time (and, with
  /// hooks.reads_day, the rows of the days it says no to). Bad cells
  /// and rows are counted in `quality` by the documented rule; strict makes the first an
  /// error.
  void read(csv::Reader& reader, const FileLayout& layout, DataQuality& quality,
            const RowHandler& on_row, InputFile& input) const;

  /// As read, giving each row's place, and stopping when `on_row` returns false (the rest of
  /// the file unread, and not counted in `input`). Returns whether it read to the end.
  bool read_placed(csv::Reader& reader, const FileLayout& layout, DataQuality& quality,
                   const PlacedRowHandler& on_row, InputFile& input) const;

 private:
  // What a row's handler says: what was wrong with the row, and whether to stop reading.
  struct RowOutcome {
    const RowProblem* problem = nullptr;
    bool stop = false;
  };
  // read and read_placed: `on_row(row, day, line)` gives a RowOutcome.
  template <typename OnRow>
  bool read_rows(csv::Reader& reader, const FileLayout& layout, DataQuality& quality,
                 InputFile& input, const OnRow& on_row) const;

  const library::Source& source_;
  const std::vector<bool>& needed_;
  bool strict_;
  const std::vector<LookupTable>& lookups_;
  ReadingHooks hooks_;
  const library::Field* time_field_;
  std::size_t time_slot_;
};

/// Counts the records skipped for their number of fields (their lines `line_offset` into the
/// file) in `quality` and `input`.
void record_skipped(const std::string& source, const csv::SkippedRecords& skipped,
                    std::uint64_t line_offset, DataQuality& quality, InputFile& input);

}  // namespace kpi::engine
