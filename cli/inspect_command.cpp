// SPDX-License-Identifier: MIT
#include "inspect_command.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "kpi/app/inspect.hpp"
#include "kpi/report/inspect_output.hpp"
#include "output.hpp"
#include "reader_options.hpp"

namespace kpi::cli {
namespace {

struct InspectOptions {
  std::string file;
  ReaderFlags reader;
  std::string rows;
  std::string format;
};

std::optional<std::uint64_t> parse_row_limit(const std::string& rows) {
  if (rows.empty() || rows == "all") {
    return std::nullopt;
  }
  return std::stoull(rows);
}

report::Format parse_format(const std::string& format) {
  return format.empty() ? report::Format::Csv : *report::find_format(format);
}

int run_inspect(const InspectOptions& options) {
  const csv::ReaderOptions reader_options = to_reader_options(options.reader);
  if (options.rows.empty() && options.format.empty()) {
    write_stdout(report::render_file_profile(app::inspect_file(options.file, reader_options)));
    return 0;
  }
  const app::RecordsWritten written =
      app::write_records(options.file, reader_options, parse_format(options.format),
                         parse_row_limit(options.rows), write_stdout);
  if (const std::string note = report::encoding_note(written.dialect); !note.empty()) {
    print_warning(fmt::format("{}: {}", options.file == "-" ? "<stdin>" : options.file, note));
  }
  print_status(report::skipped_lines(written.skipped));
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
      ->type_name("FILE")
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
          ""))
      ->type_name("N|all");
  command
      ->add_option("--format", options->format,
                   "How to print records: json (one array), jsonl (one object per line) or csv "
                   "(default)")
      ->check(CLI::IsMember(report::format_choices(report::kRecordFormats)))
      ->type_name("FORMAT");
  command->callback([options, &exit_code] { exit_code = run_inspect(*options); });
}

}  // namespace kpi::cli
