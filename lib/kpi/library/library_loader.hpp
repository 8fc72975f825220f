// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>

#include "kpi/library/library.hpp"

namespace kpi::library {

/// Reads a KPI library file (TOML; the format is in README.md, "The KPI library") and parses
/// every expression in it. Throws kpi::Error with a "library." code located at the offending
/// key or value (`kpi.toml:12:5: …`). Names inside expressions are checked by check_library().
Library load_library(const std::filesystem::path& path);

/// The same, from text; `path` names it in messages and anchors relative file paths.
Library load_library_text(std::string_view text, const std::filesystem::path& path);

}  // namespace kpi::library
