// SPDX-License-Identifier: MIT
#include "inspect_command.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "kpi/app/inspect.hpp"
#include "kpi/csv/dialect.hpp"
#include "kpi/report/display_width.hpp"
#include "kpi/report/text_table.hpp"
#include "output.hpp"
#include "reader_options.hpp"

namespace kpi::cli {
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

struct InspectOptions {
  std::string file;
  ReaderFlags reader;
  std::string rows;
  std::string format;
};

std::string describe_settings(const csv::Dialect& dialect) {
  return fmt::format("encoding   {} ({})\ndelimiter  {} ({})\n", dialect.encoding.describe(),
                     dialect.encoding.detected ? "detected" : "given",
                     csv::delimiter_name(dialect.delimiter),
                     dialect.delimiter_sniffed ? "sniffed" : "given");
}

std::string render_columns(const std::vector<app::ColumnProfile>& columns) {
  std::vector<std::vector<std::string>> rows = {
      {"#", "column", "type", "empty", "min", "max", "samples"}};
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const app::ColumnProfile& column = columns[i];
    std::string samples;
    for (const std::string& sample : column.samples) {
      samples += (samples.empty() ? "" : ", ") + truncate_to_width(one_line(sample), kSampleWidth);
    }
    rows.push_back({std::to_string(i + 1), column.name, std::string(app::type_name(column.type)),
                    std::to_string(column.missing), column.min, column.max, samples});
  }
  return render_text_table(rows, {});
}

std::string render_summary(const app::InspectSummary& summary) {
  std::string text = fmt::format("file       {}\n", summary.file);
  text += describe_settings(summary.dialect);
  text += fmt::format("records    {}\ncolumns    {}\n\n", summary.records, summary.columns.size());
  text += render_columns(summary.columns);
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
  return summary.renames.empty() && summary.skipped.count == 0 ? text : text + "\n";
}

std::optional<std::uint64_t> parse_row_limit(const std::string& rows) {
  if (rows.empty() || rows == "all") {
    return std::nullopt;
  }
  return std::stoull(rows);
}

app::RecordFormat parse_format(const std::string& format) {
  if (format == "json") return app::RecordFormat::Json;
  if (format == "jsonl") return app::RecordFormat::JsonLines;
  return app::RecordFormat::Csv;
}

int run_inspect(const InspectOptions& options) {
  const csv::ReaderOptions reader_options = to_reader_options(options.reader);
  if (options.rows.empty() && options.format.empty()) {
    write_stdout(render_summary(app::inspect_file(options.file, reader_options)));
    return 0;
  }
  const auto reader = csv::Reader::open(options.file, reader_options);
  app::write_records(*reader, parse_format(options.format), parse_row_limit(options.rows),
                     write_stdout);
  report_skipped(reader->skipped());
  return 0;
}

}  // namespace

void setup_inspect(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<InspectOptions>();
  CLI::App* command = app.add_subcommand(
      "inspect", "Show how an export reads: encoding, delimiter, columns, types, samples");
  command->footer(
      "Examples:\n"
      "  kpi inspect pos.csv                      summary of every column\n"
      "  kpi inspect pos.csv --rows 5 --format json\n"
      "  gunzip -c pos.csv.gz | kpi inspect - --rows all --format csv");
  command->add_option("file", options->file, "The export to read; - reads standard input")
      ->required();
  add_reader_flags(*command, options->reader);
  command
      ->add_option("--rows", options->rows,
                   "Print the records themselves instead of a summary: a count, or all")
      ->check(CLI::Validator(
          [](std::string& rows) {
            const bool count = !rows.empty() && rows.size() <= 18 &&
                               rows.find_first_not_of("0123456789") == std::string::npos;
            return count || rows == "all"
                       ? std::string()
                       : "expected a number of records (0 or more) or all, not \"" + rows + "\"";
          },
          "N|all"));
  command
      ->add_option("--format", options->format,
                   "How to print records: json (one array), jsonl (one object per line) or csv "
                   "(default)")
      ->check(CLI::IsMember({"json", "jsonl", "csv"}));
  command->callback([options, &exit_code] { exit_code = run_inspect(*options); });
}

}  // namespace kpi::cli
