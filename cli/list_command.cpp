// SPDX-License-Identifier: MIT
#include "list_command.hpp"

#include <memory>

#include "binary_output.hpp"
#include "kpi/app/list_run.hpp"
#include "kpi/report/list_output.hpp"
#include "library_flags.hpp"
#include "output.hpp"

namespace kpi::cli {
namespace {

struct ListFlags {
  std::string measure;
  LibraryFlags library;
  std::string period;
  std::string by;
  std::string format = "table";
  std::string output;
};

int run(const ListFlags& flags) {
  app::ListOptions options;
  options.run = run_settings(flags.library);
  options.measure = flags.measure;
  options.period = flags.period;
  options.by = flags.by;
  const app::ListRun run = app::run_list(options);
  print_status(report::data_quality_lines(run.list.quality));
  const std::string text =
      report::render_entity_list(run.compiled, run.list, *report::find_format(flags.format));
  write_output(flags.output, text);
  return 0;
}

}  // namespace

void setup_list(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ListFlags>();
  CLI::App* command = app.add_subcommand(
      "list",
      "List the keys behind a per-entity measure for a period: lost, new, repeat customers");
  command->footer(
      "Examples:\n"
      "  kpi list lost_buyers --period 2025-06\n"
      "  kpi list repeat_members kpi.toml --period 2025-06 --by store --format csv -o calls.csv");
  command->add_option("measure", flags->measure, "A measure with `per` and `having`")
      ->type_name("MEASURE")
      ->required()
      ->check(not_empty("a measure name"));
  add_library_flags(*command, flags->library);
  command->add_option("--period", flags->period, "The period to list: " + app::period_forms())
      ->type_name("PERIOD")
      ->required()
      ->check(not_empty("a period"));
  command
      ->add_option("--by", flags->by,
                   "Judge and list the keys within each value of this field, or of several: "
                   "store,channel")
      ->type_name("FIELD[,FIELD]")
      ->check(not_empty("a field name"));
  command->add_option("--format", flags->format, report::format_names(report::kListFormats))
      ->check(CLI::IsMember(report::format_choices(report::kListFormats)))
      ->type_name("FORMAT");
  command
      ->add_option("-o,--output", flags->output,
                   "Write to this file, atomically: the whole list or nothing")
      ->type_name("FILE")
      ->check(not_empty("a file name"));
  command->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace kpi::cli
