// SPDX-License-Identifier: MIT
// Where a report goes: -o FILE atomically, else standard output, where a binary format (xlsx)
// is refused on a terminal.
#pragma once

#include <string>
#include <string_view>

#include "kpi/report/formats.hpp"

namespace kpi::cli {

/// Throws a usage error ("usage.binary-to-terminal") when `format` is binary, no -o was given
/// and standard output is a terminal: a workbook's bytes would only garble the screen. Called
/// before any work, so the user hears it at once. Also throws ("usage.png-unavailable") for png
/// in a build without it.
void refuse_binary_on_terminal(report::Format format, const std::string& output);

/// `text` to `output` with write_file_atomically, or to standard output when `output` is "".
void write_output(const std::string& output, std::string_view text);

}  // namespace kpi::cli
