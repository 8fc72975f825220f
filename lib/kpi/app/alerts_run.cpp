// SPDX-License-Identifier: MIT
#include "kpi/app/alerts_run.hpp"

#include "kpi/core/diagnostic.hpp"
#include "kpi/library/library_loader.hpp"

namespace kpi::app {

AlertsRun run_alerts(const AlertsOptions& options) {
  AlertsRun run;
  run.library = std::make_unique<library::Library>(library::load_library(options.run.library_path));
  run.compiled = library::compile_library(*run.library);
  if (run.library->alerts.empty()) {
    throw Error({"library.no-alerts",
                 "the library has no alerts: add [alerts.ID] with the KPI it watches and a rule "
                 "(below, above, outside, change or normal)",
                 {options.run.library_path}});
  }
  check_data_sources(*run.library, options.run.scan.data);
  const std::int32_t today = options.run.today.value_or(time::system_today());
  const time::Period period = time::parse_period(options.period, run.library->calendar, today);
  std::optional<std::int32_t> as_of = options.as_of;
  if (as_of) {
    check_as_of(period, *as_of);
  } else if (period.contains(today)) {
    as_of = today;  // a period in progress is measured to date, as kpi report measures it
  }
  run.period = as_of ? time::up_to(period, *as_of) : period;
  run.results = alerts::check_alerts(run.compiled, period, options.run.scan, today, as_of);
  return run;
}

}  // namespace kpi::app
