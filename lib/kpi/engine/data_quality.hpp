// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kpi/core/diagnostic.hpp"

namespace kpi::engine {

/// Bad data met during a run, counted by source and reason with the first few places.
///
/// The rule, the same whatever KPIs the library defines: a cell that does not convert to its
/// field's type is missing for every measure; a row whose time is missing or invalid is left
/// out of every measure of its source; a record with the wrong number of fields is skipped.
struct DataProblem {
  std::string source;
  std::string reason;  ///< e.g. `column "实收金额" (field "amount"): not a number`
  std::uint64_t count = 0;
  std::vector<Diagnostic> first;
};

/// One file read, with what became of its records.
struct InputFile {
  std::string source;  ///< empty for the measures table
  std::string file;
  std::uint64_t records = 0;   ///< data records read (the header not counted)
  std::uint64_t skipped = 0;   ///< records with the wrong number of fields
  std::uint64_t left_out = 0;  ///< rows without a valid time
  /// Per field slot of the source, the header of the column its values were read from; ""
  /// for a field not read or taken from a master table.
  std::vector<std::string> columns;
  /// The currency symbols its money cells carry (see FileLayout::currencies).
  std::vector<std::string> currencies;
  /// The measures table read with --measures instead of the exports: a file of no source,
  /// each of whose records is a row of the table.
  bool measures_table = false;
};

class DataQuality {
 public:
  /// Lists a file read; a file read again (a master table that is also a source of measures)
  /// is listed once.
  void add_input(InputFile input);
  const std::vector<InputFile>& inputs() const { return inputs_; }
  /// Adds the inputs and problems of `other`'s sources that this does not list yet (a second
  /// pass over the same sources would count their bad data twice).
  void add_unlisted_sources(const DataQuality& other);
  void record(const std::string& source, const std::string& reason, Diagnostic example);
  void record_many(const std::string& source, const std::string& reason, std::uint64_t count,
                   const std::vector<Diagnostic>& examples);
  const std::vector<DataProblem>& problems() const { return problems_; }
  /// Adds the problems of a later part of a file, read on its own: its line numbers count
  /// from the part's start, `line_offset` lines into the file.
  void merge(const DataQuality& part, std::uint64_t line_offset);

 private:
  DataProblem& entry(const std::string& source, const std::string& reason);
  std::vector<DataProblem> problems_;
  std::vector<InputFile> inputs_;
};

}  // namespace kpi::engine
