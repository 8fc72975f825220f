// SPDX-License-Identifier: MIT
#include "kpi/engine/kpi_explanation.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include "kpi/engine/kpi_evaluation.hpp"
#include "kpi/engine/per_entity.hpp"
#include "kpi/engine/run_plan.hpp"
#include "kpi/engine/source_aggregation.hpp"
#include "kpi/engine/source_reading.hpp"

namespace kpi::engine {
namespace {

// A measure reference with the shifts that lead to it from the KPI, through the KPIs read.
struct MeasureRead {
  std::size_t measure;
  std::vector<expr::Shift> shifts;
  bool total;
  std::string within;
  friend auto operator<=>(const MeasureRead&, const MeasureRead&) = default;
};

// Every measure KPI `kpi` reads, in the order its formula (and the formulas it reads) name
// them, each (measure, shifts, scope) once.
std::vector<MeasureRead> measures_read(const library::CompiledLibrary& library, std::size_t kpi) {
  std::vector<MeasureRead> found;
  std::set<MeasureRead> seen;
  std::set<std::tuple<std::size_t, std::vector<expr::Shift>, bool, std::string>> walked;
  struct Step {
    std::size_t kpi;
    std::vector<expr::Shift> shifts;
    bool total;
    std::string within;
  };
  std::vector<Step> stack{{kpi, {}, false, ""}};
  while (!stack.empty()) {
    const Step step = std::move(stack.back());
    stack.pop_back();
    if (!walked.emplace(step.kpi, step.shifts, step.total, step.within).second) {
      continue;
    }
    const std::vector<expr::Reference> references = library.kpis[step.kpi].formula.references();
    // Reversed onto the stack, so that they are walked in the formula's order.
    for (auto reference = references.rbegin(); reference != references.rend(); ++reference) {
      std::vector<expr::Shift> shifts = step.shifts;
      shifts.insert(shifts.end(), reference->shifts.begin(), reference->shifts.end());
      const bool total = step.total || reference->total;
      const std::string within = reference->total ? reference->within : step.within;
      if (reference->name.kind == expr::FormulaName::Kind::Kpi) {
        stack.push_back({reference->name.index, std::move(shifts), total, within});
      }
    }
    for (const expr::Reference& reference : references) {
      if (reference.name.kind != expr::FormulaName::Kind::Measure) {
        continue;
      }
      std::vector<expr::Shift> shifts = step.shifts;
      shifts.insert(shifts.end(), reference.shifts.begin(), reference.shifts.end());
      MeasureRead read{reference.name.index, std::move(shifts), step.total || reference.total,
                       reference.total ? reference.within : step.within};
      if (seen.insert(read).second) {
        found.push_back(std::move(read));
      }
    }
  }
  return found;
}

// The counts of `explained` from the group its measure was read in.
void count(const RunPlan& plan, const GroupState& group, ExplainedMeasure& explained) {
  const library::CompiledMeasure& measure = plan.library->measures[explained.measure];
  const std::size_t window = plan.windows.index_of_known(0, explained.shifts);
  const std::size_t position = plan.measure_position[explained.measure];
  const std::size_t slot = position * plan.windows.size() + window;
  explained.counted = true;
  explained.rows_in_period = group.rows[window];
  explained.rows_passing = group.passing.empty() ? 0 : group.passing[slot];
  // As SourceAggregation decides whether a row counts for the measure (see evaluate_measures).
  if (measure.per) {
    explained.passing_with = ExplainedMeasure::Needs::Key;
  } else if (keeps_value_keys(measure) && !plan.measures.shared_keys[explained.measure]) {
    explained.passing_with = ExplainedMeasure::Needs::Value;
  }
  if (!measure.per || group.rows[window] == 0) {
    return;
  }
  KeyJudge judge(measure, group, position, window, plan.windows);
  const EntityTable* keys = judge.judged_keys();
  if (keys == nullptr) {
    return;
  }
  if (measure.reads_previous_keys) {
    explained.judged_period =
        plan.windows.period(*plan.windows.previous_of(window, measure.lost_periods));
  }
  std::uint64_t passing = 0;
  std::vector<expr::Value> inputs(measure.key_aggregates.size());
  keys->for_each([&](const store::ValueKey& value, const EntityTable::Key& key) {
    passing += judge.passes(value, key, inputs, false) ? 1 : 0;
  });
  explained.keys_seen = keys->size();
  explained.keys_passing = passing;
}

}  // namespace

KpiExplanation explain_kpi(const library::CompiledLibrary& library, ValuesRequest request,
                           std::size_t kpi, const std::string& by_field,
                           const std::string& by_value) {
  request.kpis = {kpi};
  request.measures.clear();
  request.by = by_field;
  request.with_changes = false;
  request.with_whole = by_field.empty();  // a KPI with a `by` of its own is explained whole
  request.count_passing = true;
  const RunPlan plan = plan_run(library, request);
  KpiExplanation explanation;
  explanation.kpi = kpi;
  explanation.period = plan.windows.period(0);
  explanation.by_field = plan.request.by;
  explanation.by_value = by_value;
  // The computation of kpi values, step by step, keeping what it aggregated.
  std::vector<std::optional<SourceAggregation>> sources(plan.sources.size());
  for (const SourcePlan& source : plan.sources) {
    if (!source.measures.empty()) {
      sources[source.source].emplace(aggregate_source(plan, source, explanation.quality));
    }
  }
  PerEntityValues per_entity(plan, sources);
  for (const KpiValue& row : evaluate_kpis(plan, sources, per_entity)) {
    if (row.kpi == kpi && row.period == 0 &&
        (by_field.empty() ? row.by_field.empty() : row.by_value == by_value)) {
      explanation.value = row.value;
      explanation.exact = row.exact;
    }
  }
  const std::optional<std::size_t> by = plan.breakdown_index(plan.request.by);
  std::optional<BreakdownValue> in;
  if (by) {
    in = BreakdownValue{*by, by_value};
  }
  for (const expr::Reference& reference : library.kpis[kpi].formula.references()) {
    explanation.terms.push_back({reference, plan.windows.period_after(0, reference.shifts),
                                 reference_value(plan, sources, per_entity, reference, in)});
  }
  for (const MeasureRead& read : measures_read(library, kpi)) {
    ExplainedMeasure& explained = explanation.measures.emplace_back();
    explained.measure = read.measure;
    explained.shifts = read.shifts;
    explained.period = plan.windows.period_after(0, read.shifts);
    explained.total = read.total;
    explained.within = read.within;
    const expr::Reference reference{
        {expr::FormulaName::Kind::Measure, read.measure}, read.shifts, read.total, read.within};
    explained.value = reference_value(plan, sources, per_entity, reference, in);
    const SourceAggregation& source = *sources[library.measures[read.measure].source];
    const bool grouped = by && !read.total && !source.plan().by_slots[*by].empty();
    explained.whole = !grouped;
    if (read.total && !read.within.empty() && by) {
      continue;  // read in the value's parent group: its counts are not this group's
    }
    const GroupState* group = grouped ? source.groups(*by).find(by_value) : &source.whole();
    if (group != nullptr) {
      count(plan, *group, explained);
    } else {
      explained.counted = true;  // the value has no rows in this source
    }
  }
  return explanation;
}

}  // namespace kpi::engine
