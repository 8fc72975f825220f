// SPDX-License-Identifier: MIT
#include "kpi/engine/kpi_values.hpp"

#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/engine/accumulator.hpp"
#include "kpi/store/group_index.hpp"
#include "kpi/engine/group_state.hpp"
#include "kpi/engine/lookup_tables.hpp"
#include "kpi/engine/measure_plan.hpp"
#include "kpi/store/parallel_for.hpp"
#include "kpi/engine/source_scanner.hpp"
#include "kpi/store/value_interner.hpp"
#include "kpi/engine/windows.hpp"
#include "kpi/value/date_parser.hpp"

namespace kpi::engine {
namespace {

using library::CompiledLibrary;
using library::Source;

// Where a row's inputs to one measure come from, settled once per source.
struct MeasureInputs {
  const library::CompiledMeasure* measure = nullptr;
  std::optional<std::size_t> of_slot;   // the value's field, when it is a field alone
  std::optional<std::size_t> per_slot;  // the same for the key
  bool interns_value = false;           // a distinct count of the keys' values, by id
  bool keys_value = false;              // a distinct count that keeps its values as keys
};

struct SourceState {
  std::vector<std::size_t> measures;                 // library measure indices
  std::vector<MeasureInputs> inputs;                 // per measure of the source
  std::vector<std::optional<std::size_t>> by_slots;  // per breakdown field: its slot here
  std::vector<std::vector<RowStep>> steps;           // per group kind: how a row adds up
  GroupState whole;
  std::vector<store::GroupIndex<GroupState>> groups;  // per breakdown field
  store::ValueInterner interner;          // ids of the distinct values and keys the measures see
};

// How many per-entity keys add_row holds back before adding them. Each one's hash slot is
// fetched from memory meanwhile, so that adding them is not a cache miss each. (Holding back
// one row's keys, 10 M rows, 1 thread: 4.20 s; 16 keys: 4.06 s; 4 or 64 keys: the same.)
constexpr std::size_t kPendingKeys = 16;

class Run {
 public:
  Run(const CompiledLibrary& library, const ValuesRequest& request)
      : library_(library),
        request_(request),
        windows_(request.periods, library.library->calendar) {}

  ValuesResult compute() {
    plan_breakdowns();
    plan_windows();
    plan_groups();
    scan_sources();
    compute_per_entity_values();
    return {evaluate_kpis(), std::move(quality_)};
  }

 private:
  // 1. Which fields break KPIs down.
  void plan_breakdowns() {
    std::vector<std::string> all_fields;
    for (const Source& source : library_.library->sources) {
      for (const auto& field : source.fields) {
        all_fields.push_back(field.name);
      }
    }
    for (const auto& kpi : library_.kpis) {
      const std::string& field = by_field_of(kpi);
      if (field.empty() ||
          std::find(by_fields_.begin(), by_fields_.end(), field) != by_fields_.end()) {
        continue;
      }
      if (std::find(all_fields.begin(), all_fields.end(), field) == all_fields.end()) {
        throw Error({"usage.by",
                     fmt::format("cannot break down by \"{}\": no source maps a field of "
                                 "that name{}",
                                 field, did_you_mean(field, all_fields)),
                     {}});
      }
      by_fields_.push_back(field);
    }
  }

  const std::string& by_field_of(const library::CompiledKpi& kpi) const {
    return request_.by.empty() ? kpi.definition->by : request_.by;
  }

  // 2. Every period the formulas read, found by walking them through KPI references.
  void plan_windows() {
    for (std::size_t base = 0; base < windows_.base_count(); ++base) {
      for (const auto& kpi : library_.kpis) {
        visit_references(base, kpi, {});
        if (request_.with_changes) {
          visit_references(base, kpi, {expr::Shift::Previous});
          visit_references(base, kpi, {expr::Shift::LastYear});
        }
      }
    }
  }

  void visit_references(std::size_t base, const library::CompiledKpi& kpi,
                        const std::vector<expr::Shift>& prefix) {
    for (const expr::Reference& reference : kpi.formula.references()) {
      std::vector<expr::Shift> shifts = prefix;
      shifts.insert(shifts.end(), reference.shifts.begin(), reference.shifts.end());
      windows_.index_of(base, shifts);
      if (reference.name.kind == expr::FormulaName::Kind::Kpi) {
        visit_references(base, library_.kpis[reference.name.index], shifts);
      } else if (const auto& measure = library_.measures[reference.name.index];
                 measure.reads_previous_keys) {
        shifts.push_back(expr::Shift::Previous);  // lost keys are found in the periods before
        if (measure.lost_periods > 1) {
          shifts.push_back(expr::Shift{expr::Shift::Kind::Rolling, measure.lost_periods});
        }
        windows_.index_of(base, shifts);
      }
    }
  }

  // 2b. Which groups compute each measure.
  void plan_groups() {
    std::vector<std::string> kpi_by;
    for (const auto& kpi : library_.kpis) {
      kpi_by.push_back(by_field_of(kpi));
    }
    plan_ = plan_measures(library_, by_fields_, kpi_by, request_.with_whole);
  }

  // 3. One pass per source over its files.
  void scan_sources() {
    const auto& sources = library_.library->sources;
    states_.resize(sources.size());
    measure_position_.resize(library_.measures.size());
    for (std::size_t m = 0; m < library_.measures.size(); ++m) {
      SourceState& state = states_[library_.measures[m].source];
      measure_position_[m] = state.measures.size();
      state.measures.push_back(m);
    }
    for (std::size_t s = 0; s < sources.size(); ++s) {
      if (!states_[s].measures.empty()) {
        scan(s);
      }
    }
  }

  GroupState new_group(const SourceState& state) const {
    GroupState group;
    group.rows.assign(windows_.size(), 0);
    for (std::size_t m : state.measures) {
      for (std::size_t w = 0; w < windows_.size(); ++w) {
        group.accumulators.emplace_back(library_.measures[m].definition->aggregate);
      }
    }
    group.keys.resize(group.accumulators.size());
    group.first_days.resize(state.measures.size());
    return group;
  }

  // What one row of a source computes for each of its measures, reused from row to row.
  struct RowScratch {
    explicit RowScratch(std::size_t measures)
        : values(measures),
          computed(measures),
          passes(measures),
          ids(measures),
          keys(measures),
          key_inputs(measures) {}

    std::vector<std::size_t> windows;         // the periods that contain the row
    std::optional<std::int32_t> windows_day;  // the day `windows` was found for
    std::vector<const expr::Value*> values;   // each measure's value for the row: in the row,
    std::vector<expr::Value> computed;        // or here when it is not a field alone
    std::vector<char> passes;                 // whether the row counts for each measure
    std::vector<std::uint32_t> ids;           // count_distinct: the value's id
    std::vector<store::ValueKey> keys;               // per-entity: the key
    std::vector<std::vector<expr::Value>> key_inputs;  // per-entity: the values of the key's
                                                       // inputs that have one (not rows)
    // Keys to add, held back a few rows so that their hash slots load meanwhile (see add_row).
    struct PendingKey {
      EntityTable* keys;
      std::size_t measure;  // index within the source
      store::ValueKey key;
      std::size_t first_input;  // in pending_inputs
      std::size_t input_count;
    };
    std::vector<PendingKey> pending;
    std::vector<expr::Value> pending_inputs;
    std::string group_key;       // a breakdown value that is not text, as text
    std::string bytes;           // a value to intern, tagged with its kind
    std::string interned_bytes;  // the row's last interned value, and its id
    std::uint32_t interned_id = 0;
    bool interned_in_row = false;
  };

  // What one of the threads that read a source's files has seen.
  struct Part {
    SourceState state;
    RowScratch scratch{0};
  };

  void scan(std::size_t source_index) {
    const Source& source = library_.library->sources[source_index];
    SourceState& state = states_[source_index];
    std::vector<bool> needed = needed_fields(source, state);
    const std::vector<LookupTable> lookups = load_lookups(
        *library_.library, source, needed, [&](const Source& master) { return files_of(master); },
        request_.scan.strict, quality_);
    state.whole = new_group(state);
    state.groups.resize(by_fields_.size());
    state.steps = plan_row_steps(library_, state.measures, plan_, by_fields_.size() + 1);
    state.inputs = measure_inputs(state);
    RowScratch scratch(state.measures.size());
    // The files (and ranges of large ones) are read on threads, each into a state of its own,
    // merged at the end.
    PartHandlers in_parts;
    in_parts.parts = thread_count();
    std::vector<std::unique_ptr<Part>> parts(in_parts.parts);  // sized before the threads fork
    in_parts.fork = [&](std::size_t p) {
      parts[p] = std::make_unique<Part>();
      SourceState& part = parts[p]->state;
      part.measures = state.measures;
      part.by_slots = state.by_slots;
      part.steps = state.steps;
      part.inputs = state.inputs;
      part.whole = new_group(state);
      part.groups.resize(by_fields_.size());
      parts[p]->scratch = RowScratch(state.measures.size());
      return row_handler(part, parts[p]->scratch);
    };
    in_parts.join = [&](std::size_t p) {
      add_pending_keys(state, scratch);
      add_pending_keys(parts[p]->state, parts[p]->scratch);
      // The first thread's state becomes the source's (no copy); each is freed once folded in.
      if (p == 0 && is_empty(state)) {
        state.whole = std::move(parts[p]->state.whole);
        state.groups = std::move(parts[p]->state.groups);
        state.interner = std::move(parts[p]->state.interner);
      } else {
        merge(state, parts[p]->state);
      }
      parts[p].reset();
    };
    scan_source(source, files_of(source), needed, request_.scan.strict, quality_,
                row_handler(state, scratch), lookups, &in_parts);
    add_pending_keys(state, scratch);
  }

  std::vector<MeasureInputs> measure_inputs(const SourceState& state) const {
    std::vector<MeasureInputs> inputs;
    for (std::size_t m : state.measures) {
      const library::CompiledMeasure& measure = library_.measures[m];
      MeasureInputs& input = inputs.emplace_back();
      input.measure = &measure;
      input.of_slot = measure.of ? measure.of->field_slot() : std::nullopt;
      input.per_slot = measure.per ? measure.per->field_slot() : std::nullopt;
      input.interns_value = measure.definition->aggregate == library::Aggregate::CountDistinct &&
                            measure.per && !measure.counts_keys;
      // A distinct count of a per-entity measure's keys reads that measure's table instead.
      input.keys_value = keeps_value_keys(measure) && !plan_.shared_keys[m];
    }
    return inputs;
  }

  std::size_t thread_count() const {
    return request_.scan.threads != 0 ? request_.scan.threads
                                 : std::max<std::size_t>(1, std::thread::hardware_concurrency());
  }

  RowHandler row_handler(SourceState& state, RowScratch& scratch) {
    const bool tracks_first_seen =
        std::any_of(state.measures.begin(), state.measures.end(),
                    [&](std::size_t m) { return library_.measures[m].tracks_first_seen; });
    return [this, &state, &scratch, tracks_first_seen](std::span<const expr::Value> row,
                                                       std::int32_t day) {
      if (scratch.pending.size() >= kPendingKeys) {
        add_pending_keys(state, scratch);
      }
      // Exports are mostly in time order: a row's day is most often the last row's.
      if (scratch.windows_day != day) {
        windows_.containing(day, scratch.windows);
        scratch.windows_day = day;
      }
      // First appearances count in all history, so such rows are read even outside the periods.
      if (scratch.windows.empty() && !tracks_first_seen) {
        return;
      }
      evaluate_measures(state, row, scratch);
      if (tracks_first_seen) {
        visit_groups(state, row, scratch, [&](GroupState& group, std::size_t kind) {
          note_first_days(state, scratch, kind, day, group);
        });
      }
      if (!scratch.windows.empty()) {
        visit_groups(state, row, scratch, [&](GroupState& group, std::size_t kind) {
          add_row(state, scratch, kind, group);
        });
      }
    };
  }

  static bool is_empty(const SourceState& state) {
    const auto no_rows = [](const GroupState& group) {
      return std::all_of(group.rows.begin(), group.rows.end(),
                         [](auto rows) { return rows == 0; }) &&
             std::all_of(group.first_days.begin(), group.first_days.end(),
                         [](const auto& days) { return days.empty(); });
    };
    return state.interner.size() == 0 && no_rows(state.whole) &&
           std::all_of(state.groups.begin(), state.groups.end(),
                       [](const store::GroupIndex<GroupState>& groups) { return groups.empty(); });
  }

  // Folds the state of a part of a file into the source's. Groups merge independently, so
  // they are spread over the threads: the large per-entity tables of a store each take one.
  void merge(SourceState& state, const SourceState& part) {
    std::vector<std::uint32_t> remap(part.interner.size());
    part.interner.for_each([&](std::string_view bytes, std::uint32_t id) {
      remap[id] = state.interner.intern_bytes(bytes);
    });
    for (std::size_t b = 0; b < part.groups.size(); ++b) {
      for (const auto& [value, group] : part.groups[b].all()) {
        if (state.groups[b].find(value) == nullptr) {
          state.groups[b].add(value, new_group(state));
        }
      }
    }
    // Only now that no group is added do pointers to them stay valid.
    std::vector<std::pair<GroupState*, const GroupState*>> pairs{{&state.whole, &part.whole}};
    for (std::size_t b = 0; b < part.groups.size(); ++b) {
      for (const auto& [value, group] : part.groups[b].all()) {
        pairs.emplace_back(state.groups[b].find(value), &group);
      }
    }
    store::parallel_for(pairs.size(), thread_count(), [&](std::size_t k) {
      pairs[k].first->merge(*pairs[k].second, library_.measures, state.measures, remap);
    });
  }

  // The fields a source's rows must convert: what its measures read, its time, and the
  // breakdown fields it has (whose slots it records in `state`).
  std::vector<bool> needed_fields(const Source& source, SourceState& state) const {
    std::vector<bool> needed(source.fields.size(), false);
    const auto need = [&](const std::optional<expr::RowExpression>& expression) {
      if (expression) {
        for (std::size_t slot = 0; slot < needed.size(); ++slot) {
          needed[slot] = needed[slot] || expression->fields_used()[slot];
        }
      }
    };
    for (std::size_t m : state.measures) {
      const library::CompiledMeasure& measure = library_.measures[m];
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
    for (const std::string& field : by_fields_) {
      const auto* found = source.find_field(field);
      state.by_slots.push_back(
          found ? std::optional(static_cast<std::size_t>(found - source.fields.data()))
                : std::nullopt);
      if (found) {
        needed[*state.by_slots.back()] = true;
      }
    }
    return needed;
  }

  // Filter, value and key of each measure for one row: once, whatever its periods and groups.
  void evaluate_measures(SourceState& state, std::span<const expr::Value> row,
                         RowScratch& scratch) const {
    scratch.interned_in_row = false;
    for (std::size_t i = 0; i < state.measures.size(); ++i) {
      const MeasureInputs& inputs = state.inputs[i];
      const library::CompiledMeasure& measure = *inputs.measure;
      bool passes = !measure.filter || measure.filter->holds(row);
      if (passes && measure.of) {
        scratch.values[i] = &read(*measure.of, inputs.of_slot, row, scratch.computed[i]);
        if (inputs.interns_value && !scratch.values[i]->is_null()) {
          scratch.ids[i] = intern(state, scratch, *scratch.values[i]);
        }
        if (inputs.keys_value) {
          passes = !scratch.values[i]->is_null();
          scratch.keys[i] = key_of(state, scratch, *scratch.values[i]);
        }
      }
      if (passes && measure.per) {
        expr::Value computed_key;
        const expr::Value& key = read(*measure.per, inputs.per_slot, row, computed_key);
        passes = !key.is_null();
        scratch.keys[i] = key_of(state, scratch, key);
        scratch.key_inputs[i].clear();
        for (const library::KeyAggregate& input : measure.key_aggregates) {
          if (input.of) {
            scratch.key_inputs[i].push_back(input.of->evaluate(row));
          }
        }
      }
      scratch.passes[i] = passes;
    }
  }

  // A field's value is read in place; anything else is computed into `computed`.
  static const expr::Value& read(const expr::RowExpression& expression,
                                 std::optional<std::size_t> field_slot,
                                 std::span<const expr::Value> row, expr::Value& computed) {
    if (field_slot) {
      return row[*field_slot];
    }
    computed = expression.evaluate(row);
    return computed;
  }

  // The value's id; measures of one row often intern the same value (members counted and
  // members with two or more rows), which then costs a comparison, not a lookup.
  static std::uint32_t intern(SourceState& state, RowScratch& scratch, const expr::Value& value) {
    store::ValueInterner::bytes_of(value, scratch.bytes);
    if (!scratch.interned_in_row || scratch.bytes != scratch.interned_bytes) {
      scratch.interned_id = state.interner.intern_bytes(scratch.bytes);
      scratch.interned_bytes.swap(scratch.bytes);
      scratch.interned_in_row = true;
    }
    return scratch.interned_id;
  }

  static store::ValueKey key_of(SourceState& state, RowScratch& scratch, const expr::Value& value) {
    if (value.kind == expr::Value::Kind::Text && value.text.size() < store::ValueKey::kInlineBytes) {
      return store::ValueKey::of_text(value.text);  // the common case, without building the bytes
    }
    store::ValueInterner::bytes_of(value, scratch.bytes);
    if (scratch.bytes.size() <= store::ValueKey::kInlineBytes) {
      return store::ValueKey::of_bytes(scratch.bytes);
    }
    return store::ValueKey::of_id(intern(state, scratch, value));
  }

  // Calls `visit` with the whole's state and the state of each breakdown value of the row,
  // each with its kind (0 for the whole, b + 1 for breakdown field b).
  template <typename Visit>
  void visit_groups(SourceState& state, std::span<const expr::Value> row, RowScratch& scratch,
                    const Visit& visit) {
    visit(state.whole, 0);
    for (std::size_t b = 0; b < by_fields_.size(); ++b) {
      if (!state.by_slots[b]) {
        continue;
      }
      const expr::Value& value = row[*state.by_slots[b]];
      std::string_view key = value.text;
      if (value.kind != expr::Value::Kind::Text) {
        scratch.group_key = key_text(value);
        key = scratch.group_key;
      }
      GroupState* group = state.groups[b].find(key);
      if (group == nullptr) {
        group = &state.groups[b].add(key, new_group(state));
      }
      visit(*group, b + 1);
    }
  }

  // Adds the row to every measure it passes, in every period that contains it.
  void add_row(const SourceState& state, RowScratch& scratch, std::size_t kind,
               GroupState& group) const {
    using Action = RowStep::Action;
    const std::size_t window_count = windows_.size();
    for (std::size_t w : scratch.windows) {
      ++group.rows[w];
      for (const RowStep& step : state.steps[kind]) {
        const std::size_t i = step.measure;
        if (!scratch.passes[i]) {
          continue;
        }
        const std::size_t slot = i * window_count + w;
        Accumulator* accumulator = &group.accumulators[slot];
        if (step.action == Action::AddKey) {
          // Nothing reads this key before the scan ends, so it is added a few rows later, its
          // slot (a cache miss in a large table) loading meanwhile.
          EntityTable& keys = group.keys[slot];
          keys.prefetch(scratch.keys[i]);
          scratch.pending.push_back({&keys, i, scratch.keys[i], scratch.pending_inputs.size(),
                                     scratch.key_inputs[i].size()});
          scratch.pending_inputs.insert(scratch.pending_inputs.end(), scratch.key_inputs[i].begin(),
                                        scratch.key_inputs[i].end());
          continue;
        }
        if (step.action == Action::AddKeyShare) {
          const auto& measure = library_.measures[state.measures[i]];
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

  std::vector<std::string> files_of(const Source& source) const {
    const auto overrides = request_.scan.data.find(source.name);
    return source_files(
        source, library_.library->path.parent_path(),
        overrides == request_.scan.data.end() ? std::vector<std::string>{} : overrides->second);
  }

  void note_first_days(const SourceState& state, const RowScratch& scratch, std::size_t kind,
                       std::int32_t day, GroupState& group) const {
    for (std::size_t i = 0; i < state.measures.size(); ++i) {
      const std::size_t m = state.measures[i];
      if (scratch.passes[i] && library_.measures[m].tracks_first_seen && plan_.wanted[m][kind]) {
        auto [entry, inserted] = group.first_days[i].try_emplace(scratch.keys[i], day);
        entry->second = std::min(entry->second, day);
      }
    }
  }

  // Adds the keys that add_row held back. EntityTables never move (their groups may, but not the
  // vectors' buffers that hold them), so the pointers are still good.
  void add_pending_keys(const SourceState& state, RowScratch& scratch) const {
    for (const RowScratch::PendingKey& pending : scratch.pending) {
      const library::CompiledMeasure& measure = library_.measures[state.measures[pending.measure]];
      EntityTable::Key& key = pending.keys->add(pending.key, measure);
      add_key_inputs(measure,
                     std::span<const expr::Value>(scratch.pending_inputs)
                         .subspan(pending.first_input, pending.input_count),
                     *pending.keys, key);
    }
    scratch.pending.clear();
    scratch.pending_inputs.clear();
  }

  // `values` are those of the inputs with an expression, in order.
  static void add_key_inputs(const library::CompiledMeasure& measure,
                             std::span<const expr::Value> values, EntityTable& keys,
                             EntityTable::Key& key) {
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
      if (!keys.input(key, j, width).add(input.aggregate, *value++)) {
        throw_key_overflow(measure);
      }
    }
  }

  // 3b. The per-entity measures' values in every group and period with rows, on all cores:
  // judging each key's `having` is most of what evaluating costs (W at 10 M rows: ~1.8 M
  // keys, 0.06 s on one core). A measure that counts the distinct values of its keys interns
  // them, and is left to evaluate_kpis.
  void compute_per_entity_values() {
    struct Task {
      std::size_t measure;
      const GroupState* group;
      std::size_t window;
    };
    std::vector<Task> tasks;
    for (std::size_t m = 0; m < library_.measures.size(); ++m) {
      const library::CompiledMeasure& measure = library_.measures[m];
      if (!measure.per ||
          (measure.key_of && measure.definition->aggregate == library::Aggregate::CountDistinct)) {
        continue;
      }
      const SourceState& state = states_[measure.source];
      const auto add = [&](const GroupState& group) {
        for (std::size_t w = 0; w < group.rows.size(); ++w) {
          if (group.rows[w] > 0) {
            tasks.push_back({m, &group, w});
          }
        }
      };
      if (plan_.wanted[m][0]) {
        add(state.whole);
      }
      for (std::size_t b = 0; b < state.groups.size(); ++b) {
        if (plan_.wanted[m][b + 1]) {
          for (const auto& [value, group] : state.groups[b].all()) {
            add(group);
          }
        }
      }
    }
    std::vector<std::optional<long double>> values(tasks.size());
    store::parallel_for(tasks.size(), thread_count(), [&](std::size_t t) {
      const Task& task = tasks[t];
      const library::CompiledMeasure& measure = library_.measures[task.measure];
      // The interner is not touched: only a distinct count of the keys' values interns.
      values[t] = per_entity_value(measure, *task.group, measure_position_[task.measure],
                                   task.window, windows_, states_[measure.source].interner);
    });
    for (std::size_t t = 0; t < tasks.size(); ++t) {
      per_entity_values_.emplace(std::tuple(tasks[t].measure, tasks[t].group, tasks[t].window),
                                 values[t]);
    }
  }

  struct Group {
    std::size_t field;
    std::string value;
  };

  // 4. KPI values per period and breakdown value.
  std::vector<KpiValue> evaluate_kpis() {
    std::vector<KpiValue> rows;
    for (std::size_t base = 0; base < windows_.base_count(); ++base) {
      for (std::size_t k = 0; k < library_.kpis.size(); ++k) {
        const std::string& field = by_field_of(library_.kpis[k]);
        const std::size_t b = static_cast<std::size_t>(
            std::find(by_fields_.begin(), by_fields_.end(), field) - by_fields_.begin());
        const bool broken_down = !field.empty() && reads_field(k, b);
        if (!broken_down || request_.with_whole) {
          rows.push_back(value_row(base, k, "", "", std::nullopt));
        }
        if (!broken_down) {
          continue;
        }
        for (const std::string& value : group_values(base, k, b)) {
          rows.push_back(value_row(base, k, field, value, Group{b, value}));
        }
      }
    }
    return rows;
  }

  KpiValue value_row(std::size_t base, std::size_t kpi, const std::string& field,
                     const std::string& value, const std::optional<Group>& group) {
    KpiValue row{base, kpi, field, value, kpi_value(base, kpi, {}, group), {}, {}};
    if (request_.with_changes) {
      row.previous = kpi_value(base, kpi, {expr::Shift::Previous}, group);
      row.last_year = kpi_value(base, kpi, {expr::Shift::LastYear}, group);
    }
    return row;
  }

  // Breakdown values with rows in the reported period, in any source the KPI reads.
  std::vector<std::string> group_values(std::size_t base, std::size_t kpi,
                                        std::size_t field) const {
    std::set<std::string> values;
    for (std::size_t source : sources_of(kpi)) {
      const SourceState& state = states_[source];
      if (state.groups.empty()) {
        continue;
      }
      for (const auto& [value, group] : state.groups[field].all()) {
        if (group.rows[base] > 0) {
          values.insert(value);
        }
      }
    }
    return {values.begin(), values.end()};
  }

  bool reads_field(std::size_t kpi, std::size_t field) const {
    const auto sources = sources_of(kpi);
    return std::any_of(sources.begin(), sources.end(), [&](std::size_t source) {
      return !states_[source].by_slots.empty() && states_[source].by_slots[field].has_value();
    });
  }

  std::set<std::size_t> sources_of(std::size_t kpi) const {
    std::set<std::size_t> sources;
    for (const expr::Reference& reference : library_.kpis[kpi].formula.references()) {
      if (reference.name.kind == expr::FormulaName::Kind::Measure) {
        sources.insert(library_.measures[reference.name.index].source);
      } else {
        const auto nested = sources_of(reference.name.index);
        sources.insert(nested.begin(), nested.end());
      }
    }
    return sources;
  }

  std::optional<long double> kpi_value(std::size_t base, std::size_t kpi,
                                       const std::vector<expr::Shift>& prefix,
                                       const std::optional<Group>& group) {
    return library_.kpis[kpi].formula.evaluate([&](const expr::Reference& reference) {
      std::vector<expr::Shift> shifts = prefix;
      shifts.insert(shifts.end(), reference.shifts.begin(), reference.shifts.end());
      const std::optional<Group> scope = reference.total ? std::nullopt : group;
      if (reference.name.kind == expr::FormulaName::Kind::Kpi) {
        return kpi_value(base, reference.name.index, shifts, scope);
      }
      return measure_value(reference.name.index, windows_.index_of(base, shifts), scope);
    });
  }

  std::optional<long double> measure_value(std::size_t measure, std::size_t window,
                                           const std::optional<Group>& group) {
    SourceState& state = states_[library_.measures[measure].source];
    const GroupState* data = &state.whole;
    if (group && state.by_slots[group->field]) {
      data = std::as_const(state.groups[group->field]).find(group->value);
    }
    if (data == nullptr || data->rows[window] == 0) {
      // The source has no rows here: no data, not zero, unless the measure says otherwise.
      return library_.measures[measure].definition->zero_without_rows
                 ? std::optional<long double>(0)
                 : std::nullopt;
    }
    const std::size_t slot = measure_position_[measure] * windows_.size() + window;
    const library::CompiledMeasure& compiled = library_.measures[measure];
    if (const std::optional<std::size_t> keyed = plan_.shared_keys[measure]) {
      const std::size_t keys_slot = measure_position_[*keyed] * windows_.size() + window;
      return static_cast<long double>(data->keys[keys_slot].size());
    }
    if (keeps_value_keys(compiled)) {
      return static_cast<long double>(data->keys[slot].size());
    }
    if (!compiled.per) {
      return data->accumulators[slot].result();
    }
    if (const auto computed = per_entity_values_.find(std::tuple(measure, data, window));
        computed != per_entity_values_.end()) {
      return computed->second;
    }
    return per_entity_value(compiled, *data, measure_position_[measure], window, windows_,
                            state.interner);
  }

  const CompiledLibrary& library_;
  const ValuesRequest& request_;
  Windows windows_;
  std::vector<std::string> by_fields_;
  std::vector<SourceState> states_;
  std::vector<std::size_t> measure_position_;  // a measure's index within its source
  MeasurePlan plan_;                           // which groups compute each measure
  // Values of per-entity measures, by measure, group and window (compute_per_entity_values).
  absl::flat_hash_map<std::tuple<std::size_t, const GroupState*, std::size_t>,
                      std::optional<long double>>
      per_entity_values_;
  DataQuality quality_;
};

}  // namespace

ValuesResult compute_values(const CompiledLibrary& library, const ValuesRequest& request) {
  return Run(library, request).compute();
}

}  // namespace kpi::engine
