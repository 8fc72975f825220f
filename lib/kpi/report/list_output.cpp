// SPDX-License-Identifier: MIT
#include "kpi/report/list_output.hpp"

#include <fmt/format.h>

#include "kpi/engine/row_reader.hpp"
#include "kpi/report/escape.hpp"
#include "kpi/report/number_format.hpp"
#include "kpi/report/text_table.hpp"

namespace kpi::report {
namespace {

// The columns after the key: rows first (every key has them), then what `having` reads.
struct Columns {
  std::vector<std::string> names;
  std::vector<std::optional<std::size_t>> inputs;  // none: rows
};

Columns columns_of(const library::CompiledMeasure& measure) {
  Columns columns{{"rows"}, {std::nullopt}};
  for (std::size_t j = 0; j < measure.key_aggregates.size(); ++j) {
    const library::KeyAggregate& aggregate = measure.key_aggregates[j];
    if (aggregate.of || aggregate.first_seen || aggregate.lost) {  // not rows again
      columns.names.push_back(aggregate.name);
      columns.inputs.emplace_back(j);
    }
  }
  return columns;
}

// A cell's text for csv and the table; none for a null.
std::optional<std::string> cell_text(const expr::Value& value) {
  switch (value.kind) {
    case expr::Value::Kind::Null:
      return std::nullopt;
    case expr::Value::Kind::Number:
      return format_raw_units(value.number.units());
    default:
      return engine::key_text(value);
  }
}

// The same as a JSON value: numbers and true/false bare, texts and dates quoted.
void append_json_value(std::string& out, const expr::Value& value) {
  switch (value.kind) {
    case expr::Value::Kind::Null:
      out += "null";
      return;
    case expr::Value::Kind::Number:
    case expr::Value::Kind::Bool:
      out += *cell_text(value);
      return;
    default:
      append_json_string(out, *cell_text(value));
  }
}

expr::Value column_value(const engine::ListedKey& key, const std::optional<std::size_t>& input) {
  if (!input) {
    return expr::Value::of_number(
        Decimal::from_units(static_cast<std::int64_t>(key.rows) * Decimal::kUnitsPerOne));
  }
  return key.inputs[*input];
}

class ListWriter {
 public:
  ListWriter(const library::CompiledLibrary& library, const engine::EntityList& list)
      : list_(list),
        measure_(library.measures[list.measure]),
        key_name_(measure_.definition->per->text),
        columns_(columns_of(measure_)) {}

  std::string table() const {
    std::vector<std::vector<std::string>> rows{header()};
    std::vector<Align> align(list_.by_fields.size() + 1, Align::Left);
    align.resize(align.size() + columns_.names.size(), Align::Right);
    for (const engine::ListedGroup& group : list_.groups) {
      for (const engine::ListedKey& key : group.keys) {
        std::vector<std::string>& row = rows.emplace_back();
        for (const std::string& value : group.by_values) {
          row.push_back(escape_controls(value));
        }
        row.push_back(escape_controls(key_text(key)));
        for (const auto& input : columns_.inputs) {
          row.push_back(cell_text(column_value(key, input)).value_or("\xE2\x80\x94"));  // —
        }
      }
    }
    return render_text_table(rows, align);
  }

  std::string csv() const {
    std::string text;
    const std::vector<std::string> names = header();
    for (std::size_t i = 0; i < names.size(); ++i) {
      text += i == 0 ? "" : ",";
      append_spreadsheet_text(text, names[i]);
    }
    text += '\n';
    for (const engine::ListedGroup& group : list_.groups) {
      for (const engine::ListedKey& key : group.keys) {
        for (const std::string& value : group.by_values) {
          append_spreadsheet_text(text, value);
          text += ',';
        }
        append_spreadsheet_text(text, key_text(key));
        for (const auto& input : columns_.inputs) {
          text += ',';
          append_csv_field(text, cell_text(column_value(key, input)).value_or(""));
        }
        text += '\n';
      }
    }
    return text;
  }

  /// json: an array; jsonl: one object per line.
  std::string json(bool lines) const {
    std::string text = lines ? "" : "[";
    bool first = true;
    for (const engine::ListedGroup& group : list_.groups) {
      for (const engine::ListedKey& key : group.keys) {
        if (!lines) {
          text += first ? "\n" : ",\n";
        }
        first = false;
        append_object(text, group, key);
        if (lines) {
          text += '\n';
        }
      }
    }
    if (!lines) {
      text += first ? "]\n" : "\n]\n";
    }
    return text;
  }

 private:
  std::vector<std::string> header() const {
    std::vector<std::string> names = list_.by_fields;
    names.push_back(key_name_);
    names.insert(names.end(), columns_.names.begin(), columns_.names.end());
    return names;
  }

  static std::string key_text(const engine::ListedKey& key) {
    return engine::key_text(key.value());
  }

  void append_object(std::string& text, const engine::ListedGroup& group,
                     const engine::ListedKey& key) const {
    text += '{';
    if (!list_.by_fields.empty()) {
      text += "\"by\":{";
      for (std::size_t i = 0; i < list_.by_fields.size(); ++i) {
        text += i == 0 ? "" : ",";
        append_json_string(text, list_.by_fields[i]);
        text += ':';
        append_json_string(text, group.by_values[i]);
      }
      text += "},";
    }
    append_json_string(text, key_name_);
    text += ':';
    const expr::Value key_value = key.value();
    append_json_value(text, key_value);
    for (std::size_t c = 0; c < columns_.names.size(); ++c) {
      text += ',';
      append_json_string(text, columns_.names[c]);
      text += ':';
      append_json_value(text, column_value(key, columns_.inputs[c]));
    }
    text += '}';
  }

  const engine::EntityList& list_;
  const library::CompiledMeasure& measure_;
  std::string key_name_;
  Columns columns_;
};

}  // namespace

std::string render_entity_list(const library::CompiledLibrary& library,
                               const engine::EntityList& list, Format format) {
  const ListWriter writer(library, list);
  switch (format) {
    case Format::Csv:
      return writer.csv();
    case Format::Json:
      return writer.json(false);
    case Format::Jsonl:
      return writer.json(true);
    case Format::Table:
    default:  // kpi list writes only kListFormats; another one is given the table
      return writer.table();
  }
}

}  // namespace kpi::report
