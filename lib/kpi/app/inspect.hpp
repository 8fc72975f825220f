// SPDX-License-Identifier: MIT
// `kpi inspect`: how an export reads, or its records after decoding.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "kpi/csv/column_profile.hpp"
#include "kpi/csv/dialect.hpp"
#include "kpi/report/record_output.hpp"

namespace kpi::app {

/// Reads the whole export once and profiles every column.
csv::FileProfile inspect_file(const std::string& path, const csv::ReaderOptions& options);

/// What writing the records found: the records skipped for having the wrong number of fields,
/// and how the file was read.
struct RecordsWritten {
  csv::SkippedRecords skipped;
  csv::Dialect dialect;
};

/// Writes the export's records to `sink` in `format`, at most `limit` of them.
RecordsWritten write_records(const std::string& path, const csv::ReaderOptions& options,
                             report::RecordFormat format, std::optional<std::uint64_t> limit,
                             const report::TextSink& sink);

}  // namespace kpi::app
