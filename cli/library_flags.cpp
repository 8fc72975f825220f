// SPDX-License-Identifier: MIT
#include "library_flags.hpp"

#include <fmt/format.h>

namespace kpi::cli {

CLI::Validator not_empty(const std::string& what) {
  return CLI::Validator(
      [what](std::string& input) {
        return input.empty()
                   ? fmt::format("the value is empty; give {}, or leave the option out", what)
                   : std::string();
      },
      "");  // nothing in the help: an option's value is never meant to be empty
}

void add_library_flags(CLI::App& command, LibraryFlags& flags, bool computes) {
  command.add_option("library", flags.library, "The KPI library (default: kpi.toml here)")
      ->type_name("LIBRARY");
  command
      .add_option("--data", flags.data,
                  "Read SOURCE from PATH instead of the library's files (repeatable; PATH - "
                  "is standard input)")
      ->type_name("SOURCE=PATH");
  if (!computes) {
    return;
  }
  command
      .add_option("--today", flags.today,
                  "Take this date (2025-06-30) as today for relative periods")
      ->type_name("DATE")
      ->check(not_empty("a date such as 2025-06-30"));
  command.add_flag("--strict", flags.strict,
                   "Stop at the first bad cell or row instead of counting it as missing");
  command
      .add_option("--threads", flags.threads,
                  "Threads that read the files, large ones in ranges, 1 to 256 (default: one "
                  "per core)")
      ->type_name("N")
      ->check(CLI::Range(1, kMaxThreads).description(""));
}

app::RunSettings run_settings(const LibraryFlags& flags) {
  app::RunSettings settings;
  settings.library_path = flags.library;
  for (const std::string& assignment : flags.data) {
    app::add_data_override(settings.scan, assignment);
  }
  if (!flags.today.empty()) {
    settings.today = app::parse_today(flags.today);
  }
  settings.scan.strict = flags.strict;
  settings.scan.threads = flags.threads;
  return settings;
}

}  // namespace kpi::cli
