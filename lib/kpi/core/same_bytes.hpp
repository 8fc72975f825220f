// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace kpi {

/// Whether two texts have the same bytes. Inline, a word at a time from both ends, for the
/// short texts every row compares (codes and names in filters, breakdown values): for them a
/// call to memcmp costs more than the comparison.
inline bool same_bytes(std::string_view a, std::string_view b) {
  const std::size_t size = a.size();
  if (size != b.size()) {
    return false;
  }
  if (size >= 8 && size <= 16) {
    std::uint64_t a_front, a_back, b_front, b_back;
    std::memcpy(&a_front, a.data(), 8);
    std::memcpy(&b_front, b.data(), 8);
    std::memcpy(&a_back, a.data() + size - 8, 8);
    std::memcpy(&b_back, b.data() + size - 8, 8);
    return ((a_front ^ b_front) | (a_back ^ b_back)) == 0;
  }
  if (size >= 4 && size < 8) {
    std::uint32_t a_front, a_back, b_front, b_back;
    std::memcpy(&a_front, a.data(), 4);
    std::memcpy(&b_front, b.data(), 4);
    std::memcpy(&a_back, a.data() + size - 4, 4);
    std::memcpy(&b_back, b.data() + size - 4, 4);
    return ((a_front ^ b_front) | (a_back ^ b_back)) == 0;
  }
  return a == b;
}

}  // namespace kpi
