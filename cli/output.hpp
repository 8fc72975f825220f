// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

#include "kpi/core/diagnostic.hpp"
#include "kpi/csv/reader.hpp"

namespace kpi::cli {

/// Report text goes to standard output; everything else goes to standard error.
void write_stdout(std::string_view text);

/// Writes `text` to `path` through a temporary file beside it that is renamed over `path`
/// only when complete, so a failed or killed run never leaves half a report. Throws
/// kpi::Error ("data.write") when the folder is not writable.
void write_file_atomically(const std::string& path, std::string_view text);

/// "kpi: error: pos.csv:12: …" on standard error.
void print_error(const Diagnostic& diagnostic);
void print_warning(const Diagnostic& diagnostic);

/// Tells on standard error how many records were skipped and where the first ones are.
void report_skipped(const csv::SkippedRecords& skipped);

}  // namespace kpi::cli
