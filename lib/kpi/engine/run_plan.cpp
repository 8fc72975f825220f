// SPDX-License-Identifier: MIT
#include "kpi/engine/run_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <thread>
#include <tuple>
#include <utility>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/library/breakdown.hpp"

namespace kpi::engine {
namespace {

using library::CompiledLibrary;
using library::Source;

// Every field of breakdown `name` must be one some source maps.
void check_breakdown(const std::vector<std::string>& fields,
                     const std::vector<std::string>& known) {
  if (fields.empty()) {
    throw Error({"usage.by", "--by names no field: give one or several, --by store,channel", {}});
  }
  for (const std::string& field : fields) {
    if (std::find(known.begin(), known.end(), field) == known.end()) {
      throw Error({"usage.by",
                   fmt::format("cannot break down by \"{}\": no source maps a field of that "
                               "name{}",
                               field, did_you_mean(field, known)),
                   {}});
    }
  }
}

// The breakdowns that break KPIs down, each once, in the order KPIs name them; then the parents
// that their all(x, "store") read, where each value of the breakdown has one.
void plan_breakdowns(RunPlan& plan) {
  const CompiledLibrary& library = *plan.library;
  std::vector<std::string> all_fields;
  for (const Source& source : library.library->sources) {
    for (const auto& field : source.fields) {
      all_fields.push_back(field.name);
    }
  }
  const auto add = [&](std::vector<std::string> fields) {
    const std::string name = library::breakdown_name(fields);
    if (!plan.breakdown_index(name)) {
      plan.by_fields.push_back(name);
      plan.by_parts.push_back(std::move(fields));
    }
  };
  for (std::size_t k = 0; k < library.kpis.size(); ++k) {
    const std::string& by = plan.by_field_of(k);
    if (plan.asked[k] && !by.empty()) {
      std::vector<std::string> fields = library::breakdown_fields(by);
      check_breakdown(fields, all_fields);
      add(std::move(fields));
    }
  }
  if (!plan.request.measures.empty() && !plan.request.by.empty()) {
    std::vector<std::string> fields = library::breakdown_fields(plan.request.by);
    check_breakdown(fields, all_fields);
    add(std::move(fields));
  }
  // Parents: the KPIs a broken-down KPI reads, to any depth, are evaluated for its values too.
  for (std::size_t k = 0; k < library.kpis.size(); ++k) {
    const std::optional<std::size_t> b = plan.breakdown_index(plan.by_field_of(k));
    if (!plan.asked[k] || !b) {
      continue;
    }
    std::set<std::size_t> seen{k};
    std::vector<std::size_t> stack{k};
    while (!stack.empty()) {
      const std::size_t next = stack.back();
      stack.pop_back();
      for (const expr::Reference& reference : library.kpis[next].formula.references()) {
        if (reference.name.kind == expr::FormulaName::Kind::Kpi &&
            seen.insert(reference.name.index).second) {
          stack.push_back(reference.name.index);
        }
        std::vector<std::string> parent = library::breakdown_fields(reference.within);
        const auto& fields = plan.by_parts[*b];
        if (!parent.empty() && std::all_of(parent.begin(), parent.end(), [&](const auto& field) {
              return std::find(fields.begin(), fields.end(), field) != fields.end();
            })) {
          add(std::move(parent));
        }
      }
    }
  }
}

// Notes that measure `m` is read in the period `shifts` lead to from base period `base`, and
// for a `having` that reads lost, in the periods before it too.
void add_measure_reads(RunPlan& plan, std::size_t base, std::size_t m,
                       std::vector<expr::Shift> shifts,
                       std::set<std::pair<std::size_t, std::size_t>>& reads) {
  reads.emplace(m, plan.windows.index_of(base, shifts));
  if (const auto& measure = plan.library->measures[m]; measure.reads_previous_keys) {
    shifts.push_back(expr::Shift::Previous);  // lost keys are found in the periods before
    if (measure.lost_periods > 1) {
      shifts.push_back(expr::Shift{expr::Shift::Kind::Rolling, measure.lost_periods});
    }
    reads.emplace(m, plan.windows.index_of(base, shifts));
  }
}

// The (base period, KPI, shifts) add_periods has walked: a KPI that several others read is
// walked once for each chain of shifts (D07: KPIs each reading the next twice were walked 2^n
// times).
using PeriodsWalked = std::set<std::tuple<std::size_t, std::size_t, std::vector<expr::Shift>>>;

// Adds every period KPI `kpi` reads from base period `base`, through the KPIs it references;
// `prefix` are the shifts that led to it. Depth first, in the order of the references (the
// order gives the periods their indices), on a stack of its own rather than the call stack: a
// chain of 10 000 KPIs is 10 000 deep.
void add_periods(RunPlan& plan, std::size_t base, std::size_t kpi,
                 const std::vector<expr::Shift>& prefix, PeriodsWalked& walked,
                 std::set<std::pair<std::size_t, std::size_t>>& reads) {
  const CompiledLibrary& library = *plan.library;
  struct Frame {
    std::vector<expr::Shift> prefix;
    std::vector<expr::Reference> references;
    std::size_t next = 0;
  };
  std::vector<Frame> stack;
  const auto enter = [&](std::size_t of, std::vector<expr::Shift> shifts) {
    if (walked.emplace(base, of, shifts).second) {
      stack.push_back({std::move(shifts), library.kpis[of].formula.references(), 0});
    }
  };
  enter(kpi, prefix);
  while (!stack.empty()) {
    Frame& frame = stack.back();
    if (frame.next == frame.references.size()) {
      stack.pop_back();
      continue;
    }
    const expr::Reference reference = frame.references[frame.next++];
    std::vector<expr::Shift> shifts = frame.prefix;
    shifts.insert(shifts.end(), reference.shifts.begin(), reference.shifts.end());
    if (reference.name.kind == expr::FormulaName::Kind::Kpi) {
      plan.windows.index_of(base, shifts);  // the period gets its index in reference order
      enter(reference.name.index, std::move(shifts));  // `frame` may move: not used after
      continue;
    }
    add_measure_reads(plan, base, reference.name.index, std::move(shifts), reads);
  }
}

// Which periods each measure is read in, (measure, window), into plan.reads.
void plan_periods(RunPlan& plan, std::set<std::pair<std::size_t, std::size_t>>& reads) {
  PeriodsWalked walked;
  for (std::size_t base = 0; base < plan.windows.base_count(); ++base) {
    for (std::size_t kpi = 0; kpi < plan.library->kpis.size(); ++kpi) {
      if (!plan.computes(base, kpi)) {
        continue;
      }
      add_periods(plan, base, kpi, {}, walked, reads);
      if (plan.request.with_changes) {
        add_periods(plan, base, kpi, {expr::Shift::Previous}, walked, reads);
        add_periods(plan, base, kpi, {expr::Shift::LastYear}, walked, reads);
      }
    }
    for (const std::size_t m : plan.request.measures) {
      add_measure_reads(plan, base, m, {}, reads);
    }
  }
}

// The fields a source's rows must convert: what its measures read, its time, and the
// breakdown fields it has (whose slots it records).
void plan_fields(const RunPlan& plan, const Source& source, SourcePlan& source_plan) {
  std::vector<bool>& needed = source_plan.needed_fields;
  needed.assign(source.fields.size(), false);
  const auto need = [&](const std::optional<expr::RowExpression>& expression) {
    if (expression) {
      for (std::size_t slot = 0; slot < needed.size(); ++slot) {
        needed[slot] = needed[slot] || expression->fields_used()[slot];
      }
    }
  };
  for (std::size_t m : source_plan.measures) {
    const library::CompiledMeasure& measure = plan.library->measures[m];
    need(measure.of);
    need(measure.filter);
    need(measure.per);
    for (const library::KeyAggregate& input : measure.key_aggregates) {
      need(input.of);
    }
  }
  if (const auto* time = source.find_field(source.time_field)) {
    needed[static_cast<std::size_t>(time - source.fields.data())] = true;
  }
  for (const std::vector<std::string>& fields : plan.by_parts) {
    std::vector<std::size_t>& slots = source_plan.by_slots.emplace_back();
    for (const std::string& field : fields) {
      const auto* found = source.find_field(field);
      if (found == nullptr) {
        slots.clear();  // without one of the fields, the source's measures are taken whole
        break;
      }
      slots.push_back(static_cast<std::size_t>(found - source.fields.data()));
    }
    for (std::size_t slot : slots) {
      needed[slot] = true;
    }
  }
}

std::vector<MeasureInputs> plan_inputs(const RunPlan& plan, const SourcePlan& source_plan) {
  std::vector<MeasureInputs> inputs;
  for (std::size_t m : source_plan.measures) {
    const library::CompiledMeasure& measure = plan.library->measures[m];
    MeasureInputs& input = inputs.emplace_back();
    input.measure = &measure;
    input.of_slot = measure.of ? measure.of->field_slot() : std::nullopt;
    input.per_slot = measure.per ? measure.per->field_slot() : std::nullopt;
    input.interns_value = measure.definition->aggregate == library::Aggregate::CountDistinct &&
                          measure.per && !measure.counts_keys;
    // A distinct count of a per-entity measure's keys reads that measure's table instead.
    input.keys_value = keeps_value_keys(measure) && !plan.measures.shared_keys[m];
    if (measure.filter && !measure.filter_reads_period) {
      for (std::size_t j = 0; j + 1 < inputs.size(); ++j) {
        const library::CompiledMeasure& earlier = *inputs[j].measure;
        if (earlier.filter && !earlier.filter_reads_period &&
            earlier.filter->same_as(*measure.filter)) {
          input.same_filter_as = inputs[j].same_filter_as.value_or(j);
          break;
        }
      }
    }
  }
  return inputs;
}

void plan_sources(RunPlan& plan) {
  const CompiledLibrary& library = *plan.library;
  const auto& sources = library.library->sources;
  plan.sources.resize(sources.size());
  plan.measure_position.resize(library.measures.size());
  // A source is read when some measure of it is wanted somewhere.
  std::vector<bool> read(sources.size(), false);
  for (std::size_t m = 0; m < library.measures.size(); ++m) {
    const auto& wanted = plan.measures.wanted[m];
    if (std::find(wanted.begin(), wanted.end(), true) != wanted.end()) {
      read[library.measures[m].source] = true;
    }
  }
  for (std::size_t m = 0; m < library.measures.size(); ++m) {
    if (!read[library.measures[m].source]) {
      continue;
    }
    SourcePlan& source_plan = plan.sources[library.measures[m].source];
    plan.measure_position[m] = source_plan.measures.size();
    source_plan.measures.push_back(m);
  }
  for (std::size_t s = 0; s < sources.size(); ++s) {
    SourcePlan& source_plan = plan.sources[s];
    source_plan.source = s;
    if (source_plan.measures.empty()) {
      continue;
    }
    plan_fields(plan, sources[s], source_plan);
    source_plan.steps =
        plan_row_steps(library, source_plan.measures, plan.measures, plan.by_fields.size() + 1);
    source_plan.inputs = plan_inputs(plan, source_plan);
    for (std::size_t m : source_plan.measures) {
      source_plan.reads.insert(source_plan.reads.end(), plan.reads[m].begin(), plan.reads[m].end());
    }
    source_plan.tracks_first_seen =
        std::any_of(source_plan.measures.begin(), source_plan.measures.end(),
                    [&](std::size_t m) { return library.measures[m].tracks_first_seen; });
    source_plan.count_passing = plan.request.count_passing;
    source_plan.period_filtered =
        std::any_of(source_plan.measures.begin(), source_plan.measures.end(),
                    [&](std::size_t m) { return library.measures[m].filter_reads_period; });
  }
}

// The measures asked on their own are wanted whole, or by the request's breakdown (and whole
// when their source lacks one of its fields, as for a KPI).
void want_measures_asked(RunPlan& plan) {
  const std::optional<std::size_t> by = plan.breakdown_index(plan.request.by);
  for (const std::size_t m : plan.request.measures) {
    const Source& source = plan.library->library->sources[plan.library->measures[m].source];
    const bool has_fields =
        by && std::all_of(plan.by_parts[*by].begin(), plan.by_parts[*by].end(),
                          [&](const std::string& field) { return source.find_field(field); });
    plan.measures.wanted[m][has_fields ? *by + 1 : 0] = true;
  }
}

}  // namespace

GroupState SourcePlan::new_group(const library::CompiledLibrary& library,
                                 std::size_t windows) const {
  GroupState group;
  group.rows.assign(windows, 0);
  for (std::size_t m : measures) {
    for (std::size_t w = 0; w < windows; ++w) {
      group.accumulators.emplace_back(library.measures[m].definition->aggregate);
    }
  }
  // Key tables and first days only where a measure keeps them: a group is made for every
  // breakdown value, and `--by member` has a million (D11).
  const bool keeps_keys = std::any_of(measures.begin(), measures.end(), [&](std::size_t m) {
    return library.measures[m].per.has_value() || keeps_value_keys(library.measures[m]);
  });
  if (keeps_keys) {
    group.keys.resize(group.accumulators.size());
  }
  if (tracks_first_seen) {
    group.first_days.resize(measures.size());
  }
  if (count_passing) {
    group.passing.assign(group.accumulators.size(), 0);
  }
  return group;
}

const std::string& RunPlan::by_field_of(std::size_t kpi) const {
  return request.by.empty() ? library->kpis[kpi].definition->by : request.by;
}

std::optional<std::size_t> RunPlan::breakdown_index(std::string_view name) const {
  const auto found = std::find(by_fields.begin(), by_fields.end(), name);
  return found == by_fields.end()
             ? std::nullopt
             : std::optional(static_cast<std::size_t>(found - by_fields.begin()));
}

std::optional<std::size_t> RunPlan::parent_of(std::size_t b, std::string_view within) const {
  return parent_breakdown(by_parts, b, within);
}

RunPlan plan_run(const library::CompiledLibrary& library, const ValuesRequest& request) {
  RunPlan plan{&library,
               request,
               {},
               {},
               Windows(request.periods, library.library->calendar, request.whole_periods),
               {},
               {},
               {},
               {},
               1,
               {},
               {}};
  plan.asked.assign(library.kpis.size(), request.kpis.empty() && request.measures.empty());
  for (const std::size_t k : request.kpis) {
    plan.asked.at(k) = true;
  }
  const std::size_t kpis = library.kpis.size();
  plan.asked_in.assign(request.periods.size() * kpis, request.kpi_periods.empty() ? 1 : 0);
  for (const auto& [period, kpi] : request.kpi_periods) {
    plan.asked_in.at(period * kpis + kpi) = 1;
  }
  // --by "store, channel" is the breakdown "store,channel", as a KPI's `by` is kept.
  plan.request.by = library::breakdown_name(library::breakdown_fields(plan.request.by));
  if (!request.by.empty() && plan.request.by.empty()) {
    check_breakdown({}, {});
  }
  plan_breakdowns(plan);
  std::set<std::pair<std::size_t, std::size_t>> reads;
  plan_periods(plan, reads);
  std::vector<std::optional<std::size_t>> kpi_breakdown;
  for (std::size_t k = 0; k < library.kpis.size(); ++k) {
    kpi_breakdown.push_back(plan.breakdown_index(plan.by_field_of(k)));
  }
  plan.measures =
      plan_measures(library, plan.by_parts, kpi_breakdown, request.with_whole, plan.asked);
  want_measures_asked(plan);
  plan.reads.assign(library.measures.size(), std::vector<char>(plan.windows.size(), 0));
  for (const auto& [m, window] : reads) {
    plan.reads[m][window] = 1;
    if (const std::optional<std::size_t> keyed = plan.measures.shared_keys[m]) {
      plan.reads[*keyed][window] = 1;  // the distinct count is the number of its keys
    }
  }
  plan_sources(plan);
  plan.threads = request.scan.threads != 0
                     ? request.scan.threads
                     : std::max<std::size_t>(1, std::thread::hardware_concurrency());
  return plan;
}

}  // namespace kpi::engine
