// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/app/column_profile.hpp"
#include "kpi/csv/reader.hpp"

namespace kpi::app {

/// What a user needs to write a column mapping for one export.
struct InspectSummary {
  std::string file;
  csv::Dialect dialect;
  std::uint64_t records = 0;
  std::vector<ColumnProfile> columns;
  std::vector<csv::HeaderRename> renames;
  csv::SkippedRecords skipped;
};

/// Reads the whole export once and profiles every column.
InspectSummary inspect_file(const std::string& path, const csv::ReaderOptions& options);

enum class RecordFormat { Json, JsonLines, Csv };

/// Receives output text in pieces, in order.
using TextSink = std::function<void(std::string_view)>;

/// Writes the records of `reader` after decoding, each field exactly as the file holds it after
/// unquoting: a JSON array of objects keyed by header name, one such object per line, or RFC
/// 4180 CSV in UTF-8 (header first, LF line ends). `limit` caps the number of records.
void write_records(csv::Reader& reader, RecordFormat format, std::optional<std::uint64_t> limit,
                   const TextSink& sink);

}  // namespace kpi::app
