// SPDX-License-Identifier: MIT
#include "kpi/app/values_run.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kpi/app/kpi_lookup.hpp"
#include "kpi/core/diagnostic.hpp"
#include "kpi/library/library_loader.hpp"

namespace kpi::app {

ValuesRun run_values(const ValuesOptions& options) {
  ValuesRun run;
  run.library = std::make_unique<library::Library>(library::load_library(options.run.library_path));
  run.compiled = library::compile_library(*run.library);
  check_data_sources(*run.library, options.run.scan.data);
  std::vector<time::Period> wholes;  // with --as-of, the periods before they are cut
  for (const std::string& period : options.periods) {
    run.periods.push_back(time::parse_period(period, run.library->calendar,
                                             options.run.today.value_or(time::system_today())));
    if (options.as_of) {
      wholes.push_back(run.periods.back());
      check_as_of(run.periods.back(), *options.as_of);
      run.periods.back() = time::up_to(run.periods.back(), *options.as_of);
    }
  }
  engine::ValuesRequest request;
  for (const std::string& name : options.kpis) {
    const std::size_t kpi = find_kpi(run.compiled, name);
    if (run.compiled.kpis[kpi].definition->qualitative) {
      throw Error({"usage.kpi",
                   fmt::format("--kpi {}: KPI \"{}\" is qualitative, scored by hand from a "
                               "scores file: kpi report gives it, kpi values has no value for it",
                               name, run.compiled.kpis[kpi].definition->id),
                   {}});
    }
    if (std::find(request.kpis.begin(), request.kpis.end(), kpi) == request.kpis.end()) {
      request.kpis.push_back(kpi);
    }
  }
  request.periods = run.periods;
  request.whole_periods = wholes;
  request.by = options.by;
  request.scan = options.run.scan;
  request.measure_table = options.measure_table;
  request.emit_measures = options.emit_measures;
  request.today = options.as_of ? *options.as_of : options.run.today.value_or(time::system_today());
  run.result = engine::compute_values(run.compiled, request);
  run.presentation =
      choose_presentation(*run.library, options.presentation, run.result.quality.inputs());
  return run;
}

}  // namespace kpi::app
