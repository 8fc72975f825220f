// SPDX-License-Identifier: MIT
// The progress line of a long run: "kpi: reading pos: 3.2 M rows" on standard error, redrawn in
// place, only when standard error is a terminal and -q was not given.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

namespace kpi::cli {

/// The callback for ScanSettings::progress when a progress line should be shown (standard
/// error is a terminal, not --quiet); empty otherwise.
std::function<void(std::string_view source, std::uint64_t rows)> progress_reporter();

/// Erases the progress line, if one is shown, before anything else is written to a terminal.
void clear_progress();

}  // namespace kpi::cli
