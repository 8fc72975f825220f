// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::csv {

/// A header name that had to change so that every column has a distinct, non-empty name.
struct HeaderRename {
  std::size_t column = 0;  ///< 1-based
  std::string original;
  std::string renamed;
};

struct Header {
  std::vector<std::string> names;
  std::vector<HeaderRename> renames;
};

/// Cleans the raw header fields: surrounding blanks and a stray byte-order mark are removed;
/// an empty name becomes "column_N" (N its 1-based position); the second and later copies of
/// a name get "_2", "_3", … appended (skipping any suffix another column already has).
Header normalize_header(std::span<const std::string_view> fields);

}  // namespace kpi::csv
