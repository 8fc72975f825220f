// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "kpi/engine/data_quality.hpp"
#include "kpi/expr/value.hpp"
#include "kpi/library/library.hpp"

namespace kpi::engine {

/// A key or breakdown value as text: dates as 2025-06-03, times as 2025-06-03 09:05:00, null
/// as "(missing)".
std::string key_text(const expr::Value& key);

/// A master table's field by key, for a lookup field of another source. Master tables are
/// read whole before the sources that look into them, so they cost a pass of their own and
/// memory in proportion to their rows (they are small: stores, products, staff).
struct LookupTable {
  LookupTable() = default;
  // Move-only: a copy's values would view the original's texts. (std::deque's move may throw,
  // so a vector of copyable tables would copy them when it grows.)
  LookupTable(const LookupTable&) = delete;
  LookupTable& operator=(const LookupTable&) = delete;
  LookupTable(LookupTable&&) = default;
  LookupTable& operator=(LookupTable&&) = default;

  std::size_t slot = 0;      ///< the lookup field's slot in the reading source
  std::size_t key_slot = 0;  ///< the key field's slot in the reading source
  std::unordered_map<std::string, expr::Value> values;
  std::deque<std::string> texts;  ///< what the text values view; a deque keeps them in place
};

/// The day of a row from a source without a time field (a master table): in every period.
inline constexpr std::int32_t kTimeless = std::numeric_limits<std::int32_t>::min();

/// Receives each usable row: the values of the source's fields in order (only the needed
/// ones are converted; the others are null) and the row's day.
using RowHandler = std::function<void(std::span<const expr::Value> row, std::int32_t day)>;

/// Lets scan_source read a source's files on `parts` threads: each thread takes the next
/// unread file, or byte range of a file large enough to split, until none is left. `fork(w)`
/// gives the handler for thread w's rows (a fresh state per thread); it is called on that
/// thread, at the same time as the others' forks, so that each state is allocated by the
/// thread that writes it (states allocated side by side would share cache lines between the
/// threads). A thread's rows come from any files, in no particular order. Once every file has
/// read without error, `join(w)` folds each thread's state in. When a range's end turns out to
/// fall inside a quoted field, no state is joined and the files are read again one after
/// another on the caller's thread.
struct PartHandlers {
  std::size_t parts = 1;
  /// Smaller ranges of a file are not worth a thread of their own. The last ranges of a
  /// large file are this size (~10 ms of one thread's work), so threads finish together.
  std::uint64_t min_part_bytes = std::uint64_t{4} << 20;
  std::function<RowHandler(std::size_t part)> fork;
  std::function<void(std::size_t part)> join;
};

/// The files of `source`: `overrides` (from --data) when given, else its paths and globs
/// relative to `library_dir`, each glob sorted by name. Throws kpi::Error ("data.files")
/// when a path or glob matches nothing.
std::vector<std::string> source_files(const library::Source& source,
                                      const std::filesystem::path& library_dir,
                                      const std::vector<std::string>& overrides);

/// The diagnostic for a field none of whose column names is in `header`: it lists the
/// file's headers and the closest match.
Diagnostic missing_column(const library::Source& source, const library::Field& field,
                          const std::string& file, const std::vector<std::string>& header);

/// Reads every file of a source in one pass, converting the needed fields by their type and
/// filling lookup fields from `lookups`.
/// Bad cells and rows are counted in `quality` by the documented rule; with `strict` the
/// first one is an error instead. A needed field whose column a file lacks is an error that
/// lists the file's headers and the closest match. With `in_parts`, the files are read on as
/// many threads, and files of at least two parts' worth in UTF-8 or GB18030 in ranges; the
/// rows, problems and errors are those of one sequential pass (the rows in another order).
void scan_source(const library::Source& source, const std::vector<std::string>& files,
                 const std::vector<bool>& needed_fields, bool strict, DataQuality& quality,
                 const RowHandler& on_row, const std::vector<LookupTable>& lookups = {},
                 const PartHandlers* in_parts = nullptr);

}  // namespace kpi::engine
