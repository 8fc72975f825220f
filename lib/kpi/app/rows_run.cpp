// SPDX-License-Identifier: MIT
#include "kpi/app/rows_run.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <optional>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/core/did_you_mean.hpp"
#include "kpi/engine/mapped_rows.hpp"
#include "kpi/engine/source_files.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"
#include "kpi/report/rows_output.hpp"

namespace kpi::app {
namespace {

const library::Source& find_source(const library::Library& library, const std::string& name) {
  std::vector<std::string> names;
  for (const library::Source& source : library.sources) {
    if (source.name == name) {
      return source;
    }
    names.push_back(source.name);
  }
  throw Error({"usage.source",
               fmt::format("no source \"{}\"{}; the library's sources: {}", name,
                           did_you_mean(name, names), fmt::join(names, ", ")),
               {}});
}

}  // namespace

RowsRun run_rows(const RowsOptions& options) {
  const library::Library library = library::load_library(options.run.library_path);
  // Compiled for its checks: a lookup into a source that does not exist is a library error.
  library::compile_library(library);
  check_data_sources(library, options.run.scan.data);
  const library::Source& source = find_source(library, options.source);
  std::optional<time::Period> period;
  if (!options.period.empty()) {
    period = time::parse_period(options.period, library.calendar,
                                options.run.today.value_or(time::system_today()));
  }
  const engine::FilesOf files_of = [&](const library::Source& of) {
    const auto overrides = options.run.scan.data.find(of.name);
    return engine::source_files(
        of, library.path.parent_path(),
        overrides == options.run.scan.data.end() ? std::vector<std::string>{} : overrides->second);
  };
  const report::RowsWriter writer(report::rows_columns(library, source), options.format);
  RowsRun run;
  run.text = writer.header();
  engine::read_mapped_rows(
      library, source, files_of, options.run.scan.strict, period, run.quality,
      [&](std::span<const expr::Value> row, std::int32_t, const engine::RowPlace&) {
        writer.append(row, run.text);
        return true;
      });
  return run;
}

}  // namespace kpi::app
