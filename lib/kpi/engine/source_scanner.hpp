// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "kpi/engine/data_quality.hpp"
#include "kpi/engine/row_reader.hpp"
#include "kpi/engine/source_files.hpp"
#include "kpi/expr/value.hpp"
#include "kpi/library/library.hpp"

namespace kpi::engine {

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

/// Reads every file of a source in one pass, converting the needed fields by their type and
/// filling lookup fields from `lookups`.
/// Bad cells and rows are counted in `quality` by the documented rule; with `strict` the
/// first one is an error instead. A needed field whose column a file lacks is an error that
/// lists the file's headers and the closest match. With `in_parts`, the files are read on as
/// many threads, and files of at least two parts' worth in UTF-8 or GB18030 in ranges; the
/// rows, problems and errors are those of one sequential pass (the rows in another order).
/// With `hooks.reads_day`, rows of the days it says no to are counted and their cells judged
/// (see RowReader), but they reach no handler; `hooks.records_read` is told of the records
/// read, on each reading thread.
void scan_source(const library::Source& source, const std::vector<std::string>& files,
                 const std::vector<bool>& needed_fields, bool strict, DataQuality& quality,
                 const RowHandler& on_row, const std::vector<LookupTable>& lookups = {},
                 const PartHandlers* in_parts = nullptr, const ReadingHooks& hooks = {});

/// Reads the files of a source one after another on the caller's thread, as scan_source does
/// without parts, giving each row's file and line: the rows come in file order. When `on_row`
/// returns false, reading stops there: the rest of that file and the files after it are not
/// read (nor counted in `quality`).
void scan_source_in_order(const library::Source& source, const std::vector<std::string>& files,
                          const std::vector<bool>& needed_fields, bool strict, DataQuality& quality,
                          const PlacedRowHandler& on_row,
                          const std::vector<LookupTable>& lookups = {});

}  // namespace kpi::engine
