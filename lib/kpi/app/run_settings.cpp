// SPDX-License-Identifier: MIT
#include "kpi/app/run_settings.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kpi/core/diagnostic.hpp"
#include "kpi/core/did_you_mean.hpp"
#include "kpi/time/period.hpp"
#include "kpi/value/date_parser.hpp"

namespace kpi::app {

std::string period_forms() { return time::period_forms(); }

void add_data_override(engine::ScanSettings& settings, const std::string& assignment) {
  const std::size_t equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0 || equals + 1 == assignment.size()) {
    throw Error({"usage.data",
                 fmt::format("--data \"{}\": expected SOURCE=PATH, e.g. pos=june.csv", assignment),
                 {}});
  }
  const std::string source = assignment.substr(0, equals);
  const std::string path = assignment.substr(equals + 1);
  if (path == "-") {
    // Standard input can be read once: a second source would find it used up ("empty").
    for (const auto& [other, paths] : settings.data) {
      if (std::find(paths.begin(), paths.end(), "-") != paths.end()) {
        throw Error({"usage.data",
                     fmt::format("--data {}=- and --data {}=-: standard input can be read by "
                                 "one source only",
                                 other, source),
                     {}});
      }
    }
  }
  settings.data[source].push_back(path);
}

std::int32_t parse_today(std::string_view text) { return parse_day("--today", text); }

void check_as_of(const time::Period& period, std::int32_t day) {
  if (!period.contains(day)) {
    throw Error({"usage.as-of",
                 fmt::format("--as-of {} is outside {} ({} to {}): give a day of the period",
                             format_date(day), period.label, format_date(period.first_day),
                             format_date(period.last_day)),
                 {}});
  }
}

std::int32_t parse_day(std::string_view option, std::string_view text) {
  const DateTimeCell date = parse_date_time(text);
  if (date.status != CellStatus::Value || date.has_time) {
    throw Error({fmt::format("usage.{}", option.substr(2)),
                 fmt::format("{} \"{}\" is not a date such as 2025-06-30", option, text),
                 {}});
  }
  return date.days;
}

// --data names must be sources of the library; a typo would otherwise read the default files.
void check_data_sources(const library::Library& library,
                        const std::map<std::string, std::vector<std::string>>& data) {
  std::vector<std::string> names;
  for (const library::Source& source : library.sources) {
    names.push_back(source.name);
  }
  for (const auto& [name, files] : data) {
    if (library.find_source(name) == nullptr) {
      throw Error({"usage.data",
                   fmt::format("--data {}=…: the library has no source \"{}\"{}", name, name,
                               did_you_mean(name, names)),
                   {}});
    }
  }
}

}  // namespace kpi::app
