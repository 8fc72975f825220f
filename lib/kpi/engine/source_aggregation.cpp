// SPDX-License-Identifier: MIT
#include "kpi/engine/source_aggregation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "kpi/engine/group_key.hpp"
#include "kpi/engine/source_scanner.hpp"
#include "kpi/store/parallel_for.hpp"
#include "kpi/value/moment.hpp"

namespace kpi::engine {
namespace {

// A field's value is read in place; anything else is computed into `computed`.
const expr::Value& read(const expr::RowExpression& expression,
                        std::optional<std::size_t> field_slot, std::span<const expr::Value> row,
                        expr::Value& computed) {
  if (field_slot) {
    return row[*field_slot];
  }
  computed = expression.evaluate(row);
  return computed;
}

// `values` are those of the inputs with an expression, in order.
void add_key_inputs(const library::CompiledMeasure& measure, std::span<const expr::Value> values,
                    EntityTable& keys, EntityTable::Key& key) {
  if (!EntityTable::add_row(key)) {
    throw_key_overflow(measure);
  }
  const std::size_t width = measure.key_aggregates.size();
  const expr::Value* value = values.data();
  for (std::size_t j = 0; j < width; ++j) {
    const library::KeyAggregate& input = measure.key_aggregates[j];
    if (!input.of) {
      continue;  // rows are counted above; is_new and lost are decided with the period
    }
    const expr::Value& row_value = *value++;
    if (input.aggregate == library::Aggregate::CountDistinct) {
      // The table keeps the key's distinct values; the input counts the new ones.
      if (!row_value.is_null() && keys.add_distinct(key.position, j, row_value) &&
          !keys.input(key, j, width).count_one()) {
        throw_key_overflow(measure);
      }
      continue;
    }
    if (!keys.input(key, j, width).add(input.aggregate, row_value)) {
      throw_key_overflow(measure);
    }
  }
}

}  // namespace

// RowScratch::filter_holds of a measure whose filter the row has not been judged by: one not
// read in the row's periods, or without a filter.
constexpr char kNotJudged = 2;

SourceAggregation::RowScratch::RowScratch(std::size_t measures)
    : values(measures),
      computed(measures),
      passes(measures),
      filter_holds(measures),
      ids(measures),
      keys(measures),
      key_inputs(measures) {}

SourceAggregation::SourceAggregation(const RunPlan& plan, const SourcePlan& source)
    : plan_(&plan),
      source_(&source),
      window_count_(plan.windows.size()),
      whole_(new_group()),
      groups_(plan.by_fields.size()),
      scratch_(source.measures.size()) {
  // With filters on the period's bounds, add_row reads the row's own copy, which says where
  // the row passes them (judge_period_filters).
  if (source.period_filtered) {
    scratch_.period_reads = source.reads;
  }
  reads_ = source.period_filtered ? scratch_.period_reads.data() : source.reads.data();
}

GroupState SourceAggregation::new_group() const {
  return source_->new_group(*plan_->library, window_count_);
}

const RowProblem* SourceAggregation::add(std::span<const expr::Value> row, std::int32_t day) {
  RowScratch& scratch = scratch_;
  if (scratch.pending.full()) {
    add_pending_keys();
  }
  // Exports are mostly in time order: a row's day is most often the last row's.
  if (scratch.windows_day != day) {
    plan_->windows.containing(day, scratch.windows);
    scratch.windows_day = day;
    note_active_measures();
  }
  // First appearances count in all history, so such rows are read even outside the periods.
  const bool tracks_first_seen = source_->tracks_first_seen;
  if (!scratch.any_kind && !tracks_first_seen) {
    return nullptr;
  }
  const RowProblem* problem = evaluate_measures(row);
  if (source_->period_filtered && !scratch.windows.empty()) [[unlikely]] {
    judge_period_filters(row);
  }
  if (tracks_first_seen) {
    visit_groups(row,
                 [&](GroupState& group, std::size_t kind) { note_first_days(kind, day, group); });
  }
  if (scratch.any_kind) {
    if (source_->count_passing) [[unlikely]] {
      add_counting_passes(row);
    } else {
      visit_groups(
          row, [&](GroupState& group, std::size_t kind) { add_row(kind, group); },
          scratch.kinds.data());
    }
  }
  return problem;
}

// See RowScratch::active and kinds; once per day of rows, as `windows`.
void SourceAggregation::note_active_measures() {
  RowScratch& scratch = scratch_;
  const std::size_t measures = source_->inputs.size();
  scratch.active.assign(measures, 0);
  scratch.active_list.clear();
  for (std::size_t i = 0; i < measures; ++i) {
    const auto read_in = [&](std::size_t w) { return source_->reads[i * window_count_ + w] != 0; };
    scratch.active[i] = source_->inputs[i].measure->tracks_first_seen ||
                        std::any_of(scratch.windows.begin(), scratch.windows.end(), read_in);
    if (scratch.active[i]) {
      scratch.active_list.push_back(i);
    } else {
      scratch.passes[i] = false;
    }
    scratch.filter_holds[i] = kNotJudged;  // and so for a measure without a filter
  }
  const bool reported = std::any_of(scratch.windows.begin(), scratch.windows.end(),
                                    [&](std::size_t w) { return w < plan_->windows.base_count(); });
  scratch.kinds.assign(source_->steps.size(), 0);
  scratch.any_kind = false;
  for (std::size_t kind = 0; kind < source_->steps.size(); ++kind) {
    const auto& steps = source_->steps[kind];
    scratch.kinds[kind] =
        !scratch.windows.empty() &&
        (reported || std::any_of(steps.begin(), steps.end(), [&](const RowStep& step) {
           return scratch.active[step.measure];
         }));
    scratch.any_kind = scratch.any_kind || scratch.kinds[kind];
  }
}

// add's last step for kpi explain, which also counts the rows passing each filter: out of
// line, so that the usual path stays as small as it was.
[[gnu::noinline]] void SourceAggregation::add_counting_passes(std::span<const expr::Value> row) {
  visit_groups(
      row,
      [&](GroupState& group, std::size_t kind) {
        add_row(kind, group);
        count_passing(group);
      },
      scratch_.kinds.data());
}

void SourceAggregation::finish_rows() { add_pending_keys(); }

// Filter, value and key of each measure for one row: once, whatever its periods and groups.
// Returns the first value out of range, which leaves the row out of that measure.
const RowProblem* SourceAggregation::evaluate_measures(std::span<const expr::Value> row) {
  RowScratch& scratch = scratch_;
  scratch.interned_in_row = false;
  const RowProblem* problem = nullptr;
  const auto check = [&](const expr::Value& value, const library::CompiledMeasure& measure,
                         const library::Expression& expression) {
    if (value.out_of_range && problem == nullptr) [[unlikely]] {
      problem = &out_of_range(measure, expression);
    }
  };
  // A span, not the plan's vector: the row's writes (chars) could alias the vector's pointer.
  const std::span<const MeasureInputs> all_inputs = source_->inputs;
  // The others keep the `passes` of false that note_active_measures gave them.
  for (const std::size_t i : scratch.active_list) {
    const MeasureInputs& inputs = all_inputs[i];
    const library::CompiledMeasure& measure = *inputs.measure;
    // A filter that reads the period's bounds is judged per period (judge_period_filters).
    bool passes = !measure.filter || measure.filter_reads_period;
    if (!passes) {
      const char shared =
          inputs.same_filter_as ? scratch.filter_holds[*inputs.same_filter_as] : kNotJudged;
      passes = shared != kNotJudged ? shared != 0 : measure.filter->holds(row);
      scratch.filter_holds[i] = passes ? 1 : 0;
    }
    if (passes && measure.of) {
      scratch.values[i] = &read(*measure.of, inputs.of_slot, row, scratch.computed[i]);
      if (!inputs.of_slot) {  // a field read in place is never beyond range; arithmetic may be
        check(*scratch.values[i], measure, measure.definition->of);
      }
      if (inputs.interns_value && !scratch.values[i]->is_null()) {
        scratch.ids[i] = intern(*scratch.values[i]);
      }
      if (inputs.keys_value) {
        passes = !scratch.values[i]->is_null();
        scratch.keys[i] = key_of(*scratch.values[i]);
      }
    }
    if (passes && measure.per) {
      expr::Value computed_key;
      const expr::Value& key = read(*measure.per, inputs.per_slot, row, computed_key);
      if (!inputs.per_slot) {
        check(key, measure, *measure.definition->per);
      }
      passes = !key.is_null();
      scratch.keys[i] = key_of(key);
      scratch.key_inputs[i].clear();
      for (const library::KeyAggregate& input : measure.key_aggregates) {
        if (input.of) {
          scratch.key_inputs[i].push_back(input.of->evaluate(row));
          check(scratch.key_inputs[i].back(), measure,
                measure.definition->having ? *measure.definition->having : measure.definition->of);
        }
      }
    }
    scratch.passes[i] = passes;
  }
  return problem;
}

// Where the row passes each filter that reads period_start or period_end, in each period that
// contains it, written into the row's copy of `reads` (so add_row tests nothing more): the
// filter runs on a copy of the row with the period's first and last day after the fields.
void SourceAggregation::judge_period_filters(std::span<const expr::Value> row) {
  RowScratch& scratch = scratch_;
  scratch.bounded_row.assign(row.begin(), row.end());
  scratch.bounded_row.resize(row.size() + 2);
  for (std::size_t w : scratch.windows) {
    const time::Period& period = plan_->windows.period(w);
    // A period without a first or last day ("all", to_date()) has no such bound: null.
    scratch.bounded_row[row.size()] = time::reaches_back_to_start(period)
                                          ? expr::Value{}
                                          : expr::Value::of_moment(moment_of(period.first_day));
    scratch.bounded_row[row.size() + 1] = time::runs_on_to_end(period)
                                              ? expr::Value{}
                                              : expr::Value::of_moment(moment_of(period.last_day));
    for (std::size_t i = 0; i < source_->inputs.size(); ++i) {
      const library::CompiledMeasure& measure = *source_->inputs[i].measure;
      if (measure.filter_reads_period) {
        const std::size_t slot = i * window_count_ + w;
        scratch.period_reads[slot] =
            source_->reads[slot] != 0 && measure.filter->holds(scratch.bounded_row) ? 1 : 0;
      }
    }
  }
}

// The problem of a measure's expression beyond Decimal's range on a row.
const RowProblem& SourceAggregation::out_of_range(const library::CompiledMeasure& measure,
                                                  const library::Expression& expression) {
  RowProblem& problem = scratch_.problem;
  const std::string& name = measure.definition->name;
  problem.code = "data.out-of-range";
  problem.reason = fmt::format(
      "rows where measure \"{}\" is out of range (\"{}\" beyond ±9,223,372,036,854.775807), "
      "left out of the measure",
      name, expression.text);
  problem.message =
      fmt::format("measure \"{}\": \"{}\" is beyond ±9,223,372,036,854.775807 on this row", name,
                  expression.text);
  return problem;
}

// The value's id; measures of one row often intern the same value (members counted and
// members with two or more rows), which then costs a comparison, not a lookup.
std::uint32_t SourceAggregation::intern(const expr::Value& value) {
  RowScratch& scratch = scratch_;
  store::ValueInterner::bytes_of(value, scratch.bytes);
  if (!scratch.interned_in_row || scratch.bytes != scratch.interned_bytes) {
    scratch.interned_id = interner_.intern_bytes(scratch.bytes);
    scratch.interned_bytes.swap(scratch.bytes);
    scratch.interned_in_row = true;
  }
  return scratch.interned_id;
}

store::ValueKey SourceAggregation::key_of(const expr::Value& value) {
  if (value.kind == expr::Value::Kind::Text && value.text.size() < store::ValueKey::kInlineBytes) {
    return store::ValueKey::of_text(value.text);  // the common case, without building the bytes
  }
  store::ValueInterner::bytes_of(value, scratch_.bytes);
  if (scratch_.bytes.size() <= store::ValueKey::kInlineBytes) {
    return store::ValueKey::of_bytes(scratch_.bytes);
  }
  return store::ValueKey::of_id(intern(value));
}

// Calls `visit` with the whole's group and the group of each breakdown value of the row, each
// with its kind (0 for the whole, b + 1 for breakdown b).
template <typename Visit>
void SourceAggregation::visit_groups(std::span<const expr::Value> row, const Visit& visit,
                                     const char* kinds) {
  if (kinds == nullptr || kinds[0]) {
    visit(whole_, 0);
  }
  for (std::size_t b = 0; b < groups_.size(); ++b) {
    const std::span<const std::size_t> slots = source_->by_slots[b];
    if (slots.empty() || (kinds != nullptr && !kinds[b + 1])) {
      continue;
    }
    const std::string_view key = slots.size() == 1 ? group_text(row[slots[0]], scratch_.group_key)
                                                   : group_key_of(row, slots);
    GroupState* group = groups_[b].find(key);
    if (group == nullptr) {
      group = &groups_[b].add(key, new_group());
    }
    visit(*group, b + 1);
  }
}

// A breakdown value as the text its group is known by: text in place, anything else in `held`.
std::string_view SourceAggregation::group_text(const expr::Value& value, std::string& held) {
  if (value.kind == expr::Value::Kind::Text) {
    return value.text;
  }
  held = key_text(value);
  return held;
}

// The key of a breakdown by several fields (see group_key.hpp).
std::string_view SourceAggregation::group_key_of(std::span<const expr::Value> row,
                                                 std::span<const std::size_t> slots) {
  RowScratch& scratch = scratch_;
  scratch.group_values.resize(slots.size());
  scratch.group_texts.resize(slots.size());
  for (std::size_t i = 0; i < slots.size(); ++i) {
    scratch.group_values[i] = group_text(row[slots[i]], scratch.group_texts[i]);
  }
  encode_group_key(scratch.group_values, scratch.group_key);
  return scratch.group_key;
}

// Adds the row to every measure it passes, in every period that contains it.
void SourceAggregation::add_row(std::size_t kind, GroupState& group) {
  using Action = RowStep::Action;
  RowScratch& scratch = scratch_;
  const std::size_t window_count = window_count_;
  const std::span<const RowStep> steps = source_->steps[kind];
  const char* reads = reads_;
  for (std::size_t w : scratch.windows) {
    ++group.rows[w];
    for (const RowStep& step : steps) {
      const std::size_t i = step.measure;
      if (!scratch.passes[i]) {
        continue;
      }
      const std::size_t slot = i * window_count + w;
      if (!reads[slot]) {
        continue;  // a period nothing reads the measure in
      }
      Accumulator* accumulator = &group.accumulators[slot];
      if (step.action == Action::AddKey) {
        // Nothing reads this key before the scan ends, so it is added a few rows later, its
        // slot (a cache miss in a large table) loading meanwhile.
        scratch.pending.push(group.keys[slot], scratch.keys[i],
                             {i, scratch.pending_inputs.size(), scratch.key_inputs[i].size()});
        scratch.pending_inputs.insert(scratch.pending_inputs.end(), scratch.key_inputs[i].begin(),
                                      scratch.key_inputs[i].end());
        continue;
      }
      if (step.action == Action::AddKeyNow) {
        const library::CompiledMeasure& measure = *source_->inputs[i].measure;
        EntityTable& keys = group.keys[slot];
        add_key_inputs(measure, scratch.key_inputs[i], keys, keys.add(scratch.keys[i], measure));
        continue;
      }
      if (step.action == Action::AddKeyShare) {
        const library::CompiledMeasure& measure = *source_->inputs[i].measure;  // rare
        EntityTable& keys = group.keys[slot];
        EntityTable::Key& key = keys.add(scratch.keys[i], measure);
        add_key_inputs(measure, scratch.key_inputs[i], keys, key);
        accumulator = &keys.partial(key);
      }
      switch (step.share) {
        case Action::CountRow:
          accumulator->add_row();
          break;
        case Action::AddDistinct:
          if (!scratch.values[i]->is_null()) {
            accumulator->add_distinct(scratch.ids[i]);
          }
          break;
        default:
          accumulator->add(*scratch.values[i]);
          break;
      }
    }
  }
}

// Counts the row for each measure whose filter it passes (with a key, for a measure that keeps
// keys), in each period that contains it and reads the measure: kpi explain's "rows passing".
void SourceAggregation::count_passing(GroupState& group) {
  const RowScratch& scratch = scratch_;
  const std::size_t measures = source_->inputs.size();
  for (std::size_t w : scratch.windows) {
    for (std::size_t i = 0; i < measures; ++i) {
      const std::size_t slot = i * window_count_ + w;
      // reads_ also says where a filter on the period's bounds lets the row through.
      if (scratch.passes[i] && reads_[slot]) {
        ++group.passing[slot];
      }
    }
  }
}

void SourceAggregation::note_first_days(std::size_t kind, std::int32_t day, GroupState& group) {
  for (std::size_t i = 0; i < source_->measures.size(); ++i) {
    const std::size_t m = source_->measures[i];
    if (scratch_.passes[i] && source_->inputs[i].measure->tracks_first_seen &&
        plan_->measures.wanted[m][kind]) {
      auto [entry, inserted] = group.first_days[i].try_emplace(scratch_.keys[i], day);
      entry->second = std::min(entry->second, day);
    }
  }
}

// Adds the keys that add_row held back. EntityTables never move (their groups may, but not the
// vectors' buffers that hold them), so the queued tables are still where they were.
void SourceAggregation::add_pending_keys() {
  const std::span<const expr::Value> inputs = scratch_.pending_inputs;
  scratch_.pending.drain([&](EntityTable& keys, const store::ValueKey& value,
                             const RowScratch::PendingKey& pending) {
    const library::CompiledMeasure& measure = *source_->inputs[pending.measure].measure;
    EntityTable::Key& key = keys.add(value, measure);
    add_key_inputs(measure, inputs.subspan(pending.first_input, pending.input_count), keys, key);
  });
  scratch_.pending_inputs.clear();
}

bool SourceAggregation::is_empty() const {
  const auto no_rows = [](const GroupState& group) {
    return std::all_of(group.rows.begin(), group.rows.end(), [](auto rows) { return rows == 0; }) &&
           std::all_of(group.first_days.begin(), group.first_days.end(),
                       [](const auto& days) { return days.empty(); });
  };
  return interner_.size() == 0 && no_rows(whole_) &&
         std::all_of(groups_.begin(), groups_.end(),
                     [](const store::GroupIndex<GroupState>& groups) { return groups.empty(); });
}

// Groups merge independently, so they are spread over the threads: the large per-entity
// tables of a store each take one.
void SourceAggregation::merge(SourceAggregation&& part) {
  finish_rows();
  part.finish_rows();
  if (is_empty()) {  // the first part becomes the whole (no copy)
    whole_ = std::move(part.whole_);
    groups_ = std::move(part.groups_);
    interner_ = std::move(part.interner_);
    return;
  }
  std::vector<std::uint32_t> remap(part.interner_.size());
  part.interner_.for_each(
      [&](std::string_view bytes, std::uint32_t id) { remap[id] = interner_.intern_bytes(bytes); });
  for (std::size_t b = 0; b < part.groups_.size(); ++b) {
    for (const auto& [value, group] : part.groups_[b].all()) {
      if (groups_[b].find(value) == nullptr) {
        groups_[b].add(value, new_group());
      }
    }
  }
  // Only now that no group is added do pointers to them stay valid.
  std::vector<std::pair<GroupState*, GroupState*>> pairs{{&whole_, &part.whole_}};
  for (std::size_t b = 0; b < part.groups_.size(); ++b) {
    for (auto& [value, group] : part.groups_[b].all()) {
      pairs.emplace_back(groups_[b].find(value), &group);
    }
  }
  const library::CompiledLibrary& library = *plan_->library;
  store::parallel_for(pairs.size(), plan_->threads, [&](std::size_t k) {
    pairs[k].first->merge(std::move(*pairs[k].second), library.measures, source_->measures, remap);
  });
}

}  // namespace kpi::engine
