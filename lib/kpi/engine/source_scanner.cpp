// SPDX-License-Identifier: MIT
#include "kpi/engine/source_scanner.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <optional>
#include <system_error>
#include <thread>

#include "kpi/csv/reader.hpp"

namespace kpi::engine {
namespace {

// Reads one file whole with `read(reader, layout, input)` (RowReader::read or read_placed);
// returns what it returns.
template <typename Read>
auto scan_whole_file(const RowReader& rows, const std::string& source, const std::string& file,
                     DataQuality& quality, const Read& read) {
  const auto reader = csv::Reader::open(file, rows.options());
  const FileLayout layout = rows.layout_of(*reader, quality);
  InputFile input{source, reader->file(), 0, 0, 0, layout.column_names, layout.currencies};
  const auto result = read(*reader, layout, input);
  record_skipped(source, reader->skipped(), 0, quality, input);
  quality.add_input(std::move(input));
  return result;
}

// The file opened once for all its ranges, or none when it is not a regular file (a FIFO,
// standard input) and so is read in one piece.
std::shared_ptr<const csv::OpenFile> open_regular_file(const std::string& file) {
  std::error_code error;
  if (file == "-" || !std::filesystem::is_regular_file(file, error)) {
    return nullptr;
  }
  return csv::OpenFile::open(file);
}

// The offset just past the first line feed at or after `offset`, or the end when there is none.
std::uint64_t next_line_start(const std::shared_ptr<const csv::OpenFile>& file,
                              std::uint64_t offset) {
  const auto input = csv::ByteInput::open_range(file, offset, file->size());
  std::string block(std::size_t{1} << 16, '\0');
  while (const std::size_t count = csv::read_fully(*input, block.data(), block.size())) {
    if (const void* found = std::memchr(block.data(), '\n', count)) {
      return offset + static_cast<std::uint64_t>(static_cast<const char*>(found) - block.data()) +
             1;
    }
    offset += count;
  }
  return file->size();
}

// Splitting at a line feed is safe where a line feed byte is always a line feed: in UTF-8 and
// the GB encodings, not in UTF-16, and not with bare-CR line ends.
bool splits_at_line_feeds(const csv::Dialect& dialect) {
  return !dialect.bare_cr_line_ends &&
         (dialect.encoding.is_utf8() || dialect.encoding.name.starts_with("GB"));
}

// One piece of a source's files that a thread reads alone: a whole file, or a byte range of a
// large one.
struct Unit {
  std::size_t file = 0;                            // index in the source's files
  std::shared_ptr<const csv::OpenFile> open_file;  // a range's file, shared by its ranges
  std::uint64_t begin = 0, end = 0;
  bool whole = true;  // the whole file, opened and sniffed by the thread that reads it
  // For a range: its file's layout, and the reader of the file's first range (opened
  // beforehand, as the other ranges take its dialect and header) or the continuation.
  std::shared_ptr<const FileLayout> layout;
  std::unique_ptr<csv::Reader> reader;
  std::optional<csv::Continuation> continuation;
  // What reading it found.
  DataQuality quality;
  InputFile input;
  std::uint64_t lines = 0;
  csv::SkippedRecords skipped;
  std::exception_ptr error;
};

bool is_boundary_inside_quotes(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const Error& failure) {
    const std::string& code = failure.diagnostic().code;
    return code == "data.unterminated-quote" || code == "data.record-too-long";
  } catch (...) {
    return false;
  }
}

// Rethrows a unit's error with the file's line number. Only a place in the file moves: an
// error located elsewhere (a measure in kpi.toml) keeps its line.
[[noreturn]] void rethrow_at(const std::exception_ptr& error, const std::string& file,
                             std::uint64_t line_offset) {
  try {
    std::rethrow_exception(error);
  } catch (const Error& failure) {
    Diagnostic diagnostic = failure.diagnostic();
    if (diagnostic.where.line != 0 && diagnostic.where.file == file) {
      diagnostic.where.line += line_offset;
    }
    throw Error(std::move(diagnostic));
  }
}

// Where a file's ranges end, before moving each to a line start: ranges shrink as the file is
// shared out, each a fraction of what is left, so that threads taking the next range finish
// within a few milliseconds of each other whatever their rows cost (W at 10 M rows in two
// equal halves left one thread idle for 5 % of the time).
std::vector<std::uint64_t> range_ends(std::uint64_t size, std::size_t parts,
                                      std::uint64_t min_part_bytes) {
  const std::uint64_t smallest = std::max<std::uint64_t>(1, min_part_bytes);
  std::vector<std::uint64_t> ends;
  for (std::uint64_t begin = 0; begin < size;) {
    const std::uint64_t left = size - begin;
    const std::uint64_t range = std::max<std::uint64_t>(smallest, left / (2 * parts));
    begin = left - range < smallest ? size : begin + range;
    ends.push_back(begin);
  }
  return ends;
}

// Adds the units of one file: its ranges when it is large enough to split (and splits safely
// at line feeds), else the whole file.
void add_units(const RowReader& rows, const std::vector<std::string>& files, std::size_t f,
               const PartHandlers& handlers, std::vector<Unit>& units) {
  const std::string& file = files[f];
  const std::size_t first = units.size();  // an index: adding the ranges moves the units
  units.emplace_back().file = f;
  try {
    const std::shared_ptr<const csv::OpenFile> open_file = open_regular_file(file);
    const std::uint64_t size = open_file ? open_file->size() : 0;
    const auto count = static_cast<std::size_t>(std::min<std::uint64_t>(
        handlers.parts, size / std::max<std::uint64_t>(1, handlers.min_part_bytes)));
    if (count < 2) {
      return;
    }
    std::vector<std::uint64_t> ends;
    for (const std::uint64_t end : range_ends(size, handlers.parts, handlers.min_part_bytes)) {
      const std::uint64_t line_start = end == size ? size : next_line_start(open_file, end);
      if (ends.empty() || line_start > ends.back()) {  // a range within one line is none
        ends.push_back(line_start);
      }
      if (line_start == size) {
        break;
      }
    }
    auto reader = csv::Reader::open(csv::ByteInput::open_range(open_file, 0, ends.front()), file,
                                    rows.options());
    if (!splits_at_line_feeds(reader->dialect())) {
      return;
    }
    const auto layout =
        std::make_shared<const FileLayout>(rows.layout_of(*reader, units[first].quality));
    const csv::Continuation continuation{reader->dialect(), reader->header(), 0};
    units[first].whole = false;
    units[first].open_file = open_file;
    units[first].end = ends.front();
    units[first].layout = layout;
    units[first].reader = std::move(reader);
    for (std::size_t p = 1; p < ends.size() && ends[p - 1] < size; ++p) {
      Unit& unit = units.emplace_back();
      unit.file = f;
      unit.whole = false;
      unit.open_file = open_file;
      unit.begin = ends[p - 1];
      unit.end = ends[p];
      unit.layout = layout;
      unit.continuation = continuation;
      unit.continuation->byte_offset = unit.begin;
    }
  } catch (...) {
    units[first].error = std::current_exception();  // raised in its turn, as one pass would
  }
}

void read_unit(const RowReader& rows, const std::string& source, const std::string& file,
               Unit& unit, const RowHandler& on_row) {
  unit.input = {source, file, 0, 0, 0, {}, {}};
  if (unit.whole) {
    unit.reader = csv::Reader::open(file, rows.options());
    unit.layout = std::make_shared<const FileLayout>(rows.layout_of(*unit.reader, unit.quality));
  } else if (!unit.reader) {
    csv::ReaderOptions options = rows.options();
    options.continues = unit.continuation;
    unit.reader = csv::Reader::open(
        csv::ByteInput::open_range(unit.open_file, unit.begin, unit.end), file, options);
  }
  rows.read(*unit.reader, *unit.layout, unit.quality, on_row, unit.input);
  unit.lines = unit.reader->lines_read();
  unit.skipped = unit.reader->skipped();
  unit.reader.reset();  // its buffers
}

// Reads a source's files on threads, each taking the next unread file or range of a large
// file, into a state of its own; false when they must be read one after another instead.
bool scan_files_in_parts(const RowReader& rows, const std::string& source,
                         const std::vector<std::string>& files, DataQuality& quality,
                         const PartHandlers& handlers) {
  if (std::find(files.begin(), files.end(), "-") != files.end()) {
    return false;  // standard input is read on the caller's thread, in its turn
  }
  std::vector<Unit> units;
  for (std::size_t f = 0; f < files.size(); ++f) {
    add_units(rows, files, f, handlers, units);
  }
  const std::size_t workers = std::min(handlers.parts, units.size());
  if (workers < 2) {
    return false;
  }
  std::atomic<std::size_t> next_unit{0};
  std::atomic<bool> failed{false};
  std::vector<std::exception_ptr> fork_errors(workers);
  const auto work = [&](std::size_t w) {
    RowHandler on_row;
    try {
      // Forked here, so that the worker's state is allocated by the thread that writes it.
      on_row = handlers.fork(w);
    } catch (...) {
      fork_errors[w] = std::current_exception();
      failed = true;
      return;
    }
    // Units are taken in order, so when one fails, every unit before it has been taken.
    for (std::size_t u = next_unit++; u < units.size() && !failed; u = next_unit++) {
      Unit& unit = units[u];
      if (unit.error) {
        failed = true;
        break;
      }
      try {
        read_unit(rows, source, files[unit.file], unit, on_row);
      } catch (...) {
        unit.error = std::current_exception();
        unit.reader.reset();
        failed = !is_boundary_inside_quotes(unit.error);
      }
    }
  };
  std::vector<std::thread> threads;
  std::size_t first_inline = workers;  // workers no thread could be had for
  for (std::size_t w = 1; w < workers; ++w) {
    try {
      threads.emplace_back(work, w);
    } catch (const std::system_error&) {
      first_inline = w;
      break;
    }
  }
  work(0);
  for (std::size_t w = first_inline; w < workers; ++w) {
    work(w);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  for (const std::exception_ptr& error : fork_errors) {
    if (error) {
      std::rethrow_exception(error);
    }
  }
  // A range that ends inside a quoted field: the file is read again in one piece, and so
  // are the others, as no worker's state can be split by file.
  for (std::size_t u = 0; u + 1 < units.size(); ++u) {
    if (units[u].error && !units[u].whole && units[u + 1].file == units[u].file &&
        is_boundary_inside_quotes(units[u].error)) {
      return false;
    }
  }
  // A file written to while its ranges were read may have parts that do not belong together.
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (units[u].open_file && (u == 0 || units[u - 1].open_file != units[u].open_file)) {
      units[u].open_file->check_unchanged();
    }
  }
  // Each range's line numbers count from its start: add the lines of the ranges before it.
  std::uint64_t line_offset = 0;
  for (std::size_t u = 0; u < units.size(); ++u) {
    line_offset = u > 0 && units[u - 1].file == units[u].file ? line_offset : 0;
    if (units[u].error) {
      rethrow_at(units[u].error, files[units[u].file], line_offset);
    }
    line_offset += units[u].lines;
  }
  for (std::size_t w = 0; w < workers; ++w) {
    handlers.join(w);
  }
  // Problems file by file, as one pass finds them: the rows' first, then the skipped records.
  for (std::size_t first = 0, last = 0; first < units.size(); first = last) {
    const std::size_t file = units[first].file;
    for (last = first; last < units.size() && units[last].file == file;) {
      ++last;
    }
    InputFile input{source, files[file], 0, 0, 0, {}, {}};
    if (units[first].layout) {
      input.columns = units[first].layout->column_names;
      input.currencies = units[first].layout->currencies;
    }
    std::uint64_t offset = 0;
    for (std::size_t u = first; u < last; offset += units[u++].lines) {
      quality.merge(units[u].quality, offset);
      input.records += units[u].input.records;
      input.left_out += units[u].input.left_out;
    }
    offset = 0;
    for (std::size_t u = first; u < last; offset += units[u++].lines) {
      record_skipped(source, units[u].skipped, offset, quality, input);
    }
    quality.add_input(std::move(input));
  }
  return true;
}

}  // namespace

void scan_source(const library::Source& source, const std::vector<std::string>& files,
                 const std::vector<bool>& needed_fields, bool strict, DataQuality& quality,
                 const RowHandler& on_row, const std::vector<LookupTable>& lookups,
                 const PartHandlers* in_parts, const ReadingHooks& hooks) {
  const RowReader rows(source, needed_fields, strict, lookups, hooks);
  if (in_parts != nullptr && in_parts->parts > 1 &&
      scan_files_in_parts(rows, source.name, files, quality, *in_parts)) {
    return;
  }
  for (const std::string& file : files) {
    scan_whole_file(rows, source.name, file, quality,
                    [&](csv::Reader& reader, const FileLayout& layout, InputFile& input) {
                      rows.read(reader, layout, quality, on_row, input);
                      return true;
                    });
  }
}

void scan_source_in_order(const library::Source& source, const std::vector<std::string>& files,
                          const std::vector<bool>& needed_fields, bool strict, DataQuality& quality,
                          const PlacedRowHandler& on_row, const std::vector<LookupTable>& lookups) {
  const RowReader rows(source, needed_fields, strict, lookups);
  for (const std::string& file : files) {
    const bool to_the_end =
        scan_whole_file(rows, source.name, file, quality,
                        [&](csv::Reader& reader, const FileLayout& layout, InputFile& input) {
                          return rows.read_placed(reader, layout, quality, on_row, input);
                        });
    if (!to_the_end) {
      return;
    }
  }
}

}  // namespace kpi::engine
