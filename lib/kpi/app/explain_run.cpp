// SPDX-License-Identifier: MIT
#include "kpi/app/explain_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <span>
#include <vector>

#include "kpi/app/kpi_lookup.hpp"
#include "kpi/app/plan_source.hpp"
#include "kpi/core/diagnostic.hpp"
#include "kpi/core/did_you_mean.hpp"
#include "kpi/library/library_loader.hpp"
#include "kpi/score/plan_resolution.hpp"
#include "kpi/time/written_period.hpp"

namespace kpi::app {
namespace {

// The index of the KPI with id or display name `name`; a usage error otherwise, and for a
// qualitative KPI, which has no formula to explain.
std::size_t find_explained_kpi(const library::CompiledLibrary& compiled, const std::string& name) {
  const std::size_t k = find_kpi(compiled, name);
  if (compiled.kpis[k].definition->qualitative) {
    throw Error({"usage.kpi",
                 fmt::format("KPI \"{}\" is qualitative: it is scored by hand from a scores "
                             "file and has no formula to explain",
                             name),
                 {}});
  }
  return k;
}

// The rows of the plan that score KPI `kpi` over `period` itself (a row of another cycle is
// measured over another period: explain that one), for the whole or the breakdown `value`.
void explain_plan_rows(ExplainRun& run, std::size_t kpi, const time::Period& period,
                       const std::string& value) {
  const library::Kpi& definition = *run.compiled.kpis[kpi].definition;
  for (const score::PlanRow& row : run.plan->rows) {
    const bool entity =
        value.empty() ? row.entity.empty() : row.entity == value || row.entity == "each";
    const bool applies = !row.period || time::same_days(*row.period, period);
    const bool cycle = time::same_days(
        score::cycle_period(period, row.cycle, run.library->calendar).whole, period);
    if (row.kpi != definition.id || !entity || !applies || !cycle) {
      continue;
    }
    // As kpi report scores it (its default rule and lower-is-better achievement).
    run.plan_rows.push_back(
        {&row, score::score_steps(run.explanation.value, row, definition.direction, {})});
  }
}

}  // namespace

ExplainRun run_explain(const ExplainOptions& options) {
  ExplainRun run;
  run.library = std::make_unique<library::Library>(library::load_library(options.run.library_path));
  run.compiled = library::compile_library(*run.library);
  check_data_sources(*run.library, options.run.scan.data);
  const std::size_t kpi = find_explained_kpi(run.compiled, options.kpi);
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
  if (options.rows) {
    // The rows are read in a second pass over the exports, which standard input cannot give.
    for (const auto& [source, paths] : options.run.scan.data) {
      if (std::find(paths.begin(), paths.end(), "-") != paths.end()) {
        throw Error({"usage.rows",
                     fmt::format("--rows reads the exports a second time, and --data {}=- "
                                 "(standard input) can be read once: save it to a file and "
                                 "give --data {}=FILE",
                                 source, source),
                     {}});
      }
    }
    run.rows.emplace().limit = *options.rows;
    engine::RowsBehind rows;
    rows.limit = *options.rows;
    // One writer of each form per source, made when its first row comes.
    std::vector<std::optional<report::ExplainedRowsWriter>> writers(run.library->sources.size());
    rows.on_row = [&](std::size_t m, const engine::ExplainedMeasure& explained,
                      std::span<const expr::Value> row, const engine::RowPlace& place) {
      const std::size_t source = run.compiled.measures[explained.measure].source;
      if (!writers[source]) {
        writers[source].emplace(*run.library, run.library->sources[source]);
      }
      if (run.rows->measures.size() <= m) {
        run.rows->measures.resize(m + 1);
      }
      writers[source]->append(row, place, run.rows->measures[m]);
    };
    run.explanation = engine::explain_kpi(run.compiled, request, kpi, field, value, &rows);
    run.rows->measures.resize(run.explanation.measures.size());
  } else {
    run.explanation = engine::explain_kpi(run.compiled, request, kpi, field, value);
  }
  if (options.with_plan) {
    run.plan = find_plan(*run.library, options.run.library_path, options.plan_path);
    if (!run.plan) {
      throw Error({"plan.invalid",
                   "no KPI plan: give --plan plan.csv, put plan.csv beside the library, or add "
                   "a [plan] to it",
                   {options.run.library_path}});
    }
    explain_plan_rows(run, kpi, request.periods.front(), value);
  }
  return run;
}

std::size_t parse_rows(std::string_view text) {
  std::size_t rows = 0;
  const bool digits =
      !text.empty() && text.size() <= 7 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) {
    for (const char c : text) {
      rows = rows * 10 + static_cast<std::size_t>(c - '0');
    }
  }
  if (!digits || rows > kMaxExplainedRows) {
    throw Error({"usage.rows",
                 fmt::format("--rows \"{}\" is not a number of rows: give a whole number from 0 "
                             "to {}, such as --rows 10",
                             text, kMaxExplainedRows),
                 {}});
  }
  return rows;
}

}  // namespace kpi::app
