// SPDX-License-Identifier: MIT
#include "output.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace kpi::cli {

void write_stdout(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

void print_error(const Diagnostic& diagnostic) {
  fmt::print(stderr, "kpi: error: {}\n", render(diagnostic));
}

void print_warning(const Diagnostic& diagnostic) {
  fmt::print(stderr, "kpi: warning: {}\n", render(diagnostic));
}

void report_skipped(const csv::SkippedRecords& skipped) {
  for (const Diagnostic& example : skipped.first) {
    print_warning(example);
  }
  if (skipped.count > skipped.first.size()) {
    fmt::print(stderr, "kpi: warning: … and {} more with the wrong number of fields\n",
               skipped.count - skipped.first.size());
  }
  if (skipped.count > 0) {
    fmt::print(stderr, "kpi: note: skipped {} record{}; --strict makes the first an error\n",
               skipped.count, skipped.count == 1 ? "" : "s");
  }
}

}  // namespace kpi::cli
