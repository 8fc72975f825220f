// SPDX-License-Identifier: MIT
// What one computation of KPI values will do, decided before any row is read: the breakdown
// fields, the periods the formulas read, where each measure is computed, and per source how a
// row adds up. Everything after planning reads it and nothing changes it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "kpi/engine/group_state.hpp"
#include "kpi/engine/kpi_values.hpp"
#include "kpi/engine/measure_plan.hpp"
#include "kpi/engine/windows.hpp"
#include "kpi/library/compiled_library.hpp"

namespace kpi::engine {

/// Where a row's inputs to one measure come from, settled once per source.
struct MeasureInputs {
  const library::CompiledMeasure* measure = nullptr;
  std::optional<std::size_t> of_slot;   ///< the value's field, when it is a field alone
  std::optional<std::size_t> per_slot;  ///< the same for the key
  bool interns_value = false;           ///< a distinct count of the keys' values, by id
  bool keys_value = false;              ///< a distinct count that keeps its values as keys
  /// An earlier measure of the source (its index there) whose filter is the same: the row's
  /// answer to it is reused rather than judged again.
  std::optional<std::size_t> same_filter_as;
};

/// How the rows of one source are aggregated.
struct SourcePlan {
  std::size_t source = 0;             ///< index into Library::sources
  std::vector<std::size_t> measures;  ///< the library's measures of the source
  std::vector<MeasureInputs> inputs;  ///< per measure of the source
  /// Per breakdown: the slots of its fields here; empty when the source lacks one of them, and
  /// so gives its measures whole.
  std::vector<std::vector<std::size_t>> by_slots;
  std::vector<std::vector<RowStep>> steps;  ///< per group kind: how a row adds up
  std::vector<bool> needed_fields;          ///< the fields a row must convert
  bool tracks_first_seen = false;           ///< some measure's `having` reads is_new
  bool period_filtered = false;  ///< some measure's filter reads period_start or period_end
  /// ValuesRequest::count_passing: each group counts the rows that pass each measure's filter.
  bool count_passing = false;
  /// [measure of the source × windows + window]: RunPlan::reads, in the layout of GroupState.
  std::vector<char> reads;

  /// A group with empty accumulators for every measure and period.
  GroupState new_group(const library::CompiledLibrary& library, std::size_t windows) const;
};

struct RunPlan {
  const library::CompiledLibrary* library = nullptr;
  ValuesRequest request;
  /// The breakdowns KPIs are computed by, in group-kind order (kind b + 1 is by_fields[b]):
  /// "store", or "store,channel" for several fields; also the parents all(x, "store") reads.
  std::vector<std::string> by_fields;
  /// [b]: the fields of by_fields[b], in order.
  std::vector<std::vector<std::string>> by_parts;
  /// Every period the formulas read: the requested ones first.
  Windows windows;
  /// Which groups compute each measure.
  MeasurePlan measures;
  /// Per source; a source that no asked KPI reads has no measures and is not read.
  std::vector<SourcePlan> sources;
  /// [measure]: its index among its source's measures.
  std::vector<std::size_t> measure_position;
  /// [measure][window]: whether anything reads the measure in the period: a formula, a `lost`
  /// (the period before) or a distinct count of its keys. Rows add to those only: a series of
  /// daily periods with to_date() would otherwise keep every per-entity table of all history
  /// in every one of them (D24).
  std::vector<std::vector<char>> reads;
  std::size_t threads = 1;
  /// [kpi]: computed for the request (every KPI, or those of ValuesRequest::kpis).
  std::vector<bool> asked;

  /// The breakdown KPI `kpi` is computed by: --by, else its own `by`, else "".
  const std::string& by_field_of(std::size_t kpi) const;
  /// The index into by_fields of breakdown `name` ("store,channel").
  std::optional<std::size_t> breakdown_index(std::string_view name) const;
  /// The breakdown all(x, within) reads from a value of breakdown `b`: the index of `within`'s
  /// fields, when they all are among b's; none otherwise.
  std::optional<std::size_t> parent_of(std::size_t b, std::string_view within) const;
};

/// Plans a computation. Throws kpi::Error ("usage.by") for a breakdown field no source maps.
RunPlan plan_run(const library::CompiledLibrary& library, const ValuesRequest& request);

}  // namespace kpi::engine
