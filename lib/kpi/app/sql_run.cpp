// SPDX-License-Identifier: MIT
#include "kpi/app/sql_run.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/engine/run_plan.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"
#include "kpi/score/plan_resolution.hpp"

namespace kpi::app {
namespace {

void check_tables(const library::Library& library, const engine::SqlOptions& sql) {
  std::vector<std::string> names;
  for (const library::Source& source : library.sources) {
    names.push_back(source.name);
  }
  for (const auto& [source, table] : sql.tables) {
    if (library.find_source(source) == nullptr) {
      throw Error({"usage.table",
                   fmt::format("--table {}={}: the library has no source \"{}\"{}", source, table,
                               source, did_you_mean(source, names)),
                   {}});
    }
  }
}

}  // namespace

std::string run_sql(const SqlRunOptions& options) {
  const library::Library library = library::load_library(options.run.library_path);
  const library::CompiledLibrary compiled = library::compile_library(library);
  check_tables(library, options.sql);
  const std::int32_t today = options.run.today.value_or(time::system_today());
  engine::ValuesRequest request;
  const auto add = [&](const time::Period& period, const time::Period& whole) {
    if (std::find(request.periods.begin(), request.periods.end(), period) ==
        request.periods.end()) {
      request.periods.push_back(period);
      request.whole_periods.push_back(whole);
    }
  };
  for (const std::string& text : options.periods) {
    const time::Period period = time::parse_period(text, library.calendar, today);
    std::optional<std::int32_t> as_of = options.as_of;
    if (as_of) {
      check_as_of(period, *as_of);
    } else if (period.contains(today) && today < period.last_day) {
      as_of = today;  // a report measures a period in progress to today
    }
    // As values measures it, and as a report does: to --as-of (or to today while the period
    // is in progress), with the cycles around it measured to the same day.
    add(period, period);
    if (as_of && *as_of < period.last_day) {
      add(time::up_to(period, *as_of), period);
    }
    for (const score::Cycle cycle :
         {score::Cycle::Monthly, score::Cycle::Quarterly, score::Cycle::Yearly,
          score::Cycle::HalfMonthly, score::Cycle::HalfYearly}) {
      score::CyclePeriod cycle_period = score::cycle_period(period, cycle, library.calendar);
      if (as_of && cycle_period.measured.last_day > *as_of &&
          cycle_period.measured.first_day <= *as_of) {
        cycle_period.measured = time::up_to(cycle_period.whole, *as_of);
      }
      add(cycle_period.measured, cycle_period.whole);
    }
  }
  request.by = options.by;
  request.scan = options.run.scan;
  request.today = options.as_of.value_or(today);
  request.with_changes = true;
  request.with_whole = true;
  const engine::RunPlan plan = engine::plan_run(compiled, request);
  return engine::measures_sql(plan, options.sql);
}

}  // namespace kpi::app
