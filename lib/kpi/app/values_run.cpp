// SPDX-License-Identifier: MIT
#include "kpi/app/values_run.hpp"

#include <fmt/format.h>

#include "kpi/library/library_loader.hpp"
#include "kpi/value/date_parser.hpp"

namespace kpi::app {
namespace {

// `period` up to and with `day`, which must fall in it: "2025-06 to 2025-06-15".
time::Period up_to(const time::Period& period, std::int32_t day) {
  if (!period.contains(day)) {
    throw Error({"usage.as-of",
                 fmt::format("--as-of {} is outside {} ({} to {}): give a day of the period",
                             format_date(day), period.label, format_date(period.first_day),
                             format_date(period.last_day)),
                 {}});
  }
  if (day == period.last_day) {
    return period;
  }
  time::Period to_date = time::range_period(period.first_day, day);
  to_date.label = fmt::format("{} to {}", period.label, format_date(day));
  return to_date;
}

}  // namespace

ValuesRun run_values(const ValuesOptions& options) {
  ValuesRun run;
  run.library = std::make_unique<library::Library>(library::load_library(options.run.library_path));
  run.compiled = library::compile_library(*run.library);
  check_data_sources(*run.library, options.run.scan.data);
  run.presentation = choose_presentation(*run.library, options.presentation);
  std::vector<time::Period> wholes;  // with --as-of, the periods before they are cut
  for (const std::string& period : options.periods) {
    run.periods.push_back(time::parse_period(period, run.library->calendar,
                                             options.run.today.value_or(time::system_today())));
    if (options.as_of) {
      wholes.push_back(run.periods.back());
      run.periods.back() = up_to(run.periods.back(), *options.as_of);
    }
  }
  engine::ValuesRequest request;
  request.periods = run.periods;
  request.whole_periods = wholes;
  request.by = options.by;
  request.scan = options.run.scan;
  request.today = options.as_of ? *options.as_of : options.run.today.value_or(time::system_today());
  run.result = engine::compute_values(run.compiled, request);
  return run;
}

}  // namespace kpi::app
