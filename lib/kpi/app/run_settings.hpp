// SPDX-License-Identifier: MIT
// What every command that reads a library shares, set once from the command line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kpi/engine/scan_settings.hpp"

namespace kpi::app {

struct RunSettings {
  std::string library_path = "kpi.toml";
  /// Pins "today" for relative periods (--today); none: the system's date.
  std::optional<std::int32_t> today;
  engine::ScanSettings scan;
};

/// Every form --period takes, for the help text: "2025-06-03, 2025-W23, …, last-year".
std::string period_forms();

/// Adds "NAME=PATH" (from --data) to `settings`; throws a usage error ("usage.data") otherwise.
void add_data_override(engine::ScanSettings& settings, const std::string& assignment);

/// The day --today names, "2025-06-30" (any date form an export may use); throws a usage error
/// ("usage.today") for anything that is not a date without a time.
std::int32_t parse_today(std::string_view text);

}  // namespace kpi::app
