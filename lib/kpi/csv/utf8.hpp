// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string_view>

namespace kpi::csv {

/// How much of a byte string is well-formed UTF-8 (no overlong forms, no surrogates, nothing
/// above U+10FFFF).
struct Utf8Check {
  std::size_t valid_length = 0;  ///< bytes before the first problem, or the whole size
  /// True when the only problem is a sequence cut off by the end of the bytes, which more
  /// bytes could complete.
  bool truncated = false;
  bool ok(std::size_t size) const { return valid_length == size; }
};

Utf8Check check_utf8(std::string_view bytes);

}  // namespace kpi::csv
