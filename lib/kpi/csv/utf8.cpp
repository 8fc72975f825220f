// SPDX-License-Identifier: MIT
#include "kpi/csv/utf8.hpp"

#include <cstdint>
#include <cstring>

#include "kpi/csv/ascii_word.hpp"
#include "kpi/csv/utf8_blocks.hpp"

namespace kpi::csv {
namespace {

// Length of the sequence that starts with `lead`, and the range its second byte must be in
// (the narrower ranges exclude overlong forms, surrogates and values above U+10FFFF).
struct SequenceShape {
  int length = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;
};

SequenceShape shape_of(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {2};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};
  if (lead == 0xED) return {3, 0x80, 0x9F};
  if (lead >= 0xE1 && lead <= 0xEF) return {3};
  if (lead == 0xF0) return {4, 0x90, 0xBF};
  if (lead == 0xF4) return {4, 0x80, 0x8F};
  if (lead >= 0xF1 && lead <= 0xF3) return {4};
  return {};
}

}  // namespace

Utf8Check check_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  // Long texts are mostly checked 64 bytes at a time; the rest, and any problem, byte by byte.
  std::size_t pos = detail::valid_utf8_prefix(bytes, size);
  while (pos < size) {
    if (pos + 8 <= size && detail::is_ascii_word(bytes + pos)) {
      pos += 8;
      continue;
    }
    const unsigned char lead = bytes[pos];
    if (lead < 0x80) {
      ++pos;
      continue;
    }
    // Chinese text is mostly three-byte sequences: check them without the general loop.
    if ((lead & 0xF0) == 0xE0 && pos + 3 <= size) {
      const unsigned char second = bytes[pos + 1];
      const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
      const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
      if (second >= low && second <= high && (bytes[pos + 2] & 0xC0) == 0x80) {
        pos += 3;
        continue;
      }
    }
    const SequenceShape shape = shape_of(lead);
    if (shape.length == 0) {
      return {pos, false};
    }
    for (int k = 1; k < shape.length; ++k) {
      if (pos + static_cast<std::size_t>(k) >= size) {
        return {pos, true};
      }
      const unsigned char byte = bytes[pos + static_cast<std::size_t>(k)];
      const unsigned char low = k == 1 ? shape.second_min : 0x80;
      const unsigned char high = k == 1 ? shape.second_max : 0xBF;
      if (byte < low || byte > high) {
        return {pos, false};
      }
    }
    pos += static_cast<std::size_t>(shape.length);
  }
  return {size, false};
}

}  // namespace kpi::csv
