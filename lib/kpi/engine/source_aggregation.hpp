// SPDX-License-Identifier: MIT
// The aggregation of one source's rows: for the whole and each breakdown value, every measure
// of the source in every period, and the keys of its per-entity measures. Rows are added one
// by one; a thread's aggregation of part of the files merges into another. The sequential and
// the threaded reading use the same add and merge.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/engine/group_state.hpp"
#include "kpi/engine/row_reader.hpp"
#include "kpi/engine/run_plan.hpp"
#include "kpi/store/group_index.hpp"
#include "kpi/store/prefetched_inserts.hpp"
#include "kpi/store/value_interner.hpp"
#include "kpi/store/value_key.hpp"

namespace kpi::engine {

class SourceAggregation {
 public:
  SourceAggregation(const RunPlan& plan, const SourcePlan& source);
  SourceAggregation(SourceAggregation&&) = default;
  SourceAggregation& operator=(SourceAggregation&&) = default;

  /// Adds one row of the source: its field values (see SourcePlan::needed_fields) and its day.
  /// Returns the row's problem, a measure's value beyond the range of a row's value (the row
  /// is then left out of that measure), or nullptr.
  const RowProblem* add(std::span<const expr::Value> row, std::int32_t day);
  /// Adds what `add` holds back (see add_row); called when no more rows come.
  void finish_rows();
  /// Folds in what `part`, an aggregation of other rows of the same source, has seen.
  void merge(SourceAggregation&& part);

  const SourcePlan& plan() const { return *source_; }
  const GroupState& whole() const { return whole_; }
  /// The groups of breakdown field `by` (an index into RunPlan::by_fields).
  const store::GroupIndex<GroupState>& groups(std::size_t by) const { return groups_[by]; }
  /// The interner of the values the measures count; per-entity valuation adds the values of
  /// keys it counts.
  store::ValueInterner& interner() { return interner_; }

 private:
  // What one row computes for each measure of the source, reused from row to row.
  struct RowScratch {
    explicit RowScratch(std::size_t measures);

    std::vector<std::size_t> windows;         // the periods that contain the row
    std::optional<std::int32_t> windows_day;  // the day `windows` was found for
    // For the row's periods: the measures read in one of them (the others are not judged),
    // and the group kinds the row adds to: those of a measure read there, and all of them in
    // a reported period, where every group counts its rows (a year of history that only
    // 环比 reads adds to that one measure's groups alone).
    std::vector<char> active;
    std::vector<std::size_t> active_list;  // the indices of `active`
    std::vector<char> kinds;
    bool any_kind = false;
    std::vector<const expr::Value*> values;  // each measure's value for the row: in the row,
    std::vector<expr::Value> computed;       // or here when it is not a field alone
    std::vector<char> passes;                // whether the row counts for each measure
    std::vector<char> filter_holds;          // whether each measure's filter holds on it
    // With filters that read period_start or period_end: SourcePlan::reads, where the row
    // passes them; and the row with the period's bounds after its fields.
    std::vector<char> period_reads;
    std::vector<expr::Value> bounded_row;
    std::vector<std::uint32_t> ids;                    // count_distinct: the value's id
    std::vector<store::ValueKey> keys;                 // per-entity: the key
    std::vector<std::vector<expr::Value>> key_inputs;  // per-entity: the values of the key's
                                                       // inputs that have one (not rows)
    // Keys to add, held back a few rows so that their hash slots load meanwhile (see add_row),
    // with their inputs' values in pending_inputs.
    struct PendingKey {
      std::size_t measure;      // index within the source
      std::size_t first_input;  // in pending_inputs
      std::size_t input_count;
    };
    store::PrefetchedInserts<EntityTable, PendingKey> pending;
    std::vector<expr::Value> pending_inputs;
    std::string group_key;  // a breakdown value that is not text, as text; or the key of
                            // several fields' values (from group_values, group_texts)
    std::vector<std::string_view> group_values;
    std::vector<std::string> group_texts;
    std::string bytes;           // a value to intern, tagged with its kind
    std::string interned_bytes;  // the row's last interned value, and its id
    std::uint32_t interned_id = 0;
    bool interned_in_row = false;
    RowProblem problem;  // what add returns a pointer to
  };

  GroupState new_group() const;
  bool is_empty() const;
  const RowProblem* evaluate_measures(std::span<const expr::Value> row);
  void judge_period_filters(std::span<const expr::Value> row);
  void add_counting_passes(std::span<const expr::Value> row);
  const RowProblem& out_of_range(const library::CompiledMeasure& measure,
                                 const library::Expression& expression);
  std::uint32_t intern(const expr::Value& value);
  store::ValueKey key_of(const expr::Value& value);
  void note_active_measures();
  /// Visits the whole's group and the row's group of each breakdown, or with `kinds`, those
  /// of the kinds it marks.
  template <typename Visit>
  void visit_groups(std::span<const expr::Value> row, const Visit& visit,
                    const char* kinds = nullptr);
  static std::string_view group_text(const expr::Value& value, std::string& held);
  std::string_view group_key_of(std::span<const expr::Value> row,
                                std::span<const std::size_t> slots);
  void add_row(std::size_t kind, GroupState& group);
  void count_passing(GroupState& group);
  void note_first_days(std::size_t kind, std::int32_t day, GroupState& group);
  void add_pending_keys();
  /// [measure × windows + window]: whether anything reads it (SourcePlan::reads, or its copy
  /// in scratch_.period_reads where the row's filters on the period say so).
  const char* reads_ = nullptr;

  const RunPlan* plan_;
  const SourcePlan* source_;
  std::size_t window_count_;  // the plan's periods, read by every row
  GroupState whole_;
  std::vector<store::GroupIndex<GroupState>> groups_;  // per breakdown field
  store::ValueInterner interner_;  // ids of the distinct values and keys the measures see
  RowScratch scratch_;
};

}  // namespace kpi::engine
