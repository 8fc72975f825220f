// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "kpi/library/library.hpp"

namespace kpi::engine {

/// The files of `source`: `overrides` (from --data) when given, else its paths and globs
/// relative to `library_dir`, each glob sorted by name. Throws kpi::Error ("data.files")
/// when a path or glob matches nothing.
std::vector<std::string> source_files(const library::Source& source,
                                      const std::filesystem::path& library_dir,
                                      const std::vector<std::string>& overrides);

}  // namespace kpi::engine
