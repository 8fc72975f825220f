// SPDX-License-Identifier: MIT
#include "kpi/engine/source_scanner.hpp"

#include <fmt/format.h>
#include <glob.h>

#include <algorithm>
#include <optional>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/csv/cell_error.hpp"
#include "kpi/csv/reader.hpp"
#include "kpi/value/cell_text.hpp"
#include "kpi/value/date_parser.hpp"
#include "kpi/value/number_parser.hpp"

namespace kpi::engine {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

bool is_glob(const std::string& pattern) {
  return pattern.find_first_of("*?[") != std::string::npos;
}

std::vector<std::string> expand_glob(const std::string& pattern) {
  glob_t matches{};
  std::vector<std::string> paths;
  if (::glob(pattern.c_str(), 0, nullptr, &matches) == 0) {
    for (std::size_t i = 0; i < matches.gl_pathc; ++i) {
      paths.emplace_back(matches.gl_pathv[i]);
    }
  }
  ::globfree(&matches);
  std::sort(paths.begin(), paths.end());
  return paths;
}

// A converted cell, or the reason it did not convert.
struct Conversion {
  expr::Value value;
  std::string_view problem;
};

Conversion convert_cell(std::string_view cell, const library::Field& field) {
  using library::FieldType;
  switch (field.type) {
    case FieldType::Text: {
      const std::string_view text = trim_cell(cell);
      return {is_missing_token(text) ? expr::Value{} : expr::Value::of_text(text), {}};
    }
    case FieldType::Number:
    case FieldType::Money:
    case FieldType::Percent: {
      const NumberCell number = parse_number(cell);
      return {
          number.status == CellStatus::Value ? expr::Value::of_number(number.value) : expr::Value{},
          number.problem};
    }
    case FieldType::Date:
    case FieldType::DateTime: {
      const DateTimeCell date = field.date_format.empty()
                                    ? parse_date_time(cell)
                                    : parse_date_time(cell, field.date_format);
      // A date field is the day alone, even when the export adds a time of day.
      const std::int64_t time_of_day = field.type == FieldType::Date ? 0 : date.second_of_day;
      return {date.status == CellStatus::Value
                  ? expr::Value::of_moment(std::int64_t{date.days} * kSecondsPerDay + time_of_day)
                  : expr::Value{},
              date.problem};
    }
    case FieldType::Bool: {
      const std::string_view text = trim_cell(cell);
      if (is_missing_token(text)) {
        return {};
      }
      const std::optional<bool> truth = parse_bool_token(text);
      return {truth ? expr::Value::of_bool(*truth) : expr::Value{},
              truth ? std::string_view{} : "is not yes/no (expected true, false, 是, 否, 1, 0)"};
    }
  }
  return {};
}

// The column of each needed field in this file's header: the first alias present.
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
    for (const std::string& alias : field.columns) {
      const auto found = std::find(header.begin(), header.end(), alias);
      if (found != header.end()) {
        columns[slot] = static_cast<std::size_t>(found - header.begin());
        break;
      }
    }
    if (!columns[slot]) {
      throw Error(missing_column(source, field, reader.file(), header));
    }
  }
  return columns;
}

}  // namespace

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
  const std::int64_t second = ((key.seconds % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay;
  const auto day = static_cast<std::int32_t>((key.seconds - second) / kSecondsPerDay);
  return second == 0 ? format_date(day) : format_date_time(day, static_cast<std::int32_t>(second));
}

Diagnostic missing_column(const library::Source& source, const library::Field& field,
                          const std::string& file, const std::vector<std::string>& header) {
  return {"data.missing-column",
          fmt::format("no column for field \"{}\" of source \"{}\": tried \"{}\"; the file has "
                      "\"{}\"{}",
                      field.name, source.name, fmt::join(field.columns, "\", \""),
                      fmt::join(header, "\", \""), did_you_mean(field.columns.front(), header)),
          {file}};
}

std::vector<std::string> source_files(const library::Source& source,
                                      const std::filesystem::path& library_dir,
                                      const std::vector<std::string>& overrides) {
  if (!overrides.empty()) {
    return overrides;
  }
  std::vector<std::string> files;
  for (const std::string& pattern : source.files) {
    const std::filesystem::path path = library_dir / pattern;
    if (!is_glob(pattern)) {
      files.push_back(path.lexically_normal().string());
      continue;
    }
    const std::vector<std::string> matches = expand_glob(path.string());
    if (matches.empty()) {
      throw Error({"data.files",
                   fmt::format("source \"{}\": no file matches \"{}\"", source.name, pattern),
                   source.where});
    }
    files.insert(files.end(), matches.begin(), matches.end());
  }
  return files;
}

void scan_source(const library::Source& source, const std::vector<std::string>& files,
                 const std::vector<bool>& needed_fields, bool strict, DataQuality& quality,
                 const RowHandler& on_row, const std::vector<LookupTable>& lookups) {
  const library::Field* time_field = source.find_field(source.time_field);
  // The time field's slot, or one past the last slot for a source without time.
  const auto time_slot =
      static_cast<std::size_t>(time_field ? time_field - source.fields.data()
                                          : static_cast<std::ptrdiff_t>(source.fields.size()));
  csv::ReaderOptions options;
  options.encoding = source.encoding;
  options.delimiter = source.delimiter;
  options.strict = strict;
  std::vector<expr::Value> values(source.fields.size());
  for (const std::string& file : files) {
    const auto reader = csv::Reader::open(file, options);
    const auto columns = locate_columns(source, *reader, needed_fields);
    InputFile input{source.name, reader->file(), 0, 0, 0};
    csv::Record record;
    while (reader->next(record)) {
      ++input.records;
      for (std::size_t slot = 0; slot < values.size(); ++slot) {
        if (!columns[slot]) {
          continue;
        }
        const std::size_t column = *columns[slot];
        const Conversion conversion = convert_cell(record.fields[column], source.fields[slot]);
        values[slot] = conversion.value;
        // A bad time is reported once, as a row left out, below.
        if (!conversion.problem.empty() && time_field != &source.fields[slot]) {
          Diagnostic diagnostic = csv::bad_cell(*reader, record, column, conversion.problem);
          if (strict) {
            throw Error(std::move(diagnostic));
          }
          quality.record(source.name,
                         fmt::format("bad cells in column \"{}\" (field \"{}\"), read as missing",
                                     reader->header().names[column], source.fields[slot].name),
                         std::move(diagnostic));
        }
      }
      for (const LookupTable& table : lookups) {
        const expr::Value& key = values[table.key_slot];
        const auto found = key.is_null() ? table.values.end() : table.values.find(key_text(key));
        values[table.slot] = found == table.values.end() ? expr::Value{} : found->second;
      }
      std::int32_t day = kTimeless;
      if (time_field != nullptr) {
        const expr::Value& time = values[time_slot];
        if (time.is_null()) {
          const std::string_view cell = record.fields[columns[time_slot].value_or(0)];
          const std::string_view time_problem = convert_cell(cell, *time_field).problem;
          Diagnostic diagnostic{
              "data.no-time",
              fmt::format("row has no valid time in field \"{}\": \"{}\" {}", source.time_field,
                          cell, time_problem.empty() ? "is missing" : time_problem),
              {reader->file(), record.line, columns[time_slot].value_or(0) + 1}};
          if (strict) {
            throw Error(std::move(diagnostic));
          }
          quality.record(source.name, "rows without a valid time, left out of every measure",
                         std::move(diagnostic));
          ++input.left_out;
          continue;
        }
        day = static_cast<std::int32_t>(time.seconds >= 0
                                            ? time.seconds / kSecondsPerDay
                                            : (time.seconds - kSecondsPerDay + 1) / kSecondsPerDay);
      }
      on_row(values, day);
    }
    quality.record_many(source.name, "records with the wrong number of fields, skipped",
                        reader->skipped().count, reader->skipped().first);
    input.skipped = reader->skipped().count;
    input.records += input.skipped;
    quality.add_input(std::move(input));
  }
}

}  // namespace kpi::engine
