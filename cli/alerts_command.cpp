// SPDX-License-Identifier: MIT
#include "alerts_command.hpp"

#include <algorithm>
#include <memory>

#include "binary_output.hpp"
#include "kpi/app/alerts_run.hpp"
#include "kpi/report/alerts_output.hpp"
#include "library_flags.hpp"
#include "output.hpp"

namespace kpi::cli {
namespace {

constexpr int kExitFired = 1;

struct AlertsFlags {
  LibraryFlags library;
  std::string period;
  std::string as_of;
  std::string format = "table";
  std::string output;
};

int run(const AlertsFlags& flags) {
  app::AlertsOptions options;
  options.run = run_settings(flags.library);
  options.period = flags.period;
  if (!flags.as_of.empty()) {
    options.as_of = app::parse_day("--as-of", flags.as_of);
  }
  const app::AlertsRun run = app::run_alerts(options);
  print_status(report::data_quality_lines(run.results.quality));
  print_status(report::unjudged_alert_lines(*run.library, run.results));
  const std::string text =
      render_alerts(*run.library, run.results, run.period, *report::find_format(flags.format));
  write_output(flags.output, text);
  const bool any_fired = std::any_of(run.results.checks.begin(), run.results.checks.end(),
                                     [](const alerts::AlertCheck& check) { return check.fired; });
  return any_fired ? kExitFired : 0;
}

}  // namespace

void setup_alerts(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<AlertsFlags>();
  CLI::App* command = app.add_subcommand(
      "alerts", "Check the library's alerts (预警) for a period; exit 1 when one fired");
  command->footer(
      "Examples:\n"
      "  kpi alerts --period 2025-06\n"
      "  kpi alerts --period 2025-06 --as-of 2025-06-15\n"
      "  kpi alerts --period last-month --format jsonl || echo 'an alert fired'");
  add_library_flags(*command, flags->library);
  command->add_option("--period", flags->period, "The period to check: " + app::period_forms())
      ->type_name("PERIOD")
      ->required()
      ->check(not_empty("a period"));
  command
      ->add_option("--as-of", flags->as_of,
                   "Measure the period up to this day (default: today while it is in "
                   "progress), and the periods it is compared with to the same point")
      ->type_name("DATE")
      ->check(not_empty("a date such as 2025-06-15"));
  command->add_option("--format", flags->format, report::format_names(report::kAlertFormats))
      ->check(CLI::IsMember(report::format_choices(report::kAlertFormats)))
      ->type_name("FORMAT");
  command
      ->add_option("-o,--output", flags->output,
                   "Write to this file, atomically: the whole list or nothing")
      ->type_name("FILE")
      ->check(not_empty("a file name"));
  command->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace kpi::cli
