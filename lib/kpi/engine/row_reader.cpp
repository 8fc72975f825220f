// SPDX-License-Identifier: MIT
#include "kpi/engine/row_reader.hpp"

#include <absl/strings/string_view.h>
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/csv/cell_error.hpp"
#include "kpi/engine/scan_settings.hpp"
#include "kpi/value/cell_text.hpp"
#include "kpi/value/date_parser.hpp"
#include "kpi/value/moment.hpp"
#include "kpi/value/number_parser.hpp"

namespace kpi::engine {
namespace {

// How a field's cells read in one file: the marks of its numbers, the format of its dates.
struct CellFormat {
  NumberFormat number;
  std::string_view date_format;
};

// Converts a cell of a field of one type into `out` (null when it does not convert); returns
// the reason it did not, or nothing. One function a type, chosen once per file, so that a
// cell costs no switch over types and `out` is written once.
using CellConverter = std::string_view (*)(std::string_view cell, const CellFormat& format,
                                           expr::Value& out);

std::string_view convert_text(std::string_view cell, const CellFormat&, expr::Value& out) {
  const std::string_view text = trim_cell(cell);
  out = is_missing_token(text) ? expr::Value{} : expr::Value::of_text(text);
  return {};
}

std::string_view convert_number(std::string_view cell, const CellFormat& format, expr::Value& out) {
  const NumberCell number = parse_number(cell, format.number);
  out = number.status == CellStatus::Value ? expr::Value::of_number(number.value) : expr::Value{};
  return number.problem;
}

// A field without a format reads only the year-first forms: a cell in another form says which
// key reads it.
constexpr std::string_view kNotADateWithoutFormat =
    "is not a date (expected e.g. 2025-06-03, 2025/6/3, 20250603 or 2025年6月3日, optionally "
    "followed by HH:MM[:SS]; for another form give the field a format, e.g. format = "
    "\"%d/%m/%Y\")";

// A date field is the day alone, even when the export adds a time of day.
template <bool kWithTime>
std::string_view convert_moment(std::string_view cell, const CellFormat& format, expr::Value& out) {
  const DateTimeCell date = format.date_format.empty() ? parse_date_time(cell)
                                                       : parse_date_time(cell, format.date_format);
  const std::int64_t time_of_day = kWithTime ? date.second_of_day : 0;
  out = date.status == CellStatus::Value ? expr::Value::of_moment(moment_of(date.days, time_of_day))
                                         : expr::Value{};
  return format.date_format.empty() && date.problem == kNotADateProblem ? kNotADateWithoutFormat
                                                                        : date.problem;
}

std::string_view convert_bool(std::string_view cell, const CellFormat&, expr::Value& out) {
  out = expr::Value{};
  const std::string_view text = trim_cell(cell);
  if (is_missing_token(text)) {
    return {};
  }
  const std::optional<bool> truth = parse_bool_token(text);
  if (truth) {
    out = expr::Value::of_bool(*truth);
    return {};
  }
  return "is not yes/no (expected true, false, 是, 否, 1, 0)";
}

CellConverter converter_of(library::FieldType type) {
  using library::FieldType;
  switch (type) {
    case FieldType::Text:
      return convert_text;
    case FieldType::Number:
    case FieldType::Money:
    case FieldType::Percent:
      return convert_number;
    case FieldType::Date:
      return convert_moment<false>;
    case FieldType::DateTime:
      return convert_moment<true>;
    case FieldType::Bool:
      return convert_bool;
  }
  return convert_text;
}

bool is_number(library::FieldType type) {
  return type == library::FieldType::Number || type == library::FieldType::Money ||
         type == library::FieldType::Percent;
}

bool is_date(library::FieldType type) {
  return type == library::FieldType::Date || type == library::FieldType::DateTime;
}

// A given format that fails on more than this share of a column's sample dates (and on at
// least kMinFailedDates of them) is wrong, not a few bad cells: a wrong day/month order
// reads the rest as wrong dates.
constexpr std::uint64_t kMaxFailedDatesPercent = 10;
constexpr std::uint64_t kMinFailedDates = 10;
constexpr std::size_t kFailedDateExamples = 3;

std::string quoted_field(const library::Source& source, const library::Field& field) {
  return fmt::format("field \"{}\" of source \"{}\"", field.name, source.name);
}

// The format a date field is read with in this file: its own, checked against the sample, or
// the day-first or month-first one the sample shows; "" for the year-first forms.
std::string date_format_of(const library::Source& source, const library::Field& field,
                           const csv::Reader& reader, std::size_t column) {
  DateOrderSniffer sniffer;
  std::uint64_t values = 0;
  std::vector<const csv::SampleRecord*> failed;
  std::uint64_t failed_count = 0;
  for (const csv::SampleRecord& record : reader.sample()) {
    const std::string_view cell = record.fields[column];
    sniffer.add(cell);
    if (field.date_format.empty() || is_missing_token(trim_cell(cell))) {
      continue;
    }
    ++values;
    if (parse_date_time(cell, field.date_format).status != CellStatus::Value) {
      ++failed_count;
      if (failed.size() < kFailedDateExamples) {
        failed.push_back(&record);
      }
    }
  }
  const std::string& name = reader.header().names[column];
  const DateOrderSniffer::Order order = sniffer.order();
  if (!field.date_format.empty()) {
    if (failed_count >= kMinFailedDates && failed_count * 100 > values * kMaxFailedDatesPercent) {
      std::string examples;
      for (const csv::SampleRecord* record : failed) {
        examples += fmt::format("{}\"{}\" (line {})", examples.empty() ? "" : ", ",
                                record->fields[column], record->line);
      }
      const bool one_way = order == DateOrderSniffer::Order::DayFirst ||
                           order == DateOrderSniffer::Order::MonthFirst;
      throw Error(
          {"library.date-format",
           fmt::format("{}: format = \"{}\" does not read {} of the first {} dates of "
                       "column \"{}\" in {}, e.g. {}{}",
                       quoted_field(source, field), field.date_format, failed_count, values, name,
                       reader.file(), examples,
                       one_way ? fmt::format("; they read as format = \"{}\"", sniffer.format())
                               : std::string()),
           field.where});
    }
    return field.date_format;
  }
  if (order == DateOrderSniffer::Order::Ambiguous) {
    throw Error({"library.date-format",
                 fmt::format("{}: the dates of column \"{}\" in {} read both day first and month "
                             "first (no day is above 12); say which with format = \"{}\" or "
                             "format = \"{}\"",
                             quoted_field(source, field), name, reader.file(), sniffer.format(),
                             sniffer.other_format()),
                 field.where});
  }
  if (order == DateOrderSniffer::Order::DayFirst || order == DateOrderSniffer::Order::MonthFirst) {
    return sniffer.format();
  }
  return {};
}

std::vector<std::optional<std::size_t>> locate_columns(const library::Source& source,
                                                       const csv::Reader& reader,
                                                       const std::vector<bool>& needed) {
  const std::vector<std::string>& header = reader.header().names;
  std::vector<std::optional<std::size_t>> columns(source.fields.size());
  for (std::size_t slot = 0; slot < source.fields.size(); ++slot) {
    const library::Field& field = source.fields[slot];
    if (!needed[slot] || field.lookup) {
      continue;
    }
    columns[slot] = column_of(field, header);
    if (!columns[slot]) {
      throw Error(missing_column(source, field, reader.file(), header));
    }
  }
  return columns;
}

// Adds the currency symbols the sample cells of `column` carry to `symbols` (sorted, each once).
void add_currencies(const csv::Reader& reader, std::size_t column, const NumberFormat& format,
                    std::vector<std::string>& symbols) {
  for (const csv::SampleRecord& record : reader.sample()) {
    const std::string_view symbol =
        parse_number(record.fields[column], format).notation.currency_symbol;
    if (symbol.empty()) {
      continue;
    }
    const auto place = std::lower_bound(symbols.begin(), symbols.end(), symbol);
    if (place == symbols.end() || *place != symbol) {
      symbols.insert(place, std::string(symbol));
    }
  }
}

}  // namespace

csv::ReaderOptions reader_options(const library::Source& source, bool strict) {
  csv::ReaderOptions options;
  options.encoding = source.encoding;
  options.delimiter = source.delimiter;
  options.decimal = source.decimal;
  options.strict = strict;
  return options;
}

std::optional<std::size_t> column_of(const library::Field& field,
                                     const std::vector<std::string>& header) {
  for (const std::string& name : field.columns) {
    const auto found = std::find(header.begin(), header.end(), name);
    if (found != header.end()) {
      return static_cast<std::size_t>(found - header.begin());
    }
  }
  return std::nullopt;
}

std::string key_text(const expr::Value& key) {
  switch (key.kind) {
    case expr::Value::Kind::Text:
      return std::string(key.text);
    case expr::Value::Kind::Number:
      return key.number.to_string();
    case expr::Value::Kind::Bool:
      return key.truth ? "true" : "false";
    case expr::Value::Kind::Null:
      return "(missing)";
    case expr::Value::Kind::Moment:
      break;
  }
  const std::int32_t second = second_of_day(key.seconds);
  return second == 0 ? format_date(day_of(key.seconds))
                     : format_date_time(day_of(key.seconds), second);
}

Diagnostic missing_column(const library::Source& source, const library::Field& field,
                          const std::string& file, const std::vector<std::string>& header) {
  return {"data.missing-column",
          fmt::format("no column for field \"{}\" of source \"{}\": tried {}; the file has {}{}",
                      field.name, source.name, join_elided(field.columns, ", ", "\""),
                      join_elided(header, ", ", "\""), did_you_mean(field.columns.front(), header)),
          {file}};
}

NumberFormat number_format_of(const library::Source& source, const library::Field& field,
                              const csv::Dialect& dialect) {
  if (field.decimal) {
    return {*field.decimal, field.thousands.value_or(default_thousands(*field.decimal))};
  }
  const char decimal = source.decimal.value_or(dialect.decimal);
  return {decimal, field.thousands.value_or(source.thousands.value_or(default_thousands(decimal)))};
}

FileLayout RowReader::layout_of(const csv::Reader& reader, DataQuality& quality) const {
  FileLayout layout;
  layout.columns = locate_columns(source_, reader, needed_);
  layout.column_names.resize(source_.fields.size());
  layout.numbers.resize(source_.fields.size());
  layout.date_formats.resize(source_.fields.size());
  const csv::Dialect& dialect = reader.dialect();
  for (std::size_t slot = 0; slot < source_.fields.size(); ++slot) {
    const library::Field& field = source_.fields[slot];
    if (!layout.columns[slot]) {
      continue;
    }
    const std::size_t column = *layout.columns[slot];
    layout.column_names[slot] = reader.header().names[column];
    layout.numbers[slot] = number_format_of(source_, field, dialect);
    if (is_date(field.type)) {
      layout.date_formats[slot] = date_format_of(source_, field, reader, column);
    }
    if (field.type == library::FieldType::Money) {
      add_currencies(reader, column, layout.numbers[slot], layout.currencies);
    }
    const auto& unclear = dialect.unclear_decimal_columns;
    if (is_number(field.type) && !field.decimal && !source_.decimal &&
        std::find(unclear.begin(), unclear.end(), column) != unclear.end()) {
      Diagnostic diagnostic{
          "data.unclear-decimal",
          fmt::format("column \"{}\" (field \"{}\"): every number reads both ways, \"1,250\" "
                      "as 1250 with a decimal point or 1.25 with a decimal comma; read with a "
                      "decimal point: set decimal = \".\" or decimal = \",\" in the source or "
                      "the field",
                      reader.header().names[column], field.name),
          {reader.file(), 1, column + 1}};
      if (strict_) {
        throw Error(std::move(diagnostic));
      }
      quality.record(source_.name, "number columns whose decimal mark is unclear",
                     std::move(diagnostic));
    }
  }
  return layout;
}

void RowReader::read(csv::Reader& reader, const FileLayout& layout, DataQuality& quality,
                     const RowHandler& on_row, InputFile& input) const {
  read_rows(reader, layout, quality, input,
            [&](std::span<const expr::Value> row, std::int32_t day, std::uint64_t) {
              return RowOutcome{on_row(row, day), false};
            });
}

bool RowReader::read_placed(csv::Reader& reader, const FileLayout& layout, DataQuality& quality,
                            const PlacedRowHandler& on_row, InputFile& input) const {
  return read_rows(reader, layout, quality, input,
                   [&](std::span<const expr::Value> row, std::int32_t day, std::uint64_t line) {
                     return RowOutcome{nullptr, !on_row(row, day, RowPlace{reader.file(), line})};
                   });
}

template <typename OnRow>
bool RowReader::read_rows(csv::Reader& reader, const FileLayout& layout, DataQuality& quality,
                          InputFile& input, const OnRow& on_row) const {
  const std::vector<std::optional<std::size_t>>& columns = layout.columns;
  // The fields this file converts, settled once rather than looked over in every row.
  struct Conversion {
    std::size_t slot, column;
    const library::Field* field;
    CellConverter convert;
    CellFormat format;
  };
  std::vector<Conversion> conversions;
  CellFormat time_format;
  for (std::size_t slot = 0; slot < columns.size(); ++slot) {
    if (columns[slot]) {
      const library::Field& field = source_.fields[slot];
      const CellFormat format{layout.numbers[slot], layout.date_formats[slot]};
      conversions.push_back({slot, *columns[slot], &field, converter_of(field.type), format});
      if (&field == time_field_) {
        time_format = format;
      }
    }
  }
  // With the days to read given, the time is converted first, and of a row of another day only
  // the cells that can be bad (numbers, dates, yes/no) are converted, to be judged as in any row
  // (with --strict, the first bad one is an error): its text, its lookups and the handler are
  // skipped. (A month's report on two years of W's export: 145 -> 120 ms of CPU a million rows.)
  const auto time_conversion =
      std::find_if(conversions.begin(), conversions.end(),
                   [&](const Conversion& conversion) { return conversion.field == time_field_; });
  const bool skips_other_days =
      hooks_.reads_day && time_field_ != nullptr && time_conversion != conversions.end();
  if (skips_other_days) {
    std::rotate(conversions.begin(), time_conversion, time_conversion + 1);
  }
  const std::span<const Conversion> after_time =
      std::span<const Conversion>(conversions).subspan(skips_other_days ? 1 : 0);
  std::vector<Conversion> judged_only;  // of a row of another day: text is never a bad cell
  std::copy_if(after_time.begin(), after_time.end(), std::back_inserter(judged_only),
               [](const Conversion& conversion) {
                 return conversion.field->type != library::FieldType::Text;
               });
  const auto convert_cells = [&](std::span<const Conversion> cells, const csv::Record& record,
                                 std::vector<expr::Value>& values) {
    for (const Conversion& conversion : cells) {
      const std::string_view problem = conversion.convert(
          record.fields[conversion.column], conversion.format, values[conversion.slot]);
      // A bad time is reported once, as a row left out, below.
      if (!problem.empty() && time_field_ != conversion.field) [[unlikely]] {
        const std::size_t column = conversion.column;
        Diagnostic diagnostic = csv::bad_cell(reader, record, column, problem);
        if (strict_) {
          throw Error(std::move(diagnostic));
        }
        quality.record(source_.name,
                       fmt::format("bad cells in column \"{}\" (field \"{}\"), read as missing",
                                   reader.header().names[column], conversion.field->name),
                       std::move(diagnostic));
      }
    }
  };
  std::optional<std::int32_t> last_day;  // rows come mostly in time order: the last answer
  bool last_day_read = true;
  std::vector<expr::Value> values(source_.fields.size());
  csv::Record record;
  // Counted here and added at the end: `input` sits beside other threads' data, and a write
  // to it per row would take their cache line from them (W, two threads: 0.3 s of CPU).
  std::uint64_t records = 0;
  while (reader.next(record)) {
    if (++records % kProgressRows == 0 && hooks_.records_read) [[unlikely]] {
      hooks_.records_read(kProgressRows);
    }
    if (skips_other_days) {
      const Conversion& time = conversions.front();
      time.convert(record.fields[time.column], time.format, values[time.slot]);
      if (const expr::Value& moment = values[time.slot]; !moment.is_null()) {
        const std::int32_t day = day_of(moment.seconds);
        if (day != last_day) {
          last_day = day;
          last_day_read = hooks_.reads_day(day);
        }
        if (!last_day_read) {
          convert_cells(judged_only, record, values);
          continue;
        }
      }
    }
    convert_cells(after_time, record, values);
    for (const LookupTable& table : lookups_) {
      const expr::Value& key = values[table.key_slot];
      const auto found =
          key.is_null() ? table.values.end()
          : key.kind == expr::Value::Kind::Text
              ? table.values.find(absl::string_view(key.text.data(), key.text.size()))
              : table.values.find(key_text(key));
      values[table.slot] = found == table.values.end() ? expr::Value{} : found->second;
    }
    std::int32_t day = kTimeless;
    if (time_field_ != nullptr) {
      const expr::Value& time = values[time_slot_];
      if (time.is_null()) {
        const std::string_view cell = record.fields[columns[time_slot_].value_or(0)];
        expr::Value unused;
        const std::string_view time_problem =
            converter_of(time_field_->type)(cell, time_format, unused);
        Diagnostic diagnostic{
            "data.no-time",
            fmt::format("row has no valid time in field \"{}\": \"{}\" {}", source_.time_field,
                        cell, time_problem.empty() ? "is missing" : time_problem),
            {reader.file(), record.line, columns[time_slot_].value_or(0) + 1}};
        if (strict_) {
          throw Error(std::move(diagnostic));
        }
        quality.record(source_.name, "rows without a valid time, left out of every measure",
                       std::move(diagnostic));
        ++input.left_out;
        continue;
      }
      day = day_of(time.seconds);
    }
    const RowOutcome outcome = on_row(values, day, record.line);
    if (const RowProblem* problem = outcome.problem) [[unlikely]] {
      Diagnostic diagnostic{problem->code, problem->message, {reader.file(), record.line, 0}};
      if (strict_) {
        throw Error(std::move(diagnostic));
      }
      quality.record(source_.name, problem->reason, std::move(diagnostic));
    }
    if (outcome.stop) [[unlikely]] {
      input.records += records;
      return false;
    }
  }
  input.records += records;
  return true;
}

void record_skipped(const std::string& source, const csv::SkippedRecords& skipped,
                    std::uint64_t line_offset, DataQuality& quality, InputFile& input) {
  std::vector<Diagnostic> examples = skipped.first;
  for (Diagnostic& example : examples) {
    example.where.line += line_offset;
  }
  quality.record_many(source, "records with the wrong number of fields, skipped", skipped.count,
                      examples);
  input.skipped += skipped.count;
  input.records += skipped.count;
}

}  // namespace kpi::engine
