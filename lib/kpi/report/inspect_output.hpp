// SPDX-License-Identifier: MIT
// The summary `kpi inspect` prints: how an export reads and what each column holds.
#pragma once

#include <string>

#include "kpi/csv/column_profile.hpp"

namespace kpi::report {

/// The file, its encoding and delimiter (detected or given), its record count, a table of its
/// columns (type, empty cells, range, samples on one line each) and notes on renamed headers
/// and skipped records.
std::string render_file_profile(const csv::FileProfile& profile);

/// When GB18030 was detected but the bytes read better in another encoding: which, and how to
/// name it (a note of the summary, a warning beside the records); empty otherwise.
std::string encoding_note(const csv::Dialect& dialect);

}  // namespace kpi::report
