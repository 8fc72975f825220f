// SPDX-License-Identifier: MIT
#include "kpi/engine/kpi_explanation.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include "kpi/engine/kpi_evaluation.hpp"
#include "kpi/engine/per_entity.hpp"
#include "kpi/engine/rows_behind.hpp"
#include "kpi/engine/run_plan.hpp"
#include "kpi/engine/source_aggregation.hpp"
#include "kpi/engine/source_reading.hpp"
#include "kpi/store/value_interner.hpp"

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

// A per-entity measure's keys that pass `having`: by their bytes, and those held by id until
// the interner gives their bytes.
struct KeysPassing {
  absl::flat_hash_set<std::string> bytes;
  absl::flat_hash_set<std::uint32_t> ids;
};

// The counts of `explained` from the group its measure was read in. With `keys`, a per-entity
// measure's passing keys are added to it: their bytes, or for keys held by id, their id.
void count(const RunPlan& plan, const GroupState& group, ExplainedMeasure& explained,
           KeysPassing* keys_passing) {
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
    if (!judge.passes(value, key, inputs, false)) {
      return;
    }
    ++passing;
    if (keys_passing != nullptr) {
      if (value.is_id()) {
        keys_passing->ids.insert(value.id());
      } else {
        keys_passing->bytes.insert(value.bytes());
      }
    }
  });
  explained.keys_seen = keys->size();
  explained.keys_passing = passing;
}

// The bytes of the passing keys, those held by id from the source's interner.
absl::flat_hash_set<std::string> keys_bytes(KeysPassing keys, SourceAggregation& source) {
  if (!keys.ids.empty()) {
    source.interner().for_each([&](std::string_view bytes, std::uint32_t id) {
      if (keys.ids.contains(id)) {
        keys.bytes.emplace(bytes);
      }
    });
  }
  return std::move(keys.bytes);
}

}  // namespace

KpiExplanation explain_kpi(const library::CompiledLibrary& library, ValuesRequest request,
                           std::size_t kpi, const std::string& by_field,
                           const std::string& by_value, const RowsBehind* rows) {
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
  std::vector<std::vector<RowTest>> tests(library.library->sources.size());  // per source
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
    SourceAggregation& source = *sources[library.measures[read.measure].source];
    const bool grouped = by && !read.total && !source.plan().by_slots[*by].empty();
    explained.whole = !grouped;
    if (read.total && !read.within.empty() && by) {
      continue;  // read in the value's parent group: its counts are not this group's
    }
    const GroupState* group = grouped ? source.groups(*by).find(by_value) : &source.whole();
    if (group == nullptr) {
      explained.counted = true;  // the value has no rows in this source
      continue;
    }
    const bool per_entity = library.measures[read.measure].per.has_value();
    KeysPassing keys;
    count(plan, *group, explained, rows != nullptr && per_entity ? &keys : nullptr);
    if (rows != nullptr && (!per_entity || explained.keys_passing)) {
      RowTest& test = tests[library.measures[read.measure].source].emplace_back();
      test.explained = explanation.measures.size() - 1;
      test.measure = &library.measures[read.measure];
      test.period = explained.judged_period.value_or(explained.period);
      if (grouped) {
        test.by_slot = source.plan().by_slots[*by].front();  // --by names one field
        test.by_value = by_value;
      }
      test.needs_value = explained.passing_with == ExplainedMeasure::Needs::Value;
      if (per_entity) {
        test.keys = keys_bytes(std::move(keys), source);
      }
    }
  }
  if (rows != nullptr) {
    for (std::size_t s = 0; s < tests.size(); ++s) {
      read_rows_behind(
          *library.library, library.library->sources[s],
          [&](const library::Source& of) { return files_of(plan, of); }, tests[s], rows->limit,
          [&](const RowTest& test, std::span<const expr::Value> row, const RowPlace& place) {
            rows->on_row(test.explained, explanation.measures[test.explained], row, place);
          });
    }
  }
  return explanation;
}

}  // namespace kpi::engine
