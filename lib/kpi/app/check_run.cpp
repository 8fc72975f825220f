// SPDX-License-Identifier: MIT
#include "kpi/app/check_run.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kpi/app/plan_source.hpp"
#include "kpi/csv/reader.hpp"
#include "kpi/engine/source_scanner.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"

namespace kpi::app {
namespace {

// Each mapped field without a column in `file`, as a located diagnostic.
void check_columns(const library::Source& source, const std::string& file,
                   std::vector<Diagnostic>& problems) {
  const auto reader = csv::Reader::open(file, engine::reader_options(source, false));
  const std::vector<std::string>& header = reader->header().names;
  for (const library::Field& field : source.fields) {
    if (field.lookup) {
      continue;  // taken from a master table, not from a column
    }
    if (!engine::column_of(field, header)) {
      problems.push_back(engine::missing_column(source, field, reader->file(), header));
    }
  }
}

}  // namespace

CheckReport check_library(const CheckOptions& options) {
  const std::string& library_path = options.run.library_path;
  const auto& data = options.run.scan.data;
  const library::Library library = library::load_library(library_path);
  const library::CompiledLibrary compiled = library::compile_library(library);
  CheckReport report;
  for (const library::Source& source : library.sources) {
    const auto overrides = data.find(source.name);
    std::vector<std::string> files;
    try {
      files = engine::source_files(
          source, library.path.parent_path(),
          overrides == data.end() ? std::vector<std::string>{} : overrides->second);
      for (const std::string& file : files) {
        check_columns(source, file, report.data_problems);
      }
    } catch (const Error& error) {
      if (kind_of(error.diagnostic()) != ErrorKind::Data) {
        throw;
      }
      report.data_problems.push_back(error.diagnostic());
    }
    report.summary.push_back(fmt::format(
        "source {}: {} file{}, {} field{}", source.name, files.size(), files.size() == 1 ? "" : "s",
        source.fields.size(), source.fields.size() == 1 ? "" : "s"));
  }
  const auto count = [](std::size_t n, std::string_view noun) {
    return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
  };
  if (const auto plan = find_plan(library, library_path, options.plan_path)) {
    report.summary.push_back(fmt::format("plan: {}", count(plan->rows.size(), "row")));
    report.warnings = plan->warnings;
  }
  const auto scores = find_scores(library, library_path, options.scores_path);
  if (!scores.empty()) {
    report.summary.push_back(fmt::format("scores: {}", count(scores.size(), "row")));
  }
  report.summary.push_back(
      fmt::format("{}: {}, {}, {}", library_path, count(library.sources.size(), "source"),
                  count(compiled.measures.size(), "measure"), count(compiled.kpis.size(), "KPI")));
  return report;
}

}  // namespace kpi::app
