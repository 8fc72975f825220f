// SPDX-License-Identifier: MIT
// Where a KPI's value comes from (kpi explain): its formula's terms with their values, and for
// each measure it reads, in each period it reads it, the files, the rows in the period, the
// rows passing the filter and, per entity, the keys seen and passing. Every count is one the
// computation itself made.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kpi/engine/data_quality.hpp"
#include "kpi/engine/kpi_values.hpp"
#include "kpi/engine/row_reader.hpp"
#include "kpi/expr/formula.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/time/period.hpp"

namespace kpi::engine {

/// One reference of the KPI's formula, read as the formula reads it.
struct ExplainedTerm {
  expr::Reference reference;
  time::Period period;  ///< the period it reads (after prev, last_year, rolling, to_date)
  std::optional<long double> value;
};

/// What the run counted for one measure in one period.
struct ExplainedMeasure {
  std::size_t measure = 0;  ///< index into CompiledLibrary::measures
  std::vector<expr::Shift> shifts;
  time::Period period;
  /// all(x): read on the whole rather than the breakdown value; `within` for all(x, "store").
  bool total = false;
  std::string within;
  std::optional<long double> value;
  /// Whether the counts below are those of the group read: not for all(x, "store"), whose
  /// group is the value's parent.
  bool counted = false;
  bool whole = true;  ///< read from the whole: no breakdown, all(x), or a source without it
  std::uint64_t rows_in_period = 0;
  std::uint64_t rows_passing = 0;  ///< passing the filter, and with what `passing_with` says
  /// What a row needs besides passing the filter to count in rows_passing: nothing, a key (a
  /// per-entity measure), or a value (a distinct count that keeps its values as keys).
  enum class Needs { Nothing, Key, Value };
  Needs passing_with = Needs::Nothing;
  std::optional<std::uint64_t> keys_seen;     ///< per entity: the keys judged
  std::optional<std::uint64_t> keys_passing;  ///< per entity: those passing `having`
  std::optional<time::Period> judged_period;  ///< lost: the periods whose keys are judged
};

struct KpiExplanation {
  std::size_t kpi = 0;
  time::Period period;
  std::string by_field;  ///< "" for the whole
  std::string by_value;
  std::optional<long double> value;
  std::optional<ExactUnits> exact;
  std::vector<ExplainedTerm> terms;
  /// Every measure the formula reads, through the KPIs it reads, in each period, once.
  std::vector<ExplainedMeasure> measures;
  DataQuality quality;  ///< also the files read, with their records and columns
};

/// The rows behind each explained measure (kpi explain --rows N): its first `limit` rows, in
/// file order, that count for its value: in its period (for `lost`, the period whose keys are
/// judged), of the breakdown value when it is read in one, passing its filter, with a value
/// when it needs one (a distinct count) and, per entity, whose key passes `having`.
struct RowsBehind {
  std::size_t limit = 0;
  /// Receives one row behind measure `measure` (an index into KpiExplanation::measures, and
  /// `explained`, that measure): the values of every field of its source in the library's
  /// order, as kpi rows reads them, and where the row is.
  std::function<void(std::size_t measure, const ExplainedMeasure& explained,
                     std::span<const expr::Value> row, const RowPlace& place)>
      on_row;
};

/// Explains KPI `kpi` in the request's one period, for the whole or (with `by_field`) the
/// breakdown value `by_value`: the same computation as kpi values, counting the rows that
/// pass each measure's filter as well. With `rows`, each source is read once more, after the
/// counts (which stay those of the computation), until each of its measures has its rows.
/// A measure read in the breakdown value's parent group (all(x, "store")) has none.
KpiExplanation explain_kpi(const library::CompiledLibrary& library, ValuesRequest request,
                           std::size_t kpi, const std::string& by_field,
                           const std::string& by_value, const RowsBehind* rows = nullptr);

}  // namespace kpi::engine
