// SPDX-License-Identifier: MIT
// A source's rows after its mapping, one by one: what `kpi rows` writes for loading exports
// into a database with the right types.
#pragma once

#include <functional>
#include <optional>
#include <span>

#include "kpi/engine/data_quality.hpp"
#include "kpi/engine/lookup_tables.hpp"
#include "kpi/engine/row_reader.hpp"
#include "kpi/expr/value.hpp"
#include "kpi/library/library.hpp"
#include "kpi/time/period.hpp"

namespace kpi::engine {

/// Receives one row: the values of every field of the source, in the library's order, the
/// row's day (kTimeless for a source without time) and its place. Returns false to read no
/// further rows.
using MappedRowHandler =
    std::function<bool(std::span<const expr::Value> row, std::int32_t day, const RowPlace& place)>;

/// Reads every file of `source` in order, on one thread (so rows come in file order),
/// converting every field by its type and filling lookup fields from their master tables.
/// With `period`, only rows whose time falls in it are passed on; a source without time passes
/// every row. Bad cells and rows are counted in `quality` by the documented rule (a bad cell
/// is missing, a row without a valid time is left out); with `strict` the first is an error.
/// Stops at the first row for which `on_row` returns false.
void read_mapped_rows(const library::Library& library, const library::Source& source,
                      const FilesOf& files_of, bool strict,
                      const std::optional<time::Period>& period, DataQuality& quality,
                      const MappedRowHandler& on_row);

}  // namespace kpi::engine
