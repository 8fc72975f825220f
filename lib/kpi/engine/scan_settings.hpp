// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace kpi::engine {

/// How a run reads its exports; every command that computes takes one, passed down as it is.
struct ScanSettings {
  /// Files per source name, replacing the library's paths (--data NAME=PATH).
  std::map<std::string, std::vector<std::string>> data;
  /// The first bad cell or record is an error, rather than counted and left out (--strict).
  bool strict = false;
  /// Threads that read the files, large ones in ranges; 0: one per core (--threads).
  std::size_t threads = 0;
};

}  // namespace kpi::engine
