// SPDX-License-Identifier: MIT
#include "kpi/engine/per_entity.hpp"

#include <cmath>

#include "kpi/store/parallel_for.hpp"

namespace kpi::engine {
namespace {

Decimal to_decimal(long double value) {
  return Decimal::from_units(std::llround(value * Decimal::kUnitsPerOne));
}

// A key's aggregate as the value its `having` reads. Only an average is not exact: it is
// rounded to millionths (dates: to the second).
expr::Value input_value(const EntityTable& table, const EntityTable::Key& key, std::size_t j,
                        const library::CompiledMeasure& measure) {
  const library::KeyAggregate& aggregate = measure.key_aggregates[j];
  if (!aggregate.of) {  // rows
    return expr::Value::of_number(
        Decimal::from_units(static_cast<std::int64_t>(key.rows) * Decimal::kUnitsPerOne));
  }
  const KeyInput& input = table.input(key, j, measure.key_aggregates.size());
  if (aggregate.aggregate == library::Aggregate::Avg) {
    const std::optional<long double> value = input.result(aggregate.aggregate);
    if (!value) {
      return {};
    }
    return aggregate.moment ? expr::Value::of_moment(std::llround(*value))
                            : expr::Value::of_number(to_decimal(*value));
  }
  const std::optional<Decimal> value = input.exact_result(aggregate.aggregate);
  if (!value) {
    return {};
  }
  return aggregate.moment ? expr::Value::of_moment(value->units() / Decimal::kUnitsPerOne)
                          : expr::Value::of_number(*value);
}

// The value of a per-entity measure (`per` with `having`, or a value per key) in one period
// and group: the passing keys counted, their rows aggregated, or their values aggregated.
// `position` is the measure's index within its source.
std::optional<long double> per_entity_value(const library::CompiledMeasure& measure,
                                            const GroupState& group, std::size_t position,
                                            std::size_t window, const Windows& windows,
                                            store::ValueInterner& interner) {
  KeyJudge judge(measure, group, position, window, windows);
  const EntityTable* judged_keys = judge.judged_keys();
  if (judged_keys == nullptr) {
    return std::nullopt;
  }
  Accumulator passing(measure.definition->aggregate);
  std::uint64_t passing_keys = 0;
  std::vector<expr::Value> inputs(measure.key_aggregates.size());
  const bool values_keys = measure.key_of.has_value();
  judged_keys->for_each([&](const store::ValueKey& key_value, const EntityTable::Key& key) {
    if (!judge.passes(key_value, key, inputs, values_keys)) {
      return;
    }
    ++passing_keys;
    if (values_keys) {
      const expr::Value value = measure.key_of->evaluate(inputs);
      if (measure.definition->aggregate == library::Aggregate::CountDistinct) {
        if (!value.is_null()) {
          passing.add_distinct(interner.intern(value));
        }
      } else {
        passing.add(value);
      }
    } else if (EntityTable::keeps_shares(measure)) {
      passing.merge(judged_keys->partial(key));
    }
  });
  return measure.counts_keys ? static_cast<long double>(passing_keys) : passing.result();
}

}  // namespace

KeyJudge::KeyJudge(const library::CompiledMeasure& measure, const GroupState& group,
                   std::size_t position, std::size_t window, const Windows& windows)
    : measure_(measure),
      group_(group),
      current_keys_(group.keys[position * windows.size() + window]),
      first_day_(windows.period(window).first_day),
      position_(position),
      reads_only_rows_(measure.having && measure.key_aggregates.size() == 1 &&
                       !measure.key_aggregates[0].of && !measure.key_aggregates[0].lost &&
                       !measure.key_aggregates[0].first_seen) {
  judged_keys_ = &current_keys_;
  // A `having` that reads lost is judged over the previous period's keys.
  if (measure.reads_previous_keys) {
    const std::optional<std::size_t> previous = windows.previous_of(window, measure.lost_periods);
    judged_keys_ = !previous || group.rows[*previous] == 0
                       ? nullptr
                       : &group.keys[position * windows.size() + *previous];
  }
}

bool KeyJudge::passes(const store::ValueKey& value, const EntityTable::Key& key,
                      std::vector<expr::Value>& inputs, bool all_inputs) {
  std::int8_t* judged =
      reads_only_rows_ && key.rows < holds_by_rows_.size() ? &holds_by_rows_[key.rows] : nullptr;
  if (judged != nullptr && *judged < 0) {
    return false;
  }
  const bool passed = judged != nullptr && *judged > 0;
  const std::size_t width = measure_.key_aggregates.size();
  for (std::size_t j = 0; j < width && (!passed || all_inputs); ++j) {
    const library::KeyAggregate& aggregate = measure_.key_aggregates[j];
    if (aggregate.lost) {
      inputs[j] = expr::Value::of_bool(!current_keys_.contains(value));
      continue;
    }
    if (aggregate.first_seen) {
      const auto& first_days = group_.first_days[position_];
      const auto first = first_days.find(value);
      inputs[j] = expr::Value::of_bool(first != first_days.end() && first->second >= first_day_);
      continue;
    }
    inputs[j] = input_value(*judged_keys_, key, j, measure_);
  }
  if (!measure_.having || passed) {
    return true;
  }
  const bool holds = measure_.having->evaluate(inputs).truth;
  if (judged != nullptr) {
    *judged = holds ? 1 : -1;
  }
  return holds;
}

PerEntityValues::PerEntityValues(const RunPlan& plan,
                                 std::vector<std::optional<SourceAggregation>>& sources)
    : plan_(plan), sources_(sources) {
  struct Task {
    std::size_t measure;
    const GroupState* group;
    std::size_t window;
  };
  const library::CompiledLibrary& library = *plan.library;
  std::vector<Task> tasks;
  for (std::size_t m = 0; m < library.measures.size(); ++m) {
    const library::CompiledMeasure& measure = library.measures[m];
    if (!measure.per || !sources[measure.source] ||
        (measure.key_of && measure.definition->aggregate == library::Aggregate::CountDistinct)) {
      continue;  // not per entity, not read, or valued when read (see value)
    }
    const SourceAggregation& source = *sources[measure.source];
    const auto add = [&](const GroupState& group) {
      for (std::size_t w = 0; w < group.rows.size(); ++w) {
        if (group.rows[w] > 0 && plan.reads[m][w]) {  // others, if asked, on demand
          tasks.push_back({m, &group, w});
        }
      }
    };
    if (plan.measures.wanted[m][0]) {
      add(source.whole());
    }
    for (std::size_t b = 0; b < plan.by_fields.size(); ++b) {
      if (plan.measures.wanted[m][b + 1]) {
        for (const auto& [value, group] : source.groups(b).all()) {
          add(group);
        }
      }
    }
  }
  std::vector<std::optional<long double>> values(tasks.size());
  store::parallel_for(tasks.size(), plan.threads, [&](std::size_t t) {
    const Task& task = tasks[t];
    const library::CompiledMeasure& measure = library.measures[task.measure];
    // The interner is not touched: only a distinct count of the keys' values interns.
    values[t] = per_entity_value(measure, *task.group, plan.measure_position[task.measure],
                                 task.window, plan.windows, sources[measure.source]->interner());
  });
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    values_.emplace(std::tuple(tasks[t].measure, tasks[t].group, tasks[t].window), values[t]);
  }
}

std::optional<long double> PerEntityValues::value(std::size_t measure, const GroupState& group,
                                                  std::size_t window) {
  if (const auto computed = values_.find(std::tuple(measure, &group, window));
      computed != values_.end()) {
    return computed->second;
  }
  const library::CompiledMeasure& compiled = plan_.library->measures[measure];
  return per_entity_value(compiled, group, plan_.measure_position[measure], window, plan_.windows,
                          sources_[compiled.source]->interner());
}

}  // namespace kpi::engine
