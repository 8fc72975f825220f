// SPDX-License-Identifier: MIT
#include "kpi/engine/measure_plan.hpp"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "kpi/expr/ast.hpp"
#include "kpi/library/breakdown.hpp"

namespace kpi::engine {
namespace {

class Planner {
 public:
  Planner(const library::CompiledLibrary& library,
          const std::vector<std::vector<std::string>>& breakdowns)
      : library_(library), breakdowns_(breakdowns) {
    plan_.wanted.assign(library.measures.size(), std::vector<bool>(breakdowns.size() + 1, false));
    plan_.shared_keys.assign(library.measures.size(), std::nullopt);
  }

  // Marks every measure KPI `kpi` reads, through other KPIs, as wanted in groups of `kind`.
  // Each (KPI, kind) is walked once (D07: KPIs each reading the next twice were walked 2^n
  // times), on a stack of its own: a chain of 10 000 KPIs is 10 000 deep.
  void want(std::size_t kpi, std::size_t kind) {
    std::vector<std::pair<std::size_t, std::size_t>> stack{{kpi, kind}};
    while (!stack.empty()) {
      const auto [next, next_kind] = stack.back();
      stack.pop_back();
      if (wanted_kpis_.insert({next, next_kind}).second) {
        want_measures(next, next_kind, stack);
      }
    }
  }

  void want_measures(std::size_t kpi, std::size_t kind,
                     std::vector<std::pair<std::size_t, std::size_t>>& more) {
    for (const expr::Reference& reference : library_.kpis[kpi].formula.references()) {
      std::size_t scope = reference.total ? 0 : kind;
      if (reference.total && kind > 0 && !reference.within.empty()) {
        const auto parent = parent_breakdown(breakdowns_, kind - 1, reference.within);
        if (!parent) {
          continue;  // a breakdown without the parent's fields: all(x, "store") has no value
        }
        scope = *parent + 1;
      }
      if (reference.name.kind == expr::FormulaName::Kind::Kpi) {
        more.emplace_back(reference.name.index, scope);
        continue;
      }
      const std::size_t m = reference.name.index;
      plan_.wanted[m][scope] = true;
      // A source without the breakdown field gives its measures whole.
      const library::Source& source = library_.library->sources[library_.measures[m].source];
      const auto lacks = [&](const std::string& field) { return !source.find_field(field); };
      if (scope > 0 &&
          std::any_of(breakdowns_[scope - 1].begin(), breakdowns_[scope - 1].end(), lacks)) {
        plan_.wanted[m][0] = true;
      }
    }
  }

  void share_keys() {
    for (std::size_t m = 0; m < library_.measures.size(); ++m) {
      const library::CompiledMeasure& counted = library_.measures[m];
      const library::Measure& definition = *counted.definition;
      if (definition.aggregate != library::Aggregate::CountDistinct || counted.per || !counted.of) {
        continue;
      }
      for (std::size_t p = 0; p < library_.measures.size(); ++p) {
        const library::CompiledMeasure& keyed = library_.measures[p];
        if (keyed.per && keyed.source == counted.source &&
            same(&*keyed.definition->per, &definition.of) &&
            same(filter_of(*keyed.definition), filter_of(definition))) {
          plan_.shared_keys[m] = p;
          for (std::size_t kind = 0; kind < plan_.wanted[m].size(); ++kind) {
            plan_.wanted[p][kind] = plan_.wanted[p][kind] || plan_.wanted[m][kind];
          }
          break;
        }
      }
    }
  }

  MeasurePlan take() { return std::move(plan_); }

 private:
  static bool same(const library::Expression* a, const library::Expression* b) {
    if (a == nullptr || b == nullptr || !a->tree || !b->tree) {
      return a == nullptr && b == nullptr;
    }
    return expr::serialize(*a->tree) == expr::serialize(*b->tree);
  }

  static const library::Expression* filter_of(const library::Measure& measure) {
    return measure.filter ? &*measure.filter : nullptr;
  }

  const library::CompiledLibrary& library_;
  const std::vector<std::vector<std::string>>& breakdowns_;
  MeasurePlan plan_;
  std::set<std::pair<std::size_t, std::size_t>> wanted_kpis_;  // (KPI, kind) walked already
};

}  // namespace

bool keeps_value_keys(const library::CompiledMeasure& measure) {
  return measure.definition->aggregate == library::Aggregate::CountDistinct && !measure.per &&
         measure.of;
}

std::optional<std::size_t> parent_breakdown(const std::vector<std::vector<std::string>>& breakdowns,
                                            std::size_t b, std::string_view within) {
  const std::vector<std::string> parent = library::breakdown_fields(within);
  const auto& fields = breakdowns[b];
  for (const std::string& field : parent) {
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      return std::nullopt;
    }
  }
  const auto found = std::find(breakdowns.begin(), breakdowns.end(), parent);
  return found == breakdowns.end()
             ? std::nullopt
             : std::optional(static_cast<std::size_t>(found - breakdowns.begin()));
}

MeasurePlan plan_measures(const library::CompiledLibrary& library,
                          const std::vector<std::vector<std::string>>& breakdowns,
                          const std::vector<std::optional<std::size_t>>& kpi_breakdown,
                          bool with_whole, const std::vector<bool>& asked) {
  Planner planner(library, breakdowns);
  for (std::size_t k = 0; k < library.kpis.size(); ++k) {
    if (!asked[k]) {
      continue;
    }
    const std::optional<std::size_t> b = kpi_breakdown[k];
    planner.want(k, b ? *b + 1 : 0);
    if (with_whole || !b) {
      planner.want(k, 0);
    }
  }
  planner.share_keys();
  return planner.take();
}

std::vector<std::vector<RowStep>> plan_row_steps(const library::CompiledLibrary& library,
                                                 const std::vector<std::size_t>& source_measures,
                                                 const MeasurePlan& plan, std::size_t kinds) {
  using Action = RowStep::Action;
  std::vector<std::vector<RowStep>> steps(kinds);
  for (std::size_t i = 0; i < source_measures.size(); ++i) {
    const std::size_t m = source_measures[i];
    if (plan.shared_keys[m]) {
      continue;  // counted from another measure's keys
    }
    const library::CompiledMeasure& measure = library.measures[m];
    const Action value = !measure.of ? Action::CountRow
                         : measure.definition->aggregate == library::Aggregate::CountDistinct
                             ? Action::AddDistinct
                             : Action::AddValue;
    RowStep step{value, value, measure.filter_reads_period, i};
    if (measure.per) {
      // Keys that are counted, or valued from their aggregates, keep no share of their own.
      step.action = measure.counts_keys || measure.key_of ? Action::AddKey : Action::AddKeyShare;
      const bool keeps_values =
          std::any_of(measure.key_aggregates.begin(), measure.key_aggregates.end(),
                      [](const library::KeyAggregate& input) {
                        return input.aggregate == library::Aggregate::CountDistinct && input.of;
                      });
      if (step.action == Action::AddKey && keeps_values) {
        step.action = Action::AddKeyNow;
      }
    } else if (keeps_value_keys(measure)) {
      step.action = Action::AddKey;
    }
    for (std::size_t kind = 0; kind < kinds; ++kind) {
      if (plan.wanted[m][kind]) {
        steps[kind].push_back(step);
      }
    }
  }
  return steps;
}

}  // namespace kpi::engine
