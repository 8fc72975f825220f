// SPDX-License-Identifier: MIT
#include "kpi/report/inspect_output.hpp"

#include <fmt/format.h>

#include "kpi/csv/dialect.hpp"
#include "kpi/report/display_width.hpp"
#include "kpi/report/text_table.hpp"

namespace kpi::report {
namespace {

constexpr std::size_t kSampleWidth = 24;

// A sample on one table line: line breaks and tabs inside values are shown as \n and \t.
std::string one_line(std::string_view value) {
  std::string line;
  for (char c : value) {
    line += c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : std::string(1, c);
  }
  return line;
}

// Samples are listed with ", " between them: one that holds a comma or a quote, or starts or
// ends with a blank, is quoted as CSV quotes it ("1,250" and "a, b" stay one sample each).
std::string quoted_if_needed(const std::string& sample) {
  const bool plain = sample.find_first_of(",\"") == std::string::npos &&
                     (sample.empty() || (sample.front() != ' ' && sample.back() != ' '));
  if (plain) {
    return sample;
  }
  std::string quoted = "\"";
  for (const char c : sample) {
    quoted += c == '"' ? "\"\"" : std::string(1, c);
  }
  return quoted + "\"";
}

std::string describe_settings(const csv::Dialect& dialect) {
  std::string text = fmt::format(
      "encoding   {} ({})\ndelimiter  {} ({})\n", dialect.encoding.describe(),
      dialect.encoding.detected ? "detected" : "given", csv::delimiter_name(dialect.delimiter),
      dialect.delimiter_sniffed ? "sniffed" : "given");
  // The decimal mark is shown when it is not the usual point.
  if (dialect.decimal_sniffed || dialect.decimal_given) {
    text += fmt::format("decimal    {} ({})\n", dialect.decimal,
                        dialect.decimal_sniffed ? "detected" : "given");
  }
  return text;
}

// What a column needs said beside the table: how its dates are written, or that its numbers
// read two ways.
std::vector<std::string> column_notes(const std::vector<csv::ColumnProfile>& columns) {
  std::vector<std::string> notes;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const csv::ColumnProfile& column = columns[i];
    if (!column.other_date_format.empty()) {
      notes.push_back(fmt::format(
          "note: column {} \"{}\" has dates that read both day first and month first (no day "
          "above 12): a library needs format = \"{}\" or format = \"{}\"",
          i + 1, column.name, column.date_format, column.other_date_format));
    } else if (!column.date_format.empty()) {
      notes.push_back(
          fmt::format("note: column {} \"{}\" has dates written {} first: format = "
                      "\"{}\"",
                      i + 1, column.name, column.date_format.starts_with("%d") ? "day" : "month",
                      column.date_format));
    }
    if (column.unclear_decimal) {
      notes.push_back(fmt::format(
          "note: column {} \"{}\" has numbers like \"1,250\" that read as 1250 with a decimal "
          "point and 1.25 with a decimal comma, and nothing else in the file tells which; shown "
          "with a decimal point (a library sets decimal = \".\" or decimal = \",\")",
          i + 1, column.name));
    }
  }
  return notes;
}

std::string render_columns(const std::vector<csv::ColumnProfile>& columns) {
  std::vector<std::vector<std::string>> rows = {
      {"#", "column", "type", "empty", "min", "max", "samples"}};
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const csv::ColumnProfile& column = columns[i];
    std::string samples;
    for (const std::string& sample : column.samples) {
      samples += (samples.empty() ? "" : ", ") +
                 quoted_if_needed(truncate_to_width(one_line(sample), kSampleWidth));
    }
    rows.push_back({std::to_string(i + 1), column.name, std::string(csv::type_name(column.type)),
                    std::to_string(column.missing), column.min, column.max, samples});
  }
  return render_text_table(rows, {});
}

}  // namespace

std::string encoding_note(const csv::Dialect& dialect) {
  if (dialect.likely_encodings.empty()) {
    return {};
  }
  return fmt::format(
      "GB18030 was detected, but the non-ASCII bytes do not read as Chinese in it; they read as "
      "{}: name it with {}",
      csv::describe_guesses(dialect.likely_encodings),
      csv::how_to_name_encoding(dialect.likely_encodings.front()));
}

std::string render_file_profile(const csv::FileProfile& summary) {
  std::string text = fmt::format("file       {}\n", summary.file);
  text += describe_settings(summary.dialect);
  text += fmt::format("records    {}\ncolumns    {}\n\n", summary.records, summary.columns.size());
  text += render_columns(summary.columns);
  std::vector<std::string> notes = column_notes(summary.columns);
  if (const std::string note = encoding_note(summary.dialect); !note.empty()) {
    notes.insert(notes.begin(), "note: " + note);
  }
  for (const std::string& note : notes) {
    text += "\n" + note;
  }
  for (const csv::HeaderRename& rename : summary.renames) {
    text += fmt::format("\nnote: column {} header \"{}\" is read as \"{}\"", rename.column,
                        rename.original, rename.renamed);
  }
  if (summary.skipped.count > 0) {
    text += fmt::format("\nnote: skipped {} record{} with the wrong number of fields",
                        summary.skipped.count, summary.skipped.count == 1 ? "" : "s");
    for (const Diagnostic& example : summary.skipped.first) {
      text += "\n  " + render(example);
    }
  }
  return notes.empty() && summary.renames.empty() && summary.skipped.count == 0 ? text
                                                                                : text + "\n";
}

}  // namespace kpi::report
