// SPDX-License-Identifier: MIT
#include "kpi/report/status_lines.hpp"

#include <fmt/format.h>

namespace kpi::report {

std::vector<StatusLine> skipped_lines(const csv::SkippedRecords& skipped) {
  std::vector<StatusLine> lines;
  for (const Diagnostic& example : skipped.first) {
    lines.push_back({StatusLine::Kind::Warning, render(example)});
  }
  if (skipped.count > skipped.first.size()) {
    lines.push_back(
        {StatusLine::Kind::Warning, fmt::format("… and {} more with the wrong number of fields",
                                                skipped.count - skipped.first.size())});
  }
  if (skipped.count > 0) {
    lines.push_back({StatusLine::Kind::Note,
                     fmt::format("skipped {} record{}; --strict makes the first an error",
                                 skipped.count, skipped.count == 1 ? "" : "s")});
  }
  return lines;
}

std::vector<StatusLine> data_quality_lines(const engine::DataQuality& quality) {
  std::vector<StatusLine> lines;
  for (const engine::DataProblem& problem : quality.problems()) {
    lines.push_back({StatusLine::Kind::Warning, fmt::format("source {}: {} {}", problem.source,
                                                            problem.count, problem.reason)});
    for (const Diagnostic& example : problem.first) {
      lines.push_back({StatusLine::Kind::Detail, render(example)});
    }
  }
  return lines;
}

}  // namespace kpi::report
