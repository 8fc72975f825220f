// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
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
  /// Told, from any reading thread, of every kProgressRows rows of a source read: for a
  /// progress line on a terminal. Empty (the default) costs the rows nothing.
  std::function<void(std::string_view source, std::uint64_t rows)> progress;
};

/// How many rows of a source go between two calls of ScanSettings::progress.
inline constexpr std::uint64_t kProgressRows = std::uint64_t{1} << 16;

}  // namespace kpi::engine
