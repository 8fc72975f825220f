// SPDX-License-Identifier: MIT
#include "kpi/app/explain_run.hpp"

#include <fmt/format.h>

#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/core/did_you_mean.hpp"
#include "kpi/library/library_loader.hpp"

namespace kpi::app {
namespace {

// The index of the KPI with id or display name `name`; a usage error otherwise.
std::size_t find_kpi(const library::CompiledLibrary& compiled, const std::string& name) {
  std::vector<std::string> ids;
  for (std::size_t k = 0; k < compiled.kpis.size(); ++k) {
    const library::Kpi& kpi = *compiled.kpis[k].definition;
    if (kpi.id == name || kpi.name == name) {
      if (kpi.qualitative) {
        throw Error({"usage.kpi",
                     fmt::format("KPI \"{}\" is qualitative: it is scored by hand from a scores "
                                 "file and has no formula to explain",
                                 name),
                     {}});
      }
      return k;
    }
    ids.push_back(kpi.id);
  }
  throw Error({"usage.kpi",
               fmt::format("no KPI \"{}\" in the library{}", name, did_you_mean(name, ids)),
               {}});
}

}  // namespace

ExplainRun run_explain(const ExplainOptions& options) {
  ExplainRun run;
  run.library = std::make_unique<library::Library>(library::load_library(options.run.library_path));
  run.compiled = library::compile_library(*run.library);
  check_data_sources(*run.library, options.run.scan.data);
  const std::size_t kpi = find_kpi(run.compiled, options.kpi);
  std::string field, value;
  if (!options.by.empty()) {
    const std::size_t equals = options.by.find('=');
    if (equals == std::string::npos || equals == 0 ||
        options.by.find(',') < equals) {  // one field: its value names one group
      throw Error({"usage.by",
                   fmt::format("--by \"{}\": give one breakdown value as FIELD=VALUE, e.g. "
                               "--by store=SH01",
                               options.by),
                   {}});
    }
    field = options.by.substr(0, equals);
    value = options.by.substr(equals + 1);
  }
  const std::int32_t today = options.run.today.value_or(time::system_today());
  engine::ValuesRequest request;
  request.periods = {time::parse_period(options.period, run.library->calendar, today)};
  request.scan = options.run.scan;
  request.today = today;
  run.explanation = engine::explain_kpi(run.compiled, request, kpi, field, value);
  return run;
}

}  // namespace kpi::app
