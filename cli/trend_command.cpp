// SPDX-License-Identifier: MIT
#include "trend_command.hpp"

#include <memory>

#include "binary_output.hpp"
#include "kpi/app/trend_run.hpp"
#include "kpi/report/trend_output.hpp"
#include "lang_flag.hpp"
#include "library_flags.hpp"
#include "output.hpp"

namespace kpi::cli {
namespace {

struct TrendFlags {
  LibraryFlags library;
  std::string from, to, every, by;
  std::string as_of;
  std::string format = "table";
  std::string output;
  bool bom = false;
  std::string lang;
};

int run(const TrendFlags& flags) {
  const report::Format format = *report::find_format(flags.format);
  refuse_binary_on_terminal(format, flags.output);
  app::TrendOptions options;
  options.run = run_settings(flags.library);
  options.from = flags.from;
  options.to = flags.to;
  options.every = flags.every;
  options.by = flags.by;
  if (!flags.as_of.empty()) {
    options.as_of = app::parse_day("--as-of", flags.as_of);
  }
  options.presentation = presentation_request(flags.lang);
  const report::Trend trend = app::run_trend(options);
  print_status(report::data_quality_lines(trend.quality));
  write_output(flags.output, report::render_trend(trend, format, flags.bom));
  return 0;
}

}  // namespace

void setup_trend(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<TrendFlags>();
  CLI::App* command = app.add_subcommand(
      "trend", "Every KPI of the library over a run of periods: one column per period");
  command->footer(
      "Examples:\n"
      "  kpi trend --from 2025-01 --to 2025-12\n"
      "  kpi trend --from 2025-01 --to 2025-12 --every quarter --format csv\n"
      "  kpi trend --from 2025-06 --to 2025-06 --every week --by store\n"
      "  kpi trend --from 2025-01 --to 2025-12 --as-of 2025-06-15 --format xlsx -o trend.xlsx");
  add_library_flags(*command, flags->library);
  command->add_option("--from", flags->from, "The first period: " + app::period_forms())
      ->type_name("PERIOD")
      ->required()
      ->check(not_empty("a period such as 2025-01"));
  command->add_option("--to", flags->to, "The last period, in the same forms")
      ->type_name("PERIOD")
      ->required()
      ->check(not_empty("a period such as 2025-12"));
  command->add_option("--every", flags->every, app::every_help())
      ->type_name("STEP")
      ->check(not_empty("a step such as month"));
  command
      ->add_option("--by", flags->by,
                   "Break every KPI down by this field, or by several: store,channel")
      ->type_name("FIELD[,FIELD]")
      ->check(not_empty("a field name"));
  command
      ->add_option("--as-of", flags->as_of,
                   "Measure up to this day: its period to date, the periods after it without a "
                   "value")
      ->type_name("DATE")
      ->check(not_empty("a date such as 2025-06-15"));
  command->add_option("--format", flags->format, report::format_names(report::kTrendFormats))
      ->check(CLI::IsMember(report::format_choices(report::kTrendFormats)))
      ->type_name("FORMAT");
  command
      ->add_option("-o,--output", flags->output,
                   "Write to this file, atomically: a complete trend or none")
      ->type_name("FILE")
      ->check(not_empty("a file path"));
  command->add_flag("--bom", flags->bom, "Start CSV with a byte-order mark, for Excel on Windows");
  add_lang_flag(*command, flags->lang);
  command->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace kpi::cli
