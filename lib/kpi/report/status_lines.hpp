// SPDX-License-Identifier: MIT
// What a run says on standard error about bad data, as lines the command-line tool prints.
#pragma once

#include <string>
#include <vector>

#include "kpi/csv/reader.hpp"
#include "kpi/engine/data_quality.hpp"

namespace kpi::report {

/// One line for standard error. A detail belongs to the warning before it (an example place).
struct StatusLine {
  enum class Kind { Warning, Note, Detail };
  Kind kind = Kind::Warning;
  std::string text;
  friend bool operator==(const StatusLine&, const StatusLine&) = default;
};

/// Records skipped for having the wrong number of fields: the first ones, how many more, and
/// that --strict makes the first an error.
std::vector<StatusLine> skipped_lines(const csv::SkippedRecords& skipped);

/// Each problem of the run by source and reason, with its count and first places.
std::vector<StatusLine> data_quality_lines(const engine::DataQuality& quality);

}  // namespace kpi::report
