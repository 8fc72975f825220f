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
  run.library = std::make_unique<library::Library>(library::load_library(options.library_path));
  run.compiled = library::compile_library(*run.library);
  check_data_sources(*run.library, options.data);
  for (const std::string& period : options.periods) {
    run.periods.push_back(time::parse_period(period, run.library->calendar,
                                               options.today.value_or(time::system_today())));
  }
  engine::ValuesRequest request;
  request.periods = run.periods;
  request.by = options.by;
  request.data = options.data;
  request.strict = options.strict;
  request.threads = options.threads;
  run.result = engine::compute_values(run.compiled, request);
  return run;
}

void add_data_override(std::map<std::string, std::vector<std::string>>& data,
                       const std::string& assignment) {
  const std::size_t equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0 || equals + 1 == assignment.size()) {
    throw Error({"usage.data",
                 fmt::format("--data \"{}\": expected SOURCE=PATH, e.g. pos=june.csv", assignment),
                 {}});
  }
  data[assignment.substr(0, equals)].push_back(assignment.substr(equals + 1));
}

}  // namespace kpi::app
