// SPDX-License-Identifier: MIT
#include "kpi/report/display_width.hpp"

#include <utf8proc.h>

#include <cstdint>

namespace kpi {
namespace {

// The columns of the character at `position`, advancing past it: utf8proc's widths of the
// current Unicode (2 for wide and full-width characters and emoji, 0 for combining marks); an
// invalid byte counts one column and is passed alone.
std::size_t next_width(std::string_view text, std::size_t& position) {
  utf8proc_int32_t code = 0;
  const utf8proc_ssize_t length =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + position),
                       static_cast<utf8proc_ssize_t>(text.size() - position), &code);
  if (length <= 0) {
    ++position;
    return 1;
  }
  position += static_cast<std::size_t>(length);
  return static_cast<std::size_t>(utf8proc_charwidth(code));
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t position = 0; position < text.size();) {
    width += next_width(text, position);
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
    const std::size_t char_width = next_width(text, position);
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
