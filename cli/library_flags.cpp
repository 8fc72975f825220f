// SPDX-License-Identifier: MIT
#include "library_flags.hpp"

#include <fmt/format.h>

#include "kpi/app/values_run.hpp"
#include "kpi/value/date_parser.hpp"

namespace kpi::cli {

void add_library_flags(CLI::App& command, LibraryFlags& flags, bool computes) {
  command.add_option("library", flags.library, "The KPI library (default: kpi.toml here)");
  command.add_option("--data", flags.data,
                     "Read SOURCE from PATH instead of the library's files (repeatable; PATH - "
                     "is standard input)");
  if (!computes) {
    return;
  }
  command.add_option("--today", flags.today,
                     "Take this date (2025-06-30) as today for relative periods");
  command.add_flag("--strict", flags.strict,
                   "Stop at the first bad cell or row instead of counting it as missing");
  command.add_option("--threads", flags.threads,
                     "Threads that read the files, large ones in ranges (default: one per core)");
}

void apply_library_flags(const LibraryFlags& flags, std::string& library_path,
                         std::map<std::string, std::vector<std::string>>& data,
                         std::optional<std::int32_t>& today) {
  library_path = flags.library;
  for (const std::string& assignment : flags.data) {
    app::add_data_override(data, assignment);
  }
  if (!flags.today.empty()) {
    const DateTimeCell date = parse_date_time(flags.today);
    if (date.status != CellStatus::Value || date.has_time) {
      throw Error({"usage.today",
                   fmt::format("--today \"{}\" is not a date such as 2025-06-30", flags.today),
                   {}});
    }
    today = date.days;
  }
}

void report_data_quality(const engine::DataQuality& quality) {
  for (const engine::DataProblem& problem : quality.problems()) {
    fmt::print(stderr, "kpi: warning: source {}: {} {}\n", problem.source, problem.count,
               problem.reason);
    for (const Diagnostic& example : problem.first) {
      fmt::print(stderr, "  {}\n", render(example));
    }
  }
}

}  // namespace kpi::cli
