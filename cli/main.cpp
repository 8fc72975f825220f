// SPDX-License-Identifier: MIT
// kpi: options in, exit code out. The work happens in lib/kpi; this file only wires the
// subcommands and turns errors into messages and exit codes (see README, "Exit codes").
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

#include "alerts_command.hpp"
#include "check_command.hpp"
#include "command_line.hpp"
#include "explain_command.hpp"
#include "init_command.hpp"
#include "inspect_command.hpp"
#include "kpi/core/diagnostic.hpp"
#include "list_command.hpp"
#include "output.hpp"
#include "report_command.hpp"
#include "rows_command.hpp"
#include "sql_command.hpp"
#include "trend_command.hpp"
#include "values_command.hpp"

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitLibrary = 3;
constexpr int kExitData = 4;

int exit_code_for(const kpi::Diagnostic& diagnostic) {
  switch (kpi::kind_of(diagnostic)) {
    case kpi::ErrorKind::Usage:
      return kExitUsage;
    case kpi::ErrorKind::Library:
      return kExitLibrary;
    case kpi::ErrorKind::Data:
      return kExitData;
  }
  return kExitData;
}

}  // namespace

int main(int argc, char** argv) {
  kpi::cli::guard_standard_output();
  static char output_buffer[1 << 16];
  std::setvbuf(stdout, output_buffer, _IOFBF, sizeof output_buffer);
  CLI::App app{"kpicalc: KPI achievement tables from CSV exports", "kpi"};
  app.footer(
      "Exit codes: 0 done; 1 done, and a threshold was breached (--fail-under); 2 usage error;\n"
      "3 library, plan or scores error; 4 data error (missing or unreadable export, missing\n"
      "column, a bad row under --strict).");
  app.require_subcommand(1);
  // -q anywhere on the line (before or after the command) turns warnings off.
  app.fallthrough();
  app.add_flag_callback(
      "-q,--quiet", [] { kpi::cli::set_quiet(true); },
      "Print no warnings or notes, only errors (the exit code still says what happened)");
  app.failure_message([](const CLI::App*, const CLI::Error& error) {
    return fmt::format("kpi: error: {}\nRun with --help for more information.\n", error.what());
  });
  app.set_version_flag("--version", std::string("kpi ") + KPI_VERSION +
                                        (std::string_view(KPI_COMMIT).empty()
                                             ? std::string()
                                             : std::string(" (commit ") + KPI_COMMIT + ")"));
  int exit_code = 0;
  kpi::cli::setup_inspect(app, exit_code);
  kpi::cli::setup_check(app, exit_code);
  kpi::cli::setup_values(app, exit_code);
  kpi::cli::setup_report(app, exit_code);
  kpi::cli::setup_trend(app, exit_code);
  kpi::cli::setup_alerts(app, exit_code);
  kpi::cli::setup_list(app, exit_code);
  kpi::cli::setup_explain(app, exit_code);
  kpi::cli::setup_rows(app, exit_code);
  kpi::cli::setup_sql(app, exit_code);
  kpi::cli::setup_init(app, exit_code);
  if (const std::optional<int> answered = kpi::cli::answer_before_parsing(app, argc, argv)) {
    return *answered;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : kExitUsage;
  } catch (const kpi::Error& error) {
    std::fflush(stdout);
    kpi::cli::print_error(error.diagnostic());
    return exit_code_for(error.diagnostic());
  }
  try {
    kpi::cli::flush_stdout();
  } catch (const kpi::Error& error) {
    kpi::cli::print_error(error.diagnostic());
    return kExitData;
  }
  return exit_code;
}
