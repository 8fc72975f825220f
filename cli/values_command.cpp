// SPDX-License-Identifier: MIT
#include "values_command.hpp"

#include <memory>

#include "binary_output.hpp"
#include "kpi/app/values_run.hpp"
#include "kpi/report/measure_table_output.hpp"
#include "kpi/report/values_output.hpp"
#include "lang_flag.hpp"
#include "library_flags.hpp"
#include "output.hpp"

namespace kpi::cli {
namespace {

struct ValuesFlags {
  LibraryFlags library;
  std::vector<std::string> periods;
  std::vector<std::string> kpis;
  std::string by;
  std::string format = "table";
  std::string as_of;
  std::string output;
  std::string lang;
  bool bom = false;
  std::string measures;
  bool emit_measures = false;
};

int run(const ValuesFlags& flags) {
  const report::Format format = *report::find_format(flags.format);
  refuse_binary_on_terminal(format, flags.output);
  app::ValuesOptions options;
  options.run = run_settings(flags.library);
  options.periods = flags.periods;
  options.kpis = flags.kpis;
  options.by = flags.by;
  if (!flags.as_of.empty()) {
    options.as_of = app::parse_day("--as-of", flags.as_of);
  }
  options.presentation = presentation_request(flags.lang);
  options.measure_table = flags.measures;
  options.emit_measures = flags.emit_measures;
  const app::ValuesRun run = app::run_values(options);
  print_status(report::data_quality_lines(run.result.quality));
  if (flags.emit_measures) {
    write_output(flags.output, report::render_measure_table(run.result.measure_table));
    return 0;
  }
  write_output(flags.output, render_values(*run.library, run.result, run.periods, format,
                                           run.presentation, flags.bom));
  return 0;
}

}  // namespace

void setup_values(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ValuesFlags>();
  CLI::App* command = app.add_subcommand(
      "values", "Compute every KPI of the library for a period: the raw numbers, no targets");
  command->footer(
      "Examples:\n"
      "  kpi values --period 2025-06\n"
      "  kpi values --period 2025-06 --period 2024-01-01..2025-12-31 --format csv\n"
      "  kpi values kpi.toml --period last-month --by store --format csv\n"
      "  kpi values --period 2025-Q2 --data pos=exports/pos_q2.csv --format json\n"
      "  kpi values --period 2025-06 --kpi sales --kpi repeat_rate\n"
      "  kpi values --period 2025-01 --period 2025-02 --format xlsx -o values.xlsx");
  add_library_flags(*command, flags->library);
  command
      ->add_option("--period", flags->periods,
                   "Repeatable, all computed in the same pass: " + app::period_forms())
      ->type_name("PERIOD")
      ->required();
  command
      ->add_option("--kpi", flags->kpis,
                   "Compute only this KPI, by id or display name (repeatable); only the sources "
                   "it reads are read")
      ->type_name("KPI")
      ->check(not_empty("a KPI's id or name"));
  command
      ->add_option("--by", flags->by,
                   "Break every KPI down by this field, or by several: store,channel")
      ->type_name("FIELD[,FIELD]")
      ->check(not_empty("a field name"));
  command
      ->add_option("--as-of", flags->as_of,
                   "Measure each period up to this day (2025-06 to 2025-06-15); days_elapsed() "
                   "counts to it")
      ->type_name("DATE")
      ->check(not_empty("a date such as 2025-06-15"));
  command->add_option("--format", flags->format, report::format_names(report::kValuesFormats))
      ->check(CLI::IsMember(report::format_choices(report::kValuesFormats)))
      ->type_name("FORMAT");
  command
      ->add_option("-o,--output", flags->output,
                   "Write to this file, atomically: complete values or none")
      ->type_name("FILE")
      ->check(not_empty("a file path"));
  add_lang_flag(*command, flags->lang);
  command->add_flag("--bom", flags->bom, "Start CSV with a byte-order mark, for Excel on Windows");
  CLI::Option* measures =
      command
          ->add_option(
              "--measures", flags->measures,
              "Read the measures from this measures table (- for standard input), computed "
              "by a SQL engine from `kpi sql`, instead of the exports")
          ->type_name("FILE")
          ->check(not_empty("a file path, or - for standard input"));
  command
      ->add_flag("--emit-measures", flags->emit_measures,
                 "Write the run's measures table (CSV) instead of the KPIs' values")
      ->excludes(measures);
  command->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace kpi::cli
