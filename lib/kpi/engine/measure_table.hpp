// SPDX-License-Identifier: MIT
// The measures table: every measure a run's KPIs read, per period and breakdown value, as one
// long table `measure, period, breakdown_field, breakdown_value, value`. A SQL engine computes
// it (`kpi sql`), kpi writes it from its own aggregation (`kpi values --emit-measures`), and
// `--measures` evaluates the formulas from it instead of reading the exports.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "kpi/engine/data_quality.hpp"
#include "kpi/engine/kpi_evaluation.hpp"
#include "kpi/engine/run_plan.hpp"
#include "kpi/engine/source_aggregation.hpp"

namespace kpi::engine {

/// The table's columns, in order: its header.
inline constexpr const char* kMeasureTableColumns[] = {"measure", "period", "breakdown_field",
                                                       "breakdown_value", "value"};

/// The name of the row that counts a source's rows: "rows(pos)".
std::string source_rows_name(const std::string& source);

/// Whether the run computes measure `measure` in period `window` for group kind `kind` (0: the
/// whole, b + 1: breakdown b): the cells of the table a run needs. The one place that reads
/// the plan's per-measure periods and breakdowns, for the table's writer and for `kpi sql`.
bool computes_measure(const RunPlan& plan, std::size_t measure, std::size_t kind,
                      std::size_t window);

/// Whether the engine knows `measure` exactly in millionths (a sum, count, distinct count, min
/// or max; not an average, a median or a per-entity value).
bool measure_is_exact(const RunPlan& plan, std::size_t measure);

/// The table of a run from its own aggregation: per source read, per period and group with
/// rows, rows(SOURCE) and each measure the run computes there. A value the engine knows
/// exactly is written exactly; another with 21 significant digits, which read back gives the
/// same long double. Ordered by period, breakdown, breakdown value, then measure.
std::vector<MeasureTableRow> measure_table_of(
    const RunPlan& plan, MeasureReader& measures,
    std::vector<std::optional<SourceAggregation>>& sources);

/// A measures table read for a run: a MeasureReader over its rows.
///
/// The rule of no value, as the engine's: a period and group for which the table has no
/// rows(SOURCE), or 0, has no rows of the source, and its measures no value (0 with
/// `no_rows = 0`); with rows, an empty value is no value and a measure without a row is no
/// value. Rows of periods or breakdowns the run does not read are ignored.
class MeasureTable final : public MeasureReader {
 public:
  /// Reads the CSV at `path` ("-": standard input) in UTF-8: the header as
  /// kMeasureTableColumns (in any order, matched by name; other columns ignored), then rows.
  /// Throws kpi::Error ("data.measures") naming the file, line and column for an unknown
  /// measure or source, a breakdown value without as many values as its fields, a value that
  /// is not a number, or the same cell twice.
  MeasureTable(const RunPlan& plan, const std::string& path);

  std::optional<long double> value(std::size_t measure, std::size_t window,
                                   const std::optional<BreakdownValue>& in) override;
  std::optional<ExactUnits> exact(std::size_t measure, std::size_t window,
                                  const std::optional<BreakdownValue>& in) override;
  void keys_with_rows(std::size_t source, std::size_t by, std::size_t window,
                      std::set<std::string>& keys) const override;
  /// The rows of `source` in `window` for the whole: 0 when the table has none.
  std::uint64_t source_rows(std::size_t source, std::size_t window) const;
  /// The table as the file the run read instead of the exports: its records, all read (a bad
  /// one is an error), those of periods or breakdowns the run does not read included.
  InputFile input() const;

 private:
  struct Cell {
    std::optional<long double> value;
    std::optional<ExactUnits> exact;
  };
  // (measure, or measures + source for rows(SOURCE); window; kind; group key)
  using CellKey = std::tuple<std::size_t, std::size_t, std::size_t, std::string>;
  const Cell* find(std::size_t slot, std::size_t window, std::size_t kind,
                   const std::string& key) const;
  // The cell of a measure, or none when its source has no rows there.
  std::optional<const Cell*> measure_cell(std::size_t measure, std::size_t window,
                                          const std::optional<BreakdownValue>& in) const;

  const RunPlan& plan_;
  std::string file_;
  std::uint64_t records_ = 0;
  absl::flat_hash_map<CellKey, Cell> cells_;
  // [kind][window]: the group keys with rows, per source slot.
  absl::flat_hash_map<std::tuple<std::size_t, std::size_t, std::size_t>, std::set<std::string>>
      keys_;
};

}  // namespace kpi::engine
