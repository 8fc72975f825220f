// SPDX-License-Identifier: MIT
#include "check_command.hpp"

#include <memory>

#include "kpi/app/check_run.hpp"
#include "library_flags.hpp"
#include "output.hpp"

namespace kpi::cli {
namespace {

constexpr int kExitData = 4;

int run(const LibraryFlags& flags) {
  std::string library_path;
  std::map<std::string, std::vector<std::string>> data;
  std::optional<std::int32_t> today;
  apply_library_flags(flags, library_path, data, today);
  const app::CheckReport report = app::check_library(library_path, data);
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
  auto flags = std::make_shared<LibraryFlags>();
  CLI::App* command = app.add_subcommand(
      "check", "Check the library (names, types, cycles) and that every export has its columns");
  command->footer(
      "Examples:\n"
      "  kpi check\n"
      "  kpi check clinic/kpi.toml --data pos=new_export.csv");
  add_library_flags(*command, *flags, false);
  command->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace kpi::cli
