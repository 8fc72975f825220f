// SPDX-License-Identifier: MIT
// Taking the parts of a written period off the front of its text, for the period readers
// (written_period.cpp, chinese_period.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace kpi::time::text_scan {

/// Reads 1 to `most` ASCII digits from the front of `text`, and takes them off it.
inline std::optional<int> take_number(std::string_view& text, std::size_t most) {
  std::size_t length = 0;
  int value = 0;
  while (length < text.size() && length < most && text[length] >= '0' && text[length] <= '9') {
    value = value * 10 + (text[length++] - '0');
  }
  if (length == 0) {
    return std::nullopt;
  }
  text.remove_prefix(length);
  return value;
}

/// Takes `expected` off the front of `text` when it starts with it.
inline bool take(std::string_view& text, std::string_view expected) {
  if (!text.starts_with(expected)) {
    return false;
  }
  text.remove_prefix(expected.size());
  return true;
}

}  // namespace kpi::time::text_scan
