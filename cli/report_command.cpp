// SPDX-License-Identifier: MIT
#include "report_command.hpp"

#include <fmt/format.h>

#include <map>
#include <memory>

#include "binary_output.hpp"
#include "kpi/app/report_run.hpp"
#include "kpi/app/trend_run.hpp"
#include "kpi/core/diagnostic.hpp"
#include "kpi/report/escape.hpp"
#include "kpi/report/measure_table_output.hpp"
#include "kpi/report/number_format.hpp"
#include "kpi/report/report_output.hpp"
#include "lang_flag.hpp"
#include "library_flags.hpp"
#include "output.hpp"
#include "terminal.hpp"

namespace kpi::cli {
namespace {

constexpr int kExitBreached = 1;

// The spellings of --missing and --lower-is-better, each once.
const std::map<std::string, score::MissingValues> kMissingValues = {
    {"renormalise", score::MissingValues::Renormalise}, {"zero", score::MissingValues::ScoreZero}};
const std::map<std::string, score::InverseAchievement> kLowerIsBetter = {
    {"target-over-actual", score::InverseAchievement::TargetOverActual},
    {"two-minus-ratio", score::InverseAchievement::TwoMinusRatio}};

template <typename Value>
std::vector<std::string> choices(const std::map<std::string, Value>& spellings) {
  std::vector<std::string> names;
  for (const auto& [name, value] : spellings) {
    names.push_back(name);
  }
  return names;
}

struct ReportFlags {
  LibraryFlags library;
  std::string measures;
  bool emit_measures = false;
  std::string plan;
  std::string scores;
  std::string pay;
  std::string period;
  std::string from, to, every;  // a score history instead of --period
  std::string by;
  std::string format = "table";
  std::string output;
  bool bom = false;
  std::string fail_under;  // checked by score_threshold: a plain number
  CLI::Option* fail_under_option = nullptr;
  std::string missing = "renormalise";
  std::string lower_is_better = "target-over-actual";
  bool allow_empty = false;
  std::string as_of;
  std::string lang;
  std::string color = "auto";
};

// Scorecards below the threshold, or without a score, as "name (score)".
std::vector<std::string> below(const report::Report& report, double threshold) {
  std::vector<std::string> breached;
  for (const report::Scorecard& scorecard : report.scorecards) {
    if (!scorecard.total.total || *scorecard.total.total < threshold) {
      breached.push_back(fmt::format("{}{}{} ({})", scorecard.name,
                                     scorecard.entity.empty() ? "" : " · ", scorecard.entity,
                                     scorecard.total.total ? format_fixed(*scorecard.total.total, 1)
                                                           : std::string("no score")));
    }
  }
  return breached;
}

// --fail-under takes a plain decimal (60, 85.5): "nan", "inf", "1e309", "0x64" or "" would
// otherwise be read as a threshold that never fires, or as a number nobody wrote.
CLI::Validator score_threshold() {
  return CLI::Validator(
      [](std::string& input) {
        std::size_t at = input.starts_with('-') || input.starts_with('+') ? 1 : 0;
        const std::size_t digits = input.find_first_not_of("0123456789", at);
        bool plain = at < input.size() && digits != at;
        if (plain && digits != std::string::npos) {
          plain = input[digits] == '.' && digits + 1 < input.size() &&
                  input.find_first_not_of("0123456789", digits + 1) == std::string::npos;
        }
        return plain
                   ? std::string()
                   : fmt::format("\"{}\" is not a score; give a number such as 60 or 85.5", input);
      },
      "");
}

[[noreturn]] void usage_error(std::string message) {
  throw Error({"usage.period", std::move(message), {}});
}

// --period, or --from and --to (a score history): one of them, whole.
void check_periods(const ReportFlags& flags) {
  const bool history = !flags.from.empty() || !flags.to.empty();
  if (history && !flags.period.empty()) {
    usage_error("give --period for one period, or --from and --to for a history, not both");
  }
  if (!history && flags.period.empty()) {
    usage_error("give --period (one period) or --from and --to (a score history)");
  }
  if (history && (flags.from.empty() || flags.to.empty())) {
    usage_error(fmt::format("a score history needs both --from and --to (given: {})",
                            flags.from.empty() ? "--to" : "--from"));
  }
  if (!history && !flags.every.empty()) {
    usage_error("--every steps from --from to --to: give them with it");
  }
  if (history && flags.fail_under_option->count() > 0) {
    usage_error("--fail-under judges one period: give it with --period, not with --from and --to");
  }
}

int run_history(const ReportFlags& flags, const report::Format format, app::ReportOptions options) {
  if (format == report::Format::Png) {  // said before any work
    usage_error(
        "--format png draws one period's card; for a score history (--from, --to) use "
        "--format html or xlsx");
  }
  options.from = flags.from;
  options.to = flags.to;
  options.every = flags.every;
  const report::ScoreHistory history = app::run_report_history(options);
  print_status(report::data_quality_lines(history.quality));
  for (const std::string& warning : history.warnings) {
    print_warning(warning);
  }
  write_output(flags.output, render_history(history, format, flags.bom));
  return 0;
}

int run(const ReportFlags& flags) {
  const report::Format format = *report::find_format(flags.format);
  refuse_binary_on_terminal(format, flags.output);
  check_periods(flags);
  std::optional<double> fail_under;
  if (flags.fail_under_option->count() > 0) {
    fail_under = std::stod(flags.fail_under);
  }
  app::ReportOptions options;
  options.run = run_settings(flags.library);
  options.plan_path = flags.plan;
  options.scores_path = flags.scores;
  options.pay_path = flags.pay;
  options.period = flags.period;
  options.by = flags.by;
  options.missing = kMissingValues.at(flags.missing);
  options.inverse = kLowerIsBetter.at(flags.lower_is_better);
  options.allow_empty = flags.allow_empty;
  options.measure_table = flags.measures;
  options.emit_measures = flags.emit_measures;
  if (!flags.as_of.empty()) {
    options.as_of = app::parse_day("--as-of", flags.as_of);
  }
  options.presentation = presentation_request(flags.lang);
  if (!flags.from.empty()) {
    return run_history(flags, format, options);
  }
  const report::Report report = app::run_report(options);
  print_status(report::data_quality_lines(report.quality));
  for (const std::string& warning : report.warnings) {
    print_warning(warning);
  }
  if (flags.emit_measures) {
    write_output(flags.output, report::render_measure_table(report.measure_table));
    return 0;
  }
  write_output(flags.output,
               render_report(report, format, flags.bom, terminal_style(flags.color, flags.output)));
  if (fail_under && report.scorecards.empty()) {
    fmt::print(stderr, "kpi: below --fail-under {}: no scorecard to score for {}\n", *fail_under,
               report.period);
    return kExitBreached;
  }
  if (fail_under) {
    const std::vector<std::string> breached = below(report, *fail_under);
    for (const std::string& scorecard : breached) {
      fmt::print(stderr, "kpi: below --fail-under {}: {}\n", *fail_under,
                 escape_controls(scorecard));
    }
    return breached.empty() ? 0 : kExitBreached;
  }
  return 0;
}

}  // namespace

void setup_report(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ReportFlags>();
  CLI::App* command = app.add_subcommand(
      "report", "Score every scorecard of the plan: actual, target, achievement, weight, score");
  command->footer(
      "Examples:\n"
      "  kpi report --period 2025-06\n"
      "  kpi report kpi.toml --plan plan.csv --period last-month --format csv -o report.csv\n"
      "  kpi report --period 2025-06 --by store --fail-under 60 || echo 'a scorecard is below 60'\n"
      "  kpi report --period 2025-06 --lang zh --format xlsx -o report.xlsx\n"
      "  kpi report --from 2025-01 --to 2025-12 --format html -o history.html\n"
      "\n"
      "Exit codes: 0 done; 1 done, and a scorecard is below --fail-under; 2 usage error;\n"
      "3 library, plan or scores error; 4 data error.");
  add_library_flags(*command, flags->library);
  command
      ->add_option("--plan", flags->plan,
                   "The KPI plan table (default: plan.csv beside the library)")
      ->type_name("FILE")
      ->check(not_empty("the plan's path"));
  command
      ->add_option("--scores", flags->scores,
                   "Scores of qualitative KPIs (default: scores.csv beside the library, if any)")
      ->type_name("FILE")
      ->check(not_empty("the scores file's path"));
  command
      ->add_option("--pay", flags->pay,
                   "Each person's base bonus (奖金基数): the report adds base × the grade's "
                   "coefficient (needs [grades] in the library)")
      ->type_name("FILE")
      ->check(not_empty("the pay file's path"));
  command->add_option("--period", flags->period, "The period to report, as for `kpi values`")
      ->type_name("PERIOD")
      ->check(not_empty("a period such as 2025-06"));
  command
      ->add_option("--from", flags->from,
                   "Instead of --period, a score history from this period to --to, one column "
                   "per period, all in one pass")
      ->type_name("PERIOD")
      ->check(not_empty("a period such as 2025-01"));
  command->add_option("--to", flags->to, "The last period of the score history")
      ->type_name("PERIOD")
      ->check(not_empty("a period such as 2025-12"));
  command->add_option("--every", flags->every, app::every_help())
      ->type_name("STEP")
      ->check(not_empty("a step such as month"));
  command
      ->add_option(
          "--by", flags->by,
          "Break KPIs down by this field (or store,adviser), for plan rows with an entity (对象: "
          "SH01, or SH01 / 王丽)")
      ->type_name("FIELD[,FIELD]")
      ->check(not_empty("a field name"));
  command->add_option("--format", flags->format, report::format_names(report::kReportFormats))
      ->check(CLI::IsMember(report::format_choices(report::kReportFormats)))
      ->type_name("FORMAT");
  command
      ->add_option("-o,--output", flags->output,
                   "Write to this file, atomically: a complete report or none")
      ->type_name("FILE")
      ->check(not_empty("a file path"));
  add_lang_flag(*command, flags->lang);
  add_color_flag(*command, flags->color);
  command->add_flag("--bom", flags->bom, "Start CSV with a byte-order mark, for Excel on Windows");
  command
      ->add_option("--as-of", flags->as_of,
                   "Measure the period up to this day and show the pace against time: target to "
                   "date, pace, projection (default: today, while the period is in progress)")
      ->type_name("DATE")
      ->check(not_empty("a date such as 2025-06-15"));
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
                 "Write the report's measures table (CSV) instead of the report")
      ->excludes(measures);
  command->add_flag("--allow-empty", flags->allow_empty,
                    "Report a period in which a source has no rows (otherwise an error, exit 4: "
                    "its export has likely not arrived)");
  flags->fail_under_option =
      command
          ->add_option("--fail-under", flags->fail_under,
                       "Exit with 1 when a scorecard scores below this (or has no score)")
          ->check(score_threshold())
          ->type_name("SCORE");
  command
      ->add_option("--missing", flags->missing,
                   "KPIs without a value: renormalise (default: leave out, scale the other "
                   "weights) or zero (score 0)")
      ->check(CLI::IsMember(choices(kMissingValues)))
      ->type_name("MODE");
  command
      ->add_option("--lower-is-better", flags->lower_is_better,
                   "Achievement of lower-is-better KPIs: target-over-actual (default) or "
                   "two-minus-ratio (2 − actual ÷ target)")
      ->check(CLI::IsMember(choices(kLowerIsBetter)))
      ->type_name("RULE");
  command->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace kpi::cli
