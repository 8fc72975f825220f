// SPDX-License-Identifier: MIT
#include "kpi/engine/entity_list.hpp"

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <optional>
#include <tuple>
#include <utility>

#include "kpi/engine/group_key.hpp"
#include "kpi/engine/per_entity.hpp"
#include "kpi/engine/run_plan.hpp"
#include "kpi/engine/source_aggregation.hpp"
#include "kpi/engine/source_reading.hpp"
#include "kpi/library/breakdown.hpp"
#include "kpi/store/value_interner.hpp"

namespace kpi::engine {

expr::Value ListedKey::value() const { return store::ValueInterner::value_of(key); }

namespace {

// Keys sort by their values: numbers and dates by size, texts by their bytes (member numbers
// of equal length in their order).
bool key_before(const ListedKey& a, const ListedKey& b) {
  const expr::Value x = a.value();
  const expr::Value y = b.value();
  if (x.kind != y.kind) {
    return x.kind < y.kind;
  }
  switch (x.kind) {
    case expr::Value::Kind::Number:
      return x.number < y.number;
    case expr::Value::Kind::Moment:
      return x.seconds < y.seconds;
    case expr::Value::Kind::Bool:
      return x.truth < y.truth;
    default:
      return x.text < y.text;
  }
}

// The keys of `group` that pass, each with its aggregates; keys held by id (values longer
// than a key holds) are left with an empty text and their id in `by_id`.
ListedGroup list_group(const library::CompiledMeasure& measure, const GroupState& group,
                       const RunPlan& plan, std::size_t position,
                       std::vector<std::pair<std::size_t, std::uint32_t>>& by_id) {
  ListedGroup listed;
  KeyJudge judge(measure, group, position, 0, plan.windows);
  const EntityTable* keys = judge.judged_keys();
  if (keys == nullptr || group.rows[0] == 0) {
    return listed;  // no value here, as the measure has none
  }
  std::vector<expr::Value> inputs(measure.key_aggregates.size());
  keys->for_each([&](const store::ValueKey& value, const EntityTable::Key& key) {
    if (!judge.passes(value, key, inputs, true)) {
      return;
    }
    if (value.is_id()) {
      by_id.emplace_back(listed.keys.size(), value.id());
    }
    listed.keys.push_back({value.bytes(), key.rows, inputs});
  });
  return listed;
}

}  // namespace

EntityList list_entities(const library::CompiledLibrary& library, ValuesRequest request,
                         std::size_t measure) {
  request.kpis.clear();
  request.measures = {measure};
  request.with_changes = false;
  request.with_whole = false;
  const RunPlan plan = plan_run(library, request);
  const library::CompiledMeasure& compiled = library.measures[measure];
  EntityList list;
  list.measure = measure;
  const SourcePlan& source_plan = plan.sources[compiled.source];
  SourceAggregation source = aggregate_source(plan, source_plan, list.quality);
  const std::size_t position = plan.measure_position[measure];
  // Per group, the (index of the key, id) of keys held by id, resolved after all are listed.
  std::vector<std::vector<std::pair<std::size_t, std::uint32_t>>> by_id;
  const std::optional<std::size_t> b = plan.breakdown_index(plan.request.by);
  if (b && plan.measures.wanted[measure][*b + 1]) {
    list.by_fields = plan.by_parts[*b];
    for (const auto& [value, group] : source.groups(*b).all()) {
      ListedGroup listed = list_group(compiled, group, plan, position, by_id.emplace_back());
      listed.by_values = list.by_fields.size() == 1 ? std::vector<std::string>{std::string(value)}
                                                    : decode_group_key(value);
      list.groups.push_back(std::move(listed));
    }
  } else {
    list.groups.push_back(
        list_group(compiled, source.whole(), plan, position, by_id.emplace_back()));
  }
  // The values of keys held by id, from the interner (one pass over it, only when needed).
  absl::flat_hash_map<std::uint32_t, std::string> wanted_ids;
  for (const auto& ids : by_id) {
    for (const auto& [k, id] : ids) {
      wanted_ids.emplace(id, std::string());
    }
  }
  if (!wanted_ids.empty()) {
    source.interner().for_each([&](std::string_view bytes, std::uint32_t id) {
      if (const auto found = wanted_ids.find(id); found != wanted_ids.end()) {
        found->second = std::string(bytes);
      }
    });
    for (std::size_t g = 0; g < list.groups.size(); ++g) {
      for (const auto& [k, id] : by_id[g]) {
        list.groups[g].keys[k].key = wanted_ids[id];
      }
    }
  }
  std::erase_if(list.groups, [](const ListedGroup& group) { return group.keys.empty(); });
  for (ListedGroup& group : list.groups) {
    std::sort(group.keys.begin(), group.keys.end(), key_before);
  }
  std::sort(list.groups.begin(), list.groups.end(),
            [](const ListedGroup& x, const ListedGroup& y) { return x.by_values < y.by_values; });
  return list;
}

}  // namespace kpi::engine
