// SPDX-License-Identifier: MIT
#include "kpi/alerts/alert_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "kpi/engine/kpi_values.hpp"

namespace kpi::alerts {
namespace {

using library::Alert;

// The values of one run, by (period, KPI, breakdown value).
using ValueIndex =
    std::map<std::tuple<std::size_t, std::size_t, std::string>, const engine::KpiValue*>;

void judge_bounds(const Alert& alert, AlertCheck& check) {
  check.low = alert.below;
  check.high = alert.above;
  check.fired =
      (alert.below && *check.value < *alert.below) || (alert.above && *check.value > *alert.above);
}

// `then`: the KPI in the period compared with (the previous one, or the same one last year).
void judge_change(const Alert& alert, std::optional<long double> then, AlertCheck& check) {
  const bool previous = alert.change_from == Alert::ChangeFrom::Previous;
  const std::string_view when = previous ? "the previous period" : "the same period last year";
  if (!then) {
    check.unjudged = fmt::format("no value in {}", when);
    return;
  }
  if (*then == 0) {
    check.unjudged = fmt::format("the value in {} is 0: no change to measure", when);
    return;
  }
  check.change = (*check.value - *then) / std::fabs(*then);
  check.low = -alert.change_beyond;
  check.high = alert.change_beyond;
  check.fired = std::fabs(*check.change) > alert.change_beyond;
}

// `then` measured to the same point as `to_date`, `period` measured to a day (see
// time::to_same_point).
time::Period to_same_point(const time::Period& then, const time::Period& period,
                           const time::Period& to_date) {
  return time::to_same_point(then, period, to_date.last_day);
}

// The index of `period` in `periods`, added at the end when it is not there yet.
std::size_t index_of(std::vector<time::Period>& periods, const time::Period& period) {
  const auto found = std::find(periods.begin(), periods.end(), period);
  if (found != periods.end()) {
    return static_cast<std::size_t>(found - periods.begin());
  }
  periods.push_back(period);
  return periods.size() - 1;
}

// The mean ± sigma × σ of the KPI in the `normal_periods` periods before this one (periods
// 1, 2, … of the run), those with a value; the sample standard deviation (n − 1).
void judge_normal(const Alert& alert, const ValueIndex& values, const engine::KpiValue& row,
                  AlertCheck& check) {
  std::vector<long double> past;
  for (int back = 1; back <= alert.normal_periods; ++back) {
    const auto found = values.find({static_cast<std::size_t>(back), row.kpi, row.by_value});
    if (found != values.end() && found->second->value) {
      past.push_back(*found->second->value);
    }
  }
  check.history = static_cast<int>(past.size());
  if (check.history < alert.min_periods) {
    check.unjudged =
        fmt::format("{} of the {} past periods {} a value; {} are needed", check.history,
                    alert.normal_periods, check.history == 1 ? "has" : "have", alert.min_periods);
    return;
  }
  long double sum = 0;
  for (long double value : past) {
    sum += value;
  }
  const long double mean = sum / static_cast<long double>(past.size());
  long double squares = 0;
  for (long double value : past) {
    squares += (value - mean) * (value - mean);
  }
  const long double sigma = std::sqrt(squares / static_cast<long double>(past.size() - 1));
  check.mean = mean;
  check.sigma = sigma;
  check.low = mean - alert.sigma * sigma;
  check.high = mean + alert.sigma * sigma;
  check.fired = *check.value < *check.low || *check.value > *check.high;
}

}  // namespace

AlertResults check_alerts(const library::CompiledLibrary& library, const time::Period& period,
                          const engine::ScanSettings& scan, std::int32_t today,
                          std::optional<std::int32_t> as_of) {
  const library::Library& definitions = *library.library;
  // One pass over the exports per breakdown the alerts ask for ("" keeps each KPI's own).
  std::vector<std::string> breakdowns;
  for (const Alert& alert : definitions.alerts) {
    if (std::find(breakdowns.begin(), breakdowns.end(), alert.by) == breakdowns.end()) {
      breakdowns.push_back(alert.by);
    }
  }
  std::vector<std::vector<AlertCheck>> per_alert(definitions.alerts.size());
  AlertResults results;
  bool first_run = true;
  for (const std::string& by : breakdowns) {
    engine::ValuesRequest request;
    request.by = by;
    request.scan = scan;
    request.today = as_of.value_or(today);
    // Measured to --as-of (a day before the period's last): so is every period compared with.
    const bool to_date = as_of && *as_of < period.last_day;
    const time::Period measured = to_date ? time::up_to(period, *as_of) : period;
    int history = 0;
    for (const Alert& alert : definitions.alerts) {
      if (alert.by != by) {
        continue;
      }
      const auto kpi = static_cast<std::size_t>(library::find_alert_kpi(definitions, alert) -
                                                definitions.kpis.data());
      if (std::find(request.kpis.begin(), request.kpis.end(), kpi) == request.kpis.end()) {
        request.kpis.push_back(kpi);
      }
      request.with_changes = request.with_changes || alert.rule == Alert::Rule::Change;
      if (alert.rule == Alert::Rule::Normal) {
        history = std::max(history, alert.normal_periods);
      }
    }
    // The period first, then the ones before it, one step at a time.
    request.periods.push_back(measured);
    std::vector<time::Period> wholes{period};
    for (int back = 1; back <= history; ++back) {
      wholes.push_back(time::previous_period(wholes.back(), definitions.calendar));
      request.periods.push_back(to_date ? to_same_point(wholes.back(), period, measured)
                                        : wholes.back());
    }
    // To date, the periods a change is measured against are read as periods of their own,
    // measured to the same point, beside the history of a normal range.
    std::size_t previous = 0, last_year = 0;
    if (to_date && request.with_changes) {
      request.with_changes = false;
      for (const auto& [then, index] :
           {std::pair(time::previous_period(period, definitions.calendar), &previous),
            std::pair(time::same_period_last_year(period, definitions.calendar), &last_year)}) {
        *index = index_of(request.periods, to_same_point(then, period, measured));
        if (*index == wholes.size()) {
          wholes.push_back(then);
        }
      }
    }
    if (to_date) {
      request.whole_periods = wholes;  // for days_in_period()
    }
    const engine::ValuesResult result = engine::compute_values(library, request);
    if (first_run) {
      results.quality = result.quality;
      first_run = false;
    } else {
      results.quality.add_unlisted_sources(result.quality);
    }
    ValueIndex values;
    for (const engine::KpiValue& row : result.rows) {
      values.emplace(std::tuple(row.period, row.kpi, row.by_value), &row);
    }
    for (std::size_t a = 0; a < definitions.alerts.size(); ++a) {
      const Alert& alert = definitions.alerts[a];
      if (alert.by != by) {
        continue;
      }
      const auto kpi = static_cast<std::size_t>(library::find_alert_kpi(definitions, alert) -
                                                definitions.kpis.data());
      for (const engine::KpiValue& row : result.rows) {
        if (row.period != 0 || row.kpi != kpi) {
          continue;
        }
        AlertCheck check;
        check.alert = &alert;
        check.kpi = kpi;
        check.by_field = row.by_field;
        check.by_values = row.by_values;
        check.value = row.value;
        if (!row.value) {
          check.unjudged = "no value";
        } else if (alert.rule == Alert::Rule::Bounds) {
          judge_bounds(alert, check);
        } else if (alert.rule == Alert::Rule::Change) {
          const bool from_previous = alert.change_from == Alert::ChangeFrom::Previous;
          std::optional<long double> then = from_previous ? row.previous : row.last_year;
          if (to_date) {
            const auto found =
                values.find({from_previous ? previous : last_year, row.kpi, row.by_value});
            then = found == values.end() ? std::nullopt : found->second->value;
          }
          judge_change(alert, then, check);
        } else {
          judge_normal(alert, values, row, check);
        }
        per_alert[a].push_back(std::move(check));
      }
    }
  }
  for (std::vector<AlertCheck>& checks : per_alert) {
    std::move(checks.begin(), checks.end(), std::back_inserter(results.checks));
  }
  return results;
}

}  // namespace kpi::alerts
