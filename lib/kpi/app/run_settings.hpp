// SPDX-License-Identifier: MIT
// What every command that reads a library shares, set once from the command line.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/engine/scan_settings.hpp"
#include "kpi/library/library.hpp"
#include "kpi/time/period.hpp"

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
/// Throws a usage error ("usage.as-of") when --as-of `day` is not a day of `period`.
void check_as_of(const time::Period& period, std::int32_t day);

/// The same for another option that takes a day (--as-of): the error names `option`.
std::int32_t parse_day(std::string_view option, std::string_view text);

/// Checks that each --data name is a source of `library`: a typo would otherwise read the
/// library's own files. Throws a usage error ("usage.data") with a suggestion.
void check_data_sources(const library::Library& library,
                        const std::map<std::string, std::vector<std::string>>& data);

}  // namespace kpi::app
