// SPDX-License-Identifier: MIT
// An export's records after decoding, as `kpi inspect --rows` prints them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "kpi/csv/reader.hpp"
#include "kpi/report/formats.hpp"

namespace kpi::report {

using RecordFormat = Format;  ///< one of kRecordFormats

/// Receives output text in pieces, in order.
using TextSink = std::function<void(std::string_view)>;

/// Writes the records of `reader` after decoding, each field exactly as the file holds it after
/// unquoting: a JSON array of objects keyed by header name, one such object per line, or RFC
/// 4180 CSV in UTF-8 (header first, LF line ends). `limit` caps the number of records.
void write_records(csv::Reader& reader, RecordFormat format, std::optional<std::uint64_t> limit,
                   const TextSink& sink);

}  // namespace kpi::report
