// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kpi/engine/data_quality.hpp"

namespace kpi::cli {

/// The options of every command that reads a KPI library.
struct LibraryFlags {
  std::string library = "kpi.toml";
  std::vector<std::string> data;
  std::string today;
  bool strict = false;
  std::size_t threads = 0;
};

/// Adds LIBRARY and --data; with `computes`, also --today and --strict, which only matter to
/// commands that compute values.
void add_library_flags(CLI::App& command, LibraryFlags& flags, bool computes = true);

/// Turns the flags into the library path, the --data overrides and the pinned today;
/// throws a usage error for a malformed --data or --today.
void apply_library_flags(const LibraryFlags& flags, std::string& library_path,
                         std::map<std::string, std::vector<std::string>>& data,
                         std::optional<std::int32_t>& today);

/// Tells on standard error what bad data was met and how it was handled.
void report_data_quality(const engine::DataQuality& quality);

}  // namespace kpi::cli
