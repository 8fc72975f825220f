// SPDX-License-Identifier: MIT
// Private to lib/kpi/csv: the eight-bytes-at-a-time ASCII test the decoders share.
#pragma once

#include <cstdint>
#include <cstring>

namespace kpi::csv::detail {

/// True when the 8 bytes at `bytes` are all ASCII, which UTF-8 and GB18030 text both pass
/// through unchanged: most of an export's bytes skip the per-character work this way.
inline bool is_ascii_word(const unsigned char* bytes) {
  std::uint64_t word;
  std::memcpy(&word, bytes, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

}  // namespace kpi::csv::detail
