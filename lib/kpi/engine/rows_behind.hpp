// SPDX-License-Identifier: MIT
// The rows behind explained measures (kpi explain --rows N): a source read again, in file
// order, through the reader of kpi rows, each row tested as the run tested it for a measure.
#pragma once

#include <absl/container/flat_hash_set.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kpi/engine/lookup_tables.hpp"
#include "kpi/engine/row_reader.hpp"
#include "kpi/expr/value.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/time/period.hpp"

namespace kpi::engine {

/// What a row of a measure's source needs to be behind the measure's value in one group.
struct RowTest {
  std::size_t explained = 0;  ///< what the rows are told with (KpiExplanation::measures index)
  const library::CompiledMeasure* measure = nullptr;
  /// The rows' period: the measure's, or for `lost` the period whose keys are judged.
  time::Period period;
  std::optional<std::size_t> by_slot;  ///< the breakdown field's slot, for a breakdown value
  std::string by_value;                ///< its value as the group is known (key_text)
  bool needs_value = false;            ///< a value (distinct count keeping values as keys)
  /// Per entity: the kind-tagged bytes (store::ValueInterner::bytes_of) of the keys passing
  /// `having`; a row counts when its key is one of them.
  std::optional<absl::flat_hash_set<std::string>> keys;

  /// Whether the row of day `day` is behind the measure. `scratch` holds the row with the
  /// period's bounds for a filter that reads them.
  bool holds(std::span<const expr::Value> row, std::int32_t day,
             std::vector<expr::Value>& scratch) const;
};

/// Receives a row behind test `test` (its `explained`), with every field of the source (as
/// kpi rows reads them) and its place.
using RowBehindHandler = std::function<void(const RowTest& test, std::span<const expr::Value> row,
                                            const RowPlace& place)>;

/// Reads `source` once in file order and gives each test its first `limit` rows; stops reading
/// as soon as every test has them. Reads nothing when `limit` is 0 or there is no test. The
/// run's data quality was counted by its own pass, so this one's is left aside (bad cells are
/// read as missing, as they were there).
void read_rows_behind(const library::Library& library, const library::Source& source,
                      const FilesOf& files_of, const std::vector<RowTest>& tests, std::size_t limit,
                      const RowBehindHandler& on_row);

}  // namespace kpi::engine
