// SPDX-License-Identifier: MIT
#include "explain_command.hpp"

#include <memory>

#include "kpi/app/explain_run.hpp"
#include "kpi/report/explain_output.hpp"
#include "library_flags.hpp"
#include "output.hpp"

namespace kpi::cli {
namespace {

struct ExplainFlags {
  std::string kpi;
  LibraryFlags library;
  std::string period;
  std::string by;
  std::string plan;
  std::string rows;
  std::string format = "table";
};

int run(const ExplainFlags& flags) {
  app::ExplainOptions options;
  options.run = run_settings(flags.library);
  options.kpi = flags.kpi;
  options.period = flags.period;
  options.by = flags.by;
  options.with_plan = !flags.plan.empty();
  options.plan_path = flags.plan;
  if (!flags.rows.empty()) {
    options.rows = app::parse_rows(flags.rows);
  }
  const app::ExplainRun run = app::run_explain(options);
  print_status(report::data_quality_lines(run.explanation.quality));
  write_stdout(report::render_explanation(
      run.compiled, run.explanation, *report::find_format(flags.format),
      run.plan ? &run.plan_rows : nullptr, run.rows ? &*run.rows : nullptr));
  return 0;
}

}  // namespace

void setup_explain(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ExplainFlags>();
  CLI::App* command = app.add_subcommand(
      "explain", "Show where a KPI's value comes from: terms, files, columns, filter, rows, keys");
  command->footer(
      "Examples:\n"
      "  kpi explain repeat_rate --period 2025-06\n"
      "  kpi explain sales kpi.toml --period 2025-06 --by store=SH01 --format json\n"
      "  kpi explain sales --period 2025-06 --plan plan.csv\n"
      "  kpi explain repeat_rate --period 2025-06 --by store=SH --rows 20");
  command->add_option("kpi", flags->kpi, "The KPI's id or display name")
      ->type_name("KPI")
      ->required()
      ->check(not_empty("a KPI"));
  add_library_flags(*command, flags->library);
  command->add_option("--period", flags->period, "The period: " + app::period_forms())
      ->type_name("PERIOD")
      ->required()
      ->check(not_empty("a period"));
  command->add_option("--by", flags->by, "One breakdown value: store=SH01")
      ->type_name("FIELD=VALUE")
      ->check(not_empty("a field and value"));
  command
      ->add_option("--plan", flags->plan,
                   "Also explain the plan rows that score the KPI: target, rule and the "
                   "score step by step")
      ->type_name("FILE")
      ->check(not_empty("a plan file"));
  command
      ->add_option("--rows", flags->rows,
                   "Also show the first N rows behind each measure (after its filter), with "
                   "their file and line")
      ->type_name("N")
      ->check(not_empty("a number of rows"));
  command->add_option("--format", flags->format, report::format_names(report::kExplainFormats))
      ->check(CLI::IsMember(report::format_choices(report::kExplainFormats)))
      ->type_name("FORMAT");
  command->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace kpi::cli
