// SPDX-License-Identifier: MIT
#include "check_command.hpp"

#include <memory>

#include "kpi/app/check_run.hpp"
#include "library_flags.hpp"
#include "output.hpp"

namespace kpi::cli {
namespace {

constexpr int kExitData = 4;

struct CheckFlags {
  LibraryFlags library;
  std::string plan;
  std::string scores;
};

int run(const CheckFlags& flags) {
  app::CheckOptions options;
  options.run = run_settings(flags.library);
  options.plan_path = flags.plan;
  options.scores_path = flags.scores;
  const app::CheckReport report = app::check_library(options);
  for (const Diagnostic& problem : report.data_problems) {
    print_error(problem);
  }
  for (const Diagnostic& warning : report.warnings) {
    print_warning(warning);
  }
  std::string text;
  for (const std::string& line : report.summary) {
    text += line + "\n";
  }
  write_stdout(text);
  return report.data_problems.empty() ? 0 : kExitData;
}

}  // namespace

void setup_check(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* command = app.add_subcommand(
      "check", "Check the library (names, types, cycles) and that every export has its columns");
  command->footer(
      "Examples:\n"
      "  kpi check\n"
      "  kpi check clinic/kpi.toml --data pos=new_export.csv\n"
      "  kpi check --plan plan-2026.csv --scores scores-2026-06.csv");
  add_library_flags(*command, flags->library, false);
  command
      ->add_option("--plan", flags->plan,
                   "Check this KPI plan table (default: plan.csv beside the library)")
      ->type_name("FILE")
      ->check(not_empty("the plan's path"));
  command
      ->add_option("--scores", flags->scores,
                   "Check these scores of qualitative KPIs (default: scores.csv beside the "
                   "library, if any)")
      ->type_name("FILE")
      ->check(not_empty("the scores file's path"));
  command->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace kpi::cli
