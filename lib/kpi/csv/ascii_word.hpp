// SPDX-License-Identifier: MIT
// Private to lib/kpi/csv: the eight-bytes-at-a-time ASCII test the decoders share.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace kpi::csv::detail {

/// True when the 8 bytes at `bytes` are all ASCII, which UTF-8 and GB18030 text both pass
/// through unchanged: most of an export's bytes skip the per-character work this way.
inline bool is_ascii_word(const unsigned char* bytes) {
  std::uint64_t word;
  std::memcpy(&word, bytes, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

/// Copies the 16 bytes at `bytes` to `out` and returns how many of them, from the first, are
/// ASCII (16 when all are): the caller keeps that prefix and decodes the rest itself.
inline std::size_t copy_ascii_prefix(const unsigned char* bytes, char* out) {
#ifdef __SSE2__
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), block);
  const auto high_bits = static_cast<unsigned>(_mm_movemask_epi8(block));
  return high_bits == 0 ? 16 : static_cast<std::size_t>(std::countr_zero(high_bits));
#else
  std::memcpy(out, bytes, 16);
  std::size_t ascii = 0;
  while (ascii < 16 && bytes[ascii] < 0x80) {
    ++ascii;
  }
  return ascii;
#endif
}

}  // namespace kpi::csv::detail
