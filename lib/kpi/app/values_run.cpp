// SPDX-License-Identifier: MIT
#include "kpi/app/values_run.hpp"

#include <fmt/format.h>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/library/library_loader.hpp"

namespace kpi::app {
namespace {

// --data names must be sources of the library; a typo would otherwise read the default files.
void check_data_sources(const library::Library& library,
                        const std::map<std::string, std::vector<std::string>>& data) {
  std::vector<std::string> names;
  for (const library::Source& source : library.sources) {
    names.push_back(source.name);
  }
  for (const auto& [name, files] : data) {
    if (library.find_source(name) == nullptr) {
      throw Error({"usage.data",
                   fmt::format("--data {}=…: the library has no source \"{}\"{}", name, name,
                               did_you_mean(name, names)),
                   {}});
    }
  }
}

}  // namespace

ValuesRun run_values(const ValuesOptions& options) {
  ValuesRun run;
  run.library = std::make_unique<library::Library>(library::load_library(options.run.library_path));
  run.compiled = library::compile_library(*run.library);
  check_data_sources(*run.library, options.run.scan.data);
  run.presentation = choose_presentation(*run.library, options.presentation);
  for (const std::string& period : options.periods) {
    run.periods.push_back(time::parse_period(period, run.library->calendar,
                                             options.run.today.value_or(time::system_today())));
  }
  engine::ValuesRequest request;
  request.periods = run.periods;
  request.by = options.by;
  request.scan = options.run.scan;
  run.result = engine::compute_values(run.compiled, request);
  return run;
}

}  // namespace kpi::app
