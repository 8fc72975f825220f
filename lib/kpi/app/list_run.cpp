// SPDX-License-Identifier: MIT
#include "kpi/app/list_run.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/core/did_you_mean.hpp"
#include "kpi/library/breakdown.hpp"
#include "kpi/library/library_loader.hpp"

namespace kpi::app {
namespace {

bool is_per_entity(const library::CompiledMeasure& measure) {
  return measure.per.has_value() && measure.having.has_value();
}

// The index of the per-entity measure `name`; a usage error otherwise, naming the measures
// that would do.
std::size_t find_per_entity_measure(const library::CompiledLibrary& compiled,
                                    const std::string& name) {
  std::vector<std::string> all, per_entity;
  std::optional<std::size_t> found;
  for (std::size_t m = 0; m < compiled.measures.size(); ++m) {
    const std::string& measure = compiled.measures[m].definition->name;
    all.push_back(measure);
    if (is_per_entity(compiled.measures[m])) {
      per_entity.push_back(measure);
    }
    if (measure == name) {
      found = m;
    }
  }
  const std::string choices = per_entity.empty()
                                  ? std::string("the library has none")
                                  : fmt::format("the library's: {}", fmt::join(per_entity, ", "));
  if (!found) {
    throw Error({"usage.measure",
                 fmt::format("no measure \"{}\"{}; kpi list takes a per-entity measure ({})", name,
                             did_you_mean(name, all), choices),
                 {}});
  }
  if (!is_per_entity(compiled.measures[*found])) {
    throw Error({"usage.measure",
                 fmt::format("measure \"{}\" is not per entity (it has no `per` and `having`), "
                             "so it has no keys to list; kpi list takes a per-entity measure ({})",
                             name, choices),
                 {}});
  }
  return *found;
}

// Every field of --by must be one the measure's source maps: a breakdown the source lacks
// would otherwise list the keys of the whole.
void check_by(const library::Library& library, const library::CompiledMeasure& measure,
              const std::string& by) {
  const library::Source& source = library.sources[measure.source];
  std::vector<std::string> fields;
  for (const library::Field& field : source.fields) {
    fields.push_back(field.name);
  }
  for (const std::string& field : library::breakdown_fields(by)) {
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      throw Error(
          {"usage.by",
           fmt::format("cannot list \"{}\" by \"{}\": its source \"{}\" has no field of "
                       "that name{}",
                       measure.definition->name, field, source.name, did_you_mean(field, fields)),
           {}});
    }
  }
}

}  // namespace

ListRun run_list(const ListOptions& options) {
  ListRun run;
  run.library = std::make_unique<library::Library>(library::load_library(options.run.library_path));
  run.compiled = library::compile_library(*run.library);
  check_data_sources(*run.library, options.run.scan.data);
  const std::size_t measure = find_per_entity_measure(run.compiled, options.measure);
  check_by(*run.library, run.compiled.measures[measure], options.by);
  const std::int32_t today = options.run.today.value_or(time::system_today());
  run.period = time::parse_period(options.period, run.library->calendar, today);
  engine::ValuesRequest request;
  request.periods = {run.period};
  request.by = options.by;
  request.scan = options.run.scan;
  request.today = today;
  run.list = engine::list_entities(run.compiled, request, measure);
  return run;
}

}  // namespace kpi::app
