// SPDX-License-Identifier: MIT
#include "kpi/value/cell_text.hpp"

#include <array>

namespace kpi {
namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
constexpr std::string_view kMinusSign = "\xE2\x88\x92";  // U+2212
// U+FEFF: the byte-order mark of a file that was appended to another (cat a.csv b.csv), or
// pasted from Excel, lands at the start of a cell; invisible, it would split a group in two.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Length of the blank (ASCII or wide) that starts `text`, or 0.
std::size_t leading_blank(std::string_view text) {
  if (!text.empty() && is_ascii_space(text.front())) {
    return 1;
  }
  for (std::string_view blank : {kNoBreakSpace, kIdeographicSpace, kByteOrderMark}) {
    if (text.starts_with(blank)) {
      return blank.size();
    }
  }
  return 0;
}

std::size_t trailing_blank(std::string_view text) {
  if (!text.empty() && is_ascii_space(text.back())) {
    return 1;
  }
  for (std::string_view blank : {kNoBreakSpace, kIdeographicSpace}) {
    if (text.ends_with(blank)) {
      return blank.size();
    }
  }
  return 0;
}

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'a' && a[i] <= 'z' ? static_cast<char>(a[i] - 32) : a[i];
    if (x != b[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

namespace detail {

std::string_view trim_blanks(std::string_view text) {
  while (std::size_t blank = leading_blank(text)) {
    text.remove_prefix(blank);
  }
  while (std::size_t blank = trailing_blank(text)) {
    text.remove_suffix(blank);
  }
  return text;
}

bool is_short_missing_token(std::string_view trimmed) {
  static constexpr std::array<std::string_view, 9> kTokens = {
      "", "-", "--", "\xE2\x80\x94", "N/A", "NA", "NULL", "#N/A", "NONE"};
  for (std::string_view token : kTokens) {
    if (equals_ignoring_ascii_case(trimmed, token)) {
      return true;
    }
  }
  return false;
}

}  // namespace detail

std::optional<bool> parse_bool_token(std::string_view trimmed) {
  for (std::string_view yes : {"TRUE", "YES", "Y", "1", "\xE6\x98\xAF"}) {  // 是
    if (equals_ignoring_ascii_case(trimmed, yes)) {
      return true;
    }
  }
  for (std::string_view no : {"FALSE", "NO", "N", "0", "\xE5\x90\xA6"}) {  // 否
    if (equals_ignoring_ascii_case(trimmed, no)) {
      return false;
    }
  }
  return std::nullopt;
}

std::string fold_full_width(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = [&](std::size_t offset) { return static_cast<unsigned char>(text[offset]); };
    // U+FF01..U+FF5E are EF BC 81..EF BD 9E and map to ASCII 0x21..0x7E.
    if (i + 2 < text.size() && byte(i) == 0xEF && (byte(i + 1) == 0xBC || byte(i + 1) == 0xBD)) {
      const unsigned code = (byte(i + 1) == 0xBC ? 0x00u : 0x40u) + byte(i + 2) - 0x80u;
      const char ascii = static_cast<char>(0x20 + code);
      if (code >= 0x01 && code <= 0x5E &&
          std::string_view("0123456789.,-+%()").find(ascii) != std::string_view::npos) {
        folded.push_back(ascii);
        i += 2;
        continue;
      }
    }
    if (text.substr(i).starts_with(kMinusSign)) {
      folded.push_back('-');
      i += kMinusSign.size() - 1;
      continue;
    }
    if (text.substr(i).starts_with(kIdeographicSpace)) {
      folded.push_back(' ');
      i += kIdeographicSpace.size() - 1;
      continue;
    }
    folded.push_back(text[i]);
  }
  return folded;
}

}  // namespace kpi
