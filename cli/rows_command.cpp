// SPDX-License-Identifier: MIT
#include "rows_command.hpp"

#include <memory>

#include "binary_output.hpp"
#include "kpi/app/rows_run.hpp"
#include "kpi/report/rows_output.hpp"
#include "library_flags.hpp"
#include "output.hpp"

namespace kpi::cli {
namespace {

struct RowsFlags {
  std::string source;
  LibraryFlags library;
  std::string period;
  std::string format = "csv";
  std::string output;
};

int run(const RowsFlags& flags) {
  app::RowsOptions options;
  options.run = run_settings(flags.library);
  options.source = flags.source;
  options.period = flags.period;
  options.format = *report::find_format(flags.format);
  const app::RowsRun run = app::run_rows(options);
  print_status(report::data_quality_lines(run.quality));
  write_output(flags.output, run.text);
  return 0;
}

}  // namespace

void setup_rows(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<RowsFlags>();
  CLI::App* command = app.add_subcommand(
      "rows", "Write a source's rows typed and normalised, one column per field, for a database");
  command->footer(
      "Examples:\n"
      "  kpi rows pos --period 2025-06 -o pos.csv\n"
      "  kpi rows members kpi.toml --format jsonl");
  command->add_option("source", flags->source, "A source of the library")
      ->type_name("SOURCE")
      ->required()
      ->check(not_empty("a source name"));
  add_library_flags(*command, flags->library);
  command
      ->add_option(
          "--period", flags->period,
          "Only the rows of this period (a source without time gives all): " + app::period_forms())
      ->type_name("PERIOD")
      ->check(not_empty("a period"));
  command->add_option("--format", flags->format, report::format_names(report::kRowsFormats))
      ->check(CLI::IsMember(report::format_choices(report::kRowsFormats)))
      ->type_name("FORMAT");
  command
      ->add_option("-o,--output", flags->output,
                   "Write to this file, atomically: all the rows or nothing")
      ->type_name("FILE")
      ->check(not_empty("a file name"));
  command->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace kpi::cli
