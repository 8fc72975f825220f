// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kpi/app/run_settings.hpp"

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

/// Rejects an empty value ("" from an unset shell variable), which would otherwise silently
/// mean "option not given": `what` says what to give instead, e.g. "a file path".
CLI::Validator not_empty(const std::string& what);

/// The most threads --threads takes: more only costs memory (each holds a part of every table).
inline constexpr int kMaxThreads = 256;

/// The run's settings from the flags; throws a usage error for a malformed --data or --today.
app::RunSettings run_settings(const LibraryFlags& flags);

}  // namespace kpi::cli
