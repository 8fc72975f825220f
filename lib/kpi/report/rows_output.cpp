// SPDX-License-Identifier: MIT
#include "kpi/report/rows_output.hpp"

#include <utility>

#include "kpi/report/escape.hpp"
#include "kpi/value/date_parser.hpp"
#include "kpi/value/moment.hpp"

namespace kpi::report {
namespace {

// The text of a present value of a column of type `type`.
std::string cell_text(const expr::Value& value, library::FieldType type) {
  switch (value.kind) {
    case expr::Value::Kind::Number:
      return value.number.to_string();
    case expr::Value::Kind::Bool:
      return value.truth ? "true" : "false";
    case expr::Value::Kind::Moment:
      // A datetime column keeps its time at midnight too: a database reads the column as one
      // type, whatever each cell's time.
      return type == library::FieldType::DateTime
                 ? format_date_time(day_of(value.seconds), second_of_day(value.seconds))
                 : format_date(day_of(value.seconds));
    case expr::Value::Kind::Text:
      return std::string(value.text);
    case expr::Value::Kind::Null:
      break;
  }
  return {};
}

}  // namespace

std::vector<RowsColumn> rows_columns(const library::Library& library,
                                     const library::Source& source) {
  std::vector<RowsColumn> columns;
  for (const library::Field& field : source.fields) {
    library::FieldType type = field.type;
    if (field.lookup) {
      // A compiled library has checked the master and its field.
      if (const library::Source* master = library.find_source(field.lookup->source)) {
        if (const library::Field* taken = master->find_field(field.lookup->field)) {
          type = taken->type;
        }
      }
    }
    columns.push_back({field.name, type});
  }
  return columns;
}

RowsWriter::RowsWriter(std::vector<RowsColumn> columns, Format format)
    : columns_(std::move(columns)), format_(format) {}

std::string RowsWriter::header() const {
  std::string out;
  if (format_ != Format::Csv) {
    return out;
  }
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (c > 0) {
      out += ',';
    }
    append_csv_field(out, columns_[c].name);
  }
  out += '\n';
  return out;
}

void RowsWriter::append(std::span<const expr::Value> row, std::string& out) const {
  if (format_ == Format::Csv) {
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (c > 0) {
        out += ',';
      }
      if (!row[c].is_null()) {
        append_csv_field(out, cell_text(row[c], columns_[c].type));
      }
    }
    out += '\n';
    return;
  }
  out += '{';
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (c > 0) {
      out += ',';
    }
    append_json_string(out, columns_[c].name);
    out += ':';
    const expr::Value& value = row[c];
    if (value.is_null()) {
      out += "null";
    } else if (value.kind == expr::Value::Kind::Bool || value.kind == expr::Value::Kind::Number) {
      out += cell_text(value, columns_[c].type);
    } else {
      append_json_string(out, cell_text(value, columns_[c].type));
    }
  }
  out += "}\n";
}

}  // namespace kpi::report
