// SPDX-License-Identifier: MIT
#include "kpi/app/trend_run.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <memory>

#include "kpi/engine/kpi_values.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"
#include "kpi/time/period_sequence.hpp"
#include "kpi/value/date_parser.hpp"

namespace kpi::app {
namespace {

time::PeriodKind parse_step(const std::string& every) {
  if (const std::optional<time::PeriodKind> step = time::find_step(every)) {
    return *step;
  }
  throw Error({"usage.every",
               fmt::format("unknown --every \"{}\": give one of {}", every,
                           fmt::join(time::step_names(), ", ")),
               {}});
}

// With --as-of, the index of the period that holds the day, which must be one of them.
std::size_t as_of_column(const std::vector<time::Period>& periods, std::int32_t day) {
  for (std::size_t column = 0; column < periods.size(); ++column) {
    if (periods[column].contains(day)) {
      return column;
    }
  }
  throw Error(
      {"usage.as-of",
       fmt::format("--as-of {} is outside the trend's periods ({} to {}, {} to {}): give "
                   "a day of one of them",
                   format_date(day), periods.front().label, periods.back().label,
                   format_date(periods.front().first_day), format_date(periods.back().last_day)),
       {}});
}

}  // namespace

std::string every_help() {
  return fmt::format(
      "One column per {} (default: the kind of --from, a month for a date range); at most {} "
      "periods",
      fmt::join(time::step_names(), ", "), time::kMaxSequencePeriods);
}

TrendPeriods trend_periods(const std::string& from, const std::string& to, const std::string& every,
                           const time::Calendar& calendar, std::int32_t today) {
  TrendPeriods trend;
  trend.from = time::parse_period(from, calendar, today);
  trend.to = time::parse_period(to, calendar, today);
  trend.step = every.empty() ? time::default_step(trend.from) : parse_step(every);
  trend.periods = time::period_sequence(trend.from, trend.to, trend.step, calendar);
  return trend;
}

report::Trend run_trend(const TrendOptions& options) {
  const library::Library library = library::load_library(options.run.library_path);
  const library::CompiledLibrary compiled = library::compile_library(library);
  check_data_sources(library, options.run.scan.data);
  const std::int32_t today = options.run.today.value_or(time::system_today());
  const TrendPeriods periods =
      trend_periods(options.from, options.to, options.every, library.calendar, today);
  report::Trend trend;
  trend.periods = periods.periods;
  trend.from = trend.periods.front().label;
  trend.to = trend.periods.back().label;
  trend.every = std::string(time::step_name(periods.step));
  engine::ValuesRequest request;
  request.periods = trend.periods;
  request.today = today;
  if (options.as_of) {
    // The period of the day measured to it; the ones after it are not computed: no value.
    const std::size_t column = as_of_column(trend.periods, *options.as_of);
    trend.as_of = format_date(*options.as_of);
    request.periods.resize(column + 1);
    request.whole_periods = request.periods;
    trend.periods[column] = time::up_to(trend.periods[column], *options.as_of);
    request.periods[column] = trend.periods[column];
    request.today = *options.as_of;
  }
  request.by = options.by;
  request.scan = options.run.scan;
  engine::ValuesResult result = engine::compute_values(compiled, request);
  trend.presentation = choose_presentation(library, options.presentation, result.quality.inputs());
  trend.lines = report::trend_lines(library, result, trend.periods.size());
  trend.quality = std::move(result.quality);
  return trend;
}

}  // namespace kpi::app
