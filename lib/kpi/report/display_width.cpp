// SPDX-License-Identifier: MIT
#include "kpi/report/display_width.hpp"

#include <array>
#include <cstdint>

namespace kpi {
namespace {

struct Range {
  char32_t first, last;
};

// The East Asian Wide and Fullwidth blocks that occur in exports.
constexpr std::array<Range, 13> kWideRanges = {{
    {0x1100, 0x115F},    // Hangul Jamo
    {0x2E80, 0x303E},    // CJK radicals, punctuation
    {0x3041, 0x33FF},    // kana, CJK compatibility
    {0x3400, 0x4DBF},    // CJK extension A
    {0x4E00, 0x9FFF},    // CJK unified ideographs
    {0xA000, 0xA4CF},    // Yi
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK compatibility ideographs
    {0xFF00, 0xFF60},    // full-width forms
    {0xFFE0, 0xFFE6},    // full-width signs (￥)
    {0x1F300, 0x1F64F},  // pictographs and emoticons (🎁)
    {0x1F680, 0x1F6FF},  // transport and map symbols
    {0x1F900, 0x1F9FF},  // supplemental symbols and pictographs
}};

// Decodes the character at `position` and advances past it; invalid bytes count as one each.
char32_t next_code_point(std::string_view text, std::size_t& position) {
  const auto lead = static_cast<unsigned char>(text[position]);
  const std::size_t length = lead < 0x80    ? 1
                             : lead >= 0xF0 ? 4
                             : lead >= 0xE0 ? 3
                             : lead >= 0xC0 ? 2
                                            : 1;
  if (position + length > text.size()) {
    ++position;
    return 0xFFFD;
  }
  char32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    code = (code << 6) | (static_cast<unsigned char>(text[position + k]) & 0x3F);
  }
  position += length;
  return code;
}

std::size_t width_of(char32_t code) {
  if (code >= 0x20000 && code <= 0x3FFFD) {
    return 2;
  }
  for (const Range& range : kWideRanges) {
    if (code >= range.first && code <= range.last) {
      return 2;
    }
  }
  return 1;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t position = 0; position < text.size();) {
    width += width_of(next_code_point(text, position));
  }
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) {
    return std::string(text);
  }
  if (width == 0) {
    return "";
  }
  std::string cut;
  std::size_t used = 0;
  for (std::size_t position = 0; position < text.size();) {
    const std::size_t start = position;
    const std::size_t char_width = width_of(next_code_point(text, position));
    if (used + char_width + 1 > width) {
      break;
    }
    cut.append(text.substr(start, position - start));
    used += char_width;
  }
  return cut + "\xE2\x80\xA6";  // …
}

std::string pad_to_width(std::string_view text, std::size_t width) {
  std::string padded(text);
  const std::size_t used = display_width(text);
  if (used < width) {
    padded.append(width - used, ' ');
  }
  return padded;
}

}  // namespace kpi
